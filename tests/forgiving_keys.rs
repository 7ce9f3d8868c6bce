//! Keys as people actually copy them (issue 11 §3): JSON with comments and
//! trailing commas, secrets whose encoding they do not know, and keys
//! inside the replies they came in.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use base64::Engine;
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::report::SignatureReport;
use jwt_inspector::analysis::vocab::{SecretEncoding, SignatureStatus};
use jwt_inspector::analysis::{Options, analyse};
use serde_json::{Value, json};
use std::sync::Arc;

fn vector(path: &str) -> Value {
    let full = format!("{}/tests/vectors/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(full).unwrap()).unwrap()
}

/// RFC 7515 A.1 (HS256) or A.2 (RS256): its JWK and token.
fn rfc7515(alg: &str) -> (Value, String) {
    let data = vector("rfc/rfc_jws_examples.json");
    let example = data["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["alg"] == alg)
        .unwrap()
        .clone();
    (
        example["jwk"].clone(),
        example["jws"].as_str().unwrap().to_string(),
    )
}

fn verify(token: &str, keys: KeySet) -> SignatureReport {
    let options = Options {
        now: 1_300_000_000,
        leeway: 0,
        verifier: Some(Arc::new(keys)),
        ..Options::default()
    };
    analyse(token, &options).tokens[0].signature.clone()
}

#[test]
fn a_jwks_copied_from_source_code_is_read_with_a_note() {
    let (jwk, token) = rfc7515("RS256");
    let text = format!(
        "{{\n  // the signing key\n  \"keys\": [\n    {},\n  ],\n  /* rotated weekly */\n}}",
        serde_json::to_string_pretty(&jwk)
            .unwrap()
            .replace("\"AQAB\"", "\"AQAB\",")
    );
    assert!(
        serde_json::from_str::<Value>(&text).is_err(),
        "not strict JSON"
    );
    let keys = KeySet::parse(&text);
    assert!(keys.errors.is_empty(), "{:?}", keys.errors);
    assert_eq!(keys.keys.len(), 1);
    assert!(
        keys.keys[0].warnings.iter().any(|w| w
            .starts_with("read leniently: the JSON has 3 trailing commas and 2 comments")),
        "{:?}",
        keys.keys[0].warnings
    );
    assert_eq!(verify(&token, keys).status, SignatureStatus::Valid);
}

#[test]
fn broken_json_still_says_where_it_breaks() {
    let keys = KeySet::parse("{\"keys\": [ {\"kty\": \"RSA\", } ");
    assert!(keys.keys.is_empty());
    assert!(
        keys.errors[0].message.starts_with("not valid JSON"),
        "{:?}",
        keys.errors
    );
}

#[test]
fn auto_finds_the_encoding_that_verifies_and_names_it() {
    let (jwk, token) = rfc7515("HS256");
    let k = jwk["k"].as_str().unwrap();
    let mut keys = KeySet::default();
    keys.add_secret(k, SecretEncoding::Auto);
    let signature = verify(&token, keys);
    assert_eq!(signature.status, SignatureStatus::Valid, "{signature:?}");
    assert_eq!(
        signature.key.unwrap().key.label,
        "HMAC secret (auto: read as base64)"
    );
    // The same secret as hex, under auto.
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(k)
        .unwrap();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut keys = KeySet::default();
    keys.add_secret(&hex, SecretEncoding::Auto);
    let signature = verify(&token, keys);
    assert_eq!(signature.status, SignatureStatus::Valid);
    assert_eq!(
        signature.key.unwrap().key.label,
        "HMAC secret (auto: read as hex)"
    );
}

#[test]
fn base64_takes_a_base64url_secret() {
    let (jwk, token) = rfc7515("HS256");
    let mut keys = KeySet::default();
    keys.add_secret(jwk["k"].as_str().unwrap(), SecretEncoding::Base64);
    assert_eq!(verify(&token, keys).status, SignatureStatus::Valid);
}

#[test]
fn a_jwks_nested_in_a_reply_is_found() {
    let (jwk, token) = rfc7515("RS256");
    let reply = json!({"issuer": "https://issuer.example", "jwks": {"keys": [jwk]}});
    let keys = KeySet::parse(&reply.to_string());
    assert!(keys.errors.is_empty(), "{:?}", keys.errors);
    assert_eq!(keys.keys[0].label, "`jwks` JWKS key 1");
    assert_eq!(verify(&token, keys).status, SignatureStatus::Valid);
}

#[test]
fn keycloaks_realm_reply_gives_its_public_key() {
    let fixture = vector("vendors/keycloak/realm-info-reply.json");
    let keys = KeySet::parse(fixture["paste_key"].as_str().unwrap());
    assert!(keys.errors.is_empty(), "{:?}", keys.errors);
    assert_eq!(keys.keys.len(), 1);
    assert_eq!(keys.keys[0].label, "`public_key` (base64 DER)");
    assert_eq!(keys.keys[0].report().summary, "RSA 2048-bit, e = 65537");
}

/// The minted registry token and the certificate that signed it.
fn registry() -> (String, String) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minted");
    let tokens: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/tokens.json")).unwrap())
            .unwrap();
    let example = tokens["examples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"].as_str().unwrap().contains("CERTIFICATE"))
        .unwrap()
        .clone();
    let pem = example["key"].as_str().unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    (example["paste"].as_str().unwrap().to_string(), body)
}

#[test]
fn a_jwk_given_by_its_x5c_certificate_alone_is_used() {
    let (paste, certificate) = registry();
    let jwks = json!({"keys": [{"kty": "EC", "kid": "from-x5c", "x5c": [certificate]}]});
    let keys = KeySet::parse(&jwks.to_string());
    assert!(keys.errors.is_empty(), "{:?}", keys.errors);
    assert!(keys.keys[0].certificate.is_some());
    let options = Options {
        now: 1_780_272_000,
        leeway: 0,
        verifier: Some(Arc::new(keys)),
        ..Options::default()
    };
    let report = analyse(&paste, &options);
    assert_eq!(report.tokens[0].signature.status, SignatureStatus::Valid);
}

#[test]
fn a_jwk_whose_x5c_holds_another_key_is_refused() {
    let (jwk, _) = rfc7515("RS256");
    let (_, certificate) = registry();
    let mut mismatched = jwk.as_object().unwrap().clone();
    mismatched.insert("x5c".into(), json!([certificate]));
    let keys = KeySet::parse(&Value::Object(mismatched).to_string());
    assert!(keys.keys.is_empty());
    assert!(
        keys.errors[0].message.contains("MUST match"),
        "{:?}",
        keys.errors
    );
    let keys = KeySet::parse(r#"{"kty":"RSA","x5c":["not base64!"]}"#);
    assert!(keys.errors[0].message.contains("x5c"), "{:?}", keys.errors);
}
