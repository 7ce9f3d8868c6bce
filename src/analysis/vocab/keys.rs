//! Keys: their types, how a key matched a token's `kid`, why a matching
//! signature is refused, and how a secret was written.

use super::vocabulary;

vocabulary! {
    /// JWK `kty` (RFC 7518 §6.1; RFC 8037 §2 for OKP).
    pub enum KeyType {
        /// An RSA public key (RFC 7518 §6.3).
        Rsa = "RSA",
        /// An elliptic-curve public key (RFC 7518 §6.2).
        Ec = "EC",
        /// An Ed25519 public key (RFC 8037 §2).
        Okp = "OKP",
        /// A shared HMAC secret (RFC 7518 §6.4).
        Oct = "oct",
        /// An ML-DSA public key: the Algorithm Key Pair type of
        /// draft-ietf-cose-dilithium.
        Akp = "AKP",
    }
}

vocabulary! {
    /// Which identifier of a key equals the header `kid` (`key.kid_match`).
    pub enum KidMatch {
        /// The key's own JWK `kid` (RFC 7517 §4.5).
        Kid = "kid",
        /// The key's JWK thumbprint (RFC 7638).
        JwkThumbprint = "RFC 7638 JWK thumbprint",
        /// The key's Docker libtrust key ID, as registry tokens use.
        LibtrustKeyId = "libtrust key ID",
        /// The SHA-256 of the key's DER SubjectPublicKeyInfo, in hex.
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
        /// The key's JWK `use`, `key_ops` or `alg` forbids verifying this
        /// token with it (RFC 7517 §4.2–4.4).
        JwkMetadata = "jwk-metadata",
        /// A shared secret published in a key set of public keys: anyone
        /// holding the set could sign with it.
        SecretInPublicKeySet = "secret-in-public-key-set",
    }
}

impl Refusal {
    /// Why a strict verifier refuses the matching signature, completing
    /// "a strict verifier refuses it: …".
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::NonCanonicalEncoding => {
                "the token's base64url is not the canonical encoding RFC 7515 §2 requires"
            }
            Refusal::HmacSecretTooShort => {
                "the HMAC secret is shorter than the hash output (RFC 7518 §3.2)"
            }
            Refusal::WeakKey => {
                "the key is too weak to prove anything (RSA under 2048 bits, or a ROCA key)"
            }
            Refusal::JwkMetadata => {
                "the key's JWK use, key_ops or alg forbids this use (RFC 7517 §4.2–4.4)"
            }
            Refusal::SecretInPublicKeySet => {
                "the secret sits in a key set of public keys, so anyone holding the set could have signed"
            }
        }
    }
}

vocabulary! {
    /// How the person wrote their HMAC secret.
    #[derive(Default)]
    pub enum SecretEncoding {
        /// The UTF-8 bytes of the text, as most HS256 libraries take it.
        #[default]
        Text = "text",
        /// base64 (RFC 4648 §4); the URL-safe alphabet (§5) is accepted
        /// too, since people rarely know which one they hold.
        Base64 = "base64",
        /// base64url (RFC 4648 §5).
        Base64url = "base64url",
        /// Hexadecimal, either case.
        Hex = "hex",
        /// Every reading the text allows (text, base64, hex) is tried, and
        /// the one that verifies is named.
        Auto = "auto",
    }
}

impl SecretEncoding {
    /// The encoding named `name` (`text`, `base64`, `base64url`, `hex`,
    /// `auto`).
    pub fn parse(name: &str) -> Option<Self> {
        Self::from_report_str(name)
    }
}
