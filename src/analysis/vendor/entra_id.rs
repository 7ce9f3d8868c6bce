//! Microsoft Entra ID (Azure AD) tokens (learn.microsoft.com, "Access
//! tokens", "ID tokens", "Claims reference"): v1 `iss`
//! `https://sts.windows.net/<tid>/`, v2 `https://login.microsoftonline.com/<tid>/v2.0`;
//! `tid` the tenant, `oid` the object, `ver`, `appid` (v1) or `azp` (v2)
//! the client, `scp` delegated scopes, `roles` app permissions, `idtyp`
//! app or user. Tokens for Microsoft Graph carry a `nonce` in their
//! header and cannot be verified by anyone but Graph.

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};

/// Access tokens live 60 to 90 minutes (75 on average); ID tokens 1 h.
pub const TOKEN_SECONDS: i64 = 3_600;

/// Recognises an Entra ID token by its security token service issuer.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let payload = input.payload?;
    let (origin, path) = input.issuer_url()?;
    let host = origin.trim_start_matches("https://");
    let v1 = host.starts_with("sts.windows") || host == "sts.chinacloudapi.cn";
    let v2 = host.starts_with("login.microsoftonline") && path.ends_with("/v2.0");
    if !v1 && !v2 {
        return None;
    }
    let tenant = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    let mut r = VendorReport::new(VendorId::EntraId, "Microsoft Entra ID");
    r.evidence(
        70,
        format!(
            "iss is Entra ID's token service for tenant {tenant} ({})",
            if v1 { "v1.0" } else { "v2.0" }
        ),
    );
    for (claim, points) in [("tid", 10), ("oid", 5), ("aio", 5), ("ver", 5)] {
        if payload.contains_key(claim) {
            r.evidence(points, format!("it has `{claim}`, an Entra ID claim"));
        }
    }
    r.fact("tenant", tenant);
    if let Some(client) = input.claim_str("appid").or_else(|| input.claim_str("azp")) {
        r.fact("client (application ID)", client);
    }
    let app_only = input.claim_str("idtyp") == Some("app")
        || (payload.contains_key("roles") && !payload.contains_key("scp"));
    let is_access = payload.contains_key("scp")
        || payload.contains_key("roles")
        || payload.contains_key("appid")
        || input.claim_str("idtyp").is_some();
    r.token_type = Some(match (is_access, app_only) {
        (true, true) => "Entra ID access token, app-only (client credentials: `roles` are application permissions)".into(),
        (true, false) => "Entra ID access token, delegated (a user signed in: `scp` are the delegated scopes)".into(),
        (false, _) => "Entra ID ID token (OpenID Connect)".into(),
    });
    if let Some(scp) = input.claim_str("scp") {
        r.fact("delegated scopes (scp)", scp);
    }
    if input.header_str("nonce").is_some()
        || input.claim_str("aud") == Some("00000003-0000-0000-c000-000000000000")
    {
        r.notes.push("This token is for Microsoft Graph: its header carries a `nonce` that Graph hashes before checking the signature, so no one else can verify it, by design. Validate only tokens issued for your own API.".into());
    }
    r.keys_at = Some(if v2 {
        format!(
            "https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys (paste it into the key panel; never fetched here)"
        )
    } else {
        format!(
            "https://login.microsoftonline.com/{tenant}/discovery/keys (paste it into the key panel; never fetched here)"
        )
    });
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<api>/",
    ));
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: TOKEN_SECONDS,
        rule: LifetimeRule::Default,
        text: "Entra ID ID tokens last 1 h; access tokens 60–90 min (75 on average)".into(),
    });
    Some(r)
}
