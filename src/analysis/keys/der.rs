//! DER key containers: SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), PKCS#1
//! RSAPublicKey (RFC 8017 §A.1.1) and X.509 certificates (RFC 5280 §4.1),
//! read with RustCrypto's `spki`, `pkcs1` and `x509-cert`.

use super::material::{self, Curve, KeyMaterial};
pub use crate::analysis::key_report::CertificateInfo;
use der::{Decode, Encode};
use rsa::pkcs1::UintRef;
use spki::{ObjectIdentifier, SubjectPublicKeyInfoRef};
use x509_cert::Certificate;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const ED448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.113");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
const SECP256K1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.10");

/// A key read from DER, with its SPKI encoding (for fingerprints).
#[derive(Debug, Clone)]
pub struct DerKey {
    pub material: KeyMaterial,
    pub spki_der: Vec<u8>,
    pub certificate: Option<CertificateInfo>,
}

/// Reads a DER SubjectPublicKeyInfo.
///
/// # Errors
/// A sentence naming what is wrong and where.
pub fn from_spki(der: &[u8]) -> Result<DerKey, String> {
    let spki = SubjectPublicKeyInfoRef::from_der(der)
        .map_err(|e| describe("public key (SubjectPublicKeyInfo)", der.len(), &e))?;
    let material = spki_material(&spki)?;
    Ok(DerKey {
        material,
        spki_der: der.to_vec(),
        certificate: None,
    })
}

fn spki_material(spki: &SubjectPublicKeyInfoRef<'_>) -> Result<KeyMaterial, String> {
    let bits = spki
        .subject_public_key
        .as_bytes()
        .ok_or("the public key BIT STRING has unused bits")?;
    let oid = spki.algorithm.oid;
    if oid == RSA_ENCRYPTION || oid == RSASSA_PSS {
        return from_pkcs1(bits).map(|k| k.material);
    }
    if oid == EC_PUBLIC_KEY {
        let curve_oid = spki
            .algorithm
            .parameters_oid()
            .map_err(|_| "the EC key does not name its curve")?;
        let curve = match curve_oid {
            P256 => Curve::P256,
            P384 => Curve::P384,
            P521 => Curve::P521,
            SECP256K1 => {
                return Err(
                    "the key is on secp256k1 (ES256K), which this page does not verify".into(),
                );
            }
            other => {
                return Err(format!(
                    "the EC key is on curve {other}, which JOSE does not use"
                ));
            }
        };
        return material::ec_from_sec1(curve, bits);
    }
    if oid == ED25519 {
        return material::ed25519_from_bytes(bits);
    }
    if oid == ED448 {
        return Err("the key is Ed448, which this page does not verify".into());
    }
    Err(format!("the key algorithm {oid} is not RSA, EC or Ed25519"))
}

/// Reads a PKCS#1 RSAPublicKey and wraps it in an SPKI for fingerprints.
///
/// # Errors
/// A sentence naming what is wrong and where.
pub fn from_pkcs1(der: &[u8]) -> Result<DerKey, String> {
    let key = rsa::pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(der)
        .map_err(|e| describe("RSA public key (PKCS#1)", der.len(), &e))?;
    let material =
        material::rsa_from_components(key.modulus.as_bytes(), key.public_exponent.as_bytes())?;
    let spki_der = spki_der_for(&material).ok_or("could not re-encode the key")?;
    Ok(DerKey {
        material,
        spki_der,
        certificate: None,
    })
}

/// Reads an X.509 certificate: its key, subject and validity.
///
/// # Errors
/// A sentence naming what is wrong and where.
pub fn from_certificate(der: &[u8]) -> Result<DerKey, String> {
    let cert = Certificate::from_der(der).map_err(|e| describe("certificate", der.len(), &e))?;
    let tbs = cert.tbs_certificate();
    let spki_der = tbs
        .subject_public_key_info()
        .to_der()
        .map_err(|e| format!("the certificate's public key could not be re-encoded: {e}"))?;
    let mut key = from_spki(&spki_der).map_err(|e| format!("the certificate's public key: {e}"))?;
    let not_before = tbs.validity().not_before.to_unix_duration().as_secs() as i64;
    let not_after = tbs.validity().not_after.to_unix_duration().as_secs() as i64;
    key.certificate = Some(CertificateInfo {
        subject: tbs.subject().to_string(),
        issuer: tbs.issuer().to_string(),
        serial: base16ct::upper::encode_string(tbs.serial_number().as_bytes()),
        not_before,
        not_after,
        not_before_at: crate::analysis::timefmt::utc_iso(not_before),
        not_after_at: crate::analysis::timefmt::utc_iso(not_after),
    });
    Ok(key)
}

/// Bare DER of unknown type: a certificate, an SPKI, or PKCS#1.
///
/// # Errors
/// Why none of the three fit.
pub fn from_unknown(der: &[u8]) -> Result<DerKey, String> {
    from_certificate(der)
        .or_else(|_| from_spki(der))
        .or_else(|_| from_pkcs1(der))
        .map_err(|_| format!("{} bytes of DER that are not a certificate, a SubjectPublicKeyInfo or a PKCS#1 RSA public key", der.len()))
}

/// Encodes a key's SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) — the bytes
/// fingerprints are taken over.
pub fn spki_der_for(material: &KeyMaterial) -> Option<Vec<u8>> {
    use der::asn1::{AnyRef, BitStringRef};
    use rsa::traits::PublicKeyParts;
    use spki::AlgorithmIdentifier;
    let (oid, curve, key_bytes): (ObjectIdentifier, Option<ObjectIdentifier>, Vec<u8>) =
        match material {
            KeyMaterial::Rsa(key) => {
                let n = key.n().to_be_bytes();
                let e = key.e().to_be_bytes();
                let pkcs1 = rsa::pkcs1::RsaPublicKey {
                    modulus: UintRef::new(&n).ok()?,
                    public_exponent: UintRef::new(&e).ok()?,
                };
                (RSA_ENCRYPTION, None, pkcs1.to_der().ok()?)
            }
            KeyMaterial::Ec { curve, point, .. } => {
                let curve_oid = match curve {
                    Curve::P256 => P256,
                    Curve::P384 => P384,
                    Curve::P521 => P521,
                };
                (EC_PUBLIC_KEY, Some(curve_oid), point.clone())
            }
            KeyMaterial::Ed25519(key) => (ED25519, None, key.to_bytes().to_vec()),
            KeyMaterial::Hmac(_) => return None,
        };
    let parameters = match (&curve, material) {
        (Some(c), _) => Some(AnyRef::from(c)),
        (None, KeyMaterial::Rsa(_)) => Some(AnyRef::NULL),
        _ => None,
    };
    let spki = SubjectPublicKeyInfoRef {
        algorithm: AlgorithmIdentifier { oid, parameters },
        subject_public_key: BitStringRef::from_bytes(&key_bytes).ok()?,
    };
    spki.to_der().ok()
}

/// "the certificate is DER-encoded but truncated at byte 812".
fn describe(what: &str, len: usize, error: &der::Error) -> String {
    use der::ErrorKind;
    let at = error
        .position()
        .map(|p| format!(" at byte {p}"))
        .unwrap_or_default();
    match error.kind() {
        ErrorKind::Incomplete { expected_len, .. } => format!(
            "the {what} is DER-encoded but truncated: it is {len} bytes and needs {expected_len}{at}"
        ),
        ErrorKind::TrailingData { decoded, .. } => {
            format!(
                "the {what} has {} bytes of trailing data after byte {decoded}",
                len.saturating_sub(usize::try_from(u32::from(decoded)).unwrap_or(0))
            )
        }
        kind => format!("the {what} is not valid DER: {kind}{at}"),
    }
}
