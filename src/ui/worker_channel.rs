//! The page's side of the Web Worker that runs the full analysis (and, for
//! the encoder module, signs and makes keys). A worker is created on first
//! need, so the first download stays small. One writer and one reader of
//! the envelope: [`WorkerRequest`] out, [`WorkerReply`] back.

use crate::analysis::job::{WorkerReply, WorkerRequest};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::Callback;

/// A running worker and its handlers (dropped with it).
pub struct WorkerChannel {
    worker: web_sys::Worker,
    /// Requests made before the worker said it is ready, in order: the
    /// latest analysis only (an older one is stale), every other request.
    waiting: Rc<RefCell<Vec<Waiting>>>,
    ready: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

/// A request waiting for the worker to start.
struct Waiting {
    /// An analysis, replaced by a newer one.
    analysis: bool,
    message: JsValue,
}

impl Drop for WorkerChannel {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl WorkerChannel {
    /// Starts the worker; its answers (or a failure, in words) go to
    /// `on_reply`. [`WorkerReply::Ready`] is handled here.
    ///
    /// # Errors
    /// When the browser refuses to create the worker.
    pub fn start(on_reply: Callback<Result<WorkerReply, String>>) -> Result<Self, String> {
        let url = worker_url().ok_or("the page does not say where its worker is")?;
        let worker = web_sys::Worker::new(&url)
            .map_err(|e| format!("the browser refused to start it ({})", reason(&e)))?;
        let replies = on_reply.clone();
        let (waiting, ready) = (
            Rc::new(RefCell::new(Vec::<Waiting>::new())),
            Rc::new(Cell::new(false)),
        );
        let (waiting_in, ready_in, sender) = (waiting.clone(), ready.clone(), worker.clone());
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let reply = event
                    .data()
                    .as_string()
                    .and_then(|text| serde_json::from_str::<WorkerReply>(&text).ok());
                match reply {
                    Some(WorkerReply::Ready) => {
                        ready_in.set(true);
                        for waiting in waiting_in.borrow_mut().drain(..) {
                            let _ = sender.post_message(&waiting.message);
                        }
                    }
                    Some(WorkerReply::Error(reason)) => replies.emit(Err(reason)),
                    Some(answer) => replies.emit(Ok(answer)),
                    None => replies.emit(Err("its answer could not be read".into())),
                }
            },
        );
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
                event.prevent_default();
                on_reply.emit(Err(format!("it stopped: {}", event.message())));
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkerChannel {
            worker,
            waiting,
            ready,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a request; the answer arrives through the callback. A job's
    /// paste is sent as its own JS string (see [`message`]). Sent before
    /// the worker is ready, requests wait in order, an analysis replacing
    /// the one before it.
    pub fn send(&self, request: WorkerRequest) {
        let analysis = matches!(request, WorkerRequest::Analyse(_));
        let message = message(request);
        if self.ready.get() {
            let _ = self.worker.post_message(&message);
            return;
        }
        let mut waiting = self.waiting.borrow_mut();
        if analysis {
            waiting.retain(|w| !w.analysis);
        }
        waiting.push(Waiting { analysis, message });
    }
}

/// The one writer of the envelope the worker reads: `[json, paste]`, the
/// paste as its own JS string beside the JSON of the rest, so a large paste
/// is not escaped into JSON on the main thread.
fn message(request: WorkerRequest) -> JsValue {
    let (json, paste) = request.into_parts();
    let json = JsValue::from_str(&json);
    match paste {
        Some(paste) => js_sys::Array::of2(&json, &JsValue::from_str(&paste)),
        None => js_sys::Array::of1(&json),
    }
    .into()
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
