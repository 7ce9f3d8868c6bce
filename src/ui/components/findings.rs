//! Findings (what a reviewer would flag) and errors (what could not be decoded).

use crate::analysis::decode::TokenError;
use crate::analysis::finding::Finding;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    pub findings: Vec<Finding>,
}

#[function_component(FindingList)]
pub fn finding_list(props: &FindingListProps) -> Html {
    if props.findings.is_empty() {
        return Html::default();
    }
    html! {
        <div class="panel findings">
            <h3 class="panel-title">{ "Findings" }</h3>
            <ul>
                { for props.findings.iter().map(|f| html! {
                    <li class={classes!("finding", f.severity.as_str())} data-testid="finding" data-finding-id={f.id.to_string()}>
                        <span class="severity">{ f.severity.as_str() }</span>
                        <span class="message">{ &f.message }</span>
                        <span class="reference">{ f.reference.to_string() }</span>
                    </li>
                }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorListProps {
    pub errors: Vec<TokenError>,
}

#[function_component(ErrorList)]
pub fn error_list(props: &ErrorListProps) -> Html {
    if props.errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="panel errors" role="alert">
            <h3 class="panel-title">{ "Errors" }</h3>
            <ul>
                { for props.errors.iter().map(|e| html! {
                    <li class="error" data-testid="error" data-error-id={e.id.to_string()}>{ &e.message }</li>
                }) }
            </ul>
        </div>
    }
}
