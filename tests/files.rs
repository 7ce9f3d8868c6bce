//! Files people paste or drop (issue 12 §4): a HAR recorded by Chromium
//! or exported by Firefox names each token by request method, URL and time; a Docker config.json
//! names the registry and user of its Basic credentials, never the
//! password, and finds its identity tokens.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use jwt_inspector::analysis::vocab::{NoticeId, TokenKind};
use jwt_inspector::analysis::{Options, analyse};

fn file(name: &str) -> String {
    let path = format!("{}/tests/data/files/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_firefox_har_names_each_token_by_its_request() {
    let report = analyse(&file("firefox.har"), &Options::at(1_780_272_000));
    let sources: Vec<&str> = report
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Jws)
        .map(|t| t.source.description.as_str())
        .collect();
    assert_eq!(sources.len(), 3, "{sources:#?}");
    let request = |start: &str, entry: &str| {
        sources.iter().any(|s| {
            s.starts_with(start)
                && s.contains(&format!("(in HAR entry {entry}"))
                && s.contains(" at 2026-11-30T")
        })
    };
    assert!(
        request(
            "Authorization header, Bearer scheme",
            "GET http://127.0.0.1:"
        ),
        "{sources:#?}"
    );
    assert!(
        request("id_token field", "POST http://127.0.0.1:"),
        "{sources:#?}"
    );
    assert!(
        request(
            "session cookie, Set-Cookie header",
            "POST http://127.0.0.1:"
        ),
        "{sources:#?}"
    );
}

#[test]
fn a_har_names_each_token_by_its_request() {
    let report = analyse(&file("chromium.har"), &Options::at(1_780_272_000));
    let sources: Vec<String> = report
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Jws)
        .map(|t| t.source.description.clone())
        .collect();
    assert!(
        sources.iter().any(|s| s.starts_with(
            "Authorization header, Bearer scheme (in HAR entry GET http://127.0.0.1:"
        ) && s.contains("/api/orders at ")),
        "{sources:#?}"
    );
    assert!(
        sources.iter().any(|s| s.contains("id_token field") && s.contains("HAR entry POST http://127.0.0.1:")),
        "{sources:#?}"
    );
}

#[test]
fn docker_config_names_registry_and_user_but_never_the_password() {
    let text = file("docker-config.json");
    let report = analyse(&text, &Options::at(1_780_272_000));
    let notices: Vec<&str> = report
        .notices
        .iter()
        .filter(|n| n.id == NoticeId::DockerCredentials)
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(notices.len(), 2, "{notices:#?}");
    assert!(
        notices[0]
            .contains("registry registry.example.com holds Basic credentials for user \"alice\""),
        "{}",
        notices[0]
    );
    assert!(
        notices[1].contains("broken.example.com holds an `auth` value that is not base64"),
        "{}",
        notices[1]
    );
    let serialised = serde_json::to_string(&report).unwrap();
    assert!(
        !serialised.contains("s3cret"),
        "the password must not reach the report"
    );
    let identity = report
        .tokens
        .iter()
        .find(|t| t.kind == TokenKind::Jws)
        .unwrap();
    assert!(
        identity
            .source
            .description
            .contains("Docker config.json, registry ghcr.example.com"),
        "{}",
        identity.source.description
    );
}

#[test]
fn a_kubeconfig_names_its_tokens_by_user_and_context() {
    use jwt_inspector::analysis::keys::KeySet;
    use std::sync::Arc;
    let text = file("kubeconfig.yaml");
    let full = Options::at(1_780_272_000).verified_by(Arc::new(KeySet::default()));
    let report = analyse(&text, &full);
    let sources: Vec<(String, Option<String>)> = report
        .tokens
        .iter()
        .map(|t| (t.source.description.clone(), t.source.field.clone()))
        .collect();
    assert!(
        sources.contains(&(
            "token of kubeconfig user deployer (context dev-deployer)".into(),
            Some("users[deployer].user.token".into())
        )),
        "{sources:#?}"
    );
    assert!(
        sources.iter().any(|(d, _)| d
            == "auth-provider id-token of kubeconfig user alice-oidc (context prod-alice)"),
        "{sources:#?}"
    );
    let deployer = report
        .tokens
        .iter()
        .find(|t| t.source.description.starts_with("token of"))
        .unwrap();
    assert_eq!(deployer.vendor.id.map(|v| v.as_str()), Some("kubernetes"));
    let notices: Vec<&str> = report
        .notices
        .iter()
        .filter(|n| n.id == NoticeId::FileStructure)
        .map(|n| n.message.as_str())
        .collect();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("`aws eks get-token --cluster-name prod`")),
        "{notices:#?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| n.contains("holds a private key (client-key-data)")),
        "{notices:#?}"
    );
    // The client certificate is summarised from its own bytes (the minted
    // registry certificate, tests/data/minted/keys/registry.crt).
    let certificate = notices
        .iter()
        .find(|n| n.contains("client-certificate-data"))
        .expect("a notice for the client certificate");
    assert!(
        certificate.contains("subject CN=registry-token-issuer,O=Example")
            && certificate.contains("key EC P-256")
            && certificate.contains("valid 2026-11-23T16:42:48Z to 2100-10-26T16:42:48Z"),
        "{certificate}"
    );
    // The light analysis finds the same tokens by their text.
    let light = analyse(&text, &Options::at(1_780_272_000));
    assert_eq!(light.tokens.len(), report.tokens.len());
}

#[test]
fn a_broken_kubeconfig_is_still_scanned_and_says_why() {
    use jwt_inspector::analysis::keys::KeySet;
    use std::sync::Arc;
    let text = file("kubeconfig.yaml").replace("kind: Config", "kind: Config\n  : [broken");
    let full = Options::at(1_780_272_000).verified_by(Arc::new(KeySet::default()));
    let report = analyse(&text, &full);
    assert!(!report.tokens.is_empty());
    assert!(
        report
            .notices
            .iter()
            .any(|n| n.id == NoticeId::FileStructure && n.message.contains("not valid YAML")),
        "{:?}",
        report.notices
    );
}

#[test]
fn credentials_beside_a_token_never_reach_its_context() {
    let text = r#"{"auths":{"r.example.com":{"auth":"YWxpY2U6czNjcmV0","identitytoken":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M"}}}"#;
    let report = analyse(text, &Options::at(0));
    let serialised = serde_json::to_string(&report.tokens).unwrap();
    assert!(!serialised.contains("YWxpY2U6czNjcmV0"), "{serialised}");
}

#[test]
fn a_kubeconfig_with_yaml_aliases_is_not_expanded() {
    use jwt_inspector::analysis::keys::KeySet;
    use std::sync::Arc;
    let text = "apiVersion: v1\nkind: Config\nclusters: []\nusers:\n- name: a\n  user: &u\n    token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M\n- name: b\n  user: *u\n";
    let full = Options::at(0).verified_by(Arc::new(KeySet::default()));
    let report = analyse(text, &full);
    assert_eq!(report.tokens.len(), 1, "still found by its text");
    assert!(
        report
            .notices
            .iter()
            .any(|n| n.message.contains("anchors or aliases")),
        "{:?}",
        report.notices
    );
}

/// The first token of an issuer's fixture file.
fn fixture_token(issuer: &str) -> String {
    let path = format!(
        "{}/tests/vectors/vendors/{issuer}/tokens.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let fixture: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    fixture["tokens"][0]["token"].as_str().unwrap().to_string()
}

#[test]
fn log_lines_name_their_tokens_by_key_and_line() {
    use jwt_inspector::analysis::keys::KeySet;
    use std::sync::Arc;
    let (github, kubernetes, keycloak) = (
        fixture_token("github-actions"),
        fixture_token("kubernetes"),
        fixture_token("keycloak"),
    );
    // Three common log shapes: free text with key=value, a JSON line
    // (NDJSON), and syslog with logfmt and a quoted value.
    let log = format!(
        "2026-11-29T10:00:00.123Z INFO auth: accepted method=GET path=/api/v1/pods token={kubernetes} user=bob\n\
         {{\"ts\":\"2026-11-29T10:00:01Z\",\"level\":\"info\",\"msg\":\"oidc exchange\",\"id_token\":\"{github}\",\"status\":200}}\n\
         Nov 29 10:00:02 host api[812]: level=warn msg=\"token near expiry\" jwt=\"{keycloak}\" remaining=30s\n"
    );
    let full = Options::at(1_780_272_000).verified_by(Arc::new(KeySet::default()));
    let report = analyse(&log, &full);
    let found: Vec<(String, Option<String>, Option<&str>)> = report
        .tokens
        .iter()
        .map(|t| {
            (
                t.source.description.clone(),
                t.source.field.clone(),
                t.vendor.id.map(|v| v.as_str()),
            )
        })
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(
        found[0],
        (
            "value assigned to token".into(),
            Some("token".into()),
            Some("kubernetes")
        ),
        "{found:#?}"
    );
    assert!(
        found[1].0.contains("id_token") && found[1].2 == Some("github-actions"),
        "{found:#?}"
    );
    assert_eq!(
        found[2],
        (
            "value assigned to jwt".into(),
            Some("jwt".into()),
            Some("keycloak")
        ),
        "{found:#?}"
    );
    let lines: Vec<usize> = report.tokens.iter().map(|t| t.source.line).collect();
    assert_eq!(lines, [1, 2, 3]);
}

#[test]
fn a_broken_har_or_config_json_is_scanned_as_text_and_says_where_it_breaks() {
    for (name, after, format) in [
        // Cut after the first request's Authorization header, and after
        // the identity token's line: those tokens are whole.
        ("firefox.har", "\"value\": \"Bearer ey", "a HAR file"),
        (
            "docker-config.json",
            "\"identitytoken\"",
            "a Docker config.json",
        ),
    ] {
        let whole = file(name);
        let at = whole.find(after).unwrap();
        let cut = at + whole[at..].find('\n').unwrap() + 1;
        let text = &whole[..cut];
        let report = analyse(text, &Options::at(1_780_272_000));
        assert_eq!(report.tokens.len(), 1, "{name}: its whole token is found");
        assert_eq!(report.tokens[0].kind, TokenKind::Jws, "{name}");
        let notice = report
            .notices
            .iter()
            .find(|n| n.id == NoticeId::FileStructure)
            .unwrap_or_else(|| panic!("{name}: no notice"));
        // The text ends after a newline: the JSON breaks at the next line.
        let last_line = text.matches('\n').count() + 1;
        assert!(
            notice.message.starts_with(&format!(
                "This looks like {format}, but its JSON breaks at line {last_line}, column "
            )) && notice.message.contains("the text ends too early"),
            "{}",
            notice.message
        );
        // The whole file parses: no such notice.
        let whole_report = analyse(&whole, &Options::at(1_780_272_000));
        assert!(
            whole_report
                .notices
                .iter()
                .all(|n| n.id != NoticeId::FileStructure)
        );
    }
}
