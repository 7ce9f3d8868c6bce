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
fn a_pkiz_that_inflates_past_8_mb_is_refused() {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&vec![0u8; 20 * 1024 * 1024]).unwrap();
    let bomb = format!(
        "PKIZ_{}",
        base64::engine::general_purpose::URL_SAFE.encode(encoder.finish().unwrap())
    );
    assert_eq!(
        read_pkiz(&bomb),
        Err(CmsReadError::PkizTooLarge { limit_mb: 8 })
    );
}

#[test]
fn pkiz_text_that_does_not_unwrap_says_which_layer_failed() {
    assert_eq!(read_pkiz("MIIB"), Err(CmsReadError::PkizPrefixMissing));
    assert!(matches!(
        read_pkiz("PKIZ_a*b"),
        Err(CmsReadError::PkizNotBase64url { .. })
    ));
    assert!(matches!(
        read_pkiz("PKIZ_bm90IHpsaWI"),
        Err(CmsReadError::PkizNotZlib { .. })
    ));
}

#[test]
fn a_pkiz_holding_an_unterminated_pem_block_says_so() {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(b"-----BEGIN CMS-----\nMIIB\n").unwrap();
    let token = format!(
        "PKIZ_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(encoder.finish().unwrap())
    );
    let error = read_pkiz(&token).unwrap_err();
    assert_eq!(
        error,
        CmsReadError::PkizPem(Box::new(
            crate::analysis::keys::KeyReadError::PemUnterminated {
                label: "CMS".into()
            }
        ))
    );
    assert_eq!(
        error.to_string(),
        "the PKIZ token holds PEM, but the PEM block \"CMS\" has no matching \"-----END CMS-----\" line (was the paste cut short?)"
    );
}

#[test]
fn garbage_pki_tokens_are_not_base64_or_not_cms() {
    assert!(matches!(
        read_pki("MIInotbase64!!"),
        Err(CmsReadError::PkiNotBase64 { .. })
    ));
    let error = read_pki("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A").unwrap_err();
    assert!(
        matches!(error, CmsReadError::NotContentInfo { .. }),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("the token is not a CMS ContentInfo: "),
        "{error}"
    );
}

#[test]
fn a_content_info_of_another_type_is_not_signed_data() {
    // ContentInfo { id-data, [0] OCTET STRING "" } (RFC 5652 §3, §4).
    let der = [
        0x30, 0x11, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x04,
        0x04, 0x02, 0x68, 0x69,
    ];
    assert_eq!(
        read_der(&der, KeystoneFormat::Pki),
        Err(CmsReadError::NotSignedData {
            content_type: "1.2.840.113549.1.7.1".into()
        })
    );
}

#[test]
fn a_cut_pki_token_says_what_its_start_holds_and_where_it_ends() {
    use crate::analysis::{Options, analyse};
    use std::sync::Arc;
    let wire = wire_pki();
    let token = &wire[..wire.len() / 2 / 4 * 4];
    assert!(read_pki(token).is_err());
    let report = analyse(
        token,
        &Options::at(0).verified_by(Arc::new(KeySet::default())),
    );
    let messages: Vec<&str> = report.tokens[0]
        .errors
        .iter()
        .map(|e| e.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "This looks like a Keystone PKI token but it is truncated at byte 2937 of the 5874 its DER header declares, so the token JSON inside cannot be read; what the start says: a CMS SignedData envelope, digest algorithm SHA-256."
        ]
    );
}
