//! Why a Keystone PKI or PKIZ token could not be read as a CMS envelope.
//!
//! This lives beside [`CmsReading`](super::CmsReading), outside the
//! `crypto`-only reader, because the [`Verifier`](crate::analysis::Verifier)
//! seam returns it and the page's light build compiles that seam too.

#[cfg(feature = "crypto")]
use crate::analysis::keys::KeyReadError;
use std::fmt;

/// Why a PKI / PKIZ token is not a readable CMS SignedData (RFC 5652 §5).
/// `Display` gives the words that follow "This looks like a Keystone PKI
/// token but …" in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CmsReadError {
    /// A PKI token (`MII…`, `-` for `/`) that is not base64 (RFC 4648 §4).
    PkiNotBase64 {
        /// What the base64 decoder said.
        detail: String,
    },
    /// A PKIZ token without its `PKIZ_` prefix.
    PkizPrefixMissing,
    /// A PKIZ body that is not base64url (RFC 4648 §5).
    PkizNotBase64url {
        /// What the base64 decoder said.
        detail: String,
    },
    /// A PKIZ body that is not a zlib stream (RFC 1950).
    PkizNotZlib {
        /// What the decompressor said.
        detail: String,
    },
    /// A PKIZ body that decompresses to more than `limit_mb` MB (a zip bomb,
    /// or not a token).
    PkizTooLarge {
        /// The limit, in MB.
        limit_mb: u64,
    },
    /// Decompressed PEM text (older keystoneclient releases) in which no
    /// block was found.
    PkizBrokenPem,
    /// Decompressed PEM text whose block cannot be decoded.
    #[cfg(feature = "crypto")]
    PkizPem(Box<KeyReadError>),
    /// DER that is not a ContentInfo (RFC 5652 §3).
    NotContentInfo {
        /// What the `der` crate said.
        detail: String,
    },
    /// A ContentInfo whose content type is not id-signedData (RFC 5652
    /// §5.1).
    NotSignedData {
        /// The content type's OID, dotted.
        content_type: String,
    },
    /// A SignedData that does not decode (RFC 5652 §5.1).
    SignedDataUnreadable {
        /// What the `der` crate said.
        detail: String,
    },
    /// A SignedData without `eContent`: a detached signature (RFC 5652
    /// §5.2), which holds no token.
    DetachedContent,
    /// The `eContent` could not be re-encoded to read it as an OCTET
    /// STRING; the sentence is the `der` crate's alone.
    ContentReencodeFailed {
        /// What the `der` crate said.
        detail: String,
    },
    /// A SignedData with no SignerInfo (RFC 5652 §5.3).
    NoSigner,
    /// The signed attributes (RFC 5652 §5.3) could not be re-encoded for
    /// the signature check (§5.4 signs their DER SET OF).
    SignedAttributesReencodeFailed {
        /// What the `der` crate said.
        detail: String,
    },
}

impl fmt::Display for CmsReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CmsReadError as E;
        match self {
            E::PkiNotBase64 { detail } => write!(f, "the PKI token is not base64 ({detail})"),
            E::PkizPrefixMissing => f.write_str("a PKIZ token starts with PKIZ_"),
            E::PkizNotBase64url { detail } => {
                write!(f, "the PKIZ token is not base64url ({detail})")
            }
            E::PkizNotZlib { detail } => {
                write!(f, "the PKIZ token does not decompress ({detail})")
            }
            E::PkizTooLarge { limit_mb } => write!(
                f,
                "the PKIZ token decompresses to more than {limit_mb} MB; refusing to read further"
            ),
            E::PkizBrokenPem => f.write_str("the PKIZ token holds broken PEM"),
            #[cfg(feature = "crypto")]
            E::PkizPem(inner) => write!(f, "the PKIZ token holds PEM, but {inner}"),
            E::NotContentInfo { detail } => {
                write!(f, "the token is not a CMS ContentInfo: {detail}")
            }
            E::NotSignedData { content_type } => {
                write!(f, "the CMS content is {content_type}, not SignedData")
            }
            E::SignedDataUnreadable { detail } => {
                write!(f, "the CMS SignedData cannot be read: {detail}")
            }
            E::DetachedContent => {
                f.write_str("the SignedData carries no content (detached signature)")
            }
            E::ContentReencodeFailed { detail } => f.write_str(detail),
            E::NoSigner => f.write_str("the SignedData has no signer"),
            E::SignedAttributesReencodeFailed { detail } => {
                write!(f, "the signed attributes cannot be re-encoded: {detail}")
            }
        }
    }
}

/// The sentence already contains any wrapped error's words, so `source`
/// stays `None`.
impl std::error::Error for CmsReadError {}

#[cfg(all(test, feature = "crypto"))]
mod tests {
    use super::*;

    /// Each variant's sentence, as the report has always worded it.
    #[test]
    fn every_variant_reads_as_the_reports_sentence() {
        let detail = || "DETAIL".to_string();
        let cases: Vec<(CmsReadError, &str)> = vec![
            (
                CmsReadError::PkiNotBase64 { detail: detail() },
                "the PKI token is not base64 (DETAIL)",
            ),
            (
                CmsReadError::PkizPrefixMissing,
                "a PKIZ token starts with PKIZ_",
            ),
            (
                CmsReadError::PkizNotBase64url { detail: detail() },
                "the PKIZ token is not base64url (DETAIL)",
            ),
            (
                CmsReadError::PkizNotZlib { detail: detail() },
                "the PKIZ token does not decompress (DETAIL)",
            ),
            (
                CmsReadError::PkizTooLarge { limit_mb: 8 },
                "the PKIZ token decompresses to more than 8 MB; refusing to read further",
            ),
            (
                CmsReadError::PkizBrokenPem,
                "the PKIZ token holds broken PEM",
            ),
            (
                CmsReadError::PkizPem(Box::new(KeyReadError::PemEmpty {
                    label: "CMS".into(),
                })),
                "the PKIZ token holds PEM, but the PEM block \"CMS\" is empty",
            ),
            (
                CmsReadError::NotContentInfo { detail: detail() },
                "the token is not a CMS ContentInfo: DETAIL",
            ),
            (
                CmsReadError::NotSignedData {
                    content_type: "1.2.840.113549.1.7.1".into(),
                },
                "the CMS content is 1.2.840.113549.1.7.1, not SignedData",
            ),
            (
                CmsReadError::SignedDataUnreadable { detail: detail() },
                "the CMS SignedData cannot be read: DETAIL",
            ),
            (
                CmsReadError::DetachedContent,
                "the SignedData carries no content (detached signature)",
            ),
            (
                CmsReadError::ContentReencodeFailed { detail: detail() },
                "DETAIL",
            ),
            (CmsReadError::NoSigner, "the SignedData has no signer"),
            (
                CmsReadError::SignedAttributesReencodeFailed { detail: detail() },
                "the signed attributes cannot be re-encoded: DETAIL",
            ),
        ];
        for (error, sentence) in cases {
            assert_eq!(error.to_string(), sentence, "{error:?}");
        }
    }
}
