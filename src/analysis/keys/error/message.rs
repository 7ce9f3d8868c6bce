//! The sentence for each [`KeyReadError`]: what the report's `key_errors`
//! show, pinned by `tests.rs`.

use super::{AtByte, KeyReadError};
use crate::analysis::keys::MAX_KEY_TEXT;
use crate::analysis::keys::material::{RSA_MAX_BITS, RSA_MIN_BITS};
use std::fmt;

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
            E::PrivateKeyUnsupported { label } => write!(
                f,
                "\"{label}\" is a private key of a kind this page does not read (it reads PKCS#8 PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY and OPENSSH PRIVATE KEY); paste its public key instead, e.g. from `openssl pkey -in key.pem -pubout`"
            ),
            E::PrivateKeyEncrypted { label } => write!(
                f,
                "the \"{label}\" block is encrypted with a passphrase (PKCS#8 EncryptedPrivateKeyInfo), so its public key cannot be read here; paste the public key instead, e.g. from `openssl pkey -in key.pem -pubout`"
            ),
            E::PrivateKeyMismatch => f.write_str(
                "the public key stored with this private key is not the one its private part gives: the key is corrupt or was edited, so it is not used",
            ),
            E::EcPrivateScalarInvalid { curve } => write!(
                f,
                "the private scalar is not a valid {} private key (zero, too long, or not below the curve order)",
                curve.jwk_name()
            ),
            E::Ed25519SeedLength { bytes } => write!(
                f,
                "the Ed25519 private key is {bytes} bytes; RFC 8032 §5.1.5 private keys are 32-byte seeds"
            ),
            E::MlDsaKeyLength { alg, bytes, expected } => write!(
                f,
                "the {alg} public key is {bytes} bytes; FIPS 204 gives {expected}"
            ),
            E::AkpAlgUnknown { alg } => write!(
                f,
                "an AKP JWK names its algorithm in `alg` (ML-DSA-44, ML-DSA-65 or ML-DSA-87); this one has \"{alg}\""
            ),
            E::RsaPrivateKeyInvalid { reason } => write!(
                f,
                "the RSA private key's values do not form a key ({reason}); RFC 8017 §3.2 requires n = p·q and d the inverse of e"
            ),
            E::NoPrivateKey { found } => write!(
                f,
                "signing needs a private key (PKCS#8, PKCS#1, SEC1 or OpenSSH PEM, or a JWK with `d`) or an HMAC secret; the text holds {found}"
            ),
            E::OpenSshEncrypted => f.write_str(
                "the OpenSSH private key is protected by a passphrase; remove it on a copy (`ssh-keygen -p -f COPY`) to sign with it",
            ),
            E::OpenSsh { reason } => write!(f, "the OpenSSH private key could not be read: {reason}"),
            E::OpenSshUnsupported { algorithm } => write!(
                f,
                "the OpenSSH key is {algorithm}, which JOSE does not use: JWS signs with RSA, ECDSA on P-256/384/521, or Ed25519"
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
            E::UnsupportedEcCurve { oid } => {
                write!(f, "the EC key is on curve {oid}, which JOSE does not use")
            }
            E::Ed448Key => f.write_str("the key is Ed448, which this page does not verify"),
            E::UnsupportedAlgorithm { oid } => {
                write!(f, "the key algorithm {oid} is not RSA, EC, Ed25519 or ML-DSA")
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
            E::X25519Length { bytes } => {
                write!(f, "an X25519 key is 32 bytes, this one is {bytes}")
            }
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
            E::JwkUnsupportedCurve { crv } => {
                write!(f, "JWK `crv` \"{crv}\" is not P-256, P-384, P-521 or secp256k1")
            }
            E::JwkPrivateLength { bytes, curve } => write!(
                f,
                "JWK `d` is {bytes} bytes, but a {} private key is {} bytes (RFC 7518 §6.2.2.1)",
                curve.jwk_name(),
                curve.field_bytes()
            ),
            E::JwkCoordinateLength { name, bytes, curve } => write!(
                f,
                "JWK `{name}` is {bytes} bytes, but a {} coordinate is {} bytes (RFC 7518 §6.2.1.2)",
                curve.jwk_name(),
                curve.field_bytes()
            ),
            E::JwkUnsupportedOkpCurve { crv } => write!(
                f,
                "JWK OKP curve \"{crv}\" is not read by this tool (only Ed25519, and X25519 for JWE)"
            ),
            E::JwkX5cNotBase64 => f.write_str(
                "JWK `x5c` is not an array of base64 DER certificates (RFC 7517 §4.7)",
            ),
            E::JwkX5c(inner) => write!(f, "JWK `x5c` certificate 1: {inner}"),
            E::JwkX5cMismatch => f.write_str(
                "the JWK's key and the key of its first `x5c` certificate differ; RFC 7517 §4.7 says they MUST match, so neither is used",
            ),
            E::Jwk(inner) => write!(f, "JWK: {inner}"),
        }
    }
}
