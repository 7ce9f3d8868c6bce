//! GitHub Actions OIDC tokens (docs.github.com, "About security hardening
//! with OpenID Connect"): `iss` `https://token.actions.githubusercontent.com`
//! (GHES: `https://<host>/_services/token`), `sub` such as
//! `repo:ORG/REPO:ref:refs/heads/main`, and the job's `repository`, `ref`,
//! `sha`, `workflow`, `job_workflow_ref`, `environment`,
//! `runner_environment`. A cloud trusts the token by matching claims.

use super::{Input, VendorReport};
use crate::analysis::vocab::VendorId;

const ISSUER: &str = "https://token.actions.githubusercontent.com";

/// Claims only GitHub Actions tokens carry together.
const JOB_CLAIMS: [&str; 5] = [
    "job_workflow_ref",
    "runner_environment",
    "repository_owner",
    "workflow_ref",
    "run_attempt",
];

/// Recognises a GitHub Actions token by its issuer and job claims.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let payload = input.payload?;
    let iss = input.claim_str("iss").unwrap_or_default();
    let mut r = VendorReport::new(VendorId::GithubActions, "GitHub Actions");
    if iss == ISSUER || iss.starts_with(&format!("{ISSUER}/")) {
        r.evidence(70, format!("iss is GitHub Actions' token service ({iss})"));
    } else if iss.ends_with("/_services/token") {
        r.evidence(
            50,
            format!("iss is a GitHub Enterprise Server token service ({iss})"),
        );
    }
    let job_claims = JOB_CLAIMS
        .iter()
        .filter(|c| payload.contains_key(**c))
        .count();
    if job_claims > 0 {
        r.evidence(
            10 * u32::try_from(job_claims).unwrap_or(5),
            format!("it has {job_claims} of GitHub Actions' job claims (job_workflow_ref, runner_environment, …)"),
        );
    }
    if input
        .claim_str("sub")
        .is_some_and(|s| s.starts_with("repo:"))
    {
        r.evidence(15, "sub starts `repo:`, GitHub's subject format");
    }
    if r.score < 60 {
        return None;
    }
    r.token_type = Some("GitHub Actions OIDC token for a workflow job".into());
    for (claim, label) in [
        ("repository", "repository"),
        ("ref", "ref"),
        ("sha", "commit"),
        ("workflow", "workflow"),
        ("job_workflow_ref", "job workflow"),
        ("environment", "environment"),
        ("event_name", "event"),
        ("actor", "actor"),
        ("runner_environment", "runner"),
    ] {
        if let Some(value) = input.claim_str(claim).filter(|v| !v.is_empty()) {
            r.fact(label, value);
        }
    }
    r.notes.push("Clouds trust these tokens by matching claims: AWS IAM conditions on `token.actions.githubusercontent.com:sub` and `:aud` (sts.amazonaws.com), Azure federated credentials on the exact `sub`, GCP workload identity pools on attributes mapped from `assertion.repository` and others. A refused exchange usually means `sub` or `aud` differs from the trust policy.".into());
    r.notes.push("A job gets it with `permissions: id-token: write`, from $ACTIONS_ID_TOKEN_REQUEST_URL (add `&audience=…`) with the bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN; it is handed to the cloud's token exchange, not sent to an API.".into());
    let issuer = if iss.is_empty() { ISSUER } else { iss };
    r.keys_at = Some(format!(
        "{issuer}/.well-known/jwks (paste it into the key panel; never fetched here)"
    ));
    Some(r)
}
