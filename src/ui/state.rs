//! Page state and its transitions, free of DOM code (the `function_todomvc`
//! pattern): the paste, the selected token, and the report computed from them.

use crate::analysis::report::Report;
use crate::analysis::{Options, analyse};
use std::rc::Rc;
use yew::Reducible;

/// Everything the page shows derives from this.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// Exactly what the person pasted or typed; never altered or dropped.
    pub input: String,
    pub selected: usize,
    pub report: Rc<Report>,
}

impl AppState {
    pub fn new(now: i64) -> Self {
        AppState {
            input: String::new(),
            selected: 0,
            report: Rc::new(analyse("", &Options::at(now))),
        }
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
    Select(usize),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetInput { text, now } => {
                let report = Rc::new(analyse(&text, &Options::at(now)));
                let selected = if self.selected < report.tokens.len() {
                    self.selected
                } else {
                    0
                };
                Rc::new(AppState {
                    input: text,
                    selected,
                    report,
                })
            }
            Action::Select(index) if index < self.report.tokens.len() => Rc::new(AppState {
                selected: index,
                ..(*self).clone()
            }),
            Action::Select(_) => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
