//! The signature verdict, in the words the core chose. "Valid" appears
//! only when a signature was checked with a key the person supplied.

use crate::analysis::report::SignatureReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub signature: SignatureReport,
    /// `verdict` for the token's banner; each signature of a JWS JSON
    /// document uses `signature-verdict`.
    #[prop_or(AttrValue::Static("verdict"))]
    pub testid: AttrValue,
}

#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let kind = props.signature.kind();
    let (name, icon) = (kind.as_str(), kind.icon());
    let title = props.signature.title();
    html! {
        <div class={classes!("verdict", name)} data-testid={props.testid.clone()} data-verdict={name} role="status">
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
