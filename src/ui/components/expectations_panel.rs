//! "Check as my service would": what the person's service expects, typed
//! as text. The core reads the fields (`ExpectationFields::read`); nothing
//! typed here is stored or put in a URL.

use crate::analysis::expectations::ExpectationFields;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExpectationsPanelProps {
    pub fields: ExpectationFields,
    pub problems: Vec<String>,
    pub on_change: Callback<ExpectationFields>,
    /// The labels of the keys supplied, to choose the service's key from.
    pub keys: Vec<String>,
    /// The leeway, shared with the time controls.
    pub leeway: i64,
    pub on_leeway: Callback<i64>,
}

/// Which field an input edits.
#[derive(Clone, Copy)]
enum Field {
    Issuers,
    Audiences,
    Algorithms,
    Required,
    MaxLifetime,
    Key,
}

fn field_text(fields: &mut ExpectationFields, field: Field) -> &mut String {
    match field {
        Field::Issuers => &mut fields.issuers,
        Field::Audiences => &mut fields.audiences,
        Field::Algorithms => &mut fields.algorithms,
        Field::Required => &mut fields.required,
        Field::MaxLifetime => &mut fields.max_lifetime,
        Field::Key => &mut fields.key,
    }
}

#[function_component(ExpectationsPanel)]
pub fn expectations_panel(props: &ExpectationsPanelProps) -> Html {
    let input = |field: Field, id: &'static str, label: &'static str, placeholder: &'static str| {
        let (on_change, fields) = (props.on_change.clone(), props.fields.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            let element: HtmlInputElement = e.target_unchecked_into();
            let mut next = fields.clone();
            *field_text(&mut next, field) = element.value();
            on_change.emit(next);
        });
        let mut current = props.fields.clone();
        let value = field_text(&mut current, field).clone();
        html! {
            <div class="expect-row">
                <label for={id}>{ label }</label>
                <input id={id} data-testid={id} type="text" spellcheck="false" autocomplete="off"
                    {placeholder} {value} {oninput} />
            </div>
        }
    };
    let leeway_input = super::time_controls::leeway_input(props.on_leeway.clone());
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let key_change = {
        let (on_change, fields) = (props.on_change.clone(), props.fields.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = fields.clone();
            *field_text(&mut next, Field::Key) = select.value();
            on_change.emit(next);
        })
    };
    html! {
        <details class="panel expectations-panel" data-testid="expectations-panel" open={*open} {ontoggle}>
            <summary class="panel-title">{ "Check as my service would" }</summary>
            // Its fields are made when it is first opened: form controls are
            // the costliest part of the first paint (docs/benchmarks.md).
            if *open {
            <p class="hint">{ "Say what your service expects; each token then lists every rule in the order a verifier checks them, and whether your service would accept it. Lists take commas, spaces or new lines. Nothing here is stored." }</p>
            { input(Field::Issuers, "expect-iss", "Expected issuer(s)", "https://issuer.example/") }
            { input(Field::Audiences, "expect-aud", "Accepted audience(s)", "api://orders") }
            { input(Field::Algorithms, "expect-alg", "Allowed algorithms", "RS256, ES256") }
            { input(Field::Required, "expect-require", "Required claims", "exp, sub") }
            { input(Field::MaxLifetime, "expect-max-lifetime", "Maximum lifetime", "1h, 15m, 3600") }
            <div class="expect-row">
                <label for="expect-leeway">{ "Leeway (s)" }</label>
                <input id="expect-leeway" data-testid="expect-leeway" type="number" min="0" max="86400" step="1"
                    value={props.leeway.to_string()} oninput={leeway_input} />
            </div>
            <div class="expect-row">
                <label for="expect-key">{ "Key the service uses" }</label>
                <select id="expect-key" data-testid="expect-key" onchange={key_change}>
                    <option value="" selected={props.fields.key.is_empty()}>{ "any key supplied above" }</option>
                    { for props.keys.iter().map(|label| html! {
                        <option value={label.clone()} selected={props.fields.key == *label}>{ label }</option>
                    }) }
                </select>
            </div>
            { for props.problems.iter().map(|p| html! { <p class="key-error" data-testid="expectation-problem" role="alert">{ p }</p> }) }
            }
        </details>
    }
}
