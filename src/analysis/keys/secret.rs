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
            .or_else(|e| BASE64URL.decode(&compact).map_err(|_| e))
            .map_err(|e| not_encoded(base64_problem(&e)))?,
        SecretEncoding::Base64url => BASE64URL
            .decode(&compact)
            .map_err(|e| not_encoded(base64_problem(&e)))?,
        SecretEncoding::Hex => base16ct::mixed::decode_vec(compact.as_bytes()).map_err(|_| {
            not_encoded(if compact.len() % 2 == 1 {
                "it has an odd number of digits".into()
            } else {
                "it holds a character that is not a hex digit".into()
            })
        })?,
        SecretEncoding::Auto => {
            return readings(text)
                .into_iter()
                .next()
                .map(|(_, bytes)| bytes)
                .ok_or(KeyReadError::SecretEmpty);
        }
    };
    if bytes.is_empty() {
        return Err(KeyReadError::SecretEmpty);
    }
    Ok(bytes)
}

/// What is wrong with a base64 secret, without quoting any of it: the
/// sentence reaches the report, and a secret's characters must not.
fn base64_problem(error: &base64::DecodeError) -> String {
    match error {
        base64::DecodeError::InvalidByte(offset, _) => {
            format!(
                "the character at position {} is outside the base64 alphabet",
                offset + 1
            )
        }
        base64::DecodeError::InvalidLength(_) => "its length is not one base64 can have".into(),
        base64::DecodeError::InvalidLastSymbol(_, _) => {
            "its last character leaves bits that canonical base64 never sets".into()
        }
        base64::DecodeError::InvalidPadding => "its `=` padding is wrong".into(),
    }
}

/// Every way the text can be read as a secret, for the `auto` encoding:
/// as text always, then as base64 and as hex when it decodes so. Readings
/// that give the same bytes are listed once. A person who does not know
/// how their secret is written gets each tried and the one that verifies
/// named.
pub fn readings(text: &str) -> Vec<(SecretEncoding, Vec<u8>)> {
    let mut readings: Vec<(SecretEncoding, Vec<u8>)> = Vec::new();
    for encoding in [
        SecretEncoding::Text,
        SecretEncoding::Base64,
        SecretEncoding::Hex,
    ] {
        if let Ok(bytes) = decode(text, encoding)
            && !readings.iter().any(|(_, seen)| *seen == bytes)
        {
            readings.push((encoding, bytes));
        }
    }
    readings
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
    fn base64_takes_either_alphabet() {
        assert_eq!(decode("-_8", SecretEncoding::Base64).unwrap(), [0xfb, 0xff]);
        assert_eq!(
            decode("+/8=", SecretEncoding::Base64).unwrap(),
            [0xfb, 0xff]
        );
        let error = decode("a*b", SecretEncoding::Base64).unwrap_err();
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
    fn errors_never_quote_the_secret() {
        for (text, encoding) in [
            ("s3cr#t-value", SecretEncoding::Base64),
            ("s3cr#t-value", SecretEncoding::Base64url),
            ("zz#q", SecretEncoding::Hex),
        ] {
            let message = decode(text, encoding).unwrap_err().to_string();
            assert!(
                !message.contains('#') && !message.contains("35"),
                "{message}"
            );
        }
        assert_eq!(
            decode("ab!d", SecretEncoding::Base64)
                .unwrap_err()
                .to_string(),
            "the secret is not base64: the character at position 3 is outside the base64 alphabet"
        );
    }

    #[test]
    fn auto_lists_every_reading_once() {
        let encodings = |text| {
            readings(text)
                .into_iter()
                .map(|(e, _)| e)
                .collect::<Vec<_>>()
        };
        use SecretEncoding::{Base64, Hex, Text};
        // jwt.io's secret is base64url letters, but its last character
        // leaves bits set that canonical base64 never does.
        assert_eq!(encodings("your-256-bit-secret"), [Text]);
        assert_eq!(encodings("c2VjcmV0"), [Text, Base64]);
        assert_eq!(encodings("deadbeef"), [Text, Base64, Hex]);
        assert_eq!(encodings("not base64!"), [Text]);
        assert_eq!(readings("c2VjcmV0")[1].1, b"secret");
        assert!(readings("").is_empty());
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
