//! Finds every token in whatever a person pastes: bare tokens, header
//! lines, curl commands, JSON replies at any depth, PEM-printed Keystone
//! tokens, wrapped and shell-continued lines. Each token records where it
//! came from, in words.

mod claimed;
mod context;
mod json_scan;
mod normalise;
pub mod shape;
mod text_scan;

use crate::analysis::pem::{self, PemMeaning};
use crate::analysis::vocab::{NoticeId, Severity, SourceKind};
use claimed::Claimed;
use json_scan::HitRole;
use normalise::Normalised;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
pub use shape::Shape;
use text_scan::CandidateKind;

/// Embedded strings (a JSON value holding a header line holding a token)
/// are searched this many levels deep.
const MAX_EMBEDDING_DEPTH: usize = 3;

/// Where a token was found, for a person and for scripts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Where the token was found, as a category (docs/report.md, "Source
    /// kinds").
    pub kind: SourceKind,
    /// "id_token field of a JSON reply", "Authorization header, DC/OS token= scheme", …
    pub description: String,
    /// 1-based line of the paste where the token starts.
    pub line: usize,
    /// Header, parameter or variable name, or the JSON path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Scalar members next to the token in its JSON object (`expires_in`, …).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub context: Map<String, Value>,
    /// How the token text was cleaned, and other occurrences of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A token found in the paste, before decoding.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundToken {
    /// The token as found, with wrapping and line continuations removed.
    pub text: String,
    /// `None` for an opaque value of a token-bearing JSON field.
    pub shape: Option<Shape>,
    /// Where in the paste it was found, for the report's `source`.
    pub source: Source,
    /// Offset in the cleaned paste, for ordering.
    offset: usize,
}

/// A message about the paste as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// What was noticed, as a stable id (docs/report.md, "Notices").
    pub id: NoticeId,
    /// How much it matters: `info`, or `high` for a pasted private key.
    pub severity: Severity,
    /// The notice in words, for a person.
    pub message: String,
}

/// Every token found, and what was noticed about the paste.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FindResult {
    /// Each distinct token once, in paste order; further places where the
    /// same text appears are listed in its `source.notes`.
    pub tokens: Vec<FoundToken>,
    /// What was noticed about the paste as a whole (empty input, no token,
    /// a key pasted where tokens go).
    pub notices: Vec<Notice>,
}

/// Characters that can belong to a token-like run; a token must not be
/// glued to one of these on its left.
pub(crate) fn is_run_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

/// Finds every token in `input`.
pub fn find_tokens(input: &str) -> FindResult {
    let mut result = FindResult::default();
    if input.trim().is_empty() {
        result.notices.push(Notice {
            id: NoticeId::InputEmpty,
            severity: Severity::Info,
            message: "Paste a token, an Authorization header, a curl command with its reply, or a JSON login response.".into(),
        });
        return result;
    }
    let normalised = Normalised::new(input);
    let mut search = Search {
        normalised: &normalised,
        tokens: Vec::new(),
        notices: Vec::new(),
        json_cursor: None,
    };
    search.scan(&normalised.text, 0, None);
    if normalised.joined_inside_runs > 0 {
        for token in &mut search.tokens {
            token
                .source
                .notes
                .push("shell line continuations (\\ at the end of a line) were removed".into());
        }
    }
    result.tokens = merge_duplicates(search.tokens);
    result.notices = search.notices;
    if result.tokens.is_empty() {
        result.notices.push(nothing_found(input));
    }
    result
}

/// Where the current text sits: top level, or a string inside JSON.
#[derive(Clone)]
struct Embedding {
    depth: usize,
    /// Offset of the enclosing JSON document in the cleaned paste.
    offset: usize,
    /// Appended to descriptions: " inside the headers.Authorization field of a JSON document".
    suffix: String,
}

/// A line with at most this many bytes before a token is read whole for
/// its context (a `Cookie:` header of many cookies fits).
const WHOLE_LINE_CONTEXT: usize = 16 * 1024;
/// Of a longer line, the bytes before a token its context is read from.
const CONTEXT_WINDOW: usize = 512;

struct Search<'a> {
    normalised: &'a Normalised,
    tokens: Vec<FoundToken>,
    notices: Vec<Notice>,
    /// Where the last JSON value was found — (text, document start, end of
    /// the value) — so the next value of the same document is looked for
    /// after it: hits come in document order, and searching each from the
    /// document's start made a reply of n tokens cost O(n²).
    json_cursor: Option<(usize, usize, usize)>,
}

impl Search<'_> {
    fn scan(&mut self, text: &str, depth: usize, embedding: Option<&Embedding>) {
        let mut pem_blocks = Vec::new();
        for block in pem::blocks(text).into_iter().filter(|b| b.complete) {
            self.pem_block(text, &block, embedding);
            pem_blocks.push(block.range);
        }
        let json = json_scan::scan(text);
        if depth == 0
            && let Some(broken) = &json.broken_file
        {
            self.broken_file(text, broken);
        }
        let mut taken = Claimed::new(pem_blocks);
        for hit in &json.hits {
            if !taken.contains(hit.document_start) {
                self.json_hit(text, hit, depth, embedding);
            }
        }
        for region in json.regions {
            taken.push(region);
        }
        for candidate in text_scan::scan(text) {
            if taken.contains(candidate.start) {
                continue;
            }
            taken.push(candidate.start..candidate.end);
            self.text_candidate(text, &candidate, embedding);
        }
        self.keystone_header_values(text, &taken, embedding);
    }

    /// A HAR or config.json that does not parse is still scanned as text;
    /// the notice says which format and where its JSON breaks.
    fn broken_file(&mut self, text: &str, broken: &json_scan::BrokenFile) {
        let (line, column) = crate::analysis::json::line_column(text, broken.error.offset);
        self.notices.push(Notice {
            id: NoticeId::FileStructure,
            severity: Severity::Info,
            message: format!(
                "This looks like {}, but its JSON breaks at line {line}, column {column} ({}): its tokens were found by their text, without the names its structure would give them.",
                broken.format, broken.error.problem
            ),
        });
    }

    /// Docker `config.json` Basic credentials: a notice naming the registry
    /// and the user, never the password.
    fn docker_credentials(&mut self, hit: &json_scan::JsonHit, line: usize) {
        use base64::Engine;
        let host = hit.place.clone().unwrap_or_default();
        let decoded = crate::analysis::base64url::STANDARD_ANY_PADDING.decode(hit.value.trim());
        let message = match decoded.as_deref().map(String::from_utf8_lossy) {
            Ok(credentials) => match credentials.split_once(':') {
                Some((user, _password)) => format!(
                    "Line {line}: {host} holds Basic credentials for user \"{user}\" (base64 of user:password, not a token); the password is not shown. docker login stores it so; anyone who reads the file can log in as that user."
                ),
                None => format!(
                    "Line {line}: {host} holds an `auth` value that decodes but has no `user:password` colon."
                ),
            },
            Err(error) => format!(
                "Line {line}: {host} holds an `auth` value that is not base64 ({error}); docker login writes base64 of user:password there."
            ),
        };
        self.notices.push(Notice {
            id: NoticeId::DockerCredentials,
            severity: Severity::High,
            message,
        });
    }

    /// A value in an `X-Auth-Token` or `X-Subject-Token` header is never "no
    /// token": what no other scan took (a 32-hex UUID token, a value too
    /// short to look like anything) is kept as an opaque token from that
    /// header.
    fn keystone_header_values(
        &mut self,
        text: &str,
        taken: &Claimed,
        embedding: Option<&Embedding>,
    ) {
        for name in ["x-auth-token", "x-subject-token"] {
            for at in find_ignoring_ascii_case(text, name) {
                let after = &text[at + name.len()..];
                let Some(rest) = after.trim_start_matches([' ', '\t']).strip_prefix(':') else {
                    continue;
                };
                let value_at = text.len() - rest.trim_start_matches([' ', '\t']).len();
                let value: &str = text[value_at..]
                    .split(|c: char| c.is_whitespace() || matches!(c, '\'' | '"' | ','))
                    .next()
                    .unwrap_or_default();
                // Placeholders (`$OS_TOKEN`, `<token>`, `${TOKEN}`) and
                // prose are no tokens.
                let token_like = value.len() >= 16
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_=+/.".contains(&b));
                if !token_like || taken.contains(value_at) {
                    continue;
                }
                let header = &text[at..at + name.len()];
                let (offset, line) = self.position(value_at, embedding);
                self.tokens.push(FoundToken {
                    text: value.to_string(),
                    shape: None,
                    source: Source {
                        kind: SourceKind::Header,
                        description: format!("{header} header"),
                        line,
                        field: Some(header.to_string()),
                        context: Map::new(),
                        notes: Vec::new(),
                    },
                    offset,
                });
            }
        }
    }

    fn position(&self, offset: usize, embedding: Option<&Embedding>) -> (usize, usize) {
        let absolute = embedding.map_or(offset, |e| e.offset);
        (absolute, self.normalised.line_of(absolute))
    }

    fn text_candidate(
        &mut self,
        text: &str,
        candidate: &text_scan::Candidate,
        embedding: Option<&Embedding>,
    ) {
        let (offset, line) = self.position(candidate.start, embedding);
        let line_start = candidate.line_start;
        let line_text = &text[line_start..];
        let in_curl = context::is_curl_line(line_text);
        // The context is read from the line before the token; of a very
        // long line (a log line, a minified file: many tokens), only from
        // its end, where a header and scheme, `name=`, a flag or a quote
        // would stand. Read whole, 10,000 tokens on one line cost 4.7 s.
        let mut window_start = if candidate.start - line_start <= WHOLE_LINE_CONTEXT {
            line_start
        } else {
            candidate.start - CONTEXT_WINDOW
        };
        while !text.is_char_boundary(window_start) {
            window_start += 1;
        }
        let ctx = context::classify(
            &text[window_start..candidate.start],
            window_start > line_start,
            in_curl,
        );
        let shape = match candidate.kind {
            CandidateKind::Token(shape) => shape,
            // The header names it: a value in X-Auth-Token or
            // X-Subject-Token is a Keystone token, even a truncated one.
            CandidateKind::ForeignDer if context::is_keystone_header(ctx.field.as_deref()) => {
                Shape::KeystonePki
            }
            CandidateKind::ForeignDer => {
                self.notices.push(Notice {
                    id: NoticeId::KeyInTokenInput,
                    severity: Severity::Info,
                    message: format!("Line {line} holds base64 DER that is not a token — it looks like a public key or certificate. Paste keys into the key panel to verify signatures with them."),
                });
                return;
            }
        };
        let mut notes = Vec::new();
        if candidate.lines_joined > 0 {
            notes.push(format!(
                "joined from {} lines (line breaks and indentation removed)",
                candidate.lines_joined + 1
            ));
        }
        let description = match embedding {
            Some(e) => format!("{}{}", ctx.description, e.suffix),
            None => ctx.description,
        };
        self.tokens.push(FoundToken {
            text: candidate.text.clone(),
            shape: Some(shape),
            source: Source {
                kind: ctx.kind,
                description,
                line,
                field: ctx.field,
                context: Map::new(),
                notes,
            },
            offset,
        });
    }

    fn json_hit(
        &mut self,
        text: &str,
        hit: &json_scan::JsonHit,
        depth: usize,
        embedding: Option<&Embedding>,
    ) {
        let document = if hit.reply_like || curl_before(text, hit.document_start) {
            "a JSON reply"
        } else {
            "a JSON document"
        };
        let text_id = text.as_ptr() as usize;
        let from = match self.json_cursor {
            Some((id, start, end))
                if id == text_id && start == hit.document_start && text.is_char_boundary(end) =>
            {
                end
            }
            _ => hit.document_start,
        };
        let within = text[from..]
            .find(hit.value.as_str())
            .map(|i| from + i)
            // A value written with escapes is not found verbatim.
            .or_else(|| {
                (from != hit.document_start)
                    .then(|| text[hit.document_start..from].find(hit.value.as_str()))
                    .flatten()
                    .map(|i| hit.document_start + i)
            });
        if let Some(at) = within {
            self.json_cursor = Some((text_id, hit.document_start, at + hit.value.len()));
        }
        let within = within.unwrap_or(hit.document_start);
        let (offset, line) = self.position(within, embedding);
        let outer = embedding.map_or(String::new(), |e| e.suffix.clone());
        let shape = match hit.role {
            HitRole::Token(shape) => Some(shape),
            HitRole::Opaque => None,
            HitRole::DockerAuth => {
                self.docker_credentials(hit, line);
                return;
            }
            HitRole::Embedded => {
                if depth < MAX_EMBEDDING_DEPTH {
                    // Read "Authorization": "Bearer …" as the header line it
                    // is; a HAR header is {"name": "Authorization", "value": …}.
                    let header = hit.name.as_deref().unwrap_or(&hit.key);
                    let as_line = format!("{header}: {}", hit.value);
                    let place = match &hit.place {
                        Some(place) => format!(" (in {place}){outer}"),
                        None => format!(" (in the {} field of {document}){outer}", hit.path),
                    };
                    let inner = Embedding {
                        depth: depth + 1,
                        offset,
                        suffix: place,
                    };
                    self.scan(&as_line, inner.depth, Some(&inner));
                }
                return;
            }
        };
        let description = match (shape, hit.path.as_str()) {
            (Some(Shape::JwsJson), "") => {
                format!("{document} in the JWS JSON serialization{outer}")
            }
            (Some(Shape::JwsJson), path) => {
                format!("{path} member of {document}, a JWS in the JSON serialization{outer}")
            }
            (Some(Shape::JweJson), "") => {
                format!("{document} in the JWE JSON serialization{outer}")
            }
            (Some(Shape::JweJson), path) => {
                format!("{path} member of {document}, a JWE in the JSON serialization{outer}")
            }
            (_, path) => match (&hit.place, &hit.name) {
                (Some(place), Some(name)) => format!("{name} in {place}{outer}"),
                (Some(place), None) => format!("{path} field in {place}{outer}"),
                _ => format!("{path} field of {document}{outer}"),
            },
        };
        self.tokens.push(FoundToken {
            text: hit.value.clone(),
            shape,
            source: Source {
                kind: SourceKind::JsonField,
                description,
                line,
                field: Some(hit.path.clone()),
                context: hit.siblings.clone(),
                notes: Vec::new(),
            },
            offset,
        });
    }

    fn pem_block(&mut self, text: &str, block: &pem::PemBlock, embedding: Option<&Embedding>) {
        let (offset, line) = self.position(block.range.start, embedding);
        match pem::meaning(&block.label) {
            PemMeaning::KeystoneToken => self.tokens.push(FoundToken {
                // On the wire Keystone writes `/` as `-` (keystoneclient cms.py).
                text: block.body_base64(text).replace('/', "-"),
                shape: Some(Shape::KeystonePki),
                source: Source {
                    kind: SourceKind::PemBlock,
                    description: format!("PEM block labelled {} (a Keystone PKI token)", block.label),
                    line,
                    field: None,
                    context: Map::new(),
                    notes: vec!["PEM armour and line breaks removed; `/` written as `-` as Keystone sends it".into()],
                },
                offset,
            }),
            PemMeaning::PublicKeyOrCertificate => self.notices.push(Notice {
                id: NoticeId::KeyInTokenInput,
                severity: Severity::Info,
                message: format!("Line {line} holds a PEM {} — that is a key, not a token. Paste it into the key panel to verify signatures with it.", block.label),
            }),
            PemMeaning::PrivateKey => self.notices.push(Notice {
                id: NoticeId::PrivateKeyPasted,
                severity: Severity::High,
                message: format!("Line {line} holds a PEM {}. It has not left this page, but a private key should never be pasted anywhere: if it was pasted elsewhere too, treat it as compromised. Verifying needs only the public key.", block.label),
            }),
            PemMeaning::Other => {}
        }
    }
}

/// Whether a curl command appears before `offset` (its reply follows it).
/// Every offset where `needle` (ASCII) stands in `text`, in any letter
/// case, without copying the text (a paste may be megabytes).
fn find_ignoring_ascii_case<'a>(
    text: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let (bytes, needle) = (text.as_bytes(), needle.as_bytes());
    (0..bytes.len().saturating_sub(needle.len() - 1))
        .filter(move |&at| bytes[at..at + needle.len()].eq_ignore_ascii_case(needle))
}

fn curl_before(text: &str, offset: usize) -> bool {
    text[..offset].lines().any(context::is_curl_line)
}

/// At most this many other places are named for one token.
const MAX_OTHER_PLACES: usize = 10;

/// Identical tokens found more than once are listed once, with the other
/// places noted (the first [`MAX_OTHER_PLACES`], then a count).
fn merge_duplicates(mut tokens: Vec<FoundToken>) -> Vec<FoundToken> {
    tokens.sort_by_key(|t| t.offset);
    let mut merged: Vec<FoundToken> = Vec::with_capacity(tokens.len());
    let mut others: Vec<usize> = Vec::with_capacity(tokens.len());
    let mut index_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for token in tokens {
        if let Some(&first) = index_of.get(&token.text) {
            others[first] += 1;
            let kept = &mut merged[first];
            if others[first] <= MAX_OTHER_PLACES {
                kept.source.notes.push(format!(
                    "also found as {} on line {}",
                    token.source.description, token.source.line
                ));
            }
            for (k, v) in token.source.context {
                kept.source.context.entry(k).or_insert(v);
            }
        } else {
            index_of.insert(token.text.clone(), merged.len());
            merged.push(token);
            others.push(0);
        }
    }
    for (token, &count) in merged.iter_mut().zip(&others) {
        if count > MAX_OTHER_PLACES {
            token
                .source
                .notes
                .push(format!("and in {} more places", count - MAX_OTHER_PLACES));
        }
    }
    merged
}

fn nothing_found(input: &str) -> Notice {
    let chars = input.chars().count();
    let unprintable = input
        .chars()
        .filter(|c| (c.is_control() && !c.is_whitespace()) || *c == char::REPLACEMENT_CHARACTER)
        .count();
    let message = if unprintable * 10 > chars {
        format!(
            "No token found. The {chars} characters pasted look like binary data ({unprintable} are not printable); a token is text."
        )
    } else {
        format!(
            "No token found in {chars} characters. A JWT is three base64url parts joined by dots and starts with \"eyJ\"; Keystone tokens start with \"MII\", \"PKIZ_\" or \"gAAAAA\"."
        )
    };
    Notice {
        id: NoticeId::NoTokenFound,
        severity: Severity::Info,
        message,
    }
}
