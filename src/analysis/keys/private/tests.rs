use super::*;
use der::Encode;

fn p256_sec1(scalar_byte: u8) -> Vec<u8> {
    let scalar = [scalar_byte; 32];
    let public = p256::SecretKey::from_slice(&scalar)
        .unwrap()
        .public_key()
        .to_sec1_bytes();
    sec1::EcPrivateKey {
        private_key: &scalar,
        parameters: Some(sec1::EcParameters::NamedCurve(
            der::asn1::ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7"),
        )),
        public_key: Some(&public),
    }
    .to_der()
    .unwrap()
}

#[test]
fn a_sec1_key_gives_the_public_point_of_its_scalar() {
    let key = from_sec1(&p256_sec1(7), None).unwrap();
    let expected = ec_public(Curve::P256, &[7; 32]).unwrap();
    assert_eq!(Some(key.spki_der), der_key::spki_der_for(&expected));
}

#[test]
fn a_stored_public_key_that_is_not_the_scalars_is_refused() {
    // The scalar of one key with the public point of another.
    let mut der = p256_sec1(7);
    let other = p256_sec1(9);
    let (own_point, other_point) = (&der[der.len() - 65..].to_vec(), &other[other.len() - 65..]);
    assert_ne!(own_point.as_slice(), other_point);
    let len = der.len();
    der[len - 65..].copy_from_slice(other_point);
    assert_eq!(
        from_sec1(&der, None).unwrap_err(),
        KeyReadError::PrivateKeyMismatch
    );
}

#[test]
fn a_zero_scalar_is_not_a_key() {
    assert_eq!(
        ec_public(Curve::P384, &[0; 48]).unwrap_err(),
        KeyReadError::EcPrivateScalarInvalid { curve: Curve::P384 }
    );
}

#[test]
fn truncated_pkcs8_names_the_container() {
    let der = [0x30, 0x82, 0x04, 0xbe, 0x02, 0x01, 0x00];
    let message = from_pkcs8(&der).unwrap_err().to_string();
    assert!(message.contains("private key (PKCS#8)"), "{message}");
}

#[test]
fn an_ed25519_seed_must_be_32_bytes() {
    assert_eq!(
        ed25519_public(&[1; 31]).unwrap_err(),
        KeyReadError::Ed25519SeedLength { bytes: 31 }
    );
}

#[test]
fn text_that_is_not_openssh_says_so() {
    let error = from_openssh(
        "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----",
    )
    .unwrap_err();
    assert!(matches!(error, KeyReadError::OpenSsh { .. }), "{error:?}");
}
