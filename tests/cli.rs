//! The `jwt-inspect` binary: prints the JSON report for each fixture and
//! handles bad arguments and bad input with a clear message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::{jwt_inspect, read_json, temp_file, vectors_dir};
use serde_json::Value;
use std::process::{Command, Stdio};

fn report(args: &[&str], stdin: &str) -> Value {
    let out = jwt_inspect(args, stdin.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn prints_the_report_for_every_json_fixture_paste() {
    for (fixture, field, kind) in [
        (
            "vendors/dcos/seed-authorization-header.json",
            "paste",
            "jws",
        ),
        ("vendors/dcos/out-of-band-verification.json", "token", "jws"),
        (
            "vendors/registry/seed-icp-image-manager-response.json",
            "paste",
            "jws",
        ),
        (
            "vendors/registry/distribution-spec-example.json",
            "paste",
            "jws",
        ),
        (
            "vendors/keystone/fernet-example.json",
            "paste",
            "keystone-fernet",
        ),
    ] {
        let input = read_json(fixture)[field].as_str().unwrap().to_string();
        let value = report(&["--now", "1700000000"], &input);
        assert_eq!(value["tokens"].as_array().unwrap().len(), 1, "{fixture}");
        assert_eq!(value["tokens"][0]["kind"], kind, "{fixture}");
        if let Some(expected) = read_json(fixture)["expect"].get("payload") {
            assert_eq!(&value["tokens"][0]["payload"], expected, "{fixture}");
        }
    }
}

#[test]
fn reads_pem_fixtures_from_a_file_argument() {
    let v3 = vectors_dir().join("vendors/keystone/v3.pem");
    let value = report(&[v3.to_str().unwrap()], "");
    assert_eq!(value["tokens"][0]["kind"], "keystone-pki");
    let pkiz = vectors_dir().join("vendors/keystone/v3.pkiz");
    let value = report(&["--compact", pkiz.to_str().unwrap()], "");
    assert_eq!(value["tokens"][0]["kind"], "keystone-pkiz");
}

#[test]
fn now_drives_the_time_states() {
    let token = read_json("vendors/dcos/out-of-band-verification.json")["token"]
        .as_str()
        .unwrap()
        .to_string();
    let before = report(&["--now", "1467985400"], &token);
    assert_eq!(before["tokens"][0]["times"]["exp"]["state"], "valid");
    assert_eq!(before["tokens"][0]["times"]["exp"]["seconds_left"], 66);
    let after = report(&["--now=1467985500"], &token);
    assert_eq!(after["tokens"][0]["times"]["exp"]["state"], "expired");
    assert_eq!(after["tokens"][0]["validity"]["state"], "expired");
    let lenient = report(&["--now=1467985500", "--leeway", "60"], &token);
    assert_eq!(lenient["tokens"][0]["validity"]["state"], "expiring-soon");
    assert_eq!(after["tokens"][0]["vendor"]["id"], "dcos");
    assert!(
        after["tokens"][0]["vendor"]["evidence"]
            .as_array()
            .unwrap()
            .len()
            >= 3
    );
}

#[test]
fn equals_forms_work_end_to_end() {
    let fixture = read_json("vendors/dcos/out-of-band-verification.json");
    let token = fixture["token"].as_str().unwrap();
    let strict = report(&["--now=1467985500", "--leeway=0"], token);
    assert_eq!(strict["tokens"][0]["validity"]["state"], "expired");
    let lenient = report(&["--leeway=60", "--now=1467985500"], token);
    assert_eq!(lenient["tokens"][0]["validity"]["state"], "expiring-soon");
    let jwks = temp_file("dcos-equals.jwks", &fixture["jwks"].to_string());
    let input = temp_file("dcos-equals.txt", token);
    let key = format!("--key={}", jwks.to_str().unwrap());
    let value = report(&[&key, "--compact", input.to_str().unwrap()], "");
    assert_eq!(value["tokens"][0]["signature"]["status"], "valid");

    let rfc = read_json("rfc/rfc_jws_examples.json");
    let a1 = &rfc["vectors"][0];
    let secret = temp_file("secret-equals.b64url", a1["jwk"]["k"].as_str().unwrap());
    let secret_file = format!("--secret-file={}", secret.to_str().unwrap());
    let value = report(
        &[&secret_file, "--secret-encoding=base64url", "-"],
        a1["jws"].as_str().unwrap(),
    );
    assert_eq!(value["tokens"][0]["signature"]["status"], "valid");
}

#[test]
fn binary_input_is_analysed_not_refused() {
    let out = jwt_inspect(&[], &[0xff, 0xfe, 0x00, 0x80, 0x81, 0xc3, 0x28]);
    assert!(out.status.success());
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["tokens"], Value::Array(vec![]));
    assert_eq!(value["notices"][0]["id"], "no-token-found");
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let out = jwt_inspect(&["--now", "soon"], b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("jwt-inspect: --now takes whole Unix seconds, not \"soon\""));
    assert!(stderr.contains("Usage: jwt-inspect"));
}

#[test]
fn version_prints_the_version_and_exits_0() {
    for flag in ["--version", "-V"] {
        let out = jwt_inspect(&[flag], b"");
        assert_eq!(out.status.code(), Some(0), "{flag}");
        // The version, then the commit (recorded only by scripts/release.sh).
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut lines = stdout.lines();
        assert_eq!(
            lines.next(),
            Some(format!("jwt-inspect {}", env!("CARGO_PKG_VERSION")).as_str()),
            "{flag}"
        );
        let commit = lines.next().unwrap_or_default();
        assert!(
            commit == "commit not recorded (built without scripts/release.sh)"
                || commit.strip_prefix("commit ").is_some_and(
                    |c| c.len() >= 40 && c[..40].bytes().all(|b| b.is_ascii_hexdigit())
                ),
            "{flag}: {commit}"
        );
        assert!(out.stderr.is_empty(), "{flag}");
    }
}

#[test]
fn help_prints_the_usage_and_exits_0() {
    let out = jwt_inspect(&["-h"], b"");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("Usage: jwt-inspect"));
    assert!(stdout.contains("--version"));
}

#[test]
fn unknown_options_and_values_for_flags_exit_2_with_the_usage() {
    for (args, message) in [
        (&["--verbose"][..], "unknown option --verbose"),
        (&["--compact=yes"], "--compact takes no value"),
        (
            &["--leeway=-1"],
            "--leeway takes a number of seconds (0 or more)",
        ),
    ] {
        let out = jwt_inspect(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!("jwt-inspect: {message}")),
            "{stderr}"
        );
        assert!(stderr.contains("Usage: jwt-inspect"), "{stderr}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_exits_2_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_jwt-inspect"))
        .arg(std::ffi::OsStr::from_bytes(b"tok\xffen.txt"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not valid UTF-8"));
}

#[test]
fn unreadable_input_file_exits_1() {
    let out = jwt_inspect(&["/nonexistent/token.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/token.txt"));
}

#[test]
fn key_files_verify_and_fill_signature_key() {
    let fixture = read_json("vendors/dcos/out-of-band-verification.json");
    let jwks = temp_file("dcos.jwks", &fixture["jwks"].to_string());
    let value = report(
        &["--key", jwks.to_str().unwrap()],
        fixture["token"].as_str().unwrap(),
    );
    let signature = &value["tokens"][0]["signature"];
    assert_eq!(signature["status"], "valid");
    assert_eq!(signature["key"]["type"], "RSA");
    assert_eq!(signature["key"]["bits"], 2048);
    assert!(signature["key"]["fingerprints"]["jwk_thumbprint"].is_string());
    assert_eq!(value["keys"].as_array().unwrap().len(), 1);
}

#[test]
fn secret_file_in_hex_verifies_hs256() {
    let rfc = read_json("rfc/rfc_jws_examples.json");
    let a1 = &rfc["vectors"][0];
    let key = jwt_inspector::analysis::base64url::decode_segment(a1["jwk"]["k"].as_str().unwrap())
        .unwrap()
        .bytes;
    let secret = temp_file(
        "secret.hex",
        &format!("{}\n", base16ct::lower::encode_string(&key)),
    );
    let value = report(
        &[
            "--secret-file",
            secret.to_str().unwrap(),
            "--secret-encoding",
            "hex",
        ],
        a1["jws"].as_str().unwrap(),
    );
    assert_eq!(value["tokens"][0]["signature"]["status"], "valid");
}

#[test]
fn unreadable_key_file_is_reported_not_fatal() {
    let bad = temp_file("bad.pem", "-----BEGIN PUBLIC KEY-----\nMIIB\n");
    let value = report(&["--key", bad.to_str().unwrap()], "x");
    assert!(
        value["key_errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("no matching")
    );
}

#[test]
fn jobs_mode_answers_each_line_in_order() {
    let rfc = read_json("rfc/rfc_jws_examples.json");
    let a1 = &rfc["vectors"][0];
    let jobs = [
        serde_json::json!({
            "id": 1,
            "input": a1["jws"],
            "secret": a1["jwk"]["k"],
            "secret_encoding": "base64url",
            "now": 1_300_819_000,
        })
        .to_string(),
        String::new(),
        "{not a job".to_string(),
        serde_json::json!({ "id": 4, "input": "eyJhbGciOiJub25lIn0.e30." }).to_string(),
    ];
    let out = jwt_inspect(&["--jobs"], jobs.join("\n").as_bytes());
    assert!(out.status.success());
    let answers: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(answers.len(), 3, "blank lines are skipped");
    assert_eq!(answers[0]["id"], 1);
    assert_eq!(
        answers[0]["report"]["tokens"][0]["signature"]["status"],
        "valid"
    );
    assert_eq!(answers[1]["line"], 3);
    assert!(
        answers[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("line 3 is not a job")
    );
    assert_eq!(answers[2]["report"]["tokens"][0]["kind"], "unsecured");
}

#[test]
fn a_jwe_decrypts_with_key_and_password_files() {
    let vectors = read_json("rfc/jwe_examples.json");
    // RSA-OAEP with the private JWK in a --key file.
    let a1 = &vectors["rfc7516_a1"];
    let key = temp_file("a1.jwk", a1["jwk_json"].as_str().unwrap());
    let value = report(
        &["--key", key.to_str().unwrap()],
        a1["compact"].as_str().unwrap(),
    );
    let token = &value["tokens"][0];
    assert_eq!(token["decryption"]["status"], "decrypted");
    assert_eq!(token["payload_text"], a1["plaintext"]);
    // PBES2 with --password-file (a trailing newline is not the password).
    let file = &vectors["rfc7520"]["5.3"]["file"];
    let password = temp_file(
        "5.3.pwd",
        &format!("{}\n", file["input"]["pwd"].as_str().unwrap()),
    );
    let value = report(
        &["--password-file", password.to_str().unwrap()],
        file["output"]["compact"].as_str().unwrap(),
    );
    let decryption = &value["tokens"][0]["decryption"];
    assert_eq!(decryption["status"], "decrypted", "{decryption}");
    assert_eq!(decryption["key"], "password");
    // No key: the header explained, nothing decrypted.
    let value = report(&[], a1["compact"].as_str().unwrap());
    assert_eq!(value["tokens"][0]["decryption"]["status"], "no-key");
}

#[test]
fn every_rfc_jwe_example_decrypts_through_the_cli() {
    let vectors = read_json("rfc/jwe_examples.json");
    // (input, key text, password, plaintext)
    let mut cases: Vec<(String, String, String, String)> = Vec::new();
    for name in ["rfc7516_a1", "rfc7516_a2", "rfc7516_a3"] {
        let v = &vectors[name];
        cases.push((
            v["compact"].as_str().unwrap().into(),
            v["jwk_json"].as_str().unwrap().into(),
            String::new(),
            v["plaintext"].as_str().unwrap().into(),
        ));
    }
    for name in ["rfc7516_a4", "rfc7516_a5"] {
        let v = &vectors[name];
        cases.push((
            v["json"].as_str().unwrap().into(),
            vectors["rfc7516_a3"]["jwk_json"].as_str().unwrap().into(),
            String::new(),
            v["plaintext"].as_str().unwrap().into(),
        ));
    }
    for (_, section) in vectors["rfc7520"].as_object().unwrap() {
        let file = &section["file"];
        let keys: Vec<Value> = match &file["input"]["key"] {
            Value::Array(keys) => keys.clone(),
            Value::Null => vec![Value::Null],
            key => vec![key.clone()],
        };
        for (_, output) in file["output"].as_object().unwrap() {
            let input = output
                .as_str()
                .map_or_else(|| output.to_string(), str::to_string);
            for key in &keys {
                let key_text = if key.is_null() {
                    String::new()
                } else {
                    key.to_string()
                };
                let password = file["input"]["pwd"].as_str().unwrap_or("").to_string();
                cases.push((
                    input.clone(),
                    key_text,
                    password,
                    file["input"]["plaintext"].as_str().unwrap().into(),
                ));
            }
        }
    }
    assert!(cases.len() > 40);
    let jobs: String = cases
        .iter()
        .enumerate()
        .map(|(id, (input, key, password, _))| {
            serde_json::json!({"id": id, "input": input, "key_text": key, "secret": password, "secret_encoding": "text", "now": 1_800_000_000}).to_string() + "\n"
        })
        .collect();
    let out = jwt_inspect(&["--jobs"], jobs.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answers: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), cases.len());
    for (answer, (input, _, _, plaintext)) in answers.iter().zip(&cases) {
        let token = &answer["report"]["tokens"][0];
        assert_eq!(
            token["decryption"]["status"], "decrypted",
            "{input}: {}",
            token["decryption"]
        );
        let shown = match &token["payload"] {
            Value::Null => token["payload_text"].as_str().unwrap().to_string(),
            payload => payload.to_string(),
        };
        let expected = serde_json::from_str::<Value>(plaintext)
            .map_or_else(|_| plaintext.clone(), |v| v.to_string());
        assert_eq!(shown, expected, "{input}");
    }
}

#[test]
fn a_password_file_is_not_tried_as_an_hmac_key() {
    use base64::Engine;
    use hmac::{KeyInit, Mac};
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let secret = "a-shared-secret-of-thirty-two-b!";
    let input = format!(
        "{}.{}",
        b64.encode(r#"{"alg":"HS256"}"#),
        b64.encode(r#"{"sub":"alice"}"#)
    );
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    let token = format!("{input}.{}", b64.encode(mac.finalize().into_bytes()));
    let file = temp_file("shared.txt", &format!("{secret}\n"));
    let as_secret = report(&["--secret-file", file.to_str().unwrap()], &token);
    assert_eq!(as_secret["tokens"][0]["signature"]["status"], "valid");
    // The same text as a PBES2 password is not an HMAC key.
    let as_password = report(&["--password-file", file.to_str().unwrap()], &token);
    assert_eq!(as_password["tokens"][0]["signature"]["match"], "not-tried");
}
