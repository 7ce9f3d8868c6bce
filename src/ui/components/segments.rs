//! The raw token, its segments coloured like the panels that decode them.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SegmentsProps {
    pub segments: Vec<String>,
    /// JWE has five parts; JWS three.
    pub is_jwe: bool,
}

const JWS_CLASSES: [&str; 3] = ["seg-header", "seg-payload", "seg-signature"];
const JWE_CLASSES: [&str; 5] = [
    "seg-header",
    "seg-key",
    "seg-iv",
    "seg-payload",
    "seg-signature",
];

#[function_component(Segments)]
pub fn segments(props: &SegmentsProps) -> Html {
    let classes: &[&str] = if props.is_jwe {
        &JWE_CLASSES
    } else {
        &JWS_CLASSES
    };
    let last = props.segments.len().saturating_sub(1);
    let parts = props.segments.iter().enumerate().map(|(i, text)| {
        let class = classes.get(i).copied().unwrap_or("seg-extra");
        html! {
            <>
                <span class={class}>{ text }</span>
                if i < last { <span class="seg-dot">{ "." }</span> }
            </>
        }
    });
    html! { <code class="raw-token" data-testid="raw-token">{ for parts }</code> }
}
