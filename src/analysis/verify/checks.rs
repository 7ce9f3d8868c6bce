//! What a careful reviewer flags in a JWS header and signature, with or
//! without keys: `jku`/`x5u` (never fetched), self-asserted `jwk`/`x5c`,
//! `crit`, `b64: false`, a `kid` built for injection, signatures of the
//! wrong shape, and weak keys.

use super::alg::{self, JwsAlg, KeyKind};
use super::confusion;
use crate::analysis::base64url;
use crate::analysis::decode::Decoded;
use crate::analysis::finding::Finding;
use crate::analysis::header;
use crate::analysis::keys::fingerprint::Fingerprints;
use crate::analysis::keys::material::KeyMaterial;
use crate::analysis::keys::{KeySet, der, jwk};
use crate::analysis::vocab::{FindingId, TokenKind};
use base64::Engine;
use rsa::traits::PublicKeyParts;
use serde_json::Value;

/// Findings about the token's header and signature, given the keys.
pub fn token_findings(d: &Decoded, keys: &KeySet) -> Vec<Finding> {
    let mut findings = header::findings(d);
    let Some(header) = d.header.as_ref().and_then(Value::as_object) else {
        return findings;
    };
    if let Some(embedded) = header.get("jwk") {
        findings.push(embedded_jwk(embedded, keys));
    }
    if let Some(chain) = header.get("x5c") {
        findings.push(embedded_x5c(chain, keys));
    }
    if d.kind == Some(TokenKind::Jws)
        && let Some(alg) = d.alg().and_then(JwsAlg::parse)
    {
        findings.extend(signature_shape(d, alg, keys));
        if alg.key_kind() == KeyKind::Hmac && keys.keys.iter().any(|k| k.material.is_asymmetric()) {
            let hmac_keys = keys.keys.iter().any(|k| !k.material.is_asymmetric());
            let forged = confusion::forged_with(d, alg, keys).is_some();
            if forged || !hmac_keys {
                findings.push(confusion::finding(d, alg, keys));
            }
        }
    }
    findings
}

fn embedded_jwk(embedded: &Value, keys: &KeySet) -> Finding {
    let detail = match embedded.as_object().map(jwk::parse) {
        Some(Ok(parsed)) => {
            let fingerprints = crate::analysis::keys::fingerprint::fingerprints_of(
                &parsed.material,
                der::spki_der_for(&parsed.material).as_deref(),
            );
            let thumbprint = fingerprints.jwk_thumbprint.clone().unwrap_or_default();
            match supplied_with(&fingerprints, keys) {
                Some(label) => format!(
                    "Its thumbprint {thumbprint} equals {label}, which you supplied — but the token's own copy proves nothing."
                ),
                None => format!("Its thumbprint {thumbprint} equals none of the keys supplied."),
            }
        }
        Some(Err(e)) => format!("It cannot be read: {e}."),
        None => "It is not a JSON object.".into(),
    };
    Finding::new(
        FindingId::EmbeddedJwk,
        format!(
            "The header carries its own public key (jwk): self-asserted, so anyone can sign with a key of their own and embed it. {detail}"
        ),
    )
}

fn embedded_x5c(chain: &Value, keys: &KeySet) -> Finding {
    let first = chain
        .as_array()
        .and_then(|c| c.first())
        .and_then(Value::as_str);
    let detail = match first.map(|b64| base64url::STANDARD.decode(b64)) {
        Some(Ok(der_bytes)) => match der::from_certificate(&der_bytes) {
            Ok(cert) => {
                let fingerprints = crate::analysis::keys::fingerprint::fingerprints_of(
                    &cert.material,
                    Some(&cert.spki_der),
                );
                let subject = cert.certificate.map(|c| c.subject).unwrap_or_default();
                let thumbprint = fingerprints.jwk_thumbprint.clone().unwrap_or_default();
                match supplied_with(&fingerprints, keys) {
                    Some(label) => format!(
                        "Its first certificate (subject {subject}, key thumbprint {thumbprint}) carries the key of {label}, which you supplied."
                    ),
                    None => format!(
                        "Its first certificate (subject {subject}, key thumbprint {thumbprint}) carries none of the keys supplied; this page does not validate certificate chains."
                    ),
                }
            }
            Err(e) => format!("Its first certificate cannot be read: {e}."),
        },
        Some(Err(_)) => {
            "Its first certificate is not base64 (x5c uses standard base64, RFC 7515 §4.1.6)."
                .into()
        }
        None => "It is not an array of base64 certificates.".into(),
    };
    Finding::new(
        FindingId::EmbeddedX5c,
        format!(
            "The header carries a certificate chain (x5c): it proves nothing unless the chain is validated against a trusted root. {detail}"
        ),
    )
}

fn supplied_with(fingerprints: &Fingerprints, keys: &KeySet) -> Option<String> {
    keys.keys
        .iter()
        .find(|k| {
            k.fingerprints.jwk_thumbprint.is_some()
                && k.fingerprints.jwk_thumbprint == fingerprints.jwk_thumbprint
        })
        .map(|k| k.label.clone())
}

/// Signature length and encoding, judged by the algorithm (and keys).
fn signature_shape(d: &Decoded, alg: JwsAlg, keys: &KeySet) -> Vec<Finding> {
    let sig = &d.signature;
    if d.segments.len() < 3 || sig.is_empty() {
        return Vec::new();
    }
    if alg.fixed_signature_len().is_some() {
        return header::signature_length_finding(d).into_iter().collect();
    }
    if let KeyKind::Ec(curve) = alg.key_kind() {
        let expected = 2 * curve.field_bytes();
        if sig.len() != expected && alg::looks_like_der_ecdsa(sig) {
            return vec![Finding::new(
                FindingId::EcdsaDerSignature,
                format!(
                    "The {} signature is ASN.1 DER ({} bytes); JWS requires the raw {expected}-byte r ‖ s (RFC 7518 §3.4), so conforming verifiers reject it.",
                    alg.name(),
                    sig.len()
                ),
            )];
        }
        if sig.len() == expected && !alg::ecdsa_scalars_in_range(curve, sig) {
            return vec![Finding::new(
                FindingId::EcdsaScalarOutOfRange,
                "r or s is zero or not below the curve order: no real signature looks like this, and some verifiers accepted such values (the \"psychic signatures\" bug).",
            )];
        }
    }
    let expected: Vec<usize> = match alg.key_kind() {
        KeyKind::Rsa => keys
            .keys
            .iter()
            .filter_map(|k| match &k.material {
                KeyMaterial::Rsa(r) => Some(r.size()),
                _ => None,
            })
            .collect(),
        KeyKind::Ec(curve) => vec![2 * curve.field_bytes()],
        // Fixed by the algorithm alone: judged above, as without keys.
        KeyKind::Hmac | KeyKind::Ed25519 | KeyKind::MlDsa(_) => Vec::new(),
    };
    if !expected.is_empty() && !expected.contains(&sig.len()) {
        let want = expected
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(" or ");
        return vec![Finding::new(
            FindingId::SignatureLengthWrong,
            format!(
                "The signature is {} bytes, but {} with the key{} given produces {want} bytes.",
                sig.len(),
                alg.name(),
                if alg.key_kind() == KeyKind::Rsa {
                    "s"
                } else {
                    ""
                }
            ),
        )];
    }
    Vec::new()
}
