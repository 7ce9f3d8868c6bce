//! The page's Web Worker: the full analysis (keys, verification, Keystone
//! CMS) off the main thread, downloaded only when the light build in the
//! page needs it. It speaks the protocol of [`crate::analysis::job`]: a
//! [`WorkerRequest`] in (read by [`read_message`]), a [`WorkerReply`] out
//! as a JSON string.

#[cfg(target_arch = "wasm32")]
use crate::analysis::job::Job;
use crate::analysis::job::{self, BenchTimings, BenchVerify, WorkerReply, WorkerRequest};
#[cfg(target_arch = "wasm32")]
use crate::analysis::verify::SignatureChecks;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
mod webcrypto;

type MessageHandler = Closure<dyn FnMut(web_sys::MessageEvent)>;

/// A paste holding at least this many signed tokens has its RSA and ECDSA
/// checks made by WebCrypto ([`webcrypto`]); below it, one analysis in
/// wasm is sooner than two analyses and a round of promises.
const WEBCRYPTO_FROM_TOKENS: usize = 16;

thread_local! {
    /// The message handler lives as long as the worker.
    static HANDLER: RefCell<Option<MessageHandler>> = const { RefCell::new(None) };
    /// The last analysis, for cheap changes of the selected token.
    static CACHE: RefCell<job::Cache> = RefCell::new(job::Cache::default());
    /// Messages not yet answered, in the order they came: a request that
    /// waits on WebCrypto holds back the ones after it, so replies keep
    /// the order of requests.
    static QUEUE: RefCell<VecDeque<JsValue>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a request is waiting on WebCrypto.
    static WAITING: Cell<bool> = const { Cell::new(false) };
}

/// The warm-up runs this long after the worker starts, or this long
/// again while requests wait, so that the requests the page queued while
/// the worker loaded go first.
const WARM_UP_AFTER_MS: i32 = 50;
/// Tokens the warm-up analyses: the engine compiles a function's faster
/// tier once it is hot, so a new worker's first analysis of 1,000 RS256
/// tokens takes 172–202 ms cold and 148–180 ms after the warm-up
/// (`node scripts/worker-warm-up.mjs`, docs/benchmarks.md).
const WARM_UP_TOKENS: u32 = 32;

/// Installs the message handler (called from the worker binary's `main`).
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            QUEUE.with(|queue| queue.borrow_mut().push_back(event.data()));
            pump(&reply_to);
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    HANDLER.with(|slot| *slot.borrow_mut() = Some(handler));
    // Messages sent while the wasm was still loading had no handler and are
    // gone: tell the page to (re)send its latest job now.
    post(&scope, &WorkerReply::Ready);
    warm_up_when_idle(&scope);
}

/// Analyses a small paste once while the worker is idle, so that the
/// first large paste meets compiled code (see [`WARM_UP_TOKENS`]).
fn warm_up_when_idle(scope: &web_sys::DedicatedWorkerGlobalScope) {
    let again = scope.clone();
    let warm_up = Closure::once_into_js(move || {
        let busy = WAITING.get() || QUEUE.with(|queue| !queue.borrow().is_empty());
        if busy {
            warm_up_when_idle(&again);
        } else {
            // The passes a paste with keys takes, as a large one will.
            let job = job::Job {
                input: std::sync::Arc::new(warm_up_paste(WARM_UP_TOKENS)),
                key_text: WARM_UP_KEY.into(),
                ..job::Job::default()
            };
            let mut cache = job::Cache::default();
            let _ = job::planned_checks(&job, &mut cache, job::LISTED);
            let _ = job::run_cached_with(
                &job,
                &mut cache,
                crate::analysis::verify::SignatureChecks::Compute,
            );
        }
    });
    let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(
        warm_up.unchecked_ref(),
        WARM_UP_AFTER_MS,
    );
}

/// RFC 7515 A.2's RSA public key (as a JWK): the warm-up's key, so that it
/// runs the key and verification paths too.
const WARM_UP_KEY: &str = r#"{"kty":"RSA","n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ","e":"AQAB"}"#;

/// `count` distinct HS256-shaped bearer tokens, one per line: the shape of
/// a large paste, for the warm-up (their signatures are not checked).
fn warm_up_paste(count: u32) -> String {
    use crate::analysis::base64url::encode;
    let header = encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    (0..count)
        .map(|n| {
            let payload = format!(r#"{{"sub":"warm-up-{n}","iat":1767225600,"exp":4102444800}}"#);
            let signature = encode(&[n as u8; 32]);
            format!(
                "Authorization: Bearer {header}.{}.{signature}\n",
                encode(payload.as_bytes())
            )
        })
        .collect()
}

/// Answers the queued messages in order, until one waits on WebCrypto.
fn pump(scope: &web_sys::DedicatedWorkerGlobalScope) {
    while !WAITING.get() {
        let Some(data) = QUEUE.with(|queue| queue.borrow_mut().pop_front()) else {
            return;
        };
        match read_message(&data) {
            Ok(request) if uses_webcrypto(&request) => {
                WAITING.set(true);
                let scope = scope.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let reply = answer_with_webcrypto(request, &scope).await;
                    post(&scope, &reply);
                    WAITING.set(false);
                    pump(&scope);
                });
            }
            Ok(request) => post(scope, &answer(request, now_ms)),
            Err(reason) => post(scope, &WorkerReply::Error(reason)),
        }
    }
}

/// Whether `request` is answered through WebCrypto: a check list, or the
/// analysis of a paste that may hold many signed tokens (counted by their
/// `eyJ` openings, `{"` in base64url) and is not already analysed.
fn uses_webcrypto(request: &WorkerRequest) -> bool {
    match request {
        WorkerRequest::CheckSignatures(_) | WorkerRequest::BenchAnalyse(_) => true,
        WorkerRequest::Analyse(job) => {
            has_token_openings(&job.input, WEBCRYPTO_FROM_TOKENS * 2)
                && !CACHE.with(|cache| cache.borrow().holds(job))
        }
        _ => false,
    }
}

/// Whether `input` holds at least `count` openings of a JSON object in
/// base64url (`eyJ`, `{"`): two per compact JWS, a cheap count of tokens
/// before any is found.
fn has_token_openings(input: &str, count: usize) -> bool {
    count == 0 || input.matches("eyJ").nth(count - 1).is_some()
}

/// Answers a request whose RSA and ECDSA checks WebCrypto makes.
#[cfg(target_arch = "wasm32")]
async fn answer_with_webcrypto(
    request: WorkerRequest,
    scope: &web_sys::DedicatedWorkerGlobalScope,
) -> WorkerReply {
    match request {
        WorkerRequest::CheckSignatures(checks) => {
            let made = webcrypto::verify_all(&checks).await;
            WorkerReply::Checked(
                checks
                    .iter()
                    .zip(made)
                    .map(|(c, r)| as_analysed(c, r))
                    .collect(),
            )
        }
        WorkerRequest::Analyse(job) => {
            // A long list the page has nothing of yet: its first
            // screenful first, then all of it.
            if job.input.len() > job::LARGE_PASTE
                && !CACHE.with(|c| c.borrow().answered_paste(&job.input))
                && has_token_openings(&job.input, job::FIRST_LISTED * 2 + 1)
            {
                let checks = CACHE
                    .with(|c| job::planned_checks(&job, &mut c.borrow_mut(), job::FIRST_LISTED));
                let first = outside_checks(checks).await;
                let answer = CACHE.with(|c| job::run_first(&job, &mut c.borrow_mut(), first));
                post(scope, &WorkerReply::Result(answer));
            }
            let checks =
                CACHE.with(|c| job::planned_checks(&job, &mut c.borrow_mut(), job::LISTED));
            analyse_with(&job, outside_checks(checks).await)
        }
        WorkerRequest::BenchAnalyse(bench) => {
            let start = now_ms();
            let mut cache = job::Cache::default();
            let outside = if bench.webcrypto {
                let checks = job::planned_checks(&bench.job, &mut cache, job::LISTED);
                SignatureChecks::known(&checks, &webcrypto::verify_all(&checks).await)
            } else {
                SignatureChecks::Compute
            };
            let result = job::run_cached_with(&bench.job, &mut cache, outside);
            WorkerReply::Bench(BenchTimings {
                batch_ms: vec![now_ms() - start],
                all_valid: result
                    .report
                    .tokens
                    .iter()
                    .all(|t| t.signature.status == crate::analysis::vocab::SignatureStatus::Valid),
            })
        }
        other => answer(other, now_ms),
    }
}

/// Where `checks` are made: by WebCrypto, unless they are too few to be
/// worth a round of promises.
#[cfg(target_arch = "wasm32")]
async fn outside_checks(checks: Vec<crate::analysis::verify::SignatureCheck>) -> SignatureChecks {
    if checks.len() < WEBCRYPTO_FROM_TOKENS {
        SignatureChecks::Compute
    } else {
        SignatureChecks::known(&checks, &webcrypto::verify_all(&checks).await)
    }
}

/// Natively (the worker's unit tests) there is no WebCrypto: the checks
/// are made here.
#[cfg(not(target_arch = "wasm32"))]
async fn answer_with_webcrypto(
    request: WorkerRequest,
    _scope: &web_sys::DedicatedWorkerGlobalScope,
) -> WorkerReply {
    match request {
        WorkerRequest::CheckSignatures(checks) => WorkerReply::Checked(vec![None; checks.len()]),
        WorkerRequest::BenchAnalyse(_) => WorkerReply::Error("no WebCrypto here".into()),
        other => answer(other, now_ms),
    }
}

/// A check's answer as the analysis gives it: the core's own checks
/// first ([`crate::analysis::verify::alg::precheck`]: length, DER, range),
/// then WebCrypto's result (`None`: left to the core's arithmetic).
#[cfg(target_arch = "wasm32")]
fn as_analysed(
    check: &crate::analysis::verify::SignatureCheck,
    made: Option<bool>,
) -> Option<bool> {
    use crate::analysis::keys::der::from_spki;
    use crate::analysis::verify::alg::precheck;
    let key = from_spki(&check.spki).ok()?;
    match precheck(check.alg, &key.material, &check.signature) {
        Err(_) => Some(false),
        Ok(()) => made,
    }
}

#[cfg(target_arch = "wasm32")]
fn analyse_with(job: &Job, outside: SignatureChecks) -> WorkerReply {
    WorkerReply::Result(
        CACHE.with(|cache| job::run_cached_with(job, &mut cache.borrow_mut(), outside)),
    )
}

/// Replies travel as JSON strings.
fn post(scope: &web_sys::DedicatedWorkerGlobalScope, reply: &WorkerReply) {
    let json = serde_json::to_string(reply).unwrap_or_default();
    let _ = scope.post_message(&JsValue::from_str(&json));
}

/// The one reader of the envelope: a JS array `[json]` or `[json, paste]`
/// of strings (see [`WorkerRequest`]).
fn read_message(data: &JsValue) -> Result<WorkerRequest, String> {
    let not_understood = || "the page sent a message the worker does not understand".to_string();
    let parts = data.dyn_ref::<js_sys::Array>().ok_or_else(not_understood)?;
    let json = parts.get(0).as_string();
    let paste = parts.get(1);
    match (json, parts.length()) {
        (Some(json), 1) => WorkerRequest::from_parts(&json, None),
        (Some(json), 2) if paste.is_string() => WorkerRequest::from_parts(&json, paste.as_string()),
        _ => Err(not_understood()),
    }
}

/// Answers one request; `clock` (milliseconds) times the benchmark only.
pub fn answer(request: WorkerRequest, clock: impl Fn() -> f64) -> WorkerReply {
    match request {
        WorkerRequest::Analyse(job) => {
            WorkerReply::Result(CACHE.with(|cache| job::run_cached(&job, &mut cache.borrow_mut())))
        }
        WorkerRequest::BenchVerify(bench) => WorkerReply::Bench(bench_verify(&bench, clock)),
        // Answered through WebCrypto (`pump`); here, nothing is made.
        WorkerRequest::CheckSignatures(checks) => WorkerReply::Checked(vec![None; checks.len()]),
        WorkerRequest::BenchAnalyse(_) => {
            WorkerReply::Error("answered through WebCrypto only".into())
        }
        // crypto.getRandomValues, through getrandom's wasm_js backend.
        WorkerRequest::Sign(job) => WorkerReply::Signed(crate::analysis::sign::jobs::sign(
            &job,
            &mut getrandom::SysRng,
        )),
        WorkerRequest::Keygen(job) => WorkerReply::Generated(crate::analysis::sign::jobs::keygen(
            &job,
            &mut getrandom::SysRng,
        )),
        WorkerRequest::Refuse(job) => WorkerReply::Refused(crate::analysis::sign::jobs::refuse(
            &job,
            &mut getrandom::SysRng,
        )),
    }
}

/// Reads a request from its parts and answers it, or says why it cannot.
pub fn answer_parts(json: &str, paste: Option<String>, clock: impl Fn() -> f64) -> WorkerReply {
    match WorkerRequest::from_parts(json, paste) {
        Ok(request) => answer(request, clock),
        Err(reason) => WorkerReply::Error(reason),
    }
}

/// Runs the benchmark's verification loop with the given clock.
pub fn bench_verify(request: &BenchVerify, clock: impl Fn() -> f64) -> BenchTimings {
    use crate::analysis::vocab::SignatureStatus;
    use crate::analysis::{decode, keys::KeySet, verify};
    let decoded = decode::decode_compact(&request.token);
    let keys = KeySet::parse(&request.key);
    let mut all_valid = true;
    let batch_ms = (0..request.batches)
        .map(|_| {
            let start = clock();
            for _ in 0..request.per_batch {
                all_valid &= verify::verify_token(&decoded, &keys).signature.status
                    == SignatureStatus::Valid;
            }
            clock() - start
        })
        .collect();
    BenchTimings {
        batch_ms,
        all_valid,
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
    use crate::analysis::job::Job;
    use std::cell::Cell;

    const UNSECURED: &str = "eyJhbGciOiJub25lIn0.e30.";
    /// RFC 7515 A.1 (HS256) and its key.
    const HS256: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const HS256_KEY: &str = r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#;

    fn no_clock() -> f64 {
        panic!("only the benchmark reads the clock")
    }

    fn analyse_json(job: Job) -> String {
        WorkerRequest::Analyse(job).into_parts().0
    }

    #[test]
    fn the_warm_up_paste_is_distinct_tokens_the_analysis_reads() {
        let report = job::run(&Job {
            input: std::sync::Arc::new(warm_up_paste(WARM_UP_TOKENS)),
            ..Job::default()
        })
        .report;
        assert_eq!(report.tokens.len(), WARM_UP_TOKENS as usize);
        assert!(
            report
                .tokens
                .iter()
                .all(|t| t.payload.is_some() && t.errors.is_empty())
        );
    }

    #[test]
    fn answers_jobs_and_explains_bad_requests() {
        let job = Job {
            id: 3,
            input: std::sync::Arc::new(UNSECURED.to_string()),
            ..Job::default()
        };
        let json = serde_json::to_string(&WorkerRequest::Analyse(job)).unwrap();
        let WorkerReply::Result(result) = answer_parts(&json, None, no_clock) else {
            panic!("a job is answered with its result");
        };
        assert_eq!(result.id, 3);
        assert_eq!(result.report.tokens[0].kind.as_str(), "unsecured");
        let WorkerReply::Error(reason) = answer_parts("not json", None, no_clock) else {
            panic!("an unreadable request is answered with an error");
        };
        assert!(
            reason.starts_with("the page sent a request the worker cannot read: "),
            "{reason}"
        );
    }

    #[test]
    fn a_paste_sent_beside_the_job_is_analysed() {
        let json = analyse_json(Job {
            id: 4,
            input: std::sync::Arc::new("not this".to_string()),
            ..Job::default()
        });
        let WorkerReply::Result(result) = answer_parts(&json, Some(UNSECURED.into()), no_clock)
        else {
            panic!("a job is answered with its result");
        };
        assert_eq!(result.id, 4);
        assert_eq!(result.report.tokens[0].kind.as_str(), "unsecured");
    }

    #[test]
    fn a_bench_request_is_answered_by_the_bench_path_only() {
        let ticks = Cell::new(0.0);
        let clock = || {
            ticks.set(ticks.get() + 1.0);
            ticks.get()
        };
        let bench = WorkerRequest::BenchVerify(BenchVerify {
            token: HS256.into(),
            key: HS256_KEY.into(),
            batches: 3,
            per_batch: 2,
        });
        let (json, paste) = bench.into_parts();
        let WorkerReply::Bench(timings) = answer_parts(&json, paste.map(|p| p.to_string()), clock)
        else {
            panic!("a bench request is answered with timings");
        };
        assert!(timings.all_valid);
        assert_eq!(timings.batch_ms, [1.0, 1.0, 1.0], "one tick per batch");
        assert_eq!(ticks.get(), 6.0);
        // A job, even one carrying the old benchmark fields, is analysed and
        // never timed (`no_clock` would panic).
        let json = r#"{"analyse":{"id":5,"bench_verify":"x","key":"k","batches":1,"per_batch":1}}"#;
        let WorkerReply::Result(result) = answer_parts(json, Some(HS256.into()), no_clock) else {
            panic!("a job is answered with its result");
        };
        assert_eq!(result.id, 5);
        assert_eq!(result.report.tokens.len(), 1);
    }

    #[test]
    fn the_encoder_makes_a_key_and_signs_with_it_and_the_inspector_verifies() {
        use crate::analysis::job::make::{MakeKey, SignJob};
        let keygen = r#"{"keygen":{"id":7,"alg":"ES384","rsa_bits":null,"kid":"enc-1"}}"#;
        let WorkerReply::Generated(made) = answer_parts(keygen, None, no_clock) else {
            panic!("a keygen request is answered with a key");
        };
        assert_eq!(made.id, 7);
        let key = made.result.unwrap();
        assert_eq!(key.description, "EC P-384");
        assert!(key.private.starts_with("-----BEGIN PRIVATE KEY-----"));
        assert!(key.public.jwks.contains("\"kid\": \"enc-1\""));
        let sign = WorkerRequest::Sign(SignJob {
            id: 8,
            header: r#"{"alg":"ES384","kid":"enc-1"}"#.into(),
            payload: r#"{"uid":"alice","exp":4102444800}"#.into(),
            key: MakeKey::Text(key.private.clone()),
            now: 1_800_000_000,
        });
        let WorkerReply::Signed(signed) = answer_parts(&sign.into_parts().0, None, no_clock) else {
            panic!("a sign request is answered with a token");
        };
        let signed = signed.result.unwrap();
        assert_eq!(signed.public.unwrap().kid, "enc-1");
        // The one-key JWKS beside the new token: "Signature verified".
        let job = Job {
            id: 9,
            input: signed.token.into(),
            key_text: key.public.jwks,
            now: 1_800_000_000,
            ..Job::default()
        };
        let WorkerReply::Result(result) = answer_parts(
            &analyse_json(job.clone()),
            Some(job.input.to_string()),
            no_clock,
        ) else {
            panic!("analysed");
        };
        assert_eq!(result.report.tokens[0].signature.status.as_str(), "valid");
        // A key that does not fit says so.
        let misfit = WorkerRequest::Sign(SignJob {
            id: 10,
            header: r#"{"alg":"RS256"}"#.into(),
            payload: "{}".into(),
            key: MakeKey::Text(key.private),
            now: 0,
        });
        let WorkerReply::Signed(answer) = answer_parts(&misfit.into_parts().0, None, no_clock)
        else {
            panic!("answered");
        };
        assert_eq!(
            answer.result.unwrap_err(),
            "RS256 needs an RSA private key; the key given is EC P-384"
        );
    }

    #[test]
    fn a_generated_secret_is_only_in_the_private_part() {
        let keygen = r#"{"keygen":{"id":1,"alg":"HS256","rsa_bits":null,"kid":null}}"#;
        let WorkerReply::Generated(made) = answer_parts(keygen, None, no_clock) else {
            panic!("a keygen request is answered with a key");
        };
        let key = made.result.unwrap();
        assert!(
            key.private.contains("\"k\""),
            "the secret is the private part"
        );
        assert_eq!(
            (
                key.public.pem,
                key.public.jwk.as_str(),
                key.public.jwks.as_str()
            ),
            (None, "", "")
        );
        assert!(!key.public.kid.is_empty());
    }
}
