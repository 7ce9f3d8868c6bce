//! The report's vocabulary: every id, kind and state the JSON report
//! carries, as enums serialised to the exact strings of the contract
//! (docs/report.md). This module is a leaf: it imports nothing from the
//! crate, so every other module can use it without a dependency cycle.
//!
//! Strings are part of the contract: add variants, never rename one.

mod algorithms;
mod expectations;
mod findings;
mod keys;
mod states;
mod tokens;

pub use algorithms::JwsAlg;
pub use expectations::{Change, ExpectationRule, LinkClaim};
pub use findings::{FindingId, Severity};
pub use keys::{KeyType, KidMatch, Refusal, SecretEncoding};
pub use states::{
    ClaimState, Confidence, DecryptionStatus, LifetimeRule, SignatureMatch, SignatureStatus,
    TimeSource, ValidityState,
};
pub use tokens::{
    KeystoneFormat, NoticeId, Segment, SourceKind, TokenErrorId, TokenKind, VendorId,
};

use std::borrow::Cow;

/// Text that is usually static (a label, a reference) but arrives owned
/// when a report is read back from JSON (the page's Web Worker sends one).
pub type Text = Cow<'static, str>;

/// Declares an enum whose variants serialise to fixed strings, with
/// `as_str`, `ALL`, `Display`, `Serialize` and `Deserialize` generated from
/// one table, so a string is written exactly once.
macro_rules! vocabulary {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The string the JSON report uses.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value whose report string is `text`.
            pub fn from_report_str(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                $name::from_report_str(&text).ok_or_else(|| {
                    serde::de::Error::unknown_variant(&text, &[$($text,)+])
                })
            }
        }
    };
}
pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string reads back to its value: `Deserialize` and `as_str`
    /// come from one table, and no two variants share a string.
    #[test]
    fn every_report_string_reads_back_to_its_value() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            as_str: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            let mut seen = std::collections::HashSet::new();
            for &value in all {
                assert!(seen.insert(as_str(value)), "{value:?} repeats a string");
                assert_eq!(parse(as_str(value)), Some(value));
            }
        }
        check(
            FindingId::ALL,
            FindingId::as_str,
            FindingId::from_report_str,
        );
        check(
            TokenErrorId::ALL,
            TokenErrorId::as_str,
            TokenErrorId::from_report_str,
        );
        check(NoticeId::ALL, NoticeId::as_str, NoticeId::from_report_str);
        check(VendorId::ALL, VendorId::as_str, VendorId::from_report_str);
        check(
            ValidityState::ALL,
            ValidityState::as_str,
            ValidityState::from_report_str,
        );
        check(
            ClaimState::ALL,
            ClaimState::as_str,
            ClaimState::from_report_str,
        );
        check(KidMatch::ALL, KidMatch::as_str, KidMatch::from_report_str);
        check(Refusal::ALL, Refusal::as_str, Refusal::from_report_str);
        check(
            TokenKind::ALL,
            TokenKind::as_str,
            TokenKind::from_report_str,
        );
        check(
            SourceKind::ALL,
            SourceKind::as_str,
            SourceKind::from_report_str,
        );
    }

    #[test]
    fn an_unknown_string_is_refused_with_the_known_ones_listed() {
        let error = serde_json::from_str::<VendorId>("\"nobody\"").unwrap_err();
        assert!(
            error.to_string().contains("unknown variant `nobody`"),
            "{error}"
        );
        assert_eq!(
            serde_json::to_string(&VendorId::DockerRegistry).unwrap(),
            "\"docker-registry\""
        );
    }
}
