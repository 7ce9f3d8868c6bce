//! Decodes a compact JWS (RFC 7515 §7.1) or JWE (RFC 7516 §7.1) without
//! verifying anything: header, payload, signature bytes, and precise errors
//! for whatever is malformed. Verification is a separate step
//! (`verify`) with its own result type.

use crate::analysis::base64url::{self, Irregularity};
use crate::analysis::finding::Finding;
use crate::analysis::json::{self, JsonErrorKind};
use crate::analysis::vocab::{FindingId, Segment, TokenErrorId, TokenKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `cty: JWT` tokens are decoded this many levels deep (RFC 7519 §5.2).
pub const MAX_NESTING: usize = 3;

/// Something that stopped part of a token from being decoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenError {
    /// What went wrong, as a stable id (docs/report.md, "Token errors").
    pub id: TokenErrorId,
    /// The segment that could not be read; `token` when the fault is the
    /// token as a whole (its segment count).
    pub segment: Segment,
    /// Byte offset in the decoded segment (JSON, UTF-8) or character
    /// offset in the segment text (base64url), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
    /// The error in words, for a person.
    pub message: String,
}

/// Everything read from a compact token without a key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decoded {
    /// JWS, JWE (a five-segment or `enc` token) or unsecured (`alg` none);
    /// always set by [`decode_compact`].
    pub kind: Option<TokenKind>,
    /// The segments as text, in order.
    pub segments: Vec<String>,
    /// The JOSE header (RFC 7515 §4) as a JSON object; `None` when it is
    /// not base64url, not UTF-8 or not a JSON object.
    pub header: Option<Value>,
    /// The JWT claims set (RFC 7519 §4) as a JSON object; `None` for a
    /// JWE, a nested token, `b64: false` (RFC 7797), a token with no payload
    /// segment, or a payload that is not a base64url JSON object.
    pub payload: Option<Value>,
    /// The payload as text when it is not a JSON object (or not JSON).
    pub payload_text: Option<String>,
    /// The JWS signature bytes (RFC 7515 §7.1); empty when the segment is
    /// absent, empty or not base64url, and for a JWE.
    pub signature: Vec<u8>,
    /// What each segment's base64url needed tolerated (RFC 7515 §2), in
    /// segment order; verification refuses a match over such text.
    pub irregularities: Vec<(Segment, Irregularity)>,
    /// What decoding noticed without failing (padding, `alg` none, a
    /// duplicate member, a nested token, …), in the order met.
    pub findings: Vec<Finding>,
    /// What could not be decoded; the part concerned is then `None`.
    pub errors: Vec<TokenError>,
    /// The inner token when the payload is itself one (`cty: JWT`, RFC 7519
    /// §5.2), decoded at most [`MAX_NESTING`] levels deep.
    pub nested: Option<Box<Decoded>>,
}

impl Decoded {
    /// The JWS signing input: the first two segments exactly as received
    /// (RFC 7515 §5.2 step 8 — never re-encoded).
    pub fn signing_input(&self) -> Option<String> {
        (self.segments.len() >= 2).then(|| format!("{}.{}", self.segments[0], self.segments[1]))
    }

    /// The header's `alg`, when it is a string.
    pub fn alg(&self) -> Option<&str> {
        self.header_str("alg")
    }

    /// The header member `name`, when it is a string.
    pub fn header_str(&self, name: &str) -> Option<&str> {
        self.header.as_ref()?.get(name)?.as_str()
    }

    fn error(
        &mut self,
        id: TokenErrorId,
        segment: Segment,
        offset: Option<usize>,
        message: String,
    ) {
        self.errors.push(TokenError {
            id,
            segment,
            offset,
            message,
        });
    }

    fn finding(&mut self, id: FindingId, message: String) {
        self.findings.push(Finding::new(id, message));
    }
}

/// Decodes a compact serialization (any number of segments, best effort).
pub fn decode_compact(text: &str) -> Decoded {
    decode_at_depth(text, 0)
}

fn decode_at_depth(text: &str, depth: usize) -> Decoded {
    let mut d = Decoded {
        segments: text.split('.').map(str::to_string).collect(),
        ..Decoded::default()
    };
    let header_text = d.segments[0].clone();
    if let Some(bytes) = decode_base64(&mut d, Segment::Header, &header_text) {
        d.header = parse_json_object(&mut d, Segment::Header, &bytes);
    }
    let is_jwe = d.header.as_ref().is_some_and(|h| h.get("enc").is_some());
    check_segment_count(&mut d, is_jwe);
    if is_jwe || d.segments.len() == 5 {
        decode_jwe_parts(&mut d);
    } else {
        decode_jws_parts(&mut d, depth);
    }
    d
}

fn check_segment_count(d: &mut Decoded, is_jwe: bool) {
    let n = d.segments.len();
    let message = match (n, is_jwe) {
        (1, _) => Some("Only the header was found: the payload and signature segments are missing (a JWS is header.payload.signature).".to_string()),
        (2, false) => Some("Only header.payload was found: the signature segment is missing, so nothing can be verified.".to_string()),
        (3, false) | (5, true) => None,
        (5, false) => {
            d.error(TokenErrorId::SegmentCount, Segment::Token, None, "Five segments make a JWE, but the header has no `enc` member (RFC 7516 §4.1.2).".into());
            None
        }
        (n, true) => {
            d.error(TokenErrorId::SegmentCount, Segment::Token, None, format!("The header has `enc`, so this is a JWE, which has five segments; this has {n}."));
            None
        }
        (n, false) => {
            d.error(TokenErrorId::SegmentCount, Segment::Token, None, format!("A compact JWS has three segments and a JWE five; this has {n}. The first two are decoded as header and payload."));
            None
        }
    };
    if let Some(message) = message {
        d.finding(FindingId::Fragment, message);
    }
}

fn decode_jws_parts(d: &mut Decoded, depth: usize) {
    let alg = check_alg(d);
    let unsecured = alg
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case("none"));
    d.kind = Some(if unsecured {
        TokenKind::Unsecured
    } else {
        TokenKind::Jws
    });
    if d.segments.len() >= 2 {
        decode_payload(d, depth);
    }
    if d.segments.len() >= 3 {
        let signature_text = d.segments[2].clone();
        if let Some(bytes) = decode_base64(d, Segment::Signature, &signature_text) {
            d.signature = bytes;
        }
        match (unsecured, d.signature.is_empty(), &alg) {
            (true, false, _) => d.finding(
                FindingId::UnsecuredWithSignature,
                "alg is none but the signature segment is not empty: RFC 7519 §6.1 requires it to be empty; a verifier that \"checks\" it is checking nothing.".into(),
            ),
            (false, true, Some(alg)) if d.segments[2].is_empty() => d.finding(
                FindingId::SignatureMissing,
                format!("The signature segment is empty, but alg {alg} requires a signature: this token was stripped or never signed."),
            ),
            _ => {}
        }
    }
}

/// Checks `alg` (RFC 7515 §4.1.1) and returns it.
fn check_alg(d: &mut Decoded) -> Option<String> {
    let header = d.header.as_ref()?;
    match header.get("alg") {
        None => {
            d.finding(FindingId::AlgMissing, "The header has no `alg` member: RFC 7515 §4.1.1 requires one, and no verifier should accept this token.".into());
            None
        }
        Some(Value::String(alg)) => {
            let alg = alg.clone();
            if alg.eq_ignore_ascii_case("none") {
                let case_note = if alg == "none" {
                    String::new()
                } else {
                    format!(
                        " It is written \"{alg}\": unusual letter case is a known trick to slip past case-sensitive blocklists."
                    )
                };
                d.finding(FindingId::AlgNone, format!("alg is \"none\": the token is unsecured — anyone can write one, and it proves nothing about who issued it.{case_note}"));
            }
            Some(alg)
        }
        Some(other) => {
            d.error(
                TokenErrorId::AlgInvalid,
                Segment::Header,
                None,
                format!(
                    "`alg` must be a string (RFC 7515 §4.1.1), found {}.",
                    json::type_name(other)
                ),
            );
            None
        }
    }
}

fn decode_payload(d: &mut Decoded, depth: usize) {
    let payload_text = d.segments[1].clone();
    // RFC 7797 §3: with `b64: false` the payload is carried as is.
    if d.header.as_ref().and_then(|h| h.get("b64")) == Some(&Value::Bool(false)) {
        d.payload_text = Some(payload_text);
        return;
    }
    let Some(bytes) = decode_base64(d, Segment::Payload, &payload_text) else {
        return;
    };
    let cty_is_jwt = d.header_str("cty").is_some_and(|c| {
        c.eq_ignore_ascii_case("JWT") || c.eq_ignore_ascii_case("application/jwt")
    });
    let as_text = std::str::from_utf8(&bytes).ok().map(str::trim);
    let looks_nested = as_text.is_some_and(|t| t.starts_with("ey") && t.matches('.').count() >= 2);
    if cty_is_jwt || looks_nested {
        decode_nested(d, as_text.unwrap_or_default(), depth, cty_is_jwt);
        return;
    }
    d.payload = parse_json_object(d, Segment::Payload, &bytes);
}

fn decode_nested(d: &mut Decoded, inner: &str, depth: usize, declared: bool) {
    d.payload_text = Some(inner.to_string());
    if depth + 1 > MAX_NESTING {
        d.finding(
            FindingId::NestingTooDeep,
            format!("The payload is another token, nested more than {MAX_NESTING} levels deep; it is not decoded further."),
        );
        return;
    }
    let how = if declared {
        "cty says JWT"
    } else {
        "cty does not say so, but it has the shape of one"
    };
    d.finding(
        FindingId::NestedToken,
        format!("The payload is itself a token ({how}); it is decoded below, one level down."),
    );
    d.nested = Some(Box::new(decode_at_depth(inner, depth + 1)));
}

fn decode_jwe_parts(d: &mut Decoded) {
    d.kind = Some(TokenKind::Jwe);
    let parts = [
        Segment::EncryptedKey,
        Segment::Iv,
        Segment::Ciphertext,
        Segment::Tag,
    ];
    for (index, segment) in parts.into_iter().enumerate() {
        if let Some(text) = d.segments.get(index + 1).cloned() {
            decode_base64(d, segment, &text);
        }
    }
    let alg = d.header_str("alg").unwrap_or("?").to_string();
    let enc = d.header_str("enc").unwrap_or("?").to_string();
    d.finding(
        FindingId::Encrypted,
        format!("The content is encrypted (JWE, alg {alg}, enc {enc}): only the holder of the recipient's key can read the claims. The protected header is shown."),
    );
}

/// Decodes one segment's base64url, turning irregularities into findings
/// and failures into errors.
fn decode_base64(d: &mut Decoded, segment: Segment, text: &str) -> Option<Vec<u8>> {
    match base64url::decode_segment(text) {
        Ok(decoded) => {
            for irregularity in decoded.irregularities {
                d.irregularities.push((segment, irregularity));
                let id = match irregularity {
                    Irregularity::Padding => FindingId::Base64UrlPadding,
                    Irregularity::StandardAlphabet => FindingId::Base64UrlStandardAlphabet,
                    _ => FindingId::Base64UrlNonCanonical,
                };
                d.finding(
                    id,
                    format!("The {segment} segment {irregularity}; it was decoded anyway."),
                );
            }
            Some(decoded.bytes)
        }
        Err(error) => {
            let offset = match &error {
                base64url::Base64UrlError::InvalidCharacter { offset, .. }
                | base64url::Base64UrlError::MisplacedPadding { offset } => Some(*offset),
                _ => None,
            };
            d.error(
                TokenErrorId::Base64UrlInvalid,
                segment,
                offset,
                format!("The {segment} segment is not base64url: {error}."),
            );
            None
        }
    }
}

/// Parses a header or payload as a JSON object, recording what is wrong.
fn parse_json_object(d: &mut Decoded, segment: Segment, bytes: &[u8]) -> Option<Value> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            d.error(TokenErrorId::NotUtf8, segment, Some(at), format!("The {segment} is not UTF-8: byte 0x{:02X} at offset {at} cannot start or continue a character.", bytes[at]));
            if segment == Segment::Payload {
                d.payload_text = Some(String::from_utf8_lossy(bytes).into_owned());
            }
            return None;
        }
    };
    match json::parse(text) {
        Ok(parsed) => {
            for dup in &parsed.duplicates {
                let place = if dup.object_pointer.is_empty() {
                    String::new()
                } else {
                    format!(" (in {})", dup.object_pointer)
                };
                d.finding(FindingId::DuplicateMember, format!("The {segment} has the member \"{}\" more than once{place}: libraries disagree on which copy counts (serde_json and most keep the last, some the first), so two services can read different claims from this one token.", dup.name));
            }
            if let Some(tolerated) = &parsed.tolerated {
                d.finding(FindingId::NotStrictJson, format!("The {segment} is not strict JSON: {tolerated}. It is shown as if the comma were absent; a strict parser rejects it."));
            }
            match parsed.value {
                Value::Object(_) => Some(parsed.value),
                other => {
                    let expected = if segment == Segment::Header {
                        "RFC 7515 §4"
                    } else {
                        "RFC 7519 §7.2"
                    };
                    d.error(TokenErrorId::NotAnObject, segment, None, format!("The {segment} is JSON but {}, not an object ({expected} requires an object).", json::type_name(&other)));
                    if segment == Segment::Payload {
                        d.payload_text = Some(text.to_string());
                    }
                    None
                }
            }
        }
        Err(error) => {
            let id = match error.kind {
                JsonErrorKind::Truncated => TokenErrorId::JsonTruncated,
                JsonErrorKind::TooDeep => TokenErrorId::JsonTooDeep,
                _ => TokenErrorId::JsonSyntax,
            };
            d.error(
                id,
                segment,
                Some(error.offset),
                format!("The {segment} is not valid JSON: {error}."),
            );
            if segment == Segment::Payload {
                d.payload_text = Some(text.to_string());
                d.finding(FindingId::PayloadNotJson, "The payload is not a JSON claims set, so this is a JWS but not a JWT (RFC 7519 §7.2 step 10).".into());
            }
            None
        }
    }
}

mod member;

pub use member::{DecodedMember, decode_jws_member};

#[cfg(test)]
mod tests;
