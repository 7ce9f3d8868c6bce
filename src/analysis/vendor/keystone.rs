//! OpenStack Keystone and Open Telekom Cloud IAM tokens, sent in
//! `X-Auth-Token` / `X-Subject-Token`: JWS tokens with `openstack_*`
//! claims (Keystone ≥ Stein), and the non-JWT PKI, PKIZ and Fernet formats.
//! Keystone's default `[token] expiration` is one hour; Open Telekom Cloud
//! documents 24 hours.

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::keystone::fernet;
use crate::analysis::timefmt;
use crate::analysis::vocab::{LifetimeRule, TokenKind, VendorId};
use serde_json::Value;

/// Keystone's default token lifetime, `[token] expiration` (1 h).
pub const KEYSTONE_DEFAULT_SECONDS: i64 = 3_600;
/// The token lifetime Open Telekom Cloud documents (24 h).
pub const OTC_SECONDS: i64 = 86_400;

/// Recognises a Keystone JWS token by its `openstack_*` claims, and every
/// PKI, PKIZ or Fernet token by its kind; `None` for other tokens.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    match input.kind {
        TokenKind::KeystonePki | TokenKind::KeystonePkiz | TokenKind::KeystoneFernet => {
            Some(non_jwt(input))
        }
        TokenKind::Opaque => uuid(input),
        TokenKind::Jws | TokenKind::JwsJson | TokenKind::Jwe | TokenKind::Unsecured => jws(input),
    }
}

/// A value in Keystone's token headers that is no JWT, PKI or Fernet
/// token: a UUID token (32 hex digits, Keystone's oldest provider) or
/// another opaque one, looked up by Keystone itself.
fn uuid(input: &Input<'_>) -> Option<VendorReport> {
    let header = ["X-Auth-Token", "X-Subject-Token"]
        .into_iter()
        .find(|h| input.sent_in_header(h))?;
    let mut r = VendorReport::new(VendorId::Keystone, "OpenStack Keystone");
    r.evidence(
        60,
        format!("it was sent in the {header} header, Keystone's"),
    );
    let is_uuid = input.token.len() == 32 && input.token.bytes().all(|b| b.is_ascii_hexdigit());
    if is_uuid {
        r.evidence(25, "it is 32 hex digits: a Keystone UUID token");
    }
    let fernet_start = input
        .token
        .starts_with("gAAAAA")
        .then(|| fernet::created_from_prefix(input.token))
        .flatten();
    r.token_type = Some(if is_uuid {
        "Keystone UUID token (opaque: only Keystone can read it)".into()
    } else if let Some(created) = fernet_start {
        r.evidence(
            20,
            "it starts like a Fernet token (version 0x80 and a timestamp)",
        );
        r.fact(
            "created",
            timefmt::utc_iso(created).unwrap_or_else(|| created.to_string()),
        );
        r.notes.push(format!("Only {} characters of this Fernet token are here (documentation often elides the rest): a whole one has at least 100. Its creation time is in its first 12 characters.", input.token.len()));
        "Keystone Fernet token, cut short".into()
    } else {
        "Keystone token (opaque here)".into()
    });
    r.notes.push("Only Keystone can say what this token is: `openstack token show` with it as your token, or `GET /v3/auth/tokens` with X-Auth-Token (your own token) and X-Subject-Token (this one).".into());
    if is_uuid {
        r.notes.push("Other services use X-Auth-Token too: Redfish BMCs (iLO, iDRAC) send 32-hex session tokens in it. If this came from one, it is that BMC's session, not Keystone's.".into());
    }
    r.how_to_send = Some(curl(
        "X-Auth-Token: <token>",
        input.token,
        "https://<keystone>/v3/auth/tokens",
    ));
    Some(r)
}

fn jws(input: &Input<'_>) -> Option<VendorReport> {
    let openstack: Vec<&String> = input
        .payload?
        .keys()
        .filter(|k| k.starts_with("openstack_"))
        .collect();
    if openstack.is_empty() {
        return None;
    }
    let mut r = VendorReport::new(
        VendorId::KeystoneJws,
        "OpenStack Keystone (JWS token provider)",
    );
    r.evidence(
        70,
        format!(
            "it has OpenStack claims: {}",
            openstack
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    if input.header_str("alg") == Some("ES256") {
        r.evidence(
            10,
            "it is ES256, the algorithm Keystone's JWS provider signs with",
        );
    }
    r.token_type = Some("Keystone JWS token".into());
    if let Some(user) = input.claim_str("sub") {
        r.fact("user id", user);
    }
    for (claim, label) in [
        ("openstack_methods", "methods"),
        ("openstack_project_id", "project id"),
        ("openstack_domain_id", "domain id"),
        ("openstack_system", "system scope"),
    ] {
        if let Some(value) = input.claim(claim) {
            r.fact(label, plain(value));
        }
    }
    r.how_to_send = Some(curl(
        "X-Auth-Token: <token>",
        input.token,
        "https://<keystone>/v3/auth/tokens",
    ));
    r.keys_at = Some(
        "Keystone's [jwt_tokens] jws_public_key_repository on the server (not published over HTTP)"
            .into(),
    );
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: KEYSTONE_DEFAULT_SECONDS,
        rule: LifetimeRule::Default,
        text: "Keystone tokens last 1 h by default ([token] expiration)".into(),
    });
    Some(r)
}

fn non_jwt(input: &Input<'_>) -> VendorReport {
    let format = match input.kind {
        TokenKind::KeystonePki => "PKI",
        TokenKind::KeystonePkiz => "PKIZ",
        TokenKind::KeystoneFernet
        | TokenKind::Jws
        | TokenKind::JwsJson
        | TokenKind::Jwe
        | TokenKind::Unsecured
        | TokenKind::Opaque => "Fernet",
    };
    let mut r = VendorReport::new(VendorId::Keystone, "OpenStack Keystone");
    r.evidence(
        90,
        format!("it is a Keystone {format} token, which no other issuer uses"),
    );
    if input.sent_in_header("X-Auth-Token") || input.sent_in_header("X-Subject-Token") {
        r.evidence(10, "it came in an X-Auth-Token / X-Subject-Token header");
    }
    r.token_type = Some(format!("Keystone {format} token"));
    let token = input
        .keystone
        .and_then(|v| v.get("token").or_else(|| v.get("access")));
    let otc = token.is_some_and(is_open_telekom_cloud);
    if let Some(token) = token {
        summarise(&mut r, token);
    }
    if otc {
        r.name = Some("Open Telekom Cloud IAM (Keystone-compatible)".into());
        r.evidence(
            5,
            "its service catalog points at Open Telekom Cloud endpoints",
        );
    }
    r.how_to_send = Some(curl(
        "X-Auth-Token: <token>",
        input.token,
        "https://<service-endpoint>/",
    ));
    r.keys_at = Some(match input.kind {
        TokenKind::KeystoneFernet => "Fernet keys stay on the Keystone servers; the token cannot be verified or read elsewhere".into(),
        _ => "Keystone's signing certificate (GET /v3/OS-SIMPLE-CERT/certificates, or [signing] certfile); paste it into the key panel".into(),
    });
    r.expected_lifetime = Some(if otc {
        ExpectedLifetime {
            seconds: OTC_SECONDS,
            rule: LifetimeRule::Default,
            text: "Open Telekom Cloud tokens last 24 h".into(),
        }
    } else {
        ExpectedLifetime {
            seconds: KEYSTONE_DEFAULT_SECONDS,
            rule: LifetimeRule::Default,
            text: "Keystone tokens last 1 h by default ([token] expiration)".into(),
        }
    });
    r
}

/// User, project, roles, methods and the catalog, in a line each.
fn summarise(r: &mut VendorReport, token: &Value) {
    if let Some(user) = token.get("user") {
        let name = user.get("name").and_then(Value::as_str).unwrap_or("?");
        let domain = user.pointer("/domain/name").and_then(Value::as_str);
        r.fact(
            "user",
            match domain {
                Some(d) => format!("{name} (domain {d})"),
                None => name.to_string(),
            },
        );
    }
    if let Some(project) = token.get("project").or_else(|| token.get("tenant")) {
        r.fact(
            "project",
            project.get("name").and_then(Value::as_str).unwrap_or("?"),
        );
    }
    if let Some(roles) = token.get("roles").and_then(Value::as_array) {
        r.fact(
            "roles",
            roles
                .iter()
                .filter_map(|x| x.get("name").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some(methods) = token.get("methods") {
        r.fact("methods", plain(methods));
    }
    if let Some(catalog) = token
        .get("catalog")
        .or_else(|| token.get("serviceCatalog"))
        .and_then(Value::as_array)
    {
        let types: Vec<&str> = catalog
            .iter()
            .filter_map(|s| s.get("type").and_then(Value::as_str))
            .collect();
        let endpoints: usize = catalog
            .iter()
            .filter_map(|s| s.get("endpoints").and_then(Value::as_array))
            .map(Vec::len)
            .sum();
        r.fact(
            "catalog",
            format!(
                "{} services ({}), {endpoints} endpoints",
                types.len(),
                types.join(", ")
            ),
        );
    }
}

fn is_open_telekom_cloud(token: &Value) -> bool {
    let text = token
        .get("catalog")
        .map(Value::to_string)
        .unwrap_or_default();
    ["otc.t-systems.com", "otc-service.com", "open-telekom-cloud"]
        .iter()
        .any(|marker| text.contains(marker))
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}
