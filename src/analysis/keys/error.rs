//! Why a key could not be read: one variant per failure, each carrying what
//! its sentence needs. The sentences are part of the JSON report (a
//! [`KeyError`](crate::analysis::key_report::KeyError)'s `message` is
//! `error.to_string()`), so their wording is pinned by tests.

use super::material::Curve;
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
    /// A PKCS#8 PrivateKeyInfo (RFC 5958 §2): `PRIVATE KEY` blocks.
    Pkcs8PrivateKeyInfo,
    /// A PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2): `RSA PRIVATE KEY` blocks.
    Pkcs1RsaPrivateKey,
    /// A SEC1 ECPrivateKey (RFC 5915 §3): `EC PRIVATE KEY` blocks.
    Sec1EcPrivateKey,
    /// An Ed25519 CurvePrivateKey (RFC 8410 §7) inside PKCS#8.
    CurvePrivateKey,
}

impl DerContainer {
    /// The words for it after "the": "public key (SubjectPublicKeyInfo)".
    pub fn description(self) -> &'static str {
        match self {
            DerContainer::SubjectPublicKeyInfo => "public key (SubjectPublicKeyInfo)",
            DerContainer::Pkcs1RsaPublicKey => "RSA public key (PKCS#1)",
            DerContainer::Certificate => "certificate",
            DerContainer::Pkcs8PrivateKeyInfo => "private key (PKCS#8)",
            DerContainer::Pkcs1RsaPrivateKey => "RSA private key (PKCS#1)",
            DerContainer::Sec1EcPrivateKey => "EC private key (SEC1)",
            DerContainer::CurvePrivateKey => "Ed25519 private key (RFC 8410)",
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
    /// The key text is longer than [`MAX_KEY_TEXT`](super::MAX_KEY_TEXT); `bytes` is its length.
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
    /// A private key of a kind this page does not read (`DSA PRIVATE
    /// KEY`, …); PKCS#8, PKCS#1, SEC1 and OpenSSH keys are read.
    PrivateKeyUnsupported {
        /// The block's label.
        label: String,
    },
    /// An `ENCRYPTED PRIVATE KEY` block (PKCS#8 EncryptedPrivateKeyInfo,
    /// RFC 5958 §3): its public key cannot be read without the passphrase.
    PrivateKeyEncrypted {
        /// The block's label.
        label: String,
    },
    /// A private key whose stored public key (SEC1 `publicKey`, PKCS#8 v2
    /// `publicKey`) is not the one its private part gives.
    PrivateKeyMismatch,
    /// An EC private scalar that is zero, too long or not below the
    /// curve's order (SEC 1 §3.2.1).
    EcPrivateScalarInvalid {
        /// The curve the scalar was read for.
        curve: Curve,
    },
    /// An Ed25519 private key that is not a 32-byte seed (RFC 8032 §5.1.5).
    Ed25519SeedLength {
        /// Length of the seed, in bytes.
        bytes: usize,
    },
    /// An ML-DSA public key of the wrong length for its level.
    MlDsaKeyLength {
        /// The level's `alg` name.
        alg: &'static str,
        /// The length given.
        bytes: usize,
        /// The length the level has (FIPS 204 Table 2).
        expected: usize,
    },
    /// An AKP JWK (draft-ietf-cose-dilithium) whose `alg` is no ML-DSA
    /// level.
    AkpAlgUnknown {
        /// The `alg` given, if any.
        alg: String,
    },
    /// RSA private values (PKCS#1, or a JWK's `d`, `p`, `q`) that do not
    /// form a key (RFC 8017 §3.2).
    RsaPrivateKeyInvalid {
        /// What the `rsa` crate said.
        reason: String,
    },
    /// A private key was needed (to sign, to decrypt), and the text holds
    /// none: only public keys, certificates, or nothing readable.
    NoPrivateKey {
        /// What the text holds instead, in words.
        found: String,
    },
    /// An OpenSSH private key protected by a passphrase: its public key is
    /// readable, its private key is not.
    OpenSshEncrypted,
    /// An `OPENSSH PRIVATE KEY` block that `ssh-key` could not read.
    OpenSsh {
        /// What `ssh-key` said.
        reason: String,
    },
    /// An OpenSSH key of a type JOSE does not use (DSA, security keys).
    OpenSshUnsupported {
        /// The SSH algorithm name, e.g. `ssh-dss`.
        algorithm: String,
    },
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
    /// An EC key on a curve JOSE does not use (RFC 7518 §3.4 uses P-256,
    /// P-384 and P-521; RFC 8812 secp256k1).
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
    /// An X25519 key that is not 32 bytes (RFC 7748 §5).
    X25519Length {
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
    /// An EC JWK `crv` other than P-256, P-384 and P-521
    /// (RFC 7518 §6.2.1.1).
    JwkUnsupportedCurve {
        /// The `crv` given.
        crv: String,
    },
    /// An EC private `d` of the wrong length: RFC 7518 §6.2.2.1 makes it
    /// exactly the curve's field size.
    JwkPrivateLength {
        /// Its decoded length.
        bytes: usize,
        /// The curve the JWK names.
        curve: Curve,
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
    /// An OKP JWK `crv` other than Ed25519 and X25519 (RFC 8037 §2 also
    /// allows Ed448 and X448, which this tool does not read).
    JwkUnsupportedOkpCurve {
        /// The `crv` given.
        crv: String,
    },
    /// A JWK whose key material is unusable: "JWK: " and the reason.
    Jwk(Box<KeyReadError>),
    /// A JWK `x5c` that is not an array of base64 strings (RFC 7517 §4.7).
    JwkX5cNotBase64,
    /// A JWK `x5c` whose first certificate is unreadable: the reason.
    JwkX5c(Box<KeyReadError>),
    /// A JWK whose own key and first `x5c` certificate's key differ
    /// (RFC 7517 §4.7: they MUST match).
    JwkX5cMismatch,
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

mod message;

#[cfg(test)]
mod tests;
