//! The JSON report is a contract (field names, finding ids, vendor ids,
//! states): this pins it byte for byte. Every vendor fixture, minted token,
//! RFC example and Wycheproof JOSE case, plus a set of awkward pastes and
//! unreadable keys, goes through `jwt-inspect --jobs`, and each answer line
//! must equal the committed one in `tests/snapshots/<group>.jsonl`. The
//! same pastes without keys go through the page's light analysis (no
//! verifier) and must equal `tests/snapshots/light-<group>.jsonl`.
//!
//! A deliberate change to the report regenerates the files with
//! `UPDATE_SNAPSHOTS=1 cargo test --test report_snapshots`; review the diff
//! before committing it: a renamed id or field breaks people's scripts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use serde_json::{Value, json};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The instant every case is evaluated at: 2026-09-21T04:26:40Z, after the
/// minted tokens' `iat` and before their `exp`.
const NOW: i64 = 1_790_000_000;

/// One paste with the keys and secret it is analysed with.
struct Case {
    name: String,
    input: String,
    key_text: String,
    secret: String,
}

impl Case {
    fn new(name: impl Into<String>, input: impl Into<String>) -> Self {
        Case {
            name: name.into(),
            input: input.into(),
            key_text: String::new(),
            secret: String::new(),
        }
    }

    fn with_keys(mut self, key_text: impl Into<String>) -> Self {
        self.key_text = key_text.into();
        self
    }

    fn with_secret(mut self, secret: impl Into<String>) -> Self {
        self.secret = secret.into();
        self
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every vendor fixture: each paste-like field alone and with each key it carries.
fn vendor_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for file in common::vendor_fixtures() {
        if !file.ends_with(".json") {
            continue;
        }
        let fixture = common::read_json(&file);
        let keys: Vec<(&str, String)> = ["jwks", "other_jwks_on_page", "public_jwk"]
            .into_iter()
            .filter_map(|k| fixture.get(k).map(|v| (k, v.to_string())))
            .collect();
        for field in [
            "paste",
            "token",
            "response_only",
            "decoded_payload_as_printed",
        ] {
            let Some(input) = fixture.get(field).map(text_of) else {
                continue;
            };
            cases.push(Case::new(format!("{file} {field}"), input.clone()));
            for (key_field, key_text) in &keys {
                cases.push(
                    Case::new(format!("{file} {field} + {key_field}"), input.clone())
                        .with_keys(key_text.clone()),
                );
            }
        }
    }
    let v3 = common::read_text("vendors/keystone/v3.pem");
    let pkiz = common::read_text("vendors/keystone/v3.pkiz");
    cases.push(Case::new("keystone v3.pem", v3.clone()));
    cases.push(Case::new("keystone v3.pkiz", pkiz.clone()));
    for cert in ["signing_cert.pem", "cacert.pem"] {
        let key = common::read_text(&format!("vendors/keystone/{cert}"));
        cases.push(Case::new(format!("keystone v3.pem + {cert}"), v3.clone()).with_keys(&key));
        cases.push(Case::new(format!("keystone v3.pkiz + {cert}"), pkiz.clone()).with_keys(key));
    }
    cases
}

/// The minted example tokens (tests/data/minted), with and without their key.
fn minted_cases() -> Vec<Case> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/minted/tokens.json");
    let minted: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut cases = Vec::new();
    for example in minted["examples"].as_array().unwrap() {
        let id = example["id"].as_str().unwrap();
        let paste = text_of(&example["paste"]);
        cases.push(Case::new(id, paste.clone()));
        if let Some(key) = example.get("key") {
            cases.push(Case::new(format!("{id} + key"), paste).with_keys(text_of(key)));
        }
    }
    cases
}

/// RFC 7515 A.1–A.4 and RFC 8037 A.4, with and without their key.
fn rfc_cases() -> Vec<Case> {
    let rfc = common::read_json("rfc/rfc_jws_examples.json");
    let mut cases = Vec::new();
    for vector in rfc["vectors"].as_array().unwrap() {
        let name = vector["rfc"].as_str().unwrap();
        let jws = text_of(&vector["jws"]);
        cases.push(Case::new(name, jws.clone()));
        cases.push(Case::new(format!("{name} + jwk"), jws).with_keys(vector["jwk"].to_string()));
    }
    cases
}

/// Every Wycheproof JWS, JWK and JWE case with its group's key.
fn wycheproof_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for file in [
        "json_web_signature_test.json",
        "json_web_key_test.json",
        "json_web_crypto_test.json",
    ] {
        let data = common::read_json(&format!("wycheproof/{file}"));
        for group in data["testGroups"].as_array().unwrap() {
            let key = group.get("public").unwrap_or(&group["private"]).to_string();
            for test in group["tests"].as_array().unwrap() {
                let input = test.get("jws").or_else(|| test.get("jwe")).map(text_of);
                cases.push(
                    Case::new(
                        format!("{file} tcId {}", test["tcId"]),
                        input.unwrap_or_default(),
                    )
                    .with_keys(key.clone()),
                );
            }
        }
    }
    cases
}

/// Pastes and keys that are wrong in the ways people get them wrong.
fn edge_cases() -> Vec<Case> {
    let hs256 = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
    let private_pem = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/minted/keys/auth0.key"),
    )
    .unwrap();
    let cert = common::read_text("vendors/keystone/signing_cert.pem");
    let b64 = common::b64;
    let mut cases = vec![
        Case::new("empty", ""),
        Case::new("whitespace", " \n\t "),
        Case::new("prose", "hello, this is not a token"),
        Case::new("binary", "\u{0}\u{1}\u{2}\u{3}\u{fffd}\u{fffd}\u{7}\u{8}abc"),
        Case::new("private key pasted", private_pem.clone()),
        Case::new("certificate pasted", cert.clone()),
        Case::new("two segments", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0"),
        Case::new("bad base64", "eyJhbGciOiJIUzI1NiJ9.eyJzdW!iOiJhIn0.abc"),
        Case::new(
            "padded",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0=.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M",
        ),
        Case::new(
            "header not json",
            format!("{}.{}.", b64(b"{alg:none}"), b64(b"{}")),
        ),
        Case::new(
            "alg none with exp and nbf after it",
            format!(
                "{}.{}.",
                b64(br#"{"alg":"none"}"#),
                b64(br#"{"exp":1700000000,"nbf":1800000000,"iat":1900000000000}"#)
            ),
        ),
        Case::new(
            "duplicate members and crit",
            format!(
                "{}.{}.{}",
                b64(br#"{"alg":"RS256","alg":"HS256","crit":["exp"],"jku":"https://x/j","kid":"../../etc/passwd"}"#),
                b64(br#"{"sub":"a","sub":"b","exp":"tomorrow"}"#),
                b64(&[7; 256])
            ),
        ),
        Case::new(
            "nested",
            format!(
                "{}.{}.{}",
                b64(br#"{"alg":"HS256","cty":"JWT"}"#),
                b64(hs256.as_bytes()),
                b64(&[1; 32])
            ),
        ),
        Case::new(
            "jwe compact",
            format!(
                "{}.{}.{}.{}.{}",
                b64(br#"{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}"#),
                b64(&[1; 256]),
                b64(&[2; 12]),
                b64(&[3; 40]),
                b64(&[4; 16])
            ),
        ),
        Case::new(
            "curl with reply",
            format!("curl -s -H 'Authorization: Bearer {hs256}' https://api.example/\n{{\"access_token\":\"{hs256}\",\"expires_in\":3600,\"refresh_token\":\"8xLOxBtZp8\"}}"),
        ),
        Case::new("same token twice", format!("{hs256}\n{hs256}")),
        Case::new("hs256 wrong secret", hs256).with_secret("not it, but long enough: 0123456789abcdef"),
        Case::new("hs256 short secret", hs256).with_secret("short"),
        Case::new("unreadable key text", hs256).with_keys("this is not a key"),
        Case::new("empty pem", hs256).with_keys("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n"),
        Case::new("truncated pem", hs256).with_keys("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n"),
        Case::new("jwk without n", hs256).with_keys(r#"{"kty":"RSA","e":"AQAB"}"#),
        Case::new("jwk unknown kty", hs256).with_keys(r#"{"kty":"XYZ"}"#),
        Case::new("jwks not a list", hs256).with_keys(r#"{"keys":{}}"#),
        Case::new("private key as key", hs256).with_keys(private_pem),
        Case::new("certificate as key", hs256).with_keys(cert),
        Case::new("bare der garbage", hs256).with_keys("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAAAAA"),
    ];
    cases.push(Case::new(
        "opaque in reply",
        r#"{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"Bearer"}"#,
    ));
    cases
}

fn groups() -> Vec<(&'static str, Vec<Case>)> {
    vec![
        ("vendors", vendor_cases()),
        ("minted", minted_cases()),
        ("rfc", rfc_cases()),
        ("wycheproof", wycheproof_cases()),
        ("edge", edge_cases()),
    ]
}

/// Each case as `jwt-inspect --jobs` answers it, one line per case.
#[cfg(feature = "crypto")]
fn cli_answers(cases: &[Case]) -> Vec<String> {
    let jobs: String = cases
        .iter()
        .enumerate()
        .map(|(id, case)| {
            json!({
                "id": id, "input": case.input, "key_text": case.key_text,
                "secret": case.secret, "now": NOW, "leeway": 0,
            })
            .to_string()
                + "\n"
        })
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_jwt-inspect"))
        .arg("--jobs")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("jwt-inspect runs");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(jobs.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Compares `actual` with the committed snapshot, or rewrites it when
/// `UPDATE_SNAPSHOTS` is set. Names the first case that differs and where.
fn compare(file: &str, cases: &[&Case], actual: &[String]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(file);
    assert_eq!(actual.len(), cases.len(), "{file}: one answer per case");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual.join("\n") + "\n").unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_SNAPSHOTS=1 writes it)", path.display()));
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(
        expected.len(),
        actual.len(),
        "{file}: number of cases changed"
    );
    for ((case, want), got) in cases.iter().zip(&expected).zip(actual) {
        if *want != got {
            let at = want
                .bytes()
                .zip(got.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(want.len().min(got.len()));
            let around = |s: &str| -> String {
                let (from, to) = (at.saturating_sub(80), at + 80);
                s.char_indices()
                    .filter(|(i, _)| (from..to).contains(i))
                    .map(|(_, c)| c)
                    .collect()
            };
            panic!(
                "{file}: the report of case {:?} changed at byte {at}\nexpected …{}…\n  actual …{}…",
                case.name,
                around(want),
                around(got)
            );
        }
    }
    println!("report snapshots {file}: {} cases identical", cases.len());
}

#[cfg(feature = "crypto")]
#[test]
fn cli_reports_are_byte_identical_to_the_snapshots() {
    for (group, cases) in groups() {
        let answers = cli_answers(&cases);
        compare(
            &format!("{group}.jsonl"),
            &cases.iter().collect::<Vec<_>>(),
            &answers,
        );
    }
}

/// The page's first analysis: no keys, no verifier, on the main thread.
#[test]
fn light_reports_are_byte_identical_to_the_snapshots() {
    use jwt_inspector::analysis::{Options, analyse};
    for (group, cases) in groups() {
        let keyless: Vec<&Case> = cases
            .iter()
            .filter(|c| c.key_text.is_empty() && c.secret.is_empty())
            .collect();
        if keyless.is_empty() {
            continue;
        }
        let answers: Vec<String> = keyless
            .iter()
            .map(|c| serde_json::to_string(&analyse(&c.input, &Options::at(NOW))).unwrap())
            .collect();
        compare(&format!("light-{group}.jsonl"), &keyless, &answers);
    }
}

/// The light analysis is the full one without keys, except where it says
/// it is not (`needs_full_analysis`): then the page asks its worker.
#[cfg(feature = "crypto")]
#[test]
fn without_keys_the_light_analysis_agrees_with_the_full_one_or_asks_for_it() {
    use jwt_inspector::analysis::keys::KeySet;
    use jwt_inspector::analysis::vocab::TokenKind;
    use jwt_inspector::analysis::{Options, analyse};
    use std::sync::Arc;
    let mut compared = 0;
    for (_, cases) in groups() {
        for case in cases
            .iter()
            .filter(|c| c.key_text.is_empty() && c.secret.is_empty())
        {
            let light = analyse(&case.input, &Options::at(NOW));
            let full = analyse(
                &case.input,
                &Options::at(NOW).verified_by(Arc::new(KeySet::default())),
            );
            assert_eq!(light.tokens.len(), full.tokens.len(), "{}", case.name);
            for (l, f) in light.tokens.iter().zip(&full.tokens) {
                if !l.needs_full_analysis {
                    assert_eq!(*l, *f, "{}: light and full differ", case.name);
                } else if matches!(l.kind, TokenKind::KeystonePki | TokenKind::KeystonePkiz) {
                    // Only the full analysis reads a CMS envelope.
                    assert_eq!(l.kind, f.kind, "{}", case.name);
                } else {
                    // What the light analysis does say (the decode, the
                    // times, the errors) is what the full one says; the
                    // issuer, the signature shape and the lifetime judged
                    // against the issuer come from the worker.
                    assert_eq!(
                        (
                            &l.kind,
                            &l.header,
                            &l.payload,
                            &l.payload_text,
                            &l.times,
                            &l.validity,
                            &l.errors
                        ),
                        (
                            &f.kind,
                            &f.header,
                            &f.payload,
                            &f.payload_text,
                            &f.times,
                            &f.validity,
                            &f.errors
                        ),
                        "{}: what the light analysis says differs from the full one",
                        case.name
                    );
                    assert_eq!(
                        l.vendor.id, None,
                        "{}: the light analysis recognises no issuer",
                        case.name
                    );
                }
                compared += 1;
            }
        }
    }
    assert!(compared > 20, "only {compared} tokens compared");
}
