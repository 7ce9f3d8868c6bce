//! Finds token-shaped runs in free text, joining tokens that a terminal,
//! an e-mail or a document wrapped over several lines.
//!
//! Joining is decided by what is *incomplete*: a header or payload segment
//! that does not yet decode to a JSON object, a JWE with fewer than five
//! segments, or a signature shorter than its algorithm produces. A complete
//! token followed by an unrelated word on the next line is left alone.

use super::shape::{self, Shape, is_compact_char};
use crate::analysis::base64url;
use serde_json::Value;

/// Beyond this many wrapped lines a run is not joined further: each join
/// re-decodes the last segment, and no real token is this long.
const MAX_JOINED_LINES: usize = 1_000;

/// A token-shaped run found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte range in the scanned text (covering any joined lines).
    pub start: usize,
    pub end: usize,
    /// The token with line breaks and indentation removed.
    pub text: String,
    pub kind: CandidateKind,
    /// Number of line breaks removed to form `text`.
    pub lines_joined: usize,
    /// Where the line holding `start` starts.
    pub line_start: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    Token(Shape),
    /// Base64 DER that is not a Keystone token: a key or certificate.
    ForeignDer,
}

/// Scans `text` for candidates, left to right, without overlaps.
pub fn scan(text: &str) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // The start of the current line, kept as the scan goes: searching back
    // for it from each candidate cost a 50 MB one-line HAR seconds.
    let mut line_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            line_start = i + 1;
        }
        let starts_here = matches!(bytes[i], b'e' | b'M' | b'P' | b'g')
            && (i == 0 || !super::is_run_char(bytes[i - 1]));
        if !starts_here {
            i += 1;
            continue;
        }
        match try_compact(text, i, line_start).or_else(|| try_keystone(text, i, line_start)) {
            Some(candidate) => {
                // Lines joined into the candidate move the line on.
                if let Some(newline) = text[i..candidate.end].rfind('\n') {
                    line_start = i + newline + 1;
                }
                i = candidate.end;
                found.push(candidate);
            }
            None => i += 1,
        }
    }
    found
}

fn try_compact(text: &str, start: usize, line_start: usize) -> Option<Candidate> {
    let rest = &text[start..];
    if !(rest.starts_with("ey") || rest.starts_with("ew")) {
        return None;
    }
    let mut end = run_end(text, start, is_compact_char);
    let mut token = text[start..end].to_string();
    let mut lines_joined = 0;
    // Terminal or editor wrapping at a fixed column: once a line as wide as
    // the first follows it, the wrapping is certain and the next lines are
    // joined even where the token already looks complete (a signature cut
    // at a plausible length).
    let width = end - line_start;
    let mut wrapped = false;
    // The width of the last line joined: when the first line is shorter (a
    // prefix such as `&id_token=` before the token), two continuation
    // lines of equal width show the wrapping column instead.
    let mut last_joined_width: Option<usize> = None;
    while let Some((next_start, next_end)) = next_line_run(text, end, is_compact_char) {
        if lines_joined == MAX_JOINED_LINES {
            break;
        }
        if token.ends_with('.') {
            // A segment ended with its line: the next segment's lines are
            // judged afresh (its first line is where the wrapping resumes).
            wrapped = false;
            last_joined_width = None;
        }
        let next = &text[next_start..next_end];
        let next_width = line_width(text, end, next_end);
        let full_width = (width >= MIN_WRAP_WIDTH && next_width == width)
            || last_joined_width.is_some_and(|w| w >= MIN_WRAP_WIDTH && next_width == w);
        let continues = if token.ends_with('.') || next.starts_with('.') {
            true
        } else if wrapped || full_width {
            // A wrapped line may begin `eyJ` inside a payload (a nested
            // object's encoding): only a whole token ends here.
            !starts_new_token(next) || !is_complete(&token)
        } else {
            continues_on_next_line(&token, next)
        };
        if !continues {
            break;
        }
        wrapped |= full_width;
        // A short line ending a segment lets the next segment follow, unless
        // the token is then a whole unsecured JWT (`header.payload.`).
        let ends_segment = next.ends_with('.') && !is_whole_unsecured(&format!("{token}{next}"));
        if wrapped && !full_width && !ends_segment {
            // The short last line of a fixed-width block ends it (unless it
            // ends a segment: the next segment follows on the next line).
            token.push_str(next);
            end = next_end;
            lines_joined += 1;
            break;
        }
        token.push_str(next);
        end = next_end;
        lines_joined += 1;
        last_joined_width = Some(next_width);
    }
    if text[line_start..start].trim().is_empty() {
        // A token that starts its line is taken whole: characters glued to
        // its end belong to it, and make it malformed rather than shorter.
        extend_to_whitespace(text, &mut token, &mut end);
    } else {
        strip_sentence_dot(&mut token, &mut end);
    }
    let segments: Vec<&str> = token.split('.').collect();
    let header_ok = shape::starts_like_json_object(segments[0]);
    let plausible = match segments.len() {
        1 => json_object_of(segments[0]).is_some(),
        2 => json_object_of(segments[0]).is_some(),
        _ => json_object_of(segments[0]).is_some() || segments[0].len() >= 12,
    };
    (header_ok && plausible).then_some(Candidate {
        start,
        end,
        text: token,
        kind: CandidateKind::Token(Shape::Compact),
        lines_joined,
        line_start,
    })
}

/// Appends characters glued to the run (up to whitespace or a closing
/// delimiter), so `eyJ….sig?` is read as a malformed token, not a valid one.
fn extend_to_whitespace(text: &str, token: &mut String, end: &mut usize) {
    let rest = &text[*end..];
    let glued = rest
        .find(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\'' | ',' | ';' | ')' | ']' | '}' | '>' | '&' | '<'
                )
        })
        .unwrap_or(rest.len());
    token.push_str(&rest[..glued]);
    *end += glued;
}

/// A final `.` that only ends a sentence ("… the token is eyJ….").
fn strip_sentence_dot(token: &mut String, end: &mut usize) {
    let dots = token.matches('.').count();
    if token.ends_with('.') && dots != 2 {
        token.pop();
        *end -= 1;
    }
}

fn try_keystone(text: &str, start: usize, line_start: usize) -> Option<Candidate> {
    let rest = &text[start..];
    let (allowed, min_len): (fn(u8) -> bool, usize) = if rest.starts_with("MII") {
        (
            |b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'/' | b'='),
            60,
        )
    } else if rest.starts_with("PKIZ_") {
        (|b| base64url::is_base64url_char(b), 20)
    } else if rest.starts_with("gAAAAA") {
        (|b| base64url::is_base64url_char(b) || b == b'=', 98)
    } else {
        return None;
    };
    let (token, end, lines_joined) = join_fixed_width(text, start, allowed);
    if token.len() < min_len {
        return None;
    }
    let kind = match shape::shape_of(&token) {
        Some(shape @ (Shape::KeystonePki | Shape::KeystonePkiz | Shape::Fernet)) => {
            CandidateKind::Token(shape)
        }
        _ if shape::is_other_der(&token) => CandidateKind::ForeignDer,
        _ => return None,
    };
    Some(Candidate {
        start,
        end,
        text: token,
        kind,
        lines_joined,
        line_start,
    })
}

/// Joins lines of equal length (PEM-style wrapping at a fixed column).
fn join_fixed_width(text: &str, start: usize, allowed: fn(u8) -> bool) -> (String, usize, usize) {
    let mut end = run_end(text, start, allowed);
    let mut token = text[start..end].to_string();
    let width = end - start;
    let mut last_width = width;
    let mut joined = 0;
    while width >= 40 && last_width == width && joined < MAX_JOINED_LINES {
        let Some((next_start, next_end)) = next_line_run(text, end, allowed) else {
            break;
        };
        token.push_str(&text[next_start..next_end]);
        last_width = next_end - next_start;
        end = next_end;
        joined += 1;
    }
    (token, end, joined)
}

fn run_end(text: &str, from: usize, allowed: impl Fn(u8) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut end = from;
    while end < bytes.len() && allowed(bytes[end]) {
        end += 1;
    }
    end
}

/// If `at` is at the end of a line (only spaces before the break) and the
/// next line, after indentation, holds only a run of allowed characters
/// (optionally followed by a closing quote or punctuation), that run.
fn next_line_run(
    text: &str,
    at: usize,
    allowed: impl Fn(u8) -> bool + Copy,
) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    match bytes.get(i..) {
        Some([b'\r', b'\n', ..]) => i += 2,
        Some([b'\n', ..]) => i += 1,
        _ => return None,
    }
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'>') {
        i += 1;
    }
    let run_start = i;
    let run_stop = run_end(text, run_start, allowed);
    if run_stop == run_start {
        return None;
    }
    let after = bytes.get(run_stop).copied();
    let line_ends_cleanly = matches!(
        after,
        None | Some(
            b'\r'
                | b'\n'
                | b' '
                | b'\t'
                | b'"'
                | b'\''
                | b','
                | b'}'
                | b']'
                | b')'
                | b';'
                | b'&'
                | b'`'
        )
    );
    line_ends_cleanly.then_some((run_start, run_stop))
}

/// Narrower lines are not taken for fixed-column wrapping.
const MIN_WRAP_WIDTH: usize = 40;

/// The width of the line that ends at `end`, from its start, which lies
/// after `from` (a line break comes between them).
fn line_width(text: &str, from: usize, end: usize) -> usize {
    end - text[from..end].rfind('\n').map_or(from, |i| from + i + 1)
}

/// `header.payload.` whose header says `alg` `none`: complete as it is.
fn is_whole_unsecured(token: &str) -> bool {
    let segments: Vec<&str> = token.split('.').collect();
    segments.len() == 3
        && segments[2].is_empty()
        && json_object_of(segments[0]).is_some_and(|header| {
            header
                .get("alg")
                .and_then(|a| a.as_str())
                .is_some_and(|a| a.eq_ignore_ascii_case("none"))
        })
}

/// A run that begins another compact token (`eyJ…` with a dot).
fn starts_new_token(next: &str) -> bool {
    shape::starts_like_json_object(next.split('.').next().unwrap_or("")) && next.contains('.')
}

/// Decides whether `next` (the run on the following line) continues `token`.
fn continues_on_next_line(token: &str, next: &str) -> bool {
    if token.ends_with('.') || next.starts_with('.') {
        return true;
    }
    !starts_new_token(next) && !is_complete(token)
}

/// Whether a (possibly partial) compact token already looks whole.
fn is_complete(token: &str) -> bool {
    let segments: Vec<&str> = token.split('.').collect();
    let Some(header) = json_object_of(segments[0]) else {
        return segments.len() > 1;
    };
    let last = segments[segments.len() - 1];
    if header.get("enc").is_some() {
        return segments.len() == 5 && plausible_tag(&header, last);
    }
    match segments.len() {
        1 => true,
        2 => json_object_of(last).is_some(),
        3 => plausible_signature(&header, last),
        _ => true,
    }
}

fn decoded_len(segment: &str) -> Option<usize> {
    (segment.len() % 4 != 1).then_some(segment.len() * 3 / 4)
}

/// Signature lengths in bytes for each JWS `alg` (RFC 7518 §3).
fn plausible_signature(header: &serde_json::Map<String, Value>, signature: &str) -> bool {
    let Some(len) = decoded_len(signature) else {
        return false;
    };
    match header.get("alg").and_then(Value::as_str).unwrap_or("") {
        "HS256" => len >= 32,
        "HS384" => len >= 48,
        "HS512" => len >= 64,
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" => {
            len >= 128 && len.is_multiple_of(64)
        }
        "ES256" | "ES256K" => len >= 64,
        "ES384" => len >= 96,
        "ES512" => len >= 132,
        "EdDSA" | "Ed25519" => len >= 64,
        _ => true,
    }
}

/// Authentication tag lengths for each JWE `enc` (RFC 7518 §5).
fn plausible_tag(header: &serde_json::Map<String, Value>, tag: &str) -> bool {
    let Some(len) = decoded_len(tag) else {
        return false;
    };
    match header.get("enc").and_then(Value::as_str).unwrap_or("") {
        "A128GCM" | "A192GCM" | "A256GCM" | "A128CBC-HS256" => len >= 16,
        "A192CBC-HS384" => len >= 24,
        "A256CBC-HS512" => len >= 32,
        _ => true,
    }
}

/// Decodes a segment into a JSON object, if it is one.
fn json_object_of(segment: &str) -> Option<serde_json::Map<String, Value>> {
    let bytes = base64url::decode_segment(segment).ok()?.bytes;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HS256: &str =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";

    fn texts(input: &str) -> Vec<String> {
        scan(input).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn bare_token_is_found_with_its_range() {
        let input = format!("token: {HS256}\n");
        let found = scan(&input);
        assert_eq!(found.len(), 1);
        assert_eq!(&input[found[0].start..found[0].end], HS256);
    }

    /// Found by tests/roundtrip.rs: an RS256 token wrapped at 76 columns
    /// whose first break leaves a 192-byte signature (RSA-1536's length)
    /// and whose payload has a line that begins `eyJ` (a nested object).
    #[test]
    fn fixed_column_wrapping_is_joined_whatever_the_break_looks_like() {
        let header = crate::analysis::base64url::encode(
            br#"{"alg":"RS256","typ":"JWT","kid":"0a0-a0-a-A-aaa"}"#,
        );
        let payload = crate::analysis::base64url::encode(br#"{"A_":{"_":null}}"#);
        let signature: Vec<u8> = (0..=255).collect();
        let token = format!(
            "{header}.{payload}.{}",
            crate::analysis::base64url::encode(&signature)
        );
        for width in [64, 76, 80] {
            let wrapped: Vec<&str> = token
                .as_bytes()
                .chunks(width)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect();
            assert_eq!(
                texts(&wrapped.join("\n")),
                std::slice::from_ref(&token),
                "at {width} columns"
            );
        }
    }

    #[test]
    fn token_wrapped_in_the_signature_is_joined() {
        let (a, b) = HS256.split_at(HS256.len() - 10);
        let found = scan(&format!("{a}\n   {b}\nDone"));
        assert_eq!(found[0].text, HS256);
        assert_eq!(found[0].lines_joined, 1);
    }

    #[test]
    fn token_wrapped_in_the_payload_is_joined() {
        let (a, b) = HS256.split_at(25);
        assert_eq!(texts(&format!("\"{a}\n{b}\"")), [HS256]);
    }

    #[test]
    fn a_word_after_a_complete_token_is_not_joined() {
        assert_eq!(texts(&format!("{HS256}\nDone")), [HS256]);
    }

    #[test]
    fn two_tokens_on_consecutive_lines_stay_apart() {
        assert_eq!(texts(&format!("{HS256}\n{HS256}")), [HS256, HS256]);
    }

    #[test]
    fn sentence_full_stop_is_not_part_of_the_token() {
        assert_eq!(texts(&format!("The token is {HS256}.")), [HS256]);
        assert_eq!(texts(&format!("Is it {HS256}?")), [HS256]);
    }

    #[test]
    fn characters_glued_to_a_token_alone_on_its_line_are_kept() {
        assert_eq!(texts(&format!("{HS256}.")), [format!("{HS256}.")]);
        assert_eq!(texts(&format!("  {HS256}?\n")), [format!("{HS256}?")]);
        assert_eq!(texts(&format!("{HS256}\",")), [HS256]);
    }

    #[test]
    fn header_only_fragment_is_found() {
        assert_eq!(
            texts("hdr eyJhbGciOiJIUzI1NiJ9 ok"),
            ["eyJhbGciOiJIUzI1NiJ9"]
        );
    }

    #[test]
    fn words_that_begin_with_ey_are_ignored() {
        assert!(scan("eyes and eyebrows; they are eyeing ewes.").is_empty());
        assert!(scan(&".".repeat(10_000)).is_empty());
    }

    #[test]
    fn token_inside_a_word_is_not_split_out() {
        assert!(scan(&format!("x{HS256}")).is_empty());
    }

    #[test]
    fn fernet_and_pem_style_wrapped_der_are_found() {
        let fernet = "gAAAAABhi1cMynG89h8t6TJrxNiZuNzjcIUIxNctoVfuqTw7BpUedLKxjPymClVEnj9GhIT5u2mpjaJATlEAtaa3D6_t8jk_fV-mqo2IUlsmTPTnMwkcjh5FSHQVRdqvDxgY3nSqLA_Hfv-zPmjS5KWX3hmyDE5YWO1ztX6QNVQb4wTPyNL1-7I";
        let found = scan(&format!("X-Auth-Token: {fernet}"));
        assert_eq!(found[0].kind, CandidateKind::Token(Shape::Fernet));
        let key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsybUYxu3TXxXAgG/Eq72\ntKxE7xhGFgL14g5OGryDtE5dBL8frAoSsI4D7tSKR2pLbOlT68YJbYLUHxoju0E/\nNB9htjKE";
        let found = scan(key);
        assert_eq!(found[0].kind, CandidateKind::ForeignDer);
        assert_eq!(found[0].lines_joined, 2);
    }
}
