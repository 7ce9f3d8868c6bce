//! `jwt-inspect sign`, `keygen` and `forge --negative` (issue 13 §4), run
//! as a person runs them: keys come from files, the inspector verifies what
//! they make.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::{jwt_inspect, temp_file};
use serde_json::Value;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `keygen --out`, then `sign` with the private key, then the inspector
/// with the JWKS it wrote: "Signature verified".
#[test]
fn keygen_sign_and_inspect_round_trip_for_each_key_type() {
    for alg in ["RS256", "PS384", "ES512", "EdDSA"] {
        let prefix = temp_file(&format!("make-{alg}"), "")
            .to_string_lossy()
            .into_owned();
        let made = jwt_inspect(
            &[
                "keygen", "--alg", alg, "--kid", "test-key", "--out", &prefix,
            ],
            b"",
        );
        assert_eq!(made.status.code(), Some(0), "{alg}: {}", text(&made.stderr));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(format!("{prefix}.key.pem"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(
                mode & 0o777,
                0o600,
                "{alg}: the private key is the owner's alone"
            );
        }
        let jwks: Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{prefix}.jwks.json")).unwrap())
                .unwrap();
        assert_eq!(jwks["keys"][0]["kid"], "test-key");
        assert_eq!(jwks["keys"][0]["alg"], alg);
        let signed = jwt_inspect(
            &[
                "sign",
                "--alg",
                alg,
                "--key",
                &format!("{prefix}.key.pem"),
                "--kid",
                "test-key",
                "--payload",
                r#"{"uid":"alice","role":"admin"}"#,
                "--iat",
                "now",
                "--exp",
                "+1h",
            ],
            b"",
        );
        assert_eq!(
            signed.status.code(),
            Some(0),
            "{alg}: {}",
            text(&signed.stderr)
        );
        assert!(
            signed.stderr.is_empty(),
            "{alg}: no warning for a fresh key: {}",
            text(&signed.stderr)
        );
        let token = text(&signed.stdout);
        let report = jwt_inspect(
            &["--json", "--key", &format!("{prefix}.jwks.json"), "-"],
            token.as_bytes(),
        );
        let report: Value = serde_json::from_slice(&report.stdout).unwrap();
        let checked = &report["tokens"][0];
        assert_eq!(
            checked["signature"]["status"], "valid",
            "{alg}: {}",
            checked["signature"]["message"]
        );
        assert_eq!(checked["header"]["kid"], "test-key");
        assert_eq!(checked["payload"]["uid"], "alice");
        assert_eq!(checked["validity"]["state"], "valid");
        // The PEM public key verifies too.
        let report = jwt_inspect(
            &["--json", "--key", &format!("{prefix}.pub.pem"), "-"],
            token.as_bytes(),
        );
        let report: Value = serde_json::from_slice(&report.stdout).unwrap();
        assert_eq!(
            report["tokens"][0]["signature"]["status"], "valid",
            "{alg} PEM"
        );
    }
}

#[test]
fn keygen_without_out_prints_the_private_key_and_the_public_jwk() {
    let made = jwt_inspect(&["keygen", "--alg", "ES256"], b"");
    assert_eq!(made.status.code(), Some(0));
    assert!(text(&made.stdout).starts_with("-----BEGIN PRIVATE KEY-----\n"));
    let jwk: Value = serde_json::from_slice(&made.stderr).unwrap();
    assert_eq!(jwk["crv"], "P-256");
    assert!(
        jwk.get("d").is_none(),
        "the public JWK holds no private part"
    );
}

#[test]
fn sign_says_what_is_wrong() {
    let ec = temp_file("make-ec.pem", "");
    let made = jwt_inspect(&["keygen", "--alg", "ES256"], b"");
    std::fs::write(&ec, &made.stdout).unwrap();
    let ec = ec.to_string_lossy().into_owned();
    for (args, expected) in [
        (
            vec!["sign", "--alg", "RS256", "--key", ec.as_str()],
            "RS256 needs an RSA private key; the key given is EC P-256",
        ),
        (vec!["sign", "--alg", "ES256"], "give the key to sign with"),
        (
            vec!["sign", "--alg", "XS1", "--key", ec.as_str()],
            "--alg XS1: use HS256",
        ),
        (
            vec![
                "sign",
                "--alg",
                "ES256",
                "--key",
                ec.as_str(),
                "--payload",
                "{\"a\": }",
            ],
            "the payload is not a JSON object: line 1, column 7",
        ),
        (
            vec![
                "sign",
                "--alg",
                "ES256",
                "--key",
                ec.as_str(),
                "--exp",
                "soon",
            ],
            "--exp soon: give now, +DURATION or Unix seconds",
        ),
    ] {
        let out = jwt_inspect(&args, b"");
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // A public key cannot sign, and the message says what the file holds.
    let public = temp_file(
        "make-public.pem",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEf83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEXH8UTNG72bfocs3+257rn0s2ldbqkLJK2KRiMohYjlrQ==\n-----END PUBLIC KEY-----\n",
    );
    let out = jwt_inspect(
        &["sign", "--alg", "ES256", "--key", &public.to_string_lossy()],
        b"",
    );
    assert!(
        text(&out.stderr).contains("the text holds only PUBLIC KEY (no private key)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_expired_exp_is_a_warning_not_a_refusal() {
    let secret = temp_file("make-secret.txt", "a-32-byte-secret-for-hs256-test!\n");
    let out = jwt_inspect(
        &[
            "sign",
            "--alg",
            "HS256",
            "--secret-file",
            &secret.to_string_lossy(),
            "--exp",
            "1000",
            "--now",
            "2000",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("warning: exp is in the past"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout).trim().split('.').count(), 3);
}

#[test]
fn forge_negative_prints_the_refusal_set_as_json_lines() {
    let key = temp_file("make-forge.pem", "");
    let made = jwt_inspect(&["keygen", "--alg", "RS256"], b"");
    std::fs::write(&key, &made.stdout).unwrap();
    let key = key.to_string_lossy().into_owned();
    let token = jwt_inspect(
        &[
            "sign",
            "--alg",
            "RS256",
            "--key",
            &key,
            "--payload",
            r#"{"aud":"api","exp":4102444800}"#,
        ],
        b"",
    );
    let out = jwt_inspect(
        &[
            "forge",
            "--negative",
            "--key",
            &key,
            "--header-line",
            "X-Auth: <token>",
        ],
        &token.stdout,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("for testing services you are responsible for"));
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let cases: Vec<&str> = lines.iter().map(|l| l["case"].as_str().unwrap()).collect();
    assert_eq!(
        cases,
        [
            "alg-none",
            "alg-none-capitalised",
            "alg-none-upper",
            "hs256-public-key-pem",
            "hs256-public-key-der",
            "expired",
            "not-yet-valid",
            "other-audience",
            "other-issuer",
            "flipped-signature-bit",
            "stripped-signature",
            "embedded-jwk",
            "kid-path-traversal",
            "psychic-es256"
        ]
    );
    for line in &lines {
        assert!(
            line["curl"]
                .as_str()
                .unwrap()
                .contains(&format!("X-Auth: {}", line["token"].as_str().unwrap()))
        );
    }
    let without = jwt_inspect(&["forge", "--key", &key], &token.stdout);
    assert!(text(&without.stderr).contains("give --negative"));
}

/// A private key is never written into a file that already exists with
/// looser permissions.
#[cfg(unix)]
#[test]
fn keygen_replaces_an_existing_readable_file_with_an_owner_only_one() {
    use std::os::unix::fs::PermissionsExt;
    let prefix = temp_file("make-existing", "")
        .to_string_lossy()
        .into_owned();
    let key_file = format!("{prefix}.key.pem");
    std::fs::write(&key_file, "old").unwrap();
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let made = jwt_inspect(&["keygen", "--alg", "ES256", "--out", &prefix], b"");
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(
        std::fs::read_to_string(&key_file)
            .unwrap()
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
    let far = jwt_inspect(
        &[
            "sign",
            "--alg",
            "ES256",
            "--key",
            &key_file,
            "--exp",
            "+106751991167000d",
        ],
        b"",
    );
    assert!(
        text(&far.stderr).contains("within the years a time can have"),
        "{}",
        text(&far.stderr)
    );
}
