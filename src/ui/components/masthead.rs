//! The top bar: what this is, the privacy promise, examples and the theme.

use crate::ui::browser;
use crate::ui::examples::{self, Example};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub on_example: Callback<Example>,
}

#[function_component(Masthead)]
pub fn masthead(props: &MastheadProps) -> Html {
    let examples = use_memo((), |_| examples::all());
    let dark = use_state(browser::dark_theme_shown);
    let toggle = {
        let dark = dark.clone();
        Callback::from(move |_| {
            browser::set_theme(!*dark);
            dark.set(!*dark);
        })
    };
    let on_example = {
        let (examples, on_example) = (examples.clone(), props.on_example.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(example) = examples.iter().find(|x| x.id == select.value()) {
                on_example.emit(example.clone());
            }
            select.set_value("");
        })
    };
    html! {
        <header class="masthead">
            <div class="brand">
                <h1>{ "JWT Inspector" }</h1>
                <p class="promise">{ "Runs entirely in your browser, offline. Nothing you paste leaves this page." }</p>
            </div>
            <div class="masthead-actions">
                <label for="examples" class="visually-hidden">{ "Try an example" }</label>
                <select id="examples" data-testid="examples" onchange={on_example}>
                    <option value="" selected=true>{ "Try an example…" }</option>
                    { for examples.iter().map(|e| html! { <option value={e.id.clone()}>{ &e.title }</option> }) }
                </select>
                <button type="button" class="theme-toggle" data-testid="theme-toggle" aria-pressed={dark.to_string()} onclick={toggle}>
                    { if *dark { "Light theme" } else { "Dark theme" } }
                </button>
            </div>
        </header>
    }
}
