//! Verifies a decoded token with the keys the person supplied and says
//! plainly what was and was not proven.
//!
//! The algorithm follows the key type *and* the header together, never the
//! header alone (RFC 8725 §3.1): an HS256 header offered only public keys
//! is the algorithm-confusion attack, and is refused (and checked for the
//! forgery it usually is). Keys are chosen by `kid` when the token names one.

pub mod alg;
mod checks;
mod confusion;
pub mod outside;
mod policy;
mod verifier;

use crate::analysis::decode::Decoded;
use crate::analysis::finding::Finding;
pub use crate::analysis::key_report::KeyUse;
use crate::analysis::keys::{Key, KeySet};
use crate::analysis::verdict::{self, Verification};
use crate::analysis::vocab::{
    FindingId, KidMatch, Refusal, Segment, SignatureMatch, SignatureStatus, TokenErrorId,
};
use alg::{Failure, JwsAlg};

use policy::{partition_usable, try_forbidden_keys};

/// Without a `kid` match, at most this many keys are tried, so a JWKS of a
/// thousand keys cannot stall the page.
pub const MAX_KEYS_TRIED: usize = 64;

pub use outside::{SignatureCheck, SignatureChecks};
pub use verifier::KeySetWithChecks;

/// Verifies `decoded` with `keys`, computing every signature here.
pub fn verify_token(decoded: &Decoded, keys: &KeySet) -> Verification {
    verify_token_with(decoded, keys, &SignatureChecks::Compute)
}

/// Verifies `decoded` with `keys`, the RSA and ECDSA arithmetic made where
/// `outside` says ([`outside`]).
pub fn verify_token_with(
    decoded: &Decoded,
    keys: &KeySet,
    outside: &SignatureChecks,
) -> Verification {
    let findings = checks::token_findings(decoded, keys);
    let mut verification = decide(decoded, keys, outside);
    verification.findings.splice(0..0, findings);
    verification
}

fn decide(d: &Decoded, keys: &KeySet, outside: &SignatureChecks) -> Verification {
    use SignatureStatus::{Invalid, Unchecked, Unsupported};
    if let Some((status, message)) = verdict::nothing_to_verify(d) {
        return Verification::new(status, message);
    }
    if keys.is_empty() {
        return match keys.errors.first() {
            Some(error) => Verification::new(
                Unchecked,
                format!(
                    "Not checked: the key supplied could not be read ({}: {}).",
                    error.source, error.message
                ),
            ),
            None => {
                let (status, message) = verdict::without_keys(d);
                Verification::new(status, message)
            }
        };
    }
    let Some(alg_name) = d.alg() else {
        return Verification::new(
            Invalid,
            "Not valid: the header has no readable `alg`, so no verifier should accept this token.",
        );
    };
    let Some(alg) = JwsAlg::parse(alg_name) else {
        return Verification::new(
            Unsupported,
            format!(
                "Not checked: alg \"{alg_name}\" is not a JWS signature algorithm this page verifies (HS*, RS*, PS*, ES*, EdDSA, Ed25519)."
            ),
        );
    };
    if let Some(problem) = structural_problem(d) {
        return Verification::new(Invalid, format!("Not valid: {problem}"));
    }
    let mut verification = choose_and_verify(d, alg, keys, outside);
    if verification.signature.status == SignatureStatus::Valid
        && let Some(problem) = encoding_problem(d)
    {
        verification.signature.status = Invalid;
        verification.signature.matched_but_refused = Some(Refusal::NonCanonicalEncoding);
        verification.signature.message = format!(
            "{} — over the text as received — but {problem}: RFC 7515 requires canonical base64url, so strict verifiers reject this token, and a lenient one can be handed a second encoding of it.",
            verification.signature.message.trim_end_matches('.')
        );
    }
    verification
}

/// Missing segments or undecodable parts: nothing valid can come of it.
fn structural_problem(d: &Decoded) -> Option<String> {
    if d.segments.len() != 3 {
        return Some(format!(
            "a JWS has three segments (header.payload.signature); this token has {}.",
            d.segments.len()
        ));
    }
    if d.segments[2].is_empty() {
        return Some("the signature segment is empty.".into());
    }
    d.errors
        .iter()
        .find(|e| {
            matches!(
                e.segment,
                Segment::Header | Segment::Signature | Segment::Token
            ) || e.id == TokenErrorId::Base64UrlInvalid
        })
        .map(|e| e.message.clone())
}

/// A segment that decoded only leniently (padding, `+`/`/`, trailing bits).
fn encoding_problem(d: &Decoded) -> Option<String> {
    d.irregularities
        .iter()
        .find(|(segment, _)| {
            matches!(
                segment,
                Segment::Header | Segment::Payload | Segment::Signature
            )
        })
        .map(|(segment, irregularity)| format!("the {segment} segment {irregularity}"))
}

fn choose_and_verify(
    d: &Decoded,
    alg: JwsAlg,
    keys: &KeySet,
    outside: &SignatureChecks,
) -> Verification {
    use SignatureStatus::Unchecked;
    let kind = alg.key_kind();
    let fitting: Vec<&Key> = keys
        .keys
        .iter()
        // A PBES2 password (`--password-file`) is not an HMAC key.
        .filter(|k| kind.fits(&k.material) && !k.is_password)
        .collect();
    if fitting.is_empty() {
        if kind == alg::KeyKind::Hmac && keys.keys.iter().any(|k| k.material.is_asymmetric()) {
            return confusion::refuse(d, alg, keys);
        }
        let have = keys
            .keys
            .iter()
            .map(|k| k.material.describe())
            .collect::<Vec<_>>()
            .join("; ");
        return Verification::new(
            Unchecked,
            format!(
                "Not checked: {} needs {}; the keys supplied are: {have}.",
                alg.name(),
                kind.describe()
            ),
        );
    }
    let (usable, refused) = partition_usable(&fitting, alg);
    if usable.is_empty() {
        return try_forbidden_keys(d, alg, &refused, outside);
    }
    let to_try = match select_by_kid(d, &usable, &fitting) {
        Ok(selected) => selected,
        Err(verdict) => return *verdict,
    };
    let (verification, _) = try_keys(d, alg, &to_try, outside);
    if verification.signature.matched == SignatureMatch::DoesNotMatch && !refused.is_empty() {
        // A forbidden key may be the one that signed: say so, as matched
        // but refused, rather than "does not match".
        let forbidden = try_forbidden_keys(d, alg, &refused, outside);
        if forbidden.signature.matched == SignatureMatch::Matches {
            return forbidden;
        }
    }
    verification
}

fn boxed(status: SignatureStatus, message: String) -> Box<Verification> {
    Box::new(Verification::new(status, message))
}

type Selection<'k> = Result<Vec<(&'k Key, Option<KidMatch>)>, Box<Verification>>;

/// Chooses by `kid` (RFC 7515 §4.1.4): one match is used; two different
/// keys of the algorithm's key type are ambiguous and refused (RFC 7520 §4.8 gives an
/// RSA, an EC and an HMAC key one `kid`: not ambiguous for any one
/// algorithm); none means "no key with this kid" unless some keys carry
/// no identifier to compare. `fitting` are the keys of the algorithm's
/// type, `usable` those policy allows.
fn select_by_kid<'k>(d: &Decoded, usable: &[&'k Key], fitting: &[&'k Key]) -> Selection<'k> {
    let Some(kid) = d.header_str("kid") else {
        return Ok(usable
            .iter()
            .take(MAX_KEYS_TRIED)
            .map(|k| (*k, None))
            .collect());
    };
    let same_kid: Vec<&Key> = fitting
        .iter()
        .copied()
        .filter(|k| k.kid.as_deref() == Some(kid))
        .collect();
    // The same key pasted twice (a JWKS and the x509 map of one issuer)
    // is no ambiguity; two different keys under one kid are.
    let differ = same_kid.iter().any(|k| k.material != same_kid[0].material);
    if differ {
        let labels = same_kid
            .iter()
            .map(|k| k.label.as_str())
            .collect::<Vec<_>>()
            .join(" and ");
        return Err(boxed(
            SignatureStatus::Invalid,
            format!(
                "Not accepted: two keys share kid \"{kid}\" ({labels}), so which one the issuer meant is ambiguous."
            ),
        ));
    }
    let mut matching: Vec<(&Key, Option<KidMatch>)> = Vec::new();
    for key in usable {
        let repeated = matching.iter().any(|(k, _)| k.material == key.material);
        if let Some(how) = key.kid_match(kid).filter(|_| !repeated) {
            matching.push((*key, Some(how)));
        }
    }
    if !matching.is_empty() {
        return Ok(matching);
    }
    let anonymous: Vec<(&Key, Option<KidMatch>)> = usable
        .iter()
        .filter(|k| k.kid.is_none())
        .take(MAX_KEYS_TRIED)
        .map(|k| (*k, None))
        .collect();
    if anonymous.is_empty() {
        let kids = usable
            .iter()
            .filter_map(|k| k.kid.as_deref())
            .map(|k| format!("\"{k}\""))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(boxed(
            SignatureStatus::Unchecked,
            format!(
                "Not checked: no key with kid \"{kid}\" among the keys supplied (their kids: {kids})."
            ),
        ));
    }
    Ok(anonymous)
}

/// Tries `candidates` in order; the verdict, and which candidate matched
/// (labels need not be unique, so callers identify the key by position).
fn try_keys(
    d: &Decoded,
    alg: JwsAlg,
    candidates: &[(&Key, Option<KidMatch>)],
    outside: &SignatureChecks,
) -> (Verification, Option<usize>) {
    let input = d.signing_input().unwrap_or_default();
    let mut failures = Vec::new();
    for (index, (key, kid_match)) in candidates.iter().enumerate() {
        match outside.verify(alg, &key.material, input.as_bytes(), &d.signature) {
            Ok(()) => return (verified(alg, key, *kid_match), Some(index)),
            Err(failure) => failures.push((key, *kid_match, failure)),
        }
    }
    (no_match(&failures), None)
}

/// The verdict when no candidate matched.
fn no_match(failures: &[(&&Key, Option<KidMatch>, Failure)]) -> Verification {
    match failures {
        [(key, kid_match, failure)] => {
            let detail = match failure {
                Failure::Mismatch => String::new(),
                other => format!(": {other}"),
            };
            let mut v = Verification::new(
                SignatureStatus::Invalid,
                format!(
                    "Signature does not match {} ({}){detail}.",
                    key.label,
                    key.material.describe()
                ),
            );
            v.signature.key = Some(KeyUse {
                key: key.report(),
                kid_match: *kid_match,
            });
            v.findings = crate::analysis::keys::weakness::key_findings(key);
            v.signature.matched = SignatureMatch::DoesNotMatch;
            v
        }
        many => {
            let mut v = Verification::new(
                SignatureStatus::Invalid,
                format!(
                    "Signature does not match any of the {} keys tried ({}).",
                    many.len(),
                    many.iter()
                        .map(|(k, _, _)| k.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            v.signature.matched = SignatureMatch::DoesNotMatch;
            v
        }
    }
}

/// The signature matched; say so unless the key is too weak to prove it.
fn verified(alg: JwsAlg, key: &Key, kid_match: Option<KidMatch>) -> Verification {
    let mut findings = Vec::new();
    let mut weakness = key.fatal_weakness();
    let mut refusal = Refusal::WeakKey;
    if let crate::analysis::keys::material::KeyMaterial::Hmac(secret) = &key.material
        && secret.len() < alg.hash_bytes()
    {
        let text = format!(
            "the secret is {} bytes, shorter than the {}-byte hash output that RFC 7518 §3.2 requires for {}, so it can be guessed far more easily",
            secret.len(),
            alg.hash_bytes(),
            alg.name()
        );
        findings.push(Finding::new(
            FindingId::HmacSecretTooShort,
            format!("The HMAC {text}."),
        ));
        weakness = Some(text);
        refusal = Refusal::HmacSecretTooShort;
    }
    let mut v = match weakness {
        Some(why) => Verification::new(
            SignatureStatus::Invalid,
            format!(
                "Not accepted: the signature matches {} ({}), but {why}.",
                key.label,
                key.material.describe()
            ),
        ),
        None => Verification::new(
            SignatureStatus::Valid,
            format!(
                "Signature verified with {} ({}).",
                key.label,
                key.material.describe()
            ),
        ),
    };
    if v.signature.status == SignatureStatus::Invalid {
        v.signature.matched_but_refused = Some(refusal);
    }
    v.signature.matched = SignatureMatch::Matches;
    v.signature.key = Some(KeyUse {
        key: key.report(),
        kid_match,
    });
    findings.extend(crate::analysis::keys::weakness::key_findings(key));
    v.findings = findings;
    v
}

#[cfg(test)]
mod tests;
