//! The paste area. The page state keeps exactly what was pasted; the box
//! shows it. Two things keep large pastes from freezing the page: the box
//! is never re-filled with text it already holds (re-setting a megabyte
//! value costs the browser a full relayout), and a paste of more than
//! [`SHOW_AT_MOST`] is kept in full but shown as a read-only preview.
//!
//! A file can be dropped on the panel or picked: it is read here, in the
//! browser (`Blob.text()`), never uploaded, and treated as a paste.

use crate::ui::large_text;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Larger pastes are shown truncated (the whole text is still analysed).
pub const SHOW_AT_MOST: usize = 256 * 1024;
/// How much of a large paste the preview shows.
const PREVIEW: usize = 64 * 1024;

#[derive(Properties, PartialEq)]
pub struct PasteInputProps {
    /// The page state's paste, shared (cloning it copies no text).
    pub value: Arc<String>,
    pub on_input: Callback<String>,
}

#[function_component(PasteInput)]
pub fn paste_input(props: &PasteInputProps) -> Html {
    let area = use_node_ref();
    // The text the box holds because the person typed or pasted it.
    let typed = use_mut_ref(String::new);
    let large = props.value.len() > SHOW_AT_MOST;
    // A large paste that arrived by a paste event is shown as a read-only
    // preview; one typed or dropped into the box is already all there, and
    // stays editable.
    let previewed = large && **typed.borrow() != *props.value;
    {
        let (area, typed) = (area.clone(), typed.clone());
        use_effect_with(props.value.clone(), move |value| {
            if let Some(element) = area.cast::<HtmlTextAreaElement>()
                && **typed.borrow() != **value
            {
                element.set_value(&shown(value));
            }
        });
    }
    // Counts inputs: a large paste or file copied over several tasks is
    // kept only if nothing was typed, pasted, dropped or cleared meanwhile.
    let generation = use_mut_ref(|| 0_u64);
    let oninput = {
        let (on_input, typed, generation) =
            (props.on_input.clone(), typed.clone(), generation.clone());
        Callback::from(move |event: InputEvent| {
            *generation.borrow_mut() += 1;
            let element: HtmlTextAreaElement = event.target_unchecked_into();
            let value = element.value();
            typed.replace(value.clone());
            on_input.emit(value);
        })
    };
    let onpaste = {
        let (on_input, generation) = (props.on_input.clone(), generation.clone());
        Callback::from(move |event: Event| {
            let Some(text) = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(large_text::clipboard_text)
            else {
                return;
            };
            // A UTF-16 unit is one to three UTF-8 bytes: a paste that may
            // be over the limit in bytes takes this path, and the page
            // decides on the preview from its byte length.
            if text.length() as usize * 3 > SHOW_AT_MOST {
                // Keep it all, show a preview: the browser would otherwise lay
                // out megabytes of text in the box.
                event.prevent_default();
                let ticket = next(&generation);
                let (on_input, generation) = (on_input.clone(), generation.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let text = large_text::copy_in_slices(text).await;
                    if *generation.borrow() == ticket {
                        on_input.emit(text);
                    }
                });
            }
        })
    };
    let opened = use_state(|| None::<String>);
    let read_file = {
        let (on_input, opened, generation) =
            (props.on_input.clone(), opened.clone(), generation.clone());
        Callback::from(move |file: web_sys::File| {
            let ticket = next(&generation);
            let (on_input, opened, generation) =
                (on_input.clone(), opened.clone(), generation.clone());
            let name = file.name();
            let size = file.size();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(_) if *generation.borrow() != ticket => {}
                    Ok(text) => {
                        opened.set(Some(format!(
                            "Read {name} ({} KB) here in the browser; nothing was uploaded.",
                            (size / 1024.0).ceil()
                        )));
                        let text = large_text::copy_in_slices(text.unchecked_into()).await;
                        if *generation.borrow() == ticket {
                            on_input.emit(text);
                        }
                    }
                    Err(_) => opened.set(Some(format!("{name} could not be read as text."))),
                }
            });
        })
    };
    let onchange_file = {
        let read_file = read_file.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_file.emit(file);
            }
            input.set_value("");
        })
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = Callback::from(move |event: DragEvent| {
        let file = event
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            event.prevent_default();
            read_file.emit(file);
        }
    });
    let clear = {
        let (on_input, typed, generation) =
            (props.on_input.clone(), typed.clone(), generation.clone());
        Callback::from(move |_| {
            next(&generation);
            typed.replace(String::new());
            on_input.emit(String::new());
        })
    };
    html! {
        <div class="panel paste-panel" {ondragover} {ondrop}>
            <label for="paste" class="panel-title">{ "Paste anything holding a token" }</label>
            <p class="hint">{ "A bare token, an Authorization header, a curl command with its reply, a login response with several tokens, a Keystone X-Auth-Token, a HAR export or a Docker config.json… or drop a file here." }</p>
            <label class="open-file">{ "Open a file… " }
                <input type="file" data-testid="open-file" onchange={onchange_file} />
            </label>
            if let Some(message) = &*opened {
                <p class="hint" data-testid="file-read" role="status">{ message }</p>
            }
            if large {
                <p class="notice" data-testid="large-paste" role="status">
                    { format!("{} pasted: all of it is kept and analysed{} ", megabytes(props.value.len()), if previewed { "; the box shows the first 64 KB." } else { "." }) }
                    <button type="button" data-testid="clear-paste" onclick={clear}>{ "Clear" }</button>
                </p>
            }
            <textarea
                ref={area}
                id="paste"
                data-testid="paste"
                class="paste"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder="eyJhbGciOi…"
                readonly={previewed}
                {oninput}
                {onpaste}
            />
        </div>
    }
}

/// "10.3 MB", with integer arithmetic (float formatting would add ~10 KB
/// of code to the page's wasm).
fn megabytes(bytes: usize) -> String {
    let tenths = bytes * 10 / 1_048_576;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// What the box shows for `value`.
fn shown(value: &str) -> String {
    if value.len() <= SHOW_AT_MOST {
        return value.to_string();
    }
    let mut end = PREVIEW;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    format!(
        "{}\n\n… (preview: {} more bytes are kept and analysed)",
        &value[..end],
        value.len() - end
    )
}

/// Starts a new input: the ticket an asynchronous copy must still hold
/// when it finishes.
fn next(generation: &std::rc::Rc<std::cell::RefCell<u64>>) -> u64 {
    let mut current = generation.borrow_mut();
    *current += 1;
    *current
}
