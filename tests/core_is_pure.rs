//! The core must stay pure: no DOM, no browser or system clock, no web
//! dependency. This scans its sources for anything that would break that.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::rust_files;
use std::path::Path;

const FORBIDDEN: [&str; 10] = [
    "yew",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "SystemTime",
    "Instant::now",
    "now_utc",
    "now_local",
    "crate::ui",
];

#[test]
fn core_sources_use_no_web_api_and_no_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("analysis.rs")];
    rust_files(&src.join("analysis"), &mut files);
    assert!(files.len() > 10, "core sources not found");
    let mut violations = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    violations.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "the core must stay pure:\n{}",
        violations.join("\n")
    );
}
