//! DC/OS IAM tokens (Mesosphere DC/OS docs, "Authentication", "Service
//! accounts"): `uid` and `exp`, RS256, sent as `Authorization: token=…`.
//! The IAM signs with keys it publishes at `/acs/api/v1/auth/jwks`, whose
//! `kid`s are 64 hex digits; its tokens carry no `kid` or one of those.

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, SourceKind, VendorId};

/// Login tokens last five days unless the cluster is configured otherwise.
pub const LOGIN_TOKEN_SECONDS: i64 = 5 * 86_400;
/// The IAM refuses service login tokens that expire later than this.
pub const SERVICE_LOGIN_MAX_SECONDS: i64 = 600;

/// Claims DC/OS tokens never carry and other issuers' do: Okta's access
/// tokens have `uid` too, beside `cid`, `scp` and `ver`.
const OTHER_SHAPES: [&str; 5] = ["cid", "scp", "ver", "azp", "client_id"];

/// Recognises a DC/OS IAM token by its `uid` claim; `None` without one, or
/// when the token has the shape of another issuer's (every DC/OS token in
/// its docs carries only `uid` and `exp`): one of [`OTHER_SHAPES`], or an
/// `iss` URL.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let uid = input.claim_str("uid")?;
    let other_shape = OTHER_SHAPES.iter().any(|c| input.claim(c).is_some())
        || input
            .claim_str("iss")
            .is_some_and(|iss| iss.starts_with("https://") || iss.starts_with("http://"));
    if other_shape {
        return None;
    }
    let mut r = VendorReport::new(VendorId::Dcos, "DC/OS IAM");
    r.evidence(45, format!("the payload names a DC/OS user: uid \"{uid}\""));
    if input.claim("exp").is_some() {
        r.evidence(10, "it has `exp`, as every DC/OS token does");
    }
    let extra: Vec<&String> = input
        .payload?
        .keys()
        .filter(|k| !matches!(k.as_str(), "uid" | "exp"))
        .collect();
    if extra.is_empty() {
        r.evidence(
            15,
            "it carries nothing but `uid` and `exp`, exactly like DC/OS IAM tokens",
        );
    }
    if input.header_str("alg") == Some("RS256") {
        r.evidence(10, "it is RS256, the only algorithm the IAM uses");
    }
    let kid = input.header_str("kid");
    let iam_kid = kid.is_some_and(|k| k.len() == 64 && k.bytes().all(|b| b.is_ascii_hexdigit()));
    if iam_kid {
        r.evidence(
            10,
            "its kid is 64 hex digits, the form of the IAM's JWKS key IDs",
        );
    }
    if input.sent_as_kind(SourceKind::AuthorizationDcosToken) {
        r.evidence(
            20,
            "it was sent as `Authorization: token=…`, the DC/OS scheme",
        );
    }
    r.token_type = Some(if iam_kid {
        "DC/OS authentication token (issued by the IAM)".into()
    } else {
        "DC/OS authentication token, or a service login token made by a service account".into()
    });
    if !iam_kid {
        r.notes.push(format!(
            "An authentication token is issued by the IAM and verifies with the cluster's JWKS; a service login token is made by a service account, signed with its own private key, and exchanged at /acs/api/v1/auth/login — the IAM refuses it if it expires more than {} minutes ahead.",
            SERVICE_LOGIN_MAX_SECONDS / 60
        ));
    }
    if input.sent_as_kind(SourceKind::AuthorizationBearer) {
        r.notes.push("This token was sent with the Bearer scheme, which DC/OS refuses: use `Authorization: token=…`.".into());
    }
    r.how_to_send = Some(curl(
        "Authorization: token=<token>",
        input.token,
        "https://<master>/acs/api/v1/users",
    ));
    r.keys_at = Some(
        "https://<master>/acs/api/v1/auth/jwks (the cluster's IAM; paste it into the key panel)"
            .into(),
    );
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: LOGIN_TOKEN_SECONDS,
        rule: LifetimeRule::Default,
        text: "DC/OS login tokens last 5 days by default".into(),
    });
    r.fact("user", uid);
    Some(r)
}
