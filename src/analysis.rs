//! The pure core: finds tokens in pasted text, decodes them, verifies them
//! with the keys supplied, recognises their issuer and evaluates their
//! times. No DOM, no clock, no network: `now` is an argument, and all of it
//! compiles and is tested natively (tests/core_is_pure.rs checks this).

#![warn(missing_docs)]

pub mod base64url;
pub mod compare;
pub mod decode;
#[cfg(feature = "crypto")]
pub mod decrypt;
pub mod encode;
pub mod expectations;
pub mod files;
pub mod finder;
pub mod finding;
pub mod header;
pub mod job;
pub mod json;
pub mod jwe_json;
pub mod jws_json;
pub mod key_report;
#[cfg(feature = "crypto")]
pub mod keys;
pub mod keystone;
pub mod links;
mod options;
pub mod pem;
pub mod redact;
pub mod report;
#[cfg(feature = "crypto")]
pub mod sign;
pub mod timefmt;
pub mod times;
mod token;
pub mod vendor;
pub mod verdict;
#[cfg(feature = "crypto")]
pub mod verify;
pub mod vocab;

pub use options::{Options, Verifier};
use report::Report;

/// Finds and analyses every token in `input`.
pub fn analyse(input: &str, options: &Options) -> Report {
    analyse_first(input, options, usize::MAX)
}

/// Finds every token in `input` but analyses only the first `limit`; the
/// report then gives the total in `total_tokens` (the page lists at most a
/// few hundred; the CLI analyses all).
pub fn analyse_first(input: &str, options: &Options, limit: usize) -> Report {
    let mut found = finder::find_tokens(input);
    let total = found.tokens.len();
    found.tokens.truncate(limit);
    analyse_listed(input, found, total, options)
}

/// As [`analyse_first`], with the tokens `found` in `input` already: the
/// page's worker finds them once for the passes it makes over a paste.
pub fn analyse_found(
    input: &str,
    found: &finder::FindResult,
    options: &Options,
    limit: usize,
) -> Report {
    let listed = finder::FindResult {
        tokens: found.tokens.iter().take(limit).cloned().collect(),
        notices: found.notices.clone(),
    };
    analyse_listed(input, listed, found.tokens.len(), options)
}

/// Analyses the tokens `listed` of the `total` found in `input`.
fn analyse_listed(
    input: &str,
    mut listed: finder::FindResult,
    total: usize,
    options: &Options,
) -> Report {
    let limit = listed.tokens.len();
    let key_reports = key_reports(options);
    if let Some(verifier) = &options.verifier {
        name_from_file(&mut listed, verifier.file_sources(input));
    }
    let mut notices = listed.notices;
    if total > limit {
        notices.push(finder::Notice {
            id: vocab::NoticeId::TokensTruncated,
            severity: vocab::Severity::Info,
            message: format!("The paste holds {total} tokens; the first {limit} are listed and analysed here. The command-line tool jwt-inspect analyses all of them."),
        });
    }
    let mut tokens: Vec<_> = listed
        .tokens
        .into_iter()
        .map(|token| token::analyse(token, options, &key_reports))
        .collect();
    links::link(&mut tokens, input, options);
    Report {
        tokens,
        notices,
        keys: key_reports,
        key_errors: key_errors(options),
        total_tokens: (total > limit).then_some(total),
    }
}

/// Names the tokens a file's structure names better than their line does.
fn name_from_file(found: &mut finder::FindResult, file: files::FileSources) {
    for token in &mut found.tokens {
        if let Some(named) = file.named.iter().find(|n| n.value == token.text) {
            token.source.description = named.description.clone();
            token.source.field = Some(named.field.clone());
        }
    }
    found.notices.extend(file.notices);
}

fn key_reports(options: &Options) -> Vec<key_report::KeyReport> {
    options
        .verifier
        .as_ref()
        .map(|v| v.key_reports())
        .unwrap_or_default()
}

fn key_errors(options: &Options) -> Vec<key_report::KeyError> {
    options
        .verifier
        .as_ref()
        .map(|v| v.key_errors())
        .unwrap_or_default()
}
