//! The key to sign with: generated in the worker for the header's `alg`,
//! pasted (PKCS#8, PKCS#1, SEC1, OpenSSH, a JWK with `d`), or an HMAC
//! secret. A generated private key is shown only on request, with what
//! exposing it means.

use super::app::Act;
use super::state::{Action, EncoderState, KeyChoice, RSA_BITS};
use crate::analysis::vocab::SecretEncoding;
use crate::ui::components::CopyButton;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeySourceProps {
    pub state: UseReducerHandle<EncoderState>,
    pub act: Act,
}

/// Secret encodings that name one reading (`auto` is for verifying).
const SECRET_ENCODINGS: [SecretEncoding; 4] = [
    SecretEncoding::Text,
    SecretEncoding::Base64,
    SecretEncoding::Base64url,
    SecretEncoding::Hex,
];

const CHOICES: [(KeyChoice, &str, &str); 3] = [
    (KeyChoice::Generate, "generate", "Generate a key"),
    (KeyChoice::Paste, "paste", "Paste a private key"),
    (KeyChoice::Secret, "secret", "HMAC secret"),
];

#[function_component(KeySource)]
pub fn key_source(props: &KeySourceProps) -> Html {
    let (state, act) = (&props.state, &props.act);
    let choose = |choice: KeyChoice| {
        let act = act.clone();
        Callback::from(move |_| act.emit(Action::Choose(choice)))
    };
    html! {
        <section class="panel encoder-key" aria-label="Signing key">
            <fieldset class="key-choice">
                <legend class="panel-title">{ "Sign with" }</legend>
                { for CHOICES.iter().map(|(choice, id, label)| html! {
                    <label>
                        <input type="radio" name="key-choice" data-testid={format!("key-choice-{id}")}
                            checked={state.choice == *choice} onchange={choose(*choice)} />
                        { *label }
                    </label>
                }) }
            </fieldset>
            { match state.choice {
                KeyChoice::Generate => generate(state, act),
                KeyChoice::Paste => paste(state, act),
                KeyChoice::Secret => secret(state, act),
            } }
        </section>
    }
}

fn generate(state: &EncoderState, act: &Act) -> Html {
    let alg = state.alg();
    let rsa = alg.is_some_and(|a| a.as_str().starts_with("RS") || a.as_str().starts_with("PS"));
    let on_bits = {
        let act = act.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            act.emit(Action::RsaBits(
                select.value().parse().unwrap_or(RSA_BITS[0]),
            ));
        })
    };
    let on_generate = {
        let act = act.clone();
        Callback::from(move |_| act.emit(Action::Generate))
    };
    let label = alg.map_or("Generate a key".to_string(), |a| {
        format!("Generate a {a} key")
    });
    html! {
        <div class="generate">
            if rsa {
                <label for="rsa-bits">{ "RSA modulus" }</label>
                <select id="rsa-bits" data-testid="rsa-bits" onchange={on_bits}>
                    { for RSA_BITS.iter().map(|bits| html! {
                        <option value={bits.to_string()} selected={*bits == state.rsa_bits}>{ format!("{bits} bits") }</option>
                    }) }
                </select>
            }
            <button type="button" data-testid="generate-key" disabled={state.generating.is_some()} onclick={on_generate}>{ label }</button>
            if let Some(what) = &state.generating {
                <p class="progress" role="status" data-testid="generating">
                    <progress aria-label="Generating" />
                    { format!(" Making {what} in the worker… large RSA keys can take several seconds; the page stays usable.") }
                </p>
            }
            if let Some(reason) = &state.keygen_error {
                <p class="problem" role="alert" data-testid="keygen-error">{ reason }</p>
            }
            if let Some(key) = &state.generated {
                <p data-testid="generated-key">{ format!("{} · kid {}", key.description, key.public.kid) }</p>
                <PrivateKey text={key.private.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PrivateKeyProps {
    text: String,
}

/// A generated private key: hidden until the person asks.
#[function_component(PrivateKey)]
fn private_key(props: &PrivateKeyProps) -> Html {
    let shown = use_state(|| false);
    let toggle = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(!*shown))
    };
    html! {
        <div class="private-key">
            <p class="key-warning">{ "This private key exists only in this page's memory and is gone when you close it. Whoever holds it can sign tokens your service will accept: copy it only into a secret store, never into a chat, ticket or repository." }</p>
            <button type="button" data-testid="show-private-key" aria-expanded={shown.to_string()} onclick={toggle}>
                { if *shown { "Hide private key" } else { "Show / copy private key" } }
            </button>
            if *shown {
                <pre class="key-text" data-testid="private-key" tabindex="0" aria-label="Private key">{ &props.text }</pre>
                <CopyButton text={props.text.clone()} label="Copy the private key" testid="copy-private-key" />
            }
        </div>
    }
}

fn paste(state: &EncoderState, act: &Act) -> Html {
    let act = act.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        act.emit(Action::Paste(area.value()));
    });
    html! {
        <div class="paste-key">
            <label for="signing-key">{ "Private key: PKCS#8, PKCS#1 or SEC1 PEM, an OpenSSH key, a JWK with \"d\" (or a JWKS holding one), or a \"kty\": \"oct\" JWK" }</label>
            <textarea id="signing-key" data-testid="signing-key" class="keys" spellcheck="false" autocomplete="off"
                placeholder="-----BEGIN PRIVATE KEY-----" value={state.pasted.clone()} {oninput} />
        </div>
    }
}

fn secret(state: &EncoderState, act: &Act) -> Html {
    let encoding = state.encoding;
    let on_text = {
        let act = act.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            act.emit(Action::Secret(input.value(), encoding));
        })
    };
    let on_encoding = {
        let (act, text) = (act.clone(), state.secret.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let encoding = SecretEncoding::parse(&select.value()).unwrap_or_default();
            act.emit(Action::Secret(text.clone(), encoding));
        })
    };
    html! {
        <div class="secret-row">
            <label for="signing-secret">{ "Secret (HS256/384/512)" }</label>
            <input id="signing-secret" data-testid="signing-secret" type="password" autocomplete="off" spellcheck="false"
                value={state.secret.clone()} oninput={on_text} />
            <label for="signing-secret-encoding" class="visually-hidden">{ "Secret encoding" }</label>
            <select id="signing-secret-encoding" data-testid="signing-secret-encoding" onchange={on_encoding}>
                { for SECRET_ENCODINGS.iter().map(|e| html! {
                    <option value={e.as_str()} selected={*e == encoding}>{ e.as_str() }</option>
                }) }
            </select>
        </div>
    }
}
