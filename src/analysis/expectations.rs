//! "Check as my service would": the rules a person says their service
//! applies (issuer, audience, algorithms, required claims, maximum
//! lifetime), evaluated against one token in the order a verifier checks
//! them (jsonwebtoken's `Validation`, the Kubernetes API server): the
//! algorithm, the signature, then the claims. A service stops at the first
//! rule that fails; the report lists every rule so a person sees all that
//! is wrong at once, and names the first as the reason.

mod fields;
mod rules;

pub use fields::{ExpectationFields, parse_duration};
use rules::{
    alg_rule, aud_rule, exp_rule, iss_rule, lifetime_rule, lowercase_first, nbf_rule,
    required_rule, signature_rule,
};

use crate::analysis::times::Window;
use crate::analysis::verdict::SignatureReport;
use crate::analysis::vocab::ExpectationRule;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// What a service expects of the tokens it accepts. Never stored, never
/// put in a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Expectations {
    /// `iss` must equal one of these exactly (RFC 7519 §4.1.1).
    pub issuers: Vec<String>,
    /// `aud` must name at least one of these (RFC 7519 §4.1.3).
    pub audiences: Vec<String>,
    /// The header `alg` must be one of these (RFC 8725 §3.1); when empty,
    /// any signature algorithm, never `none`.
    pub algorithms: Vec<String>,
    /// Claims that must be present.
    pub required: Vec<String>,
    /// `exp` − `iat` must be at most this many seconds.
    pub max_lifetime: Option<i64>,
    /// The one supplied key the service verifies with (its label, `kid` or
    /// RFC 7638 thumbprint); any supplied key when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Expectations {
    /// Whether the person set nothing to check.
    pub fn is_empty(&self) -> bool {
        self == &Expectations::default()
    }
}

/// One rule, evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleResult {
    /// Which rule.
    pub id: ExpectationRule,
    /// Whether the token passes it.
    pub ok: bool,
    /// Why, in words; says so when the rule cannot be evaluated (a claim
    /// of the wrong type).
    pub message: String,
}

/// Every rule, and whether the service would accept the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectationsReport {
    /// The rules in the order a verifier checks them.
    pub rules: Vec<RuleResult>,
    /// Whether every rule passes.
    pub accepted: bool,
    /// "This service would accept this token." or "… refuse this token
    /// because …", naming the first rule that fails.
    pub verdict: String,
}

/// What of a token the rules read.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// The header `alg`, if a string.
    pub alg: Option<&'a str>,
    /// The signature verdict.
    pub signature: &'a SignatureReport,
    /// The claims, when the payload is a JSON object.
    pub claims: Option<&'a Map<String, Value>>,
    /// Its times, as read for the validity countdown.
    pub window: Window,
    /// The instant to judge at, and the leeway around `exp` and `nbf`.
    pub now: i64,
    /// Seconds of clock skew tolerated.
    pub leeway: i64,
}

/// Evaluates `expectations` against `subject`.
pub fn evaluate(subject: &Subject<'_>, expectations: &Expectations) -> ExpectationsReport {
    let mut rules = vec![
        alg_rule(subject.alg, &expectations.algorithms),
        signature_rule(subject.signature, expectations.key.as_deref()),
    ];
    if !expectations.required.is_empty() {
        rules.push(required_rule(subject.claims, &expectations.required));
    }
    rules.push(exp_rule(subject));
    rules.push(nbf_rule(subject));
    if !expectations.issuers.is_empty() {
        rules.push(iss_rule(subject.claims, &expectations.issuers));
    }
    if !expectations.audiences.is_empty() {
        rules.push(aud_rule(subject.claims, &expectations.audiences));
    }
    if let Some(max) = expectations.max_lifetime {
        rules.push(lifetime_rule(subject, max));
    }
    let first_failure = rules.iter().find(|r| !r.ok);
    let verdict = match first_failure {
        None => "This service would accept this token.".to_string(),
        Some(rule) => format!(
            "This service would refuse this token because {}.",
            lowercase_first(rule.message.trim_end_matches('.'))
        ),
    };
    ExpectationsReport {
        accepted: first_failure.is_none(),
        rules,
        verdict,
    }
}

#[cfg(test)]
mod tests;
