//! The JWE JSON Serialization (RFC 7516 §7.2): general, with several
//! recipients, and flattened. Each recipient's header is the union of the
//! protected, shared unprotected and per-recipient headers, which must not
//! repeat a member (§7.2.1); the AAD is the encoded protected header, and
//! `.` and the `aad` member when present (§5.1 step 14). The key is tried
//! on every recipient; the one it opens is named.

use super::{DecryptError, Decrypted, DecryptionKey, Sealed, open};
use crate::analysis::base64url;
use crate::analysis::json;
use serde_json::{Map, Value};

/// What the key opened, and for which recipient (0-based; 0 for the
/// flattened form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedJson {
    /// The plaintext and its algorithms.
    pub decrypted: Decrypted,
    /// The recipient whose encrypted key the key opened.
    pub recipient: usize,
}

fn bytes(object: &Map<String, Value>, name: &str) -> Result<Vec<u8>, DecryptError> {
    match object.get(name) {
        None => Ok(Vec::new()),
        Some(Value::String(text)) => base64url::decode_segment(text)
            .map(|d| d.bytes)
            .map_err(|e| DecryptError::NotCompactJwe(format!("\"{name}\" is not base64url ({e})"))),
        Some(_) => Err(DecryptError::NotCompactJwe(format!(
            "\"{name}\" is not a string"
        ))),
    }
}

fn object<'a>(
    parent: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a Map<String, Value>>, DecryptError> {
    match parent.get(name) {
        None => Ok(None),
        Some(Value::Object(members)) => Ok(Some(members)),
        Some(_) => Err(DecryptError::NotCompactJwe(format!(
            "\"{name}\" is not a JSON object"
        ))),
    }
}

/// Decrypts a JWE in the JSON serialization with `key`.
///
/// # Errors
/// Not a JWE JSON object, headers that repeat a member, or the first
/// error of the last recipient tried ([`DecryptError::Failed`] when the
/// key opens none).
pub fn decrypt_json(text: &str, key: &DecryptionKey) -> Result<OpenedJson, DecryptError> {
    let Ok(Value::Object(jwe)) = json::parse(text).map(|p| p.value) else {
        return Err(DecryptError::NotCompactJwe("not a JSON object".into()));
    };
    let protected_b64 = jwe.get("protected").and_then(Value::as_str).unwrap_or("");
    let protected: Map<String, Value> = if protected_b64.is_empty() {
        Map::new()
    } else {
        let decoded = bytes(&jwe, "protected")?;
        match serde_json::from_slice(&decoded) {
            Ok(Value::Object(members)) => members,
            _ => {
                return Err(DecryptError::NotCompactJwe(
                    "the protected header is not a JSON object".into(),
                ));
            }
        }
    };
    let shared = object(&jwe, "unprotected")?.cloned().unwrap_or_default();
    let aad = match jwe.get("aad").and_then(Value::as_str) {
        Some(extra) => format!("{protected_b64}.{extra}"),
        None => protected_b64.to_string(),
    };
    let (iv, ciphertext, tag) = (
        bytes(&jwe, "iv")?,
        bytes(&jwe, "ciphertext")?,
        bytes(&jwe, "tag")?,
    );
    let sealed = Sealed {
        iv: &iv,
        ciphertext: &ciphertext,
        tag: &tag,
        aad: aad.as_bytes(),
        protected: &protected,
    };
    // General: `recipients`; flattened: `header` and `encrypted_key` at the top.
    let recipients: Vec<Map<String, Value>> = match jwe.get("recipients") {
        Some(Value::Array(list)) => list.iter().filter_map(|r| r.as_object().cloned()).collect(),
        Some(_) => {
            return Err(DecryptError::NotCompactJwe(
                "\"recipients\" is not an array".into(),
            ));
        }
        None => vec![jwe.clone()],
    };
    // Each recipient's whole header and encrypted key; an error is raised
    // when its recipient's turn comes, as before any is tried.
    let joined: Vec<Result<Recipient, DecryptError>> = recipients
        .iter()
        .map(|recipient| recipient_header(&protected, &shared, recipient))
        .collect();
    // PBES2's cost is per recipient: the cap holds for the whole token.
    if matches!(key, DecryptionKey::Password(_)) {
        let total: u64 = joined
            .iter()
            .flatten()
            .map(|(header, _)| header.get("p2c").and_then(Value::as_u64).unwrap_or(0))
            .fold(0, u64::saturating_add);
        if total > super::key_management::MAX_P2C {
            return Err(DecryptError::Refused(format!(
                "the recipients ask {total} PBKDF2 iterations in all: more than {} are refused, so a token cannot make the decryption hang",
                super::key_management::MAX_P2C
            )));
        }
    }
    let mut last = DecryptError::NotCompactJwe("it has no recipients".into());
    let mut failed = false;
    for (index, entry) in joined.into_iter().enumerate() {
        let (header, encrypted_key) = entry?;
        match open(&header, &encrypted_key, &sealed, key) {
            Ok(decrypted) => {
                return Ok(OpenedJson {
                    decrypted,
                    recipient: index,
                });
            }
            Err(error) => {
                failed |= error == DecryptError::Failed;
                last = error;
            }
        }
    }
    // A key that fit some recipient and opened none: the generic failure,
    // not another recipient's "needs a … key".
    Err(if failed { DecryptError::Failed } else { last })
}

/// A recipient's whole JOSE header and its encrypted key.
type Recipient = (Map<String, Value>, Vec<u8>);

/// A recipient's JOSE header, the union of the protected, shared and own
/// headers, which must not repeat a member (RFC 7516 §7.2.1), and its
/// encrypted key.
fn recipient_header(
    protected: &Map<String, Value>,
    shared: &Map<String, Value>,
    recipient: &Map<String, Value>,
) -> Result<Recipient, DecryptError> {
    let own = object(recipient, "header")?.cloned().unwrap_or_default();
    let mut header = protected.clone();
    for (name, value) in shared.iter().chain(own.iter()) {
        if header.insert(name.clone(), value.clone()).is_some() {
            return Err(DecryptError::NotCompactJwe(format!(
                "the header member \"{name}\" appears in more than one header (RFC 7516 §7.2.1)"
            )));
        }
    }
    Ok((header, bytes(recipient, "encrypted_key")?))
}
