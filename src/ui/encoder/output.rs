//! What the encoder made: the token (copy, "inspect this token"), the
//! signing key's public forms for a service's configuration, and the
//! tokens a service must refuse.

use super::app::Act;
use super::state::{Action, EncoderState};
use crate::analysis::job::make::{PublicForms, RESPONSIBLE_USE, RefusalToken};
use crate::ui::components::CopyButton;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutputProps {
    pub state: UseReducerHandle<EncoderState>,
    pub act: Act,
}

#[function_component(Output)]
pub fn output(props: &OutputProps) -> Html {
    let (state, act) = (&props.state, &props.act);
    let inspect = state.inspect_request();
    let on_inspect = Callback::from(move |_| {
        if let Some(request) = &inspect {
            super::inspect(request);
        }
    });
    html! {
        <section class="panel encoder-output" aria-label="Signed token" aria-live="polite">
            <h3 class="panel-title">{ "Token" }</h3>
            if let Some(reason) = &state.sign_error {
                <p class="problem" role="alert" data-testid="sign-error">{ reason }</p>
            }
            if let Some(signed) = &state.signed {
                if state.signed_is_stale() {
                    <p class="hint" data-testid="token-stale">{ if state.signing() {
                        "Signing the new text…"
                    } else {
                        "This token is from the last valid JSON: correct the editor to sign again."
                    } }</p>
                }
                <pre class="token-text" data-testid="encoded-token" tabindex="0" aria-label="Signed token">{ &signed.token }</pre>
                <div class="actions">
                    <CopyButton text={signed.token.clone()} label="Copy the token" testid="copy-encoded-token" />
                    <button type="button" data-testid="inspect-token" onclick={on_inspect}>{ "Inspect this token" }</button>
                </div>
                { for signed.warnings.iter().map(|w| html! { <p class="key-warning" data-testid="sign-warning">{ w }</p> }) }
                if let Some(public) = &signed.public {
                    { public_forms(public) }
                }
                { refusals(state, act) }
            } else if state.sign_error.is_none() {
                <p class="hint" data-testid="token-waiting">{ if state.signing() {
                    "Signing…"
                } else {
                    "Choose a key to sign with: the token appears here and follows every edit."
                } }</p>
            }
        </section>
    }
}

/// The public key as PEM, JWK and one-key JWKS (none for a secret).
fn public_forms(public: &PublicForms) -> Html {
    if public.jwks.is_empty() {
        return html! {};
    }
    html! {
        <details class="public-forms" open=true>
            <summary>{ format!("Public key (kid {}) for the service's configuration", public.kid) }</summary>
            if let Some(pem) = &public.pem {
                { form("PEM", "public-pem", pem) }
            }
            { form("JWK", "public-jwk", &public.jwk) }
            { form("JWKS", "public-jwks", &public.jwks) }
        </details>
    }
}

fn form(title: &'static str, testid: &'static str, text: &str) -> Html {
    html! {
        <div class="key-form">
            <div class="panel-head">
                <h4>{ title }</h4>
                <CopyButton text={text.to_string()} label={format!("Copy the public key as {title}")} testid={format!("copy-{testid}")} />
            </div>
            <pre class="key-text" data-testid={testid} tabindex="0" aria-label={format!("Public key as {title}")}>{ text }</pre>
        </div>
    }
}

/// "Tokens a service must refuse": the header line, the button, the set.
fn refusals(state: &EncoderState, act: &Act) -> Html {
    let on_line = {
        let act = act.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            act.emit(Action::HeaderLine(input.value()));
        })
    };
    let on_make = {
        let act = act.clone();
        Callback::from(move |_| act.emit(Action::Refuse))
    };
    html! {
        <details class="refusals">
            <summary>{ "Tokens a service must refuse" }</summary>
            <p class="hint">{ RESPONSIBLE_USE }</p>
            <label for="header-line">{ "How your service takes a token" }</label>
            <input id="header-line" data-testid="header-line" type="text" spellcheck="false"
                value={state.header_line.clone()} oninput={on_line} />
            <button type="button" data-testid="make-refusals" disabled={state.refusing()} onclick={on_make}>{ "Make the set" }</button>
            if let Some(reason) = &state.refuse_error {
                <p class="problem" role="alert" data-testid="refuse-error">{ reason }</p>
            }
            if let Some(set) = &state.refusals {
                <ol class="refusal-list" data-testid="refusal-list">
                    { for set.iter().map(refusal) }
                </ol>
            }
        </details>
    }
}

fn refusal(case: &RefusalToken) -> Html {
    html! {
        <li data-testid="refusal" data-case={case.case.clone()}>
            <strong>{ &case.case }</strong>{ " — " }{ &case.reason }
            <div class="actions">
                <CopyButton text={case.token.clone()} label={format!("Copy the {} token", case.case)} />
                <CopyButton text={case.curl.clone()} label={format!("Copy the curl command for {}", case.case)} />
            </div>
            <code class="token-text">{ &case.token }</code>
        </li>
    }
}
