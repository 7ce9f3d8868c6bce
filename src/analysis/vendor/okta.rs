//! Okta (developer.okta.com, "Tokens", "Authorization servers"): access
//! tokens carry `ver` 1, a `jti` starting `AT.`, `cid` (the client), `uid`
//! (the user), `scp` (granted scopes); ID tokens a `jti` starting `ID.`.
//! `iss` is the org (`https://<org>.okta.com`, whose access tokens are
//! meant only for Okta's own APIs) or a custom authorization server
//! (`https://<org>.okta.com/oauth2/<id>`, often `/oauth2/default`).

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};
use serde_json::Value;

/// Okta's default access-token lifetime (1 h, the org server's fixed value).
pub const ACCESS_TOKEN_SECONDS: i64 = 3_600;

/// Recognises an Okta token by its `jti` prefix, `ver`, `cid`/`uid`/`scp`
/// and an Okta domain in `iss`.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let payload = input.payload?;
    let mut r = VendorReport::new(VendorId::Okta, "Okta");
    let (origin, path) = input.issuer_url().unwrap_or_default();
    let okta_domain = [
        ".okta.com",
        ".oktapreview.com",
        ".okta-emea.com",
        ".okta-gov.com",
    ]
    .iter()
    .any(|d| origin.ends_with(d));
    if okta_domain {
        r.evidence(50, format!("iss is an Okta org domain ({origin})"));
    }
    let jti = input.claim_str("jti").unwrap_or_default();
    let access = jti.starts_with("AT.");
    if access || jti.starts_with("ID.") {
        r.evidence(
            35,
            format!("its jti starts \"{}\", Okta's token-type prefix", &jti[..3]),
        );
    }
    if payload.get("ver") == Some(&Value::from(1)) {
        r.evidence(10, "it has `ver: 1`, Okta's token version");
    }
    for (claim, points, what) in [
        ("cid", 10, "the client ID"),
        ("uid", 5, "the user ID"),
        ("scp", 10, "the granted scopes as a list"),
    ] {
        if payload.contains_key(claim) {
            r.evidence(points, format!("it has `{claim}`, Okta's claim for {what}"));
        }
    }
    if path.starts_with("/oauth2/") && r.score > 0 {
        r.evidence(
            10,
            "iss ends /oauth2/<server>, Okta's custom authorization server form",
        );
    }
    if !okta_domain && r.score < 55 {
        return None;
    }
    let custom_server = path.starts_with("/oauth2/");
    r.token_type = Some(match (access, custom_server) {
        (true, true) => "Okta access token (custom authorization server)".into(),
        (true, false) => "Okta access token (org authorization server)".into(),
        (false, _) => "Okta ID token (OpenID Connect)".into(),
    });
    if access && !custom_server {
        r.notes.push("Org authorization server access tokens are meant only for Okta's own APIs: Okta says to treat them as opaque, as their content may change.".into());
    }
    if !origin.is_empty() {
        r.fact("issuer", format!("{origin}{path}"));
        r.keys_at = Some(if custom_server {
            format!("{origin}{path}/v1/keys (paste it into the key panel; never fetched here)")
        } else {
            format!("{origin}/oauth2/v1/keys (paste it into the key panel; never fetched here)")
        });
    }
    for (claim, label) in [("cid", "client"), ("uid", "user")] {
        if let Some(value) = input.claim_str(claim) {
            r.fact(label, value);
        }
    }
    if let Some(Value::Array(scopes)) = payload.get("scp") {
        let list: Vec<&str> = scopes.iter().filter_map(Value::as_str).collect();
        r.fact("scopes", list.join(" "));
    }
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<api>/",
    ));
    if access {
        r.expected_lifetime = Some(ExpectedLifetime {
            seconds: ACCESS_TOKEN_SECONDS,
            rule: LifetimeRule::Default,
            text: "Okta access tokens last 1 h by default (5 min to 24 h on a custom server)"
                .into(),
        });
    }
    Some(r)
}
