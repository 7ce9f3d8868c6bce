//! Leeway and "as of": evaluate every state with tolerated clock skew, or at
//! a chosen instant (to explain a log line from last week).

use crate::ui::clock;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimeControlsProps {
    pub leeway: i64,
    pub as_of: Option<i64>,
    pub on_leeway: Callback<i64>,
    pub on_as_of: Callback<Option<i64>>,
}

/// The handler of a leeway field (seconds, 0 to a day), shared by the time
/// controls and the Expectations panel, which show the one leeway.
pub fn leeway_input(on_leeway: Callback<i64>) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_leeway.emit(
            input
                .value()
                .trim()
                .parse::<i64>()
                .unwrap_or(0)
                .clamp(0, 86_400),
        );
    })
}

#[function_component(TimeControls)]
pub fn time_controls(props: &TimeControlsProps) -> Html {
    let leeway_input = leeway_input(props.on_leeway.clone());
    let on_as_of = props.on_as_of.clone();
    let as_of_change = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_as_of.emit(clock::parse_local_datetime(&input.value()));
    });
    let on_now = props.on_as_of.clone();
    let reset = Callback::from(move |_| on_now.emit(None));
    let as_of_value = props
        .as_of
        .map(clock::to_local_datetime)
        .unwrap_or_default();
    html! {
        <div class="panel time-controls">
            <label for="leeway">{ "Leeway (s)" }</label>
            <input id="leeway" data-testid="leeway" type="number" min="0" max="86400" step="1" value={props.leeway.to_string()} oninput={leeway_input} />
            <label for="as-of">{ "As of" }</label>
            <input id="as-of" data-testid="as-of" type="datetime-local" step="1" value={as_of_value} onchange={as_of_change} />
            <button type="button" data-testid="as-of-now" onclick={reset} disabled={props.as_of.is_none()}>{ "Now" }</button>
        </div>
    }
}
