//! Making tokens: the JWS Compact Serialization (RFC 7515 §7.1) signed with
//! every algorithm the inspector verifies (RFC 7518 §3, RFC 8037 §3.1,
//! RFC 9864), keys generated for them, their public forms, and the tokens
//! a service must refuse ([`refusals`]). Pure like the rest of the core:
//! randomness (PSS salts, new keys) comes in as an RNG argument, time as
//! `now`.

pub mod algorithms;
pub mod export;
pub mod jobs;
pub mod key_text;
pub mod keygen;
pub mod refusals;

use crate::analysis::base64url;
use crate::analysis::json::{self, JsonError};
use crate::analysis::keys::material::KeyMaterial;
use crate::analysis::keys::private::PrivateKey;
use crate::analysis::vocab::JwsAlg;
use rsa::rand_core::TryCryptoRng;
use serde_json::Value;
use std::fmt;

/// What signs: a private key, or an HMAC secret.
#[derive(Clone)]
pub enum SigningKey {
    /// An RSA, EC or Ed25519 private key.
    Private(PrivateKey),
    /// An HMAC secret (RFC 7518 §3.2).
    Secret(Vec<u8>),
}

impl SigningKey {
    /// Its public key; `None` for a secret.
    pub fn public(&self) -> Option<KeyMaterial> {
        match self {
            SigningKey::Private(key) => key.public().ok(),
            SigningKey::Secret(_) => None,
        }
    }

    /// The key as a verifier holds it: the public key, or the secret.
    pub fn verifying_material(&self) -> Option<KeyMaterial> {
        match self {
            SigningKey::Private(key) => key.public().ok(),
            SigningKey::Secret(secret) => Some(KeyMaterial::Hmac(secret.clone())),
        }
    }

    /// "RSA 2048-bit, e = 65537", "HMAC secret, 32 bytes".
    pub fn describe(&self) -> String {
        match self {
            SigningKey::Private(key) => key.describe(),
            SigningKey::Secret(secret) => format!("HMAC secret, {} bytes", secret.len()),
        }
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey({})", self.describe())
    }
}

/// How the header and payload texts become their encoded segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Parsed and written without whitespace, members in their order.
    #[default]
    Compact,
    /// Exactly the bytes written (RFC 7515's examples sign text with line
    /// breaks and spaces).
    AsWritten,
}

/// Why a token could not be signed.
#[derive(Debug, Clone, PartialEq)]
pub enum SignError {
    /// The header is not JSON; where and why.
    HeaderNotJson(JsonError),
    /// The payload is not JSON; where and why.
    PayloadNotJson(JsonError),
    /// The header is JSON but not an object (RFC 7515 §4).
    HeaderNotObject,
    /// The header has no `alg` string (RFC 7515 §4.1.1).
    NoAlg,
    /// `alg` names no signature algorithm this tool signs with.
    UnsupportedAlg(String),
    /// `alg` is `none`: an unsecured JWS has no key (RFC 7515 §A.5).
    AlgNone,
    /// `"b64": false` asks for an unencoded payload (RFC 7797 §3), which
    /// this encoder does not write.
    UnencodedPayload,
    /// The key is not of the kind the algorithm needs.
    KeyDoesNotFit {
        /// The algorithm.
        alg: JwsAlg,
        /// "an RSA private key".
        needs: String,
        /// What was given.
        given: String,
    },
    /// The cryptography failed (e.g. an RSA key too small for PS512).
    Crypto(String),
    /// The RNG failed.
    Random,
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::HeaderNotJson(e) => write!(f, "the header is not JSON: {}", e.problem),
            SignError::PayloadNotJson(e) => write!(f, "the payload is not JSON: {}", e.problem),
            SignError::HeaderNotObject => f.write_str("the header must be a JSON object (RFC 7515 §4)"),
            SignError::NoAlg => f.write_str("the header has no \"alg\" string (RFC 7515 §4.1.1): set the algorithm to sign with"),
            SignError::UnsupportedAlg(alg) => write!(f, "\"{alg}\" is not an algorithm this tool signs with ({})", JwsAlg::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", ")),
            SignError::UnencodedPayload => f.write_str("\"b64\": false asks for an unencoded payload (RFC 7797), which this tool does not sign: remove \"b64\" to sign the payload base64url-encoded"),
            SignError::AlgNone => f.write_str("\"alg\": \"none\" is an unsecured token with no signature; make one with the tokens a service must refuse"),
            SignError::KeyDoesNotFit { alg, needs, given } => write!(f, "{} needs {needs}; the key given is {given}", alg.name()),
            SignError::Crypto(reason) => write!(f, "signing failed: {reason}"),
            SignError::Random => f.write_str("the system's random number generator failed"),
        }
    }
}

impl std::error::Error for SignError {}

/// A signed token and what its maker should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Signed {
    /// The compact JWS.
    pub token: String,
    /// The algorithm it is signed with.
    pub alg: JwsAlg,
    /// Sentences worth reading before using it (a short secret, a weak key,
    /// an `exp` in the past): warnings, never refusals.
    pub warnings: Vec<String>,
}

/// What `crit` asks of every verifier (RFC 7515 §4.1.11): a verifier that
/// does not understand each named parameter must refuse the token.
fn critical_warning(header: &serde_json::Map<String, Value>) -> Option<String> {
    let named = header.get("crit")?;
    let names: Vec<&str> = named
        .as_array()
        .map(|list| list.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let well_formed = !names.is_empty()
        && names.len() == named.as_array().map_or(0, Vec::len)
        && names.iter().all(|name| header.contains_key(*name));
    Some(if well_formed {
        format!(
            "crit names {}: a service that does not understand {} must refuse this token (RFC 7515 §4.1.11)",
            names.join(", "),
            if names.len() == 1 {
                "it"
            } else {
                "each of them"
            }
        )
    } else {
        "crit must be a non-empty list of names of parameters the header carries; services must refuse this token (RFC 7515 §4.1.11)".to_string()
    })
}

/// Signs `payload` under `header` (whose `alg` chooses the algorithm).
///
/// # Errors
/// A [`SignError`] naming what is wrong with the texts or the key.
pub fn sign<R: TryCryptoRng + ?Sized>(
    header: &str,
    payload: &str,
    key: &SigningKey,
    layout: Layout,
    now: i64,
    rng: &mut R,
) -> Result<Signed, SignError> {
    let header_value = json::parse(header).map_err(SignError::HeaderNotJson)?.value;
    // A JWS may carry any payload (RFC 7515 §2); written as is, it need
    // not be JSON, and is read as claims only when it is.
    let payload_value = match (json::parse(payload), layout) {
        (Ok(parsed), _) => Some(parsed.value),
        (Err(_), Layout::AsWritten) => None,
        (Err(error), Layout::Compact) => return Err(SignError::PayloadNotJson(error)),
    };
    let Value::Object(members) = &header_value else {
        return Err(SignError::HeaderNotObject);
    };
    let alg = match members.get("alg").and_then(Value::as_str) {
        None => return Err(SignError::NoAlg),
        Some("none") => return Err(SignError::AlgNone),
        Some(name) => JwsAlg::parse(name).ok_or_else(|| SignError::UnsupportedAlg(name.into()))?,
    };
    if members.get("b64") == Some(&Value::Bool(false)) {
        return Err(SignError::UnencodedPayload);
    }
    let (header_bytes, payload_bytes) = match layout {
        Layout::Compact => (
            header_value.to_string(),
            payload_value
                .as_ref()
                .map(Value::to_string)
                .unwrap_or_default(),
        ),
        Layout::AsWritten => (header.to_string(), payload.to_string()),
    };
    let input = format!(
        "{}.{}",
        base64url::encode(header_bytes.as_bytes()),
        base64url::encode(payload_bytes.as_bytes())
    );
    let signature = algorithms::signature(alg, key, input.as_bytes(), rng)?;
    let mut warnings = algorithms::key_warnings(alg, key);
    warnings.extend(critical_warning(members));
    if let Some(exp) = payload_value
        .as_ref()
        .and_then(|claims| claims.get("exp"))
        .and_then(Value::as_i64)
        && exp <= now
    {
        warnings.push(format!(
            "exp is in the past ({}): a service will refuse this token as expired (RFC 7519 §4.1.4)",
            crate::analysis::timefmt::utc_iso(exp).unwrap_or_else(|| exp.to_string())
        ));
    }
    Ok(Signed {
        token: format!("{input}.{}", base64url::encode(&signature)),
        alg,
        warnings,
    })
}
