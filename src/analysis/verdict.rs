//! The signature verdict when no key decides it — shared by the full
//! verifier and the page's light build, so both word it the same way.

use crate::analysis::decode::Decoded;
use crate::analysis::vocab::{SignatureStatus, TokenKind};

/// Unsecured and encrypted tokens have nothing to verify, whatever keys
/// are supplied.
pub fn nothing_to_verify(d: &Decoded) -> Option<(SignatureStatus, &'static str)> {
    match d.kind {
        Some(TokenKind::Unsecured) => Some((
            SignatureStatus::Unsupported,
            "Nothing to verify: alg none means the token is unsecured and proves nothing about its issuer.",
        )),
        Some(TokenKind::Jwe) => Some((
            SignatureStatus::Unsupported,
            "Nothing to verify here: a JWE is encrypted, not signed; reading it needs the recipient's private key.",
        )),
        _ => None,
    }
}

/// The verdict with no key supplied.
pub fn without_keys(d: &Decoded) -> (SignatureStatus, &'static str) {
    nothing_to_verify(d).unwrap_or(if d.segments.len() < 3 {
        (
            SignatureStatus::Unchecked,
            "Not checked: the signature segment is missing.",
        )
    } else {
        (SignatureStatus::Unchecked, "Not checked: no key supplied.")
    })
}
