//! "Try an example": one token per recognised issuer, each with the key
//! that verifies it — the tokens minted by tests/data/minted/mint.py. The
//! menu is compiled in; the examples themselves (`tokens.json`, copied to
//! the site by Trunk) are fetched from this page's own origin when one is
//! chosen, so they do not weigh on the first download.

use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// `(id, title)` of every example, in menu order (tests check it matches
/// tokens.json).
pub const MENU: [(&str, &str); 7] = [
    ("dcos", "DC/OS IAM login token"),
    (
        "dcos-service",
        "DC/OS service login token (service account key)",
    ),
    (
        "docker-registry",
        "Docker registry token (token endpoint reply)",
    ),
    ("auth0", "Auth0 ID token (Dataloop login response)"),
    ("keystone-jws", "OpenStack Keystone JWS token"),
    ("keystone-pki", "OpenStack Keystone PKI token (CMS)"),
    ("keystone-fernet", "OpenStack Keystone Fernet token"),
];

/// One example: what to paste and the key to paste beside it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Example {
    pub id: String,
    pub title: String,
    pub paste: String,
    pub key: String,
}

#[derive(Deserialize)]
struct File {
    examples: Vec<Example>,
}

/// Parses tokens.json.
pub fn parse(json: &str) -> Vec<Example> {
    serde_json::from_str::<File>(json)
        .map(|f| f.examples)
        .unwrap_or_default()
}

/// Fetches the example `id` (from `window.jwtInspectorExamples` in the
/// single-file build, else `./tokens.json`).
///
/// # Errors
/// A sentence saying why it could not be loaded.
pub async fn load(id: &str) -> Result<Example, String> {
    let window = web_sys::window().ok_or("no window")?;
    let inline = js_sys::Reflect::get(&window, &JsValue::from_str("jwtInspectorExamples"))
        .ok()
        .and_then(|v| v.as_string());
    let json = match inline {
        Some(json) => json,
        None => {
            let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(
                window.fetch_with_str("./tokens.json"),
            )
            .await
            .map_err(|_| "the examples file could not be loaded (offline before the first visit?)")?
            .unchecked_into();
            let text = wasm_bindgen_futures::JsFuture::from(
                response.text().map_err(|_| "unreadable examples file")?,
            )
            .await
            .map_err(|_| "unreadable examples file")?;
            text.as_string().unwrap_or_default()
        }
    };
    parse(&json)
        .into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| format!("there is no example \"{id}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menu_lists_exactly_the_minted_examples_in_order() {
        let json = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/minted/tokens.json"
        ))
        .unwrap();
        let examples = parse(&json);
        let ids: Vec<(&str, &str)> = examples
            .iter()
            .map(|e| (e.id.as_str(), e.title.as_str()))
            .collect();
        assert_eq!(ids, MENU);
        assert!(examples.iter().all(|e| !e.paste.is_empty()));
    }
}
