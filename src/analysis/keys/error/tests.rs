use super::*;

fn label() -> String {
    "PUBLIC KEY".to_string()
}

/// Each variant's sentence, copied from the messages the parsers wrote
/// before the errors were typed: the JSON report shows them verbatim.
#[test]
fn every_variant_reads_as_the_reports_sentence() {
    use KeyReadError as E;
    let cases: Vec<(KeyReadError, &str)> = vec![
        (
            E::KeyTextTooLarge { bytes: 5_000_000 },
            "5000000 bytes of key text is more than this page reads (4 MB); keys and key sets are a few KB",
        ),
        (
            E::InvalidJson(crate::analysis::json::JsonError {
                offset: 7,
                problem: "expected `:`".into(),
                kind: crate::analysis::json::JsonErrorKind::Syntax,
            }),
            "not valid JSON: expected `:` at byte 7",
        ),
        (
            E::JwksKeysNotArray,
            "`keys` is not an array (RFC 7517 §5.1)",
        ),
        (
            E::JsonNotAKey,
            "JSON that is neither a JWK (an object with `kty`) nor a JWKS (an object with `keys`)",
        ),
        (E::JwksEntryNotObject, "not a JSON object"),
        (
            E::UnrecognisedKeyText,
            "not a PEM block, a JWK, a JWKS or base64 DER: paste a public key (-----BEGIN PUBLIC KEY-----), a certificate, or a JWK / JWKS",
        ),
        (
            E::UnrecognisedDer { bytes: 12 },
            "12 bytes of DER that are not a certificate, a SubjectPublicKeyInfo or a PKCS#1 RSA public key",
        ),
        (
            E::PrivateKeyUnsupported {
                label: "DSA PRIVATE KEY".into(),
            },
            "\"DSA PRIVATE KEY\" is a private key of a kind this page does not read (it reads PKCS#8 PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY and OPENSSH PRIVATE KEY); paste its public key instead, e.g. from `openssl pkey -in key.pem -pubout`",
        ),
        (
            E::PrivateKeyEncrypted {
                label: "ENCRYPTED PRIVATE KEY".into(),
            },
            "the \"ENCRYPTED PRIVATE KEY\" block is encrypted with a passphrase (PKCS#8 EncryptedPrivateKeyInfo), so its public key cannot be read here; paste the public key instead, e.g. from `openssl pkey -in key.pem -pubout`",
        ),
        (
            E::PrivateKeyMismatch,
            "the public key stored with this private key is not the one its private part gives: the key is corrupt or was edited, so it is not used",
        ),
        (
            E::EcPrivateScalarInvalid { curve: Curve::P256 },
            "the private scalar is not a valid P-256 private key (zero, too long, or not below the curve order)",
        ),
        (
            E::Ed25519SeedLength { bytes: 31 },
            "the Ed25519 private key is 31 bytes; RFC 8032 §5.1.5 private keys are 32-byte seeds",
        ),
        (
            E::OpenSshUnsupported {
                algorithm: "ssh-dss".into(),
            },
            "the OpenSSH key is ssh-dss, which JOSE does not use: JWS signs with RSA, ECDSA on P-256/384/521, or Ed25519",
        ),
        (
            E::PemNotAKey {
                label: "CERTIFICATE REQUEST".into(),
            },
            "a PEM \"CERTIFICATE REQUEST\" block is not a public key or certificate",
        ),
        (
            E::PemUnterminated { label: label() },
            "the PEM block \"PUBLIC KEY\" has no matching \"-----END PUBLIC KEY-----\" line (was the paste cut short?)",
        ),
        (
            E::PemEncrypted { label: label() },
            "the PEM block \"PUBLIC KEY\" is encrypted (Proc-Type / DEK-Info headers)",
        ),
        (
            E::PemEmpty { label: label() },
            "the PEM block \"PUBLIC KEY\" is empty",
        ),
        (
            E::PemInvalidCharacter {
                label: label(),
                character: '#',
                offset: 4,
            },
            "the body of the PEM block \"PUBLIC KEY\" has `#` at character 4, which is not base64",
        ),
        (
            E::PemInvalidBase64 {
                label: label(),
                detail: "DETAIL".into(),
            },
            "the body of the PEM block \"PUBLIC KEY\" is not valid base64 (DETAIL)",
        ),
        (
            E::DerTruncated {
                container: DerContainer::Certificate,
                bytes: 812,
                needed: 1000,
                at: Some(812),
            },
            "the certificate is DER-encoded but truncated: it is 812 bytes and needs 1000 at byte 812",
        ),
        (
            E::DerTruncated {
                container: DerContainer::SubjectPublicKeyInfo,
                bytes: 3,
                needed: 91,
                at: None,
            },
            "the public key (SubjectPublicKeyInfo) is DER-encoded but truncated: it is 3 bytes and needs 91",
        ),
        (
            E::DerTrailingData {
                container: DerContainer::Pkcs1RsaPublicKey,
                trailing: 2,
                after: 270,
            },
            "the RSA public key (PKCS#1) has 2 bytes of trailing data after byte 270",
        ),
        (
            E::DerInvalid {
                container: DerContainer::Certificate,
                detail: "DETAIL".into(),
                at: Some(5),
            },
            "the certificate is not valid DER: DETAIL at byte 5",
        ),
        (
            E::DerInvalid {
                container: DerContainer::Certificate,
                detail: "DETAIL".into(),
                at: None,
            },
            "the certificate is not valid DER: DETAIL",
        ),
        (
            E::BitStringUnusedBits,
            "the public key BIT STRING has unused bits",
        ),
        (E::EcCurveUnnamed, "the EC key does not name its curve"),
        (
            E::UnsupportedEcCurve {
                oid: "1.3.36.3.3.2.8.1.1.7".into(),
            },
            "the EC key is on curve 1.3.36.3.3.2.8.1.1.7, which JOSE does not use",
        ),
        (
            E::Ed448Key,
            "the key is Ed448, which this page does not verify",
        ),
        (
            E::UnsupportedAlgorithm {
                oid: "1.2.840.10040.4.1".into(),
            },
            "the key algorithm 1.2.840.10040.4.1 is not RSA, EC, Ed25519 or ML-DSA",
        ),
        (E::SpkiReencodeFailed, "could not re-encode the key"),
        (
            E::CertificateKeyReencodeFailed {
                detail: "DETAIL".into(),
            },
            "the certificate's public key could not be re-encoded: DETAIL",
        ),
        (
            E::CertificateKey(Box::new(E::Ed448Key)),
            "the certificate's public key: the key is Ed448, which this page does not verify",
        ),
        (E::RsaModulusZero, "the RSA modulus n is zero"),
        (
            E::RsaModulusEven { bits: 2048 },
            "the 2048-bit modulus n is even, so it is not a product of two primes: this is not a usable RSA key",
        ),
        (E::RsaExponentZero, "the public exponent e is zero"),
        (
            E::RsaExponentOne,
            "the public exponent e is 1, which makes every signature trivially forgeable (the \"signature\" equals the message)",
        ),
        (
            E::RsaExponentEven,
            "the public exponent e is even, which RSA cannot use",
        ),
        (
            E::RsaModulusTooSmall { bits: 256 },
            "the modulus is only 256 bits; nothing under 512 bits can be checked meaningfully",
        ),
        (
            E::RsaModulusTooLarge { bits: 16_392 },
            "the modulus is 16392 bits; this page reads RSA keys up to 16384 bits",
        ),
        (
            E::RsaExponentNotBelowModulus,
            "the public exponent e is not smaller than the modulus n",
        ),
        (E::RsaModulusOverflow, "modulus too large"),
        (E::RsaModulusUnreadable, "the modulus n could not be read"),
        (E::RsaExponentUnreadable, "the exponent e could not be read"),
        (
            E::RsaRefused {
                detail: "DETAIL".into(),
            },
            "the RSA key was refused: DETAIL",
        ),
        (
            E::EcPointInvalid { curve: Curve::P384 },
            "the point is not a valid P-384 public key (not on the curve, or badly encoded)",
        ),
        (
            E::Ed25519Length { bytes: 31 },
            "an Ed25519 public key is 32 bytes, this one is 31",
        ),
        (
            E::X25519Length { bytes: 31 },
            "an X25519 key is 32 bytes, this one is 31",
        ),
        (
            E::Ed25519Invalid,
            "the 32 bytes are not a valid Ed25519 public key",
        ),
        (
            E::SecretNotEncoded {
                encoding: SecretEncoding::Base64,
                detail: "DETAIL".into(),
            },
            "the secret is not base64: DETAIL",
        ),
        (
            E::SecretNotEncoded {
                encoding: SecretEncoding::Base64url,
                detail: "DETAIL".into(),
            },
            "the secret is not base64url: DETAIL",
        ),
        (
            E::SecretNotEncoded {
                encoding: SecretEncoding::Hex,
                detail: "DETAIL".into(),
            },
            "the secret is not hex: DETAIL",
        ),
        (E::SecretEmpty, "the secret is empty"),
        (E::JwkNoKty, "JWK has no `kty` (RFC 7517 §4.1)"),
        (E::JwkKtyNotString, "JWK `kty` is not a string"),
        (
            E::JwkUnsupportedKty { kty: "DSA".into() },
            "JWK `kty` \"DSA\" is not RSA, EC, OKP or oct",
        ),
        (E::JwkMissingMember { name: "n" }, "JWK is missing `n`"),
        (
            E::JwkMemberNotString { name: "x" },
            "JWK `x` is not a string",
        ),
        (
            E::JwkMemberNotBase64url {
                name: "e",
                error: Base64UrlError::ImpossibleLength { length: 5 },
            },
            "JWK `e` is not base64url: 5 characters cannot be base64url: one character is left over (is the segment truncated?)",
        ),
        (
            E::JwkEmptySecret,
            "JWK `k` is empty: an empty HMAC secret verifies nothing",
        ),
        (
            E::JwkUnsupportedCurve {
                crv: "P-192".into(),
            },
            "JWK `crv` \"P-192\" is not P-256, P-384, P-521 or secp256k1",
        ),
        (
            E::JwkCoordinateLength {
                name: "y",
                bytes: 65,
                curve: Curve::P521,
            },
            "JWK `y` is 65 bytes, but a P-521 coordinate is 66 bytes (RFC 7518 §6.2.1.2)",
        ),
        (
            E::JwkPrivateLength {
                bytes: 31,
                curve: Curve::P256,
            },
            "JWK `d` is 31 bytes, but a P-256 private key is 32 bytes (RFC 7518 §6.2.2.1)",
        ),
        (
            E::JwkUnsupportedOkpCurve { crv: "X448".into() },
            "JWK OKP curve \"X448\" is not read by this tool (only Ed25519, and X25519 for JWE)",
        ),
        (
            E::Jwk(Box::new(E::Ed25519Invalid)),
            "JWK: the 32 bytes are not a valid Ed25519 public key",
        ),
    ];
    for (error, sentence) in cases {
        assert_eq!(error.to_string(), sentence, "{error:?}");
    }
}

#[test]
fn der_containers_are_named_as_the_sentences_need() {
    assert_eq!(
        DerContainer::SubjectPublicKeyInfo.to_string(),
        "public key (SubjectPublicKeyInfo)"
    );
    assert_eq!(
        DerContainer::Pkcs1RsaPublicKey.to_string(),
        "RSA public key (PKCS#1)"
    );
    assert_eq!(DerContainer::Certificate.to_string(), "certificate");
}
