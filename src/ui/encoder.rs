//! The encoder ("Edit & sign"): header and payload editors, a key pasted,
//! typed or generated, the signed token with its public key forms, and the
//! tokens a service must refuse. A second wasm module, loaded the first
//! time the page opens it (`ui::browser::open_encoder`), shown
//! in a modal `<dialog>`. Signing and key generation run in its own Web
//! Worker. It talks to the page only through two window events:
//! `jwt-inspector-encode` (open, with `window.jwtInspectorEncoderSeed`) and
//! `jwt-inspector-inspect` (hand a token back). Nothing is stored.

pub mod app;
pub mod editors;
pub mod key_source;
pub mod output;
pub mod state;

use crate::analysis::job::make::{EncoderSeed, INSPECT_EVENT, InspectRequest, OPEN_EVENT};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Mounts the encoder in a new `<dialog>` at the end of the body.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(dialog), Some(body)) = (document.create_element("dialog"), document.body()) else {
        return;
    };
    dialog.set_id("encoder");
    dialog.set_class_name("encoder");
    let _ = dialog.set_attribute("aria-labelledby", "encoder-title");
    let _ = dialog.set_attribute("data-testid", "encoder");
    if body.append_child(&dialog).is_ok() {
        yew::Renderer::<app::EncoderApp>::with_root(dialog).render();
    }
}

/// The seed the page left for the encoder (`window.jwtInspectorEncoderSeed`,
/// the array `[header, payload, header_line]`).
pub fn seed() -> EncoderSeed {
    let texts = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("jwtInspectorEncoderSeed")).ok())
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok());
    texts.map_or_else(EncoderSeed::default, |texts| EncoderSeed {
        header: texts.get(0).as_string().unwrap_or_default(),
        payload: texts.get(1).as_string().unwrap_or_default(),
        header_line: texts.get(2).as_string().unwrap_or_default(),
    })
}

/// Shows the dialog, modal (Escape closes it).
pub fn show() {
    if let Some(dialog) = dialog().filter(|d| !d.open()) {
        let _ = dialog.show_modal();
    }
}

/// Hides the dialog.
pub fn close() {
    if let Some(dialog) = dialog() {
        dialog.close();
    }
}

fn dialog() -> Option<web_sys::HtmlDialogElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id("encoder")?
        .dyn_into()
        .ok()
}

/// Calls `on_open` each time the page opens the encoder again.
pub fn on_open(on_open: yew::Callback<EncoderSeed>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn FnMut()>::new(move || on_open.emit(seed()));
    let _ = window.add_event_listener_with_callback(OPEN_EVENT, listener.as_ref().unchecked_ref());
    // Lives as long as the page.
    listener.forget();
}

/// Hands a token back to the inspector and closes the encoder.
pub fn inspect(request: &InspectRequest) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&js_sys::Array::of2(
        &JsValue::from_str(&request.token),
        &JsValue::from_str(&request.key),
    ));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(INSPECT_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
    close();
}
