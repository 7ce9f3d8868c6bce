//! Finding ids (the report's `findings[].id` and the page's
//! `data-finding-id`), with the severity and the reference behind each,
//! defined once.

use super::vocabulary;

vocabulary! {
    /// How much a finding matters, from "worth knowing" to "this token proves nothing".
    #[derive(PartialOrd, Ord)]
    pub enum Severity {
        Info = "info",
        Low = "low",
        Medium = "medium",
        High = "high",
        Critical = "critical",
    }
}

vocabulary! {
    /// Every finding the inspector can raise.
    pub enum FindingId {
        AlgNone = "alg-none",
        AlgMissing = "alg-missing",
        Base64UrlPadding = "base64url-padding",
        Base64UrlStandardAlphabet = "base64url-standard-alphabet",
        Base64UrlNonCanonical = "base64url-non-canonical",
        DuplicateMember = "json-duplicate-member",
        NotStrictJson = "json-not-strict",
        Encrypted = "jwe-encrypted",
        NestedToken = "nested-jwt",
        NestingTooDeep = "nested-jwt-too-deep",
        Fragment = "token-fragment",
        SignatureMissing = "signature-missing",
        UnsecuredWithSignature = "alg-none-with-signature",
        PayloadNotJson = "payload-not-json",
        TypUnexpected = "typ-unexpected",
        Opaque = "opaque-token",
        AlgConfusion = "alg-confusion",
        AlgConfusionForged = "alg-confusion-forged",
        WeakRsaKey = "rsa-key-too-small",
        RocaKey = "rsa-key-roca",
        RsaExponentUnusual = "rsa-exponent-unusual",
        HmacSecretTooShort = "hmac-secret-too-short",
        JkuPresent = "jku-present",
        X5uPresent = "x5u-present",
        EmbeddedJwk = "embedded-jwk",
        EmbeddedX5c = "embedded-x5c",
        CritUnknown = "crit-unknown",
        CritInvalid = "crit-invalid",
        B64False = "b64-false",
        KidSuspicious = "kid-suspicious",
        EcdsaDerSignature = "ecdsa-der-signature",
        EcdsaScalarOutOfRange = "ecdsa-signature-out-of-range",
        SignatureLengthWrong = "signature-length-wrong",
        TimeMilliseconds = "time-milliseconds",
        TimeNegative = "time-negative",
        TimeNotNumber = "time-not-numeric",
        NbfAfterExp = "nbf-after-exp",
        IatInFuture = "iat-in-future",
        LifetimeUnusual = "lifetime-unusual",
        ExpMissing = "exp-missing",
        FernetEncrypted = "keystone-fernet-encrypted",
    }
}

impl FindingId {
    /// The severity a finding of this kind carries.
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

    /// The RFC section, CVE or document behind the finding.
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
