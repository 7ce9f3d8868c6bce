//! Tokens minted with our own keys (tests/data/minted, made by mint.py):
//! each issuer shape is recognised and verifies with its own key.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::{Options, analyse};
use serde_json::Value;
use std::sync::Arc;

fn examples() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minted/tokens.json");
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    data["examples"].as_array().unwrap().clone()
}

/// 2026-06-01: inside every minted token's validity window.
const NOW: i64 = 1_780_272_000;

#[test]
fn every_minted_token_is_recognised_and_verifies_with_its_own_key() {
    let all = examples();
    assert!(all.len() >= 7);
    for example in &all {
        let id = example["id"].as_str().unwrap();
        let keys = KeySet::parse(example["key"].as_str().unwrap());
        assert!(keys.errors.is_empty(), "{id}: {:?}", keys.errors);
        let report = analyse(
            example["paste"].as_str().unwrap(),
            &Options {
                now: NOW,
                leeway: 0,
                verifier: Some(Arc::new(keys)),
                ..Options::default()
            },
        );
        let token = report
            .tokens
            .iter()
            .find(|t| t.vendor.id.is_some())
            .unwrap_or_else(|| panic!("{id}: no token recognised"));
        assert_eq!(
            token.vendor.id.map(|v| v.as_str()),
            example["vendor"].as_str(),
            "{id}: {:?}",
            token.vendor.evidence
        );
        assert_eq!(
            token.vendor.confidence.map(|v| v.as_str()),
            Some("high"),
            "{id}"
        );
        let expected = if id == "keystone-fernet" {
            "unsupported"
        } else {
            "valid"
        };
        assert_eq!(
            token.signature.status.as_str(),
            expected,
            "{id}: {}",
            token.signature.message
        );
        assert!(token.vendor.how_to_send.is_some(), "{id}");
        if id != "keystone-fernet" {
            assert_eq!(
                token.validity.state.as_str(),
                "valid",
                "{id}: {}",
                token.validity.message
            );
        }
    }
}

#[test]
fn minted_tokens_fail_with_each_others_keys() {
    let all = examples();
    let dcos = &all[0];
    let auth0_key = all.iter().find(|e| e["id"] == "auth0").unwrap()["key"]
        .as_str()
        .unwrap();
    let report = analyse(
        dcos["paste"].as_str().unwrap(),
        &Options {
            now: NOW,
            leeway: 0,
            verifier: Some(Arc::new(KeySet::parse(auth0_key))),
            ..Options::default()
        },
    );
    let status = report.tokens[0].signature.status.as_str();
    // The DC/OS token names a kid the Auth0 JWKS does not have.
    assert_eq!(
        status, "unchecked",
        "{}",
        report.tokens[0].signature.message
    );
    assert!(
        report.tokens[0]
            .signature
            .message
            .contains("no key with kid")
    );
}

#[test]
fn registry_example_shows_its_access_table_and_reply_times() {
    let example = examples()
        .into_iter()
        .find(|e| e["id"] == "docker-registry")
        .unwrap();
    let options = Options::at(NOW).verified_by(Arc::new(KeySet::default()));
    let report = analyse(example["paste"].as_str().unwrap(), &options);
    let token = &report.tokens[0];
    let access = token.vendor.access.as_ref().unwrap();
    assert_eq!(access.len(), 2);
    assert_eq!(access[0].meaning, "pull and push");
    assert_eq!(
        token.times["reply.expires_at"].at.as_deref(),
        Some("2026-01-01T00:05:00Z")
    );
    assert_eq!(
        token.source.notes[0],
        "also found as access_token field of a JSON reply on line 1"
    );
}
