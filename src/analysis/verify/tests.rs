use super::*;
use crate::analysis::base64url::encode;
use crate::analysis::decode::decode_compact;
use crate::analysis::keys::der::spki_der_for;
use base64::Engine;

/// RFC 7515 A.2's RSA key and RS256 token.
const RFC_RSA_JWK: &str = r#"{"kty":"RSA","n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ","e":"AQAB"}"#;
const RFC_RS256: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

fn hs256(header: &str, payload: &str, secret: &[u8]) -> String {
    let input = format!(
        "{}.{}",
        encode(header.as_bytes()),
        encode(payload.as_bytes())
    );
    let tag = alg::hmac_tag(JwsAlg::HS256, secret, input.as_bytes());
    format!("{input}.{}", encode(&tag))
}

fn oct(kid: &str, secret: &[u8]) -> String {
    format!(r#"{{"kty":"oct","kid":"{kid}","k":"{}"}}"#, encode(secret))
}

fn verify(token: &str, keys: &str) -> Verification {
    verify_token(&decode_compact(token), &KeySet::parse(keys))
}

fn ids(v: &Verification) -> Vec<&str> {
    v.findings.iter().map(|f| f.id.as_str()).collect()
}

fn rsa_pem() -> String {
    let set = KeySet::parse(RFC_RSA_JWK);
    let der = spki_der_for(&set.keys[0].material).unwrap();
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        lines.join("\n")
    )
}

#[test]
fn rs256_verifies_with_the_same_key_as_jwk_and_as_pem() {
    let v = verify(RFC_RS256, RFC_RSA_JWK);
    assert_eq!(
        v.signature.status,
        SignatureStatus::Valid,
        "{}",
        v.signature.message
    );
    assert_eq!(
        v.signature.message,
        "Signature verified with JWK (RSA 2048-bit, e = 65537)."
    );
    let v = verify(RFC_RS256, &rsa_pem());
    assert_eq!(
        v.signature.message,
        "Signature verified with PEM block 1 (PUBLIC KEY) (RSA 2048-bit, e = 65537)."
    );
}

#[test]
fn without_keys_nothing_is_claimed() {
    let v = verify(RFC_RS256, "");
    assert_eq!(
        (v.signature.status, v.signature.message.as_str()),
        (SignatureStatus::Unchecked, "Not checked: no key supplied.")
    );
}

#[test]
fn wrong_kind_of_key_says_what_is_needed() {
    let ec = r#"{"kty":"EC","crv":"P-256","x":"m7zUpx3b-zmVE5cymSs64POG9QcyEpJaYCD82-549_Q","y":"dU3biz8sZ_8GPB-odm8Wxz3lNDr1xcAQQPQaOcr1fmc"}"#;
    let v = verify(RFC_RS256, ec);
    assert_eq!(v.signature.status, SignatureStatus::Unchecked);
    assert_eq!(
        v.signature.message,
        "Not checked: RS256 needs an RSA public key; the keys supplied are: EC P-256."
    );
}

#[test]
fn unreadable_key_is_named_in_the_verdict() {
    let v = verify(RFC_RS256, r#"{"kty":"RSA","e":"AQAB"}"#);
    assert_eq!(
        v.signature.message,
        "Not checked: the key supplied could not be read (JWK: JWK is missing `n`)."
    );
}

#[test]
fn kid_picks_the_key_and_a_missing_kid_is_named() {
    let token = hs256(r#"{"alg":"HS256","kid":"b"}"#, "{}", &[2; 32]);
    let set = format!(
        r#"{{"keys":[{},{}]}}"#,
        oct("a", &[1; 32]),
        oct("b", &[2; 32])
    );
    let v = verify(&token, &set);
    assert_eq!(v.signature.status, SignatureStatus::Valid);
    assert_eq!(
        v.signature.key.unwrap().kid_match.map(|v| v.as_str()),
        Some("kid")
    );
    let other = hs256(r#"{"alg":"HS256","kid":"zz"}"#, "{}", &[2; 32]);
    let v = verify(&other, &set);
    assert_eq!(v.signature.status, SignatureStatus::Unchecked);
    assert_eq!(
        v.signature.message,
        "Not checked: no key with kid \"zz\" among the keys supplied (their kids: \"a\", \"b\")."
    );
}

#[test]
fn without_a_kid_every_key_is_tried_and_the_one_that_verified_is_named() {
    let token = hs256(r#"{"alg":"HS256"}"#, "{}", &[2; 32]);
    let set = format!(
        r#"{{"keys":[{},{},{}]}}"#,
        oct("a", &[1; 32]),
        oct("b", &[2; 32]),
        oct("c", &[3; 32])
    );
    let v = verify(&token, &set);
    assert_eq!(
        v.signature.message,
        "Signature verified with JWKS key 2 (kid \"b\") (HMAC secret, 32 bytes)."
    );
    let wrong = hs256(r#"{"alg":"HS256"}"#, "{}", &[9; 32]);
    let v = verify(&wrong, &set);
    assert_eq!(v.signature.status, SignatureStatus::Invalid);
    assert!(
        v.signature
            .message
            .starts_with("Signature does not match any of the 3 keys tried"),
        "{}",
        v.signature.message
    );
}

#[test]
fn two_keys_sharing_a_kid_are_refused_as_ambiguous() {
    let token = hs256(r#"{"alg":"HS256","kid":"a"}"#, "{}", &[1; 32]);
    let set = format!(
        r#"{{"keys":[{},{}]}}"#,
        oct("a", &[1; 32]),
        oct("a", &[2; 32])
    );
    let v = verify(&token, &set);
    assert_eq!(v.signature.status, SignatureStatus::Invalid);
    assert!(
        v.signature.message.contains("two keys share kid \"a\""),
        "{}",
        v.signature.message
    );
}

#[test]
fn one_key_given_twice_under_its_kid_is_no_ambiguity() {
    let token = hs256(r#"{"alg":"HS256","kid":"a"}"#, "{}", &[1; 32]);
    let set = format!(
        r#"{{"keys":[{},{}]}}"#,
        oct("a", &[1; 32]),
        oct("a", &[1; 32])
    );
    let v = verify(&token, &set);
    assert_eq!(
        v.signature.status,
        SignatureStatus::Valid,
        "{}",
        v.signature.message
    );
}

#[test]
fn a_thousand_keys_without_kids_are_tried_up_to_the_cap() {
    let keys: Vec<String> = (0..1000u32)
        .map(|i| {
            format!(
                r#"{{"kty":"oct","k":"{}"}}"#,
                encode(&i.to_be_bytes().repeat(8))
            )
        })
        .collect();
    let token = hs256(r#"{"alg":"HS256"}"#, "{}", &[7; 32]);
    let v = verify(&token, &format!(r#"{{"keys":[{}]}}"#, keys.join(",")));
    assert!(
        v.signature
            .message
            .contains(&format!("any of the {MAX_KEYS_TRIED} keys tried")),
        "{}",
        v.signature.message
    );
}

#[test]
fn hs256_with_a_public_key_is_algorithm_confusion_and_the_forgery_is_recognised() {
    let pem = rsa_pem();
    let forged = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"admin"}"#, pem.as_bytes());
    let v = verify(&forged, &pem);
    assert_eq!(v.signature.status, SignatureStatus::Invalid);
    assert!(
        v.signature.message.contains("algorithm-confusion attack"),
        "{}",
        v.signature.message
    );
    assert!(
        v.signature.message.contains("exactly that forgery"),
        "{}",
        v.signature.message
    );
    assert_eq!(ids(&v), ["alg-confusion-forged"]);
    // Not forged with the key: still refused, flagged as confusion.
    let other = hs256(
        r#"{"alg":"HS256"}"#,
        "{}",
        b"some other secret, long enough....",
    );
    let v = verify(&other, &pem);
    assert_eq!(ids(&v), ["alg-confusion"]);
}

#[test]
fn non_canonical_signature_that_matches_is_not_called_valid() {
    let token = hs256(r#"{"alg":"HS256"}"#, "{}", &[1; 32]);
    // A 32-byte tag encodes to 43 chars; flip an unused trailing bit.
    let mut chars: Vec<char> = token.chars().collect();
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let last = chars.pop().unwrap();
    let value = ALPHABET.find(last).unwrap();
    chars.push(ALPHABET.as_bytes()[value ^ 1] as char);
    let v = verify(&chars.into_iter().collect::<String>(), &oct("a", &[1; 32]));
    assert_eq!(v.signature.status, SignatureStatus::Invalid);
    assert_eq!(
        v.signature.matched,
        SignatureMatch::Matches,
        "the bytes are the key's work"
    );
    assert_eq!(
        v.signature.matched_but_refused,
        Some(Refusal::NonCanonicalEncoding)
    );
    assert!(
        v.signature.message.contains("over the text as received"),
        "{}",
        v.signature.message
    );
}

#[test]
fn short_hmac_secret_is_not_accepted() {
    let token = hs256(r#"{"alg":"HS256"}"#, "{}", b"secret");
    let mut keys = KeySet::default();
    keys.add_secret("secret", crate::analysis::vocab::SecretEncoding::Text);
    let v = verify_token(&decode_compact(&token), &keys);
    assert_eq!(v.signature.status, SignatureStatus::Invalid);
    assert_eq!(v.signature.matched, SignatureMatch::Matches);
    assert_eq!(
        v.signature.matched_but_refused,
        Some(Refusal::HmacSecretTooShort)
    );
    assert!(
        v.signature
            .message
            .contains("the secret is 6 bytes, shorter than the 32-byte hash"),
        "{}",
        v.signature.message
    );
    assert_eq!(ids(&v), ["hmac-secret-too-short"]);
}

#[test]
fn header_findings_cover_jku_x5u_crit_b64_and_kid_injection() {
    let header = r#"{"alg":"HS256","jku":"https://evil.example/jwks","x5u":"https://evil.example/c.pem","crit":["exp","b64","x-custom","absent"],"b64":false,"x-custom":1,"kid":"../../dev/null' OR '1'='1"}"#;
    let token = format!("{}.payload.{}", encode(header.as_bytes()), encode(&[0; 32]));
    let v = verify(&token, "");
    assert_eq!(
        ids(&v),
        [
            "jku-present",
            "x5u-present",
            "crit-invalid",
            "crit-unknown",
            "crit-invalid",
            "b64-false",
            "kid-suspicious"
        ]
    );
    let kid = v
        .findings
        .iter()
        .find(|f| f.id.as_str() == "kid-suspicious")
        .unwrap();
    assert!(
        kid.message.contains("a file path and SQL"),
        "{}",
        kid.message
    );
}

#[test]
fn embedded_jwk_is_self_asserted_and_compared_with_supplied_keys() {
    let header = format!(r#"{{"alg":"RS256","jwk":{RFC_RSA_JWK}}}"#);
    let token = format!("{}.e30.{}", encode(header.as_bytes()), encode(&[0; 256]));
    let v = verify(&token, RFC_RSA_JWK);
    let f = v
        .findings
        .iter()
        .find(|f| f.id.as_str() == "embedded-jwk")
        .unwrap();
    assert!(
        f.message.contains("equals JWK, which you supplied"),
        "{}",
        f.message
    );
    let v = verify(&token, "");
    let f = v
        .findings
        .iter()
        .find(|f| f.id.as_str() == "embedded-jwk")
        .unwrap();
    assert!(
        f.message
            .contains("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
            || f.message.contains("equals none"),
        "{}",
        f.message
    );
}

#[test]
fn der_encoded_es256_signature_is_named() {
    let der_sig = [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01];
    let token = format!("{}.e30.{}", encode(br#"{"alg":"ES256"}"#), encode(&der_sig));
    assert_eq!(ids(&verify(&token, "")), ["ecdsa-der-signature"]);
}

#[test]
fn signature_length_is_checked_against_the_algorithm() {
    let token = format!("{}.e30.{}", encode(br#"{"alg":"HS256"}"#), encode(&[0; 20]));
    assert_eq!(ids(&verify(&token, "")), ["signature-length-wrong"]);
}

/// RFC 8037 §A.1's Ed25519 key signs the same payload under `EdDSA` and
/// under RFC 9864 §2.2's fully specified `Ed25519`; both verify, and a
/// changed payload does not.
#[test]
fn ed25519_verifies_under_both_alg_names() {
    use ed25519_dalek::Signer;
    let seed =
        crate::analysis::base64url::decode_segment("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
            .unwrap()
            .bytes;
    let signing = ed25519_dalek::SigningKey::from_bytes(&seed.try_into().unwrap());
    let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    for alg in ["EdDSA", "Ed25519"] {
        let input = format!(
            "{}.{}",
            encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes()),
            encode(b"Example of Ed25519 signing")
        );
        let signature = encode(&signing.sign(input.as_bytes()).to_bytes());
        let v = verify(&format!("{input}.{signature}"), jwk);
        assert_eq!(
            v.signature.status,
            SignatureStatus::Valid,
            "{alg}: {}",
            v.signature.message
        );
        let tampered = format!("{input}x.{signature}");
        assert_eq!(
            verify(&tampered, jwk).signature.status,
            SignatureStatus::Invalid
        );
    }
}

#[test]
fn the_match_layer_says_matches_does_not_match_or_not_tried() {
    let token = hs256(r#"{"alg":"HS256"}"#, "{}", &[1; 32]);
    let right = verify(&token, &oct("a", &[1; 32]));
    assert_eq!(
        (right.signature.status, right.signature.matched),
        (SignatureStatus::Valid, SignatureMatch::Matches)
    );
    let wrong = verify(&token, &oct("a", &[2; 32]));
    assert_eq!(
        (wrong.signature.status, wrong.signature.matched),
        (SignatureStatus::Invalid, SignatureMatch::DoesNotMatch)
    );
    let two_wrong = verify(
        &token,
        &format!(
            r#"{{"keys":[{},{}]}}"#,
            oct("a", &[2; 32]),
            oct("b", &[3; 32])
        ),
    );
    assert_eq!(two_wrong.signature.matched, SignatureMatch::DoesNotMatch);
    let no_key = verify_token(&decode_compact(&token), &KeySet::default());
    assert_eq!(
        (no_key.signature.status, no_key.signature.matched),
        (SignatureStatus::Unchecked, SignatureMatch::NotTried)
    );
    let stripped = verify(&token[..token.rfind('.').unwrap() + 1], &oct("a", &[1; 32]));
    assert_eq!(
        (stripped.signature.status, stripped.signature.matched),
        (SignatureStatus::Invalid, SignatureMatch::NotTried),
        "an empty signature segment is refused without trying a key"
    );
}

#[test]
fn a_forbidden_key_that_signed_is_matched_but_refused_even_beside_a_usable_one() {
    // Two secrets pasted as separate JWKs, neither with a kid: the one
    // marked "use": "enc" signed the token; each refusal is its own key's.
    let signer = b"the key that signed, thirty-two b";
    let other = b"another usable key, thirty-two by";
    let token = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"a"}"#, signer);
    let usable = format!(r#"{{"kty":"oct","k":"{}"}}"#, encode(other));
    let forbidden = format!(r#"{{"kty":"oct","use":"enc","k":"{}"}}"#, encode(signer));
    let keys = KeySet::parse(&format!("{usable}\n{forbidden}"));
    let v = verify_token(&decode_compact(&token), &keys);
    assert_eq!(v.signature.matched, SignatureMatch::Matches);
    assert_eq!(v.signature.matched_but_refused, Some(Refusal::JwkMetadata));
    assert!(
        v.signature.message.contains("is marked \"use\": \"enc\""),
        "{}",
        v.signature.message
    );
}
