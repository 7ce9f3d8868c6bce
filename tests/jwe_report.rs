//! JWE in the report (issue 14): decrypted with the keys the person
//! pastes, the plaintext read as claims, text or a nested token that is
//! verified in turn; the header explained when no key fits; the verdict's
//! words the same whatever failed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::read_json;
use jwt_inspector::analysis::Options;
use jwt_inspector::analysis::analyse;
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::report::TokenReport;
use jwt_inspector::analysis::vocab::SecretEncoding;
use serde_json::Value;
use std::sync::Arc;

const NOW: i64 = 1_800_000_000;

fn jwe_vectors() -> Value {
    read_json("rfc/jwe_examples.json")
}

fn token_with(paste: &str, keys: &str, secret: Option<&str>) -> TokenReport {
    let mut set = KeySet::parse(keys);
    if let Some(secret) = secret {
        set.add_secret(secret, SecretEncoding::Text);
    }
    let report = analyse(paste, &Options::at(NOW).verified_by(Arc::new(set)));
    report.tokens.into_iter().next().expect("one token")
}

fn status(token: &TokenReport) -> &str {
    token
        .decryption
        .as_ref()
        .expect("a decryption verdict")
        .status
        .as_str()
}

/// A compact JWE with A128GCM content (RFC 7518 §5.3) sealed here with the
/// primitive: `header` as its protected header, `encrypted_key` as given.
fn a128gcm_jwe(
    header: &str,
    encrypted_key: &[u8],
    cek: &[u8],
    iv: [u8; 12],
    plaintext: &[u8],
) -> String {
    use aes_gcm::aead::{Aead, KeyInit, Payload};
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let protected = b64.encode(header);
    let sealed = aes_gcm::Aes128Gcm::new_from_slice(cek)
        .unwrap()
        .encrypt(
            (&iv).into(),
            Payload {
                msg: plaintext,
                aad: protected.as_bytes(),
            },
        )
        .unwrap();
    let (ciphertext, tag) = sealed.split_at(sealed.len() - 16);
    [
        protected,
        b64.encode(encrypted_key),
        b64.encode(iv),
        b64.encode(ciphertext),
        b64.encode(tag),
    ]
    .join(".")
}

#[test]
fn rfc_7516_appendix_a_decrypts_in_the_report_with_the_key_named() {
    let vectors = jwe_vectors();
    for section in ["rfc7516_a1", "rfc7516_a2", "rfc7516_a3"] {
        let vector = &vectors[section];
        let token = token_with(
            vector["compact"].as_str().unwrap(),
            vector["jwk_json"].as_str().unwrap(),
            None,
        );
        assert_eq!(token.kind.as_str(), "jwe");
        assert_eq!(
            status(&token),
            "decrypted",
            "{section}: {:?}",
            token.decryption
        );
        assert_eq!(
            token.payload_text.as_deref(),
            vector["plaintext"].as_str(),
            "{section}: the plaintext as text"
        );
        assert_eq!(
            token.decryption.as_ref().unwrap().key.as_deref(),
            Some("JWK"),
            "{section}"
        );
        let rsa1_5 = token.findings.iter().any(|f| f.id.as_str() == "jwe-rsa1-5");
        assert_eq!(
            rsa1_5,
            section == "rfc7516_a2",
            "{section}: RSA1_5 is flagged"
        );
    }
}

#[test]
fn the_rfc_7519_nested_jwt_decrypts_and_its_inner_jws_is_verified_beneath() {
    let vectors = jwe_vectors();
    let nested = vectors["rfc7519_a2"]["compact"].as_str().unwrap();
    let rsa = vectors["rfc7516_a2"]["jwk_json"].as_str().unwrap();
    let jws = read_json("rfc/rfc_jws_examples.json");
    let a2 = jws["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["rfc"] == "RFC 7515 A.2")
        .unwrap();
    let keys = format!("{{\"keys\": [{rsa}, {}]}}", a2["jwk"]);
    let token = token_with(nested, &keys, None);
    assert_eq!(status(&token), "decrypted");
    let inner = token.nested.as_ref().expect("the plaintext is a token");
    assert_eq!(inner.kind.as_str(), "jws");
    assert_eq!(inner.source.description, "plaintext of the enclosing JWE");
    assert_eq!(
        inner.signature.status.as_str(),
        "valid",
        "{:?}",
        inner.signature
    );
    assert_eq!(inner.payload.as_ref().unwrap()["iss"], "joe");
    assert!(token.payload.is_none() && token.payload_text.is_none());
    // Without the signing key the inner verdict says so; the outer is
    // still decrypted.
    let token = token_with(nested, rsa, None);
    assert_eq!(status(&token), "decrypted");
    assert_ne!(token.nested.unwrap().signature.status.as_str(), "valid");
}

#[test]
fn before_a_key_the_header_is_explained_with_the_key_that_would_decrypt() {
    let vectors = jwe_vectors();
    let a1 = vectors["rfc7516_a1"]["compact"].as_str().unwrap();
    let token = token_with(a1, "", None);
    let decryption = token.decryption.unwrap();
    assert_eq!(decryption.status.as_str(), "no-key");
    assert_eq!(
        decryption.message,
        "Encrypted (alg RSA-OAEP, enc A256GCM): the content key is encrypted to the recipient's RSA public key (RSAES-OAEP with SHA-1). To read it, give the recipient's RSA private key (PEM or a JWK with d)."
    );
    assert!(token.payload.is_none() && token.payload_text.is_none());
    // A public key cannot decrypt: still no key.
    let public = r#"{"kty":"RSA","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw","e":"AQAB"}"#;
    let token = token_with(a1, public, None);
    assert_eq!(status(&token), "no-key");
}

#[test]
fn a_wrong_key_fails_with_the_one_message_and_the_step_in_a_finding() {
    let vectors = jwe_vectors();
    let a1 = vectors["rfc7516_a1"]["compact"].as_str().unwrap();
    let other_rsa = vectors["rfc7516_a2"]["jwk_json"].as_str().unwrap();
    let token = token_with(a1, other_rsa, None);
    let decryption = token.decryption.as_ref().unwrap();
    assert_eq!(decryption.status.as_str(), "failed");
    assert_eq!(
        decryption.message,
        "The key does not decrypt this token (wrong key, or the token was altered)."
    );
    let detail = token
        .findings
        .iter()
        .find(|f| f.id.as_str() == "jwe-decryption-failed")
        .expect("the step in a finding");
    assert!(
        detail
            .message
            .starts_with("Tried JWK: the content key did not decrypt (OAEP)"),
        "{}",
        detail.message
    );
    // A2 (RSA1_5) with the wrong key fails at the tag, the same words.
    let a2 = vectors["rfc7516_a2"]["compact"].as_str().unwrap();
    let wrong_for_a2 = vectors["rfc7516_a1"]["jwk_json"].as_str().unwrap();
    let token = token_with(a2, wrong_for_a2, None);
    assert_eq!(
        token.decryption.as_ref().unwrap().message,
        decryption.message
    );
}

#[test]
fn a_password_in_the_secret_box_opens_pbes2_and_claims_are_read_with_their_times() {
    let vectors = jwe_vectors();
    let section = &vectors["rfc7520"]["5.3"];
    let file = &section["file"];
    let compact = file["output"]["compact"].as_str().unwrap();
    let password = file["input"]["pwd"].as_str().unwrap();
    let token = token_with(compact, "", Some(password));
    assert_eq!(status(&token), "decrypted", "{:?}", token.decryption);
    assert!(
        token
            .decryption
            .unwrap()
            .key
            .unwrap()
            .ends_with("as a password"),
        "the secret box, read as a password"
    );
    // RFC 7520 5.3's plaintext is a JWK set: a JSON object, shown as such.
    assert!(token.payload.as_ref().unwrap().get("keys").is_some());
}

#[test]
fn a_json_jwe_is_found_whole_with_its_headers_apart_and_the_recipient_named() {
    let vectors = jwe_vectors();
    let file = &vectors["rfc7520"]["5.13"]["file"];
    let document = file["output"]["json"].to_string();
    let peregrin = file["input"]["key"][1].to_string();
    // Found inside a reply, as one token of kind jwe.
    let paste = format!("{{\"status\": \"ok\", \"message\": {document}}}");
    let token = token_with(&paste, &peregrin, None);
    assert_eq!(token.kind.as_str(), "jwe");
    assert_eq!(token.serialization.map(|s| s.as_str()), Some("general"));
    assert_eq!(token.recipients.len(), 3);
    assert_eq!(
        token.recipients[1].header.as_ref().unwrap()["kid"],
        "peregrin.took@tuckborough.example"
    );
    assert_eq!(token.header.as_ref().unwrap()["enc"], "A128CBC-HS256");
    assert!(
        token.unprotected.is_some(),
        "the shared unprotected header, apart"
    );
    let decryption = token.decryption.as_ref().unwrap();
    assert_eq!(decryption.status.as_str(), "decrypted", "{decryption:?}");
    assert_eq!(
        decryption.recipient.as_deref(),
        Some("recipient 2 (kid \"peregrin.took@tuckborough.example\")")
    );
    assert_eq!(
        token.payload_text.as_deref(),
        file["input"]["plaintext"].as_str()
    );
    // Flattened (RFC 7520 5.8's json_flat), decrypted with its one key.
    let flat = &vectors["rfc7520"]["5.8"]["file"];
    let token = token_with(
        &flat["output"]["json_flat"].to_string(),
        &flat["input"]["key"].to_string(),
        None,
    );
    assert_eq!(token.serialization.map(|s| s.as_str()), Some("flattened"));
    assert_eq!(status(&token), "decrypted", "{:?}", token.decryption);
    // Without a key the light analysis still shows the headers apart.
    let light = jwt_inspector::analysis::analyse(&document, &Options::at(NOW));
    let token = &light.tokens[0];
    assert_eq!(token.kind.as_str(), "jwe");
    assert!(token.needs_full_analysis && token.decryption.is_none());
    assert_eq!(token.recipients.len(), 3);
}

#[test]
fn rfc_7516_a4_and_a5_decrypt_for_the_recipient_whose_key_is_given() {
    let vectors = jwe_vectors();
    let a4 = vectors["rfc7516_a4"]["json"].as_str().unwrap();
    for (key, recipient) in [
        ("rfc7516_a2", "recipient 1 (kid \"2011-04-29\")"),
        ("rfc7516_a3", "recipient 2 (kid \"7\")"),
    ] {
        let token = token_with(a4, vectors[key]["jwk_json"].as_str().unwrap(), None);
        let decryption = token.decryption.as_ref().unwrap();
        assert_eq!(
            decryption.status.as_str(),
            "decrypted",
            "{key}: {decryption:?}"
        );
        assert_eq!(decryption.recipient.as_deref(), Some(recipient));
        assert_eq!(
            token.payload_text.as_deref(),
            Some("Live long and prosper.")
        );
        assert_eq!(
            token.unprotected.as_ref().unwrap()["jku"],
            "https://server.example.com/keys.jwks"
        );
    }
    let a5 = vectors["rfc7516_a5"]["json"].as_str().unwrap();
    let token = token_with(
        a5,
        vectors["rfc7516_a3"]["jwk_json"].as_str().unwrap(),
        None,
    );
    assert_eq!(status(&token), "decrypted");
    assert_eq!(token.serialization.map(|s| s.as_str()), Some("flattened"));
}

fn minted() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/minted/jwe.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn x25519_jwe_decrypts_with_an_okp_jwk_and_with_pkcs8() {
    let all = minted();
    let minted = &all["x25519"];
    let jwk = minted["key"].to_string();
    // The JWK's x is the public key its d derives (RFC 8037 A.6).
    let keys = KeySet::parse(&jwk);
    assert!(keys.errors.is_empty(), "{:?}", keys.errors);
    assert!(keys.keys[0].private.is_some());
    for token in minted["tokens"].as_array().unwrap() {
        let report = token_with(token["compact"].as_str().unwrap(), &jwk, None);
        assert_eq!(
            status(&report),
            "decrypted",
            "{}: {:?}",
            token["alg"],
            report.decryption
        );
        assert_eq!(report.payload.as_ref().unwrap()["sub"], "jwe-recipient");
    }
    // The same key as PKCS#8 (RFC 8410 §7: 302e020100300506032b656e04220420 ‖ key).
    use base64::Engine;
    let d = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(minted["key"]["d"].as_str().unwrap())
        .unwrap();
    let der = [
        &[
            0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22,
            0x04, 0x20,
        ][..],
        &d,
    ]
    .concat();
    let pem = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        base64::engine::general_purpose::STANDARD.encode(der)
    );
    let first = minted["tokens"][0]["compact"].as_str().unwrap();
    let report = token_with(first, &pem, None);
    assert_eq!(status(&report), "decrypted", "{:?}", report.decryption);
    // An EC key does not fit an X25519 epk: no key.
    let ec = jwe_vectors()["rfc7520"]["5.4"]["file"]["input"]["key"].to_string();
    assert_eq!(status(&token_with(first, &ec, None)), "no-key");
}

#[test]
fn a_low_order_x25519_epk_is_refused() {
    let all = minted();
    let minted = &all["x25519"];
    let token = minted["tokens"][0]["compact"].as_str().unwrap();
    let (header, rest) = token.split_once('.').unwrap();
    use base64::Engine;
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut parsed: Value = serde_json::from_slice(&engine.decode(header).unwrap()).unwrap();
    // The point of order 1 (all zeros): the shared secret would be zero.
    parsed["epk"]["x"] = Value::String(engine.encode([0u8; 32]));
    let forged = format!("{}.{rest}", engine.encode(parsed.to_string()));
    let report = token_with(&forged, &minted["key"].to_string(), None);
    let decryption = report.decryption.unwrap();
    assert_eq!(decryption.status.as_str(), "unsupported");
    assert!(
        decryption.message.contains("low-order X25519 point"),
        "{}",
        decryption.message
    );
}

#[test]
fn rsa_oaep_384_and_512_decrypt() {
    let all = minted();
    let key = jwe_vectors()["rfc7516_a1"]["jwk_json"]
        .as_str()
        .unwrap()
        .to_string();
    for token in all["rsa_oaep"]["tokens"].as_array().unwrap() {
        let report = token_with(token["compact"].as_str().unwrap(), &key, None);
        assert_eq!(
            status(&report),
            "decrypted",
            "{}: {:?}",
            token["alg"],
            report.decryption
        );
        assert_eq!(report.payload.as_ref().unwrap()["iss"], "mint_jwe.mjs");
    }
}

#[test]
fn bad_jwe_input_gets_a_message_naming_what_is_wrong() {
    let vectors = jwe_vectors();
    let key = vectors["rfc7516_a3"]["jwk_json"].as_str().unwrap();
    // A JSON JWE missing its ciphertext.
    let mut document: Value =
        serde_json::from_str(vectors["rfc7516_a5"]["json"].as_str().unwrap()).unwrap();
    document.as_object_mut().unwrap().remove("ciphertext");
    let token = token_with(&document.to_string(), key, None);
    assert_eq!(token.kind.as_str(), "jwe");
    assert_eq!(token.errors[0].id.as_str(), "jwe-json-invalid");
    assert!(
        token.errors[0].message.contains("no `ciphertext` member"),
        "{}",
        token.errors[0].message
    );
    // A truncated compact token: the segment count, and why it cannot be read.
    let a3 = vectors["rfc7516_a3"]["compact"].as_str().unwrap();
    let truncated = a3.rsplit_once('.').unwrap().0;
    let token = token_with(truncated, key, None);
    assert_eq!(token.errors[0].id.as_str(), "segment-count");
    assert_eq!(
        token.decryption.unwrap().message,
        "Not a readable JWE: it has 4 segments, not five."
    );
    // An unknown enc.
    let (_, rest) = a3.split_once('.').unwrap();
    use base64::Engine;
    let header = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(r#"{"alg":"A128KW","enc":"A128CBC-HS999"}"#);
    let token = token_with(&format!("{header}.{rest}"), key, None);
    let decryption = token.decryption.unwrap();
    assert_eq!(decryption.status.as_str(), "unsupported");
    assert!(
        decryption.message.contains("A128CBC-HS999"),
        "{}",
        decryption.message
    );
}

#[test]
fn a_weak_decryption_key_is_named_as_for_signatures() {
    use rsa::pkcs8::EncodePrivateKey;
    // A 1024-bit RSA key (RFC 7518 §4.3 asks for 2048) and a JWE to it,
    // RSA-OAEP-256 + A128GCM, built here with the RustCrypto primitives.
    let private = rsa::PrivateKey::new(&mut getrandom::SysRng, 1024).unwrap();
    let public = private.to_public_key();
    let cek = [7u8; 16];
    let iv = [9u8; 12];
    let encrypted_key = public
        .encrypt(
            &mut getrandom::SysRng,
            rsa::Oaep::<sha2::Sha256>::new(),
            &cek,
        )
        .unwrap();
    let token = a128gcm_jwe(
        r#"{"alg":"RSA-OAEP-256","enc":"A128GCM"}"#,
        &encrypted_key,
        &cek,
        iv,
        br#"{"sub":"weak"}"#,
    );
    let pem = private.to_pkcs8_pem(rsa::pkcs8::LineEnding::LF).unwrap();
    let report = token_with(&token, &pem, None);
    assert_eq!(status(&report), "decrypted", "{:?}", report.decryption);
    let weak = report
        .findings
        .iter()
        .find(|f| f.id.as_str() == "rsa-key-too-small")
        .expect("the weak key is named");
    assert!(weak.message.contains("1024-bit"), "{}", weak.message);
}

#[test]
fn a_keycloak_style_encrypted_token_shows_both_verdicts() {
    let all = minted();
    let issuers: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/minted/issuers.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let inner = issuers["examples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "keycloak-access")
        .unwrap();
    let rsa = jwe_vectors()["rfc7516_a1"]["jwk_json"]
        .as_str()
        .unwrap()
        .to_string();
    let keys = format!("{rsa}\n{}", inner["key"].as_str().unwrap());
    let token = token_with(
        all["keycloak_nested"]["compact"].as_str().unwrap(),
        &keys,
        None,
    );
    assert_eq!(status(&token), "decrypted", "{:?}", token.decryption);
    let nested = token.nested.as_ref().expect("the signed token inside");
    assert_eq!(
        nested.signature.status.as_str(),
        "valid",
        "{:?}",
        nested.signature
    );
    assert_eq!(nested.vendor.id.map(|v| v.as_str()), Some("keycloak"));
    assert_eq!(nested.source.kind.as_str(), "jwe-plaintext");
}

#[test]
fn an_rsa1_5_forgery_with_a_bad_encrypted_key_is_not_decrypted() {
    // A forger picks an encrypted key that does not unpad, guesses the
    // substitute CEK RFC 7516 §11.5 makes for it, and encrypts under that.
    // Were the substitute computable without the private key (it once was
    // SHA-512 of the encrypted key), this would read as "decrypted".
    use sha2::Digest;
    let a2 = &jwe_vectors()["rfc7516_a2"];
    let encrypted_key = vec![0x5a_u8; 256];
    let guessed: Vec<u8> = sha2::Sha512::digest(&encrypted_key)[..16].to_vec();
    let forged = a128gcm_jwe(
        r#"{"alg":"RSA1_5","enc":"A128GCM"}"#,
        &encrypted_key,
        &guessed,
        [1u8; 12],
        br#"{"sub":"forged"}"#,
    );
    let token = token_with(&forged, a2["jwk_json"].as_str().unwrap(), None);
    assert_eq!(status(&token), "failed", "{:?}", token.decryption);
    assert!(token.payload.is_none());
}

#[test]
fn pbes2_work_has_one_budget_for_every_password_tried() {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    // p2c 600,000: one password may be tried, a second would pass the
    // 1,000,000 budget, however many keys and secrets are given.
    let header = b64.encode(r#"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":600000,"p2s":"AAAAAAAAAAAAAAAAAAAAAA"}"#);
    let token = format!(
        "{header}.{}.{}.{}.{}",
        b64.encode([1u8; 40]),
        b64.encode([2u8; 12]),
        b64.encode([3u8; 16]),
        b64.encode([4u8; 16])
    );
    let keys = r#"{"keys":[{"kty":"oct","k":"cGFzc3dvcmQtb25l"},{"kty":"oct","k":"cGFzc3dvcmQtdHdv"},{"kty":"oct","k":"cGFzc3dvcmQtdGhyZWU"}]}"#;
    let report = token_with(&token, keys, Some("and a typed one"));
    assert_eq!(status(&report), "failed", "{:?}", report.decryption);
    let stopped = report
        .findings
        .iter()
        .find(|f| {
            f.message
                .starts_with("Stopped after 600000 PBKDF2 iterations")
        })
        .expect("the budget says where it stopped");
    assert_eq!(stopped.id.as_str(), "jwe-decryption-failed");
}

#[test]
fn jwe_inside_jwe_is_followed_three_deep_and_no_further() {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let key = [5u8; 16];
    // `dir` + A128GCM (RFC 7518 §4.5): no encrypted key.
    let dir_jwe = |plaintext: &str| {
        a128gcm_jwe(
            r#"{"alg":"dir","enc":"A128GCM","cty":"JWT"}"#,
            &[],
            &key,
            [8u8; 12],
            plaintext.as_bytes(),
        )
    };
    let mut token = dir_jwe(r#"{"sub":"innermost"}"#);
    for _ in 0..3 {
        token = dir_jwe(&token);
    }
    let jwk = format!(r#"{{"kty":"oct","k":"{}"}}"#, b64.encode(key));
    let mut level = token_with(&token, &jwk, None);
    for depth in 0..3 {
        assert_eq!(status(&level), "decrypted", "level {depth}");
        level = *level.nested.clone().expect("a JWE inside");
    }
    let last = level.decryption.clone().unwrap();
    assert_eq!(last.status.as_str(), "unsupported");
    assert!(
        last.message.contains("deeper nesting is not followed"),
        "{}",
        last.message
    );
    assert!(
        level
            .findings
            .iter()
            .any(|f| f.id.as_str() == "nested-jwt-too-deep")
    );
}
