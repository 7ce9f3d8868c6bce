//! The pure core: finds tokens in pasted text, decodes them, verifies them
//! with the keys supplied, recognises their issuer and evaluates their
//! times. No DOM, no clock, no network: `now` is an argument, and all of it
//! compiles and is tested natively (tests/core_is_pure.rs checks this).

pub mod base64url;
pub mod decode;
pub mod finder;
pub mod finding;
pub mod header;
pub mod job;
pub mod json;
pub mod key_report;
#[cfg(feature = "crypto")]
pub mod keys;
pub mod keystone;
pub mod report;
pub mod timefmt;
pub mod times;
mod token;
pub mod vendor;
pub mod verdict;
#[cfg(feature = "crypto")]
pub mod verify;
pub mod vocab;

#[cfg(feature = "crypto")]
use keys::KeySet;
use report::Report;
#[cfg(feature = "crypto")]
use std::sync::Arc;

/// What the analysis needs besides the pasted text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The instant to evaluate times against (Unix seconds): the clock, or
    /// the "as of" instant a person chose.
    pub now: i64,
    /// Seconds of clock skew tolerated around `exp` and `nbf`.
    pub leeway: i64,
    /// The keys the person supplied (parsed once, shared). Without the
    /// `crypto` feature there are none: the page's light build hands
    /// anything needing keys to its Web Worker.
    #[cfg(feature = "crypto")]
    pub keys: Arc<KeySet>,
}

impl Options {
    /// Options with no keys and no leeway, evaluated at `now`.
    pub fn at(now: i64) -> Self {
        Options {
            now,
            ..Options::default()
        }
    }
}

/// Finds and analyses every token in `input`.
pub fn analyse(input: &str, options: &Options) -> Report {
    analyse_first(input, options, usize::MAX)
}

/// Finds every token in `input` but analyses only the first `limit`; the
/// report then gives the total in `total_tokens` (the page lists at most a
/// few hundred; the CLI analyses all).
pub fn analyse_first(input: &str, options: &Options, limit: usize) -> Report {
    let found = finder::find_tokens(input);
    let key_reports = key_reports(options);
    let total = found.tokens.len();
    let mut notices = found.notices;
    if total > limit {
        notices.push(finder::Notice {
            id: vocab::NoticeId::TokensTruncated,
            severity: vocab::Severity::Info,
            message: format!("The paste holds {total} tokens; the first {limit} are listed and analysed here. The command-line tool jwt-inspect analyses all of them."),
        });
    }
    Report {
        tokens: found
            .tokens
            .into_iter()
            .take(limit)
            .map(|token| token::analyse(token, options, &key_reports))
            .collect(),
        notices,
        keys: key_reports,
        key_errors: key_errors(options),
        total_tokens: (total > limit).then_some(total),
    }
}

#[cfg(feature = "crypto")]
fn key_reports(options: &Options) -> Vec<key_report::KeyReport> {
    options.keys.keys.iter().map(keys::Key::report).collect()
}

#[cfg(not(feature = "crypto"))]
fn key_reports(_options: &Options) -> Vec<key_report::KeyReport> {
    Vec::new()
}

#[cfg(feature = "crypto")]
fn key_errors(options: &Options) -> Vec<key_report::KeyError> {
    options.keys.errors.clone()
}

#[cfg(not(feature = "crypto"))]
fn key_errors(_options: &Options) -> Vec<key_report::KeyError> {
    Vec::new()
}
