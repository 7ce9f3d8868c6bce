//! HMAC secrets typed or pasted by a person, in the encoding they choose.

use crate::analysis::base64url::{
    STANDARD_ANY_PADDING as BASE64, URL_SAFE_ANY_PADDING as BASE64URL,
};
use crate::analysis::vocab::SecretEncoding;
use base64::Engine;

/// Decodes a secret.
///
/// # Errors
/// A sentence saying why the text is not in the chosen encoding.
pub fn decode(text: &str, encoding: SecretEncoding) -> Result<Vec<u8>, String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = match encoding {
        SecretEncoding::Text => text.as_bytes().to_vec(),
        SecretEncoding::Base64 => BASE64
            .decode(&compact)
            .map_err(|e| format!("the secret is not base64: {e}"))?,
        SecretEncoding::Base64url => BASE64URL
            .decode(&compact)
            .map_err(|e| format!("the secret is not base64url: {e}"))?,
        SecretEncoding::Hex => base16ct::mixed::decode_vec(compact.as_bytes())
            .map_err(|e| format!("the secret is not hex: {e}"))?,
    };
    if bytes.is_empty() {
        return Err("the secret is empty".into());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding_decodes() {
        assert_eq!(decode("secret", SecretEncoding::Text).unwrap(), b"secret");
        assert_eq!(
            decode("c2VjcmV0", SecretEncoding::Base64).unwrap(),
            b"secret"
        );
        assert_eq!(
            decode("-_8", SecretEncoding::Base64url).unwrap(),
            [0xfb, 0xff]
        );
        assert_eq!(
            decode("DE ad BE ef", SecretEncoding::Hex).unwrap(),
            [0xde, 0xad, 0xbe, 0xef]
        );
    }

    #[test]
    fn bad_secrets_say_why() {
        assert!(
            decode("abc", SecretEncoding::Hex)
                .unwrap_err()
                .starts_with("the secret is not hex")
        );
        assert_eq!(
            decode("", SecretEncoding::Text).unwrap_err(),
            "the secret is empty"
        );
    }
}
