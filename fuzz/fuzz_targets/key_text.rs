//! The key box: PEM blocks (SPKI, PKCS#1, certificates), JWK, JWKS, bare
//! base64 DER, and the HMAC secret encodings.
#![no_main]

use jwt_inspector::analysis::{keys::KeySet, vocab::SecretEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut keys = KeySet::parse(&text);
    for encoding in [
        SecretEncoding::Text,
        SecretEncoding::Base64,
        SecretEncoding::Base64url,
        SecretEncoding::Hex,
    ] {
        keys.add_secret(&text, encoding);
    }
    for key in &keys.keys {
        let _ = key.report();
    }
});
