//! Helpers shared by the integration tests: the test vectors live in the
//! repository in `tests/vectors/` and are read at test time.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};

/// `tests/vectors`, or `$JWT_INSPECTOR_VECTORS` when set. A missing
/// folder fails the test: vectors are part of the suite, not optional.
pub fn vectors_dir() -> PathBuf {
    let dir = std::env::var_os("JWT_INSPECTOR_VECTORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors"));
    assert!(
        dir.is_dir(),
        "test vectors not found at {} (set JWT_INSPECTOR_VECTORS)",
        dir.display()
    );
    dir
}

pub fn read_text(relative: &str) -> String {
    let path = vectors_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn read_json(relative: &str) -> Value {
    serde_json::from_str(&read_text(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Every vendor fixture file, relative to the vectors folder.
pub fn vendor_fixtures() -> Vec<String> {
    let root = vectors_dir().join("vendors");
    let mut files = Vec::new();
    for vendor in std::fs::read_dir(&root).expect("vendors folder") {
        let vendor = vendor.unwrap().path();
        for file in std::fs::read_dir(&vendor).unwrap() {
            let file = file.unwrap().path();
            files.push(
                file.strip_prefix(vectors_dir())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    files.sort();
    files
}

/// A base64url (no padding) encoding for building test tokens.
pub fn b64(bytes: &[u8]) -> String {
    jwt_inspector::analysis::base64url::encode(bytes)
}

/// An unsigned-looking compact token with a fixed 32-byte "signature".
pub fn token(header: &str, payload: &str) -> String {
    format!(
        "{}.{}.{}",
        b64(header.as_bytes()),
        b64(payload.as_bytes()),
        b64(&[0x5a; 32])
    )
}

/// Every `.rs` file under `dir`, recursively.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Runs the `jwt-inspect` binary with `args`, `stdin` piped in.
#[cfg(feature = "crypto")]
pub fn jwt_inspect(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_jwt-inspect"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("jwt-inspect runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Writes `contents` to a file named `name` in this test run's temp folder.
pub fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jwt-inspect-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}
