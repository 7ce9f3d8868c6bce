//! A key's forms for the person who made it: the public key as PEM
//! (RFC 7468 §13), as a JWK with `kid`, `alg` and `use` (RFC 7517 §4), and
//! as a one-key JWKS (§5), ready for a service's configuration; the
//! private key as PKCS#8 PEM (RFC 5958, RFC 7468 §10), only when asked.

use super::{SignError, SigningKey};
use crate::analysis::base64url;
use crate::analysis::keys::der::spki_der_for;
use crate::analysis::keys::fingerprint::{jwk_thumbprint, public_jwk_members};
use crate::analysis::keys::private::PrivateKey;
use crate::analysis::vocab::JwsAlg;
use pem_rfc7468::LineEnding;
use serde_json::{Value, json};

/// The public forms of a signing key.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicForms {
    /// `-----BEGIN PUBLIC KEY-----`; `None` for a secret.
    pub pem: Option<String>,
    /// The JWK with `kid`, `alg` and `use: sig` (for a secret, `kty: oct`
    /// with `k`: that JWK is the secret itself).
    pub jwk: Value,
    /// `{"keys": [jwk]}`.
    pub jwks: Value,
    /// The `kid`: the one asked for, else the RFC 7638 thumbprint.
    pub kid: String,
}

fn crypto(error: impl std::fmt::Display) -> SignError {
    SignError::Crypto(error.to_string())
}

/// The key's public forms, for `alg`, with `kid` (default: the RFC 7638
/// thumbprint).
///
/// # Errors
/// [`SignError::Crypto`] when the key cannot be encoded.
pub fn public_forms(
    key: &SigningKey,
    alg: JwsAlg,
    kid: Option<&str>,
) -> Result<PublicForms, SignError> {
    let (pem, mut members) = match key {
        SigningKey::Private(private) => {
            let public = private.public().map_err(crypto)?;
            let der = spki_der_for(&public).ok_or_else(|| crypto("no SubjectPublicKeyInfo"))?;
            let pem =
                pem_rfc7468::encode_string("PUBLIC KEY", LineEnding::LF, &der).map_err(crypto)?;
            let members =
                public_jwk_members(&public).ok_or_else(|| crypto("no public JWK members"))?;
            (Some(pem), members)
        }
        SigningKey::Secret(secret) => {
            let mut members = serde_json::Map::new();
            members.insert("k".into(), Value::String(base64url::encode(secret)));
            members.insert("kty".into(), Value::String("oct".into()));
            (None, members)
        }
    };
    let kid = match kid {
        Some(kid) => kid.to_string(),
        None => match key {
            SigningKey::Private(private) => private
                .public()
                .ok()
                .and_then(|public| jwk_thumbprint(&public))
                .unwrap_or_default(),
            // RFC 7638 §3.2 for `oct`: {"k","kty"}.
            SigningKey::Secret(_) => {
                use sha2::{Digest, Sha256};
                let canonical = Value::Object(members.clone()).to_string();
                base64url::encode(&Sha256::digest(canonical.as_bytes()))
            }
        },
    };
    members.insert("kid".into(), Value::String(kid.clone()));
    members.insert("alg".into(), Value::String(alg.name().into()));
    members.insert("use".into(), Value::String("sig".into()));
    let jwk = Value::Object(members);
    Ok(PublicForms {
        pem,
        jwks: json!({ "keys": [jwk.clone()] }),
        jwk,
        kid,
    })
}

/// The private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
///
/// # Errors
/// [`SignError::Crypto`] when it cannot be encoded.
pub fn private_pkcs8_pem(key: &PrivateKey) -> Result<String, SignError> {
    use p256::pkcs8::EncodePrivateKey;
    let der = match key {
        PrivateKey::Rsa(rsa) => rsa.to_pkcs8_der().map_err(crypto)?,
        PrivateKey::Ec { curve, scalar } => match curve {
            crate::analysis::keys::material::Curve::P256 => p256::SecretKey::from_slice(scalar)
                .map_err(crypto)?
                .to_pkcs8_der()
                .map_err(crypto)?,
            crate::analysis::keys::material::Curve::P384 => p384::SecretKey::from_slice(scalar)
                .map_err(crypto)?
                .to_pkcs8_der()
                .map_err(crypto)?,
            crate::analysis::keys::material::Curve::P521 => p521::SecretKey::from_slice(scalar)
                .map_err(crypto)?
                .to_pkcs8_der()
                .map_err(crypto)?,
            crate::analysis::keys::material::Curve::Secp256k1 => {
                k256::SecretKey::from_slice(scalar)
                    .map_err(crypto)?
                    .to_pkcs8_der()
                    .map_err(crypto)?
            }
        },
        PrivateKey::Ed25519(seed) => ed25519_dalek::SigningKey::from_bytes(seed)
            .to_pkcs8_der()
            .map_err(crypto)?,
        // Read to decrypt JWE only; this tool makes no X25519 keys.
        PrivateKey::X25519(_) => {
            return Err(SignError::Crypto(
                "an X25519 key is for encryption (ECDH-ES), not exported here".into(),
            ));
        }
        PrivateKey::MlDsa { level, seed } => {
            return pem_rfc7468::encode_string(
                "PRIVATE KEY",
                LineEnding::LF,
                &ml_dsa_pkcs8(*level, seed),
            )
            .map_err(crypto);
        }
    };
    pem_rfc7468::encode_string("PRIVATE KEY", LineEnding::LF, der.as_bytes()).map_err(crypto)
}

/// RFC 9881 §6's seed-only PrivateKeyInfo: version 0, the level's OID
/// without parameters, and `[0] IMPLICIT OCTET STRING` holding the seed.
fn ml_dsa_pkcs8(level: crate::analysis::keys::ml_dsa::MlDsaLevel, seed: &[u8; 32]) -> Vec<u8> {
    use der::Encode;
    let oid = level.oid().to_der().unwrap_or_default();
    let algorithm = [&[0x30, oid.len() as u8][..], &oid].concat();
    let private_key = [&[0x04, 34, 0x80, 32][..], seed].concat();
    let body = [&[0x02, 0x01, 0x00][..], &algorithm, &private_key].concat();
    [&[0x30, body.len() as u8][..], &body].concat()
}
