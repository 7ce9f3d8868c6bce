//! Algorithm confusion (RFC 8725 §2.1): a token whose header says HS256
//! offered to a verifier holding a public key. A verifier that lets the
//! header choose HMAC will key it with the public key's bytes — which
//! anyone has — so tokens "signed" that way are forgeries. This module
//! refuses such tokens and checks whether the signature is exactly that
//! forgery, trying the byte forms an attacker would use.

use super::Verification;
use super::alg::{self, JwsAlg};
use crate::analysis::decode::Decoded;
use crate::analysis::finding::Finding;
use crate::analysis::keys::KeySet;
use crate::analysis::keys::material::KeyMaterial;
use crate::analysis::vocab::{FindingId, SignatureStatus};
use rsa::traits::PublicKeyParts;
use subtle::ConstantTimeEq;

/// The key and byte form whose HMAC equals the token's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forgery {
    pub key_label: String,
    pub form: &'static str,
}

/// The finding for an HS* token checked against public keys.
pub fn finding(d: &Decoded, alg: JwsAlg, keys: &KeySet) -> Finding {
    match forged_with(d, alg, keys) {
        Some(forgery) => Finding::new(
            FindingId::AlgConfusionForged,
            format!(
                "This token is forged: its {} signature is an HMAC keyed with {} of {} — a public value. A verifier that lets the header choose HMAC will accept it.",
                alg.name(),
                forgery.form,
                forgery.key_label
            ),
        ),
        None => Finding::new(
            FindingId::AlgConfusion,
            format!(
                "The header asks for {} (an HMAC secret) while the keys offered are public keys. Choosing the algorithm from the header is the algorithm-confusion attack: the algorithm must follow the key.",
                alg.name()
            ),
        ),
    }
}

/// The verdict when only public keys are offered for an HS* token.
pub fn refuse(d: &Decoded, alg: JwsAlg, keys: &KeySet) -> Verification {
    let forged = forged_with(d, alg, keys);
    let tail = match &forged {
        Some(f) => format!(
            " And this signature is exactly that forgery: an HMAC keyed with {} of {}.",
            f.form, f.key_label
        ),
        None => String::new(),
    };
    Verification::new(
        SignatureStatus::Invalid,
        format!(
            "Not accepted: the header asks for {} (an HMAC secret) but the keys supplied are public keys; letting the token's header choose HMAC is the algorithm-confusion attack (RFC 8725 §2.1).{tail}",
            alg.name()
        ),
    )
}

/// Tries each public key's byte forms as the HMAC secret.
pub fn forged_with(d: &Decoded, alg: JwsAlg, keys: &KeySet) -> Option<Forgery> {
    let input = d.signing_input()?;
    for key in keys.keys.iter().filter(|k| k.material.is_asymmetric()) {
        for (form, bytes) in candidate_secrets(key) {
            let tag = alg::hmac_tag(alg, &bytes, input.as_bytes());
            if !d.signature.is_empty() && bool::from(tag.ct_eq(&d.signature)) {
                return Some(Forgery {
                    key_label: key.label.clone(),
                    form,
                });
            }
        }
    }
    None
}

/// Byte forms of a public key an attacker might feed to HMAC.
fn candidate_secrets(key: &crate::analysis::keys::Key) -> Vec<(&'static str, Vec<u8>)> {
    let mut forms: Vec<(&'static str, Vec<u8>)> = Vec::new();
    for pasted in &key.pasted_forms {
        forms.push(("the key's text as pasted", pasted.clone()));
        if let Ok(text) = std::str::from_utf8(pasted) {
            let lf = text.replace("\r\n", "\n");
            let trimmed = lf.trim().to_string();
            forms.push(("its PEM text", format!("{trimmed}\n").into_bytes()));
            forms.push(("its PEM text", trimmed.into_bytes()));
        }
    }
    if let Some(spki) = &key.spki_der {
        forms.push(("its DER SubjectPublicKeyInfo", spki.clone()));
    }
    match &key.material {
        KeyMaterial::Ec { point, .. } => {
            forms.push(("its raw EC point", point.clone()));
            forms.push(("its x ‖ y coordinates", point[1..].to_vec()));
        }
        KeyMaterial::Rsa(rsa) => forms.push(("its modulus", rsa.n().to_be_bytes().to_vec())),
        KeyMaterial::Ed25519(ed) => forms.push(("its raw Ed25519 bytes", ed.to_bytes().to_vec())),
        KeyMaterial::X25519(x) => forms.push(("its raw X25519 bytes", x.to_vec())),
        KeyMaterial::MlDsa { public, .. } => forms.push(("its raw ML-DSA key", public.clone())),
        KeyMaterial::Hmac(_) => {}
    }
    forms
}
