//! A JSON value, pretty-printed in its original member order.

use crate::ui::components::CopyButton;
use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JsonViewProps {
    pub title: AttrValue,
    pub value: Option<Value>,
    /// Shown instead when there is no JSON (non-JSON payload, JWE).
    #[prop_or_default]
    pub fallback: Option<String>,
    pub testid: AttrValue,
    /// CSS class that gives the panel its segment colour.
    pub class: AttrValue,
}

#[function_component(JsonView)]
pub fn json_view(props: &JsonViewProps) -> Html {
    let body = match (&props.value, &props.fallback) {
        (Some(value), _) => serde_json::to_string_pretty(value).unwrap_or_default(),
        (None, Some(text)) => text.clone(),
        (None, None) => "—".to_string(),
    };
    let label = format!("Copy the {}", props.title.to_ascii_lowercase());
    html! {
        <div class={classes!("panel", "json-panel", props.class.to_string())}>
            <div class="panel-head">
                <h3 class="panel-title">{ &props.title }</h3>
                <CopyButton text={body.clone()} label={label} testid={format!("copy-{}", props.testid)} />
            </div>
            <pre data-testid={props.testid.clone()} tabindex="0" aria-label={props.title.clone()}>{ body }</pre>
        </div>
    }
}
