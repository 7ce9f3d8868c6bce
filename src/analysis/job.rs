//! A request for the full analysis, as the page sends it to its Web Worker
//! (and as tests run it natively): the paste, the key text, the secret and
//! the time settings, answered with a [`Report`].

use crate::analysis::report::Report;
use crate::analysis::vocab::SecretEncoding;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What to analyse, and with what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Job {
    /// Increases with every change; answers to older jobs are dropped.
    pub id: u64,
    /// The paste, shared: the page's state and every job made from it hold
    /// the same text, so a 10 MB paste is not copied when a key, a setting
    /// or the selected token changes. `Arc` rather than `Rc` keeps `Job`
    /// `Send` for native callers (on wasm32 without threads its counts are
    /// plain integers, as cheap as `Rc`'s). Serde's `rc` feature reads and
    /// writes it as a plain string.
    pub input: Arc<str>,
    pub key_text: String,
    pub secret: String,
    pub secret_encoding: SecretEncoding,
    pub now: i64,
    pub leeway: i64,
    /// The token whose details the page shows (the others may come as
    /// summaries when there are many).
    pub detail: usize,
}

/// The page lists and analyses at most this many tokens.
pub const LISTED: usize = 500;
/// Reports with more tokens than this travel as summaries plus the details
/// of the selected token, so the page never parses megabytes at once.
pub const FULL_DETAIL_LIMIT: usize = 50;

/// The answer to a [`Job`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobResult {
    pub id: u64,
    pub report: Report,
}

impl Job {
    /// Whether this job needs the full analysis: keys or a secret to verify
    /// with, a large paste (kept off the page's main thread), or tokens the
    /// light analysis could not finish.
    pub fn needs_full_analysis(&self, light: Option<&Report>, large: usize) -> bool {
        !self.key_text.trim().is_empty()
            || !self.secret.is_empty()
            || self.input.len() > large
            || light.is_some_and(|r| r.tokens.iter().any(|t| t.needs_full_analysis))
    }
}

/// The last full analysis, so that choosing another token of a large paste
/// only re-sends details.
#[cfg(feature = "crypto")]
#[derive(Debug, Default)]
pub struct Cache {
    key: Option<Job>,
    report: Option<Report>,
}

/// Runs the full analysis.
#[cfg(feature = "crypto")]
pub fn run(job: &Job) -> JobResult {
    run_cached(job, &mut Cache::default())
}

/// Runs the full analysis, reusing `cache` when only the detail changed.
#[cfg(feature = "crypto")]
pub fn run_cached(job: &Job, cache: &mut Cache) -> JobResult {
    use crate::analysis::keys::KeySet;
    use crate::analysis::{Options, analyse_first};
    let key = Job {
        id: 0,
        detail: 0,
        ..job.clone()
    };
    if cache.key.as_ref() != Some(&key) || cache.report.is_none() {
        let mut keys = KeySet::parse(&job.key_text);
        keys.add_secret(&job.secret, job.secret_encoding);
        let options = Options {
            now: job.now,
            leeway: job.leeway,
            verifier: Some(std::sync::Arc::new(keys)),
        };
        cache.report = Some(analyse_first(&job.input, &options, LISTED));
        cache.key = Some(key);
    }
    let mut report = cache
        .report
        .clone()
        .unwrap_or_else(|| unreachable!("filled above"));
    if report.tokens.len() > FULL_DETAIL_LIMIT {
        report.tokens = std::mem::take(&mut report.tokens)
            .into_iter()
            .enumerate()
            .map(|(i, t)| if i == job.detail { t } else { t.summarised() })
            .collect();
    }
    JobResult { id: job.id, report }
}

#[cfg(all(test, feature = "crypto"))]
mod tests {
    use super::*;

    #[test]
    fn a_job_verifies_with_its_keys_and_round_trips_as_json() {
        let token =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
        let job = Job {
            id: 7,
            input: token.into(),
            secret: "not it, but long enough: 0123456789abcdef".into(),
            ..Job::default()
        };
        assert!(job.needs_full_analysis(None, 1 << 20));
        let json = serde_json::to_string(&job).unwrap();
        let result = run(&serde_json::from_str(&json).unwrap());
        assert_eq!(result.id, 7);
        assert_eq!(result.report.tokens[0].signature.status.as_str(), "invalid");
        let back: JobResult =
            serde_json::from_str(&serde_json::to_string(&result).unwrap()).unwrap();
        assert_eq!(back.report.tokens[0].token, token);
    }

    #[test]
    fn large_reports_travel_as_summaries_with_the_selected_details() {
        let line = "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
        let input = (0..60)
            .map(|i| format!("{line}{}", "A".repeat(i % 2) + &"x".repeat(i / 2)))
            .collect::<Vec<_>>()
            .join("\n");
        let mut cache = Cache::default();
        let mut job = Job {
            id: 1,
            input: input.into(),
            detail: 3,
            ..Job::default()
        };
        let first = run_cached(&job, &mut cache).report;
        assert!(first.tokens.len() > FULL_DETAIL_LIMIT);
        assert!(!first.tokens[3].summary_only && first.tokens[3].header.is_some());
        assert!(first.tokens[4].summary_only && first.tokens[4].header.is_none());
        job.detail = 4;
        job.id = 2;
        let second = run_cached(&job, &mut cache);
        assert_eq!(second.id, 2);
        assert!(!second.report.tokens[4].summary_only);
    }

    #[test]
    fn the_page_lists_at_most_the_first_tokens_and_says_how_many_there_are() {
        let line =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
        let input = (0..LISTED + 7)
            .map(|i| format!("{line}{}", "x".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n");
        let report = run(&Job {
            input: input.into(),
            ..Job::default()
        })
        .report;
        assert_eq!(report.tokens.len(), LISTED);
        assert_eq!(report.total_tokens, Some(LISTED + 7));
        assert_eq!(
            report.notices.last().unwrap().id.as_str(),
            "tokens-truncated"
        );
    }

    #[test]
    fn small_pastes_without_keys_stay_light() {
        let job = Job {
            input: "x".repeat(100).into(),
            ..Job::default()
        };
        assert!(!job.needs_full_analysis(None, 1 << 20));
        assert!(
            Job {
                input: "x".repeat(100).into(),
                ..Job::default()
            }
            .needs_full_analysis(None, 10)
        );
    }
}
