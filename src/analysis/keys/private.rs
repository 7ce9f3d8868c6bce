//! Private keys pasted where a public key belongs. People paste what they
//! have, and a private key holds its public key: this module derives that
//! public key and nothing else leaves it. The private bytes are borrowed
//! from the decoded block, never copied into a [`Key`](super::Key), and
//! dropped with the key text.
//!
//! Read: PKCS#8 `PRIVATE KEY` (RFC 5958 §2), PKCS#1 `RSA PRIVATE KEY`
//! (RFC 8017 §A.1.2), SEC1 `EC PRIVATE KEY` (RFC 5915 §3) and
//! `OPENSSH PRIVATE KEY` (OpenSSH's PROTOCOL.key, read by RustCrypto's
//! `ssh-key`). Public keys are derived with RustCrypto's curve crates.

use super::der::{self as der_key, DerKey};
use super::error::{DerContainer, KeyReadError};
use super::material::{self, Curve, KeyMaterial};
use super::ml_dsa::MlDsaLevel;
use der::Decode;
use der::asn1::OctetStringRef;
use rsa::pkcs1::UintRef;
use rsa::pkcs8::PrivateKeyInfoRef;
pub use signing::PrivateKey;

/// The public key of the private key in a PEM block labelled `label`.
/// `block_text` is the block as pasted (OpenSSH keys are read from it).
///
/// # Errors
/// [`KeyReadError::PrivateKeyEncrypted`] for `ENCRYPTED PRIVATE KEY`,
/// [`KeyReadError::PrivateKeyUnsupported`] for labels this page does not
/// read (`DSA PRIVATE KEY`, …), or why the key inside is unreadable.
pub fn from_pem(label: &str, der: &[u8], block_text: &str) -> Result<DerKey, KeyReadError> {
    match label {
        "PRIVATE KEY" => from_pkcs8(der),
        "RSA PRIVATE KEY" => from_pkcs1(der),
        "EC PRIVATE KEY" => from_sec1(der, None),
        "OPENSSH PRIVATE KEY" => from_openssh(block_text),
        "ENCRYPTED PRIVATE KEY" => Err(KeyReadError::PrivateKeyEncrypted {
            label: label.to_string(),
        }),
        other => Err(KeyReadError::PrivateKeyUnsupported {
            label: other.to_string(),
        }),
    }
}

/// The private key inside a DER container, still borrowed from it: what
/// the public key and the signing key are both derived from.
enum Inner<'a> {
    /// A PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2).
    Rsa(rsa::pkcs1::RsaPrivateKey<UintRef<'a>>),
    /// An EC scalar on a named curve, with the public key stored beside
    /// it, if any (RFC 5915 §3).
    Ec {
        curve: Curve,
        scalar: &'a [u8],
        stored: Option<&'a [u8]>,
    },
    /// An Ed25519 seed (RFC 8410 §7), with the stored public key, if any.
    Ed25519 {
        seed: &'a [u8],
        stored: Option<&'a [u8]>,
    },
    /// An X25519 private key (RFC 8410 §7), with the stored public key.
    X25519 {
        secret: &'a [u8],
        stored: Option<&'a [u8]>,
    },
    /// An ML-DSA seed (RFC 9881 §6), with the stored public key, if any.
    MlDsa {
        level: MlDsaLevel,
        seed: &'a [u8],
        stored: Option<&'a [u8]>,
    },
}

impl Inner<'_> {
    /// The public key, checked against a stored one.
    fn public(&self) -> Result<KeyMaterial, KeyReadError> {
        match self {
            Inner::Rsa(key) => material::rsa_from_components(
                key.modulus.as_bytes(),
                key.public_exponent.as_bytes(),
            ),
            Inner::Ec {
                curve,
                scalar,
                stored,
            } => {
                let derived = ec_public(*curve, scalar)?;
                if let Some(stored) = stored {
                    check_stored(&derived, &material::ec_from_sec1(*curve, stored)?)?;
                }
                Ok(derived)
            }
            Inner::Ed25519 { seed, stored } => {
                let derived = ed25519_public(seed)?;
                if let Some(stored) = stored {
                    check_stored(&derived, &material::ed25519_from_bytes(stored)?)?;
                }
                Ok(derived)
            }
            Inner::X25519 { secret, stored } => {
                let derived = PrivateKey::x25519(secret)?.public()?;
                if let Some(stored) = stored {
                    check_stored(&derived, &material::x25519_from_bytes(stored)?)?;
                }
                Ok(derived)
            }
            Inner::MlDsa {
                level,
                seed,
                stored,
            } => {
                let derived = PrivateKey::ml_dsa(*level, seed)?.public()?;
                if let Some(stored) = stored
                    && derived
                        != (KeyMaterial::MlDsa {
                            level: *level,
                            public: stored.to_vec(),
                        })
                {
                    return Err(KeyReadError::PrivateKeyMismatch);
                }
                Ok(derived)
            }
        }
    }

    /// The key to sign with; its public part is checked as [`Self::public`]
    /// checks it.
    fn signing(&self) -> Result<PrivateKey, KeyReadError> {
        self.public()?;
        match self {
            Inner::Rsa(key) => rsa::PrivateKey::try_from(key.clone())
                .map(|k| PrivateKey::Rsa(Box::new(k)))
                .map_err(|e| KeyReadError::RsaPrivateKeyInvalid {
                    reason: e.to_string(),
                }),
            Inner::Ec { curve, scalar, .. } => PrivateKey::ec(*curve, scalar),
            Inner::Ed25519 { seed, .. } => PrivateKey::ed25519(seed),
            Inner::X25519 { secret, .. } => PrivateKey::x25519(secret),
            Inner::MlDsa { level, seed, .. } => PrivateKey::ml_dsa(*level, seed),
        }
    }
}

/// Decodes a PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5958 §2) and
/// dispatches on its algorithm.
fn pkcs8_inner(der: &[u8]) -> Result<Inner<'_>, KeyReadError> {
    let info = PrivateKeyInfoRef::from_der(der)
        .map_err(|e| der_key::describe(DerContainer::Pkcs8PrivateKeyInfo, der.len(), &e))?;
    let oid = info.algorithm.oid;
    let private = info.private_key.as_bytes();
    if oid == der_key::RSA_ENCRYPTION || oid == der_key::RSASSA_PSS {
        return pkcs1_inner(private);
    }
    if oid == der_key::EC_PUBLIC_KEY {
        let curve_oid = info
            .algorithm
            .parameters_oid()
            .map_err(|_| KeyReadError::EcCurveUnnamed)?;
        return sec1_inner(private, Some(der_key::curve_named(curve_oid)?));
    }
    if oid == der_key::ED25519 {
        // RFC 8410 §7: the key is a CurvePrivateKey, an OCTET STRING
        // holding the 32-byte seed.
        let seed = <&OctetStringRef>::from_der(private)
            .map_err(|e| der_key::describe(DerContainer::CurvePrivateKey, private.len(), &e))?;
        return Ok(Inner::Ed25519 {
            seed: seed.as_bytes(),
            stored: info.public_key.and_then(|bits| bits.as_bytes()),
        });
    }
    if oid == der_key::ED448 {
        return Err(KeyReadError::Ed448Key);
    }
    if oid == der_key::X25519 {
        // RFC 8410 §7: a CurvePrivateKey, the 32-byte secret.
        let secret = <&OctetStringRef>::from_der(private)
            .map_err(|e| der_key::describe(DerContainer::CurvePrivateKey, private.len(), &e))?;
        return Ok(Inner::X25519 {
            secret: secret.as_bytes(),
            stored: info.public_key.and_then(|bits| bits.as_bytes()),
        });
    }
    if let Some(level) = MlDsaLevel::from_oid(oid) {
        return ml_dsa_inner(level, private, info.public_key.and_then(|b| b.as_bytes()));
    }
    Err(KeyReadError::UnsupportedAlgorithm {
        oid: oid.to_string(),
    })
}

/// RFC 9881 §6: the private key is `[0] IMPLICIT OCTET STRING` (the
/// 32-byte seed) or a SEQUENCE of the seed and the expanded key; the
/// expanded form alone holds no seed to derive from.
fn ml_dsa_inner<'a>(
    level: MlDsaLevel,
    private: &'a [u8],
    stored: Option<&'a [u8]>,
) -> Result<Inner<'a>, KeyReadError> {
    let seed = match private {
        [0x80, 0x20, seed @ ..] if seed.len() == 32 => seed,
        // `both`: SEQUENCE { seed, expandedKey }; the expanded key must be
        // the seed's (RFC 9881 §6 asks for the check).
        [0x30, 0x82, _, _, 0x04, 0x20, rest @ ..] if rest.len() >= 32 => {
            let (seed, expanded) = rest.split_at(32);
            let expanded = match expanded {
                [0x04, 0x82, high, low, key @ ..]
                    if key.len() == usize::from(*high) << 8 | usize::from(*low) =>
                {
                    key
                }
                _ => {
                    return Err(KeyReadError::PrivateKeyUnsupported {
                        label: format!(
                            "{} private key whose expanded form is malformed",
                            level.name()
                        ),
                    });
                }
            };
            if super::ml_dsa::expanded_of_seed(level, seed).as_deref() != Some(expanded) {
                return Err(KeyReadError::PrivateKeyMismatch);
            }
            seed
        }
        _ => {
            return Err(KeyReadError::PrivateKeyUnsupported {
                label: format!(
                    "{} private key without its seed (only the expanded form)",
                    level.name()
                ),
            });
        }
    };
    Ok(Inner::MlDsa {
        level,
        seed,
        stored,
    })
}

fn pkcs1_inner(der: &[u8]) -> Result<Inner<'_>, KeyReadError> {
    rsa::pkcs1::RsaPrivateKey::<UintRef<'_>>::from_der(der)
        .map(Inner::Rsa)
        .map_err(|e| der_key::describe(DerContainer::Pkcs1RsaPrivateKey, der.len(), &e))
}

/// `curve` comes from the PKCS#8 wrapper, if any; otherwise from the key's
/// own `parameters`.
fn sec1_inner(der: &[u8], curve: Option<Curve>) -> Result<Inner<'_>, KeyReadError> {
    let key = sec1::EcPrivateKey::from_der(der)
        .map_err(|e| der_key::describe(DerContainer::Sec1EcPrivateKey, der.len(), &e))?;
    let curve = match (curve, key.parameters.and_then(|p| p.named_curve())) {
        (Some(curve), _) => curve,
        (None, Some(oid)) => der_key::curve_named(oid)?,
        (None, None) => return Err(KeyReadError::EcCurveUnnamed),
    };
    Ok(Inner::Ec {
        curve,
        scalar: key.private_key,
        stored: key.public_key,
    })
}

/// The key to sign with, from a private PEM block (the labels
/// [`from_pem`] reads). Its public part is checked the same way.
///
/// # Errors
/// As [`from_pem`], and [`KeyReadError::RsaPrivateKeyInvalid`] when the
/// RSA private values do not form a key.
pub fn signing_key_from_pem(
    label: &str,
    der: &[u8],
    block_text: &str,
) -> Result<PrivateKey, KeyReadError> {
    match label {
        "PRIVATE KEY" => pkcs8_inner(der)?.signing(),
        "RSA PRIVATE KEY" => pkcs1_inner(der)?.signing(),
        "EC PRIVATE KEY" => sec1_inner(der, None)?.signing(),
        "OPENSSH PRIVATE KEY" => openssh::signing_key(block_text),
        "ENCRYPTED PRIVATE KEY" => Err(KeyReadError::PrivateKeyEncrypted {
            label: label.to_string(),
        }),
        other => Err(KeyReadError::PrivateKeyUnsupported {
            label: other.to_string(),
        }),
    }
}

/// Reads a PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5958 §2) and
/// derives its public key.
///
/// # Errors
/// A DER error naming where, an unsupported algorithm or curve, or why the
/// key inside is unusable.
pub fn from_pkcs8(der: &[u8]) -> Result<DerKey, KeyReadError> {
    wrap(pkcs8_inner(der)?.public()?)
}

/// Reads a PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2). Its modulus and public
/// exponent are the public key.
///
/// # Errors
/// A DER error naming where, or why the modulus or exponent is unusable.
pub fn from_pkcs1(der: &[u8]) -> Result<DerKey, KeyReadError> {
    wrap(pkcs1_inner(der)?.public()?)
}

/// Reads a SEC1 ECPrivateKey (RFC 5915 §3) and derives its public point.
/// A stored `publicKey` must equal the derived one.
///
/// # Errors
/// A DER error naming where, an unnamed or unsupported curve, an invalid
/// scalar, or [`KeyReadError::PrivateKeyMismatch`].
pub fn from_sec1(der: &[u8], curve: Option<Curve>) -> Result<DerKey, KeyReadError> {
    wrap(sec1_inner(der, curve)?.public()?)
}

/// Reads an OpenSSH private key's public key ([`openssh::public_key`]).
///
/// # Errors
/// As [`openssh::public_key`].
pub fn from_openssh(text: &str) -> Result<DerKey, KeyReadError> {
    wrap(openssh::public_key(text)?)
}

/// The Ed25519 public key of a 32-byte seed (RFC 8032 §5.1.5).
fn ed25519_public(seed: &[u8]) -> Result<KeyMaterial, KeyReadError> {
    let seed: [u8; 32] = seed
        .try_into()
        .map_err(|_| KeyReadError::Ed25519SeedLength { bytes: seed.len() })?;
    let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
    Ok(KeyMaterial::Ed25519(signing.verifying_key()))
}

/// The public point of the scalar `private` on `curve` (SEC 1 §3.2.1).
fn ec_public(curve: Curve, private: &[u8]) -> Result<KeyMaterial, KeyReadError> {
    let invalid = || KeyReadError::EcPrivateScalarInvalid { curve };
    let point = match curve {
        Curve::P256 => p256::SecretKey::from_slice(private)
            .map_err(|_| invalid())?
            .public_key()
            .to_sec1_bytes(),
        Curve::P384 => p384::SecretKey::from_slice(private)
            .map_err(|_| invalid())?
            .public_key()
            .to_sec1_bytes(),
        Curve::Secp256k1 => k256::SecretKey::from_slice(private)
            .map_err(|_| invalid())?
            .public_key()
            .to_sec1_bytes(),
        Curve::P521 => p521::SecretKey::from_slice(private)
            .map_err(|_| invalid())?
            .public_key()
            .to_sec1_bytes(),
    };
    material::ec_from_sec1(curve, &point)
}

/// Refuses a key whose stored public key is not the one its private part
/// gives: verifying with either would mislead.
fn check_stored(derived: &KeyMaterial, stored: &KeyMaterial) -> Result<(), KeyReadError> {
    if der_key::spki_der_for(derived) == der_key::spki_der_for(stored) {
        Ok(())
    } else {
        Err(KeyReadError::PrivateKeyMismatch)
    }
}

fn wrap(material: KeyMaterial) -> Result<DerKey, KeyReadError> {
    let spki_der = der_key::spki_der_for(&material).ok_or(KeyReadError::SpkiReencodeFailed)?;
    Ok(DerKey {
        material,
        spki_der,
        certificate: None,
    })
}

mod openssh;
mod signing;
#[cfg(test)]
mod tests;
