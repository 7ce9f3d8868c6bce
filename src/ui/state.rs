//! Page state and its transitions, free of DOM code (the `function_todomvc`
//! pattern): the paste, the keys, the selected token, and the report
//! computed from them.

use crate::analysis::keys::KeySet;
use crate::analysis::keys::secret::SecretEncoding;
use crate::analysis::report::Report;
use crate::analysis::{Options, analyse};
use std::rc::Rc;
use std::sync::Arc;
use yew::Reducible;

/// Everything the page shows derives from this.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Exactly what the person pasted or typed; never altered or dropped.
    pub input: String,
    /// The key text box, verbatim.
    pub key_text: String,
    pub secret: String,
    pub secret_encoding: SecretEncoding,
    pub keys: Arc<KeySet>,
    /// Seconds of clock skew tolerated.
    pub leeway: i64,
    /// A chosen instant to evaluate times at, instead of the clock.
    pub as_of: Option<i64>,
    pub selected: usize,
    pub report: Rc<Report>,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.input == other.input
            && self.key_text == other.key_text
            && self.secret == other.secret
            && self.secret_encoding == other.secret_encoding
            && self.selected == other.selected
            && self.leeway == other.leeway
            && self.as_of == other.as_of
            && Rc::ptr_eq(&self.report, &other.report)
    }
}

impl AppState {
    pub fn new(now: i64) -> Self {
        AppState {
            input: String::new(),
            key_text: String::new(),
            secret: String::new(),
            secret_encoding: SecretEncoding::Text,
            keys: Arc::default(),
            leeway: 0,
            as_of: None,
            selected: 0,
            report: Rc::new(analyse("", &Options::at(now))),
        }
    }

    /// Starts with `text` already pasted (a share link).
    pub fn with_input(self, text: String, now: i64) -> Self {
        AppState {
            input: text,
            ..self
        }
        .reanalysed(now)
    }

    fn reanalysed(mut self, now: i64) -> Self {
        let options = Options {
            now: self.as_of.unwrap_or(now),
            leeway: self.leeway,
            keys: self.keys.clone(),
        };
        self.report = Rc::new(analyse(&self.input, &options));
        if self.selected >= self.report.tokens.len() {
            self.selected = 0;
        }
        self
    }

    fn with_parsed_keys(mut self) -> Self {
        let mut keys = KeySet::parse(&self.key_text);
        keys.add_secret(&self.secret, self.secret_encoding);
        self.keys = Arc::new(keys);
        self
    }
}

/// What the person can do.
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
    Select(usize),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = (*self).clone();
        let next = match action {
            Action::SetInput { text, now } => AppState {
                input: text,
                ..state
            }
            .reanalysed(now),
            Action::SetKeys { text, now } => AppState {
                key_text: text,
                ..state
            }
            .with_parsed_keys()
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
            .with_parsed_keys()
            .reanalysed(now),
            Action::LoadExample { paste, key, now } => AppState {
                input: paste,
                key_text: key,
                secret: String::new(),
                selected: 0,
                ..state
            }
            .with_parsed_keys()
            .reanalysed(now),
            Action::SetLeeway { leeway, now } => AppState { leeway, ..state }.reanalysed(now),
            Action::SetAsOf { as_of, now } => AppState { as_of, ..state }.reanalysed(now),
            Action::Select(index) if index < self.report.tokens.len() => AppState {
                selected: index,
                ..state
            },
            Action::Select(_) => return self,
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::report::SignatureStatus;

    const TOKEN: &str =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";

    #[test]
    fn new_input_is_kept_verbatim_and_analysed() {
        let state = Rc::new(AppState::new(0));
        let text = format!("  Authorization: Bearer {TOKEN}\n");
        let state = state.reduce(Action::SetInput {
            text: text.clone(),
            now: 0,
        });
        assert_eq!(state.input, text);
        assert_eq!(state.report.tokens.len(), 1);
    }

    #[test]
    fn selection_outside_the_list_is_ignored_and_reset_when_the_list_shrinks() {
        let state = Rc::new(AppState::new(0));
        let state = state.reduce(Action::SetInput {
            text: format!("{TOKEN}\n{TOKEN}x"),
            now: 0,
        });
        let state = state.reduce(Action::Select(1));
        assert_eq!(state.selected, 1);
        let state = state.reduce(Action::Select(7));
        assert_eq!(state.selected, 1);
        let state = state.reduce(Action::SetInput {
            text: TOKEN.into(),
            now: 0,
        });
        assert_eq!(state.selected, 0);
    }

    #[test]
    fn keys_and_secrets_re_verify_the_paste() {
        let state = Rc::new(AppState::new(0)).reduce(Action::SetInput {
            text: TOKEN.into(),
            now: 0,
        });
        assert_eq!(
            state.report.tokens[0].signature.status,
            SignatureStatus::Unchecked
        );
        let state = state.reduce(Action::SetSecret {
            secret: "not the secret, but long enough to be accepted".into(),
            encoding: SecretEncoding::Text,
            now: 0,
        });
        assert_eq!(
            state.report.tokens[0].signature.status,
            SignatureStatus::Invalid
        );
        let state = state.reduce(Action::SetKeys {
            text: "garbage".into(),
            now: 0,
        });
        assert_eq!(state.report.key_errors.len(), 1);
        assert_eq!(state.key_text, "garbage");
    }

    #[test]
    fn as_of_and_leeway_re_evaluate_times() {
        let dcos = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJleHAiOjE0Njc5ODU0NjYsInVpZCI6InBldGVyIn0.lsLJx2WsX99HF96CizMOcZpMIgbjGDBHvFZCGeNDsM-xZQzHQJHo_UA8WodQ52o8uBJ2CY983DhJdIH2Gfc_fbZtYGvUx-IvQnHFbUBd8qBN0A_4BQHeNINFUKdVQuJsbsW-uVj-w0q3RAFwO5DPPc2ppwIjkeQbgGP1ZN-2-uV6Jow04cdkq4jcODsD1y0v4EmIBPLQil0HU2B95IHtlBNN7haTUkCksXE-43BHy4ErboySeq6VgkwLpw_Pi8n236kZ2-GobSmhA-BpjbkO3uGLHrYUfJjrJyiPM2_PZQMHY80-m5sMMMQ9m1Ciag2Cw74JKGfJ3qMW3j3z2Hm7GQ";
        let state = Rc::new(AppState::new(2_000_000_000)).reduce(Action::SetInput {
            text: dcos.into(),
            now: 2_000_000_000,
        });
        assert_eq!(state.report.tokens[0].validity.state, "expired");
        let state = state.reduce(Action::SetAsOf {
            as_of: Some(1_467_985_000),
            now: 2_000_000_000,
        });
        assert_eq!(state.report.tokens[0].validity.state, "valid");
        let state = state.reduce(Action::SetAsOf {
            as_of: Some(1_467_985_500),
            now: 2_000_000_000,
        });
        assert_eq!(state.report.tokens[0].validity.state, "expired");
        let state = state.reduce(Action::SetLeeway {
            leeway: 60,
            now: 2_000_000_000,
        });
        assert_eq!(state.report.tokens[0].validity.state, "expiring-soon");
    }
}
