use super::*;
use crate::analysis::vocab::SignatureStatus;
use serde_json::json;

const NOW: i64 = 1_700_000_000;

fn signature(status: SignatureStatus, message: &str) -> SignatureReport {
    crate::analysis::verdict::Verification::new(status, message).signature
}

fn valid_signature() -> SignatureReport {
    signature(SignatureStatus::Valid, "Signature verified with JWK.")
}

fn check(
    claims: &Value,
    signature: &SignatureReport,
    expected: &Expectations,
) -> ExpectationsReport {
    let map = claims.as_object().unwrap();
    let number = |name: &str| map.get(name).and_then(Value::as_i64);
    let subject = Subject {
        alg: Some("RS256"),
        signature,
        claims: Some(map),
        window: Window {
            expires: number("exp"),
            not_before: number("nbf"),
            issued: number("iat"),
        },
        now: NOW,
        leeway: 30,
    };
    evaluate(&subject, expected)
}

fn ids(report: &ExpectationsReport) -> Vec<(ExpectationRule, bool)> {
    report.rules.iter().map(|r| (r.id, r.ok)).collect()
}

#[test]
fn a_token_meeting_every_rule_is_accepted_and_rules_come_in_verifier_order() {
    let expected = Expectations {
        issuers: vec!["https://issuer.example".into()],
        audiences: vec!["other".into(), "api".into()],
        algorithms: vec!["RS256".into()],
        required: vec!["sub".into()],
        max_lifetime: Some(3600),
        key: None,
    };
    let claims = json!({"iss": "https://issuer.example", "aud": ["api"], "sub": "a",
        "iat": NOW - 60, "nbf": NOW - 60, "exp": NOW + 600});
    let report = check(&claims, &valid_signature(), &expected);
    use ExpectationRule::*;
    assert_eq!(
        ids(&report),
        [
            (Alg, true),
            (Signature, true),
            (Required, true),
            (Exp, true),
            (Nbf, true),
            (Iss, true),
            (Aud, true),
            (MaxLifetime, true)
        ]
    );
    assert!(report.accepted);
    assert_eq!(report.verdict, "This service would accept this token.");
}

#[test]
fn the_first_failing_rule_is_the_reason() {
    let expected = Expectations {
        audiences: vec!["api".into()],
        ..Expectations::default()
    };
    let claims = json!({"aud": "someone-else", "exp": NOW - 3600});
    let report = check(&claims, &valid_signature(), &expected);
    assert!(!report.accepted);
    assert!(
        report
            .verdict
            .starts_with("This service would refuse this token because it expired at 2023-11-14T"),
        "{}",
        report.verdict
    );
    let aud = report
        .rules
        .iter()
        .find(|r| r.id == ExpectationRule::Aud)
        .unwrap();
    assert!(!aud.ok);
    assert_eq!(
        aud.message,
        "aud \"someone-else\" names none of the expected \"api\"."
    );
}

#[test]
fn leeway_is_honoured() {
    let claims = json!({"exp": NOW - 20, "nbf": NOW + 20});
    let report = check(&claims, &valid_signature(), &Expectations::default());
    assert!(report.accepted, "{:?}", report.rules);
}

#[test]
fn an_unchecked_or_refused_signature_refuses_the_token() {
    let unchecked = signature(
        SignatureStatus::Unchecked,
        "Not checked: no key was supplied.",
    );
    let report = check(&json!({}), &unchecked, &Expectations::default());
    assert!(!report.accepted);
    assert!(
        report
            .verdict
            .contains("the signature could not be checked"),
        "{}",
        report.verdict
    );
    let mut refused = signature(SignatureStatus::Invalid, "Not accepted.");
    refused.matched = crate::analysis::vocab::SignatureMatch::Matches;
    refused.matched_but_refused = Some(crate::analysis::vocab::Refusal::HmacSecretTooShort);
    let report = check(&json!({}), &refused, &Expectations::default());
    assert!(
        report.rules[1]
            .message
            .contains("matches the key supplied, but a strict verifier refuses it")
    );
}

#[test]
fn claims_of_the_wrong_type_cannot_be_evaluated_and_say_so() {
    let expected = Expectations {
        issuers: vec!["x".into()],
        audiences: vec!["api".into()],
        ..Expectations::default()
    };
    let claims = json!({"iss": 7, "aud": {"api": true}, "exp": "tomorrow"});
    let report = check(&claims, &valid_signature(), &expected);
    let message = |id| {
        report
            .rules
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .message
            .clone()
    };
    assert_eq!(
        message(ExpectationRule::Exp),
        "`exp` cannot be evaluated: it is a string, not a NumericDate (RFC 7519 §2)."
    );
    assert!(message(ExpectationRule::Iss).starts_with("`iss` cannot be evaluated: it is a number"));
    assert!(
        message(ExpectationRule::Aud).starts_with("`aud` cannot be evaluated: it is an object")
    );
}

#[test]
fn missing_required_claims_and_a_long_lifetime_fail() {
    let expected = Expectations {
        required: vec!["sub".into(), "jti".into()],
        max_lifetime: Some(3600),
        ..Expectations::default()
    };
    let claims = json!({"sub": "a", "iat": NOW, "exp": NOW + 86_400});
    let report = check(&claims, &valid_signature(), &expected);
    let failed: Vec<_> = report
        .rules
        .iter()
        .filter(|r| !r.ok)
        .map(|r| r.message.clone())
        .collect();
    assert_eq!(
        failed,
        [
            "Required claims are missing: \"jti\".",
            "It lives 1 d 00:00:00, longer than the 01:00:00 allowed."
        ]
    );
}

#[test]
fn alg_none_is_never_accepted_and_the_allowed_list_is_exact() {
    assert!(!alg_rule(Some("none"), &[]).ok);
    assert!(alg_rule(Some("ES256"), &[]).ok);
    let rule = alg_rule(Some("HS256"), &["RS256".into()]);
    assert_eq!(
        rule.message,
        "alg HS256 is not among the allowed \"RS256\"."
    );
}

#[test]
fn the_service_key_must_be_the_one_that_verified() {
    let signature = valid_signature();
    assert!(signature_rule(&signature, None).ok);
    let rule = signature_rule(&signature, Some("JWKS key 2"));
    assert!(!rule.ok);
    assert_eq!(
        rule.message,
        "The signature verifies with the key supplied, but the service uses JWKS key 2."
    );
}

#[test]
fn a_token_is_expired_at_its_exp() {
    let claims = json!({"exp": NOW});
    let mut subject_claims = claims.as_object().unwrap().clone();
    subject_claims.remove("nbf");
    let signature = valid_signature();
    let subject = Subject {
        alg: Some("RS256"),
        signature: &signature,
        claims: Some(&subject_claims),
        window: Window {
            expires: Some(NOW),
            not_before: None,
            issued: None,
        },
        now: NOW,
        leeway: 0,
    };
    assert!(!evaluate(&subject, &Expectations::default()).accepted);
}
