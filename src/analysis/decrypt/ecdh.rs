//! ECDH-ES key agreement (RFC 7518 §4.6) on P-256, P-384 and P-521, and on
//! X25519 (RFC 8037 §3.2): the shared secret of the recipient's private
//! key and the sender's ephemeral key (`epk`; an EC point is checked to lie
//! on the curve, so invalid-curve points are rejected, and an X25519 result
//! of all zeros is refused), stretched by the Concat KDF of NIST SP 800-56A
//! §5.8.1 with SHA-256 (§4.6.2).

use super::DecryptError;
use crate::analysis::base64url;
use crate::analysis::keys::material::Curve;
use crate::analysis::keys::private::PrivateKey;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The agreed key, `bits` long, for `algorithm_id` (the `enc` for direct
/// ECDH-ES, the `alg` with key wrap).
///
/// # Errors
/// An `epk` missing, not on the recipient's curve, or of another curve.
pub fn agreed_key(
    header: &Map<String, Value>,
    private: &PrivateKey,
    algorithm_id: &str,
    bytes: usize,
) -> Result<Vec<u8>, DecryptError> {
    let z = match private {
        PrivateKey::Ec { curve, scalar } => ec_shared(header, *curve, scalar)?,
        PrivateKey::X25519(secret) => x25519_shared(header, secret)?,
        other => {
            return Err(DecryptError::KeyDoesNotFit {
                alg: "ECDH-ES".into(),
                needs: format!(
                    "an EC (P-256, P-384, P-521) or X25519 private key; this one is {}",
                    other.describe()
                ),
            });
        }
    };
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

/// The header's `epk` (RFC 7518 §4.6.1.1).
fn epk(header: &Map<String, Value>) -> Result<&Map<String, Value>, DecryptError> {
    header.get("epk").and_then(Value::as_object).ok_or_else(|| {
        DecryptError::NotCompactJwe(
            "ECDH-ES needs the ephemeral key \"epk\" in the header (RFC 7518 §4.6.1.1)".into(),
        )
    })
}

/// Z for X25519 (RFC 8037 §3.2, RFC 7748 §6.1).
fn x25519_shared(header: &Map<String, Value>, secret: &[u8; 32]) -> Result<Vec<u8>, DecryptError> {
    let epk = epk(header)?;
    let crv = epk.get("crv").and_then(Value::as_str).unwrap_or("");
    if crv != "X25519" {
        return Err(DecryptError::KeyDoesNotFit {
            alg: "ECDH-ES".into(),
            needs: format!("a private key on the epk's curve {crv}; this one is X25519"),
        });
    }
    let x = epk.get("x").and_then(Value::as_str).unwrap_or("");
    let public: [u8; 32] = base64url::decode_segment(x)
        .ok()
        .and_then(|d| d.bytes.try_into().ok())
        .ok_or_else(|| {
            DecryptError::NotCompactJwe("the epk's \"x\" is not 32 bytes of base64url".into())
        })?;
    let shared = x25519_dalek::StaticSecret::from(*secret)
        .diffie_hellman(&x25519_dalek::PublicKey::from(public));
    // RFC 8037 §3.2: an all-zero result (a low-order epk) must be refused.
    if !shared.was_contributory() {
        return Err(DecryptError::Refused(
            "the epk is a low-order X25519 point (the shared secret is all zeros): refused (RFC 8037 §3.2)".into(),
        ));
    }
    Ok(shared.as_bytes().to_vec())
}

/// Z for an EC curve: the epk checked on the recipient's curve.
fn ec_shared(
    header: &Map<String, Value>,
    curve: Curve,
    scalar: &[u8],
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
    shared_secret(curve, scalar, &point)
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bytes32(hex: &str) -> [u8; 32] {
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        bytes.try_into().unwrap()
    }

    /// RFC 8037 Appendix A.6 (RFC 7748 §6.1's keys): Bob's key and the
    /// ephemeral public key agree on Z.
    #[test]
    fn x25519_agrees_on_rfc_8037_a6_z() {
        let bob = bytes32("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        let header = json!({"alg": "ECDH-ES+A128KW", "enc": "A128GCM",
            "epk": {"kty": "OKP", "crv": "X25519", "x": "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"}});
        let z = x25519_shared(header.as_object().unwrap(), &bob).unwrap();
        assert_eq!(
            z,
            bytes32("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
        );
        let public = PrivateKey::X25519(bob).public().unwrap();
        assert_eq!(
            crate::analysis::keys::fingerprint::public_jwk_members(&public).unwrap()["x"],
            "3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08"
        );
    }
}
