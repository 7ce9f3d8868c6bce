//! The JSON report: the contract shared by the CLI (`jwt-inspect`) and the
//! page. Names here are stable; later work adds fields and keeps these.
//! docs/report.md documents every field.

use crate::analysis::decode::TokenError;
use crate::analysis::expectations::ExpectationsReport;
use crate::analysis::finder::{Notice, Source};
use crate::analysis::finding::Finding;
use crate::analysis::jws_json::Serialization;
use crate::analysis::key_report::{KeyError, KeyReport};
use crate::analysis::keystone::PkiDetails;
use crate::analysis::keystone::fernet::FernetInfo;
use crate::analysis::times::{TimeClaim, Validity};
use crate::analysis::vendor::{ExpectedLifetime, VendorReport};
pub use crate::analysis::verdict::{DecryptionReport, SignatureReport};
use crate::analysis::vocab::{LinkClaim, SignatureMatch, SignatureStatus, TokenKind};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use serde_json::Value;

/// Everything found in one paste.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// One report per distinct token, in paste order; only the first ones
    /// when `total_tokens` is present.
    pub tokens: Vec<TokenReport>,
    /// Messages about the paste as a whole ("no token found", "a private
    /// key was pasted", …).
    pub notices: Vec<Notice>,
    /// The keys supplied, with their summaries and fingerprints.
    pub keys: Vec<KeyReport>,
    /// Keys that could not be read, and why.
    pub key_errors: Vec<KeyError>,
    /// When only the first tokens were analysed (the page's limit), how
    /// many the paste holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<usize>,
}

/// One token: where it was found, what it says, and what was proven.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenReport {
    /// The token text as found, wrapping and line continuations removed.
    pub token: String,
    /// What kind of token it is (docs/report.md, "Token kinds").
    pub kind: TokenKind,
    /// Where in the paste it was found, in words and as a category.
    pub source: Source,
    /// The JOSE header (RFC 7515 §4), members in their original order;
    /// `null` when the token has none or it cannot be decoded.
    pub header: Option<Value>,
    /// The JWT claims set (RFC 7519 §4), or the token JSON inside a
    /// Keystone PKI / PKIZ envelope; `null` when absent or undecodable.
    pub payload: Option<Value>,
    /// The payload as text when it is not a JSON object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_text: Option<String>,
    /// The signature verdict: `valid` only when checked with a key the
    /// person supplied.
    pub signature: SignatureReport,
    /// The issuer recognised and what it documents; `id` is `null` when no
    /// issuer was recognised.
    pub vendor: VendorReport,
    /// Every time value, keyed by claim (`exp`, `nbf`, `iat`, `auth_time`,
    /// `updated_at`, `expires_at`, `issued_at`, `reply.expires_at`, …).
    pub times: IndexMap<String, TimeClaim>,
    /// The token's state at `now`, with the window that decides it.
    pub validity: Validity,
    /// `expires - issued`, compared with what the issuer documents.
    /// `null` unless both an expiry and an issue time are readable.
    pub lifetime: Option<Lifetime>,
    /// What a careful reviewer would flag about this token; empty when
    /// nothing is.
    pub findings: Vec<Finding>,
    /// The parts that could not be decoded, and why; empty when everything
    /// was read.
    pub errors: Vec<TokenError>,
    /// For a JWE, what came of decrypting it (the full analysis only);
    /// absent for other tokens. When `decrypted`, `payload` (or
    /// `payload_text`, or `nested`) is the plaintext.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decryption: Option<DecryptionReport>,
    /// A JWE JSON document's shared unprotected header (`unprotected`,
    /// RFC 7516 §7.2.1), shown apart from the protected `header`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unprotected: Option<Value>,
    /// A JWE JSON document's recipients, each with its own unprotected
    /// header; `decryption.recipient` names the one a key opened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<crate::analysis::jwe_json::JweRecipient>,
    /// Keystone Fernet details (version, creation time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fernet: Option<FernetInfo>,
    /// Keystone PKI / PKIZ envelope (digest, signer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keystone: Option<PkiDetails>,
    /// The token carried in the payload (`cty: JWT`), decoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nested: Option<Box<TokenReport>>,
    /// Flattened or general, for a JWS or JWE in the JSON serialization
    /// (RFC 7515 §7.2, RFC 7516 §7.2); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serialization: Option<Serialization>,
    /// Each signature of a JWS JSON document, in order, with its own
    /// verdict; `signature` above is the first that verifies, else the
    /// first. Absent for compact tokens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<JwsSignatureReport>,
    /// Whether the payload was detached (RFC 7515 Appendix F): absent from
    /// the document, supplied separately or not at all.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub detached: bool,
    /// OpenID Connect links: this ID token's `at_hash` and `c_hash`
    /// checked against the access tokens and codes in the same paste;
    /// absent when it has neither claim or nothing to check them against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<TokenLink>,
    /// The person's expectations, rule by rule, and whether their service
    /// would accept this token; present only when expectations were given
    /// and the token is a JWS or unsecured JWT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expectations: Option<ExpectationsReport>,
    /// Only the list fields are filled (kind, source, the signature's
    /// verdict and message, vendor id, validity state); the token's text
    /// and the key's details are left out. The page's worker sends
    /// summaries for large pastes and the details of the selected token.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub summary_only: bool,
    /// Set when the analysis ran without a verifier (the page's light
    /// analysis) and the full one has more to say: the page then asks its
    /// Web Worker.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_full_analysis: bool,
    /// The dot-separated segments, for display (not in the JSON: see
    /// [`Report::restore_segments`]).
    #[serde(skip)]
    pub segments: Vec<String>,
}

impl Report {
    /// Refills the display-only `segments` after reading a report from JSON.
    pub fn restore_segments(&mut self) {
        fn restore(token: &mut TokenReport) {
            token.segments = match token.kind {
                TokenKind::Jws | TokenKind::Jwe | TokenKind::Unsecured
                    if token.serialization.is_none() =>
                {
                    token.token.split('.').map(str::to_string).collect()
                }
                _ => vec![token.token.clone()],
            };
            if let Some(nested) = token.nested.as_mut() {
                restore(nested);
            }
        }
        self.tokens.iter_mut().for_each(restore);
    }
}

impl TokenReport {
    /// A report with nothing decoded yet.
    pub fn empty(token: String, kind: TokenKind, source: Source) -> Self {
        TokenReport {
            segments: vec![token.clone()],
            token,
            kind,
            source,
            header: None,
            payload: None,
            payload_text: None,
            signature: SignatureReport {
                status: SignatureStatus::Unchecked,
                message: "Not checked.".into(),
                matched: SignatureMatch::NotTried,
                key: None,
                matched_but_refused: None,
            },
            vendor: VendorReport::default(),
            times: IndexMap::new(),
            validity: crate::analysis::times::validity_at(Default::default(), 0, 0),
            lifetime: None,
            findings: Vec::new(),
            errors: Vec::new(),
            fernet: None,
            keystone: None,
            decryption: None,
            unprotected: None,
            recipients: Vec::new(),
            nested: None,
            expectations: None,
            serialization: None,
            signatures: Vec::new(),
            detached: false,
            links: Vec::new(),
            needs_full_analysis: false,
            summary_only: false,
        }
    }

    /// This token reduced to what the list of tokens shows: half the
    /// bytes of a summary were the token and its key's details, which the
    /// list does not show (1,000 RS256 tokens: a 747 KB reply, read on the
    /// page's main thread).
    pub fn summarised(self) -> Self {
        let mut summary = TokenReport::empty(String::new(), self.kind, self.source);
        summary.signature = SignatureReport {
            key: None,
            ..self.signature
        };
        summary.vendor = VendorReport {
            id: self.vendor.id,
            name: self.vendor.name,
            ..VendorReport::default()
        };
        summary.validity = self.validity;
        summary.expectations = self.expectations;
        summary.summary_only = true;
        summary
    }
}

/// One claim of an ID token checked against the values beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenLink {
    /// `at_hash` or `c_hash`.
    pub claim: LinkClaim,
    /// Whether one of the values matches the claim.
    pub ok: bool,
    /// The value that matches (or, when none does, the first tried),
    /// shortened for display: its first 8 characters and its length.
    pub value: String,
    /// The number (from 1) of the matching token in this report, when the
    /// value is itself one of the tokens found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<usize>,
    /// What was found, in words.
    pub message: String,
}

/// One signature of a JWS JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JwsSignatureReport {
    /// The protected header, decoded; `null` when absent or unreadable.
    pub protected: Option<Value>,
    /// The unprotected `header`: shown apart, never trusted (only `alg` and
    /// `kid` are used, with a finding, when the protected header lacks them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<Value>,
    /// This signature's verdict.
    pub signature: SignatureReport,
}

/// How long the token lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifetime {
    /// `expires - issued` in seconds; negative when the token expires
    /// before it is issued.
    pub seconds: i64,
    /// "24 h", "5 d", "18 h".
    pub text: String,
    /// What the recognised issuer documents; absent when it documents
    /// nothing or no issuer was recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<ExpectedLifetime>,
    /// Set when the lifetime differs from what the issuer documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
}
