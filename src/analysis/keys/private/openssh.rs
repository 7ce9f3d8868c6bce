//! OpenSSH private keys (OpenSSH's PROTOCOL.key), read by RustCrypto's
//! `ssh-key`. The public key is stored in the clear, so even a
//! passphrase-protected key gives it; signing needs the key unprotected.

use super::signing::PrivateKey;
use crate::analysis::keys::error::KeyReadError;
use crate::analysis::keys::material::{self, Curve, KeyMaterial};
use ssh_key::private::{EcdsaKeypair, KeypairData};
use ssh_key::public::{EcdsaPublicKey, KeyData};

fn read(text: &str) -> Result<ssh_key::PrivateKey, KeyReadError> {
    ssh_key::PrivateKey::from_openssh(text.trim()).map_err(|e| KeyReadError::OpenSsh {
        reason: e.to_string(),
    })
}

fn unsupported(algorithm: impl ToString) -> KeyReadError {
    KeyReadError::OpenSshUnsupported {
        algorithm: algorithm.to_string(),
    }
}

/// The public key of an OpenSSH private key.
///
/// # Errors
/// [`KeyReadError::OpenSsh`] when the text is not an OpenSSH key,
/// [`KeyReadError::OpenSshUnsupported`] for DSA and security-key types.
pub fn public_key(text: &str) -> Result<KeyMaterial, KeyReadError> {
    let key = read(text)?;
    match key.public_key().key_data() {
        KeyData::Rsa(rsa) => {
            let (Some(n), Some(e)) = (rsa.n().as_positive_bytes(), rsa.e().as_positive_bytes())
            else {
                return Err(KeyReadError::OpenSsh {
                    reason: "the RSA modulus or exponent is not a positive integer".into(),
                });
            };
            material::rsa_from_components(n, e)
        }
        KeyData::Ed25519(ed) => material::ed25519_from_bytes(ed.as_ref()),
        KeyData::Ecdsa(ec) => {
            let curve = match ec {
                EcdsaPublicKey::NistP256(_) => Curve::P256,
                EcdsaPublicKey::NistP384(_) => Curve::P384,
                EcdsaPublicKey::NistP521(_) => Curve::P521,
            };
            material::ec_from_sec1(curve, ec.as_sec1_bytes())
        }
        other => Err(unsupported(other.algorithm())),
    }
}

/// The key to sign with, from an unprotected OpenSSH private key; its
/// public part must be the one stored beside it.
///
/// # Errors
/// As [`public_key`], [`KeyReadError::OpenSshEncrypted`] for a
/// passphrase-protected key, and [`KeyReadError::PrivateKeyMismatch`].
pub fn signing_key(text: &str) -> Result<PrivateKey, KeyReadError> {
    let stored = public_key(text)?;
    let key = read(text)?;
    let signing = match key.key_data() {
        KeypairData::Encrypted(_) => return Err(KeyReadError::OpenSshEncrypted),
        KeypairData::Ed25519(pair) => PrivateKey::ed25519(&pair.private.to_bytes())?,
        KeypairData::Ecdsa(pair) => match pair {
            EcdsaKeypair::NistP256 { private, .. } => {
                PrivateKey::ec(Curve::P256, private.as_slice())?
            }
            EcdsaKeypair::NistP384 { private, .. } => {
                PrivateKey::ec(Curve::P384, private.as_slice())?
            }
            EcdsaKeypair::NistP521 { private, .. } => {
                PrivateKey::ec(Curve::P521, private.as_slice())?
            }
        },
        KeypairData::Rsa(pair) => {
            let positive = |m: &ssh_key::Mpint| {
                m.as_positive_bytes()
                    .map(rsa::BoxedUint::from_be_slice_vartime)
                    .ok_or_else(|| KeyReadError::OpenSsh {
                        reason: "an RSA value is not a positive integer".into(),
                    })
            };
            let key = rsa::PrivateKey::from_components(
                positive(pair.public().n())?,
                positive(pair.public().e())?,
                positive(pair.private().d())?,
                vec![positive(pair.private().p())?, positive(pair.private().q())?],
            )
            .map_err(|e| KeyReadError::RsaPrivateKeyInvalid {
                reason: e.to_string(),
            })?;
            PrivateKey::Rsa(Box::new(key))
        }
        other => {
            return Err(unsupported(
                other.algorithm().map(|a| a.to_string()).unwrap_or_default(),
            ));
        }
    };
    if signing.public()? != stored {
        return Err(KeyReadError::PrivateKeyMismatch);
    }
    Ok(signing)
}
