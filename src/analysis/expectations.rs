//! "Check as my service would": the rules a person says their service
//! applies (issuer, audience, algorithms, required claims, maximum
//! lifetime), evaluated against one token in the order a verifier checks
//! them (jsonwebtoken's `Validation`, the Kubernetes API server): the
//! algorithm, the signature, then the claims. A service stops at the first
//! rule that fails; the report lists every rule so a person sees all that
//! is wrong at once, and names the first as the reason.

mod fields;

pub use fields::{ExpectationFields, parse_duration};

use crate::analysis::timefmt;
use crate::analysis::times::Window;
use crate::analysis::verdict::SignatureReport;
use crate::analysis::vocab::{ExpectationRule, JwsAlg, SignatureStatus};
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
        signature_rule(subject.signature),
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

fn rule(id: ExpectationRule, ok: bool, message: impl Into<String>) -> RuleResult {
    RuleResult {
        id,
        ok,
        message: message.into(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// RFC 8725 §3.1: the algorithm follows the service's configuration.
fn alg_rule(alg: Option<&str>, allowed: &[String]) -> RuleResult {
    let id = ExpectationRule::Alg;
    let Some(alg) = alg else {
        return rule(id, false, "The header has no `alg` string.");
    };
    if allowed.is_empty() {
        return match JwsAlg::parse(alg) {
            Some(_) => rule(
                id,
                true,
                format!(
                    "alg {alg} is a signature algorithm (no list of allowed algorithms was given)."
                ),
            ),
            None if alg.eq_ignore_ascii_case("none") => rule(
                id,
                false,
                "alg none: an unsigned token is never accepted (RFC 8725 §3.1).",
            ),
            None => rule(
                id,
                false,
                format!("alg {alg} is not a JWS signature algorithm."),
            ),
        };
    }
    if allowed.iter().any(|a| a == alg) {
        rule(id, true, format!("alg {alg} is allowed."))
    } else {
        rule(
            id,
            false,
            format!("alg {alg} is not among the allowed {}.", list(allowed)),
        )
    }
}

fn signature_rule(signature: &SignatureReport) -> RuleResult {
    let id = ExpectationRule::Signature;
    let key = signature
        .key
        .as_ref()
        .map_or("the key supplied", |k| k.key.label.as_str());
    match (signature.status, signature.matched_but_refused) {
        (SignatureStatus::Valid, _) => {
            rule(id, true, format!("The signature verifies with {key}."))
        }
        (SignatureStatus::Invalid, Some(refusal)) => rule(
            id,
            false,
            format!(
                "The signature matches {key}, but a strict verifier refuses it: {}.",
                refusal.reason()
            ),
        ),
        (SignatureStatus::Invalid, None) => rule(
            id,
            false,
            format!("The signature is not valid: {}", signature.message),
        ),
        (SignatureStatus::Unchecked | SignatureStatus::Unsupported, _) => rule(
            id,
            false,
            format!(
                "The signature could not be checked, and a service always checks it: {}",
                signature.message
            ),
        ),
    }
}

fn required_rule(claims: Option<&Map<String, Value>>, required: &[String]) -> RuleResult {
    let id = ExpectationRule::Required;
    let Some(claims) = claims else {
        return rule(
            id,
            false,
            "The payload is not a JSON object, so it has none of the required claims.",
        );
    };
    let missing: Vec<String> = required
        .iter()
        .filter(|c| !claims.contains_key(c.as_str()))
        .cloned()
        .collect();
    if missing.is_empty() {
        rule(
            id,
            true,
            format!("Every required claim is present: {}.", list(required)),
        )
    } else {
        rule(
            id,
            false,
            format!("Required claims are missing: {}.", list(&missing)),
        )
    }
}

/// When a claim is present but is not a NumericDate (RFC 7519 §2).
fn unreadable_time(claims: Option<&Map<String, Value>>, name: &str) -> Option<String> {
    let value = claims?.get(name)?;
    Some(format!(
        "`{name}` cannot be evaluated: it is {}, not a NumericDate (RFC 7519 §2).",
        describe_type(value)
    ))
}

fn describe_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn at(unix: i64) -> String {
    timefmt::utc_iso(unix).unwrap_or_else(|| unix.to_string())
}

fn exp_rule(s: &Subject<'_>) -> RuleResult {
    let id = ExpectationRule::Exp;
    match s.window.expires {
        Some(exp) if s.now > exp.saturating_add(s.leeway) => rule(
            id,
            false,
            format!(
                "It expired at {} ({}), beyond the {} s leeway.",
                at(exp),
                timefmt::relative(exp - s.now),
                s.leeway
            ),
        ),
        Some(exp) => rule(
            id,
            true,
            format!(
                "It expires at {} ({}).",
                at(exp),
                timefmt::relative(exp - s.now)
            ),
        ),
        None => match unreadable_time(s.claims, "exp") {
            Some(why) => rule(id, false, why),
            None => rule(
                id,
                true,
                "It has no `exp`, so it never expires (add `exp` to the required claims to refuse such tokens).",
            ),
        },
    }
}

fn nbf_rule(s: &Subject<'_>) -> RuleResult {
    let id = ExpectationRule::Nbf;
    match s.window.not_before {
        Some(nbf) if s.now.saturating_add(s.leeway) < nbf => rule(
            id,
            false,
            format!(
                "It is not valid before {} ({}), beyond the {} s leeway.",
                at(nbf),
                timefmt::relative(nbf - s.now),
                s.leeway
            ),
        ),
        Some(nbf) => rule(id, true, format!("It has been valid since {}.", at(nbf))),
        None => match unreadable_time(s.claims, "nbf") {
            Some(why) => rule(id, false, why),
            None => rule(id, true, "It has no `nbf`: valid from issue."),
        },
    }
}

fn iss_rule(claims: Option<&Map<String, Value>>, issuers: &[String]) -> RuleResult {
    let id = ExpectationRule::Iss;
    match claims.and_then(|c| c.get("iss")) {
        None => rule(
            id,
            false,
            format!("It has no `iss`; expected {}.", list(issuers)),
        ),
        Some(Value::String(iss)) if issuers.contains(iss) => {
            rule(id, true, format!("iss \"{iss}\" is expected."))
        }
        Some(Value::String(iss)) => rule(
            id,
            false,
            format!("iss \"{iss}\" is not the expected {}.", list(issuers)),
        ),
        Some(other) => rule(
            id,
            false,
            format!(
                "`iss` cannot be evaluated: it is {}, not a string (RFC 7519 §4.1.1).",
                describe_type(other)
            ),
        ),
    }
}

fn aud_rule(claims: Option<&Map<String, Value>>, audiences: &[String]) -> RuleResult {
    let id = ExpectationRule::Aud;
    let given: Vec<&str> = match claims.and_then(|c| c.get("aud")) {
        None => {
            return rule(
                id,
                false,
                format!("It has no `aud`; expected {}.", list(audiences)),
            );
        }
        Some(Value::String(aud)) => vec![aud.as_str()],
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            items.iter().filter_map(Value::as_str).collect()
        }
        Some(other) => {
            return rule(
                id,
                false,
                format!(
                    "`aud` cannot be evaluated: it is {}, not a string or an array of strings (RFC 7519 §4.1.3).",
                    describe_type(other)
                ),
            );
        }
    };
    match given.iter().find(|a| audiences.iter().any(|e| e == *a)) {
        Some(aud) => rule(id, true, format!("aud names \"{aud}\", which is expected.")),
        None => rule(
            id,
            false,
            format!(
                "aud {} names none of the expected {}.",
                given
                    .iter()
                    .map(|a| format!("\"{a}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
                list(audiences)
            ),
        ),
    }
}

fn lifetime_rule(s: &Subject<'_>, max: i64) -> RuleResult {
    let id = ExpectationRule::MaxLifetime;
    let max_text = timefmt::duration(max.unsigned_abs());
    let Some(exp) = s.window.expires else {
        return rule(
            id,
            false,
            format!(
                "It has no readable `exp`, so its lifetime is unbounded; at most {max_text} is allowed."
            ),
        );
    };
    let Some(start) = s.window.issued.or(s.window.not_before) else {
        return rule(
            id,
            false,
            "Its lifetime cannot be evaluated: it has neither `iat` nor `nbf`.",
        );
    };
    let lifetime = exp.saturating_sub(start);
    let text = timefmt::duration(lifetime.unsigned_abs());
    if lifetime <= max {
        rule(
            id,
            true,
            format!("It lives {text}, within the {max_text} allowed."),
        )
    } else {
        rule(
            id,
            false,
            format!("It lives {text}, longer than the {max_text} allowed."),
        )
    }
}

#[cfg(test)]
mod tests;
