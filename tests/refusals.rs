//! The tokens a service must refuse (issue 13 §3): made from a valid token
//! and its key, each case gets the verdict our own inspector must give it,
//! for an RSA, an EC, an Ed25519 and an HMAC-signed token.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use jwt_inspector::analysis::expectations::Expectations;
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::report::TokenReport;
use jwt_inspector::analysis::sign::keygen::{self, KeySpec};
use jwt_inspector::analysis::sign::refusals::{RefusalCase, refusal_set};
use jwt_inspector::analysis::sign::{self, Layout, SigningKey, export};
use jwt_inspector::analysis::vocab::{
    FindingId, JwsAlg, SignatureMatch, SignatureStatus, ValidityState,
};
use jwt_inspector::analysis::{Options, analyse};
use std::sync::Arc;

const NOW: i64 = 1_780_272_000;
const ISSUER: &str = "https://issuer.example";
const AUDIENCE: &str = "https://service.example";

/// The service's view: its key, the issuer and audience it expects.
fn inspect(token: &str, key: &SigningKey, alg: JwsAlg) -> TokenReport {
    let forms = export::public_forms(key, alg, None).unwrap();
    let mut keys = KeySet::default();
    keys.add_text(&forms.pem.unwrap_or_else(|| forms.jwks.to_string()));
    let expectations = Expectations {
        issuers: vec![ISSUER.into()],
        audiences: vec![AUDIENCE.into()],
        ..Expectations::default()
    };
    let options = Options::at(NOW)
        .verified_by(Arc::new(keys))
        .expecting(expectations);
    analyse(token, &options).tokens.remove(0)
}

fn has(report: &TokenReport, id: FindingId) -> bool {
    report.findings.iter().any(|f| f.id == id)
}

#[test]
fn every_refusal_is_refused_by_the_inspector() {
    for alg in [JwsAlg::RS256, JwsAlg::ES256, JwsAlg::EdDSA, JwsAlg::HS256] {
        let mut rng = getrandom::SysRng;
        let key = keygen::generate(KeySpec::for_alg(alg), &mut rng).unwrap();
        let claims = format!(
            r#"{{"iss":"{ISSUER}","aud":"{AUDIENCE}","sub":"alice","iat":{},"exp":{}}}"#,
            NOW - 60,
            NOW + 3600
        );
        let valid = sign::sign(
            &format!(r#"{{"alg":"{}","typ":"JWT"}}"#, alg.name()),
            &claims,
            &key,
            Layout::Compact,
            NOW,
            &mut rng,
        )
        .unwrap();
        // The starting token is accepted.
        let accepted = inspect(&valid.token, &key, alg);
        assert_eq!(accepted.signature.status, SignatureStatus::Valid, "{alg:?}");
        assert!(accepted.expectations.as_ref().unwrap().accepted, "{alg:?}");

        let set = refusal_set(&valid.token, &key, NOW, None, &mut rng).unwrap();
        let asymmetric = alg != JwsAlg::HS256;
        assert_eq!(set.len(), if asymmetric { 14 } else { 12 }, "{alg:?}");
        for refusal in &set {
            let report = inspect(&refusal.token, &key, alg);
            let label = format!("{alg:?} {}", refusal.case);
            let signature = &report.signature;
            let expectations_accept = report.expectations.as_ref().is_some_and(|e| e.accepted);
            match refusal.case {
                RefusalCase::AlgNone
                | RefusalCase::AlgNoneCapitalised
                | RefusalCase::AlgNoneUpper => {
                    assert_ne!(signature.status, SignatureStatus::Valid, "{label}");
                    assert!(!expectations_accept, "{label}");
                }
                RefusalCase::ConfusionPem | RefusalCase::ConfusionDer => {
                    assert!(
                        has(&report, FindingId::AlgConfusionForged),
                        "{label}: {:?}",
                        report.findings
                    );
                    assert_ne!(signature.status, SignatureStatus::Valid, "{label}");
                }
                RefusalCase::Expired => {
                    assert_eq!(signature.status, SignatureStatus::Valid, "{label}");
                    assert_eq!(report.validity.state, ValidityState::Expired, "{label}");
                    assert!(!expectations_accept, "{label}");
                }
                RefusalCase::NotYetValid => {
                    assert_eq!(signature.status, SignatureStatus::Valid, "{label}");
                    assert_eq!(report.validity.state, ValidityState::NotYetValid, "{label}");
                    assert!(!expectations_accept, "{label}");
                }
                RefusalCase::OtherAudience | RefusalCase::OtherIssuer => {
                    assert_eq!(signature.status, SignatureStatus::Valid, "{label}");
                    assert!(!expectations_accept, "{label}");
                }
                RefusalCase::FlippedSignatureBit => {
                    assert_eq!(
                        signature.matched,
                        SignatureMatch::DoesNotMatch,
                        "{label}: {}",
                        signature.message
                    );
                }
                RefusalCase::StrippedSignature => {
                    assert_ne!(signature.status, SignatureStatus::Valid, "{label}");
                    assert!(
                        has(&report, FindingId::SignatureMissing),
                        "{label}: {:?}",
                        report.findings
                    );
                }
                RefusalCase::EmbeddedJwk => {
                    assert!(has(&report, FindingId::EmbeddedJwk), "{label}");
                    assert_ne!(signature.status, SignatureStatus::Valid, "{label}");
                }
                RefusalCase::KidPathTraversal => {
                    assert!(
                        has(&report, FindingId::KidSuspicious),
                        "{label}: {:?}",
                        report.findings
                    );
                    assert_ne!(signature.status, SignatureStatus::Valid, "{label}");
                }
                RefusalCase::PsychicSignature => {
                    assert!(
                        has(&report, FindingId::EcdsaScalarOutOfRange),
                        "{label}: {:?}",
                        report.findings
                    );
                    assert_ne!(signature.status, SignatureStatus::Valid, "{label}");
                }
            }
            assert!(
                refusal
                    .curl
                    .contains(&format!("Authorization: Bearer {}", refusal.token)),
                "{label}"
            );
            assert!(!refusal.reason.is_empty());
        }
    }
}

#[test]
fn a_token_that_is_no_signed_jwt_is_refused_with_a_reason() {
    let key = SigningKey::Secret(vec![1; 32]);
    let error = refusal_set("not.a-token", &key, NOW, None, &mut getrandom::SysRng).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("the token to start from must be a signed JWT: it has 2 segments"),
        "{error}"
    );
}

#[test]
fn an_expired_starting_token_still_gives_cases_with_one_flaw_each() {
    let mut rng = getrandom::SysRng;
    let key = keygen::generate(KeySpec::for_alg(JwsAlg::ES256), &mut rng).unwrap();
    let claims = format!(
        r#"{{"iss":"{ISSUER}","aud":"{AUDIENCE}","exp":{},"nbf":{}}}"#,
        NOW - 86_400,
        NOW - 90_000
    );
    let expired = sign::sign(
        r#"{"alg":"ES256"}"#,
        &claims,
        &key,
        Layout::Compact,
        NOW,
        &mut rng,
    )
    .unwrap();
    let set = refusal_set(&expired.token, &key, NOW, None, &mut rng).unwrap();
    for refusal in &set {
        let report = inspect(&refusal.token, &key, JwsAlg::ES256);
        match refusal.case {
            RefusalCase::Expired => assert_eq!(report.validity.state, ValidityState::Expired),
            RefusalCase::NotYetValid => {
                assert_eq!(report.validity.state, ValidityState::NotYetValid)
            }
            case => assert_eq!(
                report.validity.state,
                ValidityState::Valid,
                "{case}: only one flaw"
            ),
        }
        if matches!(
            refusal.case,
            RefusalCase::OtherAudience | RefusalCase::OtherIssuer
        ) {
            assert_eq!(
                report.signature.status,
                SignatureStatus::Valid,
                "{}",
                refusal.case
            );
            let failed: Vec<&str> = report
                .expectations
                .as_ref()
                .unwrap()
                .rules
                .iter()
                .filter(|r| !r.ok)
                .map(|r| r.id.as_str())
                .collect();
            assert_eq!(failed.len(), 1, "{}: {failed:?}", refusal.case);
        }
    }
}

#[test]
fn a_wrong_key_or_a_header_line_without_its_token_is_refused() {
    let mut rng = getrandom::SysRng;
    let key = keygen::generate(KeySpec::for_alg(JwsAlg::RS256), &mut rng).unwrap();
    let other = keygen::generate(KeySpec::for_alg(JwsAlg::RS256), &mut rng).unwrap();
    let token = sign::sign(
        r#"{"alg":"RS256"}"#,
        "{}",
        &key,
        Layout::Compact,
        NOW,
        &mut rng,
    )
    .unwrap()
    .token;
    let error = refusal_set(&token, &other, NOW, None, &mut rng).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("the starting token is not signed by the key given"),
        "{error}"
    );
    let error =
        refusal_set(&token, &key, NOW, Some("Authorization: Bearer"), &mut rng).unwrap_err();
    assert!(
        error.to_string().contains("has no <token> to replace"),
        "{error}"
    );
}
