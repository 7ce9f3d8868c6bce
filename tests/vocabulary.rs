//! Every string of the report's vocabulary, pinned: a finding id, vendor
//! id, state or kind that is renamed or removed fails here, even when no
//! fixture produces it (the report snapshots only pin what the fixtures
//! reach). A new value is added by regenerating the file with
//! `UPDATE_SNAPSHOTS=1 cargo test --test vocabulary` and documenting it in
//! docs/report.md.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use jwt_inspector::analysis::sign::refusals::RefusalCase;
use jwt_inspector::analysis::vocab::{
    Change, ClaimState, Confidence, ExpectationRule, FindingId, KeyType, KeystoneFormat, KidMatch,
    LifetimeRule, LinkClaim, NoticeId, Refusal, SecretEncoding, Severity, SignatureMatch,
    SignatureStatus, SourceKind, TimeSource, TokenErrorId, TokenKind, ValidityState, VendorId,
};
use serde_json::{Map, Value, json};
use std::path::PathBuf;

fn strings<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Value {
    json!(all.iter().map(|v| as_str(*v)).collect::<Vec<_>>())
}

fn vocabulary() -> Value {
    let mut v = Map::new();
    v.insert(
        "FindingId".into(),
        strings(FindingId::ALL, FindingId::as_str),
    );
    v.insert("Severity".into(), strings(Severity::ALL, Severity::as_str));
    v.insert(
        "TokenErrorId".into(),
        strings(TokenErrorId::ALL, TokenErrorId::as_str),
    );
    v.insert("NoticeId".into(), strings(NoticeId::ALL, NoticeId::as_str));
    v.insert("VendorId".into(), strings(VendorId::ALL, VendorId::as_str));
    v.insert(
        "TokenKind".into(),
        strings(TokenKind::ALL, TokenKind::as_str),
    );
    v.insert(
        "SourceKind".into(),
        strings(SourceKind::ALL, SourceKind::as_str),
    );
    v.insert(
        "KeystoneFormat".into(),
        strings(KeystoneFormat::ALL, KeystoneFormat::as_str),
    );
    v.insert(
        "SignatureStatus".into(),
        strings(SignatureStatus::ALL, SignatureStatus::as_str),
    );
    v.insert(
        "SignatureMatch".into(),
        strings(SignatureMatch::ALL, SignatureMatch::as_str),
    );
    v.insert(
        "ValidityState".into(),
        strings(ValidityState::ALL, ValidityState::as_str),
    );
    v.insert(
        "ClaimState".into(),
        strings(ClaimState::ALL, ClaimState::as_str),
    );
    v.insert(
        "TimeSource".into(),
        strings(TimeSource::ALL, TimeSource::as_str),
    );
    v.insert(
        "Confidence".into(),
        strings(Confidence::ALL, Confidence::as_str),
    );
    v.insert(
        "LifetimeRule".into(),
        strings(LifetimeRule::ALL, LifetimeRule::as_str),
    );
    v.insert("KeyType".into(), strings(KeyType::ALL, KeyType::as_str));
    v.insert("KidMatch".into(), strings(KidMatch::ALL, KidMatch::as_str));
    v.insert("Refusal".into(), strings(Refusal::ALL, Refusal::as_str));
    v.insert("Change".into(), strings(Change::ALL, Change::as_str));
    v.insert(
        "LinkClaim".into(),
        strings(LinkClaim::ALL, LinkClaim::as_str),
    );
    v.insert(
        "ExpectationRule".into(),
        strings(ExpectationRule::ALL, ExpectationRule::as_str),
    );
    v.insert(
        "SecretEncoding".into(),
        strings(SecretEncoding::ALL, SecretEncoding::as_str),
    );
    v.insert(
        "RefusalCase".into(),
        strings(RefusalCase::ALL, RefusalCase::as_str),
    );
    Value::Object(v)
}

#[test]
fn every_vocabulary_string_is_pinned() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/vocabulary.json");
    let actual = serde_json::to_string_pretty(&vocabulary()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    let (want, got): (Value, Value) = (
        serde_json::from_str(&expected).unwrap(),
        serde_json::from_str(&actual).unwrap(),
    );
    for (name, strings) in want.as_object().unwrap() {
        for s in strings.as_array().unwrap() {
            assert!(
                got[name].as_array().is_some_and(|now| now.contains(s)),
                "{name} {s} was renamed or removed: report strings are never renamed"
            );
        }
    }
    assert_eq!(
        expected, actual,
        "a value was added: regenerate the file and document it"
    );
}

#[test]
fn every_vocabulary_string_is_in_the_report_documentation() {
    let doc =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/report.md"))
            .unwrap();
    for (name, strings) in vocabulary().as_object().unwrap() {
        for s in strings.as_array().unwrap() {
            let s = s.as_str().unwrap();
            assert!(
                doc.contains(&format!("`{s}`")),
                "docs/report.md does not document {name} `{s}`"
            );
        }
    }
}
