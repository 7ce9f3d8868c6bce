//! Native benchmarks of the core (criterion): finding tokens in pastes,
//! decoding, verifying each family of signature, and the whole analysis.
//! Inputs are the RFC examples in tests/vectors, read at run time.
//!
//!   cargo bench --bench core            (or scripts/bench.sh, which also
//!                                        measures the page in Chromium)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use jwt_inspector::analysis::decode::decode_compact;
use jwt_inspector::analysis::finder::find_tokens;
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::verify::verify_token;
use jwt_inspector::analysis::{Options, analyse};
use serde_json::Value;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

fn rfc_vectors() -> Vec<Value> {
    let dir = std::env::var_os("JWT_INSPECTOR_VECTORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors"));
    let text = std::fs::read_to_string(dir.join("rfc/rfc_jws_examples.json"))
        .expect("test vectors (set JWT_INSPECTOR_VECTORS)");
    let json: Value = serde_json::from_str(&text).unwrap();
    json["vectors"].as_array().unwrap().clone()
}

fn vector<'a>(vectors: &'a [Value], alg: &str) -> (&'a str, String) {
    let v = vectors.iter().find(|v| v["alg"] == alg).unwrap();
    (v["jws"].as_str().unwrap(), v["jwk"].to_string())
}

/// A reply holding `n` different tokens, as a person pastes it: `token`
/// with a claim added per entry (its signature no longer matches, which
/// costs a verifier the same work as one that does).
fn login_response(token: &str, n: usize) -> String {
    let [header, _, signature] = token.split('.').collect::<Vec<_>>()[..] else {
        panic!("a compact JWS");
    };
    let entries: Vec<String> = (0..n)
        .map(|i| {
            let payload = jwt_inspector::analysis::base64url::encode(
                format!(r#"{{"iss":"joe","exp":1300819380,"n":{i}}}"#).as_bytes(),
            );
            format!(
                r#"{{"access_token":"{header}.{payload}.{signature}","expires_in":{i},"token_type":"Bearer"}}"#
            )
        })
        .collect();
    format!(
        "HTTP/1.1 200 OK\ncontent-type: application/json\n\n[{}]",
        entries.join(",")
    )
}

fn finding(c: &mut Criterion) {
    let vectors = rfc_vectors();
    let (rs256, _) = vector(&vectors, "RS256");
    let header_line = format!("Authorization: Bearer {rs256}");
    let reply = login_response(rs256, 1_000);
    c.bench_function("find: Authorization header line", |b| {
        b.iter(|| find_tokens(black_box(&header_line)))
    });
    c.bench_function(
        "find: JSON reply with 1,000 different tokens (470 KB)",
        |b| b.iter(|| find_tokens(black_box(&reply))),
    );
}

fn decoding(c: &mut Criterion) {
    let vectors = rfc_vectors();
    let (rs256, _) = vector(&vectors, "RS256");
    c.bench_function("decode: RS256 token", |b| {
        b.iter(|| decode_compact(black_box(rs256)))
    });
}

fn verifying(c: &mut Criterion) {
    let vectors = rfc_vectors();
    for alg in ["HS256", "RS256", "ES256", "ES512", "EdDSA"] {
        let (token, jwk) = vector(&vectors, alg);
        let keys = KeySet::parse(&jwk);
        let decoded = decode_compact(token);
        c.bench_function(&format!("verify: {alg}"), |b| {
            b.iter(|| verify_token(black_box(&decoded), &keys))
        });
    }
}

fn analysing(c: &mut Criterion) {
    let vectors = rfc_vectors();
    let (rs256, jwk) = vector(&vectors, "RS256");
    let options = Options {
        verifier: Some(Arc::new(KeySet::parse(&jwk))),
        ..Options::at(1_300_819_000)
    };
    c.bench_function("analyse: one RS256 token with its key", |b| {
        b.iter(|| analyse(black_box(rs256), &options))
    });
    let reply = login_response(rs256, 100);
    c.bench_function("analyse: 100 different RS256 tokens with a key", |b| {
        b.iter(|| analyse(black_box(&reply), &options))
    });
}

/// Signing one small token with a key made once (issue 13's "≤ 5 ms
/// except RSA ≥ 3072 and ML-DSA"); key generation is timed separately.
fn signing(c: &mut Criterion) {
    use jwt_inspector::analysis::sign::keygen::{self, KeySpec};
    use jwt_inspector::analysis::sign::{self, Layout};
    use jwt_inspector::analysis::vocab::JwsAlg;
    let claims = r#"{"sub":"alice","iat":1800000000,"exp":1800003600}"#;
    for (alg, spec) in [
        ("HS256", None),
        ("RS256", None),
        ("RS256", Some(KeySpec::Rsa(3072))),
        ("PS256", None),
        ("ES256", None),
        ("ES512", None),
        ("ES256K", None),
        ("EdDSA", None),
        ("ML-DSA-44", None),
        ("ML-DSA-87", None),
    ] {
        let parsed = JwsAlg::parse(alg).unwrap_or(JwsAlg::HS256);
        let spec = spec.unwrap_or_else(|| KeySpec::for_alg(parsed));
        let Ok(key) = keygen::generate(spec, &mut getrandom::SysRng) else {
            continue;
        };
        let header = format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#);
        c.bench_function(&format!("sign: {alg} ({})", spec.describe()), |b| {
            b.iter(|| {
                sign::sign(
                    black_box(&header),
                    claims,
                    &key,
                    Layout::Compact,
                    1_800_000_000,
                    &mut getrandom::SysRng,
                )
            })
        });
    }
    for spec in [
        KeySpec::Ec(jwt_inspector::analysis::keys::material::Curve::P256),
        KeySpec::Rsa(2048),
    ] {
        c.bench_function(&format!("keygen: {}", spec.describe()), |b| {
            b.iter(|| keygen::generate(black_box(spec), &mut getrandom::SysRng))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = finding, decoding, verifying, analysing, signing
}
criterion_main!(benches);
