//! What a run of characters looks like: a compact JOSE serialization, an
//! OpenStack Keystone PKI / PKIZ token, or a Keystone Fernet token.
//!
//! These checks are cheap and decide only whether something is worth
//! decoding; the decoder gives the verdict and the precise errors.

use crate::analysis::base64url::{self, STANDARD, URL_SAFE};
use base64::Engine;

/// The family a candidate belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `header.payload.signature` (JWS) or five segments (JWE), or a fragment.
    Compact,
    /// Keystone PKI: base64 DER of a CMS SignedData, `/` written as `-`.
    KeystonePki,
    /// Keystone PKIZ: `PKIZ_` then base64url of zlib-compressed DER.
    KeystonePkiz,
    /// Keystone Fernet: base64url of 0x80, a timestamp, IV, ciphertext, HMAC.
    Fernet,
    /// A JWS JSON document (RFC 7515 §7.2), found as a JSON object; the
    /// token text is that object, re-serialised compactly.
    JwsJson,
    /// A JWE JSON document (RFC 7516 §7.2), found the same way.
    JweJson,
}

/// Classifies a whole string (for example a JSON field value).
pub fn shape_of(text: &str) -> Option<Shape> {
    if text.starts_with("PKIZ_")
        && text.len() > 20
        && text[5..].bytes().all(base64url::is_base64url_char)
    {
        return Some(Shape::KeystonePkiz);
    }
    if is_keystone_pki(text) {
        return Some(Shape::KeystonePki);
    }
    if is_fernet(text) {
        return Some(Shape::Fernet);
    }
    let first = text.split('.').next().unwrap_or_default();
    if starts_like_json_object(first) && text.bytes().all(is_compact_char) {
        return Some(Shape::Compact);
    }
    None
}

/// Characters a compact serialization may contain, including the
/// non-canonical `+`, `/` and `=` that are decoded and flagged.
pub fn is_compact_char(b: u8) -> bool {
    base64url::is_base64url_char(b) || matches!(b, b'.' | b'+' | b'/' | b'=')
}

/// True when a base64url segment decodes to `{` followed by optional
/// whitespace and `"` or `}`: the start of every JOSE header.
pub fn starts_like_json_object(segment: &str) -> bool {
    if !(segment.starts_with("ey") || segment.starts_with("ew")) || segment.len() < 4 {
        return false;
    }
    let take = (segment.len().min(12) / 4) * 4;
    // The segment may be any text (a JSON string value): slice bytes.
    let prefix: Vec<u8> = segment.as_bytes()[..take]
        .iter()
        .map(|&b| match b {
            b'+' => b'-',
            b'/' => b'_',
            other => other,
        })
        .collect();
    let Ok(bytes) = URL_SAFE.decode(&prefix) else {
        return false;
    };
    let mut rest = bytes.iter().skip(1).skip_while(|b| b.is_ascii_whitespace());
    match rest.next() {
        Some(b'"') | Some(b'}') => true,
        // Only whitespace so far: the prefix was too short to tell.
        None => true,
        _ => false,
    }
}

/// DER of a CMS ContentInfo whose contentType is id-signedData
/// (1.2.840.113549.1.7.2): `30 82 LL LL 06 09 2A 86 48 86 F7 0D 01 07 02`.
const SIGNED_DATA_PREFIX_AFTER_LENGTH: [u8; 11] = [
    0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02,
];

/// Keystone writes PKI tokens as base64 with `/` replaced by `-`.
pub fn is_keystone_pki(text: &str) -> bool {
    text.starts_with("MII")
        && text.len() >= 100
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'/' | b'='))
        && der_prefix(text)
            .is_some_and(|der| der[0] == 0x30 && der[4..15] == SIGNED_DATA_PREFIX_AFTER_LENGTH)
}

/// True for base64 DER that is *not* a CMS SignedData: usually a public
/// key or certificate pasted into the token box.
pub fn is_other_der(text: &str) -> bool {
    text.starts_with("MI")
        && text.len() >= 60
        && !is_keystone_pki(text)
        && der_prefix(text).is_some_and(|der| der[0] == 0x30)
}

fn der_prefix(text: &str) -> Option<Vec<u8>> {
    let prefix = text.get(..20)?.replace('-', "/");
    STANDARD.decode(prefix.as_bytes()).ok()
}

/// Fernet (github.com/fernet/spec): version 0x80, 8-byte timestamp, 16-byte
/// IV, AES-CBC ciphertext in 16-byte blocks, 32-byte HMAC; urlsafe base64
/// with padding. The length arithmetic makes false positives unlikely.
pub fn is_fernet(text: &str) -> bool {
    text.starts_with("gAAAAA")
        && text.len() >= 98
        && fernet_bytes(text).is_some_and(|b| b.len() >= 73 && (b.len() - 57) % 16 == 0)
}

/// Decodes a Fernet token's bytes (padding optional).
pub fn fernet_bytes(text: &str) -> Option<Vec<u8>> {
    let trimmed = text.trim_end_matches('=');
    if !trimmed.bytes().all(base64url::is_base64url_char) {
        return None;
    }
    base64url::URL_SAFE_NO_PAD.decode(trimmed).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PKI_START: &str = "MIIW7gYJKoZIhvcNAQcCoIIW3zCCFtsCAQExDTALBglghkgBZQMEAgEwghTzBgkqhkiG9w0BBwGgghTkBIIU4HsNCiAgICAidG9rZW4iOiB7DQogICAgICAgICJtZXRo";

    #[test]
    fn jose_headers_start_like_json_objects() {
        assert!(starts_like_json_object("eyJhbGciOiJIUzI1NiJ9"));
        // RFC 7515 A.1: {"typ":"JWT",\r\n "alg":"HS256"}
        assert!(starts_like_json_object(
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        ));
        // "{ \"alg\"" and "{\n\"alg\"" also count.
        assert!(starts_like_json_object(&base64url::encode(b"{ \"alg\":1}")));
        assert!(starts_like_json_object(&base64url::encode(
            b"{\n\"alg\":1}"
        )));
    }

    #[test]
    fn english_words_starting_with_ey_are_not_headers() {
        assert!(!starts_like_json_object("eyes"));
        assert!(!starts_like_json_object("eyeball"));
        assert!(!starts_like_json_object("ey"));
    }

    #[test]
    fn keystone_pki_is_recognised_by_its_der_prefix() {
        assert!(is_keystone_pki(PKI_START));
        assert_eq!(shape_of(PKI_START), Some(Shape::KeystonePki));
    }

    #[test]
    fn a_public_key_is_der_but_not_a_pki_token() {
        let spki = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsybUYxu3TXxXAgG_Eq72tKxE7xhGFgL14g5OGryDtE5dBL8f";
        assert!(!is_keystone_pki(spki));
        assert!(is_other_der(spki));
    }

    #[test]
    fn fernet_example_is_recognised() {
        let t = "gAAAAABhi1cMynG89h8t6TJrxNiZuNzjcIUIxNctoVfuqTw7BpUedLKxjPymClVEnj9GhIT5u2mpjaJATlEAtaa3D6_t8jk_fV-mqo2IUlsmTPTnMwkcjh5FSHQVRdqvDxgY3nSqLA_Hfv-zPmjS5KWX3hmyDE5YWO1ztX6QNVQb4wTPyNL1-7I";
        assert_eq!(shape_of(t), Some(Shape::Fernet));
        assert_eq!(shape_of(&t[..90]), None);
    }

    #[test]
    fn pkiz_prefix_is_recognised() {
        assert_eq!(
            shape_of("PKIZ_eJylWEl34rwS3etXvH2fPu0BElh6wthBcmw8IO2"),
            Some(Shape::KeystonePkiz)
        );
    }
}
