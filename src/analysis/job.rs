//! A request for the full analysis, as the page sends it to its Web Worker
//! (and as tests run it natively): the paste, the key text, the secret and
//! the time settings, answered with a [`Report`].

use crate::analysis::key_report::SecretEncoding;
use crate::analysis::report::Report;
use serde::{Deserialize, Serialize};

/// What to analyse, and with what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Job {
    /// Increases with every change; answers to older jobs are dropped.
    pub id: u64,
    pub input: String,
    pub key_text: String,
    pub secret: String,
    pub secret_encoding: SecretEncoding,
    pub now: i64,
    pub leeway: i64,
}

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

/// Runs the full analysis.
#[cfg(feature = "crypto")]
pub fn run(job: &Job) -> JobResult {
    use crate::analysis::keys::KeySet;
    use crate::analysis::{Options, analyse};
    let mut keys = KeySet::parse(&job.key_text);
    keys.add_secret(&job.secret, job.secret_encoding);
    let options = Options {
        now: job.now,
        leeway: job.leeway,
        keys: std::sync::Arc::new(keys),
    };
    JobResult {
        id: job.id,
        report: analyse(&job.input, &options),
    }
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
    fn small_pastes_without_keys_stay_light() {
        let job = Job {
            input: "x".repeat(100),
            ..Job::default()
        };
        assert!(!job.needs_full_analysis(None, 1 << 20));
        assert!(
            Job {
                input: "x".repeat(100),
                ..Job::default()
            }
            .needs_full_analysis(None, 10)
        );
    }
}
