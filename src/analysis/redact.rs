//! A copy of a token that is safe to share: the signature removed (so it
//! cannot be replayed) and chosen claim values replaced by "…". The header
//! is kept as received; the payload is re-encoded (RFC 7515 §2 base64url
//! of the JSON, member order kept), so the copy no longer verifies.

use crate::analysis::base64url;
use serde_json::Value;

/// What replaces a hidden claim's value.
pub const HIDDEN: &str = "…";

/// Claims left visible unless chosen: the ones a reader needs to say what
/// the token is and when it is valid, which identify nobody.
const KEPT_BY_DEFAULT: [&str; 8] = ["iss", "aud", "exp", "nbf", "iat", "typ", "azp", "scope"];

/// The claims hidden unless the person says otherwise: every claim but
/// issuer, audience, times, type, `azp` and `scope`.
pub fn hidden_by_default(payload: &Value) -> Vec<String> {
    payload
        .as_object()
        .map(|claims| {
            claims
                .keys()
                .filter(|name| !KEPT_BY_DEFAULT.contains(&name.as_str()))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// `token` (compact, with a JSON object payload) with its signature
/// removed and the values of the claims in `hide` replaced by [`HIDDEN`].
///
/// # Errors
/// Why it cannot be redacted: not a compact JWS, or a payload that is not
/// a JSON object.
pub fn redact(token: &str, hide: &[String]) -> Result<String, String> {
    let segments: Vec<&str> = token.split('.').collect();
    let [header, payload, _signature] = segments.as_slice() else {
        return Err("only a compact JWT (header.payload.signature) can be redacted".into());
    };
    let bytes = base64url::decode_segment(payload)
        .map_err(|_| "its payload is not base64url".to_string())?
        .bytes;
    let mut claims: Value = serde_json::from_slice(&bytes)
        .ok()
        .filter(Value::is_object)
        .ok_or_else(|| "its payload is not a JSON object".to_string())?;
    if let Some(object) = claims.as_object_mut() {
        for name in hide {
            if let Some(value) = object.get_mut(name) {
                *value = Value::String(HIDDEN.into());
            }
        }
    }
    let json = serde_json::to_string(&claims).map_err(|e| e.to_string())?;
    Ok(format!("{header}.{}.", base64url::encode(json.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    #[test]
    fn chosen_values_are_hidden_and_the_signature_removed() {
        let redacted = redact(TOKEN, &["sub".into(), "name".into()]).unwrap();
        let parts: Vec<&str> = redacted.split('.').collect();
        assert_eq!(parts[0], "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
        assert_eq!(parts[2], "");
        let payload = base64url::decode_segment(parts[1]).unwrap().bytes;
        assert_eq!(
            String::from_utf8(payload).unwrap(),
            r#"{"sub":"…","name":"…","iat":1516239022}"#
        );
    }

    #[test]
    fn identifying_claims_are_hidden_by_default() {
        let payload = serde_json::json!({"iss": "i", "sub": "s", "email": "e", "exp": 1});
        assert_eq!(hidden_by_default(&payload), ["sub", "email"]);
    }

    #[test]
    fn what_cannot_be_redacted_says_why() {
        assert!(
            redact("a.b", &[])
                .unwrap_err()
                .contains("only a compact JWT")
        );
        assert!(
            redact("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", &[])
                .unwrap_err()
                .contains("not a JSON object")
        );
    }
}
