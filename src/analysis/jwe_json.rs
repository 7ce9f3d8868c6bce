//! The JWE JSON Serialization (RFC 7516 §7.2) as the light analysis reads
//! it: whether a JSON object is one, and its headers shown apart (the
//! protected header decoded, the shared unprotected header, each
//! recipient's own). Decrypting it is `decrypt::json_form`, in the full
//! analysis.

use crate::analysis::base64url;
use crate::analysis::jws_json::Serialization;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Whether a JSON object is shaped like a JWE JSON document: a
/// `ciphertext` string beside `iv`, `protected` or `recipients`, or, with
/// its `ciphertext` missing, `iv` and `tag` beside them (then [`read`]
/// says what is missing).
pub fn looks_like(object: &Map<String, Value>) -> bool {
    let has = |name: &str| object.contains_key(name);
    let beside = has("protected") || has("recipients") || has("encrypted_key");
    (object.get("ciphertext").is_some_and(Value::is_string) && (beside || has("iv")))
        || (!has("ciphertext") && has("iv") && has("tag") && beside)
}

/// One recipient of a JWE JSON document, as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JweRecipient {
    /// Its own unprotected header (`header`), or `null`.
    pub header: Option<Value>,
}

/// The headers of a JWE JSON document, apart.
#[derive(Debug, Clone, PartialEq)]
pub struct JweHeaders {
    /// Flattened (one recipient beside the content) or general.
    pub serialization: Serialization,
    /// The integrity-protected header, decoded (`None` when absent).
    pub protected: Option<Value>,
    /// The shared unprotected header (`unprotected`).
    pub shared: Option<Value>,
    /// Each recipient's own header.
    pub recipients: Vec<JweRecipient>,
}

impl JweHeaders {
    /// The header a recipient's key management reads: the protected,
    /// shared and recipient's own members together (RFC 7516 §7.2.1), for
    /// the first recipient. Shown as the token's header.
    pub fn joined(&self) -> Map<String, Value> {
        let mut joined = Map::new();
        let first = self.recipients.first().and_then(|r| r.header.as_ref());
        for part in [self.protected.as_ref(), self.shared.as_ref(), first]
            .into_iter()
            .flatten()
        {
            if let Value::Object(members) = part {
                for (name, value) in members {
                    joined.entry(name.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        joined
    }
}

/// Reads a JWE JSON document's headers.
///
/// # Errors
/// A sentence naming the member that is not what RFC 7516 §7.2 says.
pub fn read(object: &Map<String, Value>) -> Result<JweHeaders, String> {
    match object.get("ciphertext") {
        Some(Value::String(_)) => {}
        Some(_) => return Err("its `ciphertext` member is not a string".into()),
        None => return Err("it has no `ciphertext` member (RFC 7516 §7.2.1)".into()),
    }
    let protected = match object.get("protected") {
        None => None,
        Some(Value::String(text)) => {
            let bytes = base64url::decode_segment(text)
                .map_err(|e| format!("its `protected` header is not base64url ({e})"))?
                .bytes;
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(value @ Value::Object(_)) => Some(value),
                _ => return Err("its `protected` header is not a JSON object".into()),
            }
        }
        Some(_) => return Err("its `protected` member is not a string".into()),
    };
    let object_or_null = |value: Option<&Value>, name: &str| match value {
        None => Ok(None),
        Some(value @ Value::Object(_)) => Ok(Some(value.clone())),
        Some(_) => Err(format!("its `{name}` member is not a JSON object")),
    };
    let shared = object_or_null(object.get("unprotected"), "unprotected")?;
    let (serialization, recipients) = match object.get("recipients") {
        Some(Value::Array(list)) => {
            let mut recipients = Vec::new();
            for (index, entry) in list.iter().enumerate() {
                let Value::Object(entry) = entry else {
                    return Err(format!("`recipients[{index}]` is not a JSON object"));
                };
                recipients.push(JweRecipient {
                    header: object_or_null(entry.get("header"), "header")?,
                });
            }
            (Serialization::General, recipients)
        }
        Some(_) => return Err("its `recipients` member is not an array".into()),
        None => (
            Serialization::Flattened,
            vec![JweRecipient {
                header: object_or_null(object.get("header"), "header")?,
            }],
        ),
    };
    Ok(JweHeaders {
        serialization,
        protected,
        shared,
        recipients,
    })
}
