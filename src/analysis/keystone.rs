//! OpenStack Keystone / Open Telekom Cloud tokens, which are not JWTs:
//! Fernet tokens (encrypted; only the creation time is readable) and PKI /
//! PKIZ tokens (CMS SignedData around the token JSON).

pub mod error;
pub mod fernet;
#[cfg(feature = "crypto")]
pub mod pki;
pub mod truncated;

pub use error::CmsReadError;

use crate::analysis::vocab::KeystoneFormat;
use serde::{Deserialize, Serialize};

/// What the report shows about the CMS envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PkiDetails {
    /// PKI (base64 DER, `MII…`) or PKIZ (`PKIZ_` + zlib, base64url).
    pub format: KeystoneFormat,
    /// The signer's digest algorithm (RFC 5652 §5.3): "SHA-256", …, or the
    /// OID in dotted form when it has no name here.
    pub digest_algorithm: String,
    /// The signer's signature algorithm (RFC 5652 §5.3):
    /// "sha256WithRSAEncryption", "RSA (PKCS #1 v1.5)", or the dotted OID.
    pub signature_algorithm: String,
    /// "issuer CN=Self Signed, …; serial 11".
    pub signer: String,
    /// How many certificates the envelope carries (RFC 5652 §5.1
    /// `certificates`); the signing certificate is supplied as a key.
    pub certificates_included: usize,
    /// Size of the signed token JSON in bytes (after decompression for
    /// PKIZ).
    pub content_bytes: usize,
}

/// A Keystone PKI / PKIZ token as the verifier read it.
#[derive(Debug, Clone, PartialEq)]
pub struct CmsReading {
    /// The token JSON (`{"token": …}` for v3, `{"access": …}` for v2).
    pub content: Option<serde_json::Value>,
    /// Why the content is not JSON, if it is not.
    pub content_error: Option<String>,
    /// The envelope, as the report shows it under `keystone`.
    pub details: PkiDetails,
    /// The CMS signature verdict with the supplied certificates, as the
    /// report carries it ("CMS signature verified with …", "Not checked:
    /// supply Keystone's signing certificate …").
    pub signature: crate::analysis::verdict::SignatureReport,
}
