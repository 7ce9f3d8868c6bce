//! Dex ID tokens (dexidp.io, "ID Tokens"): `iss` is the configured issuer
//! (often ending `/dex`), `sub` is base64url of a protobuf naming the user
//! at the upstream connector, `federated_claims` (with the `federated:id`
//! scope) names the connector and that user, keys are at `<iss>/keys`, and
//! `expiry.idTokens` defaults to 24 h.

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};
use serde_json::Value;

/// `expiry.idTokens` default.
pub const ID_TOKEN_SECONDS: i64 = 86_400;

/// Recognises a Dex ID token by `federated_claims` and its issuer.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let federated = input.claim("federated_claims").and_then(Value::as_object);
    let iss = input.claim_str("iss").unwrap_or_default();
    let mut r = VendorReport::new(VendorId::Dex, "Dex");
    if let Some(federated) = federated {
        r.evidence(
            70,
            "it has `federated_claims`, Dex's connector and upstream user",
        );
        if let Some(connector) = federated.get("connector_id").and_then(Value::as_str) {
            r.fact("connector", connector);
        }
        if let Some(user) = federated.get("user_id").and_then(Value::as_str) {
            r.fact("user at the connector", user);
        }
    }
    if iss.trim_end_matches('/').ends_with("/dex") {
        r.evidence(
            40,
            format!("iss ends /dex, Dex's conventional path ({iss})"),
        );
    }
    let sub = input.claim_str("sub").unwrap_or_default();
    if is_dex_subject(sub) {
        r.evidence(
            15,
            "sub is base64url of Dex's protobuf subject (user and connector)",
        );
    }
    if r.score < 55 {
        return None;
    }
    r.token_type = Some("Dex ID token (OpenID Connect)".into());
    if !iss.is_empty() {
        r.keys_at = Some(format!(
            "{}/keys (paste it into the key panel; never fetched here)",
            iss.trim_end_matches('/')
        ));
    }
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<api>/",
    ));
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: ID_TOKEN_SECONDS,
        rule: LifetimeRule::Default,
        text: "Dex ID tokens last 24 h by default (expiry.idTokens)".into(),
    });
    Some(r)
}

/// Whether `sub` is base64url of Dex's `IDTokenSubject` protobuf: field 1
/// (the user ID, tag 0x0a) and then field 2 (the connector, tag 0x12).
fn is_dex_subject(sub: &str) -> bool {
    let Ok(decoded) = crate::analysis::base64url::decode_segment(sub) else {
        return false;
    };
    let bytes = decoded.bytes;
    match bytes.as_slice() {
        [0x0a, len, rest @ ..] => rest.get(usize::from(*len)) == Some(&0x12),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_dex_subject;

    #[test]
    fn dex_subjects_are_user_then_connector() {
        // From Dex's docs: {user_id: "2342749", conn_id: "github"}.
        assert!(is_dex_subject("CgcyMzQyNzQ5EgZnaXRodWI"));
        assert!(!is_dex_subject("2342749"));
        assert!(!is_dex_subject("Cg"));
    }
}
