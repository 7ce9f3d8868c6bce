//! Page state and its transitions, free of DOM code (the `function_todomvc`
//! pattern): the paste, the keys, the settings, the selected token, and
//! the report. A light report is computed at once on the main thread; when
//! keys, a large paste or an unfinished token need the full analysis, the
//! state says so (`pending`) and the page asks its Web Worker, whose answer
//! replaces the light report if it is still the latest.

use crate::analysis::expectations::ExpectationFields;
use crate::analysis::job::{Job, JobResult};
use crate::analysis::report::{Report, TokenReport};
use crate::analysis::vocab::SecretEncoding;
use crate::analysis::{Options, analyse};
use std::rc::Rc;
use std::sync::Arc;
use yew::Reducible;

pub use crate::analysis::job::LARGE_PASTE;

/// What the selected token is compared with.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareWith {
    /// Another token of the paste, by index.
    Found(usize),
    /// A token pasted into the comparison box, as analysed.
    Pasted {
        text: String,
        token: Option<Rc<TokenReport>>,
    },
}

/// Everything the page shows derives from this.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Exactly what the person pasted or typed; never altered or dropped.
    /// Shared with [`Job::input`], so no action copies the paste.
    pub input: Arc<String>,
    /// The key text box, verbatim.
    pub key_text: String,
    pub secret: String,
    pub secret_encoding: SecretEncoding,
    /// Seconds of clock skew tolerated.
    pub leeway: i64,
    /// A chosen instant to evaluate times at, instead of the clock.
    pub as_of: Option<i64>,
    /// The Expectations panel, as typed; in memory only.
    pub expectation_fields: ExpectationFields,
    /// Why a field of the Expectations panel could not be read.
    pub expectation_problems: Vec<String>,
    /// The content of a JWS with a detached payload, as pasted.
    pub detached_content: String,
    /// What the selected token is compared with, if anything.
    pub compare_with: Option<CompareWith>,
    pub selected: usize,
    pub report: Rc<Report>,
    /// Counts the pastes: increases whenever `input` changes.
    pub input_generation: u64,
    /// The paste `report` is about (its `input_generation`): a large paste
    /// keeps the previous paste's report until the worker answers.
    pub report_generation: u64,
    /// The latest job; answers to older ones are ignored.
    pub job: Rc<Job>,
    /// The worker is computing the full report for `job`.
    pub pending: bool,
    /// Something that went wrong outside the analysis (the worker could not
    /// run, an example could not be loaded), in words.
    pub problem: Option<String>,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && Rc::ptr_eq(&self.job, &other.job)
            && self.selected == other.selected
            && self.pending == other.pending
            && self.problem == other.problem
    }
}

impl AppState {
    pub fn new(now: i64) -> Self {
        AppState {
            input: Arc::default(),
            key_text: String::new(),
            secret: String::new(),
            secret_encoding: SecretEncoding::Text,
            leeway: 0,
            as_of: None,
            expectation_fields: ExpectationFields::default(),
            expectation_problems: Vec::new(),
            detached_content: String::new(),
            compare_with: None,
            selected: 0,
            report: Rc::new(analyse("", &Options::at(now))),
            input_generation: 0,
            report_generation: 0,
            job: Rc::new(Job::default()),
            pending: false,
            problem: None,
        }
    }

    /// Starts with these keys in the key box (typed before the app started;
    /// [`AppState::with_input`] analyses).
    pub fn with_keys(self, keys: String) -> Self {
        AppState {
            key_text: keys,
            ..self
        }
    }

    /// Starts with `text` already pasted (a share link).
    pub fn with_input(self, text: String, now: i64) -> Self {
        AppState {
            input: text.into(),
            input_generation: self.input_generation + 1,
            ..self
        }
        .reanalysed(now)
    }

    /// Recomputes the light report and decides whether the worker is needed.
    fn reanalysed(mut self, now: i64) -> Self {
        let instant = self.as_of.unwrap_or(now);
        let (expectations, problems) = self.expectation_fields.read();
        self.expectation_problems = problems;
        let job = Job {
            id: self.job.id + 1,
            input: self.input.clone(),
            key_text: self.key_text.clone(),
            secret: self.secret.clone(),
            secret_encoding: self.secret_encoding,
            now: instant,
            leeway: self.leeway,
            detail: self.selected,
            expectations,
            detached_content: self.detached_content.clone(),
        };
        let light = (self.input.len() <= LARGE_PASTE).then(|| {
            let mut options = Options::at(instant).expecting(job.expectations.clone());
            options.leeway = self.leeway;
            options.detached_content =
                (!self.detached_content.is_empty()).then(|| self.detached_content.as_str().into());
            analyse(&self.input, &options)
        });
        self.pending = job.needs_full_analysis(light.as_ref(), LARGE_PASTE);
        if let Some(light) = light {
            self.report = Rc::new(light);
            self.report_generation = self.input_generation;
        }
        self.job = Rc::new(job);
        self.problem = None;
        if self.selected >= self.report.tokens.len() {
            self.selected = 0;
        }
        self.drop_stale_comparison();
        self
    }

    /// Selects the token at `index`, a summary, and asks the worker for its
    /// details (a job like the last, with that detail).
    fn asking_details_of(self, index: usize) -> Self {
        let job = Job {
            id: self.job.id + 1,
            detail: index,
            ..(*self.job).clone()
        };
        AppState {
            selected: index,
            job: Rc::new(job),
            pending: true,
            ..self
        }
    }

    /// Forgets a comparison with a token that is gone or now selected.
    fn drop_stale_comparison(&mut self) {
        if let Some(CompareWith::Found(i)) = self.compare_with
            && (i >= self.report.tokens.len() || i == self.selected)
        {
            self.compare_with = None;
        }
    }
}

/// What the person (or the worker) can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// New paste text, analysed at `now`.
    SetInput {
        text: String,
        now: i64,
    },
    /// New key text (PEM, JWK, JWKS, base64 DER).
    SetKeys {
        text: String,
        now: i64,
    },
    /// New HMAC secret or encoding.
    SetSecret {
        secret: String,
        encoding: SecretEncoding,
        now: i64,
    },
    SetLeeway {
        leeway: i64,
        now: i64,
    },
    /// An example: its paste and its key, replacing both.
    LoadExample {
        paste: String,
        key: String,
        now: i64,
    },
    SetAsOf {
        as_of: Option<i64>,
        now: i64,
    },
    /// Compare the selected token with another, or stop comparing.
    SetCompare(Option<CompareWith>),
    /// A second token pasted into the comparison box, analysed at `now`.
    SetComparePaste {
        text: String,
        now: i64,
    },
    /// New detached content for a JWS JSON document.
    SetDetached {
        text: String,
        now: i64,
    },
    /// The Expectations panel changed.
    SetExpectations {
        fields: ExpectationFields,
        now: i64,
    },
    Select(usize),
    /// The worker's answer.
    FullReport(Box<JobResult>),
    /// The worker could not run.
    WorkerFailed(String),
    /// An example could not be loaded.
    ExampleFailed(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = (*self).clone();
        let next = match action {
            Action::SetInput { text, now } => AppState {
                input: text.into(),
                input_generation: state.input_generation + 1,
                ..state
            }
            .reanalysed(now),
            Action::SetKeys { text, now } => AppState {
                key_text: text,
                ..state
            }
            .reanalysed(now),
            Action::SetSecret {
                secret,
                encoding,
                now,
            } => AppState {
                secret,
                secret_encoding: encoding,
                ..state
            }
            .reanalysed(now),
            Action::SetLeeway { leeway, now } => AppState { leeway, ..state }.reanalysed(now),
            Action::LoadExample { paste, key, now } => AppState {
                input: paste.into(),
                input_generation: state.input_generation + 1,
                key_text: key,
                secret: String::new(),
                selected: 0,
                ..state
            }
            .reanalysed(now),
            Action::SetAsOf { as_of, now } => AppState { as_of, ..state }.reanalysed(now),
            Action::SetCompare(with) => AppState {
                compare_with: with,
                ..state
            },
            Action::SetComparePaste { text, now } => {
                let token = analyse(&text, &Options::at(self.as_of.unwrap_or(now)))
                    .tokens
                    .into_iter()
                    .next()
                    .map(Rc::new);
                AppState {
                    compare_with: Some(CompareWith::Pasted { text, token }),
                    ..state
                }
            }
            Action::SetDetached { text, now } => AppState {
                detached_content: text,
                ..state
            }
            .reanalysed(now),
            Action::SetExpectations { fields, now } => AppState {
                expectation_fields: fields,
                ..state
            }
            .reanalysed(now),
            // A summary (large paste): ask the worker for this token's details.
            Action::Select(index)
                if self
                    .report
                    .tokens
                    .get(index)
                    .is_some_and(|t| t.summary_only) =>
            {
                state.asking_details_of(index)
            }
            Action::Select(index) if index < self.report.tokens.len() => {
                let mut next = AppState {
                    selected: index,
                    ..state
                };
                next.drop_stale_comparison();
                next
            }
            Action::Select(_) => return self,
            // A first screenful of a paste the page already shows (a key or
            // a setting changed): the list stays as it is until the full
            // answer, never shrinking under the person's scroll.
            Action::FullReport(result)
                if result.id == self.job.id
                    && result.partial
                    && self.report_generation == self.input_generation =>
            {
                return self;
            }
            Action::FullReport(result) if result.id == self.job.id => {
                let mut report = result.report;
                report.restore_segments();
                let mut next = AppState {
                    report: Rc::new(report),
                    report_generation: state.input_generation,
                    // A partial answer (a long list's first screenful):
                    // the full one is still to come.
                    pending: result.partial,
                    ..state
                };
                // The selection is kept through a partial answer (the token
                // view waits for the full one); after the full one, a
                // selection past the list falls back to the first token.
                if !result.partial {
                    if next.selected >= next.report.tokens.len() {
                        next.selected = 0;
                    }
                    next.drop_stale_comparison();
                    // A summary is never what the token view shows: its
                    // details are asked for.
                    if next
                        .report
                        .tokens
                        .get(next.selected)
                        .is_some_and(|t| t.summary_only)
                    {
                        let selected = next.selected;
                        next = next.asking_details_of(selected);
                    }
                }
                next
            }
            Action::FullReport(_) => return self,
            Action::WorkerFailed(reason) => AppState {
                pending: false,
                problem: Some(format!(
                    "The full analysis could not run: {reason}. Decoding still works; signatures were not checked."
                )),
                ..state
            },
            Action::ExampleFailed(reason) => AppState {
                problem: Some(format!("The example could not be loaded: {reason}.")),
                ..state
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
