//! The full verifier behind [`Verifier`]: the supplied [`KeySet`], with
//! RustCrypto's signature checks and the Keystone CMS reader.

use crate::analysis::Verifier;
use crate::analysis::decode::Decoded;
use crate::analysis::expectations::{Expectations, ExpectationsReport, Subject};
use crate::analysis::files::FileSources;
use crate::analysis::key_report::{KeyError, KeyReport};
use crate::analysis::keys::{Key, KeySet};
use crate::analysis::keystone::{CmsReadError, CmsReading, pki};
use crate::analysis::vendor::{self, VendorReport};
use crate::analysis::verdict::{SignatureReport, Verification};
use crate::analysis::vocab::{JwsAlg, KeystoneFormat, SignatureMatch, SignatureStatus};

impl Verifier for KeySet {
    fn verify_jws(&self, decoded: &Decoded) -> Verification {
        super::verify_token(decoded, self)
    }

    fn read_keystone(
        &self,
        token: &str,
        format: KeystoneFormat,
    ) -> Result<CmsReading, CmsReadError> {
        let read = match format {
            KeystoneFormat::Pki => pki::read_pki(token)?,
            KeystoneFormat::Pkiz => pki::read_pkiz(token)?,
        };
        let (status, message) = pki::verify(&read, self);
        Ok(CmsReading {
            content: read.content,
            content_error: read.content_error,
            details: read.details,
            signature: SignatureReport {
                status,
                message,
                // A CMS verdict is a plain yes or no: no policy refuses a match.
                matched: match status {
                    SignatureStatus::Valid => SignatureMatch::Matches,
                    SignatureStatus::Invalid => SignatureMatch::DoesNotMatch,
                    SignatureStatus::Unchecked | SignatureStatus::Unsupported => {
                        SignatureMatch::NotTried
                    }
                },
                key: None,
                matched_but_refused: None,
            },
        })
    }

    fn oidc_hash(&self, alg: JwsAlg, value: &str) -> Option<String> {
        use sha2::Digest;
        let digest = match alg.hash_bytes() {
            32 => sha2::Sha256::digest(value.as_bytes()).to_vec(),
            48 => sha2::Sha384::digest(value.as_bytes()).to_vec(),
            _ => sha2::Sha512::digest(value.as_bytes()).to_vec(),
        };
        Some(crate::analysis::base64url::encode(
            &digest[..digest.len() / 2],
        ))
    }

    fn check_expectations(
        &self,
        subject: &Subject<'_>,
        expected: &Expectations,
    ) -> ExpectationsReport {
        crate::analysis::expectations::evaluate(subject, expected)
    }

    fn recognise_issuer(&self, input: &vendor::Input<'_>) -> VendorReport {
        vendor::recognise(input)
    }

    fn file_sources(&self, input: &str) -> FileSources {
        crate::analysis::files::kubeconfig::read(input).unwrap_or_default()
    }

    fn decrypt_jwe(&self, token: &str) -> crate::analysis::options::JweReading {
        crate::analysis::decrypt::with_keys::read(token, self)
    }

    fn key_reports(&self) -> Vec<KeyReport> {
        self.keys.iter().map(Key::report).collect()
    }

    fn key_errors(&self) -> Vec<KeyError> {
        self.errors.clone()
    }
}

/// A [`KeySet`] whose RSA and ECDSA arithmetic is made where `checks`
/// says: recorded for WebCrypto, or answered from its results
/// ([`super::outside`]). Everything else is the key set's.
#[derive(Debug)]
pub struct KeySetWithChecks {
    /// The keys.
    pub keys: KeySet,
    /// Where the signature arithmetic is made.
    pub checks: super::SignatureChecks,
}

impl Verifier for KeySetWithChecks {
    fn verify_jws(&self, decoded: &Decoded) -> Verification {
        super::verify_token_with(decoded, &self.keys, &self.checks)
    }

    fn read_keystone(
        &self,
        token: &str,
        format: KeystoneFormat,
    ) -> Result<CmsReading, CmsReadError> {
        self.keys.read_keystone(token, format)
    }

    fn oidc_hash(&self, alg: JwsAlg, value: &str) -> Option<String> {
        self.keys.oidc_hash(alg, value)
    }

    fn check_expectations(
        &self,
        subject: &Subject<'_>,
        expected: &Expectations,
    ) -> ExpectationsReport {
        self.keys.check_expectations(subject, expected)
    }

    fn recognise_issuer(&self, input: &vendor::Input<'_>) -> VendorReport {
        self.keys.recognise_issuer(input)
    }

    fn file_sources(&self, input: &str) -> FileSources {
        self.keys.file_sources(input)
    }

    fn decrypt_jwe(&self, token: &str) -> crate::analysis::options::JweReading {
        self.keys.decrypt_jwe(token)
    }

    fn key_reports(&self) -> Vec<KeyReport> {
        self.keys.key_reports()
    }

    fn key_errors(&self) -> Vec<KeyError> {
        self.keys.key_errors()
    }
}
