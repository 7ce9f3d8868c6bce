//! What a careful reviewer would flag, as stable ids with a severity, one
//! sentence for a person, and the RFC or CVE behind it.
//!
//! Ids are part of the JSON report contract and the page's
//! `data-finding-id`: add new ones, never rename old ones.

use crate::analysis::report::Text;
use serde::{Deserialize, Serialize};

/// How much a finding matters, from "worth knowing" to "this token proves nothing".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// Every finding the inspector can raise. The id string, default severity
/// and reference live here so they are defined once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FindingId {
    AlgNone,
    AlgMissing,
    Base64UrlPadding,
    Base64UrlStandardAlphabet,
    Base64UrlNonCanonical,
    DuplicateMember,
    NotStrictJson,
    Encrypted,
    NestedToken,
    NestingTooDeep,
    Fragment,
    SignatureMissing,
    UnsecuredWithSignature,
    PayloadNotJson,
    TypUnexpected,
    Opaque,
    AlgConfusion,
    AlgConfusionForged,
    WeakRsaKey,
    RocaKey,
    RsaExponentUnusual,
    HmacSecretTooShort,
    JkuPresent,
    X5uPresent,
    EmbeddedJwk,
    EmbeddedX5c,
    CritUnknown,
    CritInvalid,
    B64False,
    KidSuspicious,
    EcdsaDerSignature,
    EcdsaScalarOutOfRange,
    SignatureLengthWrong,
    TimeMilliseconds,
    TimeNegative,
    TimeNotNumber,
    NbfAfterExp,
    IatInFuture,
    LifetimeUnusual,
    ExpMissing,
    FernetEncrypted,
}

impl FindingId {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingId::AlgNone => "alg-none",
            FindingId::AlgMissing => "alg-missing",
            FindingId::Base64UrlPadding => "base64url-padding",
            FindingId::Base64UrlStandardAlphabet => "base64url-standard-alphabet",
            FindingId::Base64UrlNonCanonical => "base64url-non-canonical",
            FindingId::DuplicateMember => "json-duplicate-member",
            FindingId::NotStrictJson => "json-not-strict",
            FindingId::Encrypted => "jwe-encrypted",
            FindingId::NestedToken => "nested-jwt",
            FindingId::NestingTooDeep => "nested-jwt-too-deep",
            FindingId::Fragment => "token-fragment",
            FindingId::SignatureMissing => "signature-missing",
            FindingId::UnsecuredWithSignature => "alg-none-with-signature",
            FindingId::PayloadNotJson => "payload-not-json",
            FindingId::TypUnexpected => "typ-unexpected",
            FindingId::Opaque => "opaque-token",
            FindingId::AlgConfusion => "alg-confusion",
            FindingId::AlgConfusionForged => "alg-confusion-forged",
            FindingId::WeakRsaKey => "rsa-key-too-small",
            FindingId::RocaKey => "rsa-key-roca",
            FindingId::RsaExponentUnusual => "rsa-exponent-unusual",
            FindingId::HmacSecretTooShort => "hmac-secret-too-short",
            FindingId::JkuPresent => "jku-present",
            FindingId::X5uPresent => "x5u-present",
            FindingId::EmbeddedJwk => "embedded-jwk",
            FindingId::EmbeddedX5c => "embedded-x5c",
            FindingId::CritUnknown => "crit-unknown",
            FindingId::CritInvalid => "crit-invalid",
            FindingId::B64False => "b64-false",
            FindingId::KidSuspicious => "kid-suspicious",
            FindingId::EcdsaDerSignature => "ecdsa-der-signature",
            FindingId::EcdsaScalarOutOfRange => "ecdsa-signature-out-of-range",
            FindingId::SignatureLengthWrong => "signature-length-wrong",
            FindingId::TimeMilliseconds => "time-milliseconds",
            FindingId::TimeNegative => "time-negative",
            FindingId::TimeNotNumber => "time-not-numeric",
            FindingId::NbfAfterExp => "nbf-after-exp",
            FindingId::IatInFuture => "iat-in-future",
            FindingId::LifetimeUnusual => "lifetime-unusual",
            FindingId::ExpMissing => "exp-missing",
            FindingId::FernetEncrypted => "keystone-fernet-encrypted",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            FindingId::TimeMilliseconds
            | FindingId::TimeNegative
            | FindingId::TimeNotNumber
            | FindingId::IatInFuture
            | FindingId::ExpMissing => Severity::Medium,
            FindingId::NbfAfterExp => Severity::High,
            FindingId::LifetimeUnusual => Severity::Low,
            FindingId::AlgConfusion | FindingId::AlgConfusionForged | FindingId::RocaKey => {
                Severity::Critical
            }
            FindingId::WeakRsaKey
            | FindingId::HmacSecretTooShort
            | FindingId::EmbeddedJwk
            | FindingId::EmbeddedX5c
            | FindingId::CritUnknown
            | FindingId::CritInvalid
            | FindingId::B64False
            | FindingId::KidSuspicious
            | FindingId::EcdsaDerSignature
            | FindingId::EcdsaScalarOutOfRange
            | FindingId::SignatureLengthWrong => Severity::High,
            FindingId::RsaExponentUnusual => Severity::Info,
            FindingId::JkuPresent | FindingId::X5uPresent => Severity::Medium,
            FindingId::AlgNone => Severity::Critical,
            FindingId::AlgMissing
            | FindingId::DuplicateMember
            | FindingId::SignatureMissing
            | FindingId::UnsecuredWithSignature => Severity::High,
            FindingId::Base64UrlStandardAlphabet
            | FindingId::Base64UrlNonCanonical
            | FindingId::NotStrictJson
            | FindingId::PayloadNotJson
            | FindingId::NestingTooDeep => Severity::Medium,
            FindingId::Base64UrlPadding | FindingId::TypUnexpected => Severity::Low,
            FindingId::Encrypted
            | FindingId::FernetEncrypted
            | FindingId::NestedToken
            | FindingId::Fragment
            | FindingId::Opaque => Severity::Info,
        }
    }

    pub fn reference(self) -> &'static str {
        match self {
            FindingId::AlgNone => "RFC 7519 §6; RFC 8725 §2.1, §3.1",
            FindingId::AlgMissing => "RFC 7515 §4.1.1",
            FindingId::Base64UrlPadding | FindingId::Base64UrlStandardAlphabet => "RFC 7515 §2",
            FindingId::Base64UrlNonCanonical => "RFC 7515 §2; RFC 4648 §3.5",
            FindingId::DuplicateMember => "RFC 7515 §5.2; RFC 7519 §4; RFC 8259 §4",
            FindingId::NotStrictJson | FindingId::PayloadNotJson => "RFC 7519 §7.2; RFC 8259",
            FindingId::Encrypted => "RFC 7516 §3.1",
            FindingId::NestedToken | FindingId::NestingTooDeep => "RFC 7519 §5.2, §7.2 step 8",
            FindingId::Fragment | FindingId::SignatureMissing => "RFC 7515 §3.1, §7.1",
            FindingId::UnsecuredWithSignature => "RFC 7519 §6.1",
            FindingId::TypUnexpected => "RFC 7519 §5.1; RFC 8725 §3.11",
            FindingId::Opaque => "RFC 6749 §1.4",
            FindingId::AlgConfusion => "RFC 8725 §2.1, §3.1; CVE-2015-9235",
            FindingId::AlgConfusionForged => "RFC 8725 §2.1; CVE-2015-9235, CVE-2016-10555",
            FindingId::WeakRsaKey => "RFC 7518 §3.3",
            FindingId::RocaKey => "CVE-2017-15361",
            FindingId::RsaExponentUnusual => "RFC 8017 §3.1; NIST SP 800-56B §6.2",
            FindingId::HmacSecretTooShort => "RFC 7518 §3.2",
            FindingId::JkuPresent => "RFC 7515 §4.1.2; RFC 8725 §3.10",
            FindingId::X5uPresent => "RFC 7515 §4.1.5; RFC 8725 §3.10",
            FindingId::EmbeddedJwk => "RFC 7515 §4.1.3; CVE-2018-0114",
            FindingId::EmbeddedX5c => "RFC 7515 §4.1.6",
            FindingId::CritUnknown => "RFC 7515 §4.1.11",
            FindingId::CritInvalid => "RFC 7515 §4.1.11",
            FindingId::B64False => "RFC 7797 §3, §7",
            FindingId::KidSuspicious => "RFC 7515 §4.1.4; RFC 8725 §3.10",
            FindingId::EcdsaDerSignature => "RFC 7518 §3.4",
            FindingId::EcdsaScalarOutOfRange => "RFC 7518 §3.4; CVE-2022-21449",
            FindingId::SignatureLengthWrong => "RFC 7518 §3",
            FindingId::TimeMilliseconds => "RFC 7519 §2",
            FindingId::TimeNegative => "RFC 7519 §2",
            FindingId::TimeNotNumber => "RFC 7519 §2, §4.1.4",
            FindingId::NbfAfterExp => "RFC 7519 §4.1.4, §4.1.5",
            FindingId::IatInFuture => "RFC 7519 §4.1.6",
            FindingId::LifetimeUnusual => "issuer documentation",
            FindingId::ExpMissing => "RFC 7519 §4.1.4; RFC 8725 §3.10",
            FindingId::FernetEncrypted => "Fernet spec (github.com/fernet/spec)",
        }
    }
}

/// One flagged observation about a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: Text,
    pub severity: Severity,
    pub message: String,
    pub reference: Text,
}

impl Finding {
    pub fn new(id: FindingId, message: impl Into<String>) -> Self {
        Finding {
            id: id.as_str().into(),
            severity: id.severity(),
            message: message.into(),
            reference: id.reference().into(),
        }
    }
}
