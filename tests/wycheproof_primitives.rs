//! Wycheproof primitive vectors (../shared/vectors/wycheproof) against the
//! JWS algorithms: zero disagreements, `acceptable` taking either verdict.
//! Keys are read through the same parsers people use (PEM, JWK, PKCS#1 DER),
//! so these also test key parsing. Run with `--nocapture` to see the counts;
//! scripts/test.sh prints them.

mod common;

use common::read_json;
use jwt_inspector::analysis::keys::material::KeyMaterial;
use jwt_inspector::analysis::keys::{KeySet, der};
use jwt_inspector::analysis::verify::alg::{self, JwsAlg};
use serde_json::Value;

#[derive(Default, Debug)]
struct Counts {
    agreed: usize,
    acceptable: usize,
    skipped: usize,
    disagreements: Vec<String>,
}

impl Counts {
    fn record(&mut self, file: &str, test: &Value, accepted: bool) {
        let id = &test["tcId"];
        match test["result"].as_str().unwrap() {
            "acceptable" => self.acceptable += 1,
            "valid" if accepted => self.agreed += 1,
            "invalid" if !accepted => self.agreed += 1,
            expected => self.disagreements.push(format!(
                "{file} tcId {id} ({}): expected {expected}, got {}",
                test["comment"],
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

fn hex(v: &Value) -> Vec<u8> {
    base16ct::mixed::decode_vec(v.as_str().unwrap().as_bytes()).unwrap()
}

/// The group's key, read from its PEM; its JWK (and PKCS#1 DER for RSA)
/// must read to the same key.
fn group_key(group: &Value) -> Result<KeyMaterial, String> {
    let set = KeySet::parse(group["publicKeyPem"].as_str().unwrap());
    let key = match (set.keys.first(), set.errors.first()) {
        (Some(key), _) => key.material.clone(),
        (None, Some(error)) => return Err(error.message.clone()),
        (None, None) => return Err("no key".into()),
    };
    for jwk_field in ["publicKeyJwk", "keyJwk"] {
        if let Some(jwk) = group.get(jwk_field) {
            let from_jwk = KeySet::parse(&jwk.to_string());
            assert_eq!(
                from_jwk.keys.first().map(|k| &k.material),
                Some(&key),
                "JWK and PEM disagree: {:?}",
                from_jwk.errors
            );
        }
    }
    if let Some(asn) = group.get("publicKeyAsn") {
        assert_eq!(
            der::from_pkcs1(&hex(asn)).unwrap().material,
            key,
            "PKCS#1 and PEM disagree"
        );
    }
    Ok(key)
}

fn run_signature_file(file: &str, alg_for: impl Fn(&Value) -> Option<JwsAlg>) {
    let data = read_json(&format!("wycheproof/{file}"));
    let mut counts = Counts::default();
    for group in data["testGroups"].as_array().unwrap() {
        let tests = group["tests"].as_array().unwrap();
        let Some(alg) = alg_for(group) else {
            counts.skipped += tests.len();
            continue;
        };
        let key = group_key(group);
        for test in tests {
            let accepted = match &key {
                Ok(key) => alg::verify(alg, key, &hex(&test["msg"]), &hex(&test["sig"])).is_ok(),
                Err(_) => false,
            };
            counts.record(file, test, accepted);
        }
    }
    let note = if counts.skipped > 0 {
        " (parameters that are no JOSE algorithm)"
    } else {
        ""
    };
    counts.finish(file, note);
}

fn by_sha(rs: [JwsAlg; 3]) -> impl Fn(&Value) -> Option<JwsAlg> {
    move |group| match group["sha"].as_str()? {
        "SHA-256" => Some(rs[0]),
        "SHA-384" => Some(rs[1]),
        "SHA-512" => Some(rs[2]),
        _ => None,
    }
}

/// JOSE's PSxxx fix MGF1 to the same hash and the salt to the hash length
/// (RFC 7518 §3.5); other parameter sets are no JOSE algorithm.
fn pss_alg(group: &Value) -> Option<JwsAlg> {
    let alg = by_sha([JwsAlg::PS256, JwsAlg::PS384, JwsAlg::PS512])(group)?;
    let jose = group["mgf"] == "MGF1"
        && group["mgfSha"] == group["sha"]
        && group["sLen"].as_u64()? == alg.hash_bytes() as u64;
    jose.then_some(alg)
}

#[test]
fn rsa_pkcs1_rs256() {
    run_signature_file(
        "rsa_signature_2048_sha256_test.json",
        by_sha([JwsAlg::RS256, JwsAlg::RS384, JwsAlg::RS512]),
    );
}

#[test]
fn rsa_pkcs1_rs384() {
    run_signature_file(
        "rsa_signature_3072_sha384_test.json",
        by_sha([JwsAlg::RS256, JwsAlg::RS384, JwsAlg::RS512]),
    );
}

#[test]
fn rsa_pkcs1_rs512() {
    run_signature_file(
        "rsa_signature_4096_sha512_test.json",
        by_sha([JwsAlg::RS256, JwsAlg::RS384, JwsAlg::RS512]),
    );
}

#[test]
fn rsa_pkcs1_8192_bit_keys() {
    run_signature_file(
        "rsa_signature_8192_sha256_test.json",
        by_sha([JwsAlg::RS256, JwsAlg::RS384, JwsAlg::RS512]),
    );
}

#[test]
fn rsa_pss_ps256_2048() {
    run_signature_file("rsa_pss_2048_sha256_mgf1_32_test.json", pss_alg);
}

#[test]
fn rsa_pss_ps256_3072() {
    run_signature_file("rsa_pss_3072_sha256_mgf1_32_test.json", pss_alg);
}

#[test]
fn rsa_pss_parameters() {
    run_signature_file("rsa_pss_2048_sha256_mgf1_32_params_test.json", pss_alg);
}

#[test]
fn rsa_pss_misc() {
    run_signature_file("rsa_pss_misc_test.json", pss_alg);
}

#[test]
fn ecdsa_es256() {
    run_signature_file("ecdsa_secp256r1_sha256_p1363_test.json", |_| {
        Some(JwsAlg::ES256)
    });
}

#[test]
fn ecdsa_es384() {
    run_signature_file("ecdsa_secp384r1_sha384_p1363_test.json", |_| {
        Some(JwsAlg::ES384)
    });
}

#[test]
fn ecdsa_es512() {
    run_signature_file("ecdsa_secp521r1_sha512_p1363_test.json", |_| {
        Some(JwsAlg::ES512)
    });
}

#[test]
fn eddsa_ed25519() {
    run_signature_file("ed25519_test.json", |_| Some(JwsAlg::EdDSA));
}

/// JWS signatures are raw r ‖ s: every DER-encoded signature, valid or
/// not as DER, must be rejected by ES256.
#[test]
fn ecdsa_der_signatures_are_all_rejected() {
    let file = "ecdsa_secp256r1_sha256_test.json";
    let data = read_json(&format!("wycheproof/{file}"));
    let (mut rejected, mut total, mut called_der) = (0, 0, 0);
    for group in data["testGroups"].as_array().unwrap() {
        let key = group_key(group).unwrap();
        for test in group["tests"].as_array().unwrap() {
            total += 1;
            match alg::verify(JwsAlg::ES256, &key, &hex(&test["msg"]), &hex(&test["sig"])) {
                Ok(()) => panic!("{file} tcId {}: a DER signature was accepted", test["tcId"]),
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
    assert_eq!(rejected, total);
    assert!(
        called_der > total / 2,
        "most valid-DER signatures should be named as DER"
    );
}

#[test]
fn hmac_hs256() {
    let file = "hmac_sha256_test.json";
    let data = read_json(&format!("wycheproof/{file}"));
    let mut counts = Counts::default();
    for group in data["testGroups"].as_array().unwrap() {
        let tests = group["tests"].as_array().unwrap();
        if group["tagSize"] != 256 {
            counts.skipped += tests.len();
            continue;
        }
        for test in tests {
            let key = KeyMaterial::Hmac(hex(&test["key"]));
            let accepted =
                alg::verify(JwsAlg::HS256, &key, &hex(&test["msg"]), &hex(&test["tag"])).is_ok();
            counts.record(file, test, accepted);
        }
    }
    counts.finish(file, " (truncated tags: JWS uses the full 256 bits)");
}
