//! The one judgement of an RSA key's strength, as typed weaknesses. The key
//! panel words them as warnings ([`Weakness::warning`]); verification maps
//! them to findings (`verify::checks::key_findings`).

use super::material::{self, KeyMaterial};
use super::{RSA_MIN_SECURE_BITS, roca};
use rsa::traits::PublicKeyParts;

/// Something wrong with a public key.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Weakness {
    /// An RSA modulus under 2048 bits (RFC 7518 §3.3).
    RsaTooSmall {
        /// Size of the modulus.
        bits: usize,
    },
    /// A modulus with the ROCA fingerprint (CVE-2017-15361): the private
    /// key can be computed from the public one.
    Roca,
    /// A public exponent other than 65537: legal, but a sign of an odd
    /// generator (RFC 8017 §3.1).
    UnusualExponent {
        /// The exponent, as [`material::rsa_exponent_text`] writes it.
        exponent: String,
    },
}

impl Weakness {
    /// Whether a signature made with such a key proves nothing.
    pub fn is_fatal(&self) -> bool {
        matches!(self, Weakness::RsaTooSmall { .. } | Weakness::Roca)
    }

    /// The warning the key panel shows.
    pub fn warning(&self) -> String {
        match self {
            Weakness::RsaTooSmall { bits } => format!(
                "a {bits}-bit RSA key is too weak: RFC 7518 §3.3 requires 2048 bits or more"
            ),
            Weakness::Roca => "the modulus has the ROCA fingerprint (CVE-2017-15361): its private key can be computed from the public key".to_string(),
            Weakness::UnusualExponent { exponent } => format!(
                "public exponent {exponent} is unusual (almost every RSA key uses 65537)"
            ),
        }
    }
}

/// Everything wrong with `material`, in the order the key panel lists it.
pub fn weaknesses(material: &KeyMaterial) -> Vec<Weakness> {
    let KeyMaterial::Rsa(key) = material else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let bits = key.n().bit_width() as usize;
    if bits < RSA_MIN_SECURE_BITS {
        found.push(Weakness::RsaTooSmall { bits });
    }
    if roca::has_roca_fingerprint(&key.n().to_be_bytes()) {
        found.push(Weakness::Roca);
    }
    let exponent = material::rsa_exponent_text(key);
    if exponent != "65537" {
        found.push(Weakness::UnusualExponent { exponent });
    }
    found
}
