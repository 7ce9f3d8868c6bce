//! The signature verdict, in the words the core chose. "Valid" appears
//! only when a signature was checked with a key the person supplied.

use crate::analysis::report::SignatureReport;
use crate::analysis::vocab::{SignatureMatch, SignatureStatus};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub signature: SignatureReport,
}

/// The banner's kind: the status, except that a signature which matches
/// but is refused by policy gets its own amber banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Banner {
    Valid,
    MatchedRefused,
    Invalid,
    Unchecked,
    Unsupported,
}

impl Banner {
    fn of(signature: &SignatureReport) -> Self {
        match (
            signature.status,
            signature.matched,
            signature.matched_but_refused,
        ) {
            (SignatureStatus::Invalid, SignatureMatch::Matches, Some(_)) => Banner::MatchedRefused,
            (SignatureStatus::Valid, _, _) => Banner::Valid,
            (SignatureStatus::Invalid, _, _) => Banner::Invalid,
            (SignatureStatus::Unchecked, _, _) => Banner::Unchecked,
            (SignatureStatus::Unsupported, _, _) => Banner::Unsupported,
        }
    }

    /// `data-verdict` and the CSS class.
    fn as_str(self) -> &'static str {
        match self {
            Banner::Valid => "valid",
            Banner::MatchedRefused => "matched-refused",
            Banner::Invalid => "invalid",
            Banner::Unchecked => "unchecked",
            Banner::Unsupported => "unsupported",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            Banner::Valid => "✓",
            Banner::MatchedRefused => "!",
            Banner::Invalid => "✕",
            Banner::Unchecked => "?",
            Banner::Unsupported => "–",
        }
    }
}

/// The banner's title: what was proven, in one line.
fn title(signature: &SignatureReport) -> String {
    let key = signature
        .key
        .as_ref()
        .map_or("the key supplied", |k| k.key.label.as_str());
    match (
        signature.status,
        signature.matched,
        signature.matched_but_refused,
    ) {
        (SignatureStatus::Valid, _, _) => "Signature verified".into(),
        (SignatureStatus::Invalid, SignatureMatch::Matches, Some(refusal)) => format!(
            "Signature matches {key}, but a strict verifier refuses it: {}",
            refusal.reason()
        ),
        (SignatureStatus::Invalid, SignatureMatch::DoesNotMatch, _) => match &signature.key {
            Some(_) => format!("Signature does not match {key}"),
            None => "Signature does not match the keys supplied".into(),
        },
        (SignatureStatus::Invalid, _, _) => "Signature not valid".into(),
        (SignatureStatus::Unsupported, _, _) => "Nothing to verify".into(),
        (SignatureStatus::Unchecked, _, _) => "Signature not checked".into(),
    }
}

#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let banner = Banner::of(&props.signature);
    let (kind, icon) = (banner.as_str(), banner.icon());
    let title = title(&props.signature);
    html! {
        <div class={classes!("verdict", kind)} data-testid="verdict" data-verdict={kind} role="status">
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
