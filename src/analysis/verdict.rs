//! The signature verdict: its type, and its wording when no key decides
//! it, shared by the full verifier and the light analysis so both word it
//! the same way.

use crate::analysis::decode::Decoded;
use crate::analysis::finding::Finding;
use crate::analysis::key_report::KeyUse;
use crate::analysis::vocab::{Refusal, SignatureMatch, SignatureStatus, TokenKind};

/// The outcome of verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Whether the signature was checked and held (docs/report.md,
    /// "Signature status").
    pub status: SignatureStatus,
    /// The verdict in words, for a person: "Signature verified with …",
    /// "Not checked: no key supplied.", ….
    pub message: String,
    /// Whether the signature is the work of a supplied key, policy aside.
    pub matched: SignatureMatch,
    /// The key that verified, or the one tried when a single key was.
    pub key: Option<KeyUse>,
    /// What checking noticed: weak keys, algorithm confusion, header
    /// checks, the shape of an ECDSA signature, ….
    pub findings: Vec<Finding>,
    /// The rule that refuses a signature that matched.
    pub matched_but_refused: Option<Refusal>,
}

impl Verification {
    /// A verdict with no key and no findings.
    pub fn new(status: SignatureStatus, message: impl Into<String>) -> Self {
        Verification {
            status,
            message: message.into(),
            matched: SignatureMatch::NotTried,
            key: None,
            findings: Vec::new(),
            matched_but_refused: None,
        }
    }
}

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
