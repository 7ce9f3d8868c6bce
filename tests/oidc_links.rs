//! OpenID Connect links (issue 11 §6): an ID token's `at_hash` and
//! `c_hash` are checked against the access token and code of the same
//! response, on OIDC Core's own Appendix A examples, pasted as the spec
//! prints them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::read_json;
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::report::Report;
use jwt_inspector::analysis::vocab::{FindingId, LinkClaim, SignatureStatus};
use jwt_inspector::analysis::{Options, analyse};
use serde_json::Value;
use std::sync::Arc;

/// 2011-07-21, while the examples' ID tokens are valid.
const NOW: i64 = 1_311_281_000;

fn fixture() -> Value {
    read_json("vendors/oidc/core-appendix-a.json")
}

fn run(paste: &str, full: bool) -> Report {
    let mut options = Options::at(NOW);
    if full {
        options.verifier = Some(Arc::new(KeySet::parse(&fixture()["key"].to_string())));
    }
    analyse(paste, &options)
}

fn example(appendix: &str) -> Value {
    fixture()["examples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["appendix"] == appendix)
        .unwrap()
        .clone()
}

#[test]
fn the_spec_examples_link_their_tokens() {
    for (appendix, expected) in [
        ("A.3", vec![LinkClaim::AtHash]),
        ("A.4", vec![LinkClaim::CHash]),
        ("A.6", vec![LinkClaim::AtHash, LinkClaim::CHash]),
    ] {
        let report = run(
            example(appendix)["http_exchange_figure"].as_str().unwrap(),
            true,
        );
        let id_token = report
            .tokens
            .iter()
            .find(|t| t.payload.as_ref().is_some_and(|p| p.get("nonce").is_some()))
            .unwrap();
        assert_eq!(
            id_token.signature.status,
            SignatureStatus::Valid,
            "{appendix}"
        );
        let claims: Vec<LinkClaim> = id_token.links.iter().map(|l| l.claim).collect();
        assert_eq!(claims, expected, "{appendix}");
        assert!(
            id_token.links.iter().all(|l| l.ok),
            "{appendix}: {:?}",
            id_token.links
        );
        assert!(
            id_token.links[0]
                .message
                .contains("they were issued together")
        );
    }
}

#[test]
fn an_id_token_without_hash_claims_has_no_links() {
    let report = run(
        example("A.2")["http_exchange_figure"].as_str().unwrap(),
        true,
    );
    assert!(report.tokens.iter().all(|t| t.links.is_empty()));
}

#[test]
fn a_swapped_access_token_is_a_finding() {
    // A paste of our own: A.3's ID token beside an access token it was not
    // issued with.
    let id_token = example("A.3")["id_token"].as_str().unwrap().to_string();
    let paste = format!(
        "https://client.example.org/cb#access_token=SlAV32hkKG&token_type=Bearer&id_token={id_token}"
    );
    let report = run(&paste, true);
    let token = &report.tokens[0];
    assert!(!token.links[0].ok);
    assert!(
        token
            .findings
            .iter()
            .any(|f| f.id == FindingId::AtHashMismatch),
        "{:?}",
        token.findings
    );
    assert!(
        token.links[0].message.starts_with(
            "at_hash \"77QmUPtjPfzWtF2AnpK9RQ\" matches none of the 1 access token in this paste"
        ),
        "{}",
        token.links[0].message
    );
}

#[test]
fn the_light_analysis_defers_the_check_to_the_full_one() {
    let report = run(
        example("A.6")["http_exchange_figure"].as_str().unwrap(),
        false,
    );
    let token = &report.tokens[0];
    assert!(token.links.is_empty());
    assert!(token.needs_full_analysis);
}
