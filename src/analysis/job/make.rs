//! The encoder's requests to the Web Worker and their answers: sign a
//! token, make a key. Plain data, defined once for both sides; the worker
//! answers them with `analysis::sign` (feature `crypto`), the page holds
//! none of that code. A private key travels only inside these messages:
//! never into storage or a URL.

use crate::analysis::vocab::SecretEncoding;
use serde::{Deserialize, Serialize};

/// The key to sign with, as the encoder has it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MakeKey {
    /// Pasted or generated key text: a private PEM, a JWK with `d` (or
    /// `priv`), a JWKS holding one, or a `kty: oct` JWK.
    Text(String),
    /// An HMAC secret typed in `encoding`.
    Secret {
        /// The secret as typed.
        text: String,
        /// How to read it (`auto` reads it as text).
        encoding: SecretEncoding,
    },
}

/// Sign `payload` under `header` with `key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignJob {
    /// Answers to older jobs are dropped.
    pub id: u64,
    /// The header editor's JSON text (its `alg` chooses the algorithm).
    pub header: String,
    /// The payload editor's JSON text.
    pub payload: String,
    /// The key.
    pub key: MakeKey,
    /// Unix seconds, for the warning about an `exp` in the past.
    pub now: i64,
}

/// Make a key for `alg`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeygenJob {
    /// Answers to older jobs are dropped.
    pub id: u64,
    /// The algorithm the key is for (`RS256`, `ES384`, `ML-DSA-65`, …).
    pub alg: String,
    /// RSA modulus bits (2048, 3072, 4096); `None` for 2048.
    pub rsa_bits: Option<usize>,
    /// The `kid` to give it; `None` for its RFC 7638 thumbprint.
    pub kid: Option<String>,
}

/// A key's public forms, ready to paste into a service's configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicForms {
    /// `-----BEGIN PUBLIC KEY-----`; `None` for a secret.
    pub pem: Option<String>,
    /// The JWK with `kid`, `alg` and `use`, pretty-printed.
    pub jwk: String,
    /// `{"keys": [jwk]}`, pretty-printed.
    pub jwks: String,
    /// The `kid`.
    pub kid: String,
}

/// A signed token and what goes with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedToken {
    /// The compact JWS.
    pub token: String,
    /// Sentences to read before using it (never refusals).
    pub warnings: Vec<String>,
    /// The public forms of the key that signed (`None` when they could not
    /// be made).
    pub public: Option<PublicForms>,
}

/// A key made by the worker.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedKey {
    /// "RSA 3072", "EC P-256", "ML-DSA-65", "HMAC secret, 32 bytes".
    pub description: String,
    /// The private key as PKCS#8 PEM, or the secret as an oct JWK: shown
    /// only behind "show private key".
    pub private: String,
    /// Its public forms.
    pub public: PublicForms,
}

/// The answer to a [`SignJob`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignAnswer {
    /// The job's id.
    pub id: u64,
    /// The token, or why it could not be signed, in words.
    pub result: Result<SignedToken, String>,
}

/// The answer to a [`KeygenJob`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeygenAnswer {
    /// The job's id.
    pub id: u64,
    /// The key, or why none was made, in words.
    pub result: Result<GeneratedKey, String>,
}

/// Said with every refusal set (CLI and page).
pub const RESPONSIBLE_USE: &str = "These tokens are for testing services you are responsible for: send them only to your own service, and expect every one to be refused (HTTP 401).";

/// The window event that opens the (loaded) encoder again.
pub const OPEN_EVENT: &str = "jwt-inspector-encode";
/// The window event that hands a token from the encoder to the inspector.
pub const INSPECT_EVENT: &str = "jwt-inspector-inspect";

/// What the inspector hands the encoder when it opens it: the texts to
/// start the editors with (both empty: keep what the editors hold).
/// Travels as the JS array `[header, payload, header_line]` in
/// `window.jwtInspectorEncoderSeed` (two plain strings: no JSON reader or
/// writer for it in the page's first download).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EncoderSeed {
    /// The header as pretty JSON, members in the token's order.
    pub header: String,
    /// The payload as pretty JSON.
    pub payload: String,
    /// How the token's issuer takes it (`Authorization: token=<token>`),
    /// for the refusal set's curl lines; empty when unknown.
    pub header_line: String,
}

impl EncoderSeed {
    /// Whether a decoded token can seed the encoder: its header and
    /// payload are both JSON objects. Cheap, for every render.
    pub fn editable(
        header: Option<&serde_json::Value>,
        payload: Option<&serde_json::Value>,
    ) -> bool {
        header.is_some_and(serde_json::Value::is_object)
            && payload.is_some_and(serde_json::Value::is_object)
    }

    /// The seed for a decoded token, made when the person asks for it: its
    /// header and payload pretty-printed (members in the token's order),
    /// and how its issuer takes it.
    pub fn from_token(
        header: Option<&serde_json::Value>,
        payload: Option<&serde_json::Value>,
        header_line: Option<&str>,
    ) -> Option<Self> {
        if !Self::editable(header, payload) {
            return None;
        }
        Some(EncoderSeed {
            header: serde_json::to_string_pretty(header?).ok()?,
            payload: serde_json::to_string_pretty(payload?).ok()?,
            header_line: header_line.unwrap_or_default().to_string(),
        })
    }
}

/// What the encoder hands back with "inspect this token": the token, and
/// key text that verifies it (a public JWKS, or a generated secret's JWK;
/// empty when the person typed the secret). Travels as the JS array
/// `[token, key]`, the detail of the `jwt-inspector-inspect` event; it
/// never touches storage or a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InspectRequest {
    /// The compact JWS.
    pub token: String,
    /// Key text for the inspector's key box.
    pub key: String,
}

/// Make the tokens a service must refuse from `token`, signed by `key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefuseJob {
    /// Answers to older jobs are dropped.
    pub id: u64,
    /// A compact JWS that `key` signed.
    pub token: String,
    /// The key that signed it.
    pub key: MakeKey,
    /// How the service takes a token, with `<token>` where it goes.
    pub header_line: String,
    /// Unix seconds: the cases' times are set from it.
    pub now: i64,
}

/// One token a service must refuse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusalToken {
    /// The case's id (`alg-none`, `expired`, …; docs/report.md).
    pub case: String,
    /// Why a service must refuse it, in one line.
    pub reason: String,
    /// The token.
    pub token: String,
    /// A ready `curl` command sending it.
    pub curl: String,
}

/// The answer to a [`RefuseJob`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefuseAnswer {
    /// The job's id.
    pub id: u64,
    /// The set, or why none was made, in words.
    pub result: Result<Vec<RefusalToken>, String>,
}

// Private keys and secrets never reach a Debug print (logs, panics).
impl std::fmt::Debug for MakeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MakeKey::Text(text) => write!(f, "Text([redacted; {} bytes])", text.len()),
            MakeKey::Secret { text, encoding } => {
                write!(f, "Secret([redacted; {} bytes], {encoding:?})", text.len())
            }
        }
    }
}

impl std::fmt::Debug for GeneratedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneratedKey")
            .field("description", &self.description)
            .field("private", &"[redacted]")
            .field("public", &self.public)
            .finish()
    }
}
