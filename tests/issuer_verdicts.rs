//! Where a source publishes the issuer's key, the verdict is tested too
//! (issue 12, "Fixtures"): every token of tests/vectors/vendors/<issuer>/
//! tokens.json that carries a `key` is verified with all of its keys
//! together, as a person pasting them would, and must reach the recorded
//! `expect_signature` (`matches`, `does-not-match` or `not-tried`; each
//! fixture's notes say why a published key does not verify). Our minted
//! tokens in each issuer's shape (tests/data/minted/issuers.json) verify
//! with their keys and are recognised as their issuer.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::{read_json, vectors_dir};
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::vocab::{SecretEncoding, SignatureStatus};
use jwt_inspector::analysis::{Options, analyse};
use serde_json::Value;
use std::sync::Arc;

const NOW: i64 = 1_780_272_000;

/// The key texts of a fixture entry: a PEM string, a JWK or JWKS object,
/// or a list of `{type, source, value}` (a JWKS, an x509 map, PEM, DER).
fn key_texts(key: &Value) -> Vec<String> {
    match key {
        Value::String(text) => vec![text.clone()],
        Value::Object(_) => vec![key.to_string()],
        Value::Array(entries) => entries
            .iter()
            .map(|entry| match &entry["value"] {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            })
            .collect(),
        other => panic!("unexpected key form {other}"),
    }
}

#[test]
fn published_keys_give_the_recorded_verdict() {
    let mut checked = 0;
    let mut verified = 0;
    let vendors = vectors_dir().join("vendors");
    for entry in std::fs::read_dir(&vendors).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("tokens.json").exists() {
            continue;
        }
        let issuer = dir.file_name().unwrap().to_string_lossy().to_string();
        let fixture = read_json(&format!("vendors/{issuer}/tokens.json"));
        for (index, token) in fixture["tokens"].as_array().unwrap().iter().enumerate() {
            let Some(key) = token.get("key") else {
                continue;
            };
            let expected = token["expect_signature"].as_str().unwrap_or_else(|| {
                panic!("{issuer} token {index} has a key but no expect_signature")
            });
            let mut keys = KeySet::default();
            for text in key_texts(key) {
                keys.add_text(&text);
            }
            let report = analyse(
                token["token"].as_str().unwrap(),
                &Options::at(NOW).verified_by(Arc::new(keys)),
            );
            let signature = &report.tokens[0].signature;
            assert_eq!(
                signature.matched.as_str(),
                expected,
                "{issuer} token {index}: {}",
                signature.message
            );
            checked += 1;
            verified += usize::from(expected == "matches");
        }
    }
    // Our own tokens in each issuer's shape verify with the key minted
    // for them (tests/data/minted/mint_issuers.py).
    let minted = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/minted/issuers.json"
    );
    let minted: Value = serde_json::from_str(&std::fs::read_to_string(minted).unwrap()).unwrap();
    for example in minted["examples"].as_array().unwrap() {
        let (id, key) = (
            example["id"].as_str().unwrap(),
            example["key"].as_str().unwrap(),
        );
        let mut keys = KeySet::default();
        if key.starts_with("-----BEGIN") {
            keys.add_text(key);
        } else {
            keys.add_secret(key, SecretEncoding::Text);
        }
        let report = analyse(
            example["token"].as_str().unwrap(),
            &Options::at(NOW).verified_by(Arc::new(keys)),
        );
        let token = &report.tokens[0];
        assert_eq!(
            token.signature.status,
            SignatureStatus::Valid,
            "minted {id}: {}",
            token.signature.message
        );
        assert_eq!(
            token.vendor.id.map(|v| v.as_str()),
            example["vendor"].as_str(),
            "minted {id}"
        );
    }
    println!("{checked} issuer tokens checked against their published keys, {verified} verify");
    assert!(
        checked >= 40 && verified >= 30,
        "{checked} checked, {verified} verified"
    );
}
