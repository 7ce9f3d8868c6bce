//! Where people paste keys: PEM, certificates, JWK, JWKS, bare DER — and
//! an HMAC secret in the encoding they choose. Each key shows its summary
//! and fingerprints, or exactly why it could not be read.

use crate::analysis::key_report::{KeyError, KeyReport};
use crate::analysis::vocab::SecretEncoding;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeyPanelProps {
    pub key_text: String,
    pub secret: String,
    pub encoding: SecretEncoding,
    pub keys: Vec<KeyReport>,
    pub errors: Vec<KeyError>,
    pub on_keys: Callback<String>,
    pub on_secret: Callback<(String, SecretEncoding)>,
}

#[function_component(KeyPanel)]
pub fn key_panel(props: &KeyPanelProps) -> Html {
    let on_keys = props.on_keys.clone();
    let oninput_keys = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        on_keys.emit(area.value());
    });
    let (on_secret, encoding) = (props.on_secret.clone(), props.encoding);
    let oninput_secret = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_secret.emit((input.value(), encoding));
    });
    let (on_secret, secret) = (props.on_secret.clone(), props.secret.clone());
    let onchange_encoding = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let encoding = SecretEncoding::parse(&select.value()).unwrap_or_default();
        on_secret.emit((secret.clone(), encoding));
    });
    html! {
        <div class="panel key-panel">
            <label for="key" class="panel-title">{ "Keys to verify with" }</label>
            <p class="hint">{ "PEM public keys or certificates, a JWK or JWKS, or base64 DER — one or several. A private key works too: its public key verifies, and it decrypts JWE. Keys stay in this page and are never stored." }</p>
            <textarea id="key" data-testid="key" class="keys" spellcheck="false" autocomplete="off"
                placeholder="-----BEGIN PUBLIC KEY----- … or {\"keys\":[…]}" value={props.key_text.clone()} oninput={oninput_keys} />
            <div class="secret-row">
                <label for="secret">{ "HMAC secret (HS256/384/512)" }</label>
                <input id="secret" data-testid="secret" type="password" autocomplete="off" spellcheck="false"
                    value={props.secret.clone()} oninput={oninput_secret} />
                <label for="secret-encoding" class="visually-hidden">{ "Secret encoding" }</label>
                <select id="secret-encoding" data-testid="secret-encoding" onchange={onchange_encoding}>
                    { for SecretEncoding::ALL.iter().map(|e| html! {
                        <option value={e.as_str()} selected={*e == props.encoding}>{ e.as_str() }</option>
                    }) }
                </select>
            </div>
            <ul class="key-list">
                { for props.keys.iter().map(key_item) }
                { for props.errors.iter().map(|e| html! {
                    <li class="key-error" data-testid="key-error" role="alert">
                        <strong>{ format!("{}: ", e.source) }</strong>{ &e.message }
                    </li>
                }) }
            </ul>
        </div>
    }
}

fn key_item(key: &KeyReport) -> Html {
    let f = &key.fingerprints;
    html! {
        <li class="key-summary" data-testid="key-summary">
            <div><strong>{ &key.label }</strong>{ " — " }{ &key.summary }
                if let Some(alg) = &key.alg { <span class="tag">{ format!("alg {alg}") }</span> }
                if key.from_private_key { <span class="tag private" data-testid="from-private-key">{ "from a private key" }</span> }
            </div>
            if let Some(cert) = &key.certificate {
                <div class="hint">{ format!("Certificate for {} issued by {}; valid {} to {}", cert.subject, cert.issuer,
                    cert.not_before_at.clone().unwrap_or_default(), cert.not_after_at.clone().unwrap_or_default()) }</div>
            }
            <dl class="fingerprints">
                if let Some(t) = &f.jwk_thumbprint { <dt>{ "JWK thumbprint (RFC 7638)" }</dt><dd><code>{ t }</code></dd> }
                if let Some(s) = &f.spki_sha256 { <dt>{ "SHA-256 of the public key" }</dt><dd><code>{ s }</code></dd> }
                if let Some(l) = &f.libtrust_key_id { <dt>{ "libtrust key ID (Docker)" }</dt><dd><code>{ l }</code></dd> }
            </dl>
            { for key.warnings.iter().map(|w| html! { <div class="key-warning">{ w }</div> }) }
        </li>
    }
}
