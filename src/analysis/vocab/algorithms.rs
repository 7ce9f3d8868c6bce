//! The JWS signature algorithms (RFC 7518 §3, RFC 8037 §3.1, RFC 9864) by
//! name, with the facts about them that need no cryptography. Verifying
//! with them is `verify::alg`'s business (feature `crypto`).

use super::vocabulary;

vocabulary! {
    /// A JWS `alg` the inspector verifies.
    #[allow(clippy::upper_case_acronyms, reason = "the names RFC 7518 registers")]
    pub enum JwsAlg {
        /// HMAC with SHA-256 (RFC 7518 §3.2).
        HS256 = "HS256",
        /// HMAC with SHA-384 (RFC 7518 §3.2).
        HS384 = "HS384",
        /// HMAC with SHA-512 (RFC 7518 §3.2).
        HS512 = "HS512",
        /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3).
        RS256 = "RS256",
        /// RSASSA-PKCS1-v1_5 with SHA-384 (RFC 7518 §3.3).
        RS384 = "RS384",
        /// RSASSA-PKCS1-v1_5 with SHA-512 (RFC 7518 §3.3).
        RS512 = "RS512",
        /// RSASSA-PSS with SHA-256 (RFC 7518 §3.5).
        PS256 = "PS256",
        /// RSASSA-PSS with SHA-384 (RFC 7518 §3.5).
        PS384 = "PS384",
        /// RSASSA-PSS with SHA-512 (RFC 7518 §3.5).
        PS512 = "PS512",
        /// ECDSA on P-256 with SHA-256 (RFC 7518 §3.4).
        ES256 = "ES256",
        /// ECDSA on P-384 with SHA-384 (RFC 7518 §3.4).
        ES384 = "ES384",
        /// ECDSA on P-521 with SHA-512 (RFC 7518 §3.4).
        ES512 = "ES512",
        /// ECDSA on secp256k1 with SHA-256 (RFC 8812 §3.2).
        ES256K = "ES256K",
        /// EdDSA, here Ed25519 (RFC 8037 §3.1).
        EdDSA = "EdDSA",
        /// Ed25519, fully specified (RFC 9864).
        Ed25519 = "Ed25519",
        /// ML-DSA-44 (FIPS 204; draft-ietf-cose-dilithium).
        MlDsa44 = "ML-DSA-44",
        /// ML-DSA-65 (FIPS 204; draft-ietf-cose-dilithium).
        MlDsa65 = "ML-DSA-65",
        /// ML-DSA-87 (FIPS 204; draft-ietf-cose-dilithium).
        MlDsa87 = "ML-DSA-87",
    }
}

impl JwsAlg {
    /// The algorithm named `name` (case-sensitive, RFC 7515 §4.1.1).
    pub fn parse(name: &str) -> Option<Self> {
        Self::from_report_str(name)
    }

    /// Its registered name.
    pub fn name(self) -> &'static str {
        self.as_str()
    }

    /// The hash output length in bytes (also an HMAC key's minimum,
    /// RFC 7518 §3.2).
    pub fn hash_bytes(self) -> usize {
        match self {
            JwsAlg::HS256 | JwsAlg::RS256 | JwsAlg::PS256 | JwsAlg::ES256 | JwsAlg::ES256K => 32,
            JwsAlg::HS384 | JwsAlg::RS384 | JwsAlg::PS384 | JwsAlg::ES384 => 48,
            JwsAlg::HS512
            | JwsAlg::RS512
            | JwsAlg::PS512
            | JwsAlg::ES512
            | JwsAlg::EdDSA
            | JwsAlg::Ed25519
            | JwsAlg::MlDsa44
            | JwsAlg::MlDsa65
            | JwsAlg::MlDsa87 => 64,
        }
    }

    /// The signature length when the algorithm alone fixes it and no other
    /// shape check applies: an HMAC tag is the hash length (RFC 7518 §3.2),
    /// an Ed25519 signature 64 bytes (RFC 8032 §5.1.6). RSA depends on the
    /// key; ECDSA is judged with its DER and scalar checks.
    pub fn fixed_signature_len(self) -> Option<usize> {
        match self {
            JwsAlg::HS256 | JwsAlg::HS384 | JwsAlg::HS512 => Some(self.hash_bytes()),
            JwsAlg::EdDSA | JwsAlg::Ed25519 => Some(64),
            JwsAlg::MlDsa44 => Some(2420),
            JwsAlg::MlDsa65 => Some(3309),
            JwsAlg::MlDsa87 => Some(4627),
            _ => None,
        }
    }
}
