//! The token's state and its countdowns, re-evaluated every second by the
//! core's `validity_at`. Only this component re-renders on a tick, and its
//! interval is dropped when the token is no longer shown (STYLE rule 8).

use crate::analysis::timefmt;
use crate::analysis::times::{self, Countdown, Window};
use crate::analysis::vocab::ValidityState;
use crate::ui::clock;
use gloo::timers::callback::Interval;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LiveValidityProps {
    pub window: Window,
    pub leeway: i64,
    /// A fixed instant chosen by the person; no ticking then.
    pub as_of: Option<i64>,
}

#[function_component(LiveValidity)]
pub fn live_validity(props: &LiveValidityProps) -> Html {
    let now = use_state(|| props.as_of.unwrap_or_else(clock::now_unix_seconds));
    {
        let now = now.clone();
        use_effect_with(props.as_of, move |as_of| {
            let interval = match *as_of {
                Some(instant) => {
                    now.set(instant);
                    None
                }
                None => {
                    now.set(clock::now_unix_seconds());
                    Some(Interval::new(1_000, move || {
                        now.set(clock::now_unix_seconds())
                    }))
                }
            };
            move || drop(interval)
        });
    }
    let now = *now;
    let validity = times::validity_at(props.window, now, props.leeway);
    let label = match validity.state {
        ValidityState::NotYetValid => "Not yet valid",
        ValidityState::Valid => "Within its validity period",
        ValidityState::ExpiringSoon => "Expiring soon",
        ValidityState::Expired => "Expired",
        ValidityState::NoExpiry => "Never expires",
        ValidityState::Unknown => "Validity period unknown",
    };
    html! {
        <div class={classes!("validity", validity.state.as_str())} data-testid="validity" data-state={validity.state.as_str()}>
            <strong>{ label }</strong>{ " — " }{ &validity.message }
            if let Some(exp) = props.window.expires {
                <div class="countdown" data-testid="countdown-exp" data-seconds-left={(exp - now).to_string()}>
                    <span class="label">{ "exp " }</span>{ times::countdown(Countdown::Expiry, exp, now) }
                </div>
            }
            if let Some(nbf) = props.window.not_before {
                <div class="countdown" data-testid="countdown-nbf" data-seconds-left={(nbf - now).to_string()}>
                    <span class="label">{ "nbf " }</span>{ times::countdown(Countdown::NotBefore, nbf, now) }
                </div>
            }
            if let Some(instant) = props.as_of {
                <div class="hint">{ format!("Evaluated as of {} (UTC), not the current time.", timefmt::utc_iso(instant).unwrap_or_default()) }</div>
            }
            if props.leeway > 0 {
                <div class="hint">{ format!("Leeway: {} s of clock skew tolerated.", props.leeway) }</div>
            }
        </div>
    }
}
