//! Keystone Fernet tokens (github.com/fernet/spec, Spec.md): only the
//! version and the creation time are readable without Keystone's key; the
//! rest is AES-CBC ciphertext and an HMAC.

use crate::analysis::finder::shape;
use crate::analysis::timefmt;
use serde::{Deserialize, Serialize};

/// What can be read from a Fernet token without its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FernetInfo {
    /// Always 0x80 (128) for the only published version.
    pub version: u8,
    /// When the token was created: its timestamp field, Unix seconds.
    pub created_unix: i64,
    /// `created_unix` as RFC 3339 UTC; `null` outside years 1 to 9999.
    pub created_at: Option<String>,
    /// Bytes of AES-CBC ciphertext (a multiple of 16).
    pub ciphertext_bytes: usize,
}

/// Why a Fernet-looking token could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FernetError {
    /// The text is not URL-safe base64.
    NotBase64Url,
    /// The decoded length (in bytes) fits no Fernet layout of 1 + 8 + 16 +
    /// 16·k + 32 bytes.
    WrongLength(usize),
    /// The first byte (given) is not version 0x80.
    UnknownVersion(u8),
}

impl std::fmt::Display for FernetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FernetError::NotBase64Url => {
                f.write_str("a Fernet token is urlsafe base64, and this is not")
            }
            FernetError::WrongLength(n) => write!(
                f,
                "{n} bytes cannot be a Fernet token (1 + 8 + 16 + 16·k + 32 bytes)"
            ),
            FernetError::UnknownVersion(v) => {
                write!(f, "version byte 0x{v:02X} is not Fernet's 0x80")
            }
        }
    }
}

/// Reads the version and timestamp (big-endian seconds) of a Fernet token.
///
/// # Errors
/// When the text is not urlsafe base64 of a plausible Fernet layout.
pub fn read(token: &str) -> Result<FernetInfo, FernetError> {
    let bytes = shape::fernet_bytes(token).ok_or(FernetError::NotBase64Url)?;
    if bytes.len() < 73 || (bytes.len() - 57) % 16 != 0 {
        return Err(FernetError::WrongLength(bytes.len()));
    }
    if bytes[0] != 0x80 {
        return Err(FernetError::UnknownVersion(bytes[0]));
    }
    let mut timestamp = [0u8; 8];
    timestamp.copy_from_slice(&bytes[1..9]);
    let created_unix = i64::try_from(u64::from_be_bytes(timestamp)).unwrap_or(i64::MAX);
    Ok(FernetInfo {
        version: bytes[0],
        created_unix,
        created_at: timefmt::utc_iso(created_unix),
        ciphertext_bytes: bytes.len() - 57,
    })
}

/// The creation time of a Fernet token cut short (documentation elides
/// them): its first 12 characters are the version byte and the 8-byte
/// timestamp (Fernet spec, "Token Format"); `None` when they are not.
pub fn created_from_prefix(token: &str) -> Option<i64> {
    use base64::Engine;
    let head = token.get(..12)?;
    let bytes = crate::analysis::base64url::URL_SAFE_ANY_PADDING
        .decode(head)
        .ok()?;
    let timestamp: [u8; 8] = bytes.get(1..9)?.try_into().ok()?;
    (bytes.first() == Some(&0x80))
        .then(|| i64::try_from(u64::from_be_bytes(timestamp)).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keystone_docs_example_was_created_in_november_2021() {
        let info = read("gAAAAABhi1cMynG89h8t6TJrxNiZuNzjcIUIxNctoVfuqTw7BpUedLKxjPymClVEnj9GhIT5u2mpjaJATlEAtaa3D6_t8jk_fV-mqo2IUlsmTPTnMwkcjh5FSHQVRdqvDxgY3nSqLA_Hfv-zPmjS5KWX3hmyDE5YWO1ztX6QNVQb4wTPyNL1-7I").unwrap();
        assert_eq!(info.version, 0x80);
        assert_eq!(info.created_at.as_deref(), Some("2021-11-10T05:22:20Z"));
        assert_eq!(info.ciphertext_bytes, 80);
    }

    #[test]
    fn truncated_token_says_why() {
        let err = read("gAAAAABhi1cMynG89h8t6TJrxNiZuNzjcIUI").unwrap_err();
        assert!(matches!(err, FernetError::WrongLength(_)));
    }
}
