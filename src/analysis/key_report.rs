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
    pub message: String,
}

/// What the page and the CLI show about a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyReport {
    pub label: String,
    #[serde(rename = "type")]
    pub kty: KeyType,
    /// "RSA 2048-bit, e = 65537".
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bits: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exponent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curve: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    #[serde(rename = "use", default, skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    pub fingerprints: Fingerprints,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateInfo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
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
    pub subject: String,
    pub issuer: String,
    pub serial: String,
    pub not_before: i64,
    pub not_after: i64,
    pub not_before_at: Option<String>,
    pub not_after_at: Option<String>,
}

/// A key as used for one token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyUse {
    #[serde(flatten)]
    pub key: KeyReport,
    /// Which identifier of the key equals the header `kid`, if any.
    pub kid_match: Option<KidMatch>,
}
