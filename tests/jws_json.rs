//! The JWS JSON serialization (RFC 7515 §7.2, issue 11 §4): RFC 7515 A.6
//! and A.7, RFC 7520 §4 and RFC 7797 §4.2 verify signature by signature;
//! detached content is asked for and then verified; ACME requests are
//! found in a curl command and verified with the account key; broken
//! documents name the member that is wrong.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::read_json;
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::report::Report;
use jwt_inspector::analysis::vocab::{FindingId, SignatureStatus, TokenErrorId, TokenKind};
use jwt_inspector::analysis::{Options, analyse};
use serde_json::Value;
use std::sync::Arc;

/// The example's keys, each pasted as its own JWK.
fn keys_of(example: &Value) -> String {
    example["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn run(input: &str, keys: &str, detached: Option<&str>) -> Report {
    let options = Options {
        now: 1_700_000_000,
        verifier: Some(Arc::new(KeySet::parse(keys))),
        detached_content: detached.map(Into::into),
        ..Options::default()
    };
    analyse(input, &options)
}

fn status(text: &str) -> SignatureStatus {
    match text {
        "valid" => SignatureStatus::Valid,
        "invalid" => SignatureStatus::Invalid,
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn the_rfc_examples_verify_signature_by_signature() {
    let data = read_json("rfc/jws_json_examples.json");
    let examples = data["examples"].as_array().unwrap();
    assert_eq!(examples.len(), 19);
    for example in examples {
        let name = example["name"].as_str().unwrap();
        let document = example["document"].as_str().unwrap();
        let keys = keys_of(example);
        let detached = example["detached_content"].as_str();
        let report = run(document, &keys, detached);
        assert_eq!(report.tokens.len(), 1, "{name}: {:?}", report.tokens);
        let token = &report.tokens[0];
        assert_eq!(token.kind, TokenKind::JwsJson, "{name}");
        assert!(token.errors.is_empty(), "{name}: {:?}", token.errors);
        let expected: Vec<SignatureStatus> = example["expect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| status(s.as_str().unwrap()))
            .collect();
        let actual: Vec<SignatureStatus> = token
            .signatures
            .iter()
            .map(|s| s.signature.status)
            .collect();
        assert_eq!(actual, expected, "{name}: {:?}", token.signatures);
        assert_eq!(token.signature.status, SignatureStatus::Valid, "{name}");
        assert_eq!(token.detached, detached.is_some(), "{name}");
    }
}

#[test]
fn detached_content_is_asked_for_and_must_be_the_signed_content() {
    let data = read_json("rfc/jws_json_examples.json");
    let example = data["examples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["name"].as_str().unwrap().contains("§4.5")
                && e["name"].as_str().unwrap().contains("flattened")
        })
        .unwrap()
        .clone();
    let (document, keys) = (example["document"].as_str().unwrap(), keys_of(&example));
    let without = &run(document, &keys, None).tokens[0];
    assert!(without.detached);
    assert_eq!(without.signature.status, SignatureStatus::Unchecked);
    assert!(
        without.signature.message.contains("detached"),
        "{}",
        without.signature.message
    );
    let wrong = &run(document, &keys, Some("not the content")).tokens[0];
    assert_eq!(wrong.signature.status, SignatureStatus::Invalid);
}

#[test]
fn the_unprotected_header_is_shown_apart_and_alg_from_it_is_flagged() {
    let data = read_json("rfc/jws_json_examples.json");
    let examples = data["examples"].as_array().unwrap();
    let find = |part: &str| {
        examples
            .iter()
            .find(|e| e["name"].as_str().unwrap().contains(part))
            .unwrap()
            .clone()
    };
    let a7 = find("A.7");
    let token = run(a7["document"].as_str().unwrap(), &keys_of(&a7), None).tokens[0].clone();
    assert_eq!(
        token.signatures[0].header.as_ref().unwrap()["kid"],
        "e9bc097a-ce51-4036-9562-d2ade882db0d"
    );
    assert_eq!(
        token.header.as_ref().unwrap(),
        &serde_json::json!({"alg": "ES256"})
    );
    assert!(
        !token
            .findings
            .iter()
            .any(|f| f.id == FindingId::AlgUnprotected)
    );
    // RFC 7520 §4.7 protects the content only: alg and kid are unprotected.
    let content_only = find("§4.7 Protecting Content Only (flattened)");
    let token = run(
        content_only["document"].as_str().unwrap(),
        &keys_of(&content_only),
        None,
    )
    .tokens[0]
        .clone();
    assert_eq!(token.signature.status, SignatureStatus::Valid);
    assert!(
        token
            .findings
            .iter()
            .any(|f| f.id == FindingId::AlgUnprotected),
        "{:?}",
        token.findings
    );
    assert_eq!(token.signatures[0].protected, None);
}

#[test]
fn an_acme_request_in_a_curl_command_is_found_and_verified_with_the_account_key() {
    let data = read_json("vendors/acme/wildfly-elytron-requests.json");
    let entries = data["entries"].as_array().unwrap();
    let mut account_key: Option<Value> = None;
    let mut checked = 0;
    for entry in entries {
        let body = entry["body_text"].as_str().unwrap();
        let parsed: Value = serde_json::from_str(body).unwrap();
        let protected = jwt_inspector::analysis::base64url::decode_segment(
            parsed["protected"].as_str().unwrap(),
        )
        .unwrap();
        let header: Value = serde_json::from_slice(&protected.bytes).unwrap();
        if let Some(jwk) = header.get("jwk") {
            account_key = Some(jwk.clone());
        }
        let paste = format!(
            "curl -s -X POST -H 'Content-Type: application/jose+json' \\\n  --data '{body}' \\\n  https://acme.example/acme/new-order"
        );
        let key = account_key.as_ref().unwrap().to_string();
        let report = run(&paste, &key, None);
        assert_eq!(report.tokens.len(), 1, "{}", entry["name"]);
        let token = &report.tokens[0];
        assert_eq!(token.kind, TokenKind::JwsJson);
        assert_eq!(
            token.signature.status,
            SignatureStatus::Valid,
            "{}: {:?}",
            entry["name"],
            token.signature
        );
        assert!(
            token.source.description.contains("JWS JSON serialization"),
            "{}",
            token.source.description
        );
        checked += 1;
    }
    assert_eq!(checked, 9);
}

#[test]
fn broken_documents_name_the_member() {
    let report = run(
        r#"{"payload":"e30","signatures":[{"protected":"eyJhbGciOiJIUzI1NiJ9"}]}"#,
        "",
        None,
    );
    let token = &report.tokens[0];
    assert_eq!(token.kind, TokenKind::JwsJson);
    assert_eq!(token.errors[0].id, TokenErrorId::JwsJsonInvalid);
    assert_eq!(
        token.errors[0].message,
        "This JWS JSON document (RFC 7515 §7.2) cannot be read: `signatures[0]` has no `signature` member."
    );
    let report = run(
        r#"{"payload":"e30","protected":"not base64!","signature":"c2ln"}"#,
        "",
        None,
    );
    let token = &report.tokens[0];
    assert!(
        token
            .errors
            .iter()
            .any(|e| e.id == TokenErrorId::Base64UrlInvalid),
        "{:?}",
        token.errors
    );
}
