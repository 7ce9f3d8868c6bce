//! A request for the full analysis, as the page sends it to its Web Worker
//! (and as tests run it natively): the paste, the key text, the secret and
//! the time settings, answered with a [`Report`]. Also the worker protocol
//! itself, defined here once for both sides: [`WorkerRequest`] in,
//! [`WorkerReply`] out.

pub mod make;

use crate::analysis::expectations::Expectations;
#[cfg(feature = "crypto")]
use crate::analysis::finder::FindResult;
use crate::analysis::report::Report;
#[cfg(feature = "crypto")]
use crate::analysis::report::TokenReport;
#[cfg(feature = "crypto")]
use crate::analysis::verify::{KeySetWithChecks, SignatureCheck, SignatureChecks};
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
    /// plain integers, as cheap as `Rc`'s). `Arc<String>` rather than
    /// `Arc<str>`: a pasted `String` moves in, where `Arc<str>` would copy
    /// it, and a page holding two copies of a 10 MB paste at once grows its
    /// wasm memory for good. Serde's `rc` feature reads and writes it as a
    /// plain string.
    pub input: Arc<String>,
    /// The key text box, verbatim (PEM, JWK, JWKS, base64 DER).
    pub key_text: String,
    /// The HMAC secret, read as `secret_encoding` says.
    pub secret: String,
    /// How to turn `secret` into bytes.
    pub secret_encoding: SecretEncoding,
    /// The instant to evaluate times at, in Unix seconds.
    pub now: i64,
    /// Seconds of clock skew tolerated.
    pub leeway: i64,
    /// The token whose details the page shows (the others may come as
    /// summaries when there are many).
    pub detail: usize,
    /// What the person's service expects (the Expectations panel, or the
    /// CLI's `--expect-*` flags); absent or empty checks nothing.
    #[serde(default, skip_serializing_if = "Expectations::is_empty")]
    pub expectations: Expectations,
    /// The content of a JWS with a detached payload (RFC 7515 Appendix F),
    /// as pasted; empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detached_content: String,
}

/// Pastes larger than this are analysed only by the page's worker, so the
/// page never blocks on them; smaller ones get a light analysis at once.
pub const LARGE_PASTE: usize = 256 * 1024;
/// The page lists and analyses at most this many tokens.
pub const LISTED: usize = 500;
/// Reports with more tokens than this travel as summaries plus the details
/// of the selected token, so the page never parses megabytes at once.
pub const FULL_DETAIL_LIMIT: usize = 50;
/// A paste the page has no light analysis of ([`LARGE_PASTE`]) holding
/// more tokens than this gets a first, partial answer for these alone (a
/// screenful of the list) before the full one.
pub const FIRST_LISTED: usize = 40;

/// The answer to a [`Job`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobResult {
    /// The [`Job::id`] this answers.
    pub id: u64,
    /// The full report (summaries beside the selected token's details when
    /// there are more than [`FULL_DETAIL_LIMIT`] tokens).
    pub report: Report,
    /// A first answer for the first [`FIRST_LISTED`] tokens only (each
    /// analysed in full); the full answer to the same job follows.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
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
    /// The tokens found in the last input (the same `Arc`): finding them
    /// is most of a large paste's cost, and a job makes up to four passes
    /// (the first screenful's and the whole list's, each planned first).
    found: Option<(Arc<String>, Arc<FindResult>)>,
}

#[cfg(feature = "crypto")]
impl Cache {
    /// Whether the last job answered was about this same paste (then the
    /// page shows it already, and a first screenful is not worth making).
    pub fn answered_paste(&self, input: &str) -> bool {
        self.key
            .as_ref()
            .is_some_and(|key| key.input.len() == input.len() && *key.input == input)
    }

    /// The tokens found in `input`, found once per input.
    pub fn found_in(&mut self, input: &Arc<String>) -> Arc<FindResult> {
        match &self.found {
            Some((seen, found)) if Arc::ptr_eq(seen, input) => found.clone(),
            _ => {
                let found = Arc::new(crate::analysis::finder::find_tokens(input));
                self.found = Some((input.clone(), found.clone()));
                found
            }
        }
    }

    /// Whether `job` differs from the cached one only in its id or the
    /// token shown in detail (so nothing needs verifying again).
    pub fn holds(&self, job: &Job) -> bool {
        self.report.is_some()
            && self.key.as_ref().is_some_and(|key| {
                *key == Job {
                    id: 0,
                    detail: 0,
                    ..job.clone()
                }
            })
    }
}

/// Runs the full analysis.
#[cfg(feature = "crypto")]
pub fn run(job: &Job) -> JobResult {
    run_cached(job, &mut Cache::default())
}

/// Runs the full analysis, reusing `cache` when only the detail changed.
#[cfg(feature = "crypto")]
pub fn run_cached(job: &Job, cache: &mut Cache) -> JobResult {
    run_cached_with(job, cache, SignatureChecks::Compute)
}

/// The primitive RSA and ECDSA checks the analysis of `job`'s first
/// `listed` tokens needs, each once, found by a first analysis that
/// computes none of them ([`SignatureChecks::Record`]); the worker has
/// WebCrypto make them.
#[cfg(feature = "crypto")]
pub fn planned_checks(job: &Job, cache: &mut Cache, listed: usize) -> Vec<SignatureCheck> {
    let verifier = job_verifier(job, SignatureChecks::Record(std::sync::Mutex::default()));
    analyse_listed(job, cache, verifier.clone(), listed);
    verifier.checks.recorded()
}

/// `job`'s keys, its signature checks made as `checks` says.
#[cfg(feature = "crypto")]
fn job_verifier(job: &Job, checks: SignatureChecks) -> std::sync::Arc<KeySetWithChecks> {
    std::sync::Arc::new(KeySetWithChecks {
        keys: job_keys(job),
        checks,
    })
}

/// Analyses the first `listed` tokens of `job`'s paste (found once, in
/// `cache`) with `verifier`.
#[cfg(feature = "crypto")]
fn analyse_listed(
    job: &Job,
    cache: &mut Cache,
    verifier: std::sync::Arc<KeySetWithChecks>,
    listed: usize,
) -> Report {
    let found = cache.found_in(&job.input);
    crate::analysis::analyse_found(&job.input, &found, &job_options(job, verifier), listed)
}

/// The partial answer to `job`: its first [`FIRST_LISTED`] tokens, each
/// analysed in full, the selected one in detail and the others
/// summarised, and the total found. Not cached: the full answer follows.
#[cfg(feature = "crypto")]
pub fn run_first(job: &Job, cache: &mut Cache, checks: SignatureChecks) -> JobResult {
    let mut report = analyse_listed(job, cache, job_verifier(job, checks), FIRST_LISTED);
    report.tokens = summaries_beside(std::mem::take(&mut report.tokens), job.detail);
    // The notice speaks of the page's full list, which follows.
    report
        .notices
        .retain(|n| n.id != crate::analysis::vocab::NoticeId::TokensTruncated);
    JobResult {
        id: job.id,
        report,
        partial: true,
    }
}

/// `tokens` as summaries, but for the one at `detail`.
#[cfg(feature = "crypto")]
fn summaries_beside(tokens: Vec<TokenReport>, detail: usize) -> Vec<TokenReport> {
    tokens
        .into_iter()
        .enumerate()
        .map(|(i, t)| if i == detail { t } else { t.summarised() })
        .collect()
}

/// As [`run_cached`], the RSA and ECDSA arithmetic made where `checks`
/// says (results WebCrypto made, in the worker).
#[cfg(feature = "crypto")]
pub fn run_cached_with(job: &Job, cache: &mut Cache, checks: SignatureChecks) -> JobResult {
    let key = Job {
        id: 0,
        detail: 0,
        ..job.clone()
    };
    if cache.key.as_ref() != Some(&key) {
        cache.report = None;
        cache.key = Some(key);
    }
    let mut report = match &cache.report {
        Some(report) => report.clone(),
        None => {
            let report = analyse_listed(job, cache, job_verifier(job, checks), LISTED);
            cache.report = Some(report.clone());
            // The job's last pass: what was found is not kept (for 100,000
            // tokens it is tens of megabytes).
            cache.found = None;
            report
        }
    };
    if report.tokens.len() > FULL_DETAIL_LIMIT {
        report.tokens = summaries_beside(std::mem::take(&mut report.tokens), job.detail);
    }
    JobResult {
        id: job.id,
        report,
        partial: false,
    }
}

/// The keys a job supplies: the key box and the typed secret.
#[cfg(feature = "crypto")]
fn job_keys(job: &Job) -> crate::analysis::keys::KeySet {
    let mut keys = crate::analysis::keys::KeySet::parse(&job.key_text);
    keys.add_secret(&job.secret, job.secret_encoding);
    keys
}

#[cfg(feature = "crypto")]
fn job_options(
    job: &Job,
    verifier: std::sync::Arc<dyn crate::analysis::Verifier>,
) -> crate::analysis::Options {
    crate::analysis::Options {
        now: job.now,
        leeway: job.leeway,
        verifier: Some(verifier),
        detached_content: (!job.detached_content.is_empty())
            .then(|| job.detached_content.as_str().into()),
        ..crate::analysis::Options::default()
    }
    .expecting(job.expectations.clone())
}

/// What the page (or the benchmark harness) asks its Web Worker.
///
/// On the wire: a JS array `[json, paste]`, where `json` is this request as
/// JSON and `paste`, present only for [`WorkerRequest::Analyse`], is the
/// job's input as its own JS string, so the main thread never escapes a
/// large paste into JSON ([`WorkerRequest::into_parts`],
/// [`WorkerRequest::from_parts`]).
///
/// Both enums are tagged the serde default way, by the variant's name:
/// `{"analyse": {…}}`, `{"bench-verify": {…}}`; `"ready"`, `{"result": {…}}`,
/// `{"bench": {…}}`, `{"error": "…"}`. Not `#[serde(tag = …)]`: serde reads
/// internally or adjacently tagged enums through a buffered copy, which
/// would put a second reader of the whole [`Report`] into the page's wasm
/// (about 100 KB, 37 KB gzipped).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(
    any(feature = "crypto", feature = "encoder"),
    allow(
        clippy::large_enum_variant,
        reason = "one request at a time, made and moved straight into postMessage: boxing the job buys nothing"
    )
)]
pub enum WorkerRequest {
    /// The full analysis of a job; answered by [`WorkerReply::Result`].
    Analyse(Job),
    /// Sign a token (the encoder); answered by [`WorkerReply::Signed`].
    /// Only in the worker's and the encoder module's builds: the page's
    /// first download does without these types (4 KB gzip, measured).
    #[cfg(any(feature = "crypto", feature = "encoder"))]
    Sign(make::SignJob),
    /// Make a key (the encoder); answered by [`WorkerReply::Generated`].
    #[cfg(any(feature = "crypto", feature = "encoder"))]
    Keygen(make::KeygenJob),
    /// The tokens a service must refuse (the encoder); answered by
    /// [`WorkerReply::Refused`].
    #[cfg(any(feature = "crypto", feature = "encoder"))]
    Refuse(make::RefuseJob),
    /// The benchmark harness (scripts/bench.mjs) times the signature check
    /// alone; the page never sends it, nor has it in its build. Answered by
    /// [`WorkerReply::Bench`].
    #[cfg(feature = "crypto")]
    BenchVerify(BenchVerify),
    /// Primitive RSA and ECDSA checks made as the full analysis makes them
    /// for a large paste: the core's own checks before any arithmetic
    /// (length, DER, range), then WebCrypto. The test command runs the
    /// Wycheproof vectors through it (tests/browser/webcrypto.test.mjs).
    /// Answered by [`WorkerReply::Checked`]. The page never sends it.
    #[cfg(feature = "crypto")]
    CheckSignatures(Vec<SignatureCheck>),
    /// The benchmark harness times a whole full analysis in the worker,
    /// its RSA and ECDSA checks made by WebCrypto or in wasm, to compare
    /// the two paths. Answered by [`WorkerReply::Bench`] (one batch). The
    /// page never sends it.
    #[cfg(feature = "crypto")]
    BenchAnalyse(BenchAnalyse),
}

/// A full analysis to time (the job carries its paste in `input`).
#[cfg(feature = "crypto")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchAnalyse {
    /// The job.
    pub job: Job,
    /// Whether WebCrypto makes the RSA and ECDSA checks (else wasm).
    pub webcrypto: bool,
}

/// Verify `token`'s signature with `key`, `batches × per_batch` times — the
/// signature primitive alone, as WebCrypto is timed — timing each batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenchVerify {
    /// A compact JWS.
    pub token: String,
    /// Key text, as the key box takes it.
    pub key: String,
    /// How many batches to time.
    pub batches: u32,
    /// Verifications per batch.
    pub per_batch: u32,
}

/// Batch timings in milliseconds, and whether every verification succeeded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchTimings {
    /// Each batch's duration, in milliseconds.
    pub batch_ms: Vec<f64>,
    /// Whether every verification said "valid".
    pub all_valid: bool,
}

/// What the Web Worker sends back, as a JSON string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkerReply {
    /// Its WebAssembly is running; requests sent before this were lost, so
    /// the page (re)sends its latest one.
    Ready,
    /// The answer to a [`WorkerRequest::Analyse`].
    Result(JobResult),
    /// The answer to a [`WorkerRequest::Sign`].
    #[cfg(any(feature = "crypto", feature = "encoder"))]
    Signed(make::SignAnswer),
    /// The answer to a [`WorkerRequest::Keygen`].
    #[cfg(any(feature = "crypto", feature = "encoder"))]
    Generated(make::KeygenAnswer),
    /// The answer to a [`WorkerRequest::Refuse`].
    #[cfg(any(feature = "crypto", feature = "encoder"))]
    Refused(make::RefuseAnswer),
    /// The answer to a [`WorkerRequest::BenchVerify`].
    #[cfg(feature = "crypto")]
    Bench(BenchTimings),
    /// The answer to a [`WorkerRequest::CheckSignatures`]: each check's
    /// result from WebCrypto, in order (`null`: not made).
    #[cfg(feature = "crypto")]
    Checked(Vec<Option<bool>>),
    /// A request it could not answer, in words.
    Error(String),
}

impl WorkerRequest {
    /// The request as it travels: its JSON, and the paste to send beside it
    /// (the JSON then carries an empty input). Only the paste's handle moves.
    pub fn into_parts(self) -> (String, Option<Arc<String>>) {
        let (request, paste) = match self {
            WorkerRequest::Analyse(mut job) => {
                let paste = std::mem::take(&mut job.input);
                (WorkerRequest::Analyse(job), Some(paste))
            }
            #[cfg(feature = "crypto")]
            other @ (WorkerRequest::BenchVerify(_)
            | WorkerRequest::CheckSignatures(_)
            | WorkerRequest::BenchAnalyse(_)) => (other, None),
            #[cfg(any(feature = "crypto", feature = "encoder"))]
            other @ (WorkerRequest::Sign(_)
            | WorkerRequest::Keygen(_)
            | WorkerRequest::Refuse(_)) => (other, None),
        };
        // Strings, numbers and string-keyed structs: writing cannot fail.
        (serde_json::to_string(&request).unwrap_or_default(), paste)
    }

    /// Reads a request from its parts: a paste sent beside the JSON is the
    /// job's input. The error says in words what was wrong.
    ///
    /// # Errors
    /// When `json` is not a request.
    pub fn from_parts(json: &str, paste: Option<String>) -> Result<Self, String> {
        let request = serde_json::from_str::<WorkerRequest>(json)
            .map_err(|error| format!("the page sent a request the worker cannot read: {error}"))?;
        Ok(match (request, paste) {
            (WorkerRequest::Analyse(job), Some(paste)) => WorkerRequest::Analyse(Job {
                input: paste.into(),
                ..job
            }),
            (request, _) => request,
        })
    }
}

#[cfg(all(test, feature = "crypto"))]
mod tests;
