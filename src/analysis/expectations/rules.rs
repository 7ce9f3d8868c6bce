//! Each rule of [`super::evaluate`], one function per rule, with the RFC
//! section it enforces. A rule whose claim has the wrong type fails and
//! says it cannot be evaluated.

use super::{RuleResult, Subject};
use crate::analysis::json;
use crate::analysis::timefmt;
use crate::analysis::verdict::SignatureReport;
use crate::analysis::vocab::{ExpectationRule, JwsAlg, SignatureStatus};
use serde_json::{Map, Value};

fn rule(id: ExpectationRule, ok: bool, message: impl Into<String>) -> RuleResult {
    RuleResult {
        id,
        ok,
        message: message.into(),
    }
}

pub(super) fn lowercase_first(text: &str) -> String {
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
pub(super) fn alg_rule(alg: Option<&str>, allowed: &[String]) -> RuleResult {
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

/// The signature verifies, with `expected_key` when the service uses one
/// key of those supplied (named by its label, `kid` or RFC 7638
/// thumbprint).
pub(super) fn signature_rule(
    signature: &SignatureReport,
    expected_key: Option<&str>,
) -> RuleResult {
    let id = ExpectationRule::Signature;
    let key = signature
        .key
        .as_ref()
        .map_or("the key supplied", |k| k.key.label.as_str());
    let is_expected = |wanted: &str| {
        signature.key.as_ref().is_some_and(|used| {
            used.key.label == wanted
                || used.key.kid.as_deref() == Some(wanted)
                || used.key.fingerprints.jwk_thumbprint.as_deref() == Some(wanted)
        })
    };
    match (signature.status, signature.matched_but_refused) {
        (SignatureStatus::Valid, _) => match expected_key {
            Some(wanted) if !is_expected(wanted) => rule(
                id,
                false,
                format!("The signature verifies with {key}, but the service uses {wanted}."),
            ),
            _ => rule(id, true, format!("The signature verifies with {key}.")),
        },
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

pub(super) fn required_rule(
    claims: Option<&Map<String, Value>>,
    required: &[String],
) -> RuleResult {
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
        json::type_name(value)
    ))
}

fn at(unix: i64) -> String {
    timefmt::utc_iso(unix).unwrap_or_else(|| unix.to_string())
}

pub(super) fn exp_rule(s: &Subject<'_>) -> RuleResult {
    let id = ExpectationRule::Exp;
    match s.window.expires {
        // RFC 7519 §4.1.4: not accepted on or after `exp`.
        Some(exp) if s.now >= exp.saturating_add(s.leeway) => rule(
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

pub(super) fn nbf_rule(s: &Subject<'_>) -> RuleResult {
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

pub(super) fn iss_rule(claims: Option<&Map<String, Value>>, issuers: &[String]) -> RuleResult {
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
                json::type_name(other)
            ),
        ),
    }
}

pub(super) fn aud_rule(claims: Option<&Map<String, Value>>, audiences: &[String]) -> RuleResult {
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
                    json::type_name(other)
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

pub(super) fn lifetime_rule(s: &Subject<'_>, max: i64) -> RuleResult {
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
