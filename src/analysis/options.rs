//! What an analysis needs besides the pasted text: the instant to judge
//! times at, the clock skew tolerated, the verifier, if any, and what the
//! person's service expects, if they said.
//!
//! The verifier is the one seam between the light analysis and the full
//! one. The page's first analysis passes none: it finds, decodes and
//! explains tokens, and marks what only the full analysis can say
//! (`needs_full_analysis`). The Web Worker and the CLI pass the RustCrypto
//! verifier ([`crate::analysis::keys::KeySet`], with the `crypto` feature).
//! Everything else runs the same code either way.

use crate::analysis::decode::Decoded;
use crate::analysis::expectations::{Expectations, ExpectationsReport, Subject};
use crate::analysis::files::FileSources;
use crate::analysis::key_report::{KeyError, KeyReport};
use crate::analysis::keystone::{CmsReadError, CmsReading};
use crate::analysis::vendor::{self, VendorReport};
use crate::analysis::verdict::Verification;
use crate::analysis::vocab::{JwsAlg, KeystoneFormat};
use std::fmt;
use std::sync::Arc;

/// Checks signatures with the keys a person supplied.
pub trait Verifier: fmt::Debug + Send + Sync {
    /// The verdict on a decoded compact token, with the findings that come
    /// with it (header checks, key checks, signature shape).
    fn verify_jws(&self, decoded: &Decoded) -> Verification;

    /// Reads a Keystone PKI or PKIZ token (CMS SignedData, RFC 5652) and
    /// verifies its signature.
    ///
    /// # Errors
    /// Why the token is not a readable CMS envelope; its `Display` gives
    /// words that follow "This looks like a Keystone PKI token but …".
    fn read_keystone(
        &self,
        token: &str,
        format: KeystoneFormat,
    ) -> Result<CmsReading, CmsReadError>;

    /// The OpenID Connect hash of `value` for a token signed with `alg`
    /// (OIDC Core §3.1.3.6, §3.3.2.11): base64url of the left half of the
    /// hash `alg` uses. The core borrows this digest from the verifier so
    /// the light analysis needs no cryptography; `None` when not computed.
    fn oidc_hash(&self, alg: JwsAlg, value: &str) -> Option<String>;

    /// Checks a token against what the person's service expects
    /// ([`crate::analysis::expectations::evaluate`]). Part of the full
    /// analysis so the page's first download does not carry the rules: the
    /// light analysis asks for the full one when expectations are set.
    fn check_expectations(
        &self,
        subject: &Subject<'_>,
        expected: &Expectations,
    ) -> ExpectationsReport;

    /// Who issued the token ([`crate::analysis::vendor::recognise`]). Part
    /// of the full analysis so the recognisers stay out of the page's first
    /// download: the light analysis asks for the full one instead.
    fn recognise_issuer(&self, input: &vendor::Input<'_>) -> VendorReport;

    /// What the file pasted says about its tokens (a kubeconfig's users and
    /// contexts), read with a parser the page's first download does not
    /// carry.
    fn file_sources(&self, input: &str) -> FileSources;

    /// Decrypts a JWE, compact or JSON (RFC 7516 §7), with the supplied
    /// keys: the verdict, the plaintext when a key opened it, and the
    /// findings that come with it.
    fn decrypt_jwe(&self, token: &str) -> JweReading;

    /// The supplied keys, summarised.
    fn key_reports(&self) -> Vec<KeyReport>;

    /// The supplied key texts that could not be read, and why.
    fn key_errors(&self) -> Vec<KeyError>;
}

/// A JWE read by the [`Verifier`]: its verdict, and the plaintext when a
/// supplied key decrypted it (kept in memory for the report only).
#[derive(Clone, PartialEq)]
pub struct JweReading {
    /// The verdict.
    pub decryption: crate::analysis::verdict::DecryptionReport,
    /// The plaintext, when decrypted.
    pub plaintext: Option<Vec<u8>>,
    /// What a reviewer should know (RSA1_5, the step that failed).
    pub findings: Vec<crate::analysis::finding::Finding>,
}

// The plaintext never reaches a Debug print (logs, panics).
impl fmt::Debug for JweReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JweReading")
            .field("decryption", &self.decryption)
            .field("plaintext", &self.plaintext.as_ref().map(Vec::len))
            .field("findings", &self.findings)
            .finish()
    }
}

/// What the analysis needs besides the pasted text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The instant to evaluate times against (Unix seconds): the clock, or
    /// the "as of" instant a person chose. The core never reads a clock.
    pub now: i64,
    /// Seconds of clock skew tolerated around `exp` and `nbf`.
    pub leeway: i64,
    /// Verifies signatures; `None` for the light analysis.
    pub verifier: Option<Arc<dyn Verifier>>,
    /// What the person's service expects; each JWT is then checked against
    /// it ([`crate::analysis::expectations`]). `None` checks nothing.
    pub expectations: Option<Expectations>,
    /// The content of a JWS whose payload is detached (RFC 7515 Appendix
    /// F), as the person supplied it; `None` when they supplied none.
    pub detached_content: Option<Arc<str>>,
}

impl Options {
    /// Options with no verifier and no leeway, evaluated at `now`.
    pub fn at(now: i64) -> Self {
        Options {
            now,
            ..Options::default()
        }
    }

    /// These options with each JWT checked against `expectations` (none
    /// when they are empty).
    #[must_use]
    pub fn expecting(self, expectations: Expectations) -> Self {
        Options {
            expectations: (!expectations.is_empty()).then_some(expectations),
            ..self
        }
    }

    /// These options with `verifier` checking signatures.
    #[must_use]
    pub fn verified_by(self, verifier: Arc<dyn Verifier>) -> Self {
        Options {
            verifier: Some(verifier),
            ..self
        }
    }
}
