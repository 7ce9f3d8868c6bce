//! The signatures of a JWS in the JSON serialization (RFC 7515 §7.2), each
//! with its own verdict and its protected and unprotected headers apart,
//! and the place to paste detached content (RFC 7515 Appendix F).

use crate::analysis::report::TokenReport;
use crate::ui::components::{JsonView, Verdict};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JwsSignaturesProps {
    pub token: std::rc::Rc<TokenReport>,
    /// The detached content as typed, and where changes go.
    pub detached_content: String,
    pub on_detached: Callback<String>,
}

#[function_component(JwsSignatures)]
pub fn jws_signatures(props: &JwsSignaturesProps) -> Html {
    let t = &props.token;
    let count = t.signatures.len();
    let serialization = t.serialization.map(|s| s.as_str()).unwrap_or_default();
    let on_detached = props.on_detached.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        on_detached.emit(area.value());
    });
    html! {
        <section class="panel jws-signatures" data-testid="jws-signatures" aria-label="Signatures">
            <h3 class="panel-title">{ format!("JWS JSON serialization ({serialization}), {count} signature{}", if count == 1 { "" } else { "s" }) }</h3>
            if t.detached {
                <label for="detached-content">{ "Detached content (RFC 7515 Appendix F): the payload is not in the document; paste it to verify" }</label>
                <textarea id="detached-content" data-testid="detached-content" class="keys" spellcheck="false"
                    value={props.detached_content.clone()} {oninput} />
            }
            { for t.signatures.iter().enumerate().map(|(i, s)| html! {
                <div class="jws-signature" data-testid="jws-signature">
                    <h4>{ format!("Signature {} of {count}", i + 1) }</h4>
                    <Verdict signature={s.signature.clone()} testid="signature-verdict" />
                    <div class="json-pair">
                        <JsonView title="Protected header (signed)" value={s.protected.clone()} testid="protected-header" class="header" />
                        if s.header.is_some() {
                            <JsonView title="Unprotected header (not signed, not trusted)" value={s.header.clone()} testid="unprotected-header" class="header" />
                        }
                    </div>
                </div>
            }) }
        </section>
    }
}
