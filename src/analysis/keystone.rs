//! OpenStack Keystone / Open Telekom Cloud tokens, which are not JWTs:
//! Fernet tokens (encrypted; only the creation time is readable) and PKI /
//! PKIZ tokens (CMS SignedData around the token JSON).

pub mod fernet;
#[cfg(feature = "crypto")]
pub mod pki;

use crate::analysis::vocab::KeystoneFormat;
use serde::{Deserialize, Serialize};

/// What the report shows about the CMS envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PkiDetails {
    pub format: KeystoneFormat,
    pub digest_algorithm: String,
    pub signature_algorithm: String,
    /// "issuer CN=Self Signed, …; serial 11".
    pub signer: String,
    pub certificates_included: usize,
    pub content_bytes: usize,
}

/// A Keystone PKI / PKIZ token as the verifier read it.
#[derive(Debug, Clone, PartialEq)]
pub struct CmsReading {
    /// The token JSON (`{"token": …}` for v3, `{"access": …}` for v2).
    pub content: Option<serde_json::Value>,
    /// Why the content is not JSON, if it is not.
    pub content_error: Option<String>,
    pub details: PkiDetails,
    /// The CMS signature verdict with the supplied certificates.
    pub status: crate::analysis::vocab::SignatureStatus,
    pub message: String,
}
