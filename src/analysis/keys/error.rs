//! Why a key could not be read: one variant per failure, each carrying what
//! its sentence needs. The sentences are part of the JSON report (a
//! [`KeyError`](crate::analysis::key_report::KeyError)'s `message` is
//! `error.to_string()`), so their wording is pinned by tests.

use super::MAX_KEY_TEXT;
use super::material::{Curve, RSA_MAX_BITS, RSA_MIN_BITS};
use crate::analysis::base64url::Base64UrlError;
use crate::analysis::json::JsonError;
use crate::analysis::vocab::SecretEncoding;
use std::fmt;

/// The DER structure a key was read as, named in DER errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DerContainer {
    /// A SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): `PUBLIC KEY` blocks.
    SubjectPublicKeyInfo,
    /// A PKCS#1 RSAPublicKey (RFC 8017 §A.1.1): `RSA PUBLIC KEY` blocks.
    Pkcs1RsaPublicKey,
    /// An X.509 certificate (RFC 5280 §4.1).
    Certificate,
}

impl DerContainer {
    /// The words for it after "the": "public key (SubjectPublicKeyInfo)".
    pub fn description(self) -> &'static str {
        match self {
            DerContainer::SubjectPublicKeyInfo => "public key (SubjectPublicKeyInfo)",
            DerContainer::Pkcs1RsaPublicKey => "RSA public key (PKCS#1)",
            DerContainer::Certificate => "certificate",
        }
    }
}

impl fmt::Display for DerContainer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// Why a key text, a PEM block, a JWK, DER bytes or a secret could not be
/// read as a key to verify with. `Display` gives the sentence the report
/// shows; the wrapping variants (`Jwk`, `CertificateKey`) prefix the
/// sentence of the error they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyReadError {
    // --- the key text as a whole ----------------------------------------
    /// The key text is longer than [`MAX_KEY_TEXT`]; `bytes` is its length.
    KeyTextTooLarge {
        /// Length of the key text, in bytes.
        bytes: usize,
    },
    /// Text that starts like JSON (`{` or `[`) but does not parse
    /// (RFC 8259).
    InvalidJson(JsonError),
    /// A JWKS whose `keys` member is not an array (RFC 7517 §5.1).
    JwksKeysNotArray,
    /// JSON that is neither a JWK (RFC 7517 §4) nor a JWKS (RFC 7517 §5).
    JsonNotAKey,
    /// An entry of a JWKS or JWK array that is not an object (RFC 7517 §5.1:
    /// `keys` is an array of JWK objects).
    JwksEntryNotObject,
    /// Text that is no PEM block, no JSON and no base64 DER.
    UnrecognisedKeyText,
    /// Base64 DER (a SEQUENCE) that is neither a certificate, a
    /// SubjectPublicKeyInfo nor a PKCS#1 RSA public key.
    UnrecognisedDer {
        /// Length of the DER, in bytes.
        bytes: usize,
    },

    // --- PEM (RFC 7468) -------------------------------------------------
    /// A `PRIVATE KEY` block of any kind (PKCS#8, RFC 5958; PKCS#1;
    /// SEC1): verifying needs only the public key.
    PrivateKeyPem,
    /// A PEM block whose label names no public key or certificate
    /// (RFC 7468 §4–§13 list the labels).
    PemNotAKey {
        /// The block's label, e.g. `CERTIFICATE REQUEST`.
        label: String,
    },
    /// A `-----BEGIN …-----` line without its `-----END …-----` line
    /// (RFC 7468 §2).
    PemUnterminated {
        /// The block's label.
        label: String,
    },
    /// A block with RFC 1421 `Proc-Type` / `DEK-Info` headers: an
    /// encrypted key, which RFC 7468 §2 does not cover.
    PemEncrypted {
        /// The block's label.
        label: String,
    },
    /// A block with nothing between its BEGIN and END lines.
    PemEmpty {
        /// The block's label.
        label: String,
    },
    /// A character outside the base64 alphabet (RFC 4648 §4) in the body.
    PemInvalidCharacter {
        /// The block's label.
        label: String,
        /// The offending character.
        character: char,
        /// Its offset among the body's non-whitespace characters.
        offset: usize,
    },
    /// A body of base64 characters that still does not decode (bad
    /// padding or length, RFC 4648 §4).
    PemInvalidBase64 {
        /// The block's label.
        label: String,
        /// What `pem-rfc7468` said.
        detail: String,
    },

    // --- DER (X.690) ----------------------------------------------------
    /// DER that ends before the structure does.
    DerTruncated {
        /// What the bytes were read as.
        container: DerContainer,
        /// Length of the DER, in bytes.
        bytes: usize,
        /// The length the structure needs.
        needed: u32,
        /// Where the decoder stopped, when it says.
        at: Option<u32>,
    },
    /// Bytes left over after the structure (DER has one encoding per value,
    /// X.690 §10).
    DerTrailingData {
        /// What the bytes were read as.
        container: DerContainer,
        /// How many bytes follow the structure.
        trailing: usize,
        /// Where the structure ends.
        after: u32,
    },
    /// DER that is malformed in any other way.
    DerInvalid {
        /// What the bytes were read as.
        container: DerContainer,
        /// What the `der` crate said.
        detail: String,
        /// Where, when it says.
        at: Option<u32>,
    },
    /// The SubjectPublicKeyInfo's key BIT STRING does not end on a byte
    /// boundary (RFC 5280 §4.1.2.7; every key encoding is whole bytes).
    BitStringUnusedBits,
    /// An `id-ecPublicKey` key whose parameters are not a named curve
    /// (RFC 5480 §2.1.1 requires `namedCurve`).
    EcCurveUnnamed,
    /// An EC key on secp256k1 (ES256K, RFC 8812 §3.2), which this page
    /// does not verify.
    Secp256k1Key,
    /// An EC key on a curve JOSE does not use (RFC 7518 §3.4 uses P-256,
    /// P-384 and P-521).
    UnsupportedEcCurve {
        /// The curve's OID, dotted.
        oid: String,
    },
    /// An Ed448 key (RFC 8410 §3), which this page does not verify.
    Ed448Key,
    /// A key algorithm that is not RSA, EC or Ed25519.
    UnsupportedAlgorithm {
        /// The algorithm's OID, dotted.
        oid: String,
    },
    /// A PKCS#1 key read but not re-encodable as a SubjectPublicKeyInfo.
    SpkiReencodeFailed,
    /// A certificate whose SubjectPublicKeyInfo cannot be re-encoded.
    CertificateKeyReencodeFailed {
        /// What the `der` crate said.
        detail: String,
    },
    /// A certificate whose public key cannot be read.
    CertificateKey(Box<KeyReadError>),

    // --- RSA (RFC 8017 §3.1) --------------------------------------------
    /// The modulus n is zero.
    RsaModulusZero,
    /// The modulus n is even, so not a product of two odd primes.
    RsaModulusEven {
        /// Size of the modulus.
        bits: usize,
    },
    /// The public exponent e is zero.
    RsaExponentZero,
    /// e = 1: every "signature" equals the message (RFC 8017 §3.1 requires
    /// 3 ≤ e).
    RsaExponentOne,
    /// An even e, which has no inverse modulo λ(n) (RFC 8017 §3.1).
    RsaExponentEven,
    /// A modulus under [`RSA_MIN_BITS`].
    RsaModulusTooSmall {
        /// Size of the modulus.
        bits: usize,
    },
    /// A modulus over [`RSA_MAX_BITS`].
    RsaModulusTooLarge {
        /// Size of the modulus.
        bits: usize,
    },
    /// e ≥ n (RFC 8017 §3.1 requires e ≤ n − 1).
    RsaExponentNotBelowModulus,
    /// The modulus's size in bits does not fit the arithmetic's precision
    /// type (not reached after the size checks).
    RsaModulusOverflow,
    /// The modulus could not be loaded into the arithmetic.
    RsaModulusUnreadable,
    /// The exponent could not be loaded into the arithmetic.
    RsaExponentUnreadable,
    /// The `rsa` crate refused the key (e.g. an exponent over 2³³ − 1).
    RsaRefused {
        /// What the `rsa` crate said.
        detail: String,
    },

    // --- EC and EdDSA ---------------------------------------------------
    /// A SEC1 point (SEC 1 §2.3.3) that is not on `curve` or badly encoded.
    EcPointInvalid {
        /// The curve the point was read for.
        curve: Curve,
    },
    /// An Ed25519 key that is not 32 bytes (RFC 8032 §5.1.5).
    Ed25519Length {
        /// Length of the key, in bytes.
        bytes: usize,
    },
    /// 32 bytes that do not decode to a point (RFC 8032 §5.1.3).
    Ed25519Invalid,

    // --- HMAC secrets ---------------------------------------------------
    /// A secret that is not in the encoding the person chose.
    SecretNotEncoded {
        /// The encoding chosen (never `Text`, which cannot fail).
        encoding: SecretEncoding,
        /// What the decoder said.
        detail: String,
    },
    /// An empty secret, which verifies nothing.
    SecretEmpty,

    // --- JWK (RFC 7517, RFC 7518 §6, RFC 8037 §2) ------------------------
    /// A JWK without `kty` (RFC 7517 §4.1: it is required).
    JwkNoKty,
    /// A `kty` that is not a string (RFC 7517 §4.1).
    JwkKtyNotString,
    /// A `kty` other than RSA, EC, OKP and oct (RFC 7518 §6.1, RFC 8037 §2).
    JwkUnsupportedKty {
        /// The `kty` given.
        kty: String,
    },
    /// A required member is absent (RFC 7518 §6.2.1, §6.3.1, §6.4.1;
    /// RFC 8037 §2). Also used for a `crv` that is not a string.
    JwkMissingMember {
        /// The member: `n`, `e`, `crv`, `x`, `y` or `k`.
        name: &'static str,
    },
    /// A key member that is not a string.
    JwkMemberNotString {
        /// The member.
        name: &'static str,
    },
    /// A key member that is not base64url (RFC 7518 §2 "Base64urlUInt",
    /// RFC 7515 §2).
    JwkMemberNotBase64url {
        /// The member.
        name: &'static str,
        /// Why it does not decode.
        error: Base64UrlError,
    },
    /// An `oct` key whose `k` is empty (RFC 7518 §6.4.1).
    JwkEmptySecret,
    /// An EC JWK on secp256k1 (RFC 8812 §3.1), which this page does not
    /// verify.
    JwkSecp256k1,
    /// An EC JWK `crv` other than P-256, P-384 and P-521
    /// (RFC 7518 §6.2.1.1).
    JwkUnsupportedCurve {
        /// The `crv` given.
        crv: String,
    },
    /// An EC coordinate of the wrong length: RFC 7518 §6.2.1.2 and
    /// §6.2.1.3 make `x` and `y` exactly the curve's field size.
    JwkCoordinateLength {
        /// `x` or `y`.
        name: &'static str,
        /// Its decoded length.
        bytes: usize,
        /// The curve the JWK names.
        curve: Curve,
    },
    /// An OKP JWK `crv` other than Ed25519 (RFC 8037 §2 also allows
    /// Ed448, X25519 and X448, which this page does not verify).
    JwkUnsupportedOkpCurve {
        /// The `crv` given.
        crv: String,
    },
    /// A JWK whose key material is unusable: "JWK: " and the reason.
    Jwk(Box<KeyReadError>),
}

impl fmt::Display for KeyReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use KeyReadError as E;
        match self {
            E::KeyTextTooLarge { bytes } => write!(
                f,
                "{bytes} bytes of key text is more than this page reads ({} MB); keys and key sets are a few KB",
                MAX_KEY_TEXT >> 20
            ),
            E::InvalidJson(error) => write!(f, "not valid JSON: {error}"),
            E::JwksKeysNotArray => f.write_str("`keys` is not an array (RFC 7517 §5.1)"),
            E::JsonNotAKey => f.write_str(
                "JSON that is neither a JWK (an object with `kty`) nor a JWKS (an object with `keys`)",
            ),
            E::JwksEntryNotObject => f.write_str("not a JSON object"),
            E::UnrecognisedKeyText => f.write_str(
                "not a PEM block, a JWK, a JWKS or base64 DER: paste a public key (-----BEGIN PUBLIC KEY-----), a certificate, or a JWK / JWKS",
            ),
            E::UnrecognisedDer { bytes } => write!(
                f,
                "{bytes} bytes of DER that are not a certificate, a SubjectPublicKeyInfo or a PKCS#1 RSA public key"
            ),
            E::PrivateKeyPem => f.write_str(
                "this is a private key. It has not left this page, but verifying needs only the public key — and a private key pasted anywhere should be treated as exposed",
            ),
            E::PemNotAKey { label } => write!(
                f,
                "a PEM \"{label}\" block is not a public key or certificate"
            ),
            E::PemUnterminated { label } => write!(
                f,
                "the PEM block \"{label}\" has no matching \"-----END {label}-----\" line (was the paste cut short?)"
            ),
            E::PemEncrypted { label } => write!(
                f,
                "the PEM block \"{label}\" is encrypted (Proc-Type / DEK-Info headers)"
            ),
            E::PemEmpty { label } => write!(f, "the PEM block \"{label}\" is empty"),
            E::PemInvalidCharacter {
                label,
                character,
                offset,
            } => write!(
                f,
                "the body of the PEM block \"{label}\" has `{character}` at character {offset}, which is not base64"
            ),
            E::PemInvalidBase64 { label, detail } => write!(
                f,
                "the body of the PEM block \"{label}\" is not valid base64 ({detail})"
            ),
            E::DerTruncated {
                container,
                bytes,
                needed,
                at,
            } => write!(
                f,
                "the {container} is DER-encoded but truncated: it is {bytes} bytes and needs {needed}{}",
                AtByte(*at)
            ),
            E::DerTrailingData {
                container,
                trailing,
                after,
            } => write!(
                f,
                "the {container} has {trailing} bytes of trailing data after byte {after}"
            ),
            E::DerInvalid {
                container,
                detail,
                at,
            } => write!(
                f,
                "the {container} is not valid DER: {detail}{}",
                AtByte(*at)
            ),
            E::BitStringUnusedBits => f.write_str("the public key BIT STRING has unused bits"),
            E::EcCurveUnnamed => f.write_str("the EC key does not name its curve"),
            E::Secp256k1Key => {
                f.write_str("the key is on secp256k1 (ES256K), which this page does not verify")
            }
            E::UnsupportedEcCurve { oid } => {
                write!(f, "the EC key is on curve {oid}, which JOSE does not use")
            }
            E::Ed448Key => f.write_str("the key is Ed448, which this page does not verify"),
            E::UnsupportedAlgorithm { oid } => {
                write!(f, "the key algorithm {oid} is not RSA, EC or Ed25519")
            }
            E::SpkiReencodeFailed => f.write_str("could not re-encode the key"),
            E::CertificateKeyReencodeFailed { detail } => write!(
                f,
                "the certificate's public key could not be re-encoded: {detail}"
            ),
            E::CertificateKey(inner) => write!(f, "the certificate's public key: {inner}"),
            E::RsaModulusZero => f.write_str("the RSA modulus n is zero"),
            E::RsaModulusEven { bits } => write!(
                f,
                "the {bits}-bit modulus n is even, so it is not a product of two primes: this is not a usable RSA key"
            ),
            E::RsaExponentZero => f.write_str("the public exponent e is zero"),
            E::RsaExponentOne => f.write_str(
                "the public exponent e is 1, which makes every signature trivially forgeable (the \"signature\" equals the message)",
            ),
            E::RsaExponentEven => {
                f.write_str("the public exponent e is even, which RSA cannot use")
            }
            E::RsaModulusTooSmall { bits } => write!(
                f,
                "the modulus is only {bits} bits; nothing under {RSA_MIN_BITS} bits can be checked meaningfully"
            ),
            E::RsaModulusTooLarge { bits } => write!(
                f,
                "the modulus is {bits} bits; this page reads RSA keys up to {RSA_MAX_BITS} bits"
            ),
            E::RsaExponentNotBelowModulus => {
                f.write_str("the public exponent e is not smaller than the modulus n")
            }
            E::RsaModulusOverflow => f.write_str("modulus too large"),
            E::RsaModulusUnreadable => f.write_str("the modulus n could not be read"),
            E::RsaExponentUnreadable => f.write_str("the exponent e could not be read"),
            E::RsaRefused { detail } => write!(f, "the RSA key was refused: {detail}"),
            E::EcPointInvalid { curve } => write!(
                f,
                "the point is not a valid {} public key (not on the curve, or badly encoded)",
                curve.jwk_name()
            ),
            E::Ed25519Length { bytes } => write!(
                f,
                "an Ed25519 public key is 32 bytes, this one is {bytes}"
            ),
            E::Ed25519Invalid => f.write_str("the 32 bytes are not a valid Ed25519 public key"),
            E::SecretNotEncoded { encoding, detail } => {
                write!(f, "the secret is not {}: {detail}", encoding.as_str())
            }
            E::SecretEmpty => f.write_str("the secret is empty"),
            E::JwkNoKty => f.write_str("JWK has no `kty` (RFC 7517 §4.1)"),
            E::JwkKtyNotString => f.write_str("JWK `kty` is not a string"),
            E::JwkUnsupportedKty { kty } => {
                write!(f, "JWK `kty` \"{kty}\" is not RSA, EC, OKP or oct")
            }
            E::JwkMissingMember { name } => write!(f, "JWK is missing `{name}`"),
            E::JwkMemberNotString { name } => write!(f, "JWK `{name}` is not a string"),
            E::JwkMemberNotBase64url { name, error } => {
                write!(f, "JWK `{name}` is not base64url: {error}")
            }
            E::JwkEmptySecret => {
                f.write_str("JWK `k` is empty: an empty HMAC secret verifies nothing")
            }
            E::JwkSecp256k1 => {
                f.write_str("JWK curve secp256k1 (ES256K) is not verified by this page")
            }
            E::JwkUnsupportedCurve { crv } => {
                write!(f, "JWK `crv` \"{crv}\" is not P-256, P-384 or P-521")
            }
            E::JwkCoordinateLength { name, bytes, curve } => write!(
                f,
                "JWK `{name}` is {bytes} bytes, but a {} coordinate is {} bytes (RFC 7518 §6.2.1.2)",
                curve.jwk_name(),
                curve.field_bytes()
            ),
            E::JwkUnsupportedOkpCurve { crv } => write!(
                f,
                "JWK OKP curve \"{crv}\" is not verified by this page (only Ed25519)"
            ),
            E::Jwk(inner) => write!(f, "JWK: {inner}"),
        }
    }
}

/// The sentence already contains the wrapped error's words, so `source`
/// stays `None`: a reporter walking the chain would otherwise print them
/// twice.
impl std::error::Error for KeyReadError {}

/// " at byte 812", or nothing when the position is unknown.
struct AtByte(Option<u32>);

impl fmt::Display for AtByte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(position) => write!(f, " at byte {position}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
