//! Signature arithmetic made outside the core (issue 15 §4): the worker
//! records the RSA and ECDSA checks a paste needs, has WebCrypto make them
//! and runs the analysis again with the results. Here the results are
//! made by the core's own primitive, so the report must equal the one
//! computed in one pass; a flipped result must change the verdict (the
//! results are used), and a missing one is computed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use jwt_inspector::analysis::expectations::Expectations;
use jwt_inspector::analysis::job::{self, Cache, Job};
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::keys::der::spki_der_for;
use jwt_inspector::analysis::keys::material::KeyMaterial;
use jwt_inspector::analysis::sign::keygen::{self, KeySpec};
use jwt_inspector::analysis::sign::{self, Layout, SigningKey, export};
use jwt_inspector::analysis::verify::alg;
use jwt_inspector::analysis::verify::{SignatureCheck, SignatureChecks};
use jwt_inspector::analysis::vocab::{JwsAlg, SecretEncoding, SignatureStatus};

const NOW: i64 = 1_780_272_000;

fn token(alg: JwsAlg, key: &SigningKey, sub: &str) -> String {
    let header = format!(r#"{{"alg":"{}","typ":"JWT"}}"#, alg.name());
    let claims = format!(r#"{{"sub":"{sub}","exp":{}}}"#, NOW + 3600);
    sign::sign(
        &header,
        &claims,
        key,
        Layout::Compact,
        NOW,
        &mut getrandom::SysRng,
    )
    .unwrap()
    .token
}

/// A paste of every kind the worker meets: RS256, PS384, ES256, ES512
/// (made outside), ES256K and EdDSA (always here), a token signed by a
/// key not supplied, and one with a corrupted signature.
fn paste_and_keys() -> (String, String) {
    let mut rng = getrandom::SysRng;
    let mut lines = Vec::new();
    let mut jwks = Vec::new();
    for alg in [
        JwsAlg::RS256,
        JwsAlg::PS384,
        JwsAlg::ES256,
        JwsAlg::ES512,
        JwsAlg::ES256K,
        JwsAlg::EdDSA,
    ] {
        let key = keygen::generate(KeySpec::for_alg(alg), &mut rng).unwrap();
        for n in 0..3 {
            lines.push(format!(
                "Authorization: Bearer {}",
                token(alg, &key, &format!("{}-{n}", alg.name()))
            ));
        }
        let forms = export::public_forms(&key, alg, None).unwrap();
        jwks.push(forms.jwks["keys"][0].clone());
    }
    let stranger = keygen::generate(KeySpec::for_alg(JwsAlg::RS256), &mut rng).unwrap();
    lines.push(token(JwsAlg::RS256, &stranger, "stranger"));
    let good = lines[0]
        .trim_start_matches("Authorization: Bearer ")
        .to_string();
    // One character in the middle of the signature changed: still below
    // the modulus (a changed first character could pass it, and the core
    // refuses that before any check is made).
    let (body, signature) = good.rsplit_once('.').unwrap();
    let middle = signature.len() / 2;
    let flipped = if &signature[middle..=middle] == "A" {
        "B"
    } else {
        "A"
    };
    lines.push(format!(
        "{body}.{}{flipped}{}",
        &signature[..middle],
        &signature[middle + 1..]
    ));
    (
        lines.join("\n"),
        serde_json::json!({ "keys": jwks }).to_string(),
    )
}

fn job(input: &str, key_text: &str) -> Job {
    Job {
        id: 1,
        input: std::sync::Arc::new(input.to_string()),
        key_text: key_text.into(),
        secret: String::new(),
        secret_encoding: SecretEncoding::Auto,
        now: NOW,
        leeway: 0,
        detail: 0,
        expectations: Expectations::default(),
        detached_content: String::new(),
    }
}

/// What WebCrypto would answer, made with the core's own primitive.
fn answer(check: &SignatureCheck) -> Option<bool> {
    let mut keys = KeySet::default();
    keys.add_text(&pem_of(&check.spki));
    let material: &KeyMaterial = &keys.keys.first()?.material;
    assert_eq!(
        spki_der_for(material).as_deref(),
        Some(check.spki.as_slice())
    );
    Some(alg::verify(check.alg, material, &check.input, &check.signature).is_ok())
}

fn pem_of(spki: &[u8]) -> String {
    use base64::Engine;
    let body = base64::engine::general_purpose::STANDARD.encode(spki);
    format!("-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----\n")
}

fn statuses(result: &job::JobResult) -> Vec<(String, SignatureStatus)> {
    result
        .report
        .tokens
        .iter()
        .map(|t| (t.token.clone(), t.signature.status))
        .collect()
}

#[test]
fn recorded_checks_answered_outside_give_the_same_report() {
    let (paste, keys) = paste_and_keys();
    let job = job(&paste, &keys);
    let computed = job::run_cached(&job, &mut Cache::default());

    let checks = job::planned_checks(&job, &mut job::Cache::default(), job::LISTED);
    // No token names a kid, so an RSA token is tried with both RSA keys;
    // a try the core refuses before any arithmetic (a signature of the
    // other key's length, or not below its modulus, which depends on the
    // random keys) is never made outside. ES256K and EdDSA never are.
    let outside: Vec<JwsAlg> = checks.iter().map(|c| c.alg).collect();
    assert!(
        outside
            .iter()
            .all(|a| !matches!(a, JwsAlg::ES256K | JwsAlg::EdDSA)),
        "{outside:?}"
    );
    let digests: std::collections::HashSet<_> = checks.iter().map(SignatureCheck::digest).collect();
    assert_eq!(digests.len(), checks.len(), "each check once");
    for check in &checks {
        let mut keys = KeySet::default();
        keys.add_text(&pem_of(&check.spki));
        let material = &keys.keys[0].material;
        assert!(
            alg::precheck(check.alg, material, &check.signature).is_ok(),
            "only checks past the core's own"
        );
    }
    let results: Vec<Option<bool>> = checks.iter().map(answer).collect();
    assert_eq!(results.iter().filter(|r| **r == Some(true)).count(), 12);

    let answered = job::run_cached_with(
        &job,
        &mut Cache::default(),
        SignatureChecks::known(&checks, &results),
    );
    assert_eq!(
        serde_json::to_value(&answered.report).unwrap(),
        serde_json::to_value(&computed.report).unwrap()
    );
    let valid = statuses(&answered)
        .iter()
        .filter(|(_, s)| *s == SignatureStatus::Valid)
        .count();
    assert_eq!(valid, 18, "every token signed by a supplied key verifies");
}

#[test]
fn the_results_are_used_and_a_missing_one_is_computed() {
    let (paste, keys) = paste_and_keys();
    let job = job(&paste, &keys);
    let checks = job::planned_checks(&job, &mut job::Cache::default(), job::LISTED);
    let mut results: Vec<Option<bool>> = checks.iter().map(answer).collect();
    // Flip the first valid one; leave the second valid one unanswered.
    let first = results.iter().position(|r| *r == Some(true)).unwrap();
    results[first] = Some(false);
    let second = results.iter().position(|r| *r == Some(true)).unwrap();
    results[second] = None;
    let answered = job::run_cached_with(
        &job,
        &mut Cache::default(),
        SignatureChecks::known(&checks, &results),
    );
    let by_token = statuses(&answered);
    let status_of = |check: &SignatureCheck| {
        let input = String::from_utf8(check.input.clone()).unwrap();
        by_token
            .iter()
            .find(|(t, _)| t.starts_with(&format!("{input}.")))
            .unwrap()
            .1
    };
    assert_eq!(
        status_of(&checks[first]),
        SignatureStatus::Invalid,
        "the outside 'no' is the verdict"
    );
    assert_eq!(
        status_of(&checks[second]),
        SignatureStatus::Valid,
        "computed here when not answered"
    );
}
