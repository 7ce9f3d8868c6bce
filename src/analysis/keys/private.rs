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
use der::Decode;
use der::asn1::OctetStringRef;
use rsa::pkcs1::UintRef;
use rsa::pkcs8::PrivateKeyInfoRef;

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

/// Reads a PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5958 §2) and
/// dispatches on its algorithm.
///
/// # Errors
/// A DER error naming where, an unsupported algorithm or curve, or why the
/// key inside is unusable.
pub fn from_pkcs8(der: &[u8]) -> Result<DerKey, KeyReadError> {
    let info = PrivateKeyInfoRef::from_der(der)
        .map_err(|e| der_key::describe(DerContainer::Pkcs8PrivateKeyInfo, der.len(), &e))?;
    let oid = info.algorithm.oid;
    let private = info.private_key.as_bytes();
    if oid == der_key::RSA_ENCRYPTION || oid == der_key::RSASSA_PSS {
        return from_pkcs1(private);
    }
    if oid == der_key::EC_PUBLIC_KEY {
        let curve_oid = info
            .algorithm
            .parameters_oid()
            .map_err(|_| KeyReadError::EcCurveUnnamed)?;
        return from_sec1(private, Some(der_key::curve_named(curve_oid)?));
    }
    if oid == der_key::ED25519 {
        // RFC 8410 §7: the key is a CurvePrivateKey, an OCTET STRING
        // holding the 32-byte seed.
        let seed = <&OctetStringRef>::from_der(private)
            .map_err(|e| der_key::describe(DerContainer::CurvePrivateKey, private.len(), &e))?;
        let derived = ed25519_public(seed.as_bytes())?;
        if let Some(stored) = info.public_key.and_then(|bits| bits.as_bytes()) {
            check_stored(&derived, &material::ed25519_from_bytes(stored)?)?;
        }
        return wrap(derived);
    }
    if oid == der_key::ED448 {
        return Err(KeyReadError::Ed448Key);
    }
    Err(KeyReadError::UnsupportedAlgorithm {
        oid: oid.to_string(),
    })
}

/// Reads a PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2). Its modulus and public
/// exponent are the public key.
///
/// # Errors
/// A DER error naming where, or why the modulus or exponent is unusable.
pub fn from_pkcs1(der: &[u8]) -> Result<DerKey, KeyReadError> {
    let key = rsa::pkcs1::RsaPrivateKey::<UintRef<'_>>::from_der(der)
        .map_err(|e| der_key::describe(DerContainer::Pkcs1RsaPrivateKey, der.len(), &e))?;
    wrap(material::rsa_from_components(
        key.modulus.as_bytes(),
        key.public_exponent.as_bytes(),
    )?)
}

/// Reads a SEC1 ECPrivateKey (RFC 5915 §3) and derives its public point.
/// `curve` comes from the PKCS#8 wrapper, if any; otherwise from the
/// key's own `parameters`. A stored `publicKey` must equal the derived one.
///
/// # Errors
/// A DER error naming where, an unnamed or unsupported curve, an invalid
/// scalar, or [`KeyReadError::PrivateKeyMismatch`].
pub fn from_sec1(der: &[u8], curve: Option<Curve>) -> Result<DerKey, KeyReadError> {
    let key = sec1::EcPrivateKey::from_der(der)
        .map_err(|e| der_key::describe(DerContainer::Sec1EcPrivateKey, der.len(), &e))?;
    let curve = match (curve, key.parameters.and_then(|p| p.named_curve())) {
        (Some(curve), _) => curve,
        (None, Some(oid)) => der_key::curve_named(oid)?,
        (None, None) => return Err(KeyReadError::EcCurveUnnamed),
    };
    let derived = ec_public(curve, key.private_key)?;
    if let Some(stored) = key.public_key {
        check_stored(&derived, &material::ec_from_sec1(curve, stored)?)?;
    }
    wrap(derived)
}

/// Reads an OpenSSH private key. Its public key is stored in the clear,
/// so even a passphrase-protected key gives it.
///
/// # Errors
/// [`KeyReadError::OpenSsh`] when the text is not an OpenSSH key,
/// [`KeyReadError::OpenSshUnsupported`] for DSA and security-key types.
pub fn from_openssh(text: &str) -> Result<DerKey, KeyReadError> {
    use ssh_key::public::{EcdsaPublicKey, KeyData};
    let key =
        ssh_key::PrivateKey::from_openssh(text.trim()).map_err(|e| KeyReadError::OpenSsh {
            reason: e.to_string(),
        })?;
    let derived = match key.public_key().key_data() {
        KeyData::Rsa(rsa) => {
            let (Some(n), Some(e)) = (rsa.n().as_positive_bytes(), rsa.e().as_positive_bytes())
            else {
                return Err(KeyReadError::OpenSsh {
                    reason: "the RSA modulus or exponent is not a positive integer".into(),
                });
            };
            material::rsa_from_components(n, e)?
        }
        KeyData::Ed25519(ed) => material::ed25519_from_bytes(ed.as_ref())?,
        KeyData::Ecdsa(ec) => {
            let curve = match ec {
                EcdsaPublicKey::NistP256(_) => Curve::P256,
                EcdsaPublicKey::NistP384(_) => Curve::P384,
                EcdsaPublicKey::NistP521(_) => Curve::P521,
            };
            material::ec_from_sec1(curve, ec.as_sec1_bytes())?
        }
        other => {
            return Err(KeyReadError::OpenSshUnsupported {
                algorithm: other.algorithm().to_string(),
            });
        }
    };
    wrap(derived)
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

#[cfg(test)]
mod tests;
