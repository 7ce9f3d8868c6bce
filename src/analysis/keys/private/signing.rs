//! A private key held to sign with: RSA (RFC 8017), an EC scalar on
//! P-256/384/521 (SEC 1 §3.2.1) or an Ed25519 seed (RFC 8032 §5.1.5).
//! Read by the one private-key parser ([`super`]) and from JWKs with `d`;
//! its Debug output never shows the private values.

use crate::analysis::keys::error::KeyReadError;
use crate::analysis::keys::material::{Curve, KeyMaterial};
use crate::analysis::keys::ml_dsa::{self, MlDsaLevel};
use std::fmt;

/// A private key to sign with.
#[derive(Clone)]
pub enum PrivateKey {
    /// An RSA private key (with its CRT values).
    Rsa(Box<rsa::PrivateKey>),
    /// An EC private scalar, big-endian, checked to be in 1..n.
    Ec {
        /// Its curve.
        curve: Curve,
        /// The scalar, exactly the curve's field length.
        scalar: Vec<u8>,
    },
    /// An Ed25519 seed.
    Ed25519([u8; 32]),
    /// An X25519 private key (RFC 7748 §5): for ECDH-ES, never signing.
    X25519([u8; 32]),
    /// An ML-DSA seed (FIPS 204 ξ).
    MlDsa {
        /// The parameter set.
        level: MlDsaLevel,
        /// The 32-byte seed.
        seed: [u8; 32],
    },
}

impl PrivateKey {
    /// An EC key from its scalar (shorter scalars are left-padded).
    ///
    /// # Errors
    /// [`KeyReadError::EcPrivateScalarInvalid`] for zero, too long or not
    /// below the curve's order.
    pub fn ec(curve: Curve, scalar: &[u8]) -> Result<Self, KeyReadError> {
        let width = curve.field_bytes();
        if scalar.len() > width {
            return Err(KeyReadError::EcPrivateScalarInvalid { curve });
        }
        let mut padded = vec![0; width - scalar.len()];
        padded.extend_from_slice(scalar);
        // Deriving the public point checks the scalar is in 1..n.
        super::ec_public(curve, &padded)?;
        Ok(PrivateKey::Ec {
            curve,
            scalar: padded,
        })
    }

    /// An Ed25519 key from its 32-byte seed.
    ///
    /// # Errors
    /// [`KeyReadError::Ed25519SeedLength`] for another length.
    pub fn ed25519(seed: &[u8]) -> Result<Self, KeyReadError> {
        let seed: [u8; 32] = seed
            .try_into()
            .map_err(|_| KeyReadError::Ed25519SeedLength { bytes: seed.len() })?;
        Ok(PrivateKey::Ed25519(seed))
    }

    /// An X25519 key from its 32 bytes (RFC 8037 §2 `d`, RFC 8410 §7).
    ///
    /// # Errors
    /// [`KeyReadError::X25519Length`] for another length.
    pub fn x25519(secret: &[u8]) -> Result<Self, KeyReadError> {
        let secret: [u8; 32] = secret.try_into().map_err(|_| KeyReadError::X25519Length {
            bytes: secret.len(),
        })?;
        Ok(PrivateKey::X25519(secret))
    }

    /// An ML-DSA key from its 32-byte seed.
    ///
    /// # Errors
    /// [`KeyReadError::MlDsaKeyLength`] for another length.
    pub fn ml_dsa(level: MlDsaLevel, seed: &[u8]) -> Result<Self, KeyReadError> {
        let seed: [u8; 32] = seed.try_into().map_err(|_| KeyReadError::MlDsaKeyLength {
            alg: level.name(),
            bytes: seed.len(),
            expected: 32,
        })?;
        Ok(PrivateKey::MlDsa { level, seed })
    }

    /// Its public key.
    ///
    /// # Errors
    /// Only when the key cannot give one the verifier accepts (an RSA
    /// exponent it refuses), with its reason.
    pub fn public(&self) -> Result<KeyMaterial, KeyReadError> {
        match self {
            PrivateKey::Rsa(key) => {
                use rsa::traits::PublicKeyParts;
                crate::analysis::keys::material::rsa_from_components(
                    &key.n().to_be_bytes(),
                    &key.e().to_be_bytes(),
                )
            }
            PrivateKey::Ec { curve, scalar } => super::ec_public(*curve, scalar),
            PrivateKey::Ed25519(seed) => super::ed25519_public(seed),
            PrivateKey::X25519(secret) => {
                let secret = x25519_dalek::StaticSecret::from(*secret);
                Ok(KeyMaterial::X25519(
                    x25519_dalek::PublicKey::from(&secret).to_bytes(),
                ))
            }
            PrivateKey::MlDsa { level, seed } => Ok(KeyMaterial::MlDsa {
                level: *level,
                public: ml_dsa::public_of_seed(*level, seed),
            }),
        }
    }

    /// "RSA 2048-bit, e = 65537", "EC P-256", "Ed25519".
    pub fn describe(&self) -> String {
        self.public()
            .map(|m| m.describe())
            .unwrap_or_else(|_| "unusable private key".into())
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey({})", self.describe())
    }
}
