//! Keys: their types, how a key matched a token's `kid`, why a matching
//! signature is refused, and how a secret was written.

use super::vocabulary;

vocabulary! {
    /// JWK `kty` (RFC 7518 §6.1; RFC 8037 §2 for OKP).
    pub enum KeyType {
        Rsa = "RSA",
        Ec = "EC",
        Okp = "OKP",
        Oct = "oct",
    }
}

vocabulary! {
    /// Which identifier of a key equals the header `kid` (`key.kid_match`).
    pub enum KidMatch {
        Kid = "kid",
        JwkThumbprint = "RFC 7638 JWK thumbprint",
        LibtrustKeyId = "libtrust key ID",
        SpkiSha256 = "SHA-256 of the public key",
    }
}

vocabulary! {
    /// The rule that refuses a signature which matched a supplied key
    /// (`signature.matched_but_refused`).
    pub enum Refusal {
        /// RFC 7515 §2: padded or non-canonical base64url.
        NonCanonicalEncoding = "non-canonical-encoding",
        /// RFC 7518 §3.2: an HMAC key shorter than the hash output.
        HmacSecretTooShort = "hmac-secret-too-short",
        /// RSA under 2048 bits (RFC 7518 §3.3), or a ROCA key.
        WeakKey = "weak-key",
    }
}

vocabulary! {
    /// How the person wrote their HMAC secret.
    #[derive(Default)]
    pub enum SecretEncoding {
        /// The UTF-8 bytes of the text, as most HS256 libraries take it.
        #[default]
        Text = "text",
        Base64 = "base64",
        Base64url = "base64url",
        Hex = "hex",
    }
}

impl SecretEncoding {
    /// The encoding named `name` (`text`, `base64`, `base64url`, `hex`).
    pub fn parse(name: &str) -> Option<Self> {
        Self::from_report_str(name)
    }
}
