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
