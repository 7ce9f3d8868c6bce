//! RSA and ECDSA signature checks through WebCrypto (`crypto.subtle`) in
//! the worker: native code, 10–15× faster than the wasm arithmetic, for
//! pastes holding many signatures (issue 15 §4). The core decides
//! everything else ([`crate::analysis::verify::outside`]).
//!
//! Each distinct key is imported once (`"spki"`), every verification is
//! started, then the results are gathered. A key WebCrypto will not import
//! or a call that fails gives `None`, and the core computes that check
//! itself. The Wycheproof RSA and ECDSA vectors run through this function
//! in Chromium (tests/browser/webcrypto.test.mjs).

use crate::analysis::verify::SignatureCheck;
use crate::analysis::vocab::JwsAlg;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Members of a WebCrypto parameter object.
type Members = Vec<(&'static str, JsValue)>;

/// WebCrypto's names for a JWS algorithm (RFC 7518 §3.3–3.5): the import
/// parameters and the verify parameters.
fn parameters(alg: JwsAlg) -> Option<(Object, Object)> {
    let hash = |bits: u32| format!("SHA-{bits}");
    let (import, verify): (Members, Members) = match alg {
        JwsAlg::RS256 | JwsAlg::RS384 | JwsAlg::RS512 => {
            let bits = alg.hash_bytes() as u32 * 8;
            (
                vec![
                    ("name", "RSASSA-PKCS1-v1_5".into()),
                    ("hash", hash(bits).into()),
                ],
                vec![("name", "RSASSA-PKCS1-v1_5".into())],
            )
        }
        // RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash.
        JwsAlg::PS256 | JwsAlg::PS384 | JwsAlg::PS512 => {
            let bytes = alg.hash_bytes() as u32;
            (
                vec![("name", "RSA-PSS".into()), ("hash", hash(bytes * 8).into())],
                vec![("name", "RSA-PSS".into()), ("saltLength", bytes.into())],
            )
        }
        JwsAlg::ES256 | JwsAlg::ES384 | JwsAlg::ES512 => {
            let (curve, bits) = match alg {
                JwsAlg::ES256 => ("P-256", 256),
                JwsAlg::ES384 => ("P-384", 384),
                _ => ("P-521", 512),
            };
            (
                vec![("name", "ECDSA".into()), ("namedCurve", curve.into())],
                vec![("name", "ECDSA".into()), ("hash", hash(bits).into())],
            )
        }
        _ => return None,
    };
    Some((object(&import)?, object(&verify)?))
}

fn object(members: &[(&str, JsValue)]) -> Option<Object> {
    let object = Object::new();
    for (name, value) in members {
        Reflect::set(&object, &JsValue::from_str(name), value).ok()?;
    }
    Some(object)
}

fn subtle() -> Option<SubtleCrypto> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().dyn_into().ok()?;
    Some(scope.crypto().ok()?.subtle())
}

async fn settle(promise: Promise) -> Option<JsValue> {
    JsFuture::from(promise).await.ok()
}

/// Each check's answer from WebCrypto, in order (`None`: not made).
pub async fn verify_all(checks: &[SignatureCheck]) -> Vec<Option<bool>> {
    let Some(subtle) = subtle() else {
        return vec![None; checks.len()];
    };
    // Import every distinct (algorithm, key) once, all at the same time.
    let mut imports: HashMap<(JwsAlg, &[u8]), Option<Promise>> = HashMap::new();
    for check in checks {
        imports
            .entry((check.alg, check.spki.as_slice()))
            .or_insert_with(|| {
                let (import, _) = parameters(check.alg)?;
                let usages = Array::of1(&JsValue::from_str("verify"));
                let der = Uint8Array::from(check.spki.as_slice());
                subtle
                    .import_key_with_object("spki", &der, &import, false, &usages)
                    .ok()
            });
    }
    let mut keys: HashMap<(JwsAlg, &[u8]), CryptoKey> = HashMap::new();
    for (id, promise) in imports {
        if let Some(key) = match promise {
            Some(promise) => settle(promise).await,
            None => None,
        } {
            keys.insert(id, key.unchecked_into());
        }
    }
    // Start every verification, then gather them in order.
    let started: Vec<Option<Promise>> = checks
        .iter()
        .map(|check| {
            let key = keys.get(&(check.alg, check.spki.as_slice()))?;
            let (_, verify) = parameters(check.alg)?;
            subtle
                .verify_with_object_and_u8_array_and_u8_array(
                    &verify,
                    key,
                    &check.signature,
                    &check.input,
                )
                .ok()
        })
        .collect();
    let mut results = Vec::with_capacity(checks.len());
    for promise in started {
        results.push(match promise {
            Some(promise) => settle(promise).await.and_then(|v| v.as_bool()),
            None => None,
        });
    }
    results
}
