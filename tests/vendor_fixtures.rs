//! Every fixture in tests/vectors/vendors is found and decoded to what
//! its `expect` says.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::{b64, read_json, read_text, vendor_fixtures};
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::report::Report;
use jwt_inspector::analysis::vocab::{NoticeId, TokenKind, VendorId};
use jwt_inspector::analysis::{Options, analyse};
use serde_json::{Value, json};
use std::sync::Arc;

const NOW: i64 = 1_700_000_000;

/// The full analysis without keys, as the page's worker and the CLI run
/// it: issuers are recognised there.
fn run(input: &str) -> Report {
    analyse(
        input,
        &Options::at(NOW).verified_by(Arc::new(KeySet::default())),
    )
}

/// The fixtures this suite knows; a new file in the folder fails the test
/// until someone decides what it must produce.
const KNOWN_FIXTURES: [&str; 15] = [
    // Tested in tests/jws_json.rs (ACME requests in a curl command).
    "vendors/acme/wildfly-elytron-requests.json",
    "vendors/auth0/seed-dataloop-id-token-payload.json",
    "vendors/dcos/out-of-band-verification.json",
    "vendors/dcos/seed-authorization-header.json",
    // Tested in tests/private_keys.rs (the jwt.io examples) and
    // tests/forgiving_keys.rs (Keycloak's realm reply).
    "vendors/jwtio/debugger-examples.json",
    "vendors/keycloak/realm-info-reply.json",
    "vendors/keystone/cacert.pem",
    "vendors/keystone/fernet-example.json",
    "vendors/keystone/otc-truncated-subject-token.json",
    // Tested in tests/oidc_links.rs (at_hash and c_hash).
    "vendors/oidc/core-appendix-a.json",
    "vendors/keystone/signing_cert.pem",
    "vendors/keystone/v3.pem",
    "vendors/keystone/v3.pkiz",
    "vendors/registry/distribution-spec-example.json",
    "vendors/registry/seed-icp-image-manager-response.json",
];

#[test]
fn every_vendor_fixture_is_covered_by_this_suite() {
    for fixture in vendor_fixtures() {
        // An issuer's real tokens: tests/issuer_matrix.rs reads every one.
        if fixture.ends_with("/tokens.json") {
            continue;
        }
        assert!(
            KNOWN_FIXTURES.contains(&fixture.as_str()),
            "{fixture} is new: add a test for it"
        );
    }
}

#[test]
fn dcos_seed_header_line_decodes_to_expected_header_and_payload() {
    let fixture = read_json("vendors/dcos/seed-authorization-header.json");
    let report = run(fixture["paste"].as_str().unwrap());
    assert_eq!(report.tokens.len(), 1);
    let t = &report.tokens[0];
    assert_eq!(t.token, fixture["expect"]["token"]);
    assert_eq!(t.header.as_ref(), Some(&fixture["expect"]["header"]));
    assert_eq!(t.payload.as_ref(), Some(&fixture["expect"]["payload"]));
    assert_eq!(t.kind, TokenKind::Jws);
    assert_eq!(
        t.source.description,
        "Authorization header, DC/OS token= scheme"
    );
    assert!(t.errors.is_empty() && t.findings.is_empty());
}

#[test]
fn dcos_out_of_band_token_decodes_to_expected_payload() {
    let fixture = read_json("vendors/dcos/out-of-band-verification.json");
    let report = run(fixture["token"].as_str().unwrap());
    let t = &report.tokens[0];
    assert_eq!(t.payload.as_ref(), Some(&fixture["expect"]["payload"]));
    assert_eq!(t.source.description, "bare token");
    assert_eq!(
        t.times["exp"].at.as_deref(),
        fixture["expect"]["expired_at"].as_str()
    );
    assert_eq!(t.times["exp"].state.as_str(), "expired");
}

#[test]
fn registry_seed_curl_reply_with_line_continuation_decodes_with_its_siblings() {
    let fixture = read_json("vendors/registry/seed-icp-image-manager-response.json");
    for input in ["paste", "response_only"] {
        let report = run(fixture[input].as_str().unwrap());
        assert_eq!(report.tokens.len(), 1, "{input}");
        let t = &report.tokens[0];
        assert_eq!(t.token, fixture["expect"]["token"]);
        assert_eq!(t.header.as_ref(), Some(&fixture["expect"]["header"]));
        assert_eq!(t.payload.as_ref(), Some(&fixture["expect"]["payload"]));
        assert_eq!(t.source.description, "token field of a JSON reply");
        assert_eq!(
            t.source.context["expires_in"],
            fixture["expect"]["response"]["expires_in"]
        );
        assert_eq!(
            t.source.context["issued_at"],
            fixture["expect"]["response"]["issued_at"]
        );
    }
}

#[test]
fn registry_spec_example_decodes_with_its_libtrust_kid() {
    let fixture = read_json("vendors/registry/distribution-spec-example.json");
    let report = run(fixture["paste"].as_str().unwrap());
    let t = &report.tokens[0];
    assert_eq!(t.token, fixture["expect"]["token"]);
    assert_eq!(
        t.header.as_ref().unwrap()["kid"],
        fixture["expect"]["libtrust_kid_of_public_jwk"]
    );
    assert_eq!(
        t.payload.as_ref().unwrap()["access"],
        json!([{"type":"repository","name":"samalba/my-app","actions":["push"]}])
    );
    assert_eq!(
        t.vendor.id.map(|v| v.as_str()),
        fixture["expect"]["vendor"].as_str()
    );
    let access = t.vendor.access.as_ref().unwrap();
    assert_eq!(
        (
            access[0].kind.as_str(),
            access[0].name.as_str(),
            access[0].meaning.as_str()
        ),
        ("repository", "samalba/my-app", "push")
    );
}

#[test]
fn auth0_printed_payload_in_a_token_decodes_despite_its_trailing_comma() {
    let fixture = read_json("vendors/auth0/seed-dataloop-id-token-payload.json");
    let printed = fixture["decoded_payload_as_printed"].as_str().unwrap();
    let id_token = format!(
        "{}.{}.{}",
        b64(br#"{"typ":"JWT","alg":"RS256","kid":"NkJCQzIyQzRBMEU4NjhGNUU4MzU4RkY0M0ZDQzkwOUQ0Q0VGNUMwQg"}"#),
        b64(printed.as_bytes()),
        b64(&[1; 256])
    );
    let login = json!({"access_token": "gP2bQk1xYv7rN0wE5tJ8mZ3sA6dH9uLq", "id_token": id_token, "refresh_token": "v1.MRrT9x8Q2k3Lp0aZcYbW", "expires_in": 86400, "token_type": "Bearer"});
    let report = run(&login.to_string());
    let fields: Vec<_> = report
        .tokens
        .iter()
        .map(|t| (t.source.field.clone().unwrap(), t.kind))
        .collect();
    assert_eq!(
        fields,
        [
            ("access_token".to_string(), TokenKind::Opaque),
            ("id_token".to_string(), TokenKind::Jws),
            ("refresh_token".to_string(), TokenKind::Opaque)
        ]
    );
    let t = &report.tokens[1];
    let payload = t.payload.as_ref().unwrap();
    assert_eq!(payload["iss"], "https://dataloop-development.auth0.com/");
    assert_eq!(payload["sub"], "google-oauth2|101916523885779176498");
    assert_eq!(
        payload["exp"].as_i64().unwrap() - payload["iat"].as_i64().unwrap(),
        fixture["expect"]["lifetime_seconds"].as_i64().unwrap()
    );
    assert_eq!(
        t.findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["json-not-strict", "time-not-numeric", "lifetime-unusual"]
    );
    assert_eq!(t.source.description, "id_token field of a JSON reply");
    assert_eq!(t.source.context["expires_in"], 86400);
    // Recognition: Auth0, the Dataloop development tenant, Google sign-in.
    let expect = &fixture["expect"];
    assert_eq!(t.vendor.id.map(|v| v.as_str()), expect["vendor"].as_str());
    assert_eq!(t.vendor.confidence.map(|v| v.as_str()), Some("high"));
    let fact = |label: &str| {
        t.vendor
            .facts
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(fact("tenant domain"), expect["tenant"].as_str().unwrap());
    assert!(
        fact("signed in with")
            .ends_with(&format!("({})", expect["sub_provider"].as_str().unwrap()))
    );
    assert_eq!(
        t.vendor.token_type.as_deref(),
        Some("Auth0 ID token (OpenID Connect)")
    );
    let lifetime = t.lifetime.as_ref().unwrap();
    assert_eq!(
        lifetime.seconds,
        expect["lifetime_seconds"].as_i64().unwrap()
    );
    assert_eq!(
        lifetime.verdict.as_deref(),
        Some("lifetime 18 h, though Dataloop documents a 24 h token lifetime")
    );
}

#[test]
fn auth0_login_shape_with_placeholders_finds_no_token_and_says_so() {
    let fixture = read_json("vendors/auth0/seed-dataloop-id-token-payload.json");
    let report = run(&fixture["login_response_shape"].to_string());
    assert!(report.tokens.is_empty());
    assert_eq!(report.notices[0].id.as_str(), "no-token-found");
}

#[test]
fn keystone_fernet_reply_gives_kind_and_creation_time() {
    let fixture = read_json("vendors/keystone/fernet-example.json");
    let report = run(fixture["paste"].as_str().unwrap());
    let t = &report.tokens[0];
    assert_eq!(t.kind, TokenKind::KeystoneFernet);
    assert_eq!(
        t.fernet.as_ref().unwrap().created_at.as_deref(),
        fixture["expect"]["created_at"].as_str()
    );
    assert_eq!(t.source.description, "access_token field of a JSON reply");
    assert_eq!(t.source.context["expires_in"], 3600);
    assert_eq!(t.signature.status.as_str(), "unsupported");
    assert_eq!(t.vendor.id.map(|v| v.as_str()), Some("keystone"));
    assert_eq!(
        t.times["created_at"].at.as_deref(),
        fixture["expect"]["created_at"].as_str()
    );
}

/// The wire form of a PKI token: the PEM body, one line, `/` as `-`.
fn keystone_wire_token() -> String {
    read_text("vendors/keystone/v3.pem")
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<String>()
        .replace('/', "-")
}

#[test]
fn keystone_pki_token_is_found_in_headers_and_as_pem() {
    let wire = keystone_wire_token();
    for (input, source) in [
        (
            format!("X-Auth-Token: {wire}"),
            "X-Auth-Token header (OpenStack Keystone / Open Telekom Cloud)",
        ),
        (
            format!("X-Subject-Token: {wire}\r\n"),
            "X-Subject-Token header (OpenStack Keystone / Open Telekom Cloud)",
        ),
        (
            read_text("vendors/keystone/v3.pem"),
            "PEM block labelled CMS (a Keystone PKI token)",
        ),
    ] {
        let report = run(&input);
        assert_eq!(report.tokens.len(), 1, "{source}");
        assert_eq!(report.tokens[0].kind, TokenKind::KeystonePki);
        assert_eq!(report.tokens[0].token, wire);
        assert_eq!(report.tokens[0].source.description, source);
        assert_eq!(
            report.tokens[0].vendor.id.map(|v| v.as_str()),
            Some("keystone")
        );
    }
}

#[test]
fn keystone_pki_json_is_shown_and_its_cms_signature_verifies_with_the_fixture_certificate() {
    let keys = KeySet::parse(&read_text("vendors/keystone/signing_cert.pem"));
    let report = analyse(
        &format!("X-Subject-Token: {}", keystone_wire_token()),
        &Options {
            now: NOW,
            leeway: 0,
            verifier: Some(Arc::new(keys)),
            ..Options::default()
        },
    );
    let t = &report.tokens[0];
    assert_eq!(
        t.signature.status.as_str(),
        "valid",
        "{}",
        t.signature.message
    );
    assert!(
        t.signature
            .message
            .starts_with("CMS signature verified with PEM block 1 (CERTIFICATE)"),
        "{}",
        t.signature.message
    );
    let token = &t.payload.as_ref().unwrap()["token"];
    assert!(token["expires_at"].is_string());
    assert_eq!(
        t.times["expires_at"].unix,
        jwt_inspector::analysis::timefmt::parse_iso(token["expires_at"].as_str().unwrap())
    );
    assert_eq!(t.keystone.as_ref().unwrap().digest_algorithm, "SHA-256");
    let facts: Vec<&str> = t.vendor.facts.iter().map(|(l, _)| l.as_str()).collect();
    assert!(
        facts.contains(&"user") && facts.contains(&"catalog") && facts.contains(&"roles"),
        "{facts:?}"
    );
    // Without the certificate it is not checked; with the CA it does not match.
    let unchecked = run(&keystone_wire_token());
    assert_eq!(unchecked.tokens[0].signature.status.as_str(), "unchecked");
    let wrong = analyse(
        &keystone_wire_token(),
        &Options {
            now: NOW,
            leeway: 0,
            verifier: Some(Arc::new(KeySet::parse(&read_text(
                "vendors/keystone/cacert.pem",
            )))),
            ..Options::default()
        },
    );
    assert_eq!(wrong.tokens[0].signature.status.as_str(), "invalid");
}

#[test]
fn keystone_pkiz_fixture_is_read_and_its_stale_signature_fails() {
    let keys = KeySet::parse(&read_text("vendors/keystone/signing_cert.pem"));
    let report = analyse(
        &read_text("vendors/keystone/v3.pkiz"),
        &Options {
            now: NOW,
            leeway: 0,
            verifier: Some(Arc::new(keys)),
            ..Options::default()
        },
    );
    let t = &report.tokens[0];
    assert!(
        t.payload
            .as_ref()
            .unwrap()
            .get("token")
            .or(t.payload.as_ref().unwrap().get("access"))
            .is_some()
    );
    assert_eq!(t.signature.status.as_str(), "invalid");
    assert_eq!(t.vendor.id.map(|v| v.as_str()), Some("keystone"));
}

#[test]
fn keystone_pkiz_token_is_found() {
    let report = run(&read_text("vendors/keystone/v3.pkiz"));
    assert_eq!(report.tokens.len(), 1);
    assert_eq!(report.tokens[0].kind, TokenKind::KeystonePkiz);
    assert!(report.tokens[0].token.starts_with("PKIZ_"));
}

#[test]
fn certificates_pasted_as_tokens_are_pointed_to_the_key_panel() {
    for file in [
        "vendors/keystone/signing_cert.pem",
        "vendors/keystone/cacert.pem",
    ] {
        let report = run(&read_text(file));
        assert!(report.tokens.is_empty(), "{file}");
        assert_eq!(
            report.notices[0].id.as_str(),
            "key-in-token-input",
            "{file}"
        );
        assert!(report.notices[0].message.contains("key panel"));
    }
}

#[test]
fn report_json_has_the_contract_fields() {
    let fixture = read_json("vendors/dcos/seed-authorization-header.json");
    let value: Value = serde_json::to_value(run(fixture["paste"].as_str().unwrap())).unwrap();
    let t = &value["tokens"][0];
    for field in [
        "token",
        "kind",
        "source",
        "header",
        "payload",
        "signature",
        "vendor",
        "times",
        "findings",
        "errors",
    ] {
        assert!(t.get(field).is_some(), "missing {field}");
    }
    assert_eq!(t["kind"], "jws");
    assert_eq!(t["signature"]["status"], "unchecked");
    assert_eq!(t["vendor"]["id"], "dcos");
    assert_eq!(t["validity"]["state"], "expired");
    assert_eq!(t["times"]["exp"]["state"], "expired");
}

#[test]
fn reports_survive_a_json_round_trip() {
    // The page's Web Worker sends reports as JSON; nothing may be lost.
    let keys = KeySet::parse(&read_text("vendors/keystone/signing_cert.pem"));
    let options = Options {
        now: NOW,
        leeway: 30,
        verifier: Some(Arc::new(keys)),
        ..Options::default()
    };
    for input in [
        read_json("vendors/registry/seed-icp-image-manager-response.json")["paste"]
            .as_str()
            .unwrap()
            .to_string(),
        read_json("vendors/keystone/fernet-example.json")["paste"]
            .as_str()
            .unwrap()
            .to_string(),
        read_text("vendors/keystone/v3.pem"),
        "garbage".to_string(),
    ] {
        let report = analyse(&input, &options);
        let json = serde_json::to_string(&report).unwrap();
        let mut back: Report = serde_json::from_str(&json).unwrap();
        back.restore_segments();
        assert_eq!(back, report);
    }
}

#[test]
fn the_open_telekom_cloud_truncated_subject_token_is_a_truncated_keystone_pki_token() {
    let fixture = read_json("vendors/keystone/otc-truncated-subject-token.json");
    let options = Options {
        now: NOW,
        verifier: Some(Arc::new(KeySet::default())),
        ..Options::default()
    };
    let report = analyse(fixture["paste"].as_str().unwrap(), &options);
    assert!(
        report
            .notices
            .iter()
            .all(|n| n.id != NoticeId::NoTokenFound && n.id != NoticeId::KeyInTokenInput),
        "{:?}",
        report.notices
    );
    let token = &report.tokens[0];
    assert_eq!(token.kind, TokenKind::KeystonePki);
    assert_eq!(token.vendor.id, Some(VendorId::Keystone));
    assert_eq!(token.source.field.as_deref(), Some("X-Subject-Token"));
    let message = &token.errors[0].message;
    assert!(
        message.contains(
            "truncated at byte 42 of the 918 its DER header declares: it ends with `XXXXX...`"
        ),
        "{message}"
    );
    assert!(
        message.contains("a CMS SignedData envelope, digest algorithm SHA-256"),
        "{message}"
    );
}

#[test]
fn a_uuid_token_in_keystone_headers_is_an_opaque_keystone_token() {
    // A paste of our own: the shape of Keystone's UUID provider.
    let report = run(
        "curl -H 'X-Auth-Token: 4a7c7e2b9f6d4c1e8b3a2d1f0e9c8b7a' https://keystone.example/v3/projects",
    );
    let token = &report.tokens[0];
    assert_eq!(token.kind, TokenKind::Opaque);
    assert_eq!(token.vendor.id, Some(VendorId::Keystone));
    assert_eq!(
        token.vendor.token_type.as_deref(),
        Some("Keystone UUID token (opaque: only Keystone can read it)")
    );
}

#[test]
fn a_fernet_token_cut_short_in_keystone_headers_says_when_it_was_made() {
    // A paste of our own: the start of the Keystone docs' Fernet token (the
    // fixture), as documentation elides it, in an X-Subject-Token header.
    let fixture = read_json("vendors/keystone/fernet-example.json");
    let paste = fixture["paste"].as_str().unwrap();
    let start = paste.find("gAAAAA").unwrap();
    let cut = &paste[start..start + 40];
    let report = run(&format!("X-Subject-Token: {cut}..."));
    let token = &report.tokens[0];
    assert_eq!(token.vendor.id, Some(VendorId::Keystone));
    assert_eq!(
        token.vendor.token_type.as_deref(),
        Some("Keystone Fernet token, cut short")
    );
    assert!(
        token
            .vendor
            .facts
            .iter()
            .any(|(k, v)| k == "created" && v == "2021-11-10T05:22:20Z"),
        "{:?}",
        token.vendor.facts
    );
}

#[test]
fn placeholders_in_keystone_headers_are_no_tokens() {
    let report = run(
        "curl -H \"X-Auth-Token: $OS_TOKEN\" https://keystone.example:5000/v3/projects\nX-Auth-Token: <token>",
    );
    assert!(report.tokens.is_empty(), "{:?}", report.tokens);
}
