//! What was found and where: token kinds, segments, places in the paste,
//! decoding errors, notices about the paste, and issuers.

use super::vocabulary;
use serde::{Deserialize, Serialize};
use std::fmt;

vocabulary! {
    /// What kind of token this is.
    pub enum TokenKind {
        Jws = "jws",
        Jwe = "jwe",
        Unsecured = "unsecured",
        KeystonePki = "keystone-pki",
        KeystonePkiz = "keystone-pkiz",
        KeystoneFernet = "keystone-fernet",
        Opaque = "opaque",
    }
}

/// The parts of a compact serialization, for naming where an error is
/// (RFC 7515 §7.1, RFC 7516 §7.1). Serialised in kebab case; displayed in
/// words for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Segment {
    Token,
    Header,
    Payload,
    Signature,
    EncryptedKey,
    Iv,
    Ciphertext,
    Tag,
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Segment::Token => "token",
            Segment::Header => "header",
            Segment::Payload => "payload",
            Segment::Signature => "signature",
            Segment::EncryptedKey => "encrypted key",
            Segment::Iv => "initialization vector",
            Segment::Ciphertext => "ciphertext",
            Segment::Tag => "authentication tag",
        })
    }
}

vocabulary! {
    /// Where a token was found, as a category.
    pub enum SourceKind {
        Bare = "bare",
        AuthorizationBearer = "authorization-bearer",
        AuthorizationDcosToken = "authorization-dcos-token",
        AuthorizationOther = "authorization-other",
        Header = "header",
        JsonField = "json-field",
        UrlParameter = "url-parameter",
        Assignment = "assignment",
        Quoted = "quoted",
        PemBlock = "pem-block",
    }
}

vocabulary! {
    /// Why part of a token could not be decoded (`errors[].id`).
    pub enum TokenErrorId {
        SegmentCount = "segment-count",
        AlgInvalid = "alg-invalid",
        Base64UrlInvalid = "base64url-invalid",
        NotUtf8 = "not-utf8",
        NotAnObject = "not-an-object",
        JsonTruncated = "json-truncated",
        JsonTooDeep = "json-too-deep",
        JsonSyntax = "json-syntax",
        FernetInvalid = "fernet-invalid",
        KeystoneContent = "keystone-content",
        KeystoneCms = "keystone-cms",
    }
}

vocabulary! {
    /// A message about the paste as a whole (`notices[].id`).
    pub enum NoticeId {
        InputEmpty = "input-empty",
        NoTokenFound = "no-token-found",
        KeyInTokenInput = "key-in-token-input",
        PrivateKeyPasted = "private-key-pasted",
        TokensTruncated = "tokens-truncated",
    }
}

vocabulary! {
    /// A recognised issuer (`vendor.id`).
    pub enum VendorId {
        Dcos = "dcos",
        DockerRegistry = "docker-registry",
        Auth0 = "auth0",
        KeystoneJws = "keystone-jws",
        Keystone = "keystone",
    }
}

vocabulary! {
    /// The envelope of a Keystone CMS token (`keystone.format`).
    pub enum KeystoneFormat {
        Pki = "pki",
        Pkiz = "pkiz",
    }
}
