//! Auth0-issued tokens (Auth0 docs: "ID Token Structure", "Access Token
//! Profiles", "Identity Providers"): `iss` is `https://<tenant>.auth0.com/`
//! (or a custom domain with Auth0's claim shape), `sub` is
//! `<connection>|<id>` or `<client_id>@clients` for machine-to-machine.
//! Dataloop's login (the seed document) uses the `dataloop-production` and
//! `dataloop-development` tenants and documents a 24 h lifetime.

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};
use serde_json::Value;

/// Auth0's default ID token lifetime (10 h).
pub const ID_TOKEN_DEFAULT_SECONDS: i64 = 36_000;
/// Auth0's default API access token lifetime (24 h).
pub const ACCESS_TOKEN_DEFAULT_SECONDS: i64 = 86_400;
/// Dataloop documents 24 h for its tokens.
pub const DATALOOP_SECONDS: i64 = 86_400;

/// Connection (identity provider) names that appear before `|` in `sub`.
const CONNECTIONS: [(&str, &str); 18] = [
    ("auth0", "Auth0 username/password database"),
    ("google-oauth2", "Google"),
    ("github", "GitHub"),
    ("windowslive", "Microsoft account"),
    ("samlp", "SAML enterprise connection"),
    ("waad", "Microsoft Entra ID (Azure AD)"),
    ("adfs", "ADFS"),
    ("oidc", "OpenID Connect enterprise connection"),
    ("okta", "Okta Workforce"),
    ("ad", "Active Directory / LDAP"),
    ("email", "passwordless e-mail"),
    ("sms", "passwordless SMS"),
    ("apple", "Sign in with Apple"),
    ("facebook", "Facebook"),
    ("twitter", "Twitter / X"),
    ("linkedin", "LinkedIn"),
    ("oauth2", "custom OAuth 2.0 connection"),
    ("bitbucket", "Bitbucket"),
];

/// Recognises an Auth0 token by its `iss` and claim shape; `None` when `iss`
/// is not an https URL, or names no Auth0 tenant and too few Auth0 claims
/// back it.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let iss = input.claim_str("iss")?;
    let host = iss.strip_prefix("https://")?.trim_end_matches('/');
    let mut r = VendorReport::new(VendorId::Auth0, "Auth0");
    let tenant = host
        .strip_suffix(".auth0.com")
        .map(|t| t.split('.').next().unwrap_or(t).to_string());
    if tenant.is_some() {
        r.evidence(60, format!("iss is an Auth0 tenant domain ({host})"));
    }
    let sub = input.claim_str("sub").unwrap_or_default();
    let machine = sub.strip_suffix("@clients");
    if let Some(client) = machine {
        r.evidence(
            25,
            "sub ends in @clients: a machine-to-machine (client credentials) token",
        );
        r.fact("client (application)", client);
    } else if let Some((connection, id)) = sub.split_once('|') {
        let known = CONNECTIONS.iter().find(|(name, _)| *name == connection);
        match known {
            Some((name, what)) => {
                r.evidence(
                    25,
                    format!("sub is <connection>|<id> with the Auth0 connection \"{name}\""),
                );
                r.fact("signed in with", format!("{what} ({name})"));
            }
            None => {
                r.evidence(10, "sub has Auth0's <connection>|<id> shape");
                r.fact("signed in with", format!("connection \"{connection}\""));
            }
        }
        r.fact("user id at the provider", id);
    }
    for (claim, points) in [("azp", 5), ("gty", 10), ("permissions", 10)] {
        if input.claim(claim).is_some() {
            r.evidence(points, format!("it has `{claim}`, an Auth0 claim"));
        }
    }
    let namespaced: Vec<&String> = input
        .payload?
        .keys()
        .filter(|k| k.starts_with("https://") || k.starts_with("http://"))
        .collect();
    if !namespaced.is_empty() {
        r.evidence(
            5,
            "it has namespaced custom claims, as Auth0 rules and actions add them",
        );
        r.fact(
            "custom claims",
            namespaced
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    let userinfo = format!("https://{host}/userinfo");
    let audiences = audiences(input.claim("aud"));
    if audiences.iter().any(|a| *a == userinfo) {
        r.evidence(15, "its audience includes the tenant's /userinfo endpoint");
    }
    if tenant.is_none() && r.score < 40 {
        return None;
    }
    let is_access = machine.is_some()
        || audiences.len() > 1
        || input.claim("scope").is_some()
        || input.claim("permissions").is_some()
        || input.claim("gty").is_some();
    r.token_type = Some(if is_access {
        "Auth0 access token".into()
    } else {
        "Auth0 ID token (OpenID Connect)".into()
    });
    if !is_access {
        r.notes.push("An ID token tells the application who signed in; APIs should be called with the access token, not this one.".into());
    }
    let dataloop = host.contains("dataloop");
    r.name = Some(match (&tenant, dataloop) {
        (Some(t), true) => format!(
            "Auth0 — Dataloop ({} tenant {t})",
            if t.ends_with("production") {
                "production"
            } else {
                "development"
            }
        ),
        (Some(t), false) => format!("Auth0 (tenant {t})"),
        (None, _) => format!("Auth0 (custom domain {host})"),
    });
    r.fact("tenant domain", host);
    r.keys_at = Some(format!(
        "https://{host}/.well-known/jwks.json (paste it into the key panel; never fetched here)"
    ));
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<api>/",
    ));
    r.expected_lifetime = Some(match (dataloop, is_access) {
        (true, _) => ExpectedLifetime {
            seconds: DATALOOP_SECONDS,
            rule: LifetimeRule::Default,
            text: "Dataloop documents a 24 h token lifetime".into(),
        },
        (false, true) => ExpectedLifetime {
            seconds: ACCESS_TOKEN_DEFAULT_SECONDS,
            rule: LifetimeRule::Default,
            text: "Auth0 API access tokens last 24 h by default".into(),
        },
        (false, false) => ExpectedLifetime {
            seconds: ID_TOKEN_DEFAULT_SECONDS,
            rule: LifetimeRule::Default,
            text: "Auth0 ID tokens last 10 h by default".into(),
        },
    });
    Some(r)
}

fn audiences(aud: Option<&Value>) -> Vec<&str> {
    match aud {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}
