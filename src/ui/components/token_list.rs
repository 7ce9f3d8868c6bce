//! The tokens found in the paste; choosing one shows its analysis.

use crate::analysis::report::Report;
use crate::ui::after_paint::use_rest_after_paint;
use std::rc::Rc;
use yew::prelude::*;

/// More items than this are summarised rather than rendered.
const MAX_LISTED: usize = 500;
/// Items rendered in the first frame after a new paste: more than a tall
/// screen shows; the rest follow once it is painted. As many as the
/// worker's first, partial answer lists.
pub const FIRST_SCREEN: usize = crate::analysis::job::FIRST_LISTED;

#[derive(Properties, PartialEq)]
pub struct TokenListProps {
    pub report: Rc<Report>,
    /// The paste the report is about (the state's `report_generation`;
    /// see [`use_rest_after_paint`]).
    pub report_of: u64,
    pub selected: usize,
    pub on_select: Callback<usize>,
}

#[function_component(TokenList)]
pub fn token_list(props: &TokenListProps) -> Html {
    let tokens = &props.report.tokens;
    let rest = use_rest_after_paint(props.report_of, tokens.len() > FIRST_SCREEN);
    if tokens.is_empty() {
        return Html::default();
    }
    let count = props.report.total_tokens.unwrap_or(tokens.len());
    let title = if count == 1 {
        "1 token found".to_string()
    } else {
        format!("{count} tokens found")
    };
    let shown = if rest { MAX_LISTED } else { FIRST_SCREEN };
    let items = tokens.iter().take(shown).enumerate().map(|(index, token)| {
        let on_select = props.on_select.clone();
        let onclick = Callback::from(move |_| on_select.emit(index));
        let selected = index == props.selected;
        let verdict = token.signature.kind();
        html! {
            <li>
                <button
                    type="button"
                    class={classes!("token-item", selected.then_some("selected"))}
                    data-testid="token-item"
                    aria-pressed={selected.to_string()}
                    data-verdict={verdict.as_str()}
                    {onclick}
                >
                    <span class={classes!("kind", token.kind.as_str())}>{ token.kind.as_str() }</span>
                    <span class="source">{ &token.source.description }</span>
                    <span class="line">{ format!("line {}", token.source.line) }</span>
                    if let Some(word) = verdict.word() {
                        <span class={classes!("item-verdict", verdict.as_str())}>
                            <span aria-hidden="true">{ verdict.icon() }</span>{ format!(" {word}") }
                        </span>
                    }
                </button>
            </li>
        }
    });
    html! {
        <nav class="panel token-list" aria-label="Tokens found">
            <h2 class="panel-title">{ title }</h2>
            <ul>{ for items }</ul>
            if tokens.len() > MAX_LISTED {
                <p class="hint">{ format!("Showing the first {MAX_LISTED} of {count}; the command-line tool jwt-inspect lists them all.") }</p>
            }
        </nav>
    }
}
