//! Strict base64url as RFC 7515 §2 defines it for JOSE: the URL-safe
//! alphabet of RFC 4648 §5, no `=` padding, no line breaks, and (RFC 4648
//! §3.5) the unused low bits of the last character set to zero.
//!
//! Real tokens break these rules in ways that are still decodable: padded
//! segments, the standard `+`/`/` alphabet, non-zero trailing bits. A
//! reviewer wants those *decoded and flagged*, not rejected, because two
//! encodings of the same bytes let a token be altered without changing its
//! meaning. [`decode_segment`] therefore returns the bytes together with the
//! list of [`Irregularity`]s it had to tolerate, and fails only when the text
//! cannot be base64 at all.

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use std::fmt;

/// Decodes URL-safe base64 without padding, tolerating non-zero trailing bits.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// RFC 7515 §2 exactly: URL-safe alphabet, no padding, canonical last symbol.
const STRICT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_allow_trailing_bits(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// The base64 crate's predefined engines, named here with the rest:
/// standard (RFC 4648 §4) and URL-safe (§5) with padding, URL-safe without.
pub use base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};

/// Standard base64 (RFC 4648 §4) with or without padding: key material,
/// Keystone PKI tokens, secrets written in base64.
pub const STANDARD_ANY_PADDING: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// URL-safe base64 (RFC 4648 §5) with or without padding: Keystone PKIZ
/// tokens, secrets written in base64url, DER pasted URL-safe.
pub const URL_SAFE_ANY_PADDING: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Encodes bytes as RFC 7515 base64url (no padding).
pub fn encode(bytes: &[u8]) -> String {
    STRICT.encode(bytes)
}

/// A deviation from RFC 7515 §2 that still allowed the segment to be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Irregularity {
    /// The segment ends in `=` padding, which JOSE forbids.
    Padding,
    /// The segment uses `+` or `/` from the standard base64 alphabet.
    StandardAlphabet,
    /// The last character carries non-zero unused bits, so the same bytes
    /// have another (canonical) encoding.
    NonCanonicalTrailingBits,
}

impl fmt::Display for Irregularity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Irregularity::Padding => "ends in `=` padding, which base64url in JOSE omits",
            Irregularity::StandardAlphabet => {
                "uses `+` or `/` from standard base64 instead of base64url's `-` and `_`"
            }
            Irregularity::NonCanonicalTrailingBits => {
                "has non-zero unused bits in its last character, so it is not the canonical encoding of its bytes"
            }
        })
    }
}

/// Why a segment could not be decoded at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Base64UrlError {
    /// A character outside both base64 alphabets, at a character offset.
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its 0-based character offset in the segment text.
        offset: usize,
    },
    /// `=` somewhere other than the end.
    MisplacedPadding {
        /// Character offset of the first `=`.
        offset: usize,
    },
    /// A length no base64 text can have (one character left over).
    ImpossibleLength {
        /// Number of base64 characters in the segment, padding excluded.
        length: usize,
    },
}

impl fmt::Display for Base64UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64UrlError::InvalidCharacter { character, offset } => write!(
                f,
                "{} at character {offset} is not a base64url character",
                describe_char(*character)
            ),
            Base64UrlError::MisplacedPadding { offset } => {
                write!(
                    f,
                    "`=` at character {offset} is padding in the middle of the text"
                )
            }
            Base64UrlError::ImpossibleLength { length } => write!(
                f,
                "{length} characters cannot be base64url: one character is left over (is the segment truncated?)"
            ),
        }
    }
}

impl std::error::Error for Base64UrlError {}

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        '\n' | '\r' => "a line break".to_string(),
        c if c.is_control() => format!("control character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}

/// The bytes of a segment and the irregularities tolerated to get them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// Each deviation from RFC 7515 §2 tolerated, once, in the order met;
    /// empty for a strictly encoded segment.
    pub irregularities: Vec<Irregularity>,
}

/// Decodes one segment of a compact serialization.
///
/// # Errors
/// Fails only when the text is not base64 in either alphabet; deviations
/// that can still be decoded are reported in [`Decoded::irregularities`].
pub fn decode_segment(text: &str) -> Result<Decoded, Base64UrlError> {
    let mut irregularities = Vec::new();
    let mut normalised = String::with_capacity(text.len());
    let mut padding_from: Option<usize> = None;
    for (offset, c) in text.chars().enumerate() {
        if let Some(first_pad) = padding_from
            && c != '='
        {
            return Err(Base64UrlError::MisplacedPadding { offset: first_pad });
        }
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' => normalised.push(c),
            '+' | '/' => {
                if !irregularities.contains(&Irregularity::StandardAlphabet) {
                    irregularities.push(Irregularity::StandardAlphabet);
                }
                normalised.push(if c == '+' { '-' } else { '_' });
            }
            '=' => {
                padding_from.get_or_insert(offset);
            }
            other => {
                return Err(Base64UrlError::InvalidCharacter {
                    character: other,
                    offset,
                });
            }
        }
    }
    if let Some(first_pad) = padding_from {
        let pad_count = text.len() - first_pad;
        if pad_count > 2 || !(normalised.len() + pad_count).is_multiple_of(4) {
            return Err(Base64UrlError::MisplacedPadding { offset: first_pad });
        }
        irregularities.push(Irregularity::Padding);
    }
    if normalised.len() % 4 == 1 {
        return Err(Base64UrlError::ImpossibleLength {
            length: normalised.len(),
        });
    }
    let bytes =
        LENIENT
            .decode(normalised.as_bytes())
            .map_err(|_| Base64UrlError::ImpossibleLength {
                length: normalised.len(),
            })?;
    if STRICT.decode(normalised.as_bytes()).is_err() {
        irregularities.push(Irregularity::NonCanonicalTrailingBits);
    }
    Ok(Decoded {
        bytes,
        irregularities,
    })
}

/// True when `c` may appear in a base64url segment (RFC 4648 §5 alphabet).
pub fn is_base64url_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_segment_decodes_without_irregularities() {
        let decoded = decode_segment("eyJhbGciOiJIUzI1NiJ9").unwrap();
        assert_eq!(decoded.bytes, br#"{"alg":"HS256"}"#);
        assert!(decoded.irregularities.is_empty());
    }

    #[test]
    fn padded_segment_decodes_and_is_flagged() {
        let decoded = decode_segment("YQ==").unwrap();
        assert_eq!(decoded.bytes, b"a");
        assert_eq!(decoded.irregularities, vec![Irregularity::Padding]);
    }

    #[test]
    fn standard_alphabet_decodes_and_is_flagged() {
        // 0xfb 0xff encodes as "-_8" in base64url and "+/8" in base64.
        let decoded = decode_segment("+/8").unwrap();
        assert_eq!(decoded.bytes, vec![0xfb, 0xff]);
        assert_eq!(decoded.irregularities, vec![Irregularity::StandardAlphabet]);
    }

    #[test]
    fn non_zero_trailing_bits_decode_and_are_flagged() {
        // "YR" carries the same byte as "YQ" but with a low bit set.
        let decoded = decode_segment("YR").unwrap();
        assert_eq!(decoded.bytes, b"a");
        assert_eq!(
            decoded.irregularities,
            vec![Irregularity::NonCanonicalTrailingBits]
        );
    }

    #[test]
    fn invalid_character_is_named_with_its_offset() {
        let err = decode_segment("abc$def").unwrap_err();
        assert_eq!(
            err,
            Base64UrlError::InvalidCharacter {
                character: '$',
                offset: 3
            }
        );
        assert_eq!(
            err.to_string(),
            "`$` at character 3 is not a base64url character"
        );
    }

    #[test]
    fn padding_in_the_middle_fails() {
        assert_eq!(
            decode_segment("YQ==YQ").unwrap_err(),
            Base64UrlError::MisplacedPadding { offset: 2 }
        );
    }

    #[test]
    fn one_leftover_character_fails_as_truncated() {
        let err = decode_segment("YWJjZ").unwrap_err();
        assert_eq!(err, Base64UrlError::ImpossibleLength { length: 5 });
        assert!(err.to_string().contains("truncated"));
    }

    #[test]
    fn empty_segment_is_empty_bytes() {
        assert_eq!(decode_segment("").unwrap().bytes, Vec::<u8>::new());
    }

    #[test]
    fn encode_omits_padding() {
        assert_eq!(encode(b"a"), "YQ");
    }

    #[test]
    fn encode_round_trips() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(decode_segment(&encode(&bytes)).unwrap().bytes, bytes);
    }
}
