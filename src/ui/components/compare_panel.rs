//! "Why does one work and the other not": the selected token beside
//! another found token, or one pasted here, as the core compares them.

use crate::analysis::compare::{Comparison, MemberDiff, compare};
use crate::analysis::report::{Report, TokenReport};
use crate::ui::after_paint::use_rest_after_paint;
use crate::ui::components::token_list::FIRST_SCREEN;
use crate::ui::state::CompareWith;
use std::rc::Rc;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// The selected token (A) and its index.
    pub token: Rc<TokenReport>,
    pub selected: usize,
    /// The report, whose tokens B is picked from.
    pub report: Rc<Report>,
    /// The paste the report is about (the state's `report_generation`;
    /// see [`use_rest_after_paint`]).
    pub report_of: u64,
    pub with: Option<CompareWith>,
    pub on_change: Callback<Option<CompareWith>>,
    /// A second token pasted into the comparison box.
    pub on_paste: Callback<String>,
}

#[function_component(ComparePanel)]
pub fn compare_panel(props: &ComparePanelProps) -> Html {
    // One option per token: for a long paste they come after the first
    // frame, which shows the list and the selected token.
    let all_options =
        use_rest_after_paint(props.report_of, props.report.tokens.len() > FIRST_SCREEN);
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        on_change.emit(match select.value().as_str() {
            "" => None,
            "pasted" => Some(CompareWith::Pasted {
                text: String::new(),
                token: None,
            }),
            index => index.parse().ok().map(CompareWith::Found),
        });
    });
    let on_paste = props.on_paste.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        on_paste.emit(area.value());
    });
    let other: Option<&TokenReport> = match &props.with {
        Some(CompareWith::Found(i)) => props.report.tokens.get(*i),
        Some(CompareWith::Pasted { token, .. }) => token.as_deref(),
        None => None,
    };
    let chosen_token = match &props.with {
        Some(CompareWith::Found(i)) => Some(*i),
        _ => None,
    };
    let chosen = match &props.with {
        Some(CompareWith::Found(i)) => i.to_string(),
        Some(CompareWith::Pasted { .. }) => "pasted".into(),
        None => String::new(),
    };
    html! {
        <section class="panel compare" data-testid="compare" aria-label="Compare">
            <label for="compare-with" class="panel-title">{ "Compare with" }</label>
            <select id="compare-with" data-testid="compare-with" {onchange}>
                <option value="" selected={chosen.is_empty()}>{ "— nothing —" }</option>
                { for props.report.tokens.iter().enumerate()
                    .filter(|(i, _)| *i != props.selected && (all_options || chosen_token == Some(*i)))
                    .map(|(i, t)| html! {
                    <option value={i.to_string()} selected={chosen == i.to_string()}>
                        { format!("Token {} · {} · {}", i + 1, t.kind, t.source.description) }
                    </option>
                }) }
                <option value="pasted" selected={chosen == "pasted"}>{ "a token I paste…" }</option>
            </select>
            if let Some(CompareWith::Pasted { text, .. }) = &props.with {
                <textarea data-testid="compare-paste" class="keys" spellcheck="false" autocomplete="off"
                    placeholder="Paste the second token (B) here" value={text.clone()} {oninput} />
            }
            if let Some(b) = other {
                { comparison_view(&compare(&props.token, b)) }
            } else if matches!(props.with, Some(CompareWith::Pasted { .. })) {
                <p class="hint">{ "No token found in the second paste yet." }</p>
            }
        </section>
    }
}

fn comparison_view(c: &Comparison) -> Html {
    html! {
        <div data-testid="comparison">
            <ul class="compare-summary">
                { for c.summary.iter().map(|line| html! { <li data-testid="compare-summary">{ line }</li> }) }
            </ul>
            { table("Header", &c.header) }
            { table("Payload", &c.payload) }
        </div>
    }
}

fn table(title: &str, diffs: &[MemberDiff]) -> Html {
    let cell =
        |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string()).unwrap_or_default();
    html! {
        <table class="compare-table">
            <caption>{ title }</caption>
            <thead><tr><th scope="col">{ "Member" }</th><th scope="col">{ "A" }</th><th scope="col">{ "B" }</th></tr></thead>
            <tbody>
                { for diffs.iter().map(|d| html! {
                    <tr class={d.change.as_str()} data-testid="compare-row" data-name={d.name.clone()} data-change={d.change.as_str()}>
                        <th scope="row"><code>{ &d.name }</code>{ " " }<span class="tag">{ d.change.as_str() }</span></th>
                        <td><code>{ cell(&d.a) }</code></td>
                        <td><code>{ cell(&d.b) }</code></td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
