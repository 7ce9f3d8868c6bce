//! Keycloak (keycloak.org, "Server Administration", "Securing Apps"):
//! `iss` is `<base>/realms/<realm>` (`<base>/auth/realms/<realm>` before
//! Keycloak 17), `typ` says the token's kind (`Bearer`, `ID`, `Refresh`,
//! `Offline`, `Logout`), access tokens carry `realm_access` and
//! `resource_access` roles, `azp` the client, `sid`/`session_state` the
//! session. Refresh tokens are signed with the realm's HMAC secret.

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};
use serde_json::Value;

/// The default access-token lifespan (5 min), a realm setting.
pub const ACCESS_TOKEN_SECONDS: i64 = 300;
/// The default SSO session idle time, which bounds refresh tokens (30 min).
pub const REFRESH_TOKEN_SECONDS: i64 = 1_800;

/// Recognises a Keycloak token by its realm issuer, `typ` and role claims.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let payload = input.payload?;
    if let Some(action) = admin_action(input) {
        let mut r = VendorReport::new(VendorId::Keycloak, "Keycloak");
        r.evidence(
            80,
            format!("it is a Keycloak admin action ({action}) with `resource` and `notBefore`"),
        );
        r.token_type = Some(format!(
            "Keycloak admin action token ({action}), sent by the server to a client adapter"
        ));
        if let Some(client) = input.claim_str("resource") {
            r.fact("client (resource)", client);
        }
        r.notes.push("Keycloak posts these to a client's admin URL (k_logout, k_push_not_before) signed with the realm key; the adapter checks them before acting.".into());
        return Some(r);
    }
    let (origin, path) = input.issuer_url()?;
    let realm = path.rsplit_once("/realms/").map(|(_, realm)| realm)?;
    let mut r = VendorReport::new(VendorId::Keycloak, "Keycloak");
    r.evidence(45, format!("iss names a Keycloak realm ({realm})"));
    let typ = input.claim_str("typ");
    if matches!(
        typ,
        Some("Bearer" | "ID" | "Refresh" | "Offline" | "Logout")
    ) {
        r.evidence(
            25,
            format!(
                "its `typ` claim is \"{}\", Keycloak's token kind",
                typ.unwrap_or_default()
            ),
        );
    }
    for (claim, points) in [
        ("realm_access", 20),
        ("resource_access", 15),
        ("session_state", 10),
        ("sid", 5),
    ] {
        if payload.contains_key(claim) {
            r.evidence(points, format!("it has `{claim}`, a Keycloak claim"));
        }
    }
    if r.score < 70 {
        return None;
    }
    r.name = Some(format!("Keycloak (realm {realm})"));
    r.fact("realm", realm);
    if let Some(client) = input.claim_str("azp") {
        r.fact("client (azp)", client);
    }
    if let Some(roles) = payload
        .get("realm_access")
        .and_then(|a| a.get("roles"))
        .and_then(Value::as_array)
    {
        let names: Vec<&str> = roles.iter().filter_map(Value::as_str).collect();
        r.fact("realm roles", names.join(", "));
    }
    let refresh = matches!(typ, Some("Refresh" | "Offline"));
    r.token_type = Some(match typ {
        Some("Bearer") => "Keycloak access token".into(),
        Some("ID") => "Keycloak ID token (OpenID Connect)".into(),
        Some("Refresh") => "Keycloak refresh token".into(),
        Some("Offline") => "Keycloak offline token (a long-lived refresh token)".into(),
        Some("Logout") => "Keycloak logout token (back-channel logout)".into(),
        _ => "Keycloak token".into(),
    });
    if refresh {
        r.notes.push("Refresh tokens are signed with the realm's own HMAC secret (HS256/HS512), which only Keycloak holds: no public key verifies them, and only Keycloak's token endpoint should read them.".into());
    }
    r.keys_at = Some(format!(
        "{origin}{path}/protocol/openid-connect/certs (paste it into the key panel; never fetched here)"
    ));
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<api>/",
    ));
    r.expected_lifetime = Some(if refresh {
        ExpectedLifetime {
            seconds: REFRESH_TOKEN_SECONDS,
            rule: LifetimeRule::Default,
            text: "Keycloak refresh tokens follow the SSO session idle time, 30 min by default"
                .into(),
        }
    } else {
        ExpectedLifetime {
            seconds: ACCESS_TOKEN_SECONDS,
            rule: LifetimeRule::Default,
            text: "Keycloak access and ID tokens last 5 min by default (the realm's Access Token Lifespan)".into(),
        }
    });
    Some(r)
}

/// The action of a Keycloak admin action token (keycloak-nodejs-connect's
/// `LOGOUT`, `PUSH_NOT_BEFORE`, `TEST_AVAILABLE`), when it is one.
fn admin_action<'a>(input: &Input<'a>) -> Option<&'a str> {
    let action = input.claim_str("action")?;
    let known = matches!(action, "LOGOUT" | "PUSH_NOT_BEFORE" | "TEST_AVAILABLE");
    (known && input.claim("resource").is_some() && input.claim("notBefore").is_some())
        .then_some(action)
}
