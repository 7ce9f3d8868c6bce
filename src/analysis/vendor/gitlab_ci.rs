//! GitLab CI/CD ID tokens (docs.gitlab.com, "OpenID Connect (OIDC)
//! Authentication Using ID Tokens"; the older `CI_JOB_JWT`): the job's
//! `namespace_path`, `project_path`, `pipeline_source`, `ref_type`,
//! `user_login`, and `sub` `project_path:…:ref_type:…:ref:…`. They expire
//! with the job's timeout, or after 5 minutes without one.

use super::{ExpectedLifetime, Input, VendorReport};
use crate::analysis::vocab::{LifetimeRule, VendorId};

/// "The expiry time for the token is set to the job's timeout if
/// specified, or 5 minutes if no timeout is specified."
pub const NO_TIMEOUT_SECONDS: i64 = 300;

const JOB_CLAIMS: [&str; 6] = [
    "namespace_path",
    "project_path",
    "pipeline_source",
    "ref_type",
    "job_id",
    "user_login",
];

/// Recognises a GitLab CI/CD token by its job claims.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let payload = input.payload?;
    let job_claims = JOB_CLAIMS
        .iter()
        .filter(|c| payload.contains_key(**c))
        .count();
    if job_claims < 3 {
        return None;
    }
    let mut r = VendorReport::new(VendorId::GitlabCi, "GitLab CI/CD");
    r.evidence(
        15 * u32::try_from(job_claims).unwrap_or(6),
        format!("it has {job_claims} of GitLab CI/CD's job claims (namespace_path, project_path, pipeline_source, …)"),
    );
    let sub = input.claim_str("sub").unwrap_or_default();
    let legacy = sub.starts_with("job_");
    if sub.starts_with("project_path:") {
        r.evidence(15, "sub starts `project_path:`, GitLab's ID token subject");
    } else if legacy {
        r.evidence(10, "sub is `job_<id>`, the older CI_JOB_JWT subject");
    }
    let iss = input.claim_str("iss").unwrap_or_default();
    if iss == "https://gitlab.com" || iss == "gitlab.com" {
        r.evidence(20, "iss is GitLab.com");
    }
    r.token_type = Some(if legacy {
        "GitLab CI_JOB_JWT (deprecated; use id_tokens)".into()
    } else {
        "GitLab CI/CD ID token for a job".into()
    });
    for (claim, label) in [
        ("project_path", "project"),
        ("ref", "ref"),
        ("ref_type", "ref type"),
        ("pipeline_source", "pipeline source"),
        ("user_login", "started by"),
        ("environment", "environment"),
    ] {
        if let Some(value) = input.claim_str(claim).filter(|v| !v.is_empty()) {
            r.fact(label, value);
        }
    }
    r.notes.push("A job declares it under `id_tokens:` with its `aud`, and passes it to the relying party (Vault's JWT auth, a cloud's token exchange); the trust is bound to `sub`, `project_path` or `ref`.".into());
    if !iss.is_empty() {
        let origin = if iss.starts_with("http") {
            iss.to_string()
        } else {
            format!("https://{iss}")
        };
        r.keys_at = Some(format!(
            "{origin}/oauth/discovery/keys (paste it into the key panel; never fetched here)"
        ));
    }
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: NO_TIMEOUT_SECONDS,
        rule: LifetimeRule::Default,
        text: "GitLab ID tokens expire with the job's timeout, or after 5 min without one".into(),
    });
    Some(r)
}
