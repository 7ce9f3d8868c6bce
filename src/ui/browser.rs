//! The few things the UI asks of the browser besides the clock: the URL
//! fragment (share links), the theme attribute, the colour-scheme
//! preference. Kept in one file so what touches the page's environment is
//! easy to audit. Nothing here stores anything.

use wasm_bindgen::JsValue;

/// A token carried in the URL fragment: `#token=…`, and jwt.io's
/// `#id_token=…`, `#access_token=…`, `#debugger-io?token=…`.
pub fn token_from_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    token_in_fragment(&hash)
}

/// Parses a fragment (with or without the leading `#`).
pub fn token_in_fragment(hash: &str) -> Option<String> {
    let hash = hash.trim_start_matches('#');
    let query = hash.split_once('?').map_or(hash, |(_, q)| q);
    query.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        matches!(name, "token" | "id_token" | "access_token")
            .then(|| {
                percent_encoding::percent_decode_str(value)
                    .decode_utf8_lossy()
                    .into_owned()
            })
            .filter(|v| !v.is_empty())
    })
}

/// Puts `#token=…` in the address bar without reloading or adding history.
pub fn share_in_fragment(token: &str) -> Option<String> {
    let window = web_sys::window()?;
    let encoded = percent_encoding::utf8_percent_encode(token, percent_encoding::NON_ALPHANUMERIC)
        .to_string();
    let fragment = format!(
        "#token={}",
        encoded
            .replace("%2E", ".")
            .replace("%2D", "-")
            .replace("%5F", "_")
    );
    window
        .history()
        .ok()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&fragment))
        .ok()?;
    window.location().href().ok()
}

/// Whether the page currently shows the dark theme.
pub fn dark_theme_shown() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let forced = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-theme"));
    match forced.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Forces the light or dark theme for this visit (not remembered).
pub fn set_theme(dark: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// Opens the encoder with `seed`: leaves the seed in
/// `window.jwtInspectorEncoderSeed` and fires the open event (heard when
/// the encoder is already running; otherwise it reads the seed as it
/// starts), then loads the encoder once (`window.jwtInspectorLoadEncoder`,
/// defined by static/boot.js or the single-file build, which also says so
/// on the page when its files cannot be loaded).
pub fn open_encoder(seed: &crate::analysis::job::make::EncoderSeed) {
    use crate::analysis::job::make::OPEN_EVENT;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let texts = js_sys::Array::of3(
        &JsValue::from_str(&seed.header),
        &JsValue::from_str(&seed.payload),
        &JsValue::from_str(&seed.header_line),
    );
    let _ = js_sys::Reflect::set(
        &window,
        &JsValue::from_str("jwtInspectorEncoderSeed"),
        &texts,
    );
    if let Ok(event) = web_sys::Event::new(OPEN_EVENT) {
        let _ = window.dispatch_event(&event);
    }
    if let Some(load) = js_sys::Reflect::get(&window, &JsValue::from_str("jwtInspectorLoadEncoder"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = load.call0(&JsValue::NULL);
    }
}

/// Calls `on_inspect` with each token the encoder hands back
/// (the `jwt-inspector-inspect` event; its detail is an
/// [`InspectRequest`](crate::analysis::job::make::InspectRequest) as the
/// array `[token, key]`).
pub fn on_inspect_request(on_inspect: yew::Callback<crate::analysis::job::make::InspectRequest>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let detail = js_sys::Reflect::get(&event, &JsValue::from_str("detail"))
            .ok()
            .and_then(|d| d.dyn_into::<js_sys::Array>().ok());
        if let Some(parts) = detail {
            on_inspect.emit(crate::analysis::job::make::InspectRequest {
                token: parts.get(0).as_string().unwrap_or_default(),
                key: parts.get(1).as_string().unwrap_or_default(),
            });
        }
    });
    let _ = window.add_event_listener_with_callback(
        crate::analysis::job::make::INSPECT_EVENT,
        listener.as_ref().unchecked_ref(),
    );
    // Lives as long as the page.
    listener.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_of_this_page_and_of_jwt_io_are_read() {
        assert_eq!(
            token_in_fragment("#token=eyJ.a.b").as_deref(),
            Some("eyJ.a.b")
        );
        assert_eq!(
            token_in_fragment("#state=x&id_token=eyJ.c.d").as_deref(),
            Some("eyJ.c.d")
        );
        assert_eq!(
            token_in_fragment("#debugger-io?token=eyJ.e.f").as_deref(),
            Some("eyJ.e.f")
        );
        assert_eq!(
            token_in_fragment("access_token=a%2Bb").as_deref(),
            Some("a+b")
        );
        assert_eq!(token_in_fragment("#section-2"), None);
        assert_eq!(token_in_fragment("#token="), None);
    }
}
