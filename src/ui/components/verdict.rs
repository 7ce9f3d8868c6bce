//! The signature verdict, in the words the core chose. "Valid" appears
//! only when a signature was checked with a key the person supplied.

use crate::analysis::report::SignatureReport;
use crate::analysis::vocab::SignatureStatus;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub signature: SignatureReport,
}

#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let status = props.signature.status.as_str();
    let (icon, title) = match props.signature.status {
        SignatureStatus::Valid => ("✓", "Signature verified"),
        SignatureStatus::Invalid => ("✕", "Signature not valid"),
        SignatureStatus::Unsupported => ("–", "Nothing to verify"),
        SignatureStatus::Unchecked => ("?", "Signature not checked"),
    };
    html! {
        <div class={classes!("verdict", status)} data-testid="verdict" data-verdict={status} role="status">
            <span class="verdict-icon" aria-hidden="true">{ icon }</span>
            <div>
                <strong>{ title }</strong>
                <p>{ &props.signature.message }</p>
                if let Some(key) = &props.signature.key {
                    if let Some(how) = &key.kid_match {
                        <p class="hint">{ format!("The header kid matches this key's {how}.") }</p>
                    }
                }
            </div>
        </div>
    }
}
