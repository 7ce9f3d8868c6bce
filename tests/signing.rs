//! Signing (issue 13): RFC 7515 A.1 (HS256), A.2 (RS256) and RFC 8037 A.4
//! (Ed25519) reproduced byte for byte from their keys and inputs; RFC 6979
//! A.2.5–A.2.7 deterministic ECDSA reproduced as ES256/384/512 use it;
//! every algorithm round-trips (a generated key signs, the inspector
//! verifies: valid); keys that do not fit the algorithm are named.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::read_json;
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::keys::material::Curve;
use jwt_inspector::analysis::sign::keygen::{self, KeySpec};
use jwt_inspector::analysis::sign::{
    self, Layout, SignError, SigningKey, algorithms, export, key_text,
};
use jwt_inspector::analysis::vocab::{JwsAlg, SignatureStatus};
use jwt_inspector::analysis::{Options, analyse};
use serde_json::Value;
use std::sync::Arc;

const NOW: i64 = 1_780_272_000;

fn rng() -> getrandom::SysRng {
    getrandom::SysRng
}

fn rfc_vector(rfc: &str) -> Value {
    read_json("rfc/rfc_jws_examples.json")["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["rfc"] == rfc)
        .unwrap()
        .clone()
}

fn signing_keys() -> Value {
    read_json("rfc/jws_signing_keys.json")
}

/// The header and payload texts of a compact JWS, decoded.
fn parts(jws: &str) -> (String, String) {
    let mut segments = jws.split('.');
    let mut text = || {
        String::from_utf8(
            jwt_inspector::analysis::base64url::decode_segment(segments.next().unwrap())
                .unwrap()
                .bytes,
        )
        .unwrap()
    };
    (text(), text())
}

fn verify(token: &str, key_text: &str) -> SignatureStatus {
    let mut keys = KeySet::default();
    keys.add_text(key_text);
    assert!(keys.errors.is_empty(), "{:?}", keys.errors);
    let report = analyse(token, &Options::at(NOW).verified_by(Arc::new(keys)));
    report.tokens[0].signature.status
}

#[test]
fn rfc_7515_a1_hs256_is_reproduced_byte_for_byte() {
    let vector = rfc_vector("RFC 7515 A.1");
    let jws = vector["jws"].as_str().unwrap();
    let (header, payload) = parts(jws);
    let key = key_text::signing_key(&vector["jwk"].to_string()).unwrap();
    let signed = sign::sign(&header, &payload, &key, Layout::AsWritten, NOW, &mut rng()).unwrap();
    assert_eq!(signed.token, jws);
}

#[test]
fn rfc_7515_a2_rs256_is_reproduced_byte_for_byte() {
    let vector = rfc_vector("RFC 7515 A.2");
    let jws = vector["jws"].as_str().unwrap();
    let (header, payload) = parts(jws);
    let private = signing_keys()["rfc7515_a2"]["private_jwk_text"]
        .as_str()
        .unwrap()
        .to_string();
    let key = key_text::signing_key(&private).unwrap();
    let signed = sign::sign(&header, &payload, &key, Layout::AsWritten, NOW, &mut rng()).unwrap();
    assert_eq!(signed.token, jws);
}

#[test]
fn rfc_8037_a4_ed25519_is_reproduced_byte_for_byte() {
    let vector = &signing_keys()["rfc8037"];
    let key = key_text::signing_key(&vector["private_jwk"].to_string()).unwrap();
    let signed = sign::sign(
        vector["protected_header_json"].as_str().unwrap(),
        vector["payload_text"].as_str().unwrap(),
        &key,
        Layout::AsWritten,
        NOW,
        &mut rng(),
    )
    .unwrap();
    assert_eq!(signed.token, vector["jws_compact"].as_str().unwrap());
}

#[test]
fn rfc_7515_a3_and_a4_keys_sign_what_their_public_keys_verify() {
    // ECDSA signatures differ run to run in the RFC (random nonces); ours
    // are RFC 6979 deterministic, and must verify with the public key.
    for (name, alg) in [("rfc7515_a3", "ES256"), ("rfc7515_a4", "ES512")] {
        let vector = &signing_keys()[name];
        let private = &vector["private_jwk"];
        let key = key_text::signing_key(&private.to_string()).unwrap();
        let header = format!(r#"{{"alg":"{alg}"}}"#);
        let first = sign::sign(
            &header,
            r#"{"iss":"joe"}"#,
            &key,
            Layout::Compact,
            NOW,
            &mut rng(),
        )
        .unwrap();
        let again = sign::sign(
            &header,
            r#"{"iss":"joe"}"#,
            &key,
            Layout::Compact,
            NOW,
            &mut rng(),
        )
        .unwrap();
        assert_eq!(
            first.token, again.token,
            "{name}: RFC 6979 signatures are reproducible"
        );
        let mut public = private.as_object().unwrap().clone();
        public.remove("d");
        assert_eq!(
            verify(&first.token, &Value::Object(public).to_string()),
            SignatureStatus::Valid
        );
    }
}

fn hex(text: &str) -> Vec<u8> {
    let text = if text.len() % 2 == 1 {
        format!("0{text}")
    } else {
        text.to_string()
    };
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

/// Left-pads a big-endian integer to `width` bytes.
fn padded(bytes: Vec<u8>, width: usize) -> Vec<u8> {
    let bytes: Vec<u8> = bytes.into_iter().skip_while(|b| *b == 0).collect();
    let mut out = vec![0; width - bytes.len()];
    out.extend(bytes);
    out
}

#[test]
fn rfc_6979_deterministic_ecdsa_is_reproduced() {
    let vectors = signing_keys()["rfc6979"].as_array().unwrap().clone();
    assert_eq!(vectors.len(), 6);
    for vector in vectors {
        let (curve, alg) = match vector["curve"].as_str().unwrap() {
            "P-256" => (Curve::P256, JwsAlg::ES256),
            "P-384" => (Curve::P384, JwsAlg::ES384),
            "P-521" => (Curve::P521, JwsAlg::ES512),
            other => panic!("{other}"),
        };
        let width = curve.field_bytes();
        let scalar = padded(hex(vector["x"].as_str().unwrap()), width);
        let key = SigningKey::Private(
            jwt_inspector::analysis::keys::private::PrivateKey::ec(curve, &scalar).unwrap(),
        );
        let message = vector["message"].as_str().unwrap();
        let signature = algorithms::signature(alg, &key, message.as_bytes(), &mut rng()).unwrap();
        let mut expected = padded(hex(vector["r"].as_str().unwrap()), width);
        expected.extend(padded(hex(vector["s"].as_str().unwrap()), width));
        assert_eq!(signature, expected, "{} {message}", vector["curve"]);
    }
}

#[test]
fn every_algorithm_round_trips_through_the_inspector() {
    let algs = [
        "HS256",
        "HS384",
        "HS512",
        "RS256",
        "RS384",
        "RS512",
        "PS256",
        "PS384",
        "PS512",
        "ES256",
        "ES384",
        "ES512",
        "ES256K",
        "EdDSA",
        "Ed25519",
        "ML-DSA-44",
        "ML-DSA-65",
        "ML-DSA-87",
    ];
    for name in algs {
        let alg = JwsAlg::parse(name).unwrap();
        let key = keygen::generate(KeySpec::for_alg(alg), &mut rng()).unwrap();
        let header = format!(r#"{{"alg":"{name}","typ":"JWT"}}"#);
        let signed = sign::sign(
            &header,
            r#"{"sub":"round-trip","exp":4102444800}"#,
            &key,
            Layout::Compact,
            NOW,
            &mut rng(),
        )
        .unwrap();
        assert!(signed.warnings.is_empty(), "{name}: {:?}", signed.warnings);
        let forms = export::public_forms(&key, alg, None).unwrap();
        // The one-key JWKS the encoder offers verifies the token.
        assert_eq!(
            verify(&signed.token, &forms.jwks.to_string()),
            SignatureStatus::Valid,
            "{name}"
        );
        if let (Some(pem), SigningKey::Private(private)) = (&forms.pem, &key) {
            assert_eq!(
                verify(&signed.token, pem),
                SignatureStatus::Valid,
                "{name} PEM"
            );
            // The PKCS#8 the generator prints reads back as the same key.
            let pkcs8 = export::private_pkcs8_pem(private).unwrap();
            let again = key_text::signing_key(&pkcs8).unwrap();
            assert_eq!(again.public(), key.public(), "{name} PKCS#8");
        }
        // The kid defaults to the RFC 7638 thumbprint.
        assert_eq!(forms.jwk["kid"].as_str().unwrap(), forms.kid);
        assert_eq!(forms.jwk["alg"], name);
    }
}

#[test]
fn a_key_that_does_not_fit_the_algorithm_is_named() {
    let ec = keygen::generate(KeySpec::Ec(Curve::P256), &mut rng()).unwrap();
    let error = sign::sign(
        r#"{"alg":"RS256"}"#,
        "{}",
        &ec,
        Layout::Compact,
        NOW,
        &mut rng(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "RS256 needs an RSA private key; the key given is EC P-256"
    );
    let error = sign::sign(
        r#"{"alg":"ES384"}"#,
        "{}",
        &ec,
        Layout::Compact,
        NOW,
        &mut rng(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "ES384 needs an EC P-384 private key; the key given is EC P-256"
    );
    let secret = SigningKey::Secret(b"short".to_vec());
    let signed = sign::sign(
        r#"{"alg":"HS256"}"#,
        r#"{"exp":1}"#,
        &secret,
        Layout::Compact,
        NOW,
        &mut rng(),
    )
    .unwrap();
    assert_eq!(signed.warnings.len(), 2, "{:?}", signed.warnings);
    assert!(signed.warnings[0].starts_with("the secret is 5 bytes"));
    assert!(signed.warnings[1].starts_with("exp is in the past (1970-01-01T00:00:01Z)"));
    assert!(matches!(
        sign::sign(
            r#"{"alg":"none"}"#,
            "{}",
            &secret,
            Layout::Compact,
            NOW,
            &mut rng()
        ),
        Err(SignError::AlgNone)
    ));
    let broken = sign::sign(
        "{\"alg\":\"HS256\",}",
        "{\n  \"a\": }",
        &secret,
        Layout::Compact,
        NOW,
        &mut rng(),
    );
    assert!(
        matches!(broken, Err(SignError::PayloadNotJson(_))),
        "{broken:?}"
    );
}

#[test]
fn member_order_is_kept() {
    let secret = SigningKey::Secret(vec![7; 32]);
    let signed = sign::sign(
        r#"{"typ":"JWT", "alg":"HS256"}"#,
        r#"{"z":1, "a":2, "m":{"y":1,"b":2}}"#,
        &secret,
        Layout::Compact,
        NOW,
        &mut rng(),
    )
    .unwrap();
    let (header, payload) = parts(&signed.token);
    assert_eq!(header, r#"{"typ":"JWT","alg":"HS256"}"#);
    assert_eq!(payload, r#"{"z":1,"a":2,"m":{"y":1,"b":2}}"#);
}

#[test]
fn crit_is_signed_with_a_warning_and_b64_false_is_refused() {
    let secret = SigningKey::Secret(vec![7; 32]);
    let sign = |header: &str| sign::sign(header, "{}", &secret, Layout::Compact, NOW, &mut rng());
    let signed = sign(r#"{"alg":"HS256","crit":["exp-ext"],"exp-ext":1}"#).unwrap();
    assert_eq!(
        signed.warnings,
        [
            "crit names exp-ext: a service that does not understand it must refuse this token (RFC 7515 §4.1.11)"
        ]
    );
    let signed = sign(r#"{"alg":"HS256","crit":["missing"]}"#).unwrap();
    assert!(
        signed.warnings[0].starts_with("crit must be a non-empty list"),
        "{:?}",
        signed.warnings
    );
    assert!(sign(r#"{"alg":"HS256"}"#).unwrap().warnings.is_empty());
    assert_eq!(
        sign(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#).unwrap_err(),
        sign::SignError::UnencodedPayload
    );
    assert!(
        sign(r#"{"alg":"HS999"}"#)
            .unwrap_err()
            .to_string()
            .ends_with("ES256K, EdDSA, Ed25519, ML-DSA-44, ML-DSA-65, ML-DSA-87)")
    );
}

#[test]
fn a_text_without_a_private_key_says_what_it_holds() {
    let public = read_json("rfc/rfc_jws_examples.json")["vectors"][1]["jwk"].to_string();
    let error = key_text::signing_key(&public).unwrap_err();
    assert!(error.to_string().contains("a public JWK only"), "{error}");
    let error = key_text::signing_key("hello").unwrap_err();
    assert!(error.to_string().contains("no PEM block or JWK"), "{error}");
}

/// draft-ietf-cose-dilithium's JOSE example (ML-DSA-44, seed 0³², AKP
/// JWK): our verifier accepts its JWS, and our key from its `priv`
/// derives its `pub`. (Its signature is hedged, so ours, deterministic,
/// differs; ours must verify with its public key.)
#[test]
fn the_ml_dsa_draft_example_verifies_and_its_seed_gives_its_key() {
    let vector = &signing_keys()["ml_dsa_44_draft"];
    let private = &vector["private_jwk"];
    let mut public = private.as_object().unwrap().clone();
    public.remove("priv");
    let public = Value::Object(public).to_string();
    let jws = vector["jws_compact"].as_str().unwrap();
    assert_eq!(verify(jws, &public), SignatureStatus::Valid);
    let key = key_text::signing_key(&private.to_string()).unwrap();
    let ours = sign::sign(
        vector["protected_header_json"].as_str().unwrap(),
        vector["payload_text"].as_str().unwrap(),
        &key,
        Layout::AsWritten,
        NOW,
        &mut rng(),
    )
    .unwrap();
    assert_eq!(verify(&ours.token, &public), SignatureStatus::Valid);
    let (ours_input, _) = ours.token.rsplit_once('.').unwrap();
    let (their_input, _) = jws.rsplit_once('.').unwrap();
    assert_eq!(ours_input, their_input);
    let forms = export::public_forms(&key, JwsAlg::MlDsa44, None).unwrap();
    assert_eq!(
        forms.kid,
        private["kid"].as_str().unwrap(),
        "the AKP thumbprint is the draft's kid"
    );
}

/// RFC 9881 §6: a PKCS#8 ML-DSA key may carry the seed and the expanded
/// key; the expanded key must be the seed's.
#[test]
fn an_ml_dsa_key_with_both_forms_is_checked() {
    use base64::Engine;
    use jwt_inspector::analysis::keys::ml_dsa::{MlDsaLevel, expanded_of_seed};
    fn der_long(tag: u8, body: &[u8]) -> Vec<u8> {
        let len = body.len();
        [&[tag, 0x82, (len >> 8) as u8, len as u8][..], body].concat()
    }
    let pem = |seed: &[u8], expanded: &[u8]| {
        let both = der_long(
            0x30,
            &[&[0x04, 0x20][..], seed, &der_long(0x04, expanded)].concat(),
        );
        let oid = [
            0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x11,
        ];
        let algorithm = [&[0x30, oid.len() as u8][..], &oid].concat();
        let info = der_long(
            0x30,
            &[&[0x02, 0x01, 0x00][..], &algorithm, &der_long(0x04, &both)].concat(),
        );
        format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            base64::engine::general_purpose::STANDARD.encode(info)
        )
    };
    let seed = [7u8; 32];
    let mut expanded = expanded_of_seed(MlDsaLevel::L44, &seed).unwrap();
    let key = key_text::signing_key(&pem(&seed, &expanded)).unwrap();
    let seed_only = SigningKey::Private(
        jwt_inspector::analysis::keys::private::PrivateKey::ml_dsa(MlDsaLevel::L44, &seed).unwrap(),
    );
    assert_eq!(key.public(), seed_only.public());
    expanded[100] ^= 1;
    let error = key_text::signing_key(&pem(&seed, &expanded)).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("is not the one its private part gives"),
        "{error}"
    );
}
