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
fn the_rfc_8410_private_key_gives_its_public_key() {
    // RFC 8410 §10.3's private key and §10.1's public key: the same key.
    let private = KeySet::parse(
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----",
    );
    let public = KeySet::parse(
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----",
    );
    assert!(private.errors.is_empty(), "{:?}", private.errors);
    assert!(private.keys[0].from_private);
    assert_eq!(private.keys[0].spki_der, public.keys[0].spki_der);
    assert_eq!(private.keys[0].label, "PEM block 1 (PRIVATE KEY)");
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

/// The one error recorded for `text`, checked against the sentence of the
/// variant the input should produce.
fn assert_refused(text: &str, source: &str, expected: &KeyReadError) {
    let set = KeySet::parse(text);
    assert_eq!(
        set.errors,
        [KeyError {
            source: source.into(),
            message: expected.to_string(),
        }],
        "{text}"
    );
}

#[test]
fn a_truncated_certificate_is_a_truncated_der_error() {
    let error = der::from_certificate(&cert_der()[..812]).unwrap_err();
    assert!(
        matches!(
            error,
            KeyReadError::DerTruncated {
                container: error::DerContainer::Certificate,
                bytes: 812,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn private_and_unknown_pem_blocks_are_refused_by_label() {
    assert_eq!(
        pem_block_key("ENCRYPTED PRIVATE KEY", &[], "").unwrap_err(),
        KeyReadError::PrivateKeyEncrypted {
            label: "ENCRYPTED PRIVATE KEY".into()
        }
    );
    assert_eq!(
        pem_block_key("DSA PRIVATE KEY", &[], "").unwrap_err(),
        KeyReadError::PrivateKeyUnsupported {
            label: "DSA PRIVATE KEY".into()
        }
    );
    assert_eq!(
        pem_block_key("CERTIFICATE REQUEST", &[], "").unwrap_err(),
        KeyReadError::PemNotAKey {
            label: "CERTIFICATE REQUEST".into()
        }
    );
    assert_refused(
        &pem("CERTIFICATE REQUEST", &[0x30, 0x00]),
        "PEM block 1 (CERTIFICATE REQUEST)",
        &KeyReadError::PemNotAKey {
            label: "CERTIFICATE REQUEST".into(),
        },
    );
}

#[test]
fn an_even_modulus_is_not_an_rsa_key() {
    assert_eq!(
        material::rsa_from_components(&[0xc4; 256], &[1, 0, 1]),
        Err(KeyReadError::RsaModulusEven { bits: 2048 })
    );
}

#[test]
fn json_that_is_no_key_says_which_shape_is_wrong() {
    assert_refused(
        r#"{"keys": {"kty":"oct"}}"#,
        "JWKS",
        &KeyReadError::JwksKeysNotArray,
    );
    assert_refused(
        r#""just a string" [1]"#,
        "JWK array item 1",
        &KeyReadError::JwksEntryNotObject,
    );
    assert_refused(
        r#"{"keys": [{"kty":"RSA","e":"AQAB"}]}"#,
        "JWKS key 1",
        &KeyReadError::JwkMissingMember { name: "n" },
    );
}

#[test]
fn broken_json_is_invalid_json() {
    let set = KeySet::parse(r#"{"kty": "oct", "k" "AAAA"}"#);
    assert_eq!(set.errors.len(), 1, "{:?}", set.errors);
    assert_eq!(set.errors[0].source, "JSON key text");
    assert!(
        set.errors[0].message.starts_with("not valid JSON: "),
        "{}",
        set.errors[0].message
    );
}

#[test]
fn text_that_is_no_key_format_is_unrecognised() {
    assert_refused(
        "not a key at all",
        "key text",
        &KeyReadError::UnrecognisedKeyText,
    );
    assert_refused(
        &STANDARD.encode([0x30, 0x03, 0x02, 0x01, 0x00]),
        "base64 DER",
        &KeyReadError::UnrecognisedDer { bytes: 5 },
    );
}

#[test]
fn more_than_4_mb_of_key_text_is_too_large() {
    let text = "A".repeat(MAX_KEY_TEXT + 1);
    assert_refused(
        &text,
        "key text",
        &KeyReadError::KeyTextTooLarge { bytes: text.len() },
    );
}

#[test]
fn a_secret_that_is_not_hex_is_refused_under_its_label() {
    let mut set = KeySet::default();
    set.add_secret("xyz", SecretEncoding::Hex);
    assert_eq!(set.errors[0].source, "HMAC secret (hex)");
    assert!(
        set.errors[0].message.starts_with("the secret is not hex: "),
        "{}",
        set.errors[0].message
    );
}

#[test]
fn a_map_of_kid_to_certificate_gives_keys_with_those_kids() {
    let cert = pem("CERTIFICATE", &cert_der());
    let map = serde_json::json!({ "kid-one": cert }).to_string();
    let mut set = KeySet::default();
    set.add_text(&map);
    assert_eq!(set.keys.len(), 1, "{:?}", set.errors);
    assert_eq!(set.keys[0].kid.as_deref(), Some("kid-one"));
    // A member that names what it holds is no kid.
    let wrapped = serde_json::json!({ "certificate": cert }).to_string();
    let mut set = KeySet::default();
    set.add_text(&wrapped);
    assert_eq!(set.keys.len(), 1, "{:?}", set.errors);
    assert_eq!(set.keys[0].kid, None);
}

#[test]
fn a_json_string_alone_is_refused_with_a_message() {
    let mut set = KeySet::default();
    set.add_text("\"MIIBIjAN\"");
    assert!(set.keys.is_empty());
    assert_eq!(set.errors.len(), 1);
}
