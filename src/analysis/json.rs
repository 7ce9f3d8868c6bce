//! JSON for JOSE headers and JWT claims sets, parsed so a reviewer learns
//! more than serde_json alone tells:
//!
//! - duplicate member names are recorded (RFC 7515 §5.2 and RFC 7519 §4
//!   require a parser to reject them or take the last; serde_json silently
//!   keeps the last, so two libraries can read different claims);
//! - member order is preserved for display (serde_json `preserve_order`);
//! - errors carry the byte offset and what was expected;
//! - a trailing comma — the commonest hand-edited mistake — is reported and
//!   then tolerated, so the rest can still be shown.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// How deep serde_json lets a document nest before it refuses (its
/// recursion limit); stated in error messages.
pub const MAX_DEPTH: usize = 128;

/// A member name that occurs more than once in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateMember {
    /// JSON Pointer (RFC 6901) of the object holding the duplicate; "" is the root.
    pub object_pointer: String,
    /// The repeated member name, unescaped.
    pub name: String,
}

/// A parsed document and what was noticed while parsing it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedJson {
    /// The document, members in their original order; of a repeated
    /// member the last copy is kept (RFC 7515 §5.2).
    pub value: Value,
    /// One entry per repeated occurrence of a member name, in the order
    /// the parser met them.
    pub duplicates: Vec<DuplicateMember>,
    /// Set when the document was only readable after removing trailing
    /// commas; holds the error that a strict parser reports.
    pub tolerated: Option<JsonError>,
}

/// What serde_json said, with the position as a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset into the parsed text where the problem was found.
    pub offset: usize,
    /// What went wrong, without serde_json's "at line … column …" suffix.
    pub problem: String,
    /// The class of problem, which picks the report's error id.
    pub kind: JsonErrorKind,
}

/// What kind of problem a [`JsonError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonErrorKind {
    /// Malformed JSON.
    Syntax,
    /// The text ended before the document did.
    Truncated,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A trailing comma (tolerated once reported).
    TrailingComma,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.problem, self.offset)
    }
}

impl std::error::Error for JsonError {}

/// Parses one JSON document that must fill `text` entirely.
///
/// # Errors
/// A [`JsonError`] naming the byte offset and the problem. Trailing commas
/// are not an error: they are reported in [`ParsedJson::tolerated`].
pub fn parse(text: &str) -> Result<ParsedJson, JsonError> {
    match parse_strict(text) {
        Ok((value, duplicates)) => Ok(ParsedJson {
            value,
            duplicates,
            tolerated: None,
        }),
        Err(first) if first.kind == JsonErrorKind::TrailingComma => {
            let repaired = remove_trailing_commas(text);
            let (value, duplicates) = parse_strict(&repaired).map_err(|_| first.clone())?;
            Ok(ParsedJson {
                value,
                duplicates,
                tolerated: Some(first),
            })
        }
        Err(other) => Err(other),
    }
}

/// The 1-based line and column (in characters) of byte `offset` in
/// `text`, as an editor shows them; an offset past the end or inside a
/// character counts from the character boundary before it.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Parses the first JSON value at the start of `text` and returns it with
/// the number of bytes it occupied; used by the token finder to read JSON
/// embedded in other text.
///
/// # Errors
/// The [`JsonError`] for the first problem; `offset` tells how far the
/// parser read.
pub fn parse_prefix(text: &str) -> Result<(ParsedJson, usize), JsonError> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Collected>();
    match stream.next() {
        Some(Ok(Collected(value, duplicates))) => Ok((
            ParsedJson {
                value,
                duplicates,
                tolerated: None,
            },
            stream.byte_offset(),
        )),
        Some(Err(e)) => Err(to_json_error(text, &e)),
        None => Err(JsonError {
            offset: text.len(),
            problem: "no JSON value (the text ends too early)".into(),
            kind: JsonErrorKind::Truncated,
        }),
    }
}

/// A value and its duplicate members, deserializable on its own so that
/// serde_json's `StreamDeserializer` (which knows the bytes consumed) can
/// produce it.
struct Collected(Value, Vec<DuplicateMember>);

impl<'de> de::Deserialize<'de> for Collected {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let duplicates = RefCell::new(Vec::new());
        let value = ValueSeed {
            pointer: String::new(),
            duplicates: &duplicates,
        }
        .deserialize(deserializer)?;
        Ok(Collected(value, duplicates.into_inner()))
    }
}

fn parse_strict(text: &str) -> Result<(Value, Vec<DuplicateMember>), JsonError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let duplicates = RefCell::new(Vec::new());
    let seed = ValueSeed {
        pointer: String::new(),
        duplicates: &duplicates,
    };
    let value = seed
        .deserialize(&mut deserializer)
        .and_then(|v| deserializer.end().map(|()| v))
        .map_err(|e| to_json_error(text, &e))?;
    Ok((value, duplicates.into_inner()))
}

fn to_json_error(text: &str, error: &serde_json::Error) -> JsonError {
    let full = error.to_string();
    let problem = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    };
    let offset = byte_offset(text, error.line(), error.column());
    let kind = if problem.starts_with("trailing comma") {
        JsonErrorKind::TrailingComma
    } else if problem.starts_with("recursion limit exceeded") {
        JsonErrorKind::TooDeep
    } else if error.is_eof() {
        JsonErrorKind::Truncated
    } else {
        JsonErrorKind::Syntax
    };
    let problem = match kind {
        JsonErrorKind::TooDeep => format!("nested deeper than {MAX_DEPTH} levels"),
        JsonErrorKind::Truncated => format!("{problem} (the text ends too early)"),
        _ => problem,
    };
    JsonError {
        offset,
        problem,
        kind,
    }
}

/// serde_json reports 1-based lines and 1-based byte columns (0 before the
/// first byte of a line); turn that into a 0-based byte offset.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// Removes commas that directly precede `}` or `]` (outside strings).
fn remove_trailing_commas(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut keep = vec![true; bytes.len()];
    let mut in_string = false;
    let mut escaped = false;
    let mut last_comma: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                last_comma = None;
            }
            b',' => last_comma = Some(i),
            b'}' | b']' => {
                if let Some(comma) = last_comma.take() {
                    keep[comma] = false;
                }
            }
            b if b.is_ascii_whitespace() => {}
            _ => last_comma = None,
        }
    }
    let kept: Vec<u8> = bytes
        .iter()
        .zip(keep)
        .filter_map(|(&b, k)| k.then_some(b))
        .collect();
    // Only ASCII commas were removed, so this borrows (never replaces).
    String::from_utf8_lossy(&kept).into_owned()
}

/// Builds a `serde_json::Value` while recording duplicate member names.
struct ValueSeed<'a> {
    pointer: String,
    duplicates: &'a RefCell<Vec<DuplicateMember>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ValueSeed {
            pointer: format!("{}/{}", self.pointer, items.len()),
            duplicates: self.duplicates,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            let child = ValueSeed {
                pointer: format!("{}/{}", self.pointer, escape_pointer_token(&name)),
                duplicates: self.duplicates,
            };
            let value = map.next_value_seed(child)?;
            if members.contains_key(&name) {
                self.duplicates.borrow_mut().push(DuplicateMember {
                    object_pointer: self.pointer.clone(),
                    name: name.clone(),
                });
            }
            // Same as serde_json and RFC 7515 §5.2's "lexically last" rule.
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}

/// RFC 6901 §3: `~` becomes `~0` and `/` becomes `~1`.
fn escape_pointer_token(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// "a string", "an object", … for messages that say what a value is
/// instead of what it should be.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub mod relaxed;

#[cfg(test)]
mod tests;
