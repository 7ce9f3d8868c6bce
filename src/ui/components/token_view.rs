//! Everything about the selected token.

use crate::analysis::job::make::EncoderSeed;
use crate::analysis::report::TokenReport;
use crate::analysis::vocab::{DecryptionStatus, SourceKind, TokenKind};
use crate::ui::components::{
    ClaimsTable, CopyButton, Decryption, ErrorList, ExpectationsResult, FindingList, JsonView,
    JweHeaders, JwsSignatures, LiveValidity, Segments, Share, TokenLinks, VendorPanel, Verdict,
};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TokenViewProps {
    pub token: Rc<TokenReport>,
    pub leeway: i64,
    pub as_of: Option<i64>,
    /// Detached JWS content as typed, and where changes go.
    #[prop_or_default]
    pub detached_content: String,
    #[prop_or_default]
    pub on_detached: Callback<String>,
    /// "Edit & sign": opens the encoder with this token's header and payload.
    #[prop_or_default]
    pub on_edit: Callback<EncoderSeed>,
}

#[function_component(TokenView)]
pub fn token_view(props: &TokenViewProps) -> Html {
    let t = &props.token;
    let is_jwe = t.kind == TokenKind::Jwe;
    // The seed is made on the click, not on every render (the header and
    // payload pretty-printed again for each keystroke in the key box).
    let editable = !is_jwe && EncoderSeed::editable(t.header.as_ref(), t.payload.as_ref());
    let on_edit = editable.then(|| {
        let (on_edit, token) = (props.on_edit.clone(), t.clone());
        Callback::from(move |_| {
            let header_line = token.vendor.how_to_send.as_ref().map(|s| s.header.as_str());
            if let Some(seed) =
                EncoderSeed::from_token(token.header.as_ref(), token.payload.as_ref(), header_line)
            {
                on_edit.emit(seed);
            }
        })
    });
    let decrypted = t
        .decryption
        .as_ref()
        .is_some_and(|d| d.status == DecryptionStatus::Decrypted);
    let payload_title = match (is_jwe, decrypted) {
        (true, true) => "Payload (decrypted)",
        (true, false) => "Payload (encrypted)",
        _ => "Payload",
    };
    // A token that was inside a decrypted JWE was meant for its recipient
    // only: it is never put in a link.
    let shareable = t.source.kind != SourceKind::JwePlaintext;
    html! {
        <article class="token-view" aria-label="Selected token">
            <div class="panel">
                <div class="panel-head">
                    <h3 class="panel-title">{ format!("Token · {}", t.kind.as_str()) }</h3>
                    <CopyButton text={t.token.clone()} label="Copy the token" testid="copy-token" />
                    // Conditional here, not an empty component: Yew 0.23
                    // misplaces the siblings of a component that renders
                    // nothing (found by the axe test switching examples).
                    if shareable {
                        <Share key={t.token.clone()} token={t.clone()} />
                    }
                    if let Some(onclick) = on_edit {
                        <button type="button" data-testid="edit-and-sign" {onclick}>{ "Edit & sign" }</button>
                    }
                </div>
                <Segments segments={t.segments.clone()} is_jwe={is_jwe} />
                <p class="source-line">{ format!("Found as: {} (line {})", t.source.description, t.source.line) }</p>
                { for t.source.notes.iter().map(|n| html! { <p class="hint">{ n }</p> }) }
                if !t.source.context.is_empty() {
                    <p class="hint">{ format!("Alongside it: {}", context_text(&t.source.context)) }</p>
                }
            </div>
            if let Some(decryption) = &t.decryption {
                <Decryption decryption={decryption.clone()} />
            } else {
                <Verdict signature={t.signature.clone()} />
            }
            if t.kind == TokenKind::JwsJson {
                <JwsSignatures token={t.clone()} detached_content={props.detached_content.clone()} on_detached={props.on_detached.clone()} />
            }
            if let Some(expectations) = &t.expectations {
                <ExpectationsResult report={expectations.clone()} />
            }
            if !t.links.is_empty() {
                <TokenLinks links={t.links.clone()} />
            }
            <LiveValidity window={t.validity.window} leeway={props.leeway} as_of={props.as_of} />
            <VendorPanel vendor={t.vendor.clone()} />
            if let Some(lifetime) = &t.lifetime {
                <p class="lifetime">{ format!("Lifetime {}", lifetime.text) }
                    if let Some(verdict) = &lifetime.verdict { <span class="problem">{ format!(" — {verdict}") }</span> }
                </p>
            }
            <ErrorList errors={t.errors.clone()} />
            <FindingList findings={t.findings.clone()} />
            if t.header.is_some() || matches!(t.kind, TokenKind::Jws | TokenKind::JwsJson | TokenKind::Jwe | TokenKind::Unsecured) {
                <div class="json-pair">
                    <JsonView title="Header" value={t.header.clone()} testid="header-json" class="header" />
                    <JsonView title={payload_title} value={t.payload.clone()} fallback={t.payload_text.clone()} testid="payload-json" class="payload" />
                </div>
            } else if t.payload.is_some() {
                <JsonView title="Token JSON (the signed content)" value={t.payload.clone()} testid="payload-json" class="payload" />
            }
            if t.unprotected.is_some() || !t.recipients.is_empty() {
                <JweHeaders shared={t.unprotected.clone()} recipients={t.recipients.clone()}
                    opened={t.decryption.as_ref().and_then(|d| d.recipient.clone())} />
            }
            if let Some(pki) = &t.keystone {
                <div class="panel">
                    <h3 class="panel-title">{ format!("Keystone {} token (CMS SignedData)", pki.format.label()) }</h3>
                    <p>{ format!("Digest {}, signature {}; signer: {}; {} certificates included; {} bytes of token JSON.", pki.digest_algorithm, pki.signature_algorithm, pki.signer, pki.certificates_included, pki.content_bytes) }</p>
                </div>
            }
            if let Some(fernet) = &t.fernet {
                <div class="panel">
                    <h3 class="panel-title">{ "Keystone Fernet token" }</h3>
                    <p>{ format!("Version 0x{:02X}, created {}; {} bytes of encrypted content.", fernet.version, fernet.created_at.clone().unwrap_or_default(), fernet.ciphertext_bytes) }</p>
                </div>
            }
            <ClaimsTable token={t.clone()} />
            if let Some(nested) = &t.nested {
                <section class="nested" aria-label="Nested token">
                    <h3 class="panel-title">{ if is_jwe { "Token inside (the decrypted plaintext)" } else { "Nested token (the payload above)" } }</h3>
                    <TokenView token={Rc::new((**nested).clone())} leeway={props.leeway} as_of={props.as_of} on_edit={props.on_edit.clone()} />
                </section>
            }
        </article>
    }
}

fn context_text(context: &serde_json::Map<String, serde_json::Value>) -> String {
    context
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}
