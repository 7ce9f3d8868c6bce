//! ECDH-ES key agreement (RFC 7518 §4.6) on P-256, P-384 and P-521: the
//! shared secret of the recipient's private key and the sender's
//! ephemeral key (`epk`, checked to lie on the curve, so invalid-curve
//! points are rejected), stretched by the Concat KDF of NIST SP 800-56A
//! §5.8.1 with SHA-256 (§4.6.2). X25519 is not read yet.

use super::DecryptError;
use crate::analysis::base64url;
use crate::analysis::keys::material::Curve;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The agreed key, `bits` long, for `algorithm_id` (the `enc` for direct
/// ECDH-ES, the `alg` with key wrap).
///
/// # Errors
/// An `epk` missing, not on the recipient's curve, or of another curve.
pub fn agreed_key(
    header: &Map<String, Value>,
    curve: Curve,
    scalar: &[u8],
    algorithm_id: &str,
    bytes: usize,
) -> Result<Vec<u8>, DecryptError> {
    let epk = header
        .get("epk")
        .and_then(Value::as_object)
        .ok_or_else(|| {
            DecryptError::NotCompactJwe(
                "ECDH-ES needs the ephemeral key \"epk\" in the header (RFC 7518 §4.6.1.1)".into(),
            )
        })?;
    let crv = epk.get("crv").and_then(Value::as_str).unwrap_or("");
    if Curve::from_jwk_name(crv) != Some(curve) {
        return Err(DecryptError::KeyDoesNotFit {
            alg: "ECDH-ES".into(),
            needs: format!(
                "a private key on the epk's curve {crv}; this one is on {}",
                curve.jwk_name()
            ),
        });
    }
    let coordinate = |name: &str| -> Result<Vec<u8>, DecryptError> {
        let text = epk.get(name).and_then(Value::as_str).unwrap_or("");
        base64url::decode_segment(text)
            .map(|d| d.bytes)
            .map_err(|_| {
                DecryptError::NotCompactJwe(format!("the epk's \"{name}\" is not base64url"))
            })
    };
    let (x, y) = (coordinate("x")?, coordinate("y")?);
    if x.len() != curve.field_bytes() || y.len() != curve.field_bytes() {
        return Err(DecryptError::NotCompactJwe(
            "the epk's coordinates are not the curve's length".into(),
        ));
    }
    let point = [&[0x04][..], &x, &y].concat();
    // On-curve check: a point off the curve would leak the private key
    // (invalid-curve attack).
    crate::analysis::keys::material::ec_from_sec1(curve, &point).map_err(|_| {
        DecryptError::Refused(
            "the epk is not a point on its curve: refused (invalid-curve attack)".into(),
        )
    })?;
    let z = shared_secret(curve, scalar, &point)?;
    let party = |name: &str| -> Result<Vec<u8>, DecryptError> {
        match header.get(name).and_then(Value::as_str) {
            None => Ok(Vec::new()),
            Some(text) => base64url::decode_segment(text)
                .map(|d| d.bytes)
                .map_err(|_| {
                    DecryptError::NotCompactJwe(format!("the header's \"{name}\" is not base64url"))
                }),
        }
    };
    let other_info = [
        with_length(algorithm_id.as_bytes()),
        with_length(&party("apu")?),
        with_length(&party("apv")?),
        ((bytes * 8) as u32).to_be_bytes().to_vec(),
    ]
    .concat();
    Ok(concat_kdf(&z, &other_info, bytes))
}

/// A 32-bit big-endian length, then the bytes (RFC 7518 §4.6.2).
fn with_length(bytes: &[u8]) -> Vec<u8> {
    [(bytes.len() as u32).to_be_bytes().to_vec(), bytes.to_vec()].concat()
}

/// NIST SP 800-56A §5.8.1 single-step KDF with SHA-256.
fn concat_kdf(z: &[u8], other_info: &[u8], bytes: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes + 32);
    let mut counter: u32 = 1;
    while out.len() < bytes {
        let mut hash = Sha256::new();
        hash.update(counter.to_be_bytes());
        hash.update(z);
        hash.update(other_info);
        out.extend_from_slice(&hash.finalize());
        counter += 1;
    }
    out.truncate(bytes);
    out
}

/// The x-coordinate of scalar × point.
fn shared_secret(curve: Curve, scalar: &[u8], point: &[u8]) -> Result<Vec<u8>, DecryptError> {
    let failed = |_| DecryptError::Failed;
    Ok(match curve {
        Curve::P256 => {
            let secret = p256::SecretKey::from_slice(scalar).map_err(failed)?;
            let public = p256::PublicKey::from_sec1_bytes(point).map_err(failed)?;
            p256::ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine())
                .raw_secret_bytes()
                .to_vec()
        }
        Curve::P384 => {
            let secret = p384::SecretKey::from_slice(scalar).map_err(failed)?;
            let public = p384::PublicKey::from_sec1_bytes(point).map_err(failed)?;
            p384::ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine())
                .raw_secret_bytes()
                .to_vec()
        }
        Curve::P521 => {
            let secret = p521::SecretKey::from_slice(scalar).map_err(failed)?;
            let public = p521::PublicKey::from_sec1_bytes(point).map_err(failed)?;
            p521::ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine())
                .raw_secret_bytes()
                .to_vec()
        }
        Curve::Secp256k1 => {
            return Err(DecryptError::Unsupported(
                "ECDH-ES on secp256k1 (not registered for JWE)".into(),
            ));
        }
    })
}
