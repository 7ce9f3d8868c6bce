//! ML-DSA (FIPS 204) keys for JOSE, as draft-ietf-cose-dilithium registers
//! them: `alg` ML-DSA-44, ML-DSA-65 and ML-DSA-87, the JWK key type `AKP`
//! with `pub` (the encoded public key) and `priv` (the 32-byte seed), and
//! in X.509 / PKCS#8 the OIDs of RFC 9881 (id-ml-dsa-44 …-87). The JOSE
//! registration is a draft: names may still change. RustCrypto's `ml-dsa`
//! does the arithmetic; signatures are the pure variant with an empty
//! context.

use super::error::KeyReadError;
use der::asn1::ObjectIdentifier;
use ml_dsa::{EncodedVerifyingKey, MlDsa44, MlDsa65, MlDsa87};

/// The three ML-DSA parameter sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MlDsaLevel {
    /// ML-DSA-44 (NIST category 2).
    L44,
    /// ML-DSA-65 (category 3).
    L65,
    /// ML-DSA-87 (category 5).
    L87,
}

impl MlDsaLevel {
    /// Every level.
    pub const ALL: [MlDsaLevel; 3] = [MlDsaLevel::L44, MlDsaLevel::L65, MlDsaLevel::L87];

    /// The JOSE `alg` (and AKP JWK `alg`) name.
    pub fn name(self) -> &'static str {
        match self {
            MlDsaLevel::L44 => "ML-DSA-44",
            MlDsaLevel::L65 => "ML-DSA-65",
            MlDsaLevel::L87 => "ML-DSA-87",
        }
    }

    /// The level an `alg` names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Bytes of an encoded public key (FIPS 204 Table 2).
    pub fn public_key_bytes(self) -> usize {
        match self {
            MlDsaLevel::L44 => 1312,
            MlDsaLevel::L65 => 1952,
            MlDsaLevel::L87 => 2592,
        }
    }

    /// Bytes of a signature (FIPS 204 Table 2).
    pub fn signature_bytes(self) -> usize {
        match self {
            MlDsaLevel::L44 => 2420,
            MlDsaLevel::L65 => 3309,
            MlDsaLevel::L87 => 4627,
        }
    }

    /// The SubjectPublicKeyInfo / PKCS#8 algorithm OID (RFC 9881 §2).
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            MlDsaLevel::L44 => ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17"),
            MlDsaLevel::L65 => ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.18"),
            MlDsaLevel::L87 => ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.19"),
        }
    }

    /// The level an OID names.
    pub fn from_oid(oid: ObjectIdentifier) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.oid() == oid)
    }
}

/// Checks an encoded public key's length.
///
/// # Errors
/// [`KeyReadError::MlDsaKeyLength`] when it is not the level's length.
pub fn public_key(level: MlDsaLevel, bytes: &[u8]) -> Result<Vec<u8>, KeyReadError> {
    if bytes.len() == level.public_key_bytes() {
        Ok(bytes.to_vec())
    } else {
        Err(KeyReadError::MlDsaKeyLength {
            alg: level.name(),
            bytes: bytes.len(),
            expected: level.public_key_bytes(),
        })
    }
}

/// Whether `signature` is an ML-DSA signature of `input` under `public`
/// (pure ML-DSA, empty context: FIPS 204 Algorithm 3).
pub fn verify(level: MlDsaLevel, public: &[u8], input: &[u8], signature: &[u8]) -> bool {
    fn check<P: ml_dsa::MlDsaParams>(public: &[u8], input: &[u8], signature: &[u8]) -> bool {
        let Ok(encoded) = EncodedVerifyingKey::<P>::try_from(public) else {
            return false;
        };
        let Ok(encoded_signature) = ml_dsa::EncodedSignature::<P>::try_from(signature) else {
            return false;
        };
        let Some(signature) = ml_dsa::Signature::<P>::decode(&encoded_signature) else {
            return false;
        };
        ml_dsa::VerifyingKey::<P>::decode(&encoded).verify_with_context(input, &[], &signature)
    }
    match level {
        MlDsaLevel::L44 => check::<MlDsa44>(public, input, signature),
        MlDsaLevel::L65 => check::<MlDsa65>(public, input, signature),
        MlDsaLevel::L87 => check::<MlDsa87>(public, input, signature),
    }
}

/// The encoded public key of a 32-byte seed (FIPS 204 Algorithm 6).
pub fn public_of_seed(level: MlDsaLevel, seed: &[u8; 32]) -> Vec<u8> {
    fn derive<P: ml_dsa::MlDsaParams>(seed: &[u8; 32]) -> Vec<u8> {
        let seed = ml_dsa::Seed::from(*seed);
        let key = ml_dsa::SigningKey::<P>::from_seed(&seed);
        let public: &ml_dsa::VerifyingKey<P> = key.as_ref();
        public.encode().to_vec()
    }
    match level {
        MlDsaLevel::L44 => derive::<MlDsa44>(seed),
        MlDsaLevel::L65 => derive::<MlDsa65>(seed),
        MlDsaLevel::L87 => derive::<MlDsa87>(seed),
    }
}

/// A deterministic pure ML-DSA signature with an empty context (FIPS 204
/// Algorithm 2 with rnd = 0³²).
pub fn sign(level: MlDsaLevel, seed: &[u8; 32], input: &[u8]) -> Result<Vec<u8>, String> {
    fn run<P: ml_dsa::MlDsaParams>(seed: &[u8; 32], input: &[u8]) -> Result<Vec<u8>, String> {
        let seed = ml_dsa::Seed::from(*seed);
        ml_dsa::SigningKey::<P>::from_seed(&seed)
            .expanded_key()
            .sign_deterministic(input, &[])
            .map(|s| s.encode().to_vec())
            .map_err(|e| e.to_string())
    }
    match level {
        MlDsaLevel::L44 => run::<MlDsa44>(seed, input),
        MlDsaLevel::L65 => run::<MlDsa65>(seed, input),
        MlDsaLevel::L87 => run::<MlDsa87>(seed, input),
    }
}

/// The expanded private key (FIPS 204 `skEncode`) of a 32-byte seed, to
/// check a PKCS#8 key that carries both forms (RFC 9881 §6).
pub fn expanded_of_seed(level: MlDsaLevel, seed: &[u8]) -> Option<Vec<u8>> {
    #[allow(
        deprecated,
        reason = "skEncode is exactly what RFC 9881's check compares"
    )]
    fn expand<P: ml_dsa::MlDsaParams>(seed: &[u8; 32]) -> Vec<u8> {
        let seed = ml_dsa::Seed::from(*seed);
        ml_dsa::SigningKey::<P>::from_seed(&seed)
            .expanded_key()
            .to_expanded()
            .to_vec()
    }
    let seed: &[u8; 32] = seed.try_into().ok()?;
    Some(match level {
        MlDsaLevel::L44 => expand::<MlDsa44>(seed),
        MlDsaLevel::L65 => expand::<MlDsa65>(seed),
        MlDsaLevel::L87 => expand::<MlDsa87>(seed),
    })
}
