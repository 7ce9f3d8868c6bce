//! The header and payload editors, checked as the person types (line and
//! column of the first JSON error), with the algorithm choice, the time
//! helpers and the claim templates.

use super::app::Act;
use super::state::{Action, EncoderState};
use crate::analysis::encode::{self, EditorProblem};
use crate::analysis::vocab::JwsAlg;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorsProps {
    pub state: UseReducerHandle<EncoderState>,
    pub act: Act,
}

/// Units for "exp = now + N".
const UNITS: [(&str, i64); 3] = [("minutes", 60), ("hours", 3600), ("days", 86_400)];

#[function_component(Editors)]
pub fn editors(props: &EditorsProps) -> Html {
    let state = &props.state;
    let act = &props.act;
    let amount = use_state(|| 1_i64);
    let unit = use_state(|| UNITS[1].1);
    let on_alg = {
        let act = act.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(alg) = JwsAlg::parse(&select.value()) {
                act.emit(Action::SetAlg(alg));
            }
        })
    };
    let on_template = {
        let act = act.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(index) = select.value().parse::<usize>() {
                act.emit(Action::Template(index));
            }
            select.set_value("");
        })
    };
    let time = |claim: &'static str, offset: i64| {
        let act = act.clone();
        Callback::from(move |_| act.emit(Action::SetTime { claim, offset }))
    };
    let on_amount = {
        let amount = amount.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            amount.set(input.value().trim().parse().unwrap_or(0));
        })
    };
    let on_unit = {
        let unit = unit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            unit.set(select.value().parse().unwrap_or(UNITS[1].1));
        })
    };
    let alg = state.alg();
    html! {
        <section class="encoder-editors" aria-label="Header and payload">
            <div class="editor-toolbar">
                <label for="encoder-alg">{ "Algorithm" }</label>
                <select id="encoder-alg" data-testid="encoder-alg" onchange={on_alg}>
                    if alg.is_none() { <option value="" selected=true>{ "choose…" }</option> }
                    { for JwsAlg::ALL.iter().map(|a| html! {
                        <option value={a.as_str()} selected={Some(*a) == alg}>{ a.as_str() }</option>
                    }) }
                </select>
                <label for="encoder-template" class="visually-hidden">{ "Start from a template" }</label>
                <select id="encoder-template" data-testid="encoder-template" onchange={on_template}>
                    <option value="" selected=true>{ "Start from a template…" }</option>
                    { for encode::TEMPLATE_NAMES.iter().enumerate().map(|(i, name)| html! { <option value={i.to_string()}>{ *name }</option> }) }
                </select>
            </div>
            { editor("Header", "encoder-header", &state.header, state.header_problem.as_ref(), act, Action::EditHeader) }
            { editor("Payload", "encoder-payload", &state.payload, state.payload_problem.as_ref(), act, Action::EditPayload) }
            <div class="time-helpers" role="group" aria-label="Times">
                <button type="button" data-testid="set-iat" onclick={time("iat", 0)}>{ "iat = now" }</button>
                <button type="button" data-testid="set-nbf" onclick={time("nbf", 0)}>{ "nbf = now" }</button>
                <span class="exp-helper">
                    <label for="exp-amount">{ "exp = now +" }</label>
                    <input id="exp-amount" data-testid="exp-amount" type="number" min="0" value={amount.to_string()} oninput={on_amount} />
                    <label for="exp-unit" class="visually-hidden">{ "Unit" }</label>
                    <select id="exp-unit" data-testid="exp-unit" onchange={on_unit}>
                        { for UNITS.iter().map(|(name, seconds)| html! {
                            <option value={seconds.to_string()} selected={*seconds == *unit}>{ *name }</option>
                        }) }
                    </select>
                    <button type="button" data-testid="set-exp" onclick={time("exp", amount.saturating_mul(*unit))}>{ "Set exp" }</button>
                </span>
            </div>
        </section>
    }
}

/// One JSON editor and, under it, where its text breaks.
fn editor(
    title: &'static str,
    id: &'static str,
    text: &str,
    problem: Option<&EditorProblem>,
    act: &Act,
    action: fn(String) -> Action,
) -> Html {
    let act = act.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        act.emit(action(area.value()));
    });
    let problem_id = format!("{id}-problem");
    html! {
        <div class="editor">
            <label for={id} class="panel-title">{ title }</label>
            <textarea id={id} data-testid={id} class="json-editor" spellcheck="false" autocomplete="off"
                aria-invalid={problem.is_some().to_string()} aria-describedby={problem_id.clone()}
                value={text.to_string()} {oninput} />
            if let Some(problem) = problem {
                <p id={problem_id} class="editor-problem" data-testid={format!("{id}-problem")} role="alert">
                    { format!("Not valid JSON at {problem}") }
                </p>
            }
        </div>
    }
}
