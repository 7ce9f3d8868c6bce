//! Decodes the PEM blocks of a key text. The blocks are found by the one
//! lenient scanner ([`crate::analysis::pem`]); RustCrypto's `pem-rfc7468`
//! is strict (RFC 7468 §2), so each body is first rebuilt in canonical form
//! and then handed to it.

use super::error::KeyReadError;
use crate::analysis::pem;
use std::ops::Range;

/// One PEM block of the key text: its label and DER, or why it could not
/// be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedBlock {
    /// The label of the BEGIN line (RFC 7468 §2), e.g. `PUBLIC KEY`.
    pub label: String,
    /// The DER of the body, or why the block could not be decoded.
    pub result: Result<Vec<u8>, KeyReadError>,
    /// Byte range of the block in the pasted text.
    pub range: Range<usize>,
    /// The block as pasted (for the algorithm-confusion check, which tries
    /// the PEM text itself as an HMAC secret).
    pub text: String,
}

/// Every block of `text` ([`pem::blocks`]), decoded; a BEGIN without its
/// END is reported as [`KeyReadError::PemUnterminated`].
pub fn blocks(text: &str) -> Vec<DecodedBlock> {
    pem::blocks(text)
        .into_iter()
        .map(|block| {
            let label = block.label;
            let result = if block.complete {
                decode_body(&label, &text[block.body])
            } else {
                Err(KeyReadError::PemUnterminated {
                    label: label.clone(),
                })
            };
            DecodedBlock {
                result,
                text: text[block.range.clone()].to_string(),
                range: block.range,
                label,
            }
        })
        .collect()
}

/// Rebuilds a canonical RFC 7468 block from a sloppy body and decodes it.
fn decode_body(label: &str, body: &str) -> Result<Vec<u8>, KeyReadError> {
    if body
        .lines()
        .any(|l| l.contains("Proc-Type:") || l.contains("DEK-Info:"))
    {
        return Err(KeyReadError::PemEncrypted {
            label: label.to_string(),
        });
    }
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(KeyReadError::PemEmpty {
            label: label.to_string(),
        });
    }
    if let Some((offset, character)) = compact
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
    {
        return Err(KeyReadError::PemInvalidCharacter {
            label: label.to_string(),
            character,
            offset,
        });
    }
    let mut canonical = format!("-----BEGIN {label}-----\n");
    let symbols: Vec<char> = compact.chars().collect();
    for line in symbols.chunks(64) {
        canonical.extend(line);
        canonical.push('\n');
    }
    canonical.push_str(&format!("-----END {label}-----\n"));
    pem_rfc7468::decode_vec(canonical.as_bytes())
        .map(|(_, der)| der)
        .map_err(|e| KeyReadError::PemInvalidBase64 {
            label: label.to_string(),
            detail: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEm7zUpx3b+zmVE5cymSs64POG9QcyEpJaYCD82+549/R1TduLPyxn/wY8H6h2bxbHPeU0OvXF0BBA9Bo5yvV+Zw==";

    fn der() -> Vec<u8> {
        use base64::Engine;
        crate::analysis::base64url::STANDARD.decode(BODY).unwrap()
    }

    #[test]
    fn canonical_block_decodes() {
        let text = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n{}\n-----END PUBLIC KEY-----\n",
            &BODY[..64],
            &BODY[64..]
        );
        let b = blocks(&text);
        assert_eq!(b[0].label, "PUBLIC KEY");
        assert_eq!(b[0].result, Ok(der()));
    }

    #[test]
    fn one_long_line_with_text_around_decodes() {
        let text = format!(
            "here is our key: -----BEGIN PUBLIC KEY----- {BODY} -----END PUBLIC KEY----- thanks"
        );
        assert_eq!(blocks(&text)[0].result, Ok(der()));
    }

    #[test]
    fn indented_crlf_76_column_lines_decode() {
        let lines: Vec<&str> = BODY
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let text = format!(
            "    -----BEGIN PUBLIC KEY-----\r\n    {}\r\n    -----END PUBLIC KEY-----\r\n",
            lines.join("\r\n    ")
        );
        assert_eq!(blocks(&text)[0].result, Ok(der()));
    }

    #[test]
    fn several_blocks_are_all_read() {
        let one = format!("-----BEGIN PUBLIC KEY-----\n{BODY}\n-----END PUBLIC KEY-----");
        let text = format!("{one}\n\n{one}\n");
        let b = blocks(&text);
        assert_eq!(b.len(), 2);
        assert!(b.iter().all(|b| b.result == Ok(der())));
    }

    #[test]
    fn missing_end_is_an_unterminated_block() {
        let b = blocks(&format!("-----BEGIN CERTIFICATE-----\n{BODY}"));
        assert_eq!(
            b[0].result,
            Err(KeyReadError::PemUnterminated {
                label: "CERTIFICATE".into()
            })
        );
    }

    #[test]
    fn bad_character_is_named_with_its_offset() {
        let b = blocks("-----BEGIN PUBLIC KEY-----\nMFkw#EwYH\n-----END PUBLIC KEY-----");
        assert_eq!(
            b[0].result,
            Err(KeyReadError::PemInvalidCharacter {
                label: "PUBLIC KEY".into(),
                character: '#',
                offset: 4,
            })
        );
    }

    #[test]
    fn proc_type_headers_mark_an_encrypted_block() {
        let b = blocks(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----",
        );
        assert_eq!(
            b[0].result,
            Err(KeyReadError::PemEncrypted {
                label: "RSA PRIVATE KEY".into()
            })
        );
    }

    #[test]
    fn a_block_with_no_body_is_empty() {
        let b = blocks("-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----");
        assert_eq!(
            b[0].result,
            Err(KeyReadError::PemEmpty {
                label: "PUBLIC KEY".into()
            })
        );
    }

    #[test]
    fn misplaced_padding_is_invalid_base64() {
        let b = blocks("-----BEGIN PUBLIC KEY-----\nMF=kwEwYH\n-----END PUBLIC KEY-----");
        assert!(
            matches!(
                &b[0].result,
                Err(KeyReadError::PemInvalidBase64 { label, .. }) if label == "PUBLIC KEY"
            ),
            "{:?}",
            b[0].result
        );
    }
}
