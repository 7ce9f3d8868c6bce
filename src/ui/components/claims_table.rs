//! Every claim of the payload, with its meaning from the claim dictionary
//! and dates in UTC, local time and relative to now.

use crate::analysis::report::TokenReport;
use crate::analysis::timefmt;
use crate::analysis::times::TimeClaim;
use crate::analysis::vendor::claims;
use crate::ui::clock;
use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClaimsTableProps {
    pub token: std::rc::Rc<TokenReport>,
}

#[function_component(ClaimsTable)]
pub fn claims_table(props: &ClaimsTableProps) -> Html {
    let Some(payload) = props.token.payload.as_ref().and_then(Value::as_object) else {
        return Html::default();
    };
    let rows = payload.iter().map(|(name, value)| {
        let shown = match props.token.times.get(name) {
            Some(time) => time_cell(value, time),
            None => html! { <code>{ compact_json(value) }</code> },
        };
        html! {
            <tr data-claim={name.clone()}>
                <th scope="row"><code>{ name }</code></th>
                <td>{ shown }</td>
                <td class="meaning">{ claims::describe_for(name, props.token.vendor.id).unwrap_or("") }</td>
            </tr>
        }
    });
    let other_times = props
        .token
        .times
        .iter()
        .filter(|(name, _)| !payload.contains_key(name.as_str()))
        .map(|(name, time)| {
            html! {
                <tr data-claim={name.clone()}>
                    <th scope="row"><code>{ name }</code></th>
                    <td>{ time_cell(&Value::Null, time) }</td>
                    <td class="meaning">{ format!("from the {}", time.source) }</td>
                </tr>
            }
        });
    html! {
        <div class="panel claims">
            <h3 class="panel-title">{ "Claims" }</h3>
            <table>
                <thead><tr><th scope="col">{ "Claim" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Meaning" }</th></tr></thead>
                <tbody>{ for rows }{ for other_times }</tbody>
            </table>
        </div>
    }
}

fn time_cell(value: &Value, time: &TimeClaim) -> Html {
    let raw = (!value.is_null()).then(|| html! { <code>{ compact_json(value) }</code> });
    let Some(unix) = time.unix else {
        return html! { <>{ raw }<div class="problem">{ time.problem.clone().unwrap_or_default() }</div></> };
    };
    let local = timefmt::offset_iso(unix, clock::local_offset_minutes(unix)).unwrap_or_default();
    html! {
        <div class={classes!("time", time.state.as_str())}>
            { raw }
            <div><span class="label">{ "UTC " }</span><time datetime={time.at.clone().unwrap_or_default()}>{ time.at.clone().unwrap_or_default() }</time></div>
            <div><span class="label">{ "local " }</span>{ local }</div>
            <div class="relative">{ format!("{} · {}", time.state.as_str().replace('-', " "), time.relative.clone().unwrap_or_default()) }</div>
            if let Some(problem) = &time.problem { <div class="problem">{ problem }</div> }
        </div>
    }
}

fn compact_json(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
