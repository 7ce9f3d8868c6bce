//! States: of a signature, of a token's validity, of one time claim, and
//! how sure an issuer recognition is.

use super::vocabulary;

vocabulary! {
    /// The signature verdict. `valid` only when a signature was checked
    /// with a key the person supplied.
    pub enum SignatureStatus {
        Valid = "valid",
        Invalid = "invalid",
        Unchecked = "unchecked",
        Unsupported = "unsupported",
    }
}

vocabulary! {
    /// The token's state at an instant (`validity.state`).
    pub enum ValidityState {
        NotYetValid = "not-yet-valid",
        Valid = "valid",
        ExpiringSoon = "expiring-soon",
        Expired = "expired",
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
        Valid = "valid",
        Expired = "expired",
        NotYetValid = "not-yet-valid",
        Past = "past",
        Future = "future",
        Unreadable = "unreadable",
    }
}

vocabulary! {
    /// Where a time value was read (`times.*.source`).
    pub enum TimeSource {
        Payload = "payload",
        KeystoneToken = "keystone token",
        Reply = "reply",
        FernetToken = "fernet token",
    }
}

vocabulary! {
    /// How sure an issuer recognition is (`vendor.confidence`).
    pub enum Confidence {
        High = "high",
        Medium = "medium",
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
        Maximum = "maximum",
        Minimum = "minimum",
    }
}
