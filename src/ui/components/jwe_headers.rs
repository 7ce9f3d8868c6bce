//! A JWE JSON document's unprotected headers (RFC 7516 §7.2.1): the shared
//! one and each recipient's, shown apart from the protected header
//! because nothing vouches for them.

use crate::analysis::jwe_json::JweRecipient;
use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JweHeadersProps {
    pub shared: Option<Value>,
    pub recipients: Vec<JweRecipient>,
    /// "recipient 2 (kid …)" when a key opened one.
    #[prop_or_default]
    pub opened: Option<String>,
}

/// Whether `opened` ("recipient 2 (kid \"bob\")") names `name`
/// ("recipient 2"), and not "recipient 20".
fn is_opened(opened: Option<&str>, name: &str) -> bool {
    opened.is_some_and(|o| {
        o == name
            || o.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(' '))
    })
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[function_component(JweHeaders)]
pub fn jwe_headers(props: &JweHeadersProps) -> Html {
    html! {
        <section class="panel jwe-headers" data-testid="jwe-headers" aria-label="Unprotected headers">
            <h3 class="panel-title">{ "Unprotected headers (not integrity-protected)" }</h3>
            if let Some(shared) = &props.shared {
                <p class="hint">{ "Shared by every recipient (unprotected):" }</p>
                <pre data-testid="jwe-shared-header" tabindex="0" aria-label="Shared unprotected header">{ pretty(shared) }</pre>
            }
            <ol class="jwe-recipients">
                { for props.recipients.iter().enumerate().map(|(i, r)| {
                    let name = format!("recipient {}", i + 1);
                    let opened = is_opened(props.opened.as_deref(), &name);
                    html! {
                        <li data-testid="jwe-recipient" data-opened={opened.to_string()}>
                            { if opened { format!("{name}: the key given opened this one") } else { name.clone() } }
                            <pre tabindex="0" aria-label={format!("Header of {name}")}>{ r.header.as_ref().map_or_else(|| "no header of its own".to_string(), pretty) }</pre>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::is_opened;

    #[test]
    fn the_opened_recipient_is_matched_whole() {
        assert!(is_opened(Some("recipient 1"), "recipient 1"));
        assert!(is_opened(Some("recipient 1 (kid \"7\")"), "recipient 1"));
        assert!(!is_opened(Some("recipient 10 (kid \"7\")"), "recipient 1"));
        assert!(!is_opened(None, "recipient 1"));
    }
}
