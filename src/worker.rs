//! The page's Web Worker: the full analysis (keys, verification, Keystone
//! CMS) off the main thread, downloaded only when the light build in the
//! page needs it. Messages are JSON strings: a [`Job`] in, a
//! [`JobResult`](crate::analysis::job::JobResult) out.

use crate::analysis::job::{self, Job};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

type MessageHandler = Closure<dyn FnMut(web_sys::MessageEvent)>;

thread_local! {
    /// The message handler lives as long as the worker.
    static HANDLER: RefCell<Option<MessageHandler>> = const { RefCell::new(None) };
}

/// Installs the message handler (called from the worker binary's `main`).
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let reply = answer(&event.data().as_string().unwrap_or_default());
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    HANDLER.with(|slot| *slot.borrow_mut() = Some(handler));
    // Messages sent while the wasm was still loading had no handler and are
    // gone: tell the page to (re)send its latest job now.
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The first message a started worker sends.
pub const READY: &str = "ready";

/// One request, one answer, both JSON.
pub fn answer(request: &str) -> String {
    if let Ok(bench) = serde_json::from_str::<BenchRequest>(request) {
        return serde_json::to_string(&bench.run(now_ms)).unwrap_or_default();
    }
    match serde_json::from_str::<Job>(request) {
        Ok(job) => serde_json::to_string(&job::run(&job)).unwrap_or_default(),
        Err(error) => serde_json::json!({ "error": format!("the page sent a request the worker cannot read: {error}") }).to_string(),
    }
}

/// A timing request from the benchmark harness (scripts/bench.mjs): verify
/// one token with one key `batches × per_batch` times, timing each batch.
#[derive(Debug, serde::Deserialize)]
pub struct BenchRequest {
    pub bench_verify: String,
    pub key: String,
    pub batches: u32,
    pub per_batch: u32,
}

/// Batch timings in milliseconds, and whether every verification succeeded.
#[derive(Debug, serde::Serialize)]
pub struct BenchResult {
    pub batch_ms: Vec<f64>,
    pub all_valid: bool,
}

impl BenchRequest {
    /// Runs the verification loop with the given clock.
    pub fn run(&self, clock: impl Fn() -> f64) -> BenchResult {
        use crate::analysis::{decode, keys::KeySet, verify};
        let decoded = decode::decode_compact(&self.bench_verify);
        let keys = KeySet::parse(&self.key);
        let mut all_valid = true;
        let batch_ms = (0..self.batches)
            .map(|_| {
                let start = clock();
                for _ in 0..self.per_batch {
                    all_valid &= verify::verify_token(&decoded, &keys).status.as_str() == "valid";
                }
                clock() - start
            })
            .collect();
        BenchResult {
            batch_ms,
            all_valid,
        }
    }
}

/// The worker's high-resolution clock, in milliseconds.
fn now_ms() -> f64 {
    js_sys::global()
        .unchecked_into::<web_sys::WorkerGlobalScope>()
        .performance()
        .map_or(0.0, |p| p.now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_jobs_and_explains_bad_requests() {
        let job = Job {
            id: 3,
            input: "eyJhbGciOiJub25lIn0.e30.".into(),
            ..Job::default()
        };
        let reply: serde_json::Value =
            serde_json::from_str(&answer(&serde_json::to_string(&job).unwrap())).unwrap();
        assert_eq!(reply["id"], 3);
        assert_eq!(reply["report"]["tokens"][0]["kind"], "unsecured");
        let reply: serde_json::Value = serde_json::from_str(&answer("not json")).unwrap();
        assert!(
            reply["error"]
                .as_str()
                .unwrap()
                .starts_with("the page sent a request")
        );
    }
}
