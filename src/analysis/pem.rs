//! The one PEM scanner (RFC 7468 §2, read leniently): finds every
//! `-----BEGIN X-----` … `-----END X-----` block the way people paste them —
//! one long line, 76-column lines, indented, CRLF, text around the armour,
//! blocks glued END-to-BEGIN. The finder uses it to spot Keystone tokens
//! and misplaced keys; the key parser uses it to read keys. Decoding the
//! body is the caller's business.

use std::ops::Range;

/// One block as found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    /// The label after BEGIN (RFC 7468 §2): "CERTIFICATE", "PUBLIC KEY", "CMS", ….
    pub label: String,
    /// The whole block, armour included, in the scanned text.
    pub range: Range<usize>,
    /// The text between the BEGIN and END lines.
    pub body: Range<usize>,
    /// False for a BEGIN with no matching END (the paste was cut short);
    /// such a block runs to the end of the text and is always the last.
    pub complete: bool,
}

impl PemBlock {
    /// The base64 of the body: header lines (`Name: value`, RFC 1421 §4.6)
    /// and all whitespace removed.
    pub fn body_base64(&self, text: &str) -> String {
        text[self.body.clone()]
            .lines()
            .filter(|line| !line.contains(':'))
            .flat_map(str::split_whitespace)
            .collect()
    }
}

/// Finds every block; a BEGIN without its END ends the scan as an
/// incomplete block.
pub fn blocks(text: &str) -> Vec<PemBlock> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((start, label, body_start)) = find_begin(text, from) {
        match find_end(text, body_start, &label) {
            Some((body_end, end)) => {
                found.push(PemBlock {
                    label,
                    range: start..end,
                    body: body_start..body_end,
                    complete: true,
                });
                from = end;
            }
            None => {
                found.push(PemBlock {
                    label,
                    range: start..text.len(),
                    body: body_start..text.len(),
                    complete: false,
                });
                break;
            }
        }
    }
    found
}

/// Finds `-----BEGIN LABEL-----` (any number ≥ 3 of dashes, spaces
/// tolerated) and returns its start, the label and where the body starts.
fn find_begin(text: &str, from: usize) -> Option<(usize, String, usize)> {
    let mut search = from;
    loop {
        let at = search + text[search..].find("BEGIN ")?;
        let dashes_before = text[..at].trim_end_matches(' ');
        if dashes_before.ends_with("---") {
            // Dashes shared with the previous block's END line (pasted
            // with no line break between) belong to that block.
            let start = dashes_before.trim_end_matches('-').len().max(from);
            let after = &text[at + 6..];
            let label_len = after.find('-')?;
            let label = after[..label_len].trim().to_string();
            let rest = &after[label_len..];
            let dashes = rest.len() - rest.trim_start_matches('-').len();
            if dashes >= 3 && !label.is_empty() {
                return Some((start, label, at + 6 + label_len + dashes));
            }
        }
        search = at + 6;
    }
}

/// Finds the matching END line; returns where the body ends and the block ends.
fn find_end(text: &str, from: usize, label: &str) -> Option<(usize, usize)> {
    let marker = format!("END {label}");
    let mut search = from;
    loop {
        let at = search + text[search..].find(&marker)?;
        // An empty body may leave the BEGIN line's dashes run straight
        // into the END line's: the body never starts before `from`.
        let body_end = text[..at].trim_end_matches([' ', '-']).len().max(from);
        let after = &text[at + marker.len()..];
        let dashes = after.len() - after.trim_start_matches([' ', '-']).len();
        if text[body_end..at].contains("---") {
            return Some((body_end, at + marker.len() + dashes));
        }
        search = at + marker.len();
    }
}

/// What a PEM label means for a paste: a token, a key, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PemMeaning {
    /// CMS / PKCS#7 SignedData: a Keystone PKI token.
    KeystoneToken,
    /// A public key (SPKI or PKCS#1) or an X.509 certificate: a key to
    /// verify with, pasted where tokens go.
    PublicKeyOrCertificate,
    /// Any `… PRIVATE KEY` block: a secret that should not have been pasted.
    PrivateKey,
    /// Any other label; the token finder passes over it.
    Other,
}

/// What the block labelled `label` holds.
pub fn meaning(label: &str) -> PemMeaning {
    match label {
        "CMS" | "PKCS7" => PemMeaning::KeystoneToken,
        "PUBLIC KEY"
        | "RSA PUBLIC KEY"
        | "CERTIFICATE"
        | "X509 CERTIFICATE"
        | "TRUSTED CERTIFICATE" => PemMeaning::PublicKeyOrCertificate,
        l if l.ends_with("PRIVATE KEY") => PemMeaning::PrivateKey,
        _ => PemMeaning::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_found_with_bodies_joined() {
        let text = "before\n-----BEGIN CMS-----\nMIIW7g\nYJKo\n-----END CMS-----\nafter\n-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----";
        let found = blocks(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].label, "CMS");
        assert_eq!(found[0].body_base64(text), "MIIW7gYJKo");
        assert_eq!(&text[found[0].range.clone()][..10], "-----BEGIN");
        assert_eq!(meaning(&found[1].label), PemMeaning::PublicKeyOrCertificate);
        assert_eq!(meaning("EC PRIVATE KEY"), PemMeaning::PrivateKey);
    }

    #[test]
    fn a_block_without_its_end_is_the_last_and_incomplete() {
        let found = blocks("-----BEGIN CMS-----\nMIIW");
        assert_eq!(found.len(), 1);
        assert!(!found[0].complete);
    }

    #[test]
    fn blocks_glued_end_to_begin_do_not_overlap() {
        let text =
            "-----BEGIN A-----\nQUJD\n-----END A----------BEGIN B-----\nREVG\n-----END B-----";
        let found = blocks(text);
        assert_eq!(found.len(), 2);
        assert!(found[0].range.end <= found[1].range.start);
        assert_eq!(found[1].body_base64(text), "REVG");
    }

    #[test]
    fn header_lines_are_not_body() {
        let text = "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nQUJD\n-----END X-----";
        assert_eq!(blocks(text)[0].body_base64(text), "QUJD");
    }
}
