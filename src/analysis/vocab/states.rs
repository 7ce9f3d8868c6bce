//! States: of a signature, of a token's validity, of one time claim, and
//! how sure an issuer recognition is.

use super::vocabulary;

vocabulary! {
    /// The signature verdict. `valid` only when a signature was checked
    /// with a key the person supplied.
    pub enum SignatureStatus {
        /// Checked with a key the person supplied, and it matched.
        Valid = "valid",
        /// Checked and it does not match, or it matched but a rule refuses it
        /// (`matched_but_refused`).
        Invalid = "invalid",
        /// Not checked: no key supplied, none fits, a key could not be read, or
        /// the signature segment is missing.
        Unchecked = "unchecked",
        /// Nothing to verify (`alg` none, a JWE, a Fernet or opaque token), or
        /// an `alg` the inspector does not verify.
        Unsupported = "unsupported",
    }
}

vocabulary! {
    /// The cryptographic answer alone (`signature.match`): whether the
    /// signature was computed with a supplied key, whatever policy then
    /// says of it. `status` adds the policy: a signature that `matches`
    /// can still be `invalid` when a strict verifier refuses it
    /// (`matched_but_refused`).
    #[derive(Default)]
    pub enum SignatureMatch {
        /// The signature verifies with the key in `signature.key`.
        Matches = "matches",
        /// A supplied key was tried and the signature is not its work.
        DoesNotMatch = "does-not-match",
        /// No supplied key was tried: no key, none of the right type, or
        /// the token is unsigned, encrypted or malformed.
        #[default]
        NotTried = "not-tried",
    }
}

vocabulary! {
    /// What came of decrypting a JWE (`decryption.status`).
    pub enum DecryptionStatus {
        /// A supplied key decrypted it: the plaintext is the payload.
        Decrypted = "decrypted",
        /// Keys that fit were supplied, and none decrypted it.
        Failed = "failed",
        /// No supplied key fits its `alg` (or none was supplied).
        NoKey = "no-key",
        /// Its `alg`, `enc` or `zip` is not one this tool decrypts, or a
        /// header value was refused before any work.
        Unsupported = "unsupported",
    }
}

vocabulary! {
    /// The token's state at an instant (`validity.state`).
    pub enum ValidityState {
        /// Before `nbf`, beyond the leeway.
        NotYetValid = "not-yet-valid",
        /// Within its window.
        Valid = "valid",
        /// Within 5 min of `exp` (or a fifth of a short lifetime), or past
        /// `exp` but within the leeway.
        ExpiringSoon = "expiring-soon",
        /// Past `exp` and the leeway.
        Expired = "expired",
        /// The token carries no readable expiry.
        NoExpiry = "no-expiry",
        /// The expiry is not readable (inside a Fernet token's ciphertext).
        Unknown = "unknown",
    }
}

vocabulary! {
    /// One time value's state (`times.*.state`): expiries are `expired` or
    /// `valid`, `nbf` is `not-yet-valid` or `valid`, issue times `past` or
    /// `future`.
    pub enum ClaimState {
        /// An expiry still ahead, or an `nbf` already reached (leeway
        /// included).
        Valid = "valid",
        /// An expiry passed, leeway included.
        Expired = "expired",
        /// An `nbf` still ahead, beyond the leeway.
        NotYetValid = "not-yet-valid",
        /// An issue or other time at or before now (plus the leeway).
        Past = "past",
        /// An issue or other time after now plus the leeway.
        Future = "future",
        /// Not a date; `problem` says why.
        Unreadable = "unreadable",
    }
}

vocabulary! {
    /// Where a time value was read (`times.*.source`).
    pub enum TimeSource {
        /// A claim of the JWT payload.
        Payload = "payload",
        /// The token JSON inside a Keystone PKI / PKIZ token.
        KeystoneToken = "keystone token",
        /// The JSON reply the token came in (`issued_at`, `expires_in`).
        Reply = "reply",
        /// A Keystone Fernet token's clear timestamp.
        FernetToken = "fernet token",
    }
}

vocabulary! {
    /// How sure an issuer recognition is (`vendor.confidence`).
    pub enum Confidence {
        /// Evidence score 80 or more: little doubt.
        High = "high",
        /// Score 55 to 79: it fits this issuer, but not only this one.
        Medium = "medium",
        /// Score 40 to 54: a hint; below 40 no issuer is named.
        Low = "low",
    }
}

impl Confidence {
    /// The confidence an evidence score earns.
    pub fn from_score(score: u32) -> Self {
        match score {
            80.. => Confidence::High,
            55..80 => Confidence::Medium,
            _ => Confidence::Low,
        }
    }
}

vocabulary! {
    /// How an issuer's documented lifetime bounds a token
    /// (`vendor.expected_lifetime.rule`).
    pub enum LifetimeRule {
        /// The usual lifetime; a token more than 10 % off is unusual.
        Default = "default",
        /// The issuer allows no longer lifetime.
        Maximum = "maximum",
        /// The issuer issues no shorter lifetime.
        Minimum = "minimum",
    }
}
