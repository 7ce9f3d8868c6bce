//! The top bar: what this is, the privacy promise, examples and the theme.

use crate::ui::browser;
use crate::ui::examples::{self, Example};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub on_example: Callback<Example>,
    /// The example could not be loaded.
    pub on_error: Callback<String>,
    /// "New token": opens the encoder.
    pub on_new_token: Callback<()>,
}

#[function_component(Masthead)]
pub fn masthead(props: &MastheadProps) -> Html {
    let dark = use_state(browser::dark_theme_shown);
    let toggle = {
        let dark = dark.clone();
        Callback::from(move |_| {
            browser::set_theme(!*dark);
            dark.set(!*dark);
        })
    };
    let on_example = {
        let (on_example, on_error) = (props.on_example.clone(), props.on_error.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let id = select.value();
            select.set_value("");
            let (on_example, on_error) = (on_example.clone(), on_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match examples::load(&id).await {
                    Ok(example) => on_example.emit(example),
                    Err(reason) => on_error.emit(reason),
                }
            });
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
                    { for examples::MENU.iter().map(|(id, title)| html! { <option value={*id}>{ *title }</option> }) }
                </select>
                <button type="button" data-testid="new-token" onclick={props.on_new_token.reform(|_| ())}>{ "New token" }</button>
                <button type="button" class="theme-toggle" data-testid="theme-toggle" aria-pressed={dark.to_string()} onclick={toggle}>
                    { if *dark { "Light theme" } else { "Dark theme" } }
                </button>
            </div>
        </header>
    }
}
