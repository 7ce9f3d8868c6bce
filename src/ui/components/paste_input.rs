//! The paste area. It is controlled by the page state, so whatever is
//! pasted stays visible whatever the analysis finds.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteInputProps {
    pub value: String,
    pub on_input: Callback<String>,
}

#[function_component(PasteInput)]
pub fn paste_input(props: &PasteInputProps) -> Html {
    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        on_input.emit(area.value());
    });
    html! {
        <div class="panel paste-panel">
            <label for="paste" class="panel-title">{ "Paste anything holding a token" }</label>
            <p class="hint">{ "A bare token, an Authorization header, a curl command with its reply, a login response with several tokens, a Keystone X-Auth-Token…" }</p>
            <textarea
                id="paste"
                data-testid="paste"
                class="paste"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder="eyJhbGciOi…"
                value={props.value.clone()}
                {oninput}
            />
        </div>
    }
}
