//! JSON Web Keys (RFC 7517 §4) and key sets (RFC 7517 §5), for the key
//! types of RFC 7518 §6 and RFC 8037 §2.

use super::material::{self, Curve, KeyMaterial};
use crate::analysis::base64url;
use serde_json::{Map, Value};

/// One JWK, read.
#[derive(Debug, Clone)]
pub struct JwkKey {
    pub material: KeyMaterial,
    pub kid: Option<String>,
    pub alg: Option<String>,
    pub use_: Option<String>,
    pub key_ops: Option<Vec<String>>,
    /// The JWK's own `x5c` / `x5t` are not trusted; their presence is noted.
    pub warnings: Vec<String>,
}

/// Reads one JWK object.
///
/// # Errors
/// A sentence such as "JWK is missing `n`".
pub fn parse(jwk: &Map<String, Value>) -> Result<JwkKey, String> {
    let kty = jwk
        .get("kty")
        .ok_or("JWK has no `kty` (RFC 7517 §4.1)")?
        .as_str()
        .ok_or("JWK `kty` is not a string")?;
    let mut warnings = Vec::new();
    let material = match kty {
        "RSA" => {
            let n = member(jwk, "n", &mut warnings)?;
            let e = member(jwk, "e", &mut warnings)?;
            material::rsa_from_components(&n, &e)?
        }
        "EC" => ec(jwk, &mut warnings)?,
        "OKP" => okp(jwk, &mut warnings)?,
        "oct" => {
            let k = member(jwk, "k", &mut warnings)?;
            if k.is_empty() {
                return Err("JWK `k` is empty: an empty HMAC secret verifies nothing".into());
            }
            KeyMaterial::Hmac(k)
        }
        other => return Err(format!("JWK `kty` \"{other}\" is not RSA, EC, OKP or oct")),
    };
    if jwk.contains_key("d") {
        warnings.push("this JWK contains the private key (`d`): it has not left this page, but a private key should never be pasted anywhere".into());
    }
    Ok(JwkKey {
        material,
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

fn ec(jwk: &Map<String, Value>, warnings: &mut Vec<String>) -> Result<KeyMaterial, String> {
    let crv = jwk
        .get("crv")
        .and_then(Value::as_str)
        .ok_or("JWK is missing `crv`")?;
    let curve = match Curve::from_jwk_name(crv) {
        Some(curve) => curve,
        None if crv == "secp256k1" => {
            return Err("JWK curve secp256k1 (ES256K) is not verified by this page".into());
        }
        None => return Err(format!("JWK `crv` \"{crv}\" is not P-256, P-384 or P-521")),
    };
    let x = member(jwk, "x", warnings)?;
    let y = member(jwk, "y", warnings)?;
    let size = curve.field_bytes();
    for (name, coordinate) in [("x", &x), ("y", &y)] {
        if coordinate.len() != size {
            return Err(format!(
                "JWK `{name}` is {} bytes, but a {crv} coordinate is {size} bytes (RFC 7518 §6.2.1.2)",
                coordinate.len()
            ));
        }
    }
    let mut point = Vec::with_capacity(1 + 2 * size);
    point.push(0x04);
    point.extend_from_slice(&x);
    point.extend_from_slice(&y);
    material::ec_from_sec1(curve, &point).map_err(|e| format!("JWK: {e}"))
}

fn okp(jwk: &Map<String, Value>, warnings: &mut Vec<String>) -> Result<KeyMaterial, String> {
    let crv = jwk
        .get("crv")
        .and_then(Value::as_str)
        .ok_or("JWK is missing `crv`")?;
    if crv != "Ed25519" {
        return Err(format!(
            "JWK OKP curve \"{crv}\" is not verified by this page (only Ed25519)"
        ));
    }
    let x = member(jwk, "x", warnings)?;
    material::ed25519_from_bytes(&x).map_err(|e| format!("JWK: {e}"))
}

/// A required base64url member, decoded.
fn member(
    jwk: &Map<String, Value>,
    name: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, String> {
    let text = jwk
        .get(name)
        .ok_or_else(|| format!("JWK is missing `{name}`"))?
        .as_str()
        .ok_or_else(|| format!("JWK `{name}` is not a string"))?;
    let decoded = base64url::decode_segment(text)
        .map_err(|e| format!("JWK `{name}` is not base64url: {e}"))?;
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
    use serde_json::json;

    fn read(v: Value) -> Result<JwkKey, String> {
        parse(v.as_object().unwrap())
    }

    #[test]
    fn missing_members_are_named() {
        assert_eq!(
            read(json!({"kty":"RSA","e":"AQAB"})).unwrap_err(),
            "JWK is missing `n`"
        );
        assert_eq!(
            read(json!({"n":"AQAB"})).unwrap_err(),
            "JWK has no `kty` (RFC 7517 §4.1)"
        );
        let err = read(json!({"kty":"EC","crv":"P-256","x":"AA","y":"AA"})).unwrap_err();
        assert!(err.contains("`x` is 1 bytes"), "{err}");
    }

    #[test]
    fn p256_jwk_with_modified_y_is_not_on_the_curve() {
        let err = read(json!({"kty":"EC","crv":"P-256","x":"04N0xi21hshyvBp7I167sbE_bXqyqkAPfefdklMO7wY","y":"UI8exy-C06a7DUnjIdENkxeFtHM4-l_41LqEw9nVgnw"})).unwrap_err();
        assert!(err.contains("not a valid P-256 public key"), "{err}");
    }

    #[test]
    fn exponent_one_is_refused() {
        let n = base64url::encode(&[0xc5; 256]);
        let err = read(json!({"kty":"RSA","n": n, "e":"AQ"})).unwrap_err();
        assert!(err.contains("e is 1"), "{err}");
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
