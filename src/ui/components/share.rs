//! Sharing, only when asked: the token goes into the URL fragment, which
//! browsers never send to a server, with a plain warning that the link
//! itself is the token. Or a redacted copy: the signature removed and the
//! chosen claims' values replaced by "…" (the core's `redact`), which no
//! longer verifies and is said to.

use crate::analysis::redact;
use crate::analysis::report::TokenReport;
use crate::ui::browser;
use crate::ui::components::CopyButton;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub token: Rc<TokenReport>,
}

/// What the dialog shares.
#[derive(Debug, Clone, PartialEq)]
enum Shared {
    Nothing,
    Full(Option<String>),
    /// The claims hidden, and the link (or why there is none).
    Redacted {
        hidden: Vec<String>,
        link: Result<Option<String>, String>,
    },
}

fn redacted(token: &str, hidden: Vec<String>) -> Shared {
    let link = redact::redact(token, &hidden).map(|copy| browser::share_in_fragment(&copy));
    Shared::Redacted { hidden, link }
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let shared = use_state(|| Shared::Nothing);
    let token = props.token.token.clone();
    let full = {
        let (shared, token) = (shared.clone(), token.clone());
        Callback::from(move |_| shared.set(Shared::Full(browser::share_in_fragment(&token))))
    };
    let redacted_click = {
        let (shared, token) = (shared.clone(), token.clone());
        let hidden = props
            .token
            .payload
            .as_ref()
            .map(redact::hidden_by_default)
            .unwrap_or_default();
        Callback::from(move |_| shared.set(redacted(&token, hidden.clone())))
    };
    let claims: Vec<String> = props
        .token
        .payload
        .as_ref()
        .and_then(|p| p.as_object())
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    html! {
        <div class="share">
            <button type="button" data-testid="share" onclick={full}>{ "Share link…" }</button>
            if !claims.is_empty() {
                <button type="button" data-testid="share-redacted" onclick={redacted_click}>{ "Share a redacted copy…" }</button>
            }
            { match &*shared {
                Shared::Nothing => html! {},
                Shared::Full(link) => html! {
                    <div class="share-warning" data-testid="share-warning" role="alert">
                        <p><strong>{ "This link contains the token itself." }</strong>{ " Anyone who gets it can use the token until it expires. The part after # stays in the browser and is never sent to a server, but chat tools and browser history keep it." }</p>
                        if let Some(url) = link {
                            <code class="share-link">{ url }</code>
                            <CopyButton text={url.clone()} label="Copy the share link" testid="copy-share-link" />
                        }
                    </div>
                },
                Shared::Redacted { hidden, link } => {
                    let toggle = |name: &String| {
                        let (shared, token, hidden, name) = (shared.clone(), token.clone(), hidden.clone(), name.clone());
                        Callback::from(move |e: Event| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            let mut next: Vec<String> = hidden.iter().filter(|h| **h != name).cloned().collect();
                            if input.checked() {
                                next.push(name.clone());
                            }
                            shared.set(redacted(&token, next));
                        })
                    };
                    html! {
                        <div class="share-warning redacted" data-testid="share-redacted-dialog" role="alert">
                            <p><strong>{ "This redacted copy no longer verifies." }</strong>{ " Its signature is removed and the values you hide are replaced by \"…\", so no service will accept it: it shows the shape of the token, not the token." }</p>
                            <fieldset>
                                <legend>{ "Hide the value of" }</legend>
                                { for claims.iter().map(|name| html! {
                                    <label class="claim-choice">
                                        <input type="checkbox" data-testid="redact-claim" data-claim={name.clone()}
                                            checked={hidden.contains(name)} onchange={toggle(name)} />
                                        <code>{ name }</code>
                                    </label>
                                }) }
                            </fieldset>
                            { match link {
                                Ok(Some(url)) => html! { <>
                                    <code class="share-link" data-testid="redacted-link">{ url }</code>
                                    <CopyButton text={url.clone()} label="Copy the redacted link" testid="copy-redacted-link" />
                                </> },
                                Ok(None) => html! {},
                                Err(why) => html! { <p class="key-error">{ format!("This token cannot be redacted: {why}.") }</p> },
                            } }
                        </div>
                    }
                }
            } }
        </div>
    }
}
