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
