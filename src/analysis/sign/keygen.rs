//! New keys for signing: RSA 2048/3072/4096 (RFC 7518 §3.3 asks at least
//! 2048), P-256/384/521 scalars, Ed25519 seeds and HMAC secrets as long as
//! their hash (RFC 7518 §3.2), from the RNG the caller passes (the
//! browser's `crypto.getRandomValues` in the worker, the system's in the
//! CLI).

use super::{SignError, SigningKey};
use crate::analysis::keys::material::Curve;
use crate::analysis::keys::ml_dsa::MlDsaLevel;
use crate::analysis::keys::private::PrivateKey;
use crate::analysis::verify::alg::KeyKind;
use crate::analysis::vocab::JwsAlg;
use rsa::rand_core::TryCryptoRng;

/// The kind and size of key to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySpec {
    /// RSA with a modulus of this many bits.
    Rsa(usize),
    /// An EC key on this curve.
    Ec(Curve),
    /// An Ed25519 key.
    Ed25519,
    /// An HMAC secret of this many bytes.
    Secret(usize),
    /// An ML-DSA key of this level.
    MlDsa(MlDsaLevel),
}

impl KeySpec {
    /// The usual key for `alg`: RSA 2048, the algorithm's curve, Ed25519,
    /// or a secret of the hash's length.
    pub fn for_alg(alg: JwsAlg) -> Self {
        match alg.key_kind() {
            KeyKind::Hmac => KeySpec::Secret(alg.hash_bytes()),
            KeyKind::Rsa => KeySpec::Rsa(2048),
            KeyKind::Ec(curve) => KeySpec::Ec(curve),
            KeyKind::Ed25519 => KeySpec::Ed25519,
            KeyKind::MlDsa(level) => KeySpec::MlDsa(level),
        }
    }

    /// "RSA 3072", "EC P-256", "Ed25519", "HMAC secret, 32 bytes".
    pub fn describe(self) -> String {
        match self {
            KeySpec::Rsa(bits) => format!("RSA {bits}"),
            KeySpec::Ec(curve) => format!("EC {}", curve.jwk_name()),
            KeySpec::Ed25519 => "Ed25519".into(),
            KeySpec::Secret(bytes) => format!("HMAC secret, {bytes} bytes"),
            KeySpec::MlDsa(level) => level.name().into(),
        }
    }
}

/// RSA sizes offered; others are refused (below 2048 is too weak, above
/// 4096 takes minutes in a browser).
pub const RSA_SIZES: [usize; 3] = [2048, 3072, 4096];

fn random<R: TryCryptoRng + ?Sized>(rng: &mut R, bytes: usize) -> Result<Vec<u8>, SignError> {
    let mut buffer = vec![0; bytes];
    rng.try_fill_bytes(&mut buffer)
        .map_err(|_| SignError::Random)?;
    Ok(buffer)
}

/// Makes a key.
///
/// # Errors
/// [`SignError::Crypto`] for an RSA size not in [`RSA_SIZES`] or a secret
/// under 16 bytes, [`SignError::Random`] when the RNG fails.
pub fn generate<R: TryCryptoRng + ?Sized>(
    spec: KeySpec,
    rng: &mut R,
) -> Result<SigningKey, SignError> {
    match spec {
        KeySpec::Rsa(bits) if RSA_SIZES.contains(&bits) => rsa::PrivateKey::new(rng, bits)
            .map(|key| SigningKey::Private(PrivateKey::Rsa(Box::new(key))))
            .map_err(|e| SignError::Crypto(e.to_string())),
        KeySpec::Rsa(bits) => Err(SignError::Crypto(format!(
            "RSA keys are made with 2048, 3072 or 4096 bits, not {bits}"
        ))),
        KeySpec::Ec(curve) => {
            // A random scalar is below the order with overwhelming odds
            // on these curves; P-521's top byte keeps only its one bit.
            for _ in 0..64 {
                let mut scalar = random(rng, curve.field_bytes())?;
                if curve == Curve::P521 {
                    scalar[0] &= 0x01;
                }
                if let Ok(key) = PrivateKey::ec(curve, &scalar) {
                    return Ok(SigningKey::Private(key));
                }
            }
            Err(SignError::Random)
        }
        KeySpec::Ed25519 => {
            let seed = random(rng, 32)?;
            PrivateKey::ed25519(&seed)
                .map(SigningKey::Private)
                .map_err(|e| SignError::Crypto(e.to_string()))
        }
        KeySpec::MlDsa(level) => PrivateKey::ml_dsa(level, &random(rng, 32)?)
            .map(SigningKey::Private)
            .map_err(|e| SignError::Crypto(e.to_string())),
        KeySpec::Secret(bytes) if bytes >= 16 => Ok(SigningKey::Secret(random(rng, bytes)?)),
        KeySpec::Secret(bytes) => Err(SignError::Crypto(format!(
            "an HMAC secret of {bytes} bytes is too short to make; RFC 7518 §3.2 asks at least the hash's length"
        ))),
    }
}
