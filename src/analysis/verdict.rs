//! The signature verdict: its type, and its wording when no key decides
//! it, shared by the full verifier and the light analysis so both word it
//! the same way.

use crate::analysis::decode::Decoded;
use crate::analysis::finding::Finding;
use crate::analysis::key_report::KeyUse;
use crate::analysis::vocab::{Refusal, SignatureMatch, SignatureStatus, TokenKind};
use serde::{Deserialize, Serialize};

/// The signature verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureReport {
    /// Whether the signature was checked and held (docs/report.md,
    /// "Signature status").
    pub status: SignatureStatus,
    /// The verdict in words: "Not checked: no key supplied", …
    pub message: String,
    /// The cryptographic answer alone: `matches`, `does-not-match` or
    /// `not-tried`, whatever policy then says (`status`). Added after the
    /// first release, so older reports read back as `not-tried`.
    #[serde(rename = "match", default)]
    pub matched: SignatureMatch,
    /// The key that verified, or the single key that was tried.
    pub key: Option<KeyUse>,
    /// Set when the signature matches a supplied key and the status is
    /// `invalid` all the same, naming the rule that refuses it:
    /// `non-canonical-encoding` (RFC 7515 §2), `hmac-secret-too-short`
    /// (RFC 7518 §3.2) or `weak-key` (RSA under 2048 bits, ROCA). Lenient
    /// verifiers such as jose accept the first two; Wycheproof does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_but_refused: Option<Refusal>,
}

/// The outcome of verification: the verdict the report shows, and the
/// findings that come with it (key checks, signature shape, header checks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The verdict, as the report carries it.
    pub signature: SignatureReport,
    /// What a reviewer would flag about the key, signature and header.
    pub findings: Vec<Finding>,
}

impl Verification {
    /// A verdict with no key and no findings.
    pub fn new(status: SignatureStatus, message: impl Into<String>) -> Self {
        Verification {
            signature: SignatureReport {
                status,
                message: message.into(),
                matched: SignatureMatch::NotTried,
                key: None,
                matched_but_refused: None,
            },
            findings: Vec::new(),
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
