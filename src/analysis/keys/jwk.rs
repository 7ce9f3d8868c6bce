//! JSON Web Keys (RFC 7517 §4) and key sets (RFC 7517 §5), for the key
//! types of RFC 7518 §6 and RFC 8037 §2.

use super::der;
use super::error::KeyReadError;
use super::material::{self, Curve, KeyMaterial};
use super::ml_dsa::{self, MlDsaLevel};
use super::private::PrivateKey;
use crate::analysis::base64url;
use base64::Engine;
use serde_json::{Map, Value};

/// One JWK, read.
#[derive(Debug, Clone)]
pub struct JwkKey {
    /// The key itself.
    pub material: KeyMaterial,
    /// `kid` (RFC 7517 §4.5).
    pub kid: Option<String>,
    /// `alg` (RFC 7517 §4.4).
    pub alg: Option<String>,
    /// `use` (RFC 7517 §4.2).
    pub use_: Option<String>,
    /// `key_ops` (RFC 7517 §4.3), its string entries.
    pub key_ops: Option<Vec<String>>,
    /// Irregular base64url in its members, in words.
    pub warnings: Vec<String>,
    /// What its `x5c` certificate says, when it has one (RFC 7517 §4.7).
    pub certificate: Option<der::CertificateInfo>,
    /// Whether it holds a private key (`d`); only its public part is used.
    pub private: bool,
}

/// Reads one JWK object.
///
/// # Errors
/// The first problem found, e.g. [`KeyReadError::JwkMissingMember`]
/// (`JWK is missing `n``) or [`KeyReadError::Jwk`] around an unusable key.
pub fn parse(jwk: &Map<String, Value>) -> Result<JwkKey, KeyReadError> {
    let kty = jwk
        .get("kty")
        .ok_or(KeyReadError::JwkNoKty)?
        .as_str()
        .ok_or(KeyReadError::JwkKtyNotString)?;
    let mut warnings = Vec::new();
    let certified = x5c_key(jwk)?;
    let own_key_given = match kty {
        "RSA" => jwk.contains_key("n"),
        "EC" | "OKP" => jwk.contains_key("x"),
        "AKP" => jwk.contains_key("pub"),
        _ => true,
    };
    let material = match (&certified, own_key_given) {
        // RFC 7517 §4.7: the key may be given by its certificate alone.
        (Some(certified), false) => certified.material.clone(),
        _ => own_material(kty, jwk, &mut warnings)?,
    };
    if let Some(certified) = &certified
        && der::spki_der_for(&material).as_deref() != Some(certified.spki_der.as_slice())
    {
        // RFC 7517 §4.7: the first certificate's key MUST match the JWK's.
        return Err(KeyReadError::JwkX5cMismatch);
    }
    // A private JWK's `d` must belong to its public members: verifying
    // with a key whose halves disagree would mislead.
    if own_key_given {
        private_key(jwk)?;
    }
    Ok(JwkKey {
        // RFC 7518 §6.3.2.1, §6.2.2.1, RFC 8037 §2: `d` is the private part.
        // draft-ietf-cose-dilithium: an AKP key's private part is `priv`.
        private: (jwk.contains_key("d") || jwk.contains_key("priv"))
            && !matches!(material, KeyMaterial::Hmac(_)),
        material,
        certificate: certified.and_then(|c| c.certificate),
        kid: string(jwk, "kid"),
        alg: string(jwk, "alg"),
        use_: string(jwk, "use"),
        key_ops: jwk.get("key_ops").and_then(Value::as_array).map(|ops| {
            ops.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        }),
        warnings,
    })
}

/// The key of the first `x5c` certificate (RFC 7517 §4.7: standard
/// base64 DER, the key's own certificate first), if the JWK has one.
fn x5c_key(jwk: &Map<String, Value>) -> Result<Option<der::DerKey>, KeyReadError> {
    let Some(chain) = jwk.get("x5c") else {
        return Ok(None);
    };
    let first = chain
        .as_array()
        .and_then(|certs| certs.first())
        .and_then(Value::as_str)
        .ok_or(KeyReadError::JwkX5cNotBase64)?;
    let der_bytes = base64url::STANDARD_ANY_PADDING
        .decode(first.trim())
        .map_err(|_| KeyReadError::JwkX5cNotBase64)?;
    der::from_certificate(&der_bytes)
        .map(Some)
        .map_err(|e| KeyReadError::JwkX5c(Box::new(e)))
}

/// The key from the JWK's own members (RFC 7518 §6, RFC 8037 §2).
fn own_material(
    kty: &str,
    jwk: &Map<String, Value>,
    warnings: &mut Vec<String>,
) -> Result<KeyMaterial, KeyReadError> {
    Ok(match kty {
        "RSA" => {
            let n = member(jwk, "n", warnings)?;
            let e = member(jwk, "e", warnings)?;
            material::rsa_from_components(&n, &e)?
        }
        "EC" => ec(jwk, warnings)?,
        "OKP" => okp(jwk, warnings)?,
        "AKP" => {
            let level = akp_level(jwk)?;
            let public = member(jwk, "pub", warnings)?;
            KeyMaterial::MlDsa {
                level,
                public: ml_dsa::public_key(level, &public)?,
            }
        }
        "oct" => {
            let k = member(jwk, "k", warnings)?;
            if k.is_empty() {
                return Err(KeyReadError::JwkEmptySecret);
            }
            KeyMaterial::Hmac(k)
        }
        other => {
            return Err(KeyReadError::JwkUnsupportedKty {
                kty: other.to_string(),
            });
        }
    })
}

fn ec(jwk: &Map<String, Value>, warnings: &mut Vec<String>) -> Result<KeyMaterial, KeyReadError> {
    let crv = curve_name(jwk)?;
    let curve = match Curve::from_jwk_name(crv) {
        Some(curve) => curve,
        None => {
            return Err(KeyReadError::JwkUnsupportedCurve {
                crv: crv.to_string(),
            });
        }
    };
    let x = member(jwk, "x", warnings)?;
    let y = member(jwk, "y", warnings)?;
    let size = curve.field_bytes();
    for (name, coordinate) in [("x", &x), ("y", &y)] {
        if coordinate.len() != size {
            return Err(KeyReadError::JwkCoordinateLength {
                name,
                bytes: coordinate.len(),
                curve,
            });
        }
    }
    let mut point = Vec::with_capacity(1 + 2 * size);
    point.push(0x04);
    point.extend_from_slice(&x);
    point.extend_from_slice(&y);
    material::ec_from_sec1(curve, &point).map_err(|e| KeyReadError::Jwk(Box::new(e)))
}

fn okp(jwk: &Map<String, Value>, warnings: &mut Vec<String>) -> Result<KeyMaterial, KeyReadError> {
    let crv = curve_name(jwk)?;
    let read = match crv {
        "Ed25519" => material::ed25519_from_bytes,
        "X25519" => material::x25519_from_bytes,
        _ => {
            return Err(KeyReadError::JwkUnsupportedOkpCurve {
                crv: crv.to_string(),
            });
        }
    };
    let x = member(jwk, "x", warnings)?;
    read(&x).map_err(|e| KeyReadError::Jwk(Box::new(e)))
}

/// The private key of a JWK holding `d` (RSA: RFC 7518 §6.3.2, with `p`
/// and `q` when given, else recovered; EC: §6.2.2.1; OKP: RFC 8037 §2),
/// checked to belong to the JWK's public members. `None` without `d`.
///
/// # Errors
/// A member missing or not base64url, values that form no key, or
/// [`KeyReadError::PrivateKeyMismatch`].
pub fn private_key(jwk: &Map<String, Value>) -> Result<Option<PrivateKey>, KeyReadError> {
    if !jwk.contains_key("d") && !jwk.contains_key("priv") {
        return Ok(None);
    }
    let mut warnings = Vec::new();
    let kty = jwk
        .get("kty")
        .and_then(Value::as_str)
        .ok_or(KeyReadError::JwkMissingMember { name: "kty" })?;
    let public = own_material(kty, jwk, &mut warnings)?;
    if let KeyMaterial::MlDsa { level, .. } = public {
        let key = PrivateKey::ml_dsa(level, &member(jwk, "priv", &mut warnings)?)?;
        return if key.public()? == public {
            Ok(Some(key))
        } else {
            Err(KeyReadError::PrivateKeyMismatch)
        };
    }
    let d = member(jwk, "d", &mut warnings)?;
    let key = match (kty, &public) {
        ("RSA", _) => {
            let uint = |bytes: &[u8]| rsa::BoxedUint::from_be_slice_vartime(bytes);
            let primes = match (jwk.contains_key("p"), jwk.contains_key("q")) {
                (true, true) => vec![
                    uint(&member(jwk, "p", &mut warnings)?),
                    uint(&member(jwk, "q", &mut warnings)?),
                ],
                _ => Vec::new(),
            };
            let key = rsa::PrivateKey::from_components(
                uint(&member(jwk, "n", &mut warnings)?),
                uint(&member(jwk, "e", &mut warnings)?),
                uint(&d),
                primes,
            )
            .map_err(|e| KeyReadError::RsaPrivateKeyInvalid {
                reason: e.to_string(),
            })?;
            PrivateKey::Rsa(Box::new(key))
        }
        // RFC 7518 §6.2.2.1: `d` is exactly the curve's length.
        (_, KeyMaterial::Ec { curve, .. }) if d.len() != curve.field_bytes() => {
            return Err(KeyReadError::JwkPrivateLength {
                bytes: d.len(),
                curve: *curve,
            });
        }
        (_, KeyMaterial::Ec { curve, .. }) => PrivateKey::ec(*curve, &d)?,
        (_, KeyMaterial::Ed25519(_)) => PrivateKey::ed25519(&d)?,
        (_, KeyMaterial::X25519(_)) => PrivateKey::x25519(&d)?,
        _ => return Ok(None),
    };
    if key.public()? != public {
        return Err(KeyReadError::PrivateKeyMismatch);
    }
    Ok(Some(key))
}

/// An AKP JWK's `alg`: which ML-DSA level its key is.
fn akp_level(jwk: &Map<String, Value>) -> Result<MlDsaLevel, KeyReadError> {
    let alg = jwk.get("alg").and_then(Value::as_str).unwrap_or("");
    MlDsaLevel::from_name(alg).ok_or_else(|| KeyReadError::AkpAlgUnknown { alg: alg.into() })
}

/// `crv` (RFC 7518 §6.2.1.1, RFC 8037 §2); absent and not a string read
/// alike.
fn curve_name(jwk: &Map<String, Value>) -> Result<&str, KeyReadError> {
    jwk.get("crv")
        .and_then(Value::as_str)
        .ok_or(KeyReadError::JwkMissingMember { name: "crv" })
}

/// A required base64url member, decoded.
fn member(
    jwk: &Map<String, Value>,
    name: &'static str,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, KeyReadError> {
    let text = jwk
        .get(name)
        .ok_or(KeyReadError::JwkMissingMember { name })?
        .as_str()
        .ok_or(KeyReadError::JwkMemberNotString { name })?;
    let decoded = base64url::decode_segment(text)
        .map_err(|error| KeyReadError::JwkMemberNotBase64url { name, error })?;
    if !decoded.irregularities.is_empty() {
        warnings.push(format!("JWK `{name}` {}", decoded.irregularities[0]));
    }
    Ok(decoded.bytes)
}

fn string(jwk: &Map<String, Value>, name: &str) -> Option<String> {
    jwk.get(name).and_then(Value::as_str).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::base64url::Base64UrlError;
    use serde_json::json;

    fn read(v: Value) -> Result<JwkKey, KeyReadError> {
        parse(v.as_object().unwrap())
    }

    #[test]
    fn an_ec_private_key_shorter_than_its_curve_is_refused() {
        // RFC 7515 A.3's P-256 key with `d`'s first byte removed.
        let d = base64url::decode_segment("jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI")
            .unwrap()
            .bytes;
        let jwk = json!({"kty":"EC","crv":"P-256",
            "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
            "d": base64url::encode(&d[1..])});
        assert_eq!(
            read(jwk).unwrap_err(),
            KeyReadError::JwkPrivateLength {
                bytes: 31,
                curve: Curve::P256
            }
        );
    }

    #[test]
    fn an_rsa_jwk_without_n_is_missing_n() {
        assert_eq!(
            read(json!({"kty":"RSA","e":"AQAB"})).unwrap_err(),
            KeyReadError::JwkMissingMember { name: "n" }
        );
    }

    #[test]
    fn an_object_without_kty_has_no_kty() {
        assert_eq!(
            read(json!({"n":"AQAB"})).unwrap_err(),
            KeyReadError::JwkNoKty
        );
        assert_eq!(
            read(json!({"kty": 1})).unwrap_err(),
            KeyReadError::JwkKtyNotString
        );
    }

    #[test]
    fn unknown_kty_and_curves_are_named() {
        assert_eq!(
            read(json!({"kty":"RSA-PSS"})).unwrap_err(),
            KeyReadError::JwkUnsupportedKty {
                kty: "RSA-PSS".into()
            }
        );
        assert_eq!(
            read(json!({"kty":"EC","crv":"brainpoolP256r1"})).unwrap_err(),
            KeyReadError::JwkUnsupportedCurve {
                crv: "brainpoolP256r1".into()
            }
        );
        assert_eq!(
            read(json!({"kty":"OKP","crv":"X448","x":"AA"})).unwrap_err(),
            KeyReadError::JwkUnsupportedOkpCurve { crv: "X448".into() }
        );
        assert_eq!(
            read(json!({"kty":"OKP","crv":7,"x":"AA"})).unwrap_err(),
            KeyReadError::JwkMissingMember { name: "crv" }
        );
    }

    #[test]
    fn a_one_byte_p256_coordinate_has_the_wrong_length() {
        let err = read(json!({"kty":"EC","crv":"P-256","x":"AA","y":"AA"})).unwrap_err();
        assert_eq!(
            err,
            KeyReadError::JwkCoordinateLength {
                name: "x",
                bytes: 1,
                curve: Curve::P256
            }
        );
    }

    #[test]
    fn members_that_are_not_base64url_strings_are_named() {
        assert_eq!(
            read(json!({"kty":"oct","k":42})).unwrap_err(),
            KeyReadError::JwkMemberNotString { name: "k" }
        );
        assert_eq!(
            read(json!({"kty":"oct","k":"AA*A"})).unwrap_err(),
            KeyReadError::JwkMemberNotBase64url {
                name: "k",
                error: Base64UrlError::InvalidCharacter {
                    character: '*',
                    offset: 2
                }
            }
        );
        assert_eq!(
            read(json!({"kty":"oct","k":""})).unwrap_err(),
            KeyReadError::JwkEmptySecret
        );
    }

    #[test]
    fn p256_jwk_with_modified_y_is_not_on_the_curve() {
        let err = read(json!({"kty":"EC","crv":"P-256","x":"04N0xi21hshyvBp7I167sbE_bXqyqkAPfefdklMO7wY","y":"UI8exy-C06a7DUnjIdENkxeFtHM4-l_41LqEw9nVgnw"})).unwrap_err();
        assert_eq!(
            err,
            KeyReadError::Jwk(Box::new(KeyReadError::EcPointInvalid {
                curve: Curve::P256
            }))
        );
    }

    #[test]
    fn a_short_ed25519_x_is_the_wrong_length() {
        let err = read(json!({"kty":"OKP","crv":"Ed25519","x":"AAEC"})).unwrap_err();
        assert_eq!(
            err,
            KeyReadError::Jwk(Box::new(KeyReadError::Ed25519Length { bytes: 3 }))
        );
        assert_eq!(
            err.to_string(),
            "JWK: an Ed25519 public key is 32 bytes, this one is 3"
        );
    }

    #[test]
    fn exponent_one_is_refused() {
        let n = base64url::encode(&[0xc5; 256]);
        let err = read(json!({"kty":"RSA","n": n, "e":"AQ"})).unwrap_err();
        assert_eq!(err, KeyReadError::RsaExponentOne);
    }

    #[test]
    fn oct_key_is_an_hmac_secret_and_metadata_is_kept() {
        let key = read(json!({"kty":"oct","k":"AAEC","kid":"a","alg":"HS256","use":"sig","key_ops":["verify"]})).unwrap();
        assert_eq!(key.material, KeyMaterial::Hmac(vec![0, 1, 2]));
        assert_eq!(
            (key.kid.as_deref(), key.alg.as_deref(), key.use_.as_deref()),
            (Some("a"), Some("HS256"), Some("sig"))
        );
        assert_eq!(key.key_ops, Some(vec!["verify".to_string()]));
        assert!(format!("{:?}", key.material).contains("redacted"));
    }
}
