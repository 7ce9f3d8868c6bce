//! Inputs the fuzzers (fuzz/, `fuzz/run.sh`) found that once panicked,
//! each kept as a named test. The crash inputs are given exactly as found
//! (bytes, read the way the fuzz target reads them) and, where it helps the
//! reader, as the smallest readable input with the same cause.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use jwt_inspector::analysis::{Options, analyse, finder::find_tokens, keys::KeySet};

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// finder/context.rs sliced the text before a token one byte past a
/// multi-byte character that preceded a `name:` look-alike.
#[test]
fn finder_header_name_after_a_multibyte_character() {
    let found = lossy(
        b"{\"i\xcd\xcd\xcd\xcd\xcd\xcd\xcd\xcd\xcddt_kn:o\"e \"eyJraWQiOiJoczI1Ni1rZXkiLCJhbGciOiJIUzI1NiJ9.    VGVzdA.AbPJgmXfihyNBUYpbdPK8qRpPjNuTE-Z_wYQyrU2lMQ\", \"expires_in\": 3600}",
    );
    let result = find_tokens(&found);
    assert_eq!(result.tokens.len(), 1, "{:?}", result.tokens);

    // The same slip in `NAME=` detection (found reading the code after it).
    let result = find_tokens("€TOKEN=eyJhbGciOiJub25lIn0.e30.");
    assert_eq!(result.tokens[0].source.field.as_deref(), Some("TOKEN"));

    let readable = "é€X-Auth-Token: eyJhbGciOiJub25lIn0.e30.";
    let result = find_tokens(readable);
    assert_eq!(result.tokens.len(), 1);
    assert_eq!(result.tokens[0].text, "eyJhbGciOiJub25lIn0.e30.");
    let report = analyse(readable, &Options::at(0));
    assert_eq!(report.tokens[0].kind.as_str(), "unsecured");
}

/// keys/pem.rs: a BEGIN line glued to the previous END line's dashes gave
/// two overlapping block ranges, and cutting them out of the key text
/// panicked.
#[test]
fn pem_begin_glued_to_the_previous_end_line() {
    let found = lossy(
        b"{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"JxzYnAABQwlrYtTp5MqIWu8vcCPRiv_a-Le1-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA08mMCowBSJgUh1Q\", \"y\": \"ChxulU4?EIQ1tV\x8e-jhbD3\xa6\xbaGmCb5MqIWu8vcCPRQYDK2VwAiv_a-Le1SJgUh1Q\", nyEA0e\"}]8mqLP}roc-Type:brQ5+PoEo=\n-----END PUBLIC KEY-------BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA08mMCowBQYDK2VwAyEA08mqLProc-Type:brQ5+PoEo=\n-----END PUBLIC KEY-------\n",
    );
    let keys = KeySet::parse(&found);
    assert!(
        !keys.errors.is_empty(),
        "the blocks are unreadable and say so"
    );

    // Two real Ed25519 keys (RFC 8037 §A.2's public key) pasted without a
    // line break between END and BEGIN are both read.
    let block = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----";
    let keys = KeySet::parse(&format!("{block}{block}"));
    assert_eq!(keys.keys.len(), 2, "{:?}", keys.errors);
    assert!(keys.errors.is_empty(), "{:?}", keys.errors);
}

/// keys/pem.rs: an empty body whose BEGIN dashes run into the END line
/// (`-----BEGIN X----------END X-----`) made the body end before it began.
#[test]
fn pem_empty_body_between_dashes() {
    for text in [
        "-----BEGIN PUBLIC KEY----------END PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----END PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY----- -----END PUBLIC KEY-----",
    ] {
        let keys = KeySet::parse(text);
        assert!(keys.keys.is_empty());
        assert!(!keys.errors.is_empty(), "{text}: says what is wrong");
    }
}

/// finder/shape.rs sliced the first 12 bytes of a JSON string value to see
/// whether it starts like a JOSE header, inside a multi-byte character.
#[test]
fn shape_check_of_a_token_field_holding_multibyte_characters() {
    let found = lossy(
        b"{\"id_token\": \"eyJhbGciOi\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1\xc1JIUzI1NiIsImtpZCI6ImtpZC1hZXMtc2lnbiJ\xfe\xff\xff\xff\xff\xff\xff\xffc_0jmreSrBSDmE0F3mYSPtkZ3WrSyI5wb_KTg\", \"expires_in\": 3600}",
    );
    let report = analyse(&found, &Options::at(0));
    assert!(report.tokens.len() <= 1);

    use jwt_inspector::analysis::finder::shape::starts_like_json_object;
    assert!(!starts_like_json_object("eyJhbé€xxxx"));
    assert!(starts_like_json_object("eyJhbGciOiJIUzI1NiJ9"));
}
