//! Signature checks made outside the core.
//!
//! The page's worker verifies RSA and ECDSA signatures through WebCrypto
//! (`crypto.subtle`, native code, 10–15× faster than RustCrypto compiled
//! to wasm) when a paste holds many of them. The core keeps every decision
//! (which keys to try, policy, findings, verdict words); only the primitive
//! "does this signature verify under this public key" comes from outside:
//!
//! 1. a first analysis with [`SignatureChecks::Record`] lists every
//!    primitive check it would make ([`SignatureCheck`]) and computes none;
//! 2. the worker asks WebCrypto for each;
//! 3. the analysis runs again with [`SignatureChecks::Known`], which
//!    answers from those results and computes here whatever is missing
//!    (a key WebCrypto would not import, an algorithm it lacks).
//!
//! Everything before the primitive — the key fits the algorithm, the
//! signature has the key's length, an ECDSA signature is not DER and its
//! r and s are in range — is checked here in every mode
//! ([`alg::precheck`]), so each failure keeps its own words.

use super::alg::{self, Failure};
use crate::analysis::base64url;
use crate::analysis::keys::der::spki_der_for;
use crate::analysis::keys::material::{Curve, KeyMaterial};
use crate::analysis::vocab::JwsAlg;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

/// One primitive check: does `signature` verify over `input` with the
/// public key `spki` under `alg`? On the wire, bytes are base64url.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureCheck {
    /// The JWS algorithm: RS*, PS* or ES256/384/512.
    pub alg: JwsAlg,
    /// The key as SubjectPublicKeyInfo DER (RFC 5280 §4.1.2.7), the form
    /// WebCrypto imports as `"spki"`.
    #[serde(with = "bytes")]
    pub spki: Vec<u8>,
    /// The signing input (RFC 7515 §5.2: header.payload as received).
    #[serde(with = "bytes")]
    pub input: Vec<u8>,
    /// The signature (raw r ‖ s for ECDSA, RFC 7518 §3.4).
    #[serde(with = "bytes")]
    pub signature: Vec<u8>,
}

impl SignatureCheck {
    /// What identifies the check in [`SignatureChecks::Known`].
    pub fn digest(&self) -> [u8; 32] {
        let mut hash = Sha256::new();
        hash.update(self.alg.name().as_bytes());
        for part in [&self.spki, &self.input, &self.signature] {
            hash.update((part.len() as u64).to_be_bytes());
            hash.update(part);
        }
        hash.finalize().into()
    }
}

/// Where the primitive signature checks are made.
#[derive(Debug, Default)]
pub enum SignatureChecks {
    /// Here, with RustCrypto (the CLI, the tests, a small paste).
    #[default]
    Compute,
    /// Nowhere: each check that could be made outside is noted and
    /// answered "does not match" (a first pass whose report is dropped).
    Record(Mutex<Vec<SignatureCheck>>),
    /// From results made outside, by [`SignatureCheck::digest`]; a check
    /// not listed is computed here.
    Known(HashMap<[u8; 32], bool>),
}

impl Clone for SignatureChecks {
    fn clone(&self) -> Self {
        match self {
            SignatureChecks::Compute => SignatureChecks::Compute,
            SignatureChecks::Record(list) => SignatureChecks::Record(Mutex::new(
                list.lock().map(|l| l.clone()).unwrap_or_default(),
            )),
            SignatureChecks::Known(results) => SignatureChecks::Known(results.clone()),
        }
    }
}

impl SignatureChecks {
    /// Results made outside, one per check (`None`: not made).
    pub fn known(checks: &[SignatureCheck], results: &[Option<bool>]) -> SignatureChecks {
        SignatureChecks::Known(
            checks
                .iter()
                .zip(results)
                .filter_map(|(check, result)| result.map(|ok| (check.digest(), ok)))
                .collect(),
        )
    }

    /// The checks noted in [`SignatureChecks::Record`] mode, each once.
    pub fn recorded(&self) -> Vec<SignatureCheck> {
        let SignatureChecks::Record(list) = self else {
            return Vec::new();
        };
        let list = list.lock().map(|l| l.clone()).unwrap_or_default();
        let mut seen = std::collections::HashSet::new();
        list.into_iter()
            .filter(|c| seen.insert(c.digest()))
            .collect()
    }

    /// Verifies as [`alg::verify`] does, the primitive made where this
    /// mode says.
    ///
    /// # Errors
    /// The [`Failure`] that stopped it.
    pub fn verify(
        &self,
        alg: JwsAlg,
        key: &KeyMaterial,
        input: &[u8],
        signature: &[u8],
    ) -> Result<(), Failure> {
        alg::precheck(alg, key, signature)?;
        if !matches!(self, SignatureChecks::Compute)
            && let Some(spki) = outside_key(alg, key)
        {
            let check = SignatureCheck {
                alg,
                spki,
                input: input.to_vec(),
                signature: signature.to_vec(),
            };
            match self {
                SignatureChecks::Record(list) => {
                    if let Ok(mut list) = list.lock() {
                        list.push(check);
                    }
                    return Err(Failure::Mismatch);
                }
                SignatureChecks::Known(results) => match results.get(&check.digest()) {
                    Some(true) => return Ok(()),
                    Some(false) => return Err(Failure::Mismatch),
                    None => {}
                },
                SignatureChecks::Compute => {}
            }
        }
        alg::compute(alg, key, input, signature)
    }
}

/// The key's SPKI when WebCrypto can make this check: RSASSA-PKCS1-v1_5
/// and RSA-PSS (RFC 7518 §3.3, §3.5) and ECDSA on P-256, P-384 and P-521
/// (§3.4). secp256k1, EdDSA, ML-DSA and HMAC stay here.
fn outside_key(alg: JwsAlg, key: &KeyMaterial) -> Option<Vec<u8>> {
    let supported = match key {
        KeyMaterial::Rsa(_) => true,
        KeyMaterial::Ec { curve, .. } => *curve != Curve::Secp256k1,
        _ => false,
    };
    (supported && alg.key_kind().fits(key))
        .then(|| spki_der_for(key))
        .flatten()
}

/// Bytes as base64url strings on the wire.
mod bytes {
    use super::base64url;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64url::encode(value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        base64url::decode_segment(&text)
            .map(|decoded| decoded.bytes)
            .map_err(|e| serde::de::Error::custom(e.to_string()))
    }
}
