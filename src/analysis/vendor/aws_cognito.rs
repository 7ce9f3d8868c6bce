//! Amazon Cognito user pool tokens (docs.aws.amazon.com, "Using tokens
//! with user pools"): `iss` `https://cognito-idp.<region>.amazonaws.com/<pool>`,
//! `token_use` `id` or `access`, `cognito:groups`, `cognito:username`
//! (ID tokens) or `username` and `client_id` (access tokens).

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};
use serde_json::Value;

/// The default ID and access token lifetime (1 h; 5 min to 1 day).
pub const TOKEN_SECONDS: i64 = 3_600;

/// Recognises a Cognito user pool token by its issuer.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let (origin, path) = input.issuer_url()?;
    let host = origin.strip_prefix("https://")?;
    let region = host
        .strip_prefix("cognito-idp.")?
        .strip_suffix(".amazonaws.com")?;
    let pool = path.trim_start_matches('/');
    let mut r = VendorReport::new(VendorId::AwsCognito, "Amazon Cognito");
    r.evidence(
        80,
        format!("iss is a Cognito user pool ({pool} in {region})"),
    );
    let token_use = input.claim_str("token_use");
    if token_use.is_some() {
        r.evidence(15, "it has `token_use`, Cognito's token kind");
    }
    r.name = Some(format!("Amazon Cognito (user pool {pool})"));
    r.fact("user pool", pool);
    r.fact("region", region);
    for (claim, label) in [
        ("cognito:username", "user"),
        ("username", "user"),
        ("client_id", "app client"),
    ] {
        if let Some(value) = input.claim_str(claim) {
            r.fact(label, value);
        }
    }
    if let Some(Value::Array(groups)) = input.claim("cognito:groups") {
        let names: Vec<&str> = groups.iter().filter_map(Value::as_str).collect();
        r.fact("groups", names.join(", "));
    }
    r.token_type = Some(match token_use {
        Some("access") => "Cognito access token (call APIs with it)".into(),
        Some("id") => {
            "Cognito ID token (who signed in; API Gateway Cognito authorizers also accept it)"
                .into()
        }
        _ => "Cognito user pool token".into(),
    });
    r.keys_at = Some(format!(
        "{origin}{path}/.well-known/jwks.json (paste it into the key panel; never fetched here)"
    ));
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<api>/",
    ));
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: TOKEN_SECONDS,
        rule: LifetimeRule::Default,
        text: "Cognito ID and access tokens last 1 h by default (5 min to 1 day per app client)"
            .into(),
    });
    Some(r)
}
