use super::*;

fn vectors(path: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn wire_pki() -> String {
    vectors("vendors/keystone/v3.pem")
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<String>()
        .replace('/', "-")
}

#[test]
fn pki_fixture_content_is_the_v3_token_json() {
    let token = read_pki(&wire_pki()).unwrap();
    let content = token.content.unwrap();
    assert!(content["token"]["expires_at"].is_string(), "{content}");
    assert_eq!(token.details.digest_algorithm, "SHA-256");
    assert!(
        token.details.signer.contains("Self Signed"),
        "{}",
        token.details.signer
    );
}

#[test]
fn pki_fixture_verifies_with_the_signing_certificate_and_not_the_ca() {
    let token = read_pki(&wire_pki()).unwrap();
    let (status, message) = verify(
        &token,
        &KeySet::parse(&vectors("vendors/keystone/signing_cert.pem")),
    );
    assert_eq!(status, SignatureStatus::Valid, "{message}");
    let (status, _) = verify(
        &token,
        &KeySet::parse(&vectors("vendors/keystone/cacert.pem")),
    );
    assert_eq!(status, SignatureStatus::Invalid);
    let (status, message) = verify(&token, &KeySet::default());
    assert_eq!(status, SignatureStatus::Unchecked);
    assert!(message.contains("signing certificate"));
}

#[test]
fn stale_pkiz_fixture_decompresses_but_no_longer_verifies() {
    let token = read_pkiz(vectors("vendors/keystone/v3.pkiz").trim()).unwrap();
    assert_eq!(token.details.format.as_str(), "pkiz");
    assert!(token.content.is_some(), "{:?}", token.content_error);
    let (status, _) = verify(
        &token,
        &KeySet::parse(&vectors("vendors/keystone/signing_cert.pem")),
    );
    assert_eq!(status, SignatureStatus::Invalid);
}

#[test]
fn zip_bombs_and_garbage_get_messages() {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&vec![0u8; 20 * 1024 * 1024]).unwrap();
    let bomb = format!(
        "PKIZ_{}",
        base64::engine::general_purpose::URL_SAFE.encode(encoder.finish().unwrap())
    );
    assert!(read_pkiz(&bomb).unwrap_err().contains("more than 8 MB"));
    assert!(
        read_pki("MIInotbase64!!")
            .unwrap_err()
            .contains("not base64")
    );
    assert!(
        read_pki("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A")
            .unwrap_err()
            .starts_with("the token is not a CMS ContentInfo")
    );
}
