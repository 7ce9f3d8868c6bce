//! The keys people actually have — PEM (`PUBLIC KEY`, `RSA PUBLIC KEY`,
//! `CERTIFICATE`), JWK, JWKS, bare base64 DER, and HMAC secrets — read into
//! one [`KeySet`], with a precise message for anything unreadable.

pub mod der;
pub mod error;
pub mod fingerprint;
pub mod json_text;
pub mod jwk;
pub mod material;
pub mod ml_dsa;
pub mod pem;
pub mod private;
pub mod roca;
pub mod secret;
pub mod weakness;

use crate::analysis::base64url;
use crate::analysis::json;
pub use crate::analysis::key_report::{KeyError, KeyReport};
use crate::analysis::pem::PemMeaning;
use crate::analysis::vocab::{KidMatch, SecretEncoding};
use base64::Engine;
use der::CertificateInfo;
pub use error::KeyReadError;
use fingerprint::Fingerprints;
use material::KeyMaterial;
use rsa::traits::PublicKeyParts;
use weakness::Weakness;

/// RSA keys under this size prove too little (RFC 7518 §3.3).
pub const RSA_MIN_SECURE_BITS: usize = 2048;
/// Key text beyond this is refused with a message rather than parsed.
pub const MAX_KEY_TEXT: usize = 4 * 1024 * 1024;

/// A key ready to verify with, and what is known about it.
#[derive(Debug, Clone)]
pub struct Key {
    /// The key itself.
    pub material: KeyMaterial,
    /// "JWKS key 2", "PEM block 1 (CERTIFICATE)", "HMAC secret (hex)".
    pub label: String,
    /// JWK `kid` (RFC 7517 §4.5), when given.
    pub kid: Option<String>,
    /// JWK `alg`, `use` and `key_ops` (RFC 7517 §4.2–4.4), when given.
    pub alg: Option<String>,
    /// JWK `use` (RFC 7517 §4.2), when given.
    pub use_: Option<String>,
    /// JWK `key_ops` (RFC 7517 §4.3), when given.
    pub key_ops: Option<Vec<String>>,
    /// A secret that came in a key set holding public keys too.
    pub in_mixed_set: bool,
    /// What the certificate says, when the key came in one.
    pub certificate: Option<CertificateInfo>,
    /// The SubjectPublicKeyInfo DER (RFC 5280 §4.1.2.7); none for secrets.
    pub spki_der: Option<Vec<u8>>,
    /// The key exactly as pasted (PEM block or JWK text): the algorithm
    /// confusion check tries these bytes as an HMAC secret.
    pub pasted_forms: Vec<Vec<u8>>,
    /// Its thumbprint and fingerprints, to match a token's `kid`.
    pub fingerprints: Fingerprints,
    /// What is wrong with it short of unusable, worded for a person.
    pub warnings: Vec<String>,
    /// What is wrong with the key itself, judged once when it is read
    /// ([`weakness::weaknesses`]).
    pub weaknesses: Vec<Weakness>,
    /// Whether this public key was derived from a pasted private key (a
    /// private PEM block, an OpenSSH key, a JWK with `d`).
    pub from_private: bool,
    /// That private key, kept in memory only to decrypt JWE for the life of
    /// this key set (one analysis): never reported, serialized or stored.
    /// Verification uses only the public part.
    pub private: Option<std::sync::Arc<private::PrivateKey>>,
    /// A password given for PBES2 (`add_password`), not a key.
    pub is_password: bool,
}

/// Every key the person supplied.
#[derive(Debug, Clone, Default)]
pub struct KeySet {
    /// The keys read, in the order they were pasted.
    pub keys: Vec<Key>,
    /// What could not be read, and why, as the report shows it: each
    /// `message` is a [`KeyReadError`]'s sentence.
    pub errors: Vec<KeyError>,
}

impl KeySet {
    /// Whether no key was read (errors do not count).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Reads everything in a key text box.
    pub fn parse(text: &str) -> KeySet {
        let mut set = KeySet::default();
        set.add_text(text);
        set
    }

    /// Adds an HMAC secret written in `encoding`.
    pub fn add_secret(&mut self, text: &str, encoding: SecretEncoding) {
        if text.is_empty() {
            return;
        }
        if encoding == SecretEncoding::Auto {
            for (reading, bytes) in secret::readings(text) {
                let label = format!("HMAC secret (auto: read as {})", reading.as_str());
                self.push(KeyMaterial::Hmac(bytes), label, None, Vec::new(), None);
            }
            return;
        }
        let label = format!("HMAC secret ({})", encoding.as_str());
        match secret::decode(text, encoding) {
            Ok(bytes) => self.push(KeyMaterial::Hmac(bytes), label, None, Vec::new(), None),
            Err(error) => self.refuse(label, &error),
        }
    }

    /// Adds a password for PBES2 JWE (RFC 7518 §4.8), labelled "password":
    /// its UTF-8 bytes, tried as a password only.
    pub fn add_password(&mut self, text: &str) {
        if !text.is_empty() {
            let bytes = text.as_bytes().to_vec();
            self.push(
                KeyMaterial::Hmac(bytes),
                "password".into(),
                None,
                Vec::new(),
                None,
            );
            if let Some(key) = self.keys.last_mut() {
                key.is_password = true;
            }
        }
    }

    /// Records why the part of the key text named `source` was not read.
    pub(super) fn refuse(&mut self, source: impl Into<String>, error: &KeyReadError) {
        self.errors.push(KeyError {
            source: source.into(),
            message: error.to_string(),
        });
    }

    /// Reads PEM blocks, JSON (JWK, JWKS, arrays of JWKs) and bare base64 DER.
    pub fn add_text(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        if text.len() > MAX_KEY_TEXT {
            return self.refuse(
                "key text",
                &KeyReadError::KeyTextTooLarge { bytes: text.len() },
            );
        }
        // A JSON document holding PEM strings (Google's and Firebase's x509
        // certificate maps) is read as JSON: its PEM sits inside escapes.
        let trimmed = text.trim();
        if trimmed.starts_with(['{', '['])
            && json::parse_prefix(trimmed).is_ok_and(|(_, used)| used == trimmed.len())
        {
            self.add_json_documents(text);
            return;
        }
        let blocks = pem::blocks(text);
        let mut rest = text.to_string();
        for block in blocks.iter().rev() {
            rest.replace_range(block.range.clone(), " ");
        }
        for (index, block) in blocks.into_iter().enumerate() {
            self.add_pem_block(format!("PEM block {}", index + 1), block);
        }
        let json_found = self.add_json_documents(&rest);
        if !json_found {
            self.add_bare_der(&rest, "base64 DER key", "base64 DER");
        }
    }

    /// Reads one decoded PEM block; the key is named `{name} ({label})`.
    pub(super) fn add_pem_block(&mut self, name: String, block: pem::DecodedBlock) {
        let source = format!("{name} ({})", block.label);
        let private = crate::analysis::pem::meaning(&block.label) == PemMeaning::PrivateKey;
        let parsed = block
            .result
            .and_then(|der| pem_block_key(&block.label, &der, &block.text).map(|key| (key, der)));
        match parsed {
            // A private block's text is not kept for the confusion check
            // (only the derived public key's SPKI is); the private key
            // itself is held for decryption only.
            Ok((key, der)) if private => {
                self.push_der(key, source, Vec::new());
                let kept = private::signing_key_from_pem(&block.label, &der, &block.text).ok();
                self.mark_last_private(kept);
            }
            Ok((key, der)) => {
                let pasted = vec![block.text.as_bytes().to_vec(), der];
                self.push_der(key, source, pasted);
            }
            Err(error) => self.refuse(source, &error),
        }
    }

    /// Marks the key just read as derived from a private key, with the
    /// warning every private key gets, and keeps that private key for
    /// decryption.
    pub(super) fn mark_last_private(&mut self, private: Option<private::PrivateKey>) {
        if let Some(key) = self.keys.last_mut() {
            key.from_private = true;
            key.private = private.map(std::sync::Arc::new);
            key.warnings.push(PRIVATE_KEY_WARNING.into());
        }
    }

    fn push_der(&mut self, key: der::DerKey, label: String, mut pasted: Vec<Vec<u8>>) {
        pasted.push(key.spki_der.clone());
        self.push(
            key.material,
            label,
            Some(key.spki_der),
            pasted,
            key.certificate,
        );
    }

    /// Reads base64 DER (a certificate, an SPKI or PKCS#1): the key is
    /// named `label`, a DER error `error_source`.
    pub(super) fn add_bare_der(&mut self, text: &str, label: &str, error_source: &str) {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return;
        }
        let decoded = base64url::STANDARD_ANY_PADDING
            .decode(&compact)
            .or_else(|_| base64url::URL_SAFE_ANY_PADDING.decode(&compact));
        // DER keys and certificates are SEQUENCEs: they start with 0x30.
        let Some(der_bytes) = decoded.ok().filter(|d| d.first() == Some(&0x30)) else {
            return self.refuse("key text", &KeyReadError::UnrecognisedKeyText);
        };
        match der::from_unknown(&der_bytes) {
            Ok(key) => self.push_der(key, label.into(), vec![der_bytes.clone()]),
            Err(error) => self.refuse(error_source, &error),
        }
    }

    pub(super) fn push(
        &mut self,
        material: KeyMaterial,
        label: String,
        spki_der: Option<Vec<u8>>,
        pasted_forms: Vec<Vec<u8>>,
        certificate: Option<CertificateInfo>,
    ) {
        let fingerprints = fingerprint::fingerprints_of(&material, spki_der.as_deref());
        let weaknesses = weakness::weaknesses(&material);
        let warnings = weaknesses.iter().map(Weakness::warning).collect();
        self.keys.push(Key {
            material,
            label,
            kid: None,
            alg: None,
            use_: None,
            key_ops: None,
            in_mixed_set: false,
            certificate,
            spki_der,
            pasted_forms,
            fingerprints,
            warnings,
            weaknesses,
            from_private: false,
            private: None,
            is_password: false,
        });
    }
}

/// What every key derived from a pasted private key says.
pub const PRIVATE_KEY_WARNING: &str = "this was a private key: it has not left this page; its public key verifies, and the private key is held in memory only to decrypt JWE, but a production private key pasted anywhere should be treated as exposed";

/// The key in a decoded PEM block, read as its label says (RFC 7468 §13
/// `PUBLIC KEY`, §5 `CERTIFICATE`; `RSA PUBLIC KEY` is PKCS#1, RFC 8017
/// §A.1.1; private keys in [`private`]).
fn pem_block_key(label: &str, der: &[u8], text: &str) -> Result<der::DerKey, KeyReadError> {
    match label {
        "PUBLIC KEY" => der::from_spki(der),
        "RSA PUBLIC KEY" => der::from_pkcs1(der),
        "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => der::from_certificate(der),
        label if crate::analysis::pem::meaning(label) == PemMeaning::PrivateKey => {
            private::from_pem(label, der, text)
        }
        other => Err(KeyReadError::PemNotAKey {
            label: other.to_string(),
        }),
    }
}

impl Key {
    /// Why a signature that matches this key still proves too little: the
    /// last fatal weakness, in words.
    pub fn fatal_weakness(&self) -> Option<String> {
        self.weaknesses
            .iter()
            .rfind(|w| w.is_fatal())
            .map(Weakness::warning)
    }

    /// What the page and the CLI show about this key.
    pub fn report(&self) -> KeyReport {
        let (bits, exponent, curve) = match &self.material {
            KeyMaterial::Rsa(k) => (
                Some(k.n().bit_width() as usize),
                Some(material::rsa_exponent_text(k)),
                None,
            ),
            KeyMaterial::Ec { curve, .. } => (None, None, Some(curve.jwk_name())),
            KeyMaterial::Ed25519(_) => (None, None, Some("Ed25519")),
            KeyMaterial::X25519(_) => (None, None, Some("X25519")),
            KeyMaterial::MlDsa { level, .. } => (None, None, Some(level.name())),
            KeyMaterial::Hmac(s) => (Some(s.len() * 8), None, None),
        };
        let summary = if self.from_private {
            format!(
                "{}, public key derived from the pasted private key",
                self.material.describe()
            )
        } else {
            self.material.describe()
        };
        KeyReport {
            label: self.label.clone(),
            kty: self.material.kty(),
            summary,
            bits,
            exponent,
            curve: curve.map(Into::into),
            kid: self.kid.clone(),
            alg: self.alg.clone(),
            use_: self.use_.clone(),
            fingerprints: self.fingerprints.clone(),
            certificate: self.certificate.clone(),
            warnings: self.warnings.clone(),
            from_private_key: self.from_private,
        }
    }

    /// Which identifier of this key equals `kid`: its JWK `kid` or a fingerprint.
    pub fn kid_match(&self, kid: &str) -> Option<KidMatch> {
        if self.kid.as_deref() == Some(kid) {
            Some(KidMatch::Kid)
        } else {
            self.fingerprints.matching(kid)
        }
    }
}

#[cfg(test)]
mod tests;
