//! PEM blocks pasted among tokens: a Keystone PKI token printed as
//! `-----BEGIN CMS-----` is a token; a key or certificate is not, and the
//! person is told where it belongs (and warned when it is a private key).

use std::ops::Range;

/// One `-----BEGIN X-----` … `-----END X-----` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    pub label: String,
    /// The base64 body with all whitespace removed.
    pub body: String,
    pub range: Range<usize>,
}

/// Finds every complete PEM block in `text`.
pub fn scan(text: &str) -> Vec<PemBlock> {
    const BEGIN: &str = "-----BEGIN ";
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(BEGIN) {
        let start = from + found;
        let label_start = start + BEGIN.len();
        let Some(label_len) = text[label_start..].find("-----") else {
            break;
        };
        let label = &text[label_start..label_start + label_len];
        let body_start = label_start + label_len + 5;
        let end_marker = format!("-----END {label}-----");
        let Some(body_len) = text[body_start..].find(&end_marker) else {
            from = body_start;
            continue;
        };
        let body_text = &text[body_start..body_start + body_len];
        blocks.push(PemBlock {
            label: label.to_string(),
            body: body_text
                .lines()
                .filter(|line| !line.contains(':'))
                .flat_map(|line| line.split_whitespace())
                .collect(),
            range: start..body_start + body_len + end_marker.len(),
        });
        from = body_start + body_len + end_marker.len();
    }
    blocks
}

/// What a PEM label means for the token box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PemMeaning {
    /// CMS / PKCS#7 SignedData: a Keystone PKI token.
    KeystoneToken,
    PublicKeyOrCertificate,
    PrivateKey,
    Other,
}

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
        let blocks = scan(text);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].label, "CMS");
        assert_eq!(blocks[0].body, "MIIW7gYJKo");
        assert_eq!(&text[blocks[0].range.clone()][..10], "-----BEGIN");
        assert_eq!(
            meaning(&blocks[1].label),
            PemMeaning::PublicKeyOrCertificate
        );
        assert_eq!(meaning("EC PRIVATE KEY"), PemMeaning::PrivateKey);
    }

    #[test]
    fn unterminated_block_is_ignored() {
        assert!(scan("-----BEGIN CMS-----\nMIIW").is_empty());
    }
}
