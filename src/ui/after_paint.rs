//! Long lists paint their first screenful first. A Yew component renders
//! all of its children in one go, so 500 list items and the 500 options
//! of a select held the first frame after a large paste for about
//! 100 ms. [`use_rest_after_paint`] lets a component render what the first
//! screen needs, let the browser paint it, and render the rest a task
//! later (issue 15; figures in docs/benchmarks.md).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Whether the rest of a long view may render now. `paste` identifies
/// what the view shows (the address of the page's paste); `long` says
/// whether the view is too long for one frame. The answer is `false` in
/// the renders after a new paste brought a long view, and `true` once the
/// browser has painted a frame since. Later changes for the same paste (a
/// verdict, the selected token) render whole at once, so a list never
/// shrinks under the person's scroll. Should a new paste reuse an old
/// one's address, its view renders whole at once: slower, never wrong.
#[hook]
pub fn use_rest_after_paint(paste: usize, long: bool) -> bool {
    let painted_for = use_state_eq(|| None::<usize>);
    let due = long && *painted_for != Some(paste);
    {
        let painted_for = painted_for.clone();
        use_effect_with((paste, due), move |&(paste, due)| {
            if due {
                after_next_paint(move || painted_for.set(Some(paste)));
            }
        });
    }
    !due
}

/// Runs `then` in a task after the next frame is painted: an animation
/// frame callback runs just before the paint, and a timeout set there runs
/// after it.
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
        // Without frames (a hidden page may have none), render the rest
        // in the next task.
        let _ = window.set_timeout_with_callback(in_frame.unchecked_ref());
    }
}
