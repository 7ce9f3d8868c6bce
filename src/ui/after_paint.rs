//! Long lists paint their first screenful first. A Yew component renders
//! all of its children in one go, so 500 list items and the 500 options
//! of a select held the first frame after a large paste for about
//! 100 ms. [`use_rest_after_paint`] lets a component render what the first
//! screen needs, let the browser paint it, and render the rest a task
//! later (issue 15; figures in docs/benchmarks.md).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Whether the rest of a long view may render now. `report_of` identifies
/// the paste the report shown is about (the page state's
/// `report_generation`); `long` says whether the view is too long for one
/// frame. The answer is `false` in the renders after a report about
/// another paste brought a long view, and `true` once the browser has
/// painted a frame since. Later reports about the same paste (a verdict,
/// the selected token) render whole at once, so a list never shrinks under
/// the person's scroll.
#[hook]
pub fn use_rest_after_paint(report_of: u64, long: bool) -> bool {
    let painted_for = use_state_eq(|| None::<u64>);
    let due = long && *painted_for != Some(report_of);
    {
        let painted_for = painted_for.clone();
        use_effect_with((report_of, due), move |&(report_of, due)| {
            if due {
                after_next_paint(move || painted_for.set(Some(report_of)));
            }
        });
    }
    !due
}

/// Runs `then` in a task after the next frame is painted: an animation
/// frame callback runs just before the paint, and a timeout set there runs
/// after it. A hidden page paints no frames, so the rest renders when the
/// page is shown again.
fn after_next_paint(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return then();
    };
    let in_frame = Closure::once_into_js(move || {
        let later = Closure::once_into_js(then);
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(later.unchecked_ref());
        }
    });
    if window
        .request_animation_frame(in_frame.unchecked_ref())
        .is_err()
    {
        // Without animation frames at all, render the rest in the next
        // task.
        let _ = window.set_timeout_with_callback(in_frame.unchecked_ref());
    }
}
