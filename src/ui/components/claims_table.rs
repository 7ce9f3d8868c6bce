//! The registered claims of RFC 7519 §4.1, with dates in UTC and local time.

use crate::analysis::report::TokenReport;
use crate::analysis::timefmt;
use crate::ui::clock;
use serde_json::Value;
use yew::prelude::*;

/// RFC 7519 §4.1, in the order the RFC lists them.
const REGISTERED: [(&str, &str); 7] = [
    ("iss", "Issuer: who created and signed the token"),
    ("sub", "Subject: whom the token is about"),
    ("aud", "Audience: who the token is meant for"),
    ("exp", "Expiration time: not accepted on or after this"),
    ("nbf", "Not before: not accepted before this"),
    ("iat", "Issued at: when the token was created"),
    ("jti", "JWT ID: a unique identifier, against replay"),
];

#[derive(Properties, PartialEq)]
pub struct ClaimsTableProps {
    pub token: std::rc::Rc<TokenReport>,
}

#[function_component(ClaimsTable)]
pub fn claims_table(props: &ClaimsTableProps) -> Html {
    let Some(payload) = props.token.payload.as_ref().and_then(Value::as_object) else {
        return Html::default();
    };
    let rows = REGISTERED.iter().filter_map(|(name, meaning)| {
        let value = payload.get(*name)?;
        let shown = match props.token.times.get(*name) {
            Some(time) => time_cell(value, time),
            None => html! { <code>{ compact_json(value) }</code> },
        };
        Some(html! {
            <tr data-claim={*name}>
                <th scope="row"><code>{ *name }</code></th>
                <td>{ shown }</td>
                <td class="meaning">{ *meaning }</td>
            </tr>
        })
    });
    html! {
        <div class="panel claims">
            <h3 class="panel-title">{ "Registered claims" }</h3>
            <table>
                <thead><tr><th scope="col">{ "Claim" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Meaning (RFC 7519 §4.1)" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn time_cell(value: &Value, time: &crate::analysis::times::TimeClaim) -> Html {
    let Some(unix) = time.unix else {
        return html! {
            <>
                <code>{ compact_json(value) }</code>
                <div class="problem">{ time.problem.clone().unwrap_or_default() }</div>
            </>
        };
    };
    let local = timefmt::offset_iso(unix, clock::local_offset_minutes(unix)).unwrap_or_default();
    html! {
        <div class={classes!("time", time.state)}>
            <code>{ compact_json(value) }</code>
            <div><span class="label">{ "UTC " }</span><time datetime={time.at.clone().unwrap_or_default()}>{ time.at.clone().unwrap_or_default() }</time></div>
            <div><span class="label">{ "local " }</span>{ local }</div>
            <div class="relative">{ format!("{} — {}", time.state.replace('-', " "), time.relative.clone().unwrap_or_default()) }</div>
        </div>
    }
}

fn compact_json(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
