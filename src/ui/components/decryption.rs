//! A JWE's decryption verdict, in the words the core chose, styled like
//! the signature banner. The plaintext itself is shown by the payload
//! panel (or as the nested token) and never leaves the page.

use crate::analysis::verdict::DecryptionReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DecryptionProps {
    pub decryption: DecryptionReport,
}

#[function_component(Decryption)]
pub fn decryption(props: &DecryptionProps) -> Html {
    let d = &props.decryption;
    let kind = d.kind();
    html! {
        <div class={classes!("verdict", kind.as_str())} data-testid="decryption" data-status={d.status.as_str()} role="status">
            <span class="verdict-icon" aria-hidden="true">{ kind.icon() }</span>
            <div>
                <strong>{ d.title() }</strong>
                <p>{ &d.message }</p>
                if let Some(recipient) = &d.recipient {
                    <p class="hint">{ format!("For {recipient}.") }</p>
                }
            </div>
        </div>
    }
}
