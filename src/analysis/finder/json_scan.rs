//! Finds JSON documents embedded in pasted text (a login response, a curl
//! reply, a HAR excerpt) and the token-bearing strings inside them, at any
//! depth, keeping each token's scalar siblings (`expires_in`, `issued_at`,
//! `token_type`, …) because they say how long the token lives.

use super::shape::{self, Shape};
use crate::analysis::{json, jwe_json, jws_json};
use serde_json::{Map, Value};
use std::ops::Range;

/// Failed parse attempts may read at most this many bytes in total beyond
/// four times the input, so pathological text (10 MB of `{`) stays linear.
const EXTRA_FAILED_PARSE_BUDGET: usize = 64 * 1024;
/// Sibling values longer than this are left out of a token's context.
const MAX_SIBLING_TEXT: usize = 200;
const MAX_SIBLINGS: usize = 16;

/// A string found inside a JSON document that is, or may contain, a token.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonHit {
    /// Byte offset of the document in the scanned text.
    pub document_start: usize,
    /// The string value, unescaped.
    pub value: String,
    /// Dotted path to the value, e.g. `data.token` or `tokens[1]`.
    pub path: String,
    /// Name of the member holding the value (or its array).
    pub key: String,
    pub siblings: Map<String, Value>,
    /// The document looks like an HTTP/OAuth reply rather than any JSON.
    pub reply_like: bool,
    pub role: HitRole,
    /// Where in a known file format the value sits, for people: a HAR
    /// entry's "GET https://… at 2026-…", a Docker config's registry.
    pub place: Option<String>,
    /// The `name` beside a `value` (HAR headers and cookies, many APIs'
    /// name/value pairs): the header the value was sent in.
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitRole {
    /// The value itself is token-shaped.
    Token(Shape),
    /// A token-bearing field (`access_token`, …) holding something that is
    /// not a JWT or Keystone token: an opaque token.
    Opaque,
    /// The value contains a token among other text (`"Bearer eyJ…"`).
    Embedded,
    /// Docker `config.json` Basic credentials (`auths.<host>.auth`): not a
    /// token; the finder notes the host and user, never the password.
    DockerAuth,
}

/// Parsed JSON documents found in the text, and the hits inside them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct JsonScan {
    pub regions: Vec<Range<usize>>,
    pub hits: Vec<JsonHit>,
    /// The text is a HAR or a Docker config.json whose JSON is broken.
    pub broken_file: Option<BrokenFile>,
}

/// A file people paste whole, recognised by its first members, whose JSON
/// does not parse: its tokens are then found by their text alone.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenFile {
    /// "a HAR file", "a Docker config.json".
    pub format: &'static str,
    /// Where and why the JSON breaks (offset into the scanned text).
    pub error: json::JsonError,
}

/// Names the file format a JSON text opens as (by its first 4 KB).
fn file_format(text: &str) -> Option<&'static str> {
    let end = (0..=text.len().min(4096))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let head = &text[..end];
    if head.contains("\"log\"") && (head.contains("\"entries\"") || head.contains("\"creator\"")) {
        Some("a HAR file")
    } else if head.contains("\"auths\"") || head.contains("\"credHelpers\"") {
        Some("a Docker config.json")
    } else {
        None
    }
}

/// "GET https://api.example/orders at 2026-11-29T10:00:00Z" for each entry
/// of a HAR document (`log.entries[]`, W3C HAR 1.2), else none.
fn har_entry_labels(value: &Value) -> Vec<String> {
    let Some(entries) = value.pointer("/log/entries").and_then(Value::as_array) else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|entry| {
            let text = |pointer: &str| {
                entry
                    .pointer(pointer)
                    .and_then(Value::as_str)
                    .unwrap_or("?")
            };
            format!(
                "HAR entry {} {} at {}",
                text("/request/method"),
                text("/request/url"),
                text("/startedDateTime")
            )
        })
        .collect()
}

/// Scans `text` for JSON objects and arrays and collects token hits.
pub fn scan(text: &str) -> JsonScan {
    let bytes = text.as_bytes();
    let mut result = JsonScan::default();
    let mut budget = bytes.len().saturating_mul(4) + EXTRA_FAILED_PARSE_BUDGET;
    let mut i = 0;
    while i < bytes.len() {
        let opens =
            matches!(bytes[i], b'{' | b'[') && (i == 0 || !matches!(bytes[i - 1], b'{' | b'['));
        if !opens {
            i += 1;
            continue;
        }
        match json::parse_prefix(&text[i..]) {
            Ok((parsed, used)) if used > 2 => {
                let reply_like = is_reply_like(&parsed.value);
                let mut walker = Walker {
                    document_start: i,
                    reply_like,
                    hits: &mut result.hits,
                    har_entries: har_entry_labels(&parsed.value),
                    docker_config: parsed.value.get("auths").is_some_and(Value::is_object),
                };
                walker.walk(&parsed.value, &mut String::new(), "", None);
                result.regions.push(i..i + used);
                i += used;
            }
            Ok(_) => i += 1,
            Err(error) => {
                if text[..i].trim().is_empty()
                    && let Some(format) = file_format(&text[i..])
                {
                    let mut error = error.clone();
                    error.offset += i;
                    result.broken_file = Some(BrokenFile { format, error });
                }
                budget = budget.saturating_sub(error.offset.max(1));
                if budget == 0 {
                    break;
                }
                i += 1;
            }
        }
    }
    result
}

/// Field names that conventionally carry tokens (compared without case,
/// `_` or `-`): OAuth 2.0 (RFC 6749 §5.1), OpenID Connect, RFC 8693 token
/// exchange, RFC 7523 assertions, and registry / Keystone conventions.
fn is_token_field(name: &str) -> bool {
    let folded: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-'))
        // The names compared are ASCII: ASCII folding keeps Unicode's case
        // tables out of the page's download.
        .map(|c| c.to_ascii_lowercase())
        .collect();
    matches!(
        folded.as_str(),
        "token"
            | "accesstoken"
            | "idtoken"
            | "refreshtoken"
            | "jwt"
            | "assertion"
            | "clientassertion"
            | "subjecttoken"
            | "actortoken"
            | "logouttoken"
            | "identitytoken"
            | "authtoken"
            | "sessiontoken"
            | "bearertoken"
            | "apitoken"
            | "xauthtoken"
            | "xsubjecttoken"
            | "registrytoken"
    )
}

/// Members that hold credentials, never copied into a token's context
/// (Docker's `auth` is base64 of user:password).
fn is_credential_field(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "auth" | "password" | "passwd" | "secret" | "client_secret" | "private_key"
    )
}

fn is_reply_like(value: &Value) -> bool {
    const REPLY_MEMBERS: [&str; 5] = [
        "token_type",
        "expires_in",
        "issued_at",
        "expires_at",
        "refresh_expires_in",
    ];
    value
        .as_object()
        .is_some_and(|o| REPLY_MEMBERS.iter().any(|m| o.contains_key(*m)))
}

struct Walker<'a> {
    document_start: usize,
    reply_like: bool,
    hits: &'a mut Vec<JsonHit>,
    /// Labels of a HAR document's entries, by index.
    har_entries: Vec<String>,
    /// The document is a Docker `config.json` (`auths` by registry host).
    docker_config: bool,
}

impl Walker<'_> {
    fn walk(
        &mut self,
        value: &Value,
        path: &mut String,
        key: &str,
        parent: Option<&Map<String, Value>>,
    ) {
        match value {
            Value::String(s) => self.visit_string(s, path, key, parent),
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{index}]"));
                    self.walk(item, path, key, None);
                    path.truncate(len);
                }
            }
            // A JWS JSON document is one token: its members are not
            // searched (its `protected` header is no token fragment).
            Value::Object(members)
                if jws_json::looks_like(members) || jwe_json::looks_like(members) =>
            {
                let shape = if jws_json::looks_like(members) {
                    Shape::JwsJson
                } else {
                    Shape::JweJson
                };
                self.hits.push(JsonHit {
                    document_start: self.document_start,
                    value: value.to_string(),
                    path: path.clone(),
                    key: key.to_string(),
                    siblings: parent.map(|p| siblings_of(p, key)).unwrap_or_default(),
                    reply_like: self.reply_like,
                    role: HitRole::Token(shape),
                    place: self.place(path),
                    name: None,
                });
            }
            Value::Object(members) => {
                for (name, member) in members {
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                    self.walk(member, path, name, Some(members));
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// Where `path` sits in a known file format.
    fn place(&self, path: &str) -> Option<String> {
        if self.docker_config {
            let host = path.strip_prefix("auths.")?.rsplit_once('.')?.0;
            return Some(format!("Docker config.json, registry {host}"));
        }
        let index: usize = path
            .strip_prefix("log.entries[")?
            .split(']')
            .next()?
            .parse()
            .ok()?;
        self.har_entries.get(index).cloned()
    }

    fn visit_string(
        &mut self,
        s: &str,
        path: &str,
        key: &str,
        parent: Option<&Map<String, Value>>,
    ) {
        let trimmed = s.trim();
        let name = (key == "value")
            .then(|| parent.and_then(|p| p.get("name")).and_then(Value::as_str))
            .flatten()
            .map(str::to_string);
        let role = if self.docker_config && key == "auth" && path.starts_with("auths.") {
            HitRole::DockerAuth
        } else if let Some(shape) = shape::shape_of(trimmed) {
            HitRole::Token(shape)
        } else if is_token_field(key) && looks_like_opaque_token(trimmed) {
            HitRole::Opaque
        } else if might_embed_token(trimmed) {
            HitRole::Embedded
        } else {
            return;
        };
        let value = if matches!(role, HitRole::Embedded) {
            s
        } else {
            trimmed
        };
        self.hits.push(JsonHit {
            document_start: self.document_start,
            value: value.to_string(),
            path: path.to_string(),
            key: key.to_string(),
            siblings: parent.map(|p| siblings_of(p, key)).unwrap_or_default(),
            reply_like: self.reply_like,
            role,
            place: self.place(path),
            name,
        });
    }
}

fn looks_like_opaque_token(value: &str) -> bool {
    value.len() >= 16 && value.bytes().all(|b| b.is_ascii_graphic())
}

fn might_embed_token(value: &str) -> bool {
    value.len() >= 20
        && ["ey", "ew", "MII", "gAAAAA", "PKIZ_"]
            .iter()
            .any(|start| value.contains(start))
}

/// Scalar members beside the token, without other tokens.
fn siblings_of(parent: &Map<String, Value>, key: &str) -> Map<String, Value> {
    parent
        .iter()
        .filter(|(name, value)| {
            name.as_str() != key
                && !is_token_field(name)
                && !is_credential_field(name)
                && match value {
                    Value::String(s) => s.len() <= MAX_SIBLING_TEXT && shape::shape_of(s).is_none(),
                    Value::Number(_) | Value::Bool(_) | Value::Null => true,
                    _ => false,
                }
        })
        .take(MAX_SIBLINGS)
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWT: &str =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";

    #[test]
    fn login_response_tokens_keep_their_siblings() {
        let text = format!(
            r#"HTTP/1.1 200 OK

{{"access_token":"{JWT}","id_token":"{JWT}","refresh_token":"v1.MRrT9x8Q2k3Lp0aZ","expires_in":86400,"token_type":"Bearer"}}"#
        );
        let scan = scan(&text);
        assert_eq!(scan.hits.len(), 3);
        assert_eq!(scan.hits[0].path, "access_token");
        assert_eq!(scan.hits[1].role, HitRole::Token(Shape::Compact));
        assert_eq!(scan.hits[2].role, HitRole::Opaque);
        let siblings = &scan.hits[1].siblings;
        assert_eq!(siblings["expires_in"], 86400);
        assert_eq!(siblings["token_type"], "Bearer");
        assert!(!siblings.contains_key("refresh_token"));
        assert!(scan.hits[0].reply_like);
    }

    #[test]
    fn tokens_at_any_depth_get_a_dotted_path() {
        let text = format!(r#"{{"data":{{"items":[{{"jwt":"{JWT}"}}]}}}}"#);
        assert_eq!(scan(&text).hits[0].path, "data.items[0].jwt");
    }

    #[test]
    fn header_values_inside_json_are_embedded_hits() {
        let text = format!(r#"{{"headers":{{"Authorization":"Bearer {JWT}"}}}}"#);
        let hit = &scan(&text).hits[0];
        assert_eq!(hit.role, HitRole::Embedded);
        assert_eq!(hit.key, "Authorization");
    }

    #[test]
    fn placeholder_values_are_not_tokens() {
        let text = r#"{"access_token": "...", "id_token": "...", "refresh_token": "..."}"#;
        assert!(scan(text).hits.is_empty());
    }

    #[test]
    fn deep_nesting_and_brace_floods_end_quickly_with_nothing_found() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(scan(&deep).hits.is_empty());
        let flood = "{ ".repeat(500_000);
        assert!(scan(&flood).hits.is_empty());
    }

    #[test]
    fn region_covers_the_document() {
        let text = format!(r#"reply: {{"token":"{JWT}"}} done"#);
        let scan = scan(&text);
        assert_eq!(
            &text[scan.regions[0].clone()],
            format!(r#"{{"token":"{JWT}"}}"#)
        );
    }
}
