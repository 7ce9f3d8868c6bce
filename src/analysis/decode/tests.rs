use super::*;
use crate::analysis::base64url::encode;
use serde_json::json;

fn compact(header: &str, payload: &str, signature: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        encode(header.as_bytes()),
        encode(payload.as_bytes()),
        encode(signature)
    )
}

fn ids(d: &Decoded) -> Vec<&str> {
    d.findings.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn jws_decodes_header_payload_and_signature() {
    let d = decode_compact(&compact(
        r#"{"alg":"RS256","typ":"JWT"}"#,
        r#"{"uid":"peter","exp":1}"#,
        &[7; 256],
    ));
    assert_eq!(d.kind, Some(TokenKind::Jws));
    assert_eq!(d.header, Some(json!({"alg":"RS256","typ":"JWT"})));
    assert_eq!(d.payload, Some(json!({"uid":"peter","exp":1})));
    assert_eq!(d.signature.len(), 256);
    assert!(d.errors.is_empty() && d.findings.is_empty(), "{d:?}");
}

#[test]
fn member_order_of_the_payload_is_kept() {
    let d = decode_compact(&compact(r#"{"alg":"HS256"}"#, r#"{"z":1,"a":2}"#, &[1; 32]));
    let keys: Vec<_> = d
        .payload
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(keys, ["z", "a"]);
}

#[test]
fn signing_input_is_the_original_text() {
    let token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let d = decode_compact(token);
    assert_eq!(
        d.signing_input().unwrap(),
        token.rsplit_once('.').unwrap().0
    );
    assert_eq!(
        d.payload.as_ref().unwrap()["http://example.com/is_root"],
        true
    );
}

#[test]
fn alg_none_in_any_case_is_unsecured_and_flagged() {
    for alg in ["none", "None", "NONE", "nOnE"] {
        let d = decode_compact(&format!(
            "{}.{}.",
            encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes()),
            encode(b"{}")
        ));
        assert_eq!(d.kind, Some(TokenKind::Unsecured), "{alg}");
        assert_eq!(ids(&d), ["alg-none"], "{alg}");
        assert_eq!(d.findings[0].message.contains("letter case"), alg != "none");
    }
}

#[test]
fn alg_none_with_a_signature_is_flagged_twice() {
    let d = decode_compact(&compact(r#"{"alg":"none"}"#, "{}", b"sig"));
    assert_eq!(ids(&d), ["alg-none", "alg-none-with-signature"]);
}

#[test]
fn empty_signature_with_a_real_alg_is_flagged() {
    let d = decode_compact(&format!(
        "{}.{}.",
        encode(br#"{"alg":"RS256"}"#),
        encode(b"{}")
    ));
    assert_eq!(ids(&d), ["signature-missing"]);
}

#[test]
fn missing_alg_is_flagged() {
    let d = decode_compact(&compact(r#"{"typ":"JWT"}"#, "{}", b"x"));
    assert_eq!(ids(&d), ["alg-missing"]);
}

#[test]
fn header_only_fragment_decodes_with_a_note() {
    let d = decode_compact(&encode(br#"{"alg":"RS256","kid":"k1"}"#));
    assert_eq!(d.header.as_ref().unwrap()["kid"], "k1");
    assert_eq!(ids(&d), ["token-fragment"]);
    assert!(
        d.findings[0]
            .message
            .contains("payload and signature segments are missing")
    );
}

#[test]
fn header_payload_fragment_decodes_with_a_note() {
    let d = decode_compact(&format!(
        "{}.{}",
        encode(br#"{"alg":"RS256"}"#),
        encode(br#"{"sub":"a"}"#)
    ));
    assert_eq!(d.payload.as_ref().unwrap()["sub"], "a");
    assert!(
        d.findings[0]
            .message
            .contains("signature segment is missing")
    );
}

#[test]
fn four_segments_is_an_error_but_still_decodes() {
    let d = decode_compact(&format!(
        "{}.x",
        compact(r#"{"alg":"HS256"}"#, r#"{"a":1}"#, b"s")
    ));
    assert_eq!(d.errors[0].id.as_str(), "segment-count");
    assert!(d.errors[0].message.contains("this has 4"));
    assert_eq!(d.payload.as_ref().unwrap()["a"], 1);
}

#[test]
fn jwe_shows_the_protected_header_and_says_it_is_encrypted() {
    let token = format!(
        "{}.{}.{}.{}.{}",
        encode(br#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#),
        encode(&[1; 256]),
        encode(&[2; 12]),
        encode(b"ciphertext"),
        encode(&[3; 16])
    );
    let d = decode_compact(&token);
    assert_eq!(d.kind, Some(TokenKind::Jwe));
    assert_eq!(d.header.as_ref().unwrap()["enc"], "A256GCM");
    assert_eq!(d.payload, None);
    assert_eq!(ids(&d), ["jwe-encrypted"]);
}

#[test]
fn jwe_header_with_three_segments_is_an_error() {
    let d = decode_compact(&compact(r#"{"alg":"dir","enc":"A128GCM"}"#, "x", b"y"));
    assert!(
        d.errors
            .iter()
            .any(|e| e.message.contains("five segments; this has 3"))
    );
}

#[test]
fn non_canonical_base64url_decodes_and_raises_a_finding() {
    // "{}" is "e30"; "e31" sets an unused trailing bit and decodes the same.
    let d = decode_compact(&format!(
        "{}.e31.{}",
        encode(br#"{"alg":"HS256"}"#),
        encode(&[0; 32])
    ));
    assert_eq!(ids(&d), ["base64url-non-canonical"]);
    assert!(
        d.findings[0]
            .message
            .starts_with("The payload segment has non-zero unused bits")
    );
    assert_eq!(d.payload, Some(json!({})));
}

#[test]
fn padding_and_standard_alphabet_raise_findings_naming_the_segment() {
    let d = decode_compact(&format!(
        "{}.{}.+/8=",
        encode(br#"{"alg":"HS256"}"#),
        encode(b"{}")
    ));
    let f: Vec<_> = d
        .findings
        .iter()
        .map(|f| (f.id.as_str(), f.message.contains("signature segment")))
        .collect();
    assert_eq!(
        f,
        [
            ("base64url-standard-alphabet", true),
            ("base64url-padding", true)
        ]
    );
}

#[test]
fn invalid_base64url_names_segment_and_character() {
    let d = decode_compact(&format!("{}.ab$c.sig", encode(br#"{"alg":"HS256"}"#)));
    assert_eq!(d.errors[0].segment, Segment::Payload);
    assert_eq!(d.errors[0].offset, Some(2));
    assert_eq!(
        d.errors[0].message,
        "The payload segment is not base64url: `$` at character 2 is not a base64url character."
    );
}

#[test]
fn json_error_names_segment_byte_offset_and_expectation() {
    let d = decode_compact(&compact(
        r#"{"alg":"HS256"}"#,
        r#"{"sub":"a" "exp":1}"#,
        b"s",
    ));
    let e = &d.errors[0];
    assert_eq!(
        (e.id.as_str(), e.segment, e.offset),
        ("json-syntax", Segment::Payload, Some(11))
    );
    assert_eq!(
        e.message,
        "The payload is not valid JSON: expected `,` or `}` at byte 11."
    );
    assert_eq!(d.payload_text.as_deref(), Some(r#"{"sub":"a" "exp":1}"#));
    assert!(ids(&d).contains(&"payload-not-json"));
}

#[test]
fn duplicate_claims_are_reported() {
    let d = decode_compact(&compact(
        r#"{"alg":"HS256"}"#,
        r#"{"sub":"user","sub":"admin"}"#,
        b"s",
    ));
    assert_eq!(d.payload.as_ref().unwrap()["sub"], "admin");
    assert_eq!(ids(&d), ["json-duplicate-member"]);
    assert!(d.findings[0].message.contains("\"sub\" more than once"));
}

#[test]
fn trailing_comma_is_tolerated_with_a_finding() {
    let d = decode_compact(&compact(
        r#"{"alg":"HS256"}"#,
        r#"{"iat":1,"exp":2,}"#,
        b"s",
    ));
    assert_eq!(d.payload.as_ref().unwrap()["exp"], 2);
    assert_eq!(ids(&d), ["json-not-strict"]);
}

#[test]
fn non_utf8_payload_is_reported_with_the_byte() {
    let token = format!(
        "{}.{}.c2ln",
        encode(br#"{"alg":"HS256"}"#),
        encode(b"{\"a\":\"\xff\"}")
    );
    let d = decode_compact(&token);
    assert_eq!(d.errors[0].id.as_str(), "not-utf8");
    assert_eq!(d.errors[0].offset, Some(6));
    assert!(d.errors[0].message.contains("0xFF"));
}

#[test]
fn non_object_header_is_an_error() {
    let d = decode_compact(&format!("{}.{}.x", encode(b"[1,2]"), encode(b"{}")));
    assert_eq!(d.errors[0].id.as_str(), "not-an-object");
    assert!(d.errors[0].message.contains("an array"));
}

#[test]
fn nested_jwt_is_decoded_one_level_down() {
    let inner = compact(r#"{"alg":"HS256"}"#, r#"{"sub":"inner"}"#, &[9; 32]);
    let outer = compact(r#"{"alg":"HS256","cty":"JWT"}"#, &inner, &[8; 32]);
    let d = decode_compact(&outer);
    assert_eq!(ids(&d), ["nested-jwt"]);
    assert_eq!(d.payload, None);
    assert_eq!(d.nested.unwrap().payload.unwrap()["sub"], "inner");
}

#[test]
fn nesting_stops_at_the_depth_cap() {
    let mut token = compact(r#"{"alg":"HS256"}"#, r#"{"sub":"core"}"#, &[1; 32]);
    for _ in 0..6 {
        token = compact(r#"{"alg":"HS256","cty":"JWT"}"#, &token, &[1; 32]);
    }
    let mut d = decode_compact(&token);
    let mut levels = 0;
    while let Some(inner) = d.nested {
        d = *inner;
        levels += 1;
    }
    assert_eq!(levels, MAX_NESTING);
    assert_eq!(ids(&d), ["nested-jwt-too-deep"]);
}

#[test]
fn ten_thousand_dots_are_an_error_not_a_hang() {
    let token = format!("{}{}", encode(br#"{"alg":"HS256"}"#), ".".repeat(10_000));
    let d = decode_compact(&token);
    assert!(
        d.errors
            .iter()
            .any(|e| e.message.contains("this has 10001"))
    );
}
