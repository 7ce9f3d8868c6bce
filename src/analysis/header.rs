//! Header checks that need no key and no cryptography (RFC 7515 §4.1):
//! `jku` and `x5u` (never fetched), `crit`, `b64: false` (RFC 7797), and a
//! `kid` built for injection. They run in every build, the page's light
//! one included.

use crate::analysis::decode::Decoded;
use crate::analysis::finding::Finding;
use crate::analysis::vocab::{FindingId, JwsAlg, TokenKind};
use serde_json::Value;

/// Header parameters RFC 7515 §4.1 and RFC 7519 register; `crit` must not list them.
const REGISTERED: [&str; 13] = [
    "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "enc", "zip",
];
/// Extensions this page understands (RFC 7797).
const UNDERSTOOD_EXTENSIONS: [&str; 1] = ["b64"];

/// A signature of the wrong length where the algorithm alone fixes the
/// length (HMAC, RFC 7518 §3.2; Ed25519, RFC 8032 §5.1.6): judged the same
/// with or without keys, so the light and full analyses agree.
pub fn signature_length_finding(d: &Decoded) -> Option<Finding> {
    if d.kind != Some(TokenKind::Jws) || d.segments.len() < 3 || d.signature.is_empty() {
        return None;
    }
    let alg = d.alg().and_then(JwsAlg::parse)?;
    let want = alg.fixed_signature_len()?;
    (d.signature.len() != want).then(|| {
        Finding::new(
            FindingId::SignatureLengthWrong,
            format!(
                "The signature is {} bytes, but {} with the key given produces {want} bytes.",
                d.signature.len(),
                alg.name()
            ),
        )
    })
}

/// Findings about the header alone.
pub fn findings(d: &Decoded) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(header) = d.header.as_ref().and_then(Value::as_object) else {
        return findings;
    };
    for (name, id, what) in [
        ("jku", FindingId::JkuPresent, "a URL of a key set"),
        ("x5u", FindingId::X5uPresent, "a URL of a certificate chain"),
    ] {
        if let Some(url) = header.get(name).and_then(Value::as_str) {
            findings.push(Finding::new(id, format!("The header names {what} ({name}: {url}). This page never fetches it; a verifier that does lets the token choose its own key.")));
        }
    }
    findings.extend(crit(header));
    if header.get("b64") == Some(&Value::Bool(false)) {
        findings.push(Finding::new(FindingId::B64False, "`b64: false` (RFC 7797): the payload is signed unencoded, so this is not a JWT, and verifiers that do not understand `b64` read the payload wrongly."));
    }
    if let Some(kid) = header.get("kid").and_then(Value::as_str) {
        findings.extend(suspicious_kid(kid));
    }
    findings
}

/// RFC 7515 §4.1.11: a non-empty array of names of extension parameters
/// present in the header; a recipient that does not understand one must reject.
fn crit(header: &serde_json::Map<String, Value>) -> Vec<Finding> {
    let Some(crit) = header.get("crit") else {
        return Vec::new();
    };
    let Some(names) = crit.as_array().filter(|a| !a.is_empty()) else {
        return vec![Finding::new(
            FindingId::CritInvalid,
            "`crit` must be a non-empty array of header parameter names; verifiers must reject this token.",
        )];
    };
    let mut findings = Vec::new();
    for name in names {
        let Some(name) = name.as_str() else {
            findings.push(Finding::new(
                FindingId::CritInvalid,
                format!("`crit` lists {name}, which is not a name."),
            ));
            continue;
        };
        if REGISTERED.contains(&name) {
            findings.push(Finding::new(FindingId::CritInvalid, format!("`crit` lists \"{name}\", a registered parameter it must not list; verifiers must reject this token.")));
        } else if !header.contains_key(name) {
            findings.push(Finding::new(FindingId::CritInvalid, format!("`crit` lists \"{name}\", which the header does not contain; verifiers must reject this token.")));
        } else if !UNDERSTOOD_EXTENSIONS.contains(&name) {
            findings.push(Finding::new(FindingId::CritUnknown, format!("`crit` marks the extension \"{name}\" as critical: a verifier that does not understand it must reject the token, and one that ignores `crit` will misread it.")));
        }
    }
    findings
}

/// A `kid` holding path, SQL, URL or shell metacharacters is a classic
/// injection vehicle against servers that look keys up by it.
fn suspicious_kid(kid: &str) -> Option<Finding> {
    let reasons: Vec<&str> = [
        (
            kid.contains("../")
                || kid.contains("..\\")
                || kid.starts_with('/')
                || kid.contains("/dev/"),
            "a file path",
        ),
        (
            kid.contains('\'')
                || kid.contains('"')
                || kid.contains(';')
                || kid.contains("--")
                || kid.to_ascii_lowercase().contains(" union ")
                || kid.to_ascii_lowercase().contains(" or "),
            "SQL",
        ),
        (
            kid.contains("://") || kid.contains('?') || kid.contains('#') || kid.contains('%'),
            "a URL",
        ),
        (
            kid.contains('$')
                || kid.contains('`')
                || kid.contains('|')
                || kid.contains('\0')
                || kid.contains('\n'),
            "shell or control characters",
        ),
    ]
    .into_iter()
    .filter_map(|(hit, what)| hit.then_some(what))
    .collect();
    (!reasons.is_empty()).then(|| {
        Finding::new(FindingId::KidSuspicious, format!("The kid \"{kid}\" contains {}: servers that look keys up by kid have been attacked this way (path traversal, SQL injection).", reasons.join(" and ")))
    })
}
