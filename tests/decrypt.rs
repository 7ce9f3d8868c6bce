//! JWE decryption (issue 14, first part): RFC 7516 Appendix A.1–A.3 and
//! every RFC 7520 §5 compact example (ietf-jose/cookbook) decrypt to
//! their plaintexts with their keys or password; a wrong key or an altered
//! token gets the one generic message; an off-curve epk and a huge p2c are
//! refused before any work.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::read_json;
use jwt_inspector::analysis::decrypt::{DecryptError, DecryptionKey, decrypt_compact};
use jwt_inspector::analysis::sign::{SigningKey, key_text};
use serde_json::Value;

fn key(jwk: &Value) -> DecryptionKey {
    match key_text::signing_key(&jwk.to_string()).unwrap() {
        SigningKey::Private(private) => DecryptionKey::Private(private),
        SigningKey::Secret(secret) => DecryptionKey::Secret(secret),
    }
}

/// The compact JWE with its protected header edited by `edit` (the token
/// then fails its tag, but what the edit breaks is judged first).
fn with_header(compact: &str, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    use jwt_inspector::analysis::base64url;
    let (protected, rest) = compact.split_once('.').unwrap();
    let header: Value =
        serde_json::from_slice(&base64url::decode_segment(protected).unwrap().bytes).unwrap();
    let mut header = header.as_object().unwrap().clone();
    edit(&mut header);
    format!(
        "{}.{rest}",
        base64url::encode(Value::Object(header).to_string().as_bytes())
    )
}

fn vectors() -> Value {
    read_json("rfc/jwe_examples.json")
}

#[test]
fn rfc_7516_appendix_a_tokens_decrypt() {
    let vectors = vectors();
    for (section, alg, enc) in [
        ("rfc7516_a1", "RSA-OAEP", "A256GCM"),
        ("rfc7516_a2", "RSA1_5", "A128CBC-HS256"),
        ("rfc7516_a3", "A128KW", "A128CBC-HS256"),
    ] {
        let vector = &vectors[section];
        let decrypted = decrypt_compact(vector["compact"].as_str().unwrap(), &key(&vector["jwk"]))
            .unwrap_or_else(|e| panic!("{section}: {e}"));
        assert_eq!((decrypted.alg.as_str(), decrypted.enc.as_str()), (alg, enc));
        assert_eq!(
            String::from_utf8(decrypted.plaintext).unwrap(),
            vector["plaintext"].as_str().unwrap(),
            "{section}"
        );
    }
}

#[test]
fn every_rfc_7520_compact_example_decrypts() {
    let vectors = vectors();
    let mut decrypted_count = 0;
    for section in [
        "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9",
    ] {
        let file = &vectors["rfc7520"][section]["file"];
        let compact = file["output"]["compact"].as_str().unwrap();
        let input = &file["input"];
        let alg = input["alg"].as_str().unwrap();
        let result = match (input.get("key"), input.get("pwd")) {
            (Some(jwk), _) => decrypt_compact(compact, &key(jwk)),
            (None, Some(password)) => decrypt_compact(
                compact,
                &DecryptionKey::Password(password.as_str().unwrap().into()),
            ),
            (None, None) => panic!("{section} has no key"),
        };
        let decrypted = result.unwrap_or_else(|e| panic!("{section} {alg}: {e}"));
        assert_eq!(
            String::from_utf8(decrypted.plaintext).unwrap(),
            input["plaintext"].as_str().unwrap(),
            "{section}"
        );
        decrypted_count += 1;
    }
    // RSA1_5, RSA-OAEP, PBES2, ECDH-ES+A128KW (P-384), ECDH-ES (P-256),
    // dir, A256GCMKW, A128KW, and A128KW with zip DEF.
    assert_eq!(decrypted_count, 9);
}

#[test]
fn a_wrong_key_or_an_altered_token_gets_one_message() {
    let vectors = vectors();
    let a3 = &vectors["rfc7516_a3"];
    let compact = a3["compact"].as_str().unwrap();
    let wrong = DecryptionKey::Secret(vec![7; 16]);
    let error = decrypt_compact(compact, &wrong).unwrap_err();
    assert_eq!(error, DecryptError::Failed);
    // A flipped tag bit (in the decoded tag): the same message.
    let mut parts: Vec<String> = compact.split('.').map(str::to_string).collect();
    let mut tag = jwt_inspector::analysis::base64url::decode_segment(&parts[4])
        .unwrap()
        .bytes;
    tag[0] ^= 0x01;
    parts[4] = jwt_inspector::analysis::base64url::encode(&tag);
    let altered = parts.join(".");
    let error = decrypt_compact(&altered, &key(&a3["jwk"])).unwrap_err();
    assert_eq!(error, DecryptError::Failed);
    assert_eq!(
        error.to_string(),
        "the key does not decrypt this token (wrong key, or the token was altered)"
    );
    // RSA1_5 with the wrong RSA key: the same message too (RFC 7516 §11.5).
    let a2 = &vectors["rfc7516_a2"];
    let a1_key = key(&vectors["rfc7516_a1"]["jwk"]);
    let error = decrypt_compact(a2["compact"].as_str().unwrap(), &a1_key).unwrap_err();
    assert_eq!(error, DecryptError::Failed);
    // A key of the wrong kind says which kind is needed.
    let error = decrypt_compact(compact, &a1_key).unwrap_err();
    assert_eq!(
        error.to_string(),
        "A128KW needs a 16-byte symmetric key (kty oct)"
    );
}

#[test]
fn a_pbes2_iteration_count_over_a_million_is_refused_before_any_work() {
    let vectors = vectors();
    let file = &vectors["rfc7520"]["5.3"]["file"];
    let compact = file["output"]["compact"].as_str().unwrap();
    // Re-encode the protected header with p2c = 2,000,000 (the token then
    // fails its tag, but the count is judged first).
    let forged = with_header(compact, |header| {
        header.insert("p2c".into(), Value::from(2_000_000));
    });
    let password = DecryptionKey::Password(file["input"]["pwd"].as_str().unwrap().into());
    let error = decrypt_compact(&forged, &password).unwrap_err();
    assert!(matches!(error, DecryptError::Refused(_)), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("p2c is 2000000: more than 1000000 PBKDF2 iterations are refused"),
        "{error}"
    );
}

#[test]
fn an_epk_off_its_curve_is_refused() {
    let vectors = vectors();
    let file = &vectors["rfc7520"]["5.5"]["file"];
    let compact = file["output"]["compact"].as_str().unwrap();
    let forged = with_header(compact, |header| {
        // y = 1 is not on P-256 with this x.
        let mut epk = header["epk"].as_object().unwrap().clone();
        let mut y = vec![0u8; 32];
        y[31] = 1;
        epk.insert(
            "y".into(),
            Value::from(jwt_inspector::analysis::base64url::encode(&y)),
        );
        header.insert("epk".into(), Value::Object(epk));
    });
    let error = decrypt_compact(&forged, &key(&file["input"]["key"])).unwrap_err();
    assert!(error.to_string().contains("invalid-curve"), "{error}");
}

/// RFC 7520 §5: every example's JSON forms (general and flattened),
/// including §5.10's extra AAD, §5.11–§5.12's unprotected headers and
/// §5.13's three recipients, each key opening its own recipient.
#[test]
fn every_rfc_7520_json_serialization_decrypts_for_its_recipient() {
    use jwt_inspector::analysis::decrypt::json_form::decrypt_json;
    let vectors = vectors();
    let mut opened = 0;
    for (section, example) in vectors["rfc7520"].as_object().unwrap() {
        let file = &example["file"];
        let input = &file["input"];
        let keys: Vec<DecryptionKey> = match (&input["key"], input.get("pwd")) {
            (Value::Array(list), _) => list.iter().map(key).collect(),
            (Value::Object(_), _) => vec![key(&input["key"])],
            (_, Some(password)) => vec![DecryptionKey::Password(password.as_str().unwrap().into())],
            _ => panic!("{section} has no key"),
        };
        for form in ["json", "json_flat"] {
            let Some(serialized) = file["output"].get(form) else {
                continue;
            };
            for (index, key) in keys.iter().enumerate() {
                let result = decrypt_json(&serialized.to_string(), key)
                    .unwrap_or_else(|e| panic!("{section} {form} key {index}: {e}"));
                assert_eq!(
                    String::from_utf8(result.decrypted.plaintext).unwrap(),
                    input["plaintext"].as_str().unwrap(),
                    "{section} {form}"
                );
                if keys.len() > 1 {
                    assert_eq!(
                        result.recipient, index,
                        "{section}: each key opens its own recipient"
                    );
                }
                opened += 1;
            }
        }
    }
    assert!(opened >= 25, "{opened}");
}
