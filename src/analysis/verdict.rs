//! The signature verdict: its type, and its wording when no key decides
//! it, shared by the full verifier and the light analysis so both word it
//! the same way.

use crate::analysis::decode::Decoded;
use crate::analysis::finding::Finding;
use crate::analysis::key_report::KeyUse;
use crate::analysis::vocab::{
    DecryptionStatus, Refusal, SignatureMatch, SignatureStatus, TokenKind,
};
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
    /// `invalid` all the same, naming the rule that refuses it
    /// (`Refusal`: non-canonical encoding, a short HMAC secret, a weak key,
    /// JWK metadata, a secret in a public key set). Lenient verifiers such
    /// as jose accept the first two; Wycheproof does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_but_refused: Option<Refusal>,
}

/// The verdict at a glance: the status, except that a signature which
/// matches a key but is refused by policy is its own kind. The page's
/// banner (`data-verdict`) and the CLI's verdict line both show this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    /// Verified with a supplied key.
    Valid,
    /// Matches a supplied key; a strict verifier refuses it all the same.
    MatchedRefused,
    /// Not valid: does not match, or malformed.
    Invalid,
    /// Not checked: no usable key.
    Unchecked,
    /// Nothing to verify (unsecured, encrypted, opaque).
    Unsupported,
}

impl VerdictKind {
    /// `data-verdict` on the page: `valid`, `matched-refused`, `invalid`,
    /// `unchecked`, `unsupported`.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictKind::Valid => "valid",
            VerdictKind::MatchedRefused => "matched-refused",
            VerdictKind::Invalid => "invalid",
            VerdictKind::Unchecked => "unchecked",
            VerdictKind::Unsupported => "unsupported",
        }
    }

    /// A one-character mark: ✓ ! ✕ ? –.
    pub fn icon(self) -> &'static str {
        match self {
            VerdictKind::Valid => "✓",
            VerdictKind::MatchedRefused => "!",
            VerdictKind::Invalid => "✕",
            VerdictKind::Unchecked => "?",
            VerdictKind::Unsupported => "–",
        }
    }

    /// The verdict in one word, for a list of many tokens; none when
    /// nothing was checked.
    pub fn word(self) -> Option<&'static str> {
        match self {
            VerdictKind::Valid => Some("verified"),
            VerdictKind::MatchedRefused => Some("refused"),
            VerdictKind::Invalid => Some("invalid"),
            VerdictKind::Unchecked | VerdictKind::Unsupported => None,
        }
    }
}

impl SignatureReport {
    /// Which of the five verdicts this is.
    pub fn kind(&self) -> VerdictKind {
        match (self.status, self.matched, self.matched_but_refused) {
            (SignatureStatus::Invalid, SignatureMatch::Matches, Some(_)) => {
                VerdictKind::MatchedRefused
            }
            (SignatureStatus::Valid, _, _) => VerdictKind::Valid,
            (SignatureStatus::Invalid, _, _) => VerdictKind::Invalid,
            (SignatureStatus::Unchecked, _, _) => VerdictKind::Unchecked,
            (SignatureStatus::Unsupported, _, _) => VerdictKind::Unsupported,
        }
    }

    /// The verdict's title, what was proven in one line: "Signature
    /// verified", "Signature matches <key>, but a strict verifier refuses
    /// it: <reason>", "Signature does not match <key>", …
    pub fn title(&self) -> String {
        let key = self
            .key
            .as_ref()
            .map_or("the key supplied", |k| k.key.label.as_str());
        match (self.kind(), self.matched, self.matched_but_refused) {
            (VerdictKind::Valid, _, _) => "Signature verified".into(),
            (VerdictKind::MatchedRefused, _, Some(refusal)) => format!(
                "Signature matches {key}, but a strict verifier refuses it: {}",
                refusal.reason()
            ),
            (VerdictKind::Invalid, SignatureMatch::DoesNotMatch, _) => match &self.key {
                Some(_) => format!("Signature does not match {key}"),
                None => "Signature does not match the keys supplied".into(),
            },
            (VerdictKind::Invalid | VerdictKind::MatchedRefused, _, _) => {
                "Signature not valid".into()
            }
            (VerdictKind::Unsupported, _, _) => "Nothing to verify".into(),
            (VerdictKind::Unchecked, _, _) => "Signature not checked".into(),
        }
    }
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

/// What came of decrypting a JWE (RFC 7516 §5.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecryptionReport {
    /// `decrypted`, `failed`, `no-key` or `unsupported`.
    pub status: DecryptionStatus,
    /// In words: which key decrypted it, or why none did; before a key is
    /// given, what the header asks for and which key would decrypt it. A
    /// failure reads the same whatever failed (no oracle); the step is in
    /// the `jwe-decryption-failed` finding.
    pub message: String,
    /// The supplied key that decrypted it ("JWKS key 2 (kid \"enc\")").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The recipient it was decrypted for, in the JSON serialization
    /// (RFC 7516 §7.2): "recipient 2 (kid \"bob\")".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

impl DecryptionReport {
    /// The banner's kind: decrypted reads as `valid`, a key that fits and
    /// fails as `invalid`, no key as `unchecked`, the rest `unsupported`.
    pub fn kind(&self) -> VerdictKind {
        match self.status {
            DecryptionStatus::Decrypted => VerdictKind::Valid,
            DecryptionStatus::Failed => VerdictKind::Invalid,
            DecryptionStatus::NoKey => VerdictKind::Unchecked,
            DecryptionStatus::Unsupported => VerdictKind::Unsupported,
        }
    }

    /// The banner's title.
    pub fn title(&self) -> &'static str {
        match self.status {
            DecryptionStatus::Decrypted => "Decrypted",
            DecryptionStatus::Failed => "Not decrypted",
            DecryptionStatus::NoKey => "Encrypted: no key to decrypt it",
            DecryptionStatus::Unsupported => "Encrypted: cannot be decrypted here",
        }
    }
}
