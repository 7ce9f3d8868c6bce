//! Large pastes and files arrive as JavaScript strings. Copying one into
//! wasm memory costs about 5 ms per megabyte, so a 50 MB HAR copied at
//! once would hold the main thread for a quarter of a second. Here it is
//! copied in slices, yielding to the browser between them, so no task
//! grows with the size of the paste.

use js_sys::{JsString, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// UTF-16 code units copied per task (1 MB of ASCII: ~5 ms).
const SLICE: u32 = 1 << 20;

#[wasm_bindgen]
extern "C" {
    /// A `DataTransfer` seen through [`get_data_uncopied`].
    type UncopiedDataTransfer;

    /// `DataTransfer.getData` returning the JavaScript string itself, not
    /// a copy in wasm memory (web-sys's `get_data` copies at once).
    #[wasm_bindgen(method, js_name = getData, catch)]
    fn get_data_uncopied(this: &UncopiedDataTransfer, format: &str) -> Result<JsString, JsValue>;
}

/// The pasted text of a clipboard event, still in JavaScript.
pub fn clipboard_text(event: &web_sys::ClipboardEvent) -> Option<JsString> {
    let data = event.clipboard_data()?;
    data.unchecked_ref::<UncopiedDataTransfer>()
        .get_data_uncopied("text")
        .ok()
}

/// Resolves in a later task (`setTimeout(…, 0)`), letting the browser
/// paint and handle input in between.
async fn next_task() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Copies `text` into a Rust string one slice per task. A slice never
/// ends between the two halves of a surrogate pair.
pub async fn copy_in_slices(text: JsString) -> String {
    let length = text.length();
    let mut copied = String::with_capacity(length as usize);
    let mut start = 0;
    while start < length {
        let mut end = (start + SLICE).min(length);
        if end < length && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end -= 1;
        }
        copied.push_str(&String::from(text.slice(start, end)));
        start = end;
        if start < length {
            next_task().await;
        }
    }
    copied
}
