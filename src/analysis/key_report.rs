//! What the report says about keys, kept free of cryptography so the light
//! build of the page (no `crypto` feature) shares these types with the
//! Web Worker that parses and uses the keys.

use crate::analysis::vocab::{KeyType, KidMatch, Text};
use serde::{Deserialize, Serialize};

/// A key text that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyError {
    /// Which part of the pasted keys: "PEM block 2 (CERTIFICATE)", "JWKS key 3".
    pub source: String,
    /// Why it could not be read, in words, for a person.
    pub message: String,
}

/// What the page and the CLI show about a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyReport {
    /// Where the key came from, to name it in messages: "JWKS key 1 (kid
    /// \"55fb…\")", "PEM block 1 (CERTIFICATE)", "HMAC secret (hex)".
    pub label: String,
    /// The JWK key type (RFC 7518 §6.1; RFC 8037 §2 for OKP), serialised
    /// as `type`.
    #[serde(rename = "type")]
    pub kty: KeyType,
    /// "RSA 2048-bit, e = 65537".
    pub summary: String,
    /// Size in bits: the RSA modulus, or the length of an HMAC secret;
    /// absent for EC and OKP keys, whose curve says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bits: Option<usize>,
    /// The RSA public exponent in decimal, or `0x…` hex when it exceeds 64
    /// bits; absent for other key types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exponent: Option<String>,
    /// The curve by its JWK name (`P-256`, `P-384`, `P-521`, `Ed25519`);
    /// absent for RSA keys and secrets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curve: Option<Text>,
    /// The JWK `kid` (RFC 7517 §4.5); absent when the key was not a JWK or
    /// had none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// The JWK `alg` the key is restricted to (RFC 7517 §4.4); absent when
    /// not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    /// The JWK `use` (RFC 7517 §4.2), serialised as `use`; absent when not
    /// given.
    #[serde(rename = "use", default, skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// Identifiers a header `kid` may carry for this key; each `null` where
    /// it does not apply, all of them for a secret.
    pub fingerprints: Fingerprints,
    /// What the certificate says, when the key came from an X.509
    /// certificate; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateInfo>,
    /// Things to know about the key in words (a private key pasted, a
    /// secret in a public key set, irregular base64url); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Whether this public key was derived from a pasted private key
    /// (PKCS#8, PKCS#1, SEC1, OpenSSH, or a JWK with `d`); absent when not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_private_key: bool,
}

/// The fingerprints of one public key (secrets get none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Fingerprints {
    /// RFC 7638 §3 thumbprint, SHA-256, base64url.
    pub jwk_thumbprint: Option<String>,
    /// SHA-256 of the DER SubjectPublicKeyInfo, lowercase hex.
    pub spki_sha256: Option<String>,
    /// Docker / libtrust key ID, e.g. `PYYO:TEWU:…:Z7Q6`.
    pub libtrust_key_id: Option<String>,
}

impl Fingerprints {
    /// Which fingerprint, if any, equals `kid`.
    pub fn matching(&self, kid: &str) -> Option<KidMatch> {
        if self.jwk_thumbprint.as_deref() == Some(kid) {
            Some(KidMatch::JwkThumbprint)
        } else if self.libtrust_key_id.as_deref() == Some(kid) {
            Some(KidMatch::LibtrustKeyId)
        } else if self
            .spki_sha256
            .as_deref()
            .is_some_and(|h| h.eq_ignore_ascii_case(kid))
        {
            Some(KidMatch::SpkiSha256)
        } else {
            None
        }
    }
}

/// What an X.509 certificate says about itself, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateInfo {
    /// The subject's distinguished name, as RFC 4514 text.
    pub subject: String,
    /// The issuer's distinguished name, as RFC 4514 text.
    pub issuer: String,
    /// The serial number in uppercase hex.
    pub serial: String,
    /// Start of the validity period (RFC 5280 §4.1.2.5), Unix seconds.
    pub not_before: i64,
    /// End of the validity period (RFC 5280 §4.1.2.5), Unix seconds.
    pub not_after: i64,
    /// `not_before` as RFC 3339 UTC; `null` outside years 1 to 9999.
    pub not_before_at: Option<String>,
    /// `not_after` as RFC 3339 UTC; `null` outside years 1 to 9999.
    pub not_after_at: Option<String>,
}

/// A key as used for one token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyUse {
    /// The key, its fields inlined into this object.
    #[serde(flatten)]
    pub key: KeyReport,
    /// Which identifier of the key equals the header `kid`, if any.
    pub kid_match: Option<KidMatch>,
}
