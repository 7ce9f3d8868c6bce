//! The JWS JSON serialization (RFC 7515 §7.2): a JSON object with the
//! payload and, flattened, one signature's `protected`, `header` and
//! `signature` members, or, general, a `signatures` array of them. ACME
//! requests (RFC 8555 §6.2) are flattened JWS, and platform engineers
//! debug them in curl commands.
//!
//! This module reads the structure and names the member that is wrong;
//! [`crate::analysis::decode::decode_jws_member`] decodes each signature.

use crate::analysis::json;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Flattened (RFC 7515 §7.2.2) or general (§7.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Serialization {
    /// One signature, its members beside the payload.
    Flattened,
    /// A `signatures` array.
    General,
}

impl Serialization {
    /// `flattened` or `general`, as the report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Serialization::Flattened => "flattened",
            Serialization::General => "general",
        }
    }
}

/// One signature object: `protected`, `header`, `signature`.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The base64url protected header as carried; empty when absent.
    pub protected: String,
    /// The unprotected header (not signed).
    pub header: Option<Map<String, Value>>,
    /// The base64url signature as carried.
    pub signature: String,
}

/// A JWS JSON document, read.
#[derive(Debug, Clone, PartialEq)]
pub struct JwsJson {
    /// Flattened or general.
    pub serialization: Serialization,
    /// The `payload` member as carried (base64url, or the raw payload with
    /// RFC 7797 `b64: false`); `None` for detached content (RFC 7515
    /// Appendix F).
    pub payload: Option<String>,
    /// The signatures, in order.
    pub signatures: Vec<Member>,
}

/// Whether a JSON object is shaped like a JWS JSON document: a
/// `signatures` array of objects, a `signature` string beside `protected`
/// or `header`, or `protected` beside `payload` (a document missing its
/// signature, which [`read`] then names); and no `ciphertext` (a JWE).
pub fn looks_like(object: &Map<String, Value>) -> bool {
    if object.contains_key("ciphertext") {
        return false;
    }
    let general =
        matches!(object.get("signatures"), Some(Value::Array(s)) if s.iter().all(Value::is_object));
    let string = |name: &str| object.get(name).is_some_and(Value::is_string);
    let flattened = (string("signature")
        && (object.contains_key("protected") || object.contains_key("header")))
        || (string("protected") && string("payload"));
    general || flattened
}

/// Reads a JWS JSON document.
///
/// # Errors
/// A sentence naming the member that is missing or of the wrong type, e.g.
/// "`signatures[1]` has no `signature` member".
pub fn read(object: &Map<String, Value>) -> Result<JwsJson, String> {
    let payload = match object.get("payload") {
        None => None,
        Some(Value::String(p)) => Some(p.clone()),
        Some(other) => {
            return Err(format!(
                "`payload` must be a string (RFC 7515 §7.2.1), found {}",
                json::type_name(other)
            ));
        }
    };
    let (serialization, signatures) = match object.get("signatures") {
        Some(_) if object.contains_key("signature") => {
            return Err("it has both `signatures` (general) and `signature` (flattened); RFC 7515 §7.2.2 allows only one form".into());
        }
        Some(Value::Array(items)) if items.is_empty() => {
            return Err("`signatures` is empty: a JWS needs at least one signature".into());
        }
        Some(Value::Array(items)) => {
            let members = items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::Object(m) => member(m, &format!("signatures[{i}]")),
                    other => Err(format!(
                        "`signatures[{i}]` must be an object, found {}",
                        json::type_name(other)
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?;
            (Serialization::General, members)
        }
        Some(other) => {
            return Err(format!(
                "`signatures` must be an array, found {}",
                json::type_name(other)
            ));
        }
        None => (
            Serialization::Flattened,
            vec![member(object, "the document")?],
        ),
    };
    Ok(JwsJson {
        serialization,
        payload,
        signatures,
    })
}

fn member(object: &Map<String, Value>, place: &str) -> Result<Member, String> {
    let at = |name: &str| {
        if place == "the document" {
            format!("`{name}`")
        } else {
            format!("`{place}.{name}`")
        }
    };
    let signature = match object.get("signature") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(format!(
                "{} must be a base64url string, found {}",
                at("signature"),
                json::type_name(other)
            ));
        }
        None if place == "the document" => {
            return Err("the document has no `signature` member".into());
        }
        None => return Err(format!("`{place}` has no `signature` member")),
    };
    let protected = match object.get("protected") {
        None => String::new(),
        Some(Value::String(p)) => p.clone(),
        Some(other) => {
            return Err(format!(
                "{} must be a base64url string, found {}",
                at("protected"),
                json::type_name(other)
            ));
        }
    };
    let header = match object.get("header") {
        None => None,
        Some(Value::Object(h)) => Some(h.clone()),
        Some(other) => {
            return Err(format!(
                "{} (the unprotected header) must be an object, found {}",
                at("header"),
                json::type_name(other)
            ));
        }
    };
    if protected.is_empty() && header.is_none() {
        return Err(format!(
            "{} has neither `protected` nor `header`, so it names no algorithm",
            if place == "the document" {
                "the document".to_string()
            } else {
                format!("`{place}`")
            }
        ));
    }
    Ok(Member {
        protected,
        header,
        signature,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read_value(v: Value) -> Result<JwsJson, String> {
        read(v.as_object().unwrap())
    }

    #[test]
    fn flattened_and_general_are_read() {
        let flat = read_value(json!({"payload": "e30", "protected": "eyJhbGciOiJIUzI1NiJ9", "header": {"kid": "k"}, "signature": "c2ln"})).unwrap();
        assert_eq!(flat.serialization, Serialization::Flattened);
        assert_eq!(flat.signatures[0].header.as_ref().unwrap()["kid"], "k");
        let general = read_value(json!({"payload": "e30", "signatures": [
            {"protected": "eyJhbGciOiJIUzI1NiJ9", "signature": "c2ln"},
            {"header": {"alg": "HS256"}, "signature": "c2ln"}]}))
        .unwrap();
        assert_eq!(general.serialization, Serialization::General);
        assert_eq!(general.signatures.len(), 2);
        let detached =
            read_value(json!({"protected": "eyJhbGciOiJIUzI1NiJ9", "signature": "c2ln"})).unwrap();
        assert_eq!(detached.payload, None);
    }

    #[test]
    fn errors_name_the_member() {
        let cases = [
            (
                json!({"payload": "e30", "signatures": [{"protected": "eyJ9"}]}),
                "`signatures[0]` has no `signature` member",
            ),
            (
                json!({"payload": "e30", "protected": 5, "signature": "c2ln"}),
                "`protected` must be a base64url string, found a number",
            ),
            (
                json!({"payload": 1, "protected": "eyJ9", "signature": "c2ln"}),
                "`payload` must be a string (RFC 7515 §7.2.1), found a number",
            ),
            (
                json!({"payload": "e30", "signatures": []}),
                "`signatures` is empty: a JWS needs at least one signature",
            ),
            (
                json!({"payload": "e30", "signatures": [{"header": "x", "signature": "c2ln"}]}),
                "`signatures[0].header` (the unprotected header) must be an object, found a string",
            ),
        ];
        for (document, message) in cases {
            assert_eq!(read_value(document).unwrap_err(), message);
        }
    }

    #[test]
    fn shape_is_recognised_and_jwe_is_not() {
        let object = |v: Value| v.as_object().unwrap().clone();
        assert!(looks_like(&object(
            json!({"protected": "x", "payload": "y", "signature": "z"})
        )));
        assert!(looks_like(&object(
            json!({"payload": "y", "signatures": [{"signature": "z"}]})
        )));
        assert!(!looks_like(&object(
            json!({"protected": "x", "ciphertext": "c", "signature": "z"})
        )));
        assert!(!looks_like(&object(json!({"signature": "z"}))));
        let unsigned = object(json!({"protected": "x", "payload": "y"}));
        assert!(looks_like(&unsigned));
        assert_eq!(
            read(&unsigned).unwrap_err(),
            "the document has no `signature` member"
        );
    }
}
