//! Keystone PKI tokens: the CMS SignedData reader, its signature check, and
//! the PKI / PKIZ / Fernet text forms.
#![no_main]

use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::keystone::{fernet, pki};
use jwt_inspector::analysis::vocab::KeystoneFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(token) = pki::read_der(data, KeystoneFormat::Pki) {
        let _ = pki::verify(&token, &KeySet::default());
    }
    let text = String::from_utf8_lossy(data);
    let _ = pki::read_pki(&text);
    let _ = pki::read_pkiz(&text);
    let _ = fernet::read(&text);
});
