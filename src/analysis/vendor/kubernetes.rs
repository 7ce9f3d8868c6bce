//! Kubernetes service-account tokens (kubernetes.io, "Managing Service
//! Accounts"; `pkg/serviceaccount` in kubernetes/kubernetes). Legacy
//! Secret-based tokens: `iss` `kubernetes/serviceaccount` and
//! `kubernetes.io/serviceaccount/*` claims, never expiring. Projected
//! (bound) tokens: a `kubernetes.io` object naming the namespace, service
//! account and the pod, secret or node they are bound to, and `warnafter`
//! on auto-mounted tokens whose `exp` was extended.

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};
use serde_json::Value;

/// A projected token's `expirationSeconds` default (1 h; at least 10 min).
pub const PROJECTED_DEFAULT_SECONDS: i64 = 3_600;

/// Recognises a service-account token, legacy or projected.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let payload = input.payload?;
    let legacy = payload
        .keys()
        .any(|k| k.starts_with("kubernetes.io/serviceaccount/"));
    let bound = payload.get("kubernetes.io").and_then(Value::as_object);
    if !legacy && bound.is_none() {
        return None;
    }
    let mut r = VendorReport::new(VendorId::Kubernetes, "Kubernetes");
    let sub = input.claim_str("sub").unwrap_or_default();
    if sub.starts_with("system:serviceaccount:") {
        r.evidence(20, "sub is system:serviceaccount:<namespace>:<name>");
    }
    let iss = input.claim_str("iss").unwrap_or_default();
    if let Some(bound) = bound {
        r.evidence(
            70,
            "it has the `kubernetes.io` claim of a projected (bound) token",
        );
        let text = |v: Option<&Value>, key: &str| {
            v.and_then(|o| o.get(key))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        if let Some(ns) = text(Some(&Value::Object(bound.clone())), "namespace") {
            r.fact("namespace", ns);
        }
        if let Some(sa) = text(bound.get("serviceaccount"), "name") {
            r.fact("service account", sa);
        }
        for object in ["pod", "secret", "node"] {
            if let Some(name) = text(bound.get(object), "name") {
                r.fact(&format!("bound to {object}"), name);
            }
        }
        r.token_type = Some("Kubernetes projected service-account token".into());
        if let Some(warn) = bound.get("warnafter").and_then(Value::as_i64) {
            r.notes.push(format!("`warnafter` ({warn}) marks an auto-mounted token whose `exp` the API server extended (by up to a year) for old clients: after that instant the server logs its use as stale. A client should re-read the token file."));
        }
        r.expected_lifetime = Some(ExpectedLifetime {
            seconds: PROJECTED_DEFAULT_SECONDS,
            rule: LifetimeRule::Default,
            text: "projected tokens last 1 h by default (expirationSeconds, at least 10 min)"
                .into(),
        });
    } else {
        r.evidence(
            80,
            "it has `kubernetes.io/serviceaccount/*` claims: a legacy Secret-based token",
        );
        for (claim, label) in [
            ("kubernetes.io/serviceaccount/namespace", "namespace"),
            (
                "kubernetes.io/serviceaccount/service-account.name",
                "service account",
            ),
            ("kubernetes.io/serviceaccount/secret.name", "secret"),
        ] {
            if let Some(value) = input.claim_str(claim) {
                r.fact(label, value);
            }
        }
        r.token_type = Some("Kubernetes legacy service-account token (from a Secret)".into());
        r.notes.push("Legacy Secret-based tokens never expire: anyone who copies one keeps access until the Secret is deleted. Kubernetes 1.24+ no longer creates them; use `kubectl create token` or a projected volume instead.".into());
    }
    if iss == "kubernetes/serviceaccount" {
        r.evidence(10, "iss is kubernetes/serviceaccount");
        r.keys_at = Some("the cluster's service-account signing key (--service-account-key-file); `kubectl get --raw /openid/v1/jwks` where the API server publishes it".into());
    } else if !iss.is_empty() {
        r.fact("issuer (--service-account-issuer)", iss);
        r.keys_at = Some(format!(
            "{iss}/openid/v1/jwks, or `kubectl get --raw /openid/v1/jwks` (paste it into the key panel; never fetched here)"
        ));
    }
    if let Some(aud) = input.claim("aud") {
        r.notes.push(format!("The audiences ({aud}) say which API may accept it: the API server accepts only its --api-audiences (by default the issuer)."));
        let has = |name: &str| match aud {
            serde_json::Value::String(one) => one == name,
            serde_json::Value::Array(many) => many.iter().any(|a| a.as_str() == Some(name)),
            _ => false,
        };
        // The two projected audiences platform engineers meet most.
        if has("istio-ca") {
            r.notes.push("Audience istio-ca: projected for Istio (the istio-token volume); the sidecar sends it to istiod, which checks it with the API server (TokenReview) and issues the workload's mTLS certificate.".into());
        }
        if has("sts.amazonaws.com") {
            r.notes.push("Audience sts.amazonaws.com: an EKS IAM-roles-for-service-accounts token; AWS STS AssumeRoleWithWebIdentity exchanges it for the role's credentials, checked against the cluster's OIDC provider.".into());
        }
    }
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<api-server>/api/v1/namespaces/<namespace>/pods",
    ));
    r.notes.push(
        "kubectl sends it with `kubectl --token=<token>`, or from a kubeconfig user's `token:`."
            .into(),
    );
    Some(r)
}
