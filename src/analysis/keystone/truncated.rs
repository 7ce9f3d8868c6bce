//! A Keystone PKI token that is cut short, as documentation prints them
//! (Open Telekom Cloud's `X-Subject-Token:MIIDkgYJ…gXXXXX...`): what its
//! first bytes still say. The DER is walked by hand, only as far as the
//! text goes: the ContentInfo (RFC 5652 §3), whether it holds SignedData
//! (§5.1), and the digest algorithm it names. No cryptography is involved.

use crate::analysis::base64url::STANDARD_ANY_PADDING;
use base64::Engine;

/// `1.2.840.113549.1.7.2`, id-signedData (RFC 5652 §5.1).
const SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/// Digest algorithm OIDs (RFC 5754 §2), by their DER content.
const DIGESTS: [(&[u8], &str); 4] = [
    (
        &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01],
        "SHA-256",
    ),
    (
        &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02],
        "SHA-384",
    ),
    (
        &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03],
        "SHA-512",
    ),
    (&[0x2b, 0x0e, 0x03, 0x02, 0x1a], "SHA-1"),
];

/// What the readable start of a cut-short PKI token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefix {
    /// Bytes the text decodes to.
    pub bytes: usize,
    /// Bytes the outer DER header says the token has.
    pub declared: Option<usize>,
    /// Whether the envelope is CMS SignedData.
    pub signed_data: bool,
    /// The digest algorithm named, if the text reaches it.
    pub digest: Option<&'static str>,
    /// A placeholder the text ends with (`XXXXX`), as docs elide tokens.
    pub placeholder: Option<String>,
}

impl Prefix {
    /// The sentence for the report: what could be read, and where it ends.
    pub fn describe(&self) -> String {
        let mut read = Vec::new();
        if self.signed_data {
            read.push("a CMS SignedData envelope".to_string());
        }
        if let Some(digest) = self.digest {
            read.push(format!("digest algorithm {digest}"));
        }
        let read = if read.is_empty() {
            "nothing of its envelope".to_string()
        } else {
            read.join(", ")
        };
        let whole = self
            .declared
            .map(|n| format!(" of the {n} its DER header declares"))
            .unwrap_or_default();
        let elided = match &self.placeholder {
            Some(p) => format!(": it ends with `{p}`, the way documentation elides the rest"),
            None => String::new(),
        };
        format!(
            "it is truncated at byte {}{whole}{elided}, so the token JSON inside cannot be read; what the start says: {read}",
            self.bytes
        )
    }
}

/// Reads what it can of a PKI token that does not decode whole; `None`
/// when the text is not cut short (it decodes to all its DER declares).
pub fn read(token: &str) -> Option<Prefix> {
    let text = token.trim().trim_end_matches('.').replace('-', "/");
    let placeholder = text
        .rfind(|c: char| c != 'X')
        .map(|i| &text[i + 1..])
        .filter(|x| x.len() >= 3)
        .map(|x| format!("{x}..."));
    let body = match &placeholder {
        Some(p) => &text[..text.len() - (p.len() - 3)],
        None => text.as_str(),
    };
    // Whole quads only: a cut can fall anywhere.
    let usable = &body[..body.len() / 4 * 4];
    let bytes = STANDARD_ANY_PADDING.decode(usable).ok()?;
    let declared = outer_length(&bytes);
    // Without a placeholder, only a text shorter than its DER header
    // declares is called truncated; other failures keep their own words.
    if placeholder.is_none() && declared.is_none_or(|n| bytes.len() >= n) {
        return None;
    }
    Some(Prefix {
        bytes: bytes.len(),
        declared,
        signed_data: contains(&bytes, SIGNED_DATA),
        digest: DIGESTS
            .iter()
            .find(|(oid, _)| contains(&bytes, oid))
            .map(|(_, name)| *name),
        placeholder,
    })
}

/// The whole length an outer `30 82 hh ll` SEQUENCE header declares.
fn outer_length(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [0x30, 0x82, hi, lo, ..] => Some(4 + (usize::from(*hi) << 8 | usize::from(*lo))),
        [0x30, 0x81, n, ..] => Some(3 + usize::from(*n)),
        [0x30, n, ..] if *n < 0x80 => Some(2 + usize::from(*n)),
        _ => None,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Open Telekom Cloud's docs, "Obtaining a User Token" (the response
    /// header as printed, elided with XXXXX).
    const OTC: &str = "MIIDkgYJKoZIhvcNAQcCoIIDgzCCA38CAQExDTALBglghkgBZQMEAgEwgXXXXX";

    #[test]
    fn the_open_telekom_cloud_example_is_a_truncated_signed_data() {
        let prefix = read(OTC).unwrap();
        assert!(prefix.signed_data);
        assert_eq!(prefix.digest, Some("SHA-256"));
        assert_eq!(prefix.declared, Some(918));
        assert_eq!(prefix.placeholder.as_deref(), Some("XXXXX..."));
        assert!(prefix.describe().starts_with("it is truncated at byte 42 of the 918 its DER header declares: it ends with `XXXXX...`"), "{}", prefix.describe());
    }

    #[test]
    fn a_whole_token_is_not_called_truncated() {
        // A complete (if tiny) SEQUENCE.
        assert_eq!(read("MAMCAQA="), None);
    }
}
