//! Google-issued tokens (developers.google.com, "OpenID Connect";
//! cloud.google.com, "Securing your app with signed headers"; firebase.google.com,
//! "Verify ID tokens"): Google ID tokens (`iss` `https://accounts.google.com`,
//! `azp`, `hd`), service-account ID tokens (an `email` ending
//! `.iam.gserviceaccount.com`), IAP tokens (ES256, `iss`
//! `https://cloud.google.com/iap`, a `google` claim, sent in
//! `x-goog-iap-jwt-assertion`) and Firebase ID tokens (`iss`
//! `https://securetoken.google.com/<project>`, a `firebase` claim).

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};

/// Google and Firebase ID tokens last one hour.
pub const ID_TOKEN_SECONDS: i64 = 3_600;

/// Recognises a Google, IAP or Firebase token by its issuer.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let iss = input.claim_str("iss")?;
    let mut r = VendorReport::new(VendorId::Google, "Google");
    if iss == "https://cloud.google.com/iap" {
        r.evidence(
            90,
            "iss is Identity-Aware Proxy (https://cloud.google.com/iap)",
        );
        r.name = Some("Google Cloud Identity-Aware Proxy".into());
        r.token_type = Some("IAP signed header (x-goog-iap-jwt-assertion)".into());
        r.keys_at = Some("https://www.gstatic.com/iap/verify/public_key-jwk (paste it into the key panel; never fetched here)".into());
        r.how_to_send = Some(curl(
            "x-goog-iap-jwt-assertion: <token>",
            input.token,
            "https://<backend>/",
        ));
        r.notes.push("IAP adds this header to requests it lets through; the backend checks it (ES256, aud `/projects/<number>/apps/<project>` or `/projects/<number>/global/backendServices/<id>`) to know the request passed IAP.".into());
        if let Some(email) = input.claim_str("email") {
            r.fact("user", email);
        }
        return Some(r);
    }
    if let Some(project) = iss.strip_prefix("https://securetoken.google.com/") {
        r.evidence(
            90,
            format!("iss is Firebase Authentication for project {project}"),
        );
        r.name = Some(format!("Firebase Authentication (project {project})"));
        r.token_type = Some("Firebase ID token".into());
        r.fact("project", project);
        if let Some(provider) = input
            .claim("firebase")
            .and_then(|f| f.get("sign_in_provider"))
            .and_then(serde_json::Value::as_str)
            .or_else(|| input.claim_str("provider_id"))
        {
            r.fact("signed in with", provider);
        }
        r.keys_at = Some("https://www.googleapis.com/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com (certificates; paste them into the key panel; never fetched here)".into());
    } else if iss == "https://accounts.google.com" || iss == "accounts.google.com" {
        r.evidence(80, format!("iss is Google's OpenID Connect issuer ({iss})"));
        let service_account = input
            .claim_str("email")
            .is_some_and(|e| e.ends_with(".iam.gserviceaccount.com"));
        r.token_type = Some(if service_account {
            "Google ID token for a service account (e.g. to call Cloud Run or Cloud Functions)"
                .into()
        } else {
            "Google ID token (Sign in with Google)".into()
        });
        if let Some(email) = input.claim_str("email") {
            r.fact("account", email);
        }
        if let Some(domain) = input.claim_str("hd") {
            r.fact("Workspace domain (hd)", domain);
        }
        r.keys_at = Some("https://www.googleapis.com/oauth2/v3/certs (paste it into the key panel; never fetched here)".into());
    } else {
        return None;
    }
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<service>/",
    ));
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: ID_TOKEN_SECONDS,
        rule: LifetimeRule::Default,
        text: "Google and Firebase ID tokens last 1 h".into(),
    });
    Some(r)
}
