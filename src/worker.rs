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
    /// The last analysis, for cheap changes of the selected token.
    static CACHE: RefCell<job::Cache> = RefCell::new(job::Cache::default());
}

/// Installs the message handler (called from the worker binary's `main`).
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let reply = answer_message(&event.data());
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    HANDLER.with(|slot| *slot.borrow_mut() = Some(handler));
    // Messages sent while the wasm was still loading had no handler and are
    // gone: tell the page to (re)send its latest job now.
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// A message is either a JSON string (a job or a benchmark request) or an
/// object `{job, input}` whose paste travels beside the job's JSON.
fn answer_message(data: &JsValue) -> String {
    if let Some(text) = data.as_string() {
        return answer(&text);
    }
    let field = |name: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    };
    match (field("job"), field("input")) {
        (Some(job), Some(input)) => answer_with_input(&job, input),
        _ => {
            serde_json::json!({ "error": "the page sent a message the worker does not understand" })
                .to_string()
        }
    }
}

/// The first message a started worker sends.
pub const READY: &str = "ready";

/// A job whose paste came separately from its JSON.
pub fn answer_with_input(request: &str, input: String) -> String {
    match serde_json::from_str::<Job>(request) {
        Ok(job) => run(Job {
            input: input.into(),
            ..job
        }),
        Err(error) => cannot_read(&error),
    }
}

fn run(job: Job) -> String {
    CACHE.with(|cache| {
        serde_json::to_string(&job::run_cached(&job, &mut cache.borrow_mut())).unwrap_or_default()
    })
}

fn cannot_read(error: &serde_json::Error) -> String {
    serde_json::json!({ "error": format!("the page sent a request the worker cannot read: {error}") }).to_string()
}

/// One request, one answer, both JSON.
pub fn answer(request: &str) -> String {
    if let Ok(bench) = serde_json::from_str::<BenchRequest>(request) {
        return serde_json::to_string(&bench.run(now_ms)).unwrap_or_default();
    }
    match serde_json::from_str::<Job>(request) {
        Ok(job) => run(job),
        Err(error) => cannot_read(&error),
    }
}

/// A timing request from the benchmark harness (scripts/bench.mjs): verify
/// one token's signature with one key `batches × per_batch` times — the
/// signature primitive alone, as WebCrypto is timed — timing each batch.
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

    #[test]
    fn a_paste_sent_beside_the_job_is_analysed() {
        let job = Job {
            id: 4,
            ..Job::default()
        };
        let reply: serde_json::Value = serde_json::from_str(&answer_with_input(
            &serde_json::to_string(&job).unwrap(),
            "eyJhbGciOiJub25lIn0.e30.".into(),
        ))
        .unwrap();
        assert_eq!(reply["id"], 4);
        assert_eq!(reply["report"]["tokens"][0]["kind"], "unsecured");
    }
}
