//! The compact-serialisation decoder and the JSON reader beneath it.
#![no_main]

use jwt_inspector::analysis::{base64url, decode::decode_compact, json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = decode_compact(&text);
    let _ = base64url::decode_segment(&text);
    // Our reader adds duplicate detection and trailing-comma tolerance on
    // top of serde_json: wherever serde_json reads a document, ours must
    // read the same value.
    let ours = json::parse(&text);
    if let Ok(theirs) = serde_json::from_str::<serde_json::Value>(&text) {
        assert_eq!(ours.expect("serde_json read it").value, theirs);
    }
});
