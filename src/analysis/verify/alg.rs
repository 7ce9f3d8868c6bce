//! The JWS signature algorithms of RFC 7518 §3 and RFC 8037 §3.1, each
//! verified with RustCrypto over the signing input exactly as received.

use crate::analysis::keys::material::{Curve, EcKey, KeyMaterial};
use crate::analysis::keys::ml_dsa::MlDsaLevel;
pub use crate::analysis::vocab::JwsAlg;
use hmac::{KeyInit, Mac};
use rsa::traits::PublicKeyParts;
use sha2::{Sha256, Sha384, Sha512};
use std::fmt;

/// What kind of key an algorithm needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// A shared secret, for HS256/384/512.
    Hmac,
    /// An RSA public key, for RS* and PS*.
    Rsa,
    /// An EC public key on this curve: P-256 for ES256, P-384 for ES384,
    /// P-521 for ES512.
    Ec(Curve),
    /// An Ed25519 public key, for EdDSA and Ed25519.
    Ed25519,
    /// An ML-DSA public key of this level.
    MlDsa(MlDsaLevel),
}

impl KeyKind {
    /// "an RSA public key", "an EC P-256 public key", "an HMAC secret".
    pub fn describe(self) -> String {
        match self {
            KeyKind::MlDsa(level) => format!("an {} public key (kty AKP)", level.name()),
            other => other.describe_half("public"),
        }
    }

    /// The key of this kind that signs or verifies (`half` is "private" or
    /// "public"): "an RSA private key", "an EC P-256 public key"; an HMAC
    /// secret has no halves.
    pub fn describe_half(self, half: &str) -> String {
        match self {
            KeyKind::Hmac => "an HMAC secret".into(),
            KeyKind::Rsa => format!("an RSA {half} key"),
            KeyKind::Ec(curve) => format!("an EC {} {half} key", curve.jwk_name()),
            KeyKind::Ed25519 => format!("an Ed25519 {half} key"),
            KeyKind::MlDsa(level) => format!("an {} {half} key", level.name()),
        }
    }

    /// Whether `material` is a key of this kind (an EC key only on the
    /// same curve).
    pub fn fits(self, material: &KeyMaterial) -> bool {
        match (self, material) {
            (KeyKind::Hmac, KeyMaterial::Hmac(_))
            | (KeyKind::Rsa, KeyMaterial::Rsa(_))
            | (KeyKind::Ed25519, KeyMaterial::Ed25519(_)) => true,
            (KeyKind::Ec(want), KeyMaterial::Ec { curve, .. }) => want == *curve,
            (KeyKind::MlDsa(want), KeyMaterial::MlDsa { level, .. }) => want == *level,
            _ => false,
        }
    }
}

impl JwsAlg {
    /// The kind of key it verifies with.
    pub fn key_kind(self) -> KeyKind {
        match self {
            JwsAlg::HS256 | JwsAlg::HS384 | JwsAlg::HS512 => KeyKind::Hmac,
            JwsAlg::RS256
            | JwsAlg::RS384
            | JwsAlg::RS512
            | JwsAlg::PS256
            | JwsAlg::PS384
            | JwsAlg::PS512 => KeyKind::Rsa,
            JwsAlg::ES256 => KeyKind::Ec(Curve::P256),
            JwsAlg::ES384 => KeyKind::Ec(Curve::P384),
            JwsAlg::ES512 => KeyKind::Ec(Curve::P521),
            JwsAlg::ES256K => KeyKind::Ec(Curve::Secp256k1),
            JwsAlg::EdDSA | JwsAlg::Ed25519 => KeyKind::Ed25519,
            JwsAlg::MlDsa44 => KeyKind::MlDsa(MlDsaLevel::L44),
            JwsAlg::MlDsa65 => KeyKind::MlDsa(MlDsaLevel::L65),
            JwsAlg::MlDsa87 => KeyKind::MlDsa(MlDsaLevel::L87),
        }
    }

    /// The signature length this algorithm produces with `key` (None when
    /// the key does not fit).
    pub fn signature_len(self, key: &KeyMaterial) -> Option<usize> {
        match (self.key_kind(), key) {
            (KeyKind::Hmac, _) => Some(self.hash_bytes()),
            (KeyKind::Rsa, KeyMaterial::Rsa(k)) => Some(k.size()),
            (KeyKind::Ec(curve), _) => Some(2 * curve.field_bytes()),
            (KeyKind::Ed25519, _) => Some(64),
            (KeyKind::MlDsa(level), _) => Some(level.signature_bytes()),
            _ => None,
        }
    }
}

/// Why a signature did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// Well-formed, but made with another key or over other content.
    Mismatch,
    /// The signature is not as long as this algorithm makes it with this
    /// key (RFC 7518 §3).
    WrongLength {
        /// Bytes the algorithm produces with the key.
        expected: usize,
        /// Bytes the signature has.
        actual: usize,
    },
    /// An ECDSA signature in ASN.1 DER instead of JWS's raw r ‖ s.
    DerEncodedEcdsa,
    /// r or s is zero or not below the group order n.
    ScalarOutOfRange,
    /// The key's type or curve does not suit the algorithm.
    KeyDoesNotFit,
    /// An RSA signature not below the modulus (RFC 8017 §5.2.2).
    NotBelowModulus,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Mismatch => f.write_str("the signature does not match"),
            Failure::WrongLength { expected, actual } => {
                write!(f, "the signature is {actual} bytes where this key produces {expected}")
            }
            Failure::DerEncodedEcdsa => f.write_str(
                "the ECDSA signature is ASN.1 DER; JWS requires the raw 64/96/132-byte r ‖ s form (RFC 7518 §3.4)",
            ),
            Failure::ScalarOutOfRange => f.write_str("r or s is zero or not below the curve order, which no real signature has"),
            Failure::KeyDoesNotFit => f.write_str("the key does not fit the algorithm"),
            Failure::NotBelowModulus => f.write_str(
                "the signature, read as a number, is not below the key's modulus, which no real signature is (RFC 8017 §5.2.2)",
            ),
        }
    }
}

/// Verifies `signature` over `signing_input` with `key` under `alg`.
///
/// # Errors
/// The [`Failure`] that stopped it.
pub fn verify(
    alg: JwsAlg,
    key: &KeyMaterial,
    signing_input: &[u8],
    signature: &[u8],
) -> Result<(), Failure> {
    precheck(alg, key, signature)?;
    compute(alg, key, signing_input, signature)
}

/// What is checked before any arithmetic: the key fits `alg`, the
/// signature has the length the key gives (an ECDSA one is not DER,
/// RFC 7518 §3.4) and, for ECDSA, r and s are in [1, n).
///
/// # Errors
/// The [`Failure`] found.
pub fn precheck(alg: JwsAlg, key: &KeyMaterial, signature: &[u8]) -> Result<(), Failure> {
    if !alg.key_kind().fits(key) {
        return Err(Failure::KeyDoesNotFit);
    }
    let expected = alg.signature_len(key).ok_or(Failure::KeyDoesNotFit)?;
    if signature.len() != expected {
        if matches!(alg.key_kind(), KeyKind::Ec(_)) && looks_like_der_ecdsa(signature) {
            return Err(Failure::DerEncodedEcdsa);
        }
        return Err(Failure::WrongLength {
            expected,
            actual: signature.len(),
        });
    }
    match key {
        KeyMaterial::Ec { curve, .. } if !ecdsa_scalars_in_range(*curve, signature) => {
            Err(Failure::ScalarOutOfRange)
        }
        KeyMaterial::Rsa(rsa) if !below_modulus(rsa, signature) => Err(Failure::NotBelowModulus),
        _ => Ok(()),
    }
}

/// Whether the signature, big-endian and as long as the modulus, is below
/// it (RSAVP1's range check, RFC 8017 §5.2.2; some WebCrypto builds reduce
/// it instead).
fn below_modulus(key: &rsa::PublicKey, signature: &[u8]) -> bool {
    let modulus = key.n_bytes();
    let padding = signature.len().saturating_sub(modulus.len());
    let (high, low) = signature.split_at(padding);
    high.iter().all(|b| *b == 0) && low < &modulus[..]
}

/// The signature arithmetic, after [`precheck`] passed.
///
/// # Errors
/// [`Failure::Mismatch`] (or what the primitive refused).
pub fn compute(
    alg: JwsAlg,
    key: &KeyMaterial,
    signing_input: &[u8],
    signature: &[u8],
) -> Result<(), Failure> {
    match (alg, key) {
        (_, KeyMaterial::Hmac(secret)) => verify_hmac(alg, secret, signing_input, signature),
        (_, KeyMaterial::Rsa(rsa_key)) => verify_rsa(alg, rsa_key, signing_input, signature),
        (_, KeyMaterial::Ec { key, .. }) => verify_ecdsa(key, signing_input, signature),
        (_, KeyMaterial::Ed25519(key)) => {
            let signature =
                ed25519_dalek::Signature::from_slice(signature).map_err(|_| Failure::Mismatch)?;
            key.verify_strict(signing_input, &signature)
                .map_err(|_| Failure::Mismatch)
        }
        // A key-agreement key: `key_kind().fits` never lets it here.
        (_, KeyMaterial::X25519(_)) => Err(Failure::KeyDoesNotFit),
        (_, KeyMaterial::MlDsa { level, public }) => {
            if crate::analysis::keys::ml_dsa::verify(*level, public, signing_input, signature) {
                Ok(())
            } else {
                Err(Failure::Mismatch)
            }
        }
    }
}

fn verify_hmac(alg: JwsAlg, secret: &[u8], input: &[u8], tag: &[u8]) -> Result<(), Failure> {
    fn check<M: Mac + KeyInit>(secret: &[u8], input: &[u8], tag: &[u8]) -> Result<(), Failure> {
        let mut mac = <M as KeyInit>::new_from_slice(secret).map_err(|_| Failure::KeyDoesNotFit)?;
        mac.update(input);
        // Constant-time comparison.
        mac.verify_slice(tag).map_err(|_| Failure::Mismatch)
    }
    match alg {
        JwsAlg::HS256 => check::<hmac::Hmac<Sha256>>(secret, input, tag),
        JwsAlg::HS384 => check::<hmac::Hmac<Sha384>>(secret, input, tag),
        _ => check::<hmac::Hmac<Sha512>>(secret, input, tag),
    }
}

/// Computes an HMAC (for the algorithm-confusion check).
pub fn hmac_tag(alg: JwsAlg, secret: &[u8], input: &[u8]) -> Vec<u8> {
    #[allow(
        clippy::expect_used,
        reason = "HMAC accepts keys of any length (RFC 2104 §3)"
    )]
    fn tag<M: Mac + KeyInit>(secret: &[u8], input: &[u8]) -> Vec<u8> {
        let mut mac =
            <M as KeyInit>::new_from_slice(secret).expect("HMAC takes keys of any length");
        mac.update(input);
        mac.finalize().into_bytes().to_vec()
    }
    match alg {
        JwsAlg::HS384 => tag::<hmac::Hmac<Sha384>>(secret, input),
        JwsAlg::HS512 => tag::<hmac::Hmac<Sha512>>(secret, input),
        _ => tag::<hmac::Hmac<Sha256>>(secret, input),
    }
}

fn verify_rsa(
    alg: JwsAlg,
    key: &rsa::PublicKey,
    input: &[u8],
    signature: &[u8],
) -> Result<(), Failure> {
    use rsa::signature::Verifier;
    let key = key.clone();
    let result = match alg {
        JwsAlg::RS256 => pkcs1(
            rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key),
            input,
            signature,
        ),
        JwsAlg::RS384 => pkcs1(
            rsa::pkcs1v15::VerifyingKey::<Sha384>::new(key),
            input,
            signature,
        ),
        JwsAlg::RS512 => pkcs1(
            rsa::pkcs1v15::VerifyingKey::<Sha512>::new(key),
            input,
            signature,
        ),
        // RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash.
        JwsAlg::PS256 => pss(rsa::pss::VerifyingKey::<Sha256>::new(key), input, signature),
        JwsAlg::PS384 => pss(rsa::pss::VerifyingKey::<Sha384>::new(key), input, signature),
        JwsAlg::PS512 => pss(rsa::pss::VerifyingKey::<Sha512>::new(key), input, signature),
        _ => return Err(Failure::KeyDoesNotFit),
    };
    fn pkcs1<V: Verifier<rsa::pkcs1v15::Signature>>(v: V, input: &[u8], sig: &[u8]) -> bool {
        rsa::pkcs1v15::Signature::try_from(sig).is_ok_and(|s| v.verify(input, &s).is_ok())
    }
    fn pss<V: Verifier<rsa::pss::Signature>>(v: V, input: &[u8], sig: &[u8]) -> bool {
        rsa::pss::Signature::try_from(sig).is_ok_and(|s| v.verify(input, &s).is_ok())
    }
    if result {
        Ok(())
    } else {
        Err(Failure::Mismatch)
    }
}

fn verify_ecdsa(key: &EcKey, input: &[u8], signature: &[u8]) -> Result<(), Failure> {
    use p256::ecdsa::signature::Verifier;
    match key {
        EcKey::P256(k) => {
            let s = p256::ecdsa::Signature::from_slice(signature)
                .map_err(|_| Failure::ScalarOutOfRange)?;
            k.verify(input, &s).map_err(|_| Failure::Mismatch)
        }
        EcKey::P384(k) => {
            let s = p384::ecdsa::Signature::from_slice(signature)
                .map_err(|_| Failure::ScalarOutOfRange)?;
            k.verify(input, &s).map_err(|_| Failure::Mismatch)
        }
        EcKey::P521(k) => {
            let s = p521::ecdsa::Signature::from_slice(signature)
                .map_err(|_| Failure::ScalarOutOfRange)?;
            k.verify(input, &s).map_err(|_| Failure::Mismatch)
        }
        EcKey::Secp256k1(k) => {
            let s = k256::ecdsa::Signature::from_slice(signature)
                .map_err(|_| Failure::ScalarOutOfRange)?;
            // k256 accepts only low-S (Bitcoin's rule); RFC 8812 has no such
            // rule, and (r, s) verifies exactly when (r, n − s) does.
            let s = s.normalize_s();
            k.verify(input, &s).map_err(|_| Failure::Mismatch)
        }
    }
}

/// `SEQUENCE { INTEGER r, INTEGER s }` with consistent lengths.
pub fn looks_like_der_ecdsa(signature: &[u8]) -> bool {
    #[derive(der::Sequence)]
    struct EcdsaSig<'a> {
        r: der::asn1::UintRef<'a>,
        s: der::asn1::UintRef<'a>,
    }
    use der::Decode;
    signature.first() == Some(&0x30) && EcdsaSig::from_der(signature).is_ok()
}

/// Whether a raw r ‖ s signature has r and s in [1, n) for `curve`.
pub fn ecdsa_scalars_in_range(curve: Curve, signature: &[u8]) -> bool {
    match curve {
        Curve::P256 => p256::ecdsa::Signature::from_slice(signature).is_ok(),
        Curve::P384 => p384::ecdsa::Signature::from_slice(signature).is_ok(),
        Curve::P521 => p521::ecdsa::Signature::from_slice(signature).is_ok(),
        Curve::Secp256k1 => k256::ecdsa::Signature::from_slice(signature).is_ok(),
    }
}
