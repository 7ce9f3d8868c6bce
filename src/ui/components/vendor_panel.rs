//! Who issued the token, how sure we are and why, how to send it, and
//! issuer-specific tables (a registry token's `access`).

use crate::analysis::vendor::VendorReport;
use crate::analysis::vocab::Confidence;
use crate::ui::components::CopyButton;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VendorPanelProps {
    pub vendor: VendorReport,
}

#[function_component(VendorPanel)]
pub fn vendor_panel(props: &VendorPanelProps) -> Html {
    let v = &props.vendor;
    let Some(id) = v.id else {
        return html! { <div class="panel vendor unknown" data-testid="vendor" data-vendor="">{ "Issuer not recognised." }</div> };
    };
    html! {
        <div class="panel vendor" data-testid="vendor" data-vendor={id.to_string()}>
            <h3 class="panel-title">
                <span class="vendor-badge">{ v.name.clone().unwrap_or_default() }</span>
                <span class="confidence">{ format!("{} confidence", v.confidence.map_or("low", Confidence::as_str)) }</span>
            </h3>
            if let Some(kind) = &v.token_type { <p>{ kind }</p> }
            if !v.facts.is_empty() {
                <dl class="facts">
                    { for v.facts.iter().map(|(label, text)| html! { <><dt>{ label }</dt><dd>{ text }</dd></> }) }
                </dl>
            }
            if let Some(rows) = &v.access {
                <table class="access" data-testid="access-table">
                    <caption>{ "Registry access granted by this token" }</caption>
                    <thead><tr><th scope="col">{ "Type" }</th><th scope="col">{ "Name" }</th><th scope="col">{ "Actions" }</th></tr></thead>
                    <tbody>
                        if rows.is_empty() {
                            <tr><td colspan="3">{ "No rights: the access claim is null or empty, so this token grants nothing." }</td></tr>
                        }
                        { for rows.iter().map(|r| html! { <tr><td>{ &r.kind }</td><td><code>{ &r.name }</code></td><td>{ &r.meaning }</td></tr> }) }
                    </tbody>
                </table>
            }
            if let Some(send) = &v.how_to_send {
                <div class="how-to-send" data-testid="how-to-send">
                    <span class="label">{ "Send it as " }</span><code>{ &send.header }</code>
                    <CopyButton text={send.curl.clone()} label="Copy a curl command that sends this token" testid="copy-how-to-send" />
                </div>
            }
            { for v.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
            if let Some(keys) = &v.keys_at { <p class="hint">{ format!("Verification keys: {keys}") }</p> }
            <details>
                <summary>{ "Why this issuer" }</summary>
                <ul>{ for v.evidence.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
            </details>
        </div>
    }
}
