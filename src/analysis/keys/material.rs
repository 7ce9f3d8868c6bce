//! Verification key material, built from components with checks whose
//! errors a person can act on ("the modulus is even", "the point is not on
//! P-256").

use super::error::KeyReadError;
use crate::analysis::vocab::KeyType;
use rsa::BoxedUint;
use rsa::traits::PublicKeyParts;
use std::fmt;

/// Modulus sizes accepted for *reading* a key. Keys under 2048 bits are
/// read so that the page can say they are too weak (RFC 7518 §3.3).
pub const RSA_MIN_BITS: usize = 512;
/// The largest modulus read: beyond it verifying costs too much for a page.
pub const RSA_MAX_BITS: usize = 16_384;

/// The NIST curves of RFC 7518 §3.4, and secp256k1 (RFC 8812 §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Curve {
    /// P-256 (secp256r1), for ES256.
    P256,
    /// P-384 (secp384r1), for ES384.
    P384,
    /// P-521 (secp521r1), for ES512.
    P521,
    /// secp256k1, for ES256K (RFC 8812 §3.2).
    Secp256k1,
}

impl Curve {
    /// The JWK `crv` name (RFC 7518 §6.2.1.1).
    pub fn jwk_name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
            Curve::Secp256k1 => "secp256k1",
        }
    }

    /// The curve a JWK `crv` names, if it is one of the three.
    pub fn from_jwk_name(name: &str) -> Option<Self> {
        match name {
            "P-256" => Some(Curve::P256),
            "P-384" => Some(Curve::P384),
            "P-521" => Some(Curve::P521),
            "secp256k1" => Some(Curve::Secp256k1),
            _ => None,
        }
    }

    /// Bytes of one coordinate (and of r or s in a JWS signature).
    pub fn field_bytes(self) -> usize {
        match self {
            Curve::P256 | Curve::Secp256k1 => 32,
            Curve::P384 => 48,
            Curve::P521 => 66,
        }
    }

    /// The JWS algorithm that uses this curve (RFC 7518 §3.4).
    pub fn jws_alg(self) -> &'static str {
        match self {
            Curve::P256 => "ES256",
            Curve::P384 => "ES384",
            Curve::P521 => "ES512",
            Curve::Secp256k1 => "ES256K",
        }
    }
}

/// An EC public key, checked to be a point on its curve.
#[derive(Clone, PartialEq, Eq)]
pub enum EcKey {
    /// A P-256 point.
    P256(p256::ecdsa::VerifyingKey),
    /// A P-384 point.
    P384(p384::ecdsa::VerifyingKey),
    /// A P-521 point.
    P521(p521::ecdsa::VerifyingKey),
    /// A secp256k1 point.
    Secp256k1(k256::ecdsa::VerifyingKey),
}

/// A key that can verify signatures.
#[derive(Clone, PartialEq, Eq)]
pub enum KeyMaterial {
    /// An RSA public key, for RS* and PS* (RFC 7518 §3.3, §3.5).
    Rsa(rsa::PublicKey),
    /// An EC public key, for ES* (RFC 7518 §3.4).
    Ec {
        /// Its curve.
        curve: Curve,
        /// The point, ready to verify with.
        key: EcKey,
        /// SEC1 uncompressed point `04 ‖ x ‖ y`.
        point: Vec<u8>,
    },
    /// An Ed25519 public key, for EdDSA (RFC 8037 §3.1).
    Ed25519(ed25519_dalek::VerifyingKey),
    /// An X25519 public key, for ECDH-ES key agreement (RFC 8037 §3.2);
    /// it verifies no signature.
    X25519([u8; 32]),
    /// A shared secret for HS256/384/512.
    Hmac(Vec<u8>),
    /// An ML-DSA public key (draft-ietf-cose-dilithium), encoded.
    MlDsa {
        /// The parameter set.
        level: super::ml_dsa::MlDsaLevel,
        /// The encoded public key (FIPS 204 `pkEncode`).
        public: Vec<u8>,
    },
}

impl fmt::Debug for KeyMaterial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyMaterial::Rsa(k) => write!(f, "Rsa({} bits)", k.n().bit_width()),
            KeyMaterial::Ec { curve, .. } => write!(f, "Ec({})", curve.jwk_name()),
            KeyMaterial::Ed25519(_) => f.write_str("Ed25519"),
            KeyMaterial::X25519(_) => f.write_str("X25519"),
            KeyMaterial::MlDsa { level, .. } => f.write_str(level.name()),
            // Never print a secret.
            KeyMaterial::Hmac(s) => write!(f, "Hmac([redacted; {} bytes])", s.len()),
        }
    }
}

impl KeyMaterial {
    /// JWK `kty` (RFC 7518 §6.1).
    pub fn kty(&self) -> KeyType {
        match self {
            KeyMaterial::Rsa(_) => KeyType::Rsa,
            KeyMaterial::Ec { .. } => KeyType::Ec,
            KeyMaterial::Ed25519(_) | KeyMaterial::X25519(_) => KeyType::Okp,
            KeyMaterial::Hmac(_) => KeyType::Oct,
            KeyMaterial::MlDsa { .. } => KeyType::Akp,
        }
    }

    /// "RSA 2048-bit, e = 65537", "EC P-256", "Ed25519", "HMAC secret, 32 bytes".
    pub fn describe(&self) -> String {
        match self {
            KeyMaterial::Rsa(k) => format!(
                "RSA {}-bit, e = {}",
                k.n().bit_width(),
                rsa_exponent_text(k)
            ),
            KeyMaterial::Ec { curve, .. } => format!("EC {}", curve.jwk_name()),
            KeyMaterial::Ed25519(_) => "Ed25519".to_string(),
            KeyMaterial::X25519(_) => "X25519 (key agreement, for JWE)".to_string(),
            KeyMaterial::Hmac(s) => format!("HMAC secret, {} bytes", s.len()),
            KeyMaterial::MlDsa { level, .. } => level.name().to_string(),
        }
    }

    /// Whether it is a public key (not an HMAC secret).
    pub fn is_asymmetric(&self) -> bool {
        !matches!(self, KeyMaterial::Hmac(_))
    }
}

/// The public exponent as decimal (small) or hex (large).
pub fn rsa_exponent_text(key: &rsa::PublicKey) -> String {
    let bytes = key.e().to_be_bytes();
    let trimmed: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
    if trimmed.len() <= 8 {
        let mut buf = [0u8; 8];
        buf[8 - trimmed.len()..].copy_from_slice(&trimmed);
        u64::from_be_bytes(buf).to_string()
    } else {
        format!("0x{}", base16ct::lower::encode_string(&trimmed))
    }
}

/// Builds an RSA key from big-endian `n` and `e`, saying plainly what is
/// wrong with unusable ones (RFC 8017 §3.1: n odd, 3 ≤ e < n, e odd).
///
/// # Errors
/// The first problem found, checked in this order: a zero or even modulus,
/// a zero, one or even exponent, a size outside
/// [`RSA_MIN_BITS`]..=[`RSA_MAX_BITS`], e ≥ n, then whatever the `rsa`
/// crate refuses ([`KeyReadError::RsaRefused`]).
pub fn rsa_from_components(n: &[u8], e: &[u8]) -> Result<KeyMaterial, KeyReadError> {
    let n = strip_zeros(n);
    let e = strip_zeros(e);
    if n.is_empty() {
        return Err(KeyReadError::RsaModulusZero);
    }
    let bits = (n.len() - 1) * 8 + (8 - n[0].leading_zeros() as usize);
    if n[n.len() - 1] & 1 == 0 {
        return Err(KeyReadError::RsaModulusEven { bits });
    }
    if e.is_empty() {
        return Err(KeyReadError::RsaExponentZero);
    }
    if e == [1] {
        return Err(KeyReadError::RsaExponentOne);
    }
    if e[e.len() - 1] & 1 == 0 {
        return Err(KeyReadError::RsaExponentEven);
    }
    if bits < RSA_MIN_BITS {
        return Err(KeyReadError::RsaModulusTooSmall { bits });
    }
    if bits > RSA_MAX_BITS {
        return Err(KeyReadError::RsaModulusTooLarge { bits });
    }
    if e.len() > n.len() || (e.len() == n.len() && e >= n) {
        return Err(KeyReadError::RsaExponentNotBelowModulus);
    }
    let precision = u32::try_from(n.len() * 8).map_err(|_| KeyReadError::RsaModulusOverflow)?;
    let n_uint =
        BoxedUint::from_be_slice(n, precision).map_err(|_| KeyReadError::RsaModulusUnreadable)?;
    let e_precision = u32::try_from(e.len().max(1) * 8).unwrap_or(64);
    let e_uint = BoxedUint::from_be_slice(e, e_precision)
        .map_err(|_| KeyReadError::RsaExponentUnreadable)?;
    rsa::PublicKey::new_with_size_limits(n_uint, e_uint, RSA_MIN_BITS..=RSA_MAX_BITS)
        .map(KeyMaterial::Rsa)
        .map_err(|error| KeyReadError::RsaRefused {
            detail: error.to_string(),
        })
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// Builds an EC key from a SEC1 point (SEC 1 §2.3.3), checking it lies on
/// the curve.
///
/// # Errors
/// [`KeyReadError::EcPointInvalid`] when the bytes are not a point of
/// `curve`.
pub fn ec_from_sec1(curve: Curve, point: &[u8]) -> Result<KeyMaterial, KeyReadError> {
    let not_on_curve = || KeyReadError::EcPointInvalid { curve };
    let key = match curve {
        Curve::P256 => EcKey::P256(
            p256::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| not_on_curve())?,
        ),
        Curve::P384 => EcKey::P384(
            p384::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| not_on_curve())?,
        ),
        Curve::P521 => EcKey::P521(
            p521::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| not_on_curve())?,
        ),
        Curve::Secp256k1 => EcKey::Secp256k1(
            k256::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| not_on_curve())?,
        ),
    };
    let point = match &key {
        EcKey::P256(k) => k.to_sec1_point(false).as_bytes().to_vec(),
        EcKey::P384(k) => k.to_sec1_point(false).as_bytes().to_vec(),
        EcKey::P521(k) => k.to_sec1_point(false).as_bytes().to_vec(),
        EcKey::Secp256k1(k) => k.to_sec1_point(false).as_bytes().to_vec(),
    };
    Ok(KeyMaterial::Ec { curve, key, point })
}

/// Builds an Ed25519 key from its 32 bytes (RFC 8032 §5.1.5).
///
/// # Errors
/// [`KeyReadError::Ed25519Length`] when the bytes are not 32 long,
/// [`KeyReadError::Ed25519Invalid`] when they are not a curve point.
pub fn ed25519_from_bytes(bytes: &[u8]) -> Result<KeyMaterial, KeyReadError> {
    let array: [u8; 32] = bytes
        .try_into()
        .map_err(|_| KeyReadError::Ed25519Length { bytes: bytes.len() })?;
    ed25519_dalek::VerifyingKey::from_bytes(&array)
        .map(KeyMaterial::Ed25519)
        .map_err(|_| KeyReadError::Ed25519Invalid)
}

/// An X25519 public key (RFC 7748 §5), 32 bytes.
///
/// # Errors
/// [`KeyReadError::X25519Length`] for another length.
pub fn x25519_from_bytes(bytes: &[u8]) -> Result<KeyMaterial, KeyReadError> {
    <[u8; 32]>::try_from(bytes)
        .map(KeyMaterial::X25519)
        .map_err(|_| KeyReadError::X25519Length { bytes: bytes.len() })
}
