//! What was found and where: token kinds, segments, places in the paste,
//! decoding errors, notices about the paste, and issuers.

use super::vocabulary;
use serde::{Deserialize, Serialize};
use std::fmt;

vocabulary! {
    /// What kind of token this is.
    pub enum TokenKind {
        /// A signed JWT or other JWS, compact serialization (RFC 7515 §7.1).
        Jws = "jws",
        /// A JWS in the JSON serialization (RFC 7515 §7.2), flattened or
        /// general: one payload, one or more signatures.
        JwsJson = "jws-json",
        /// An encrypted JWT, compact serialization (RFC 7516 §7.1): only the
        /// protected header is readable.
        Jwe = "jwe",
        /// `alg` `none` (RFC 7519 §6): anyone can write such a token, and it
        /// proves nothing.
        Unsecured = "unsecured",
        /// A Keystone PKI token: CMS SignedData around the token JSON.
        KeystonePki = "keystone-pki",
        /// A Keystone PKIZ token: a PKI token compressed with zlib, after
        /// `PKIZ_`.
        KeystonePkiz = "keystone-pkiz",
        /// A Keystone Fernet token: encrypted, only its creation time is
        /// readable.
        KeystoneFernet = "keystone-fernet",
        /// A token-bearing JSON field holding something that is not a JWT: a
        /// handle only its issuer can look up (RFC 6749 §1.4).
        Opaque = "opaque",
    }
}

/// The parts of a compact serialization, for naming where an error is
/// (RFC 7515 §7.1, RFC 7516 §7.1). Serialised in kebab case; displayed in
/// words for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Segment {
    /// The token as a whole: its segment count, or a non-JWT token that
    /// cannot be read.
    Token,
    /// The JOSE header, the first segment.
    Header,
    /// The payload, a JWS's second segment; a Keystone token's JSON.
    Payload,
    /// The signature, a JWS's third segment.
    Signature,
    /// A JWE's encrypted key, the second segment.
    EncryptedKey,
    /// A JWE's initialization vector, the third segment.
    Iv,
    /// A JWE's ciphertext, the fourth segment.
    Ciphertext,
    /// A JWE's authentication tag, the fifth segment.
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
        /// On its own, with nothing around it that says how it was sent.
        Bare = "bare",
        /// In an Authorization header with the Bearer scheme (RFC 6750 §2.1),
        /// or after the word Bearer.
        AuthorizationBearer = "authorization-bearer",
        /// In an Authorization header with DC/OS's `token=` scheme.
        AuthorizationDcosToken = "authorization-dcos-token",
        /// In an Authorization header with another scheme, or none.
        AuthorizationOther = "authorization-other",
        /// In another HTTP header or a cookie (`X-Auth-Token`, `Cookie`, …).
        Header = "header",
        /// The value of a JSON member; `field` holds its dotted path.
        JsonField = "json-field",
        /// A URL query or fragment parameter.
        UrlParameter = "url-parameter",
        /// Assigned to a name: a shell variable (`TOKEN=…`) or a form field.
        Assignment = "assignment",
        /// Between quotes, with no name before them.
        Quoted = "quoted",
        /// The body of a PEM block (`-----BEGIN CMS-----`): a Keystone PKI
        /// token.
        PemBlock = "pem-block",
        /// The decrypted plaintext of an enclosing JWE (sign-then-encrypt):
        /// never shared, since it was meant for the recipient only.
        JwePlaintext = "jwe-plaintext",
    }
}

vocabulary! {
    /// Why part of a token could not be decoded (`errors[].id`).
    pub enum TokenErrorId {
        /// The number of dot-separated segments does not fit the token (a JWE
        /// needs five and an `enc` header).
        SegmentCount = "segment-count",
        /// `alg` is not a string (RFC 7515 §4.1.1).
        AlgInvalid = "alg-invalid",
        /// A segment is not base64url, even read leniently.
        Base64UrlInvalid = "base64url-invalid",
        /// A decoded header or payload is not UTF-8.
        NotUtf8 = "not-utf8",
        /// The header or payload is JSON, but not an object.
        NotAnObject = "not-an-object",
        /// The JSON ends too early.
        JsonTruncated = "json-truncated",
        /// The JSON is nested too deep to read.
        JsonTooDeep = "json-too-deep",
        /// Any other JSON syntax error.
        JsonSyntax = "json-syntax",
        /// It looks like a Fernet token but cannot be read as one.
        FernetInvalid = "fernet-invalid",
        /// The token JSON inside a Keystone PKI / PKIZ envelope cannot be read.
        KeystoneContent = "keystone-content",
        /// It looks like a Keystone PKI or PKIZ token, but its envelope cannot
        /// be read.
        KeystoneCms = "keystone-cms",
        /// A JWS JSON document (RFC 7515 §7.2) whose members are missing or
        /// of the wrong type; the message names the member.
        JwsJsonInvalid = "jws-json-invalid",
        /// A JWE JSON document (RFC 7516 §7.2) whose headers are not what
        /// the RFC says; the message names the member.
        JweJsonInvalid = "jwe-json-invalid",
    }
}

vocabulary! {
    /// A message about the paste as a whole (`notices[].id`).
    pub enum NoticeId {
        /// Nothing was pasted.
        InputEmpty = "input-empty",
        /// The paste holds no token.
        NoTokenFound = "no-token-found",
        /// A public key or certificate was pasted where tokens go.
        KeyInTokenInput = "key-in-token-input",
        /// A PEM private key was pasted: treat it as exposed.
        PrivateKeyPasted = "private-key-pasted",
        /// Only the first tokens were analysed (see `total_tokens`).
        TokensTruncated = "tokens-truncated",
        /// A Docker `config.json` holds Basic credentials (`auths.<host>.auth`):
        /// the host and user are named, the password never shown.
        DockerCredentials = "docker-credentials",
        /// What a file's structure says (a kubeconfig's `exec` command, its
        /// client certificate or key, YAML that does not parse).
        FileStructure = "file-structure",
    }
}

vocabulary! {
    /// A recognised issuer (`vendor.id`).
    pub enum VendorId {
        /// DC/OS IAM.
        Dcos = "dcos",
        /// A Docker registry token server (distribution's token
        /// authentication).
        DockerRegistry = "docker-registry",
        /// Auth0.
        Auth0 = "auth0",
        /// OpenStack Keystone's JWS token provider.
        KeystoneJws = "keystone-jws",
        /// OpenStack Keystone PKI, PKIZ or Fernet tokens, Open Telekom Cloud's
        /// among them.
        Keystone = "keystone",
        /// Okta (org or custom authorization server).
        Okta = "okta",
        /// GitHub Actions OIDC tokens.
        GithubActions = "github-actions",
        /// GitLab CI/CD ID tokens and the older `CI_JOB_JWT`.
        GitlabCi = "gitlab-ci",
        /// HashiCorp Vault (or OpenBao) identity tokens and OIDC provider
        /// tokens.
        Vault = "vault",
        /// Istio's sample and test issuers (`testing@secure.istio.io`).
        Istio = "istio",
        /// Kubernetes service-account tokens, legacy and projected.
        Kubernetes = "kubernetes",
        /// Keycloak realms.
        Keycloak = "keycloak",
        /// Microsoft Entra ID (Azure AD), v1 and v2.
        EntraId = "entra-id",
        /// Google: ID tokens, Identity-Aware Proxy, Firebase.
        Google = "google",
        /// Amazon Cognito user pools.
        AwsCognito = "aws-cognito",
        /// SPIFFE JWT-SVIDs.
        Spiffe = "spiffe",
        /// Dex, the federated OpenID Connect provider.
        Dex = "dex",
    }
}

vocabulary! {
    /// The envelope of a Keystone CMS token (`keystone.format`).
    pub enum KeystoneFormat {
        /// CMS SignedData in base64 with `-` for `/` (starts `MII`).
        Pki = "pki",
        /// The same, zlib-compressed and base64url-encoded after `PKIZ_`.
        Pkiz = "pkiz",
    }
}

impl KeystoneFormat {
    /// The name people write: `PKI`, `PKIZ`.
    pub fn label(self) -> &'static str {
        match self {
            KeystoneFormat::Pki => "PKI",
            KeystoneFormat::Pkiz => "PKIZ",
        }
    }
}
