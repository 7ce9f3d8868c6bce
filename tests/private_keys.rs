//! Private keys pasted into the key box (issue 11 §2): every format is read,
//! its public key derived and used, the private part never kept; what
//! cannot be used is refused with a message naming the type. Cases come
//! from tests/data/private-keys/cases.json (made by make.py there).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use jwt_inspector::analysis::keys::{KeySet, PRIVATE_KEY_WARNING};
use jwt_inspector::analysis::vocab::{SignatureMatch, SignatureStatus};
use jwt_inspector::analysis::{Options, analyse};
use serde_json::Value;
use std::sync::Arc;

fn cases() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/private-keys/cases.json"
    );
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    data["cases"].as_array().unwrap().clone()
}

const NOW: i64 = 1_780_272_000;

#[test]
fn every_usable_private_key_gives_the_public_key_that_verifies_its_token() {
    let usable: Vec<Value> = cases()
        .into_iter()
        .filter(|c| c["token"].is_string())
        .collect();
    assert!(usable.len() >= 13);
    for case in &usable {
        let id = case["id"].as_str().unwrap();
        let private = KeySet::parse(case["private_key"].as_str().unwrap());
        assert!(private.errors.is_empty(), "{id}: {:?}", private.errors);
        assert_eq!(private.keys.len(), 1, "{id}");
        let key = &private.keys[0];
        assert!(key.from_private, "{id}");
        assert!(
            key.warnings.iter().any(|w| w == PRIVATE_KEY_WARNING),
            "{id}"
        );
        let report = key.report();
        assert!(report.from_private_key, "{id}");
        assert!(
            report
                .summary
                .ends_with("public key derived from the pasted private key"),
            "{id}: {}",
            report.summary
        );

        // The same public key as the SPKI the minting script exported.
        let public = KeySet::parse(case["public_key"].as_str().unwrap());
        assert_eq!(key.spki_der, public.keys[0].spki_der, "{id}");
        assert_eq!(
            report.fingerprints,
            public.keys[0].report().fingerprints,
            "{id}"
        );

        // Nothing of the private text is kept for the confusion check.
        let pem = case["private_key"].as_str().unwrap().as_bytes();
        assert!(
            key.pasted_forms.iter().all(|form| form.as_slice() != pem),
            "{id}"
        );
        assert!(
            key.pasted_forms
                .iter()
                .all(|form| Some(form) == key.spki_der.as_ref()),
            "{id}: only the derived SPKI may be kept"
        );

        let result = analyse(
            case["token"].as_str().unwrap(),
            &Options {
                now: NOW,
                leeway: 0,
                verifier: Some(Arc::new(private)),
                ..Options::default()
            },
        );
        let signature = &result.tokens[0].signature;
        assert_eq!(
            signature.status,
            SignatureStatus::Valid,
            "{id}: {signature:?}"
        );
        assert_eq!(signature.matched, SignatureMatch::Matches, "{id}");
    }
}

#[test]
fn a_private_key_of_another_key_does_not_verify() {
    let all = cases();
    let rsa_token = all.iter().find(|c| c["id"] == "rsa-pkcs8").unwrap();
    let p256 = all.iter().find(|c| c["id"] == "p256-sec1").unwrap();
    let ed = all.iter().find(|c| c["id"] == "ed25519-pkcs8").unwrap();
    let keys = KeySet::parse(&format!(
        "{}\n{}",
        p256["private_key"].as_str().unwrap(),
        ed["private_key"].as_str().unwrap()
    ));
    assert_eq!(keys.keys.len(), 2);
    let result = analyse(
        rsa_token["token"].as_str().unwrap(),
        &Options {
            now: NOW,
            leeway: 0,
            verifier: Some(Arc::new(keys)),
            ..Options::default()
        },
    );
    assert_ne!(result.tokens[0].signature.status, SignatureStatus::Valid);
}

#[test]
fn unusable_private_keys_are_refused_with_a_message_naming_the_type() {
    let expected = [
        (
            "rsa-pkcs8-encrypted",
            "\"ENCRYPTED PRIVATE KEY\" block is encrypted with a passphrase",
        ),
        ("rsa-pkcs1-encrypted", "\"RSA PRIVATE KEY\" is encrypted"),
        (
            "dsa-traditional",
            "\"DSA PRIVATE KEY\" is a private key of a kind this page does not read",
        ),
        ("ed448-pkcs8", "Ed448"),
    ];
    // Refused when the case was made, read since ES256K (RFC 8812) joined.
    let secp256k1 = cases()
        .into_iter()
        .find(|c| c["id"] == "secp256k1-sec1")
        .unwrap();
    let set = KeySet::parse(secp256k1["private_key"].as_str().unwrap());
    assert_eq!(set.keys.len(), 1, "{:?}", set.errors);
    assert_eq!(set.keys[0].material.describe(), "EC secp256k1");
    let all = cases();
    for (id, words) in expected {
        let case = all.iter().find(|c| c["id"] == id).unwrap();
        assert_eq!(case["refused"], true);
        let set = KeySet::parse(case["private_key"].as_str().unwrap());
        assert!(set.keys.is_empty(), "{id}");
        assert_eq!(set.errors.len(), 1, "{id}");
        assert!(
            set.errors[0].message.contains(words),
            "{id}: {}",
            set.errors[0].message
        );
    }
}

#[test]
fn a_private_jwk_keeps_neither_its_text_nor_d() {
    let case = cases().into_iter().find(|c| c["id"] == "p256-jwk").unwrap();
    let text = case["private_key"].as_str().unwrap();
    assert!(text.contains("\"d\""));
    let set = KeySet::parse(text);
    assert_eq!(set.keys[0].kid.as_deref(), Some("p256-jwk"));
    assert!(
        set.keys[0]
            .pasted_forms
            .iter()
            .all(|f| f != text.as_bytes())
    );
    assert!(!format!("{:?}", set.keys[0].report()).contains("\"d\""));
}

fn jwtio() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/vendors/jwtio/debugger-examples.json"
    );
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    data["examples"].as_array().unwrap().clone()
}

fn verify_with(token: &str, keys: KeySet) -> jwt_inspector::analysis::report::SignatureReport {
    analyse(
        token,
        &Options {
            now: NOW,
            leeway: 0,
            verifier: Some(Arc::new(keys)),
            ..Options::default()
        },
    )
    .tokens[0]
        .signature
        .clone()
}

#[test]
fn jwtio_examples_verify_with_the_private_keys_the_site_shows() {
    let examples = jwtio();
    let with_keys: Vec<&Value> = examples
        .iter()
        .filter(|e| e["private_key_pem"].is_string())
        .collect();
    assert_eq!(with_keys.len(), 4, "PS384, ES256, ES512, Ed25519");
    for example in with_keys {
        let alg = example["alg"].as_str().unwrap();
        let keys = KeySet::parse(example["private_key_pem"].as_str().unwrap());
        assert!(keys.errors.is_empty(), "{alg}: {:?}", keys.errors);
        let public = KeySet::parse(example["public_key_pem"].as_str().unwrap());
        assert_eq!(keys.keys[0].spki_der, public.keys[0].spki_der, "{alg}");
        let signature = verify_with(example["token"].as_str().unwrap(), keys);
        assert_eq!(
            signature.status,
            SignatureStatus::Valid,
            "{alg}: {signature:?}"
        );
    }
}

#[test]
fn jwtio_hs256_with_its_documented_secret_matches_but_is_refused() {
    use jwt_inspector::analysis::vocab::{Refusal, SecretEncoding};
    let example = jwtio().into_iter().find(|e| e["alg"] == "HS256").unwrap();
    for encoding in [SecretEncoding::Text, SecretEncoding::Auto] {
        let mut keys = KeySet::default();
        keys.add_secret(example["secret"].as_str().unwrap(), encoding);
        let signature = verify_with(example["token"].as_str().unwrap(), keys);
        assert_eq!(signature.matched, SignatureMatch::Matches, "{encoding}");
        assert_eq!(signature.status, SignatureStatus::Invalid);
        assert_eq!(
            signature.matched_but_refused,
            Some(Refusal::HmacSecretTooShort)
        );
    }
}
