//! Binary DER as found in a PEM block: certificate, SPKI or PKCS#1.
#![no_main]

use jwt_inspector::analysis::keys::der;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = der::from_certificate(data);
    let _ = der::from_spki(data);
    let _ = der::from_pkcs1(data);
    let _ = der::from_unknown(data);
});
