//! Policy on the supplied keys: which of them may verify this algorithm
//! (JWK `use`, `key_ops`, `alg`, RFC 7517 §4.2–4.4; a secret published
//! among public keys), and the cryptographic answer for the ones it
//! forbids, reported as matched but refused.

use super::alg::JwsAlg;
use super::{select_by_kid, try_keys};
use crate::analysis::decode::Decoded;
use crate::analysis::keys::Key;
use crate::analysis::verdict::Verification;
use crate::analysis::vocab::{Refusal, SignatureMatch, SignatureStatus};

/// Every fitting key is forbidden by policy. The cryptographic question
/// still has an answer, so the keys are tried: a match is reported as
/// matched but refused, with the policy's reason.
pub(super) fn try_forbidden_keys(
    d: &Decoded,
    alg: JwsAlg,
    refused: &[(&Key, Refusal, String)],
    outside: &super::SignatureChecks,
) -> Verification {
    let forbidden: Vec<&Key> = refused.iter().map(|(k, _, _)| *k).collect();
    let to_try = match select_by_kid(d, &forbidden, &forbidden) {
        Ok(selected) => selected,
        Err(verdict) => return *verdict,
    };
    let (mut v, matched) = try_keys(d, alg, &to_try, outside);
    // The refusal of the key that matched, found by identity: labels need
    // not be unique (two pasted JWKs are both "JWK").
    let policy = matched
        .and_then(|index| to_try.get(index))
        .and_then(|(key, _)| refused.iter().find(|(k, _, _)| std::ptr::eq(*k, *key)));
    match (v.signature.matched, policy) {
        (SignatureMatch::Matches, Some((key, refusal, why))) => {
            let earlier = v.signature.message.trim_end_matches('.');
            v.signature.message = if v.signature.status == SignatureStatus::Valid {
                format!(
                    "Not accepted: the signature matches {} ({}), but it {why}.",
                    key.label,
                    key.material.describe()
                )
            } else {
                format!("{earlier}; and it {why}.")
            };
            v.signature.status = SignatureStatus::Invalid;
            v.signature.matched_but_refused.get_or_insert(*refusal);
        }
        _ => {
            let reasons = refused
                .iter()
                .map(|(k, _, why)| format!("{} {why}", k.label))
                .collect::<Vec<_>>()
                .join("; ");
            v.signature.message = format!(
                "{} No supplied key may verify {} signatures anyway: {reasons}.",
                v.signature.message,
                alg.name()
            );
        }
    }
    v
}

/// Drops keys whose JWK metadata forbids this use (RFC 7517 §4.2–4.4) or
/// that sit in a mixed key set.
pub(super) type Forbidden<'k> = (&'k Key, Refusal, String);

pub(super) fn partition_usable<'k>(
    fitting: &[&'k Key],
    alg: JwsAlg,
) -> (Vec<&'k Key>, Vec<Forbidden<'k>>) {
    let mut usable = Vec::new();
    let mut refused = Vec::new();
    for &key in fitting {
        let reason = if key.in_mixed_set {
            Some((
                Refusal::SecretInPublicKeySet,
                "is a shared secret published among public keys".to_string(),
            ))
        } else if let Some(use_) = key.use_.as_deref().filter(|u| *u != "sig") {
            Some((
                Refusal::JwkMetadata,
                format!("is marked \"use\": \"{use_}\", not \"sig\""),
            ))
        } else if key
            .key_ops
            .as_ref()
            .is_some_and(|ops| !ops.iter().any(|o| o == "verify"))
        {
            Some((
                Refusal::JwkMetadata,
                "has \"key_ops\" without \"verify\"".to_string(),
            ))
        } else {
            key.alg
                .as_deref()
                .filter(|a| *a != alg.name())
                .map(|key_alg| {
                    (
                        Refusal::JwkMetadata,
                        format!("is for alg {key_alg}, not {}", alg.name()),
                    )
                })
        };
        match reason {
            Some((refusal, why)) => refused.push((key, refusal, why)),
            None => usable.push(key),
        }
    }
    (usable, refused)
}
