//! The expectations, rule by rule, for the selected token, and the one
//! line a person came for: would the service accept it, and why not.

use crate::analysis::expectations::ExpectationsReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExpectationsResultProps {
    pub report: ExpectationsReport,
}

#[function_component(ExpectationsResult)]
pub fn expectations_result(props: &ExpectationsResultProps) -> Html {
    let report = &props.report;
    let class = if report.accepted {
        "accepted"
    } else {
        "refused"
    };
    html! {
        <section class={classes!("panel", "expectations", class)} data-testid="expectations"
            data-accepted={report.accepted.to_string()} aria-label="As your service would check it">
            <h3 class="panel-title">{ "As your service would check it" }</h3>
            <ol class="rules">
                { for report.rules.iter().map(|rule| html! {
                    <li class={if rule.ok { "ok" } else { "fail" }} data-testid="expectation-rule"
                        data-rule-id={rule.id.as_str()} data-ok={rule.ok.to_string()}>
                        <span class="mark" aria-hidden="true">{ if rule.ok { "✓" } else { "✕" } }</span>
                        <code>{ rule.id.as_str() }</code>{ " " }{ &rule.message }
                    </li>
                }) }
            </ol>
            <p class="expectations-verdict" data-testid="expectations-verdict"><strong>{ &report.verdict }</strong></p>
        </section>
    }
}
