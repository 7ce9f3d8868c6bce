//! DER key containers: SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), PKCS#1
//! RSAPublicKey (RFC 8017 §A.1.1) and X.509 certificates (RFC 5280 §4.1),
//! read with RustCrypto's `spki`, `pkcs1` and `x509-cert`.

use super::error::{DerContainer, KeyReadError};
use super::material::{self, Curve, KeyMaterial};
pub use crate::analysis::key_report::CertificateInfo;
use der::{Decode, Encode};
use rsa::pkcs1::UintRef;
use spki::{ObjectIdentifier, SubjectPublicKeyInfoRef};
use x509_cert::Certificate;

pub(super) const RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
pub(super) const RSASSA_PSS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
pub(super) const EC_PUBLIC_KEY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
pub(super) const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
pub(super) const ED448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.113");
/// id-X25519 (RFC 8410 §3).
pub(super) const X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
const SECP256K1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.10");

/// A key read from DER, with its SPKI encoding (for fingerprints).
#[derive(Debug, Clone)]
pub struct DerKey {
    /// The key itself.
    pub material: KeyMaterial,
    /// Its SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), DER: the bytes the
    /// SPKI fingerprint is taken over.
    pub spki_der: Vec<u8>,
    /// What the certificate says, when the key came in one.
    pub certificate: Option<CertificateInfo>,
}

/// Reads a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7).
///
/// # Errors
/// A DER error ([`KeyReadError::DerTruncated`] and its siblings) naming
/// where, or why the key inside is unusable.
pub fn from_spki(der: &[u8]) -> Result<DerKey, KeyReadError> {
    let spki = SubjectPublicKeyInfoRef::from_der(der)
        .map_err(|e| describe(DerContainer::SubjectPublicKeyInfo, der.len(), &e))?;
    let material = spki_material(&spki)?;
    Ok(DerKey {
        material,
        spki_der: der.to_vec(),
        certificate: None,
    })
}

fn spki_material(spki: &SubjectPublicKeyInfoRef<'_>) -> Result<KeyMaterial, KeyReadError> {
    let bits = spki
        .subject_public_key
        .as_bytes()
        .ok_or(KeyReadError::BitStringUnusedBits)?;
    let oid = spki.algorithm.oid;
    if oid == RSA_ENCRYPTION || oid == RSASSA_PSS {
        return from_pkcs1(bits).map(|k| k.material);
    }
    if oid == EC_PUBLIC_KEY {
        let curve_oid = spki
            .algorithm
            .parameters_oid()
            .map_err(|_| KeyReadError::EcCurveUnnamed)?;
        return material::ec_from_sec1(curve_named(curve_oid)?, bits);
    }
    if oid == ED25519 {
        return material::ed25519_from_bytes(bits);
    }
    if oid == ED448 {
        return Err(KeyReadError::Ed448Key);
    }
    if oid == X25519 {
        return material::x25519_from_bytes(bits);
    }
    if let Some(level) = super::ml_dsa::MlDsaLevel::from_oid(oid) {
        return Ok(KeyMaterial::MlDsa {
            level,
            public: super::ml_dsa::public_key(level, bits)?,
        });
    }
    Err(KeyReadError::UnsupportedAlgorithm {
        oid: oid.to_string(),
    })
}

/// The curve a namedCurve OID (RFC 5480 §2.1.1.1) names, if this page
/// verifies with it.
///
/// # Errors
/// [`KeyReadError::UnsupportedEcCurve`].
pub fn curve_named(oid: ObjectIdentifier) -> Result<Curve, KeyReadError> {
    match oid {
        P256 => Ok(Curve::P256),
        P384 => Ok(Curve::P384),
        P521 => Ok(Curve::P521),
        SECP256K1 => Ok(Curve::Secp256k1),
        other => Err(KeyReadError::UnsupportedEcCurve {
            oid: other.to_string(),
        }),
    }
}

/// Reads a PKCS#1 RSAPublicKey (RFC 8017 §A.1.1) and wraps it in an SPKI
/// for fingerprints.
///
/// # Errors
/// A DER error naming where, or why the modulus or exponent is unusable
/// (see [`material::rsa_from_components`]).
pub fn from_pkcs1(der: &[u8]) -> Result<DerKey, KeyReadError> {
    let key = rsa::pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(der)
        .map_err(|e| describe(DerContainer::Pkcs1RsaPublicKey, der.len(), &e))?;
    let material =
        material::rsa_from_components(key.modulus.as_bytes(), key.public_exponent.as_bytes())?;
    let spki_der = spki_der_for(&material).ok_or(KeyReadError::SpkiReencodeFailed)?;
    Ok(DerKey {
        material,
        spki_der,
        certificate: None,
    })
}

/// Reads an X.509 certificate (RFC 5280 §4.1): its key, subject and
/// validity. The certificate is not validated, only read.
///
/// # Errors
/// A DER error naming where, or [`KeyReadError::CertificateKey`] around
/// why its public key is unusable.
pub fn from_certificate(der: &[u8]) -> Result<DerKey, KeyReadError> {
    let cert = Certificate::from_der(der)
        .map_err(|e| describe(DerContainer::Certificate, der.len(), &e))?;
    let tbs = cert.tbs_certificate();
    let spki_der = tbs.subject_public_key_info().to_der().map_err(|e| {
        KeyReadError::CertificateKeyReencodeFailed {
            detail: e.to_string(),
        }
    })?;
    let mut key = from_spki(&spki_der).map_err(|e| KeyReadError::CertificateKey(Box::new(e)))?;
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
/// [`KeyReadError::UnrecognisedDer`] when none of the three fit.
pub fn from_unknown(der: &[u8]) -> Result<DerKey, KeyReadError> {
    from_certificate(der)
        .or_else(|_| from_spki(der))
        .or_else(|_| from_pkcs1(der))
        .map_err(|_| KeyReadError::UnrecognisedDer { bytes: der.len() })
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
                    Curve::Secp256k1 => SECP256K1,
                };
                (EC_PUBLIC_KEY, Some(curve_oid), point.clone())
            }
            KeyMaterial::Ed25519(key) => (ED25519, None, key.to_bytes().to_vec()),
            KeyMaterial::X25519(public) => (X25519, None, public.to_vec()),
            // RFC 9881 §2: no parameters, the key is the encoded public key.
            KeyMaterial::MlDsa { level, public } => (level.oid(), None, public.clone()),
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

/// Sorts a `der` error on `len` bytes read as `container` into truncated,
/// trailing data, or otherwise invalid.
pub(super) fn describe(container: DerContainer, len: usize, error: &der::Error) -> KeyReadError {
    use der::ErrorKind;
    let at = error.position().map(u32::from);
    match error.kind() {
        ErrorKind::Incomplete { expected_len, .. } => KeyReadError::DerTruncated {
            container,
            bytes: len,
            needed: u32::from(expected_len),
            at,
        },
        ErrorKind::TrailingData { decoded, .. } => {
            let after = u32::from(decoded);
            KeyReadError::DerTrailingData {
                container,
                trailing: len.saturating_sub(usize::try_from(after).unwrap_or(0)),
                after,
            }
        }
        kind => KeyReadError::DerInvalid {
            container,
            detail: kind.to_string(),
            at,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::asn1::{AnyRef, BitStringRef};
    use spki::AlgorithmIdentifier;

    /// An SPKI of algorithm `oid` with optional curve `parameters`.
    fn spki(
        oid: ObjectIdentifier,
        curve: Option<&ObjectIdentifier>,
        key: BitStringRef<'_>,
    ) -> Vec<u8> {
        SubjectPublicKeyInfoRef {
            algorithm: AlgorithmIdentifier {
                oid,
                parameters: curve.map(AnyRef::from),
            },
            subject_public_key: key,
        }
        .to_der()
        .unwrap()
    }

    fn bits(bytes: &[u8]) -> BitStringRef<'_> {
        BitStringRef::from_bytes(bytes).unwrap()
    }

    fn p256_point() -> Vec<u8> {
        use base64::Engine;
        let spki = base64::engine::general_purpose::STANDARD
            .decode("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEm7zUpx3b+zmVE5cymSs64POG9QcyEpJaYCD82+549/R1TduLPyxn/wY8H6h2bxbHPeU0OvXF0BBA9Bo5yvV+Zw==")
            .unwrap();
        spki[spki.len() - 65..].to_vec()
    }

    #[test]
    fn keys_this_page_does_not_verify_are_named() {
        let err = |der: Vec<u8>| from_spki(&der).unwrap_err();
        assert_eq!(
            err(spki(ED448, None, bits(&[1; 57]))),
            KeyReadError::Ed448Key
        );
        let brainpool = ObjectIdentifier::new_unwrap("1.3.36.3.3.2.8.1.1.7");
        assert_eq!(
            err(spki(EC_PUBLIC_KEY, Some(&brainpool), bits(&p256_point()))),
            KeyReadError::UnsupportedEcCurve {
                oid: "1.3.36.3.3.2.8.1.1.7".into()
            }
        );
        let dsa = ObjectIdentifier::new_unwrap("1.2.840.10040.4.1");
        assert_eq!(
            err(spki(dsa, None, bits(&[1; 8]))),
            KeyReadError::UnsupportedAlgorithm {
                oid: "1.2.840.10040.4.1".into()
            }
        );
    }

    #[test]
    fn malformed_spki_contents_are_named() {
        let err = |der: Vec<u8>| from_spki(&der).unwrap_err();
        assert_eq!(
            err(spki(EC_PUBLIC_KEY, None, bits(&p256_point()))),
            KeyReadError::EcCurveUnnamed
        );
        let mut point = p256_point();
        point[64] ^= 1;
        assert_eq!(
            err(spki(EC_PUBLIC_KEY, Some(&P256), bits(&point))),
            KeyReadError::EcPointInvalid { curve: Curve::P256 }
        );
        let ragged = BitStringRef::new(1, &[0x80]).unwrap();
        assert_eq!(
            err(spki(ED25519, None, ragged)),
            KeyReadError::BitStringUnusedBits
        );
        assert_eq!(
            err(spki(ED25519, None, bits(&[1; 31]))),
            KeyReadError::Ed25519Length { bytes: 31 }
        );
    }

    #[test]
    fn bytes_after_an_spki_are_trailing_data() {
        let mut der = spki(EC_PUBLIC_KEY, Some(&P256), bits(&p256_point()));
        let end = u32::try_from(der.len()).unwrap();
        der.extend([0, 0]);
        assert_eq!(
            from_spki(&der).unwrap_err(),
            KeyReadError::DerTrailingData {
                container: DerContainer::SubjectPublicKeyInfo,
                trailing: 2,
                after: end,
            }
        );
    }

    #[test]
    fn a_cut_short_pkcs1_key_is_truncated() {
        let spki = spki_der_for(&material::rsa_from_components(&[0xc5; 256], &[1, 0, 1]).unwrap())
            .unwrap();
        let parsed = SubjectPublicKeyInfoRef::from_der(&spki).unwrap();
        let pkcs1 = parsed.subject_public_key.raw_bytes();
        let err = from_pkcs1(&pkcs1[..100]).unwrap_err();
        assert!(
            matches!(
                err,
                KeyReadError::DerTruncated {
                    container: DerContainer::Pkcs1RsaPublicKey,
                    bytes: 100,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn der_that_fits_no_container_is_unrecognised() {
        assert_eq!(
            from_unknown(&[0x30, 0x03, 0x02, 0x01, 0x00]).unwrap_err(),
            KeyReadError::UnrecognisedDer { bytes: 5 }
        );
    }
}
