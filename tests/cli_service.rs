//! `jwt-inspect` for a person and for a CI gate (issue 11 §5, §9): the
//! expectations flags, `--fail-on` and its exit status 3, and the text
//! report a terminal gets, against its snapshot.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::{jwt_inspect, temp_file};
use hmac::{KeyInit, Mac};
use serde_json::{Value, json};
use std::path::PathBuf;

const NOW: i64 = 1_780_272_000;
/// 32 bytes, as RFC 7518 §3.2 asks for HS256.
const SECRET: &str = "a-secret-of-thirty-two-bytes-ok!";

/// An HS256 token minted here with [`SECRET`].
fn mint(payload: &Value) -> String {
    let b64 = |bytes: &[u8]| jwt_inspector::analysis::base64url::encode(bytes);
    let input = format!(
        "{}.{}",
        b64(br#"{"alg":"HS256","typ":"JWT"}"#),
        b64(payload.to_string().as_bytes())
    );
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    format!("{input}.{}", b64(&mac.finalize().into_bytes()))
}

fn secret_args() -> Vec<String> {
    // One file per thread: tests run in parallel, and rewriting a file
    // another test is reading would hand it an empty secret.
    let name = format!("service-{:?}.secret", std::thread::current().id());
    let file = temp_file(&name.replace(['(', ')'], ""), SECRET);
    vec![
        "--secret-file".into(),
        file.to_str().unwrap().into(),
        "--now".into(),
        NOW.to_string(),
    ]
}

fn run(extra: &[&str], token: &str) -> std::process::Output {
    let mut args: Vec<String> = secret_args();
    args.extend(extra.iter().map(|a| a.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    jwt_inspect(&args, token.as_bytes())
}

#[test]
fn fail_on_refused_gates_on_the_audience() {
    let for_x = mint(&json!({"aud": "X", "exp": NOW + 600}));
    let for_y = mint(&json!({"aud": "Y", "exp": NOW + 600}));
    let gate = ["--expect-aud", "X", "--fail-on", "refused"];
    let accepted = run(&gate, &for_x);
    assert_eq!(
        accepted.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&accepted.stderr)
    );
    let refused = run(&gate, &for_y);
    assert_eq!(refused.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr),
        "jwt-inspect: token 1 is refused (--fail-on refused)\n"
    );
    let report: Value = serde_json::from_slice(&refused.stdout).unwrap();
    let expectations = &report["tokens"][0]["expectations"];
    assert_eq!(expectations["accepted"], false);
    assert_eq!(
        expectations["verdict"],
        "This service would refuse this token because aud \"Y\" names none of the expected \"X\"."
    );
    // The service's own key, by label: another one refuses the token.
    assert_eq!(
        run(
            &["--expect-key", "HMAC secret (text)", "--fail-on", "refused"],
            &for_x
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        run(
            &["--expect-key", "JWKS key 1", "--fail-on", "refused"],
            &for_x
        )
        .status
        .code(),
        Some(3)
    );
    // Without --fail-on the report says the same and the exit status is 0.
    assert_eq!(run(&["--expect-aud", "X"], &for_y).status.code(), Some(0));
}

#[test]
fn every_fail_on_condition_is_met_by_the_token_it_names() {
    let expired = mint(&json!({"exp": NOW - 60}));
    let early = mint(&json!({"nbf": NOW + 3600, "exp": NOW + 7200}));
    let fine = mint(&json!({"exp": NOW + 60}));
    let unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.";
    // The same token with one signature character changed.
    let at = fine.len() - 10;
    let swapped = if &fine[at..=at] == "A" { "B" } else { "A" };
    let bad_signature = format!("{}{swapped}{}", &fine[..at], &fine[at + 1..]);
    for (condition, token, met) in [
        ("expired", expired.as_str(), true),
        ("expired", fine.as_str(), false),
        ("not-yet-valid", early.as_str(), true),
        ("not-yet-valid", fine.as_str(), false),
        ("invalid", bad_signature.as_str(), true),
        ("invalid", fine.as_str(), false),
        ("critical", unsigned, true),
        ("high", unsigned, true),
        ("high", fine.as_str(), false),
    ] {
        let out = run(&["--fail-on", condition], token);
        let expected = if met { 3 } else { 0 };
        assert_eq!(out.status.code(), Some(expected), "{condition} on {token}");
    }
    let unchecked = jwt_inspect(&["--fail-on", "unchecked"], fine.as_bytes());
    assert_eq!(unchecked.status.code(), Some(3));
}

#[test]
fn bad_expectation_flags_are_usage_errors() {
    for (args, words) in [
        (
            vec!["--max-lifetime", "soon"],
            "--max-lifetime takes seconds",
        ),
        (
            vec!["--fail-on", "expired,broken"],
            "\"broken\" is none of them",
        ),
        (vec!["--format", "yaml"], "--format is text or json"),
    ] {
        let out = jwt_inspect(&args, b"");
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(words),
            "{args:?}"
        );
    }
}

#[test]
fn piped_output_is_the_json_report_and_json_forces_it() {
    let token = mint(&json!({"sub": "a", "exp": NOW + 60}));
    let piped = run(&[], &token);
    let forced = run(&["--json"], &token);
    assert_eq!(piped.stdout, forced.stdout);
    let report: Value = serde_json::from_slice(&piped.stdout).unwrap();
    assert_eq!(report["tokens"][0]["signature"]["status"], "valid");
    assert!(report["tokens"][0].get("expectations").is_none());
}

#[test]
fn the_text_report_reads_like_a_report() {
    let token = mint(
        &json!({"iss": "https://issuer.example", "aud": "api", "sub": "a",
        "iat": NOW - 60, "exp": NOW + 3540}),
    );
    let paste = format!("curl -H 'Authorization: Bearer {token}' https://api.example/orders\n");
    let out = run(
        &[
            "--format",
            "text",
            "--expect-iss",
            "https://issuer.example",
            "--expect-aud",
            "api",
            "--expect-alg",
            "RS256",
            "--require",
            "sub",
        ],
        &paste,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/cli-text.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text, expected,
        "regenerate with UPDATE_SNAPSHOTS=1 and review the diff"
    );
}

#[test]
fn diff_compares_two_tokens_given_as_files_or_text() {
    let a = mint(&json!({"sub": "a", "aud": "api", "iat": NOW, "exp": NOW + 3600}));
    let b = mint(&json!({"sub": "a", "aud": "web", "iat": NOW, "exp": NOW + 4 * 3600}));
    let file = temp_file("diff-a.jwt", &format!("Authorization: Bearer {a}\n"));
    let mut args = secret_args();
    args.extend([
        "diff".to_string(),
        file.to_str().unwrap().to_string(),
        b.clone(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = jwt_inspect(&args, b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comparison: Value = serde_json::from_slice(&out.stdout).unwrap();
    let aud = comparison["payload"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "aud")
        .unwrap();
    assert_eq!(aud["change"], "changed");
    assert_eq!(
        (aud["a"].clone(), aud["b"].clone()),
        (json!("api"), json!("web"))
    );
    assert_eq!(
        comparison["times"][0]["text"],
        "B expires 03:00:00 after A."
    );
    assert_eq!(comparison["keys"]["same_key"], true);
    for bad in [vec!["diff", "only-one"], vec!["diff", "a", "b", "c"]] {
        let out = jwt_inspect(&bad, b"");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let out = jwt_inspect(&["diff", "not a token", &b], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("A holds no token"));
}

#[test]
fn files_given_to_the_cli_name_their_tokens() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/files");
    for (file, expected) in [
        (
            "kubeconfig.yaml",
            "token of kubeconfig user deployer (context dev-deployer)",
        ),
        ("chromium.har", "(in HAR entry GET http://127.0.0.1:"),
        (
            "firefox.har",
            "session cookie, Set-Cookie header (in HAR entry POST http://127.0.0.1:",
        ),
        (
            "docker-config.json",
            "Docker config.json, registry ghcr.example.com",
        ),
    ] {
        let path = format!("{dir}/{file}");
        let out = jwt_inspect(&["--json", &path], b"");
        assert_eq!(out.status.code(), Some(0), "{file}");
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let descriptions: Vec<&str> = report["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["source"]["description"].as_str())
            .collect();
        assert!(
            descriptions.iter().any(|d| d.contains(expected)),
            "{file}: {descriptions:#?}"
        );
    }
}
