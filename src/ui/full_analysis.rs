//! The page's side of the Web Worker that runs the full analysis. The
//! worker is created on first need, so the first download stays small.

use crate::analysis::job::{Job, JobResult};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::Callback;

/// A running worker and its handlers (dropped with it).
pub struct FullAnalysis {
    worker: web_sys::Worker,
    /// The latest job, kept until the worker says it is ready.
    waiting: Rc<RefCell<Option<JsValue>>>,
    ready: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Drop for FullAnalysis {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl FullAnalysis {
    /// Starts the worker; results (or a failure, in words) go to `on_result`.
    ///
    /// # Errors
    /// When the browser refuses to create the worker.
    pub fn start(on_result: Callback<Result<JobResult, String>>) -> Result<Self, String> {
        let url = worker_url().ok_or("the page does not say where its worker is")?;
        let worker = web_sys::Worker::new(&url)
            .map_err(|e| format!("the browser refused to start it ({})", reason(&e)))?;
        let results = on_result.clone();
        let (waiting, ready) = (
            Rc::new(RefCell::new(None::<JsValue>)),
            Rc::new(Cell::new(false)),
        );
        let (waiting_in, ready_in, sender) = (waiting.clone(), ready.clone(), worker.clone());
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let text = event.data().as_string().unwrap_or_default();
                if text == READY {
                    ready_in.set(true);
                    if let Some(job) = waiting_in.borrow_mut().take() {
                        let _ = sender.post_message(&job);
                    }
                    return;
                }
                results.emit(
                    serde_json::from_str::<JobResult>(&text).map_err(|_| worker_error_text(&text)),
                );
            },
        );
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
                event.prevent_default();
                on_result.emit(Err(format!("it stopped: {}", event.message())));
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(FullAnalysis {
            worker,
            waiting,
            ready,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a job; the answer arrives through the callback. The paste
    /// travels as its own string beside the JSON of the rest, so a large
    /// paste is not escaped into JSON on the main thread.
    pub fn send(&self, job: &Job) {
        // Copies the paste's handle, not the paste.
        let rest = Job {
            input: Default::default(),
            ..job.clone()
        };
        let Ok(json) = serde_json::to_string(&rest) else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &message,
            &JsValue::from_str("job"),
            &JsValue::from_str(&json),
        );
        let _ = js_sys::Reflect::set(
            &message,
            &JsValue::from_str("input"),
            &JsValue::from_str(&job.input),
        );
        let message: JsValue = message.into();
        if self.ready.get() {
            let _ = self.worker.post_message(&message);
        } else {
            *self.waiting.borrow_mut() = Some(message);
        }
    }
}

/// What the worker says once its WebAssembly is running (see `crate::worker`).
const READY: &str = "ready";

fn worker_error_text(reply: &str) -> String {
    serde_json::from_str::<serde_json::Value>(reply)
        .ok()
        .and_then(|v| v["error"].as_str().map(str::to_string))
        .unwrap_or_else(|| "its answer could not be read".to_string())
}

/// `window.jwtInspectorWorkerUrl` (set by the single-file build), else the
/// `data-worker` attribute of the boot script.
fn worker_url() -> Option<String> {
    let window = web_sys::window()?;
    if let Some(url) = js_sys::Reflect::get(&window, &JsValue::from_str("jwtInspectorWorkerUrl"))
        .ok()
        .and_then(|v| v.as_string())
    {
        return Some(url);
    }
    window
        .document()?
        .query_selector("script[data-worker]")
        .ok()??
        .get_attribute("data-worker")
}

/// A thrown JS value in words (without `Debug`, whose JS helper would
/// weigh on the page's first download).
fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no reason given".into())
}
