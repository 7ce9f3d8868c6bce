use super::*;
use base64::engine::general_purpose::STANDARD;

fn vectors(path: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn pem(label: &str, der: &[u8]) -> String {
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        STANDARD.encode(der)
    )
}

fn cert_der() -> Vec<u8> {
    let text = vectors("vendors/keystone/signing_cert.pem");
    let blocks = pem::blocks(&text);
    blocks[0].result.clone().unwrap()
}

#[test]
fn certificate_gives_its_key_subject_and_validity() {
    let set = KeySet::parse(&vectors("vendors/keystone/signing_cert.pem"));
    assert!(set.errors.is_empty(), "{:?}", set.errors);
    let key = &set.keys[0];
    assert_eq!(key.label, "PEM block 1 (CERTIFICATE)");
    let cert = key.certificate.as_ref().unwrap();
    assert!(cert.subject.contains("Keystone"), "{}", cert.subject);
    assert!(
        cert.not_after_at.as_deref().unwrap().starts_with("2080"),
        "{:?}",
        cert.not_after_at
    );
    assert!(key.report().summary.starts_with("RSA "));
}

#[test]
fn truncated_certificate_says_where() {
    let der = cert_der();
    let set = KeySet::parse(&pem("CERTIFICATE", &der[..812]));
    let message = &set.errors[0].message;
    assert!(
        message
            .starts_with("the certificate is DER-encoded but truncated: it is 812 bytes and needs"),
        "{message}"
    );
}

#[test]
fn a_megabyte_certificate_gets_a_clear_message() {
    let mut der = vec![0x30, 0x83, 0x0F, 0xFF, 0xFB];
    der.resize(1 << 20, 0x41);
    let set = KeySet::parse(&pem("CERTIFICATE", &der));
    assert!(set.keys.is_empty());
    assert!(
        set.errors[0]
            .message
            .starts_with("the certificate is not valid DER"),
        "{}",
        set.errors[0].message
    );
}

#[test]
fn several_keys_of_several_formats_are_read_together() {
    let cert = vectors("vendors/keystone/signing_cert.pem");
    let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    let set = KeySet::parse(&format!("first:\n{cert}\nand a JWK: {jwk}\r\n{cert}"));
    let kinds: Vec<_> = set.keys.iter().map(|k| k.material.kty().as_str()).collect();
    assert_eq!(kinds, ["RSA", "RSA", "OKP"]);
    assert!(set.errors.is_empty(), "{:?}", set.errors);
}

#[test]
fn bare_base64_der_is_read() {
    let set = KeySet::parse(&STANDARD.encode(cert_der()));
    assert_eq!(set.keys[0].label, "base64 DER key");
    assert!(set.keys[0].certificate.is_some());
}

#[test]
fn private_keys_are_refused_with_advice() {
    let set = KeySet::parse(
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----",
    );
    assert!(set.errors[0].message.starts_with("this is a private key"));
}

#[test]
fn even_modulus_and_unknown_json_are_explained() {
    let n = crate::analysis::base64url::encode(&[0xc4; 256]);
    let set = KeySet::parse(&format!(r#"{{"kty":"RSA","n":"{n}","e":"AQAB"}}"#));
    assert!(
        set.errors[0].message.contains("modulus n is even"),
        "{:?}",
        set.errors
    );
    let set = KeySet::parse(r#"{"hello":"world"}"#);
    assert_eq!(set.errors[0].message, "JWK has no `kty` (RFC 7517 §4.1)");
    let set = KeySet::parse("not a key at all");
    assert!(
        set.errors[0]
            .message
            .starts_with("not a PEM block, a JWK, a JWKS or base64 DER")
    );
}

#[test]
fn an_8192_bit_key_is_read() {
    let data: serde_json::Value =
        serde_json::from_str(&vectors("wycheproof/rsa_signature_8192_sha256_test.json")).unwrap();
    let set = KeySet::parse(data["testGroups"][0]["publicKeyPem"].as_str().unwrap());
    assert_eq!(set.keys[0].report().bits, Some(8192));
}

#[test]
fn mixed_key_sets_mark_their_secrets() {
    let set = KeySet::parse(
        r#"{"keys":[{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#,
    );
    assert!(set.keys[0].in_mixed_set);
    assert!(set.keys[0].warnings[0].contains("published key sets never hold secrets"));
    assert!(!set.keys[1].in_mixed_set);
}

#[test]
fn key_debug_output_never_shows_a_secret() {
    let mut set = KeySet::default();
    set.add_secret(
        "hunter2-hunter2-hunter2-hunter2!",
        crate::analysis::vocab::SecretEncoding::Text,
    );
    assert!(!format!("{set:?}").contains("hunter2"));
}
