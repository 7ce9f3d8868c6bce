//! No false recognition, proven (issue 12 §2): every real token of every
//! issuer (tests/vectors/vendors/<issuer>/tokens.json), the older vendor
//! fixtures, the minted tokens, and the RFC, jwt.io, OIDC and Wycheproof
//! tokens are recognised as exactly their own issuer, or as none; never as
//! another. The matrix is printed (`cargo test --test issuer_matrix --
//! --nocapture`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::{read_json, vectors_dir};
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::{Options, analyse};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One paste and the issuer it must be recognised as (`None`: no issuer).
struct Case {
    label: String,
    paste: String,
    expected: Option<String>,
}

const NOW: i64 = 1_780_272_000;

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let vendors = vectors_dir().join("vendors");
    for entry in std::fs::read_dir(&vendors).unwrap() {
        let dir = entry.unwrap().path();
        let tokens = dir.join("tokens.json");
        if !tokens.exists() {
            continue;
        }
        let data: Value = serde_json::from_str(&std::fs::read_to_string(&tokens).unwrap()).unwrap();
        let vendor = data["expect"]["vendor"].as_str().unwrap().to_string();
        for (i, token) in data["tokens"].as_array().unwrap().iter().enumerate() {
            cases.push(Case {
                label: format!("{vendor} token {}", i + 1),
                paste: token["token"].as_str().unwrap().to_string(),
                expected: Some(vendor.clone()),
            });
        }
    }
    for (file, field) in [
        ("vendors/dcos/seed-authorization-header.json", "paste"),
        ("vendors/dcos/out-of-band-verification.json", "token"),
        ("vendors/registry/distribution-spec-example.json", "paste"),
        (
            "vendors/registry/seed-icp-image-manager-response.json",
            "paste",
        ),
    ] {
        let data = read_json(file);
        cases.push(Case {
            label: file.to_string(),
            paste: data[field].as_str().unwrap().to_string(),
            expected: data["expect"]["vendor"].as_str().map(str::to_string),
        });
    }
    let minted = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minted/tokens.json");
    let minted: Value = serde_json::from_str(&std::fs::read_to_string(minted).unwrap()).unwrap();
    for example in minted["examples"].as_array().unwrap() {
        cases.push(Case {
            label: format!("minted {}", example["id"].as_str().unwrap()),
            paste: example["paste"].as_str().unwrap().to_string(),
            expected: example["vendor"].as_str().map(str::to_string),
        });
    }
    let minted = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/minted/issuers.json"
    );
    let minted: Value = serde_json::from_str(&std::fs::read_to_string(minted).unwrap()).unwrap();
    for example in minted["examples"].as_array().unwrap() {
        cases.push(Case {
            label: format!("minted {}", example["id"].as_str().unwrap()),
            paste: example["token"].as_str().unwrap().to_string(),
            expected: example["vendor"].as_str().map(str::to_string),
        });
    }
    // Tokens of no recognised issuer.
    for vector in read_json("rfc/rfc_jws_examples.json")["vectors"]
        .as_array()
        .unwrap()
    {
        cases.push(Case {
            label: vector["rfc"].as_str().unwrap().to_string(),
            paste: vector["jws"].as_str().unwrap().to_string(),
            expected: None,
        });
    }
    for example in read_json("vendors/jwtio/debugger-examples.json")["examples"]
        .as_array()
        .unwrap()
    {
        cases.push(Case {
            label: format!("jwt.io {}", example["alg"].as_str().unwrap()),
            paste: example["token"].as_str().unwrap().to_string(),
            expected: None,
        });
    }
    for example in read_json("vendors/oidc/core-appendix-a.json")["examples"]
        .as_array()
        .unwrap()
    {
        cases.push(Case {
            label: format!("OIDC Core {}", example["appendix"].as_str().unwrap()),
            paste: example["http_exchange_figure"]
                .as_str()
                .unwrap()
                .to_string(),
            expected: None,
        });
    }
    let wycheproof = read_json("wycheproof/json_web_signature_test.json");
    for group in wycheproof["testGroups"].as_array().unwrap() {
        for test in group["tests"].as_array().unwrap() {
            if let Some(jws) = test["jws"].as_str() {
                cases.push(Case {
                    label: format!("Wycheproof tcId {}", test["tcId"]),
                    paste: jws.to_string(),
                    expected: None,
                });
            }
        }
    }
    cases
}

#[test]
fn every_token_is_its_own_issuer_or_none_never_another() {
    let cases = cases();
    let mut matrix: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut recognised: BTreeMap<String, usize> = BTreeMap::new();
    for case in &cases {
        // The issuer is recognised by the full analysis (no keys needed).
        let options = Options::at(NOW).verified_by(Arc::new(KeySet::default()));
        let report = analyse(&case.paste, &options);
        // Malformed Wycheproof inputs may hold no token; an issuer's do.
        if report.tokens.is_empty() {
            assert!(case.expected.is_none(), "{}: no token found", case.label);
            continue;
        }
        for token in &report.tokens {
            let got = token.vendor.id.map(|v| v.as_str().to_string());
            let expected = case.expected.clone().unwrap_or_else(|| "none".into());
            let got_text = got.clone().unwrap_or_else(|| "none".into());
            *matrix
                .entry((expected.clone(), got_text.clone()))
                .or_default() += 1;
            // A token nested in another, or a second token of the paste, may
            // be of no issuer; a recognised one must be the expected one.
            if got.is_some() && got != case.expected {
                wrong.push(format!(
                    "{}: expected {expected}, recognised as {got_text}",
                    case.label
                ));
            }
        }
        let recognised_as_expected = report
            .tokens
            .iter()
            .any(|t| t.vendor.id.map(|v| v.as_str().to_string()) == case.expected);
        if let Some(expected) = &case.expected
            && recognised_as_expected
        {
            *recognised.entry(expected.clone()).or_default() += 1;
        }
    }
    println!(
        "issuer cross-matrix over {} pastes (expected → recognised: tokens)",
        cases.len()
    );
    for ((expected, got), count) in &matrix {
        let mark = if expected == got || got == "none" {
            " "
        } else {
            "✕"
        };
        println!("{mark} {expected:>16} → {got:<16} {count}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A real token may say nothing issuer-specific (Vault's docs configure
    // an issuer of https://example.com:1234), and is then "none"; but every
    // issuer is recognised from at least three of its fixtures.
    let expected_issuers: std::collections::BTreeSet<&String> =
        cases.iter().filter_map(|c| c.expected.as_ref()).collect();
    for issuer in expected_issuers {
        let count = recognised.get(issuer).copied().unwrap_or(0);
        let floor = cases
            .iter()
            .filter(|c| c.expected.as_ref() == Some(issuer))
            .count()
            .min(3);
        assert!(
            count >= floor,
            "{issuer}: recognised in {count} pastes, fewer than {floor}"
        );
    }
}
