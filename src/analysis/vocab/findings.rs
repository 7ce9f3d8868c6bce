//! Finding ids (the report's `findings[].id` and the page's
//! `data-finding-id`), with the severity and the reference behind each,
//! defined once.

use super::vocabulary;

vocabulary! {
    /// How much a finding matters, from "worth knowing" to "this token proves nothing".
    #[derive(PartialOrd, Ord)]
    pub enum Severity {
        /// Worth knowing; nothing wrong in itself.
        Info = "info",
        /// Unusual, or a minor deviation from the specification.
        Low = "low",
        /// A weakness, or something some verifiers reject or misread.
        Medium = "medium",
        /// Verifiers should reject the token, or it invites a known attack.
        High = "high",
        /// The token proves nothing: anyone could have made it.
        Critical = "critical",
    }
}

vocabulary! {
    /// Every finding the inspector can raise.
    pub enum FindingId {
        /// `alg` is `none`, in any letter case: the token is unsecured and
        /// anyone can write one.
        AlgNone = "alg-none",
        /// The header has no `alg`, which RFC 7515 §4.1.1 requires.
        AlgMissing = "alg-missing",
        /// A segment ends in `=` padding, which base64url in JOSE omits.
        Base64UrlPadding = "base64url-padding",
        /// A segment uses `+` or `/` from standard base64.
        Base64UrlStandardAlphabet = "base64url-standard-alphabet",
        /// A segment's last character has non-zero unused bits, so the same
        /// bytes have another encoding.
        Base64UrlNonCanonical = "base64url-non-canonical",
        /// The header or payload names a member twice: libraries disagree on
        /// which copy counts.
        DuplicateMember = "json-duplicate-member",
        /// The header or payload has a trailing comma; it is shown as if the
        /// comma were absent.
        NotStrictJson = "json-not-strict",
        /// A JWE: the claims are encrypted for the recipient.
        Encrypted = "jwe-encrypted",
        /// A JWE whose content key is wrapped with RSA1_5 (RSAES-PKCS1-v1_5),
        /// which RFC 8725 §3.2 advises against (Bleichenbacher).
        JweRsa15 = "jwe-rsa1-5",
        /// The supplied key did not decrypt the JWE: the step that failed,
        /// for the person (the verdict's message stays generic).
        JweDecryptionFailed = "jwe-decryption-failed",
        /// The payload is itself a token, decoded one level down.
        NestedToken = "nested-jwt",
        /// Tokens are nested more than three levels deep; the rest is not
        /// decoded.
        NestingTooDeep = "nested-jwt-too-deep",
        /// Only part of a token: the header alone, or header.payload without
        /// a signature segment.
        Fragment = "token-fragment",
        /// The signature segment is empty although `alg` requires a signature:
        /// the token was stripped or never signed.
        SignatureMissing = "signature-missing",
        /// `alg` is `none` but the signature segment is not empty.
        UnsecuredWithSignature = "alg-none-with-signature",
        /// The payload is not JSON, so this is a JWS but not a JWT.
        PayloadNotJson = "payload-not-json",
        /// `typ` says the token is not a JWT where one is expected; no check
        /// raises it at present.
        TypUnexpected = "typ-unexpected",
        /// A token-bearing JSON field holds an opaque token, which only its
        /// issuer can interpret.
        Opaque = "opaque-token",
        /// The header asks for HMAC while only public keys are offered: the
        /// algorithm-confusion attack.
        AlgConfusion = "alg-confusion",
        /// The signature is an HMAC keyed with a supplied public key: the token
        /// is forged.
        AlgConfusionForged = "alg-confusion-forged",
        /// The RSA key is under 2048 bits (RFC 7518 §3.3).
        WeakRsaKey = "rsa-key-too-small",
        /// The RSA key comes from the Infineon library broken by ROCA: its
        /// private key can be computed.
        RocaKey = "rsa-key-roca",
        /// The RSA public exponent is not 65537.
        RsaExponentUnusual = "rsa-exponent-unusual",
        /// The HMAC secret is shorter than the hash output (RFC 7518 §3.2).
        HmacSecretTooShort = "hmac-secret-too-short",
        /// The header names a key set URL (`jku`, RFC 7515 §4.1.2); never
        /// fetched here.
        JkuPresent = "jku-present",
        /// The header names a certificate chain URL (`x5u`, RFC 7515 §4.1.5);
        /// never fetched here.
        X5uPresent = "x5u-present",
        /// The header carries its own public key (`jwk`, RFC 7515 §4.1.3):
        /// anyone can sign with a key of their own and embed it.
        EmbeddedJwk = "embedded-jwk",
        /// The header carries a certificate chain (`x5c`, RFC 7515 §4.1.6),
        /// which proves nothing until validated against a trusted root.
        EmbeddedX5c = "embedded-x5c",
        /// `crit` (RFC 7515 §4.1.11) marks an extension this inspector does
        /// not understand as critical.
        CritUnknown = "crit-unknown",
        /// `crit` is malformed: not a non-empty list of names, or it lists a
        /// registered parameter or one the header lacks.
        CritInvalid = "crit-invalid",
        /// `b64: false` (RFC 7797): the payload is signed unencoded, so this is
        /// not a JWT.
        B64False = "b64-false",
        /// In a JWS JSON document, `alg` (or `kid`) is only in the unprotected
        /// `header`, which the signature does not cover.
        AlgUnprotected = "alg-unprotected",
        /// An ID token's `at_hash` does not match the access token beside it
        /// (OIDC Core §3.1.3.6).
        AtHashMismatch = "at-hash-mismatch",
        /// An ID token's `c_hash` does not match the code beside it (OIDC
        /// Core §3.3.2.11).
        CHashMismatch = "c-hash-mismatch",
        /// The `kid` holds a file path, SQL, a URL or shell characters: an
        /// injection attempt against key lookup.
        KidSuspicious = "kid-suspicious",
        /// An ECDSA signature in ASN.1 DER instead of JWS's raw r ‖ s
        /// (RFC 7518 §3.4).
        EcdsaDerSignature = "ecdsa-der-signature",
        /// An ECDSA signature whose r or s is zero or not below the curve
        /// order ("psychic signatures").
        EcdsaScalarOutOfRange = "ecdsa-signature-out-of-range",
        /// The signature's length is not what the algorithm makes with the
        /// supplied key.
        SignatureLengthWrong = "signature-length-wrong",
        /// A time claim looks like milliseconds, not seconds (RFC 7519 §2).
        TimeMilliseconds = "time-milliseconds",
        /// A time claim is negative: a date before 1970.
        TimeNegative = "time-negative",
        /// A time claim is a string or another non-number where a NumericDate
        /// is required.
        TimeNotNumber = "time-not-numeric",
        /// `nbf` is after `exp`: the token can never be valid.
        NbfAfterExp = "nbf-after-exp",
        /// `iat` is in the future, beyond the leeway.
        IatInFuture = "iat-in-future",
        /// The lifetime differs from what the recognised issuer documents.
        LifetimeUnusual = "lifetime-unusual",
        /// The token has no `exp`: it never expires unless the server limits
        /// it.
        ExpMissing = "exp-missing",
        /// A Keystone Fernet token: only its creation time is readable.
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
            | FindingId::AtHashMismatch
            | FindingId::CHashMismatch
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
            FindingId::JkuPresent | FindingId::X5uPresent | FindingId::AlgUnprotected => {
                Severity::Medium
            }
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
            FindingId::JweRsa15 => Severity::Medium,
            FindingId::JweDecryptionFailed => Severity::Info,
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
            FindingId::JweRsa15 => "RFC 8725 §3.2; RFC 7516 §11.5",
            FindingId::JweDecryptionFailed => "RFC 7516 §5.2, §11.4",
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
            FindingId::AlgUnprotected => "RFC 7515 §7.2.1; RFC 8725 §3.1",
            FindingId::AtHashMismatch => "OpenID Connect Core 1.0 §3.1.3.6, §3.2.2.9",
            FindingId::CHashMismatch => "OpenID Connect Core 1.0 §3.3.2.11",
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
