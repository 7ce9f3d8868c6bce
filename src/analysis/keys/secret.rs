//! HMAC secrets typed or pasted by a person, in the encoding they choose.

use super::error::KeyReadError;
use crate::analysis::base64url::{
    STANDARD_ANY_PADDING as BASE64, URL_SAFE_ANY_PADDING as BASE64URL,
};
use crate::analysis::vocab::SecretEncoding;
use base64::Engine;

/// Decodes a secret. Whitespace is ignored in the encoded forms (base64,
/// RFC 4648 §4; base64url, §5; hex, §8); text is taken byte for byte.
///
/// # Errors
/// [`KeyReadError::SecretNotEncoded`] when the text is not in the chosen
/// encoding, [`KeyReadError::SecretEmpty`] when it decodes to nothing.
pub fn decode(text: &str, encoding: SecretEncoding) -> Result<Vec<u8>, KeyReadError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let not_encoded = |detail: String| KeyReadError::SecretNotEncoded { encoding, detail };
    let bytes = match encoding {
        SecretEncoding::Text => text.as_bytes().to_vec(),
        SecretEncoding::Base64 => BASE64
            .decode(&compact)
            .map_err(|e| not_encoded(e.to_string()))?,
        SecretEncoding::Base64url => BASE64URL
            .decode(&compact)
            .map_err(|e| not_encoded(e.to_string()))?,
        SecretEncoding::Hex => base16ct::mixed::decode_vec(compact.as_bytes())
            .map_err(|e| not_encoded(e.to_string()))?,
    };
    if bytes.is_empty() {
        return Err(KeyReadError::SecretEmpty);
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
    fn odd_length_hex_is_not_hex() {
        let error = decode("abc", SecretEncoding::Hex).unwrap_err();
        assert!(
            matches!(
                error,
                KeyReadError::SecretNotEncoded {
                    encoding: SecretEncoding::Hex,
                    ..
                }
            ),
            "{error:?}"
        );
        assert!(
            error.to_string().starts_with("the secret is not hex: "),
            "{error}"
        );
    }

    #[test]
    fn url_safe_characters_are_not_standard_base64() {
        let error = decode("-_8", SecretEncoding::Base64).unwrap_err();
        assert!(
            matches!(
                error,
                KeyReadError::SecretNotEncoded {
                    encoding: SecretEncoding::Base64,
                    ..
                }
            ),
            "{error:?}"
        );
    }

    #[test]
    fn empty_and_whitespace_only_secrets_are_empty() {
        assert_eq!(
            decode("", SecretEncoding::Text),
            Err(KeyReadError::SecretEmpty)
        );
        assert_eq!(
            decode("  \n ", SecretEncoding::Base64url),
            Err(KeyReadError::SecretEmpty)
        );
    }
}
