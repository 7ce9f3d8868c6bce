//! Two tokens side by side, for "why does one work and the other not":
//! every header member and claim added, removed, changed or the same; the
//! times compared ("B expires 4 h after A"); and whether both were signed
//! with the same key.

use crate::analysis::report::TokenReport;
use crate::analysis::timefmt;
use crate::analysis::vocab::Change;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One member of the header or payload, in A and in B.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDiff {
    /// The member's name.
    pub name: String,
    /// `added` (only in B), `removed` (only in A), `changed` or `same`.
    pub change: Change,
    /// Its value in A; absent when A lacks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<Value>,
    /// Its value in B; absent when B lacks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<Value>,
}

/// A time both tokens carry, compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeDiff {
    /// `exp`, `nbf` or `iat`.
    pub claim: String,
    /// B's time minus A's, in seconds.
    pub seconds: i64,
    /// "B expires 4 h 00 min after A".
    pub text: String,
}

/// How the keys behind the two signatures compare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDiff {
    /// Both headers name the same `kid` (`null` when either has none).
    pub same_kid: Option<bool>,
    /// Both headers name the same `alg`.
    pub same_alg: bool,
    /// Both signatures verified with the same supplied key (`null` when
    /// either was not verified with a key).
    pub same_key: Option<bool>,
    /// In words.
    pub text: String,
}

/// Token A against token B.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Header members, A's order first, then B's new ones.
    pub header: Vec<MemberDiff>,
    /// Claims, likewise.
    pub payload: Vec<MemberDiff>,
    /// `exp`, `nbf`, `iat` when both carry them.
    pub times: Vec<TimeDiff>,
    /// The keys behind the signatures.
    pub keys: KeyDiff,
    /// The differences in a few lines, most telling first.
    pub summary: Vec<String>,
}

/// Compares token `a` with token `b`.
pub fn compare(a: &TokenReport, b: &TokenReport) -> Comparison {
    let header = members(a.header.as_ref(), b.header.as_ref());
    let payload = members(a.payload.as_ref(), b.payload.as_ref());
    let times = times(a, b);
    let keys = keys(a, b);
    let mut summary = Vec::new();
    if a.signature.status != b.signature.status {
        summary.push(format!(
            "A's signature is {}, B's is {}.",
            a.signature.status, b.signature.status
        ));
    }
    if a.validity.state != b.validity.state {
        summary.push(format!(
            "A is {}, B is {}.",
            a.validity.state, b.validity.state
        ));
    }
    for (part, diffs) in [("header", &header), ("payload", &payload)] {
        let changed: Vec<String> = diffs
            .iter()
            .filter(|d| d.change != Change::Same)
            .map(|d| format!("{} {}", d.name, d.change))
            .collect();
        if !changed.is_empty() {
            summary.push(format!("In the {part}: {}.", changed.join(", ")));
        }
    }
    summary.extend(
        times
            .iter()
            .filter(|t| t.seconds != 0)
            .map(|t| t.text.clone()),
    );
    summary.push(keys.text.clone());
    Comparison {
        header,
        payload,
        times,
        keys,
        summary,
    }
}

fn object(value: Option<&Value>) -> Option<&Map<String, Value>> {
    value.and_then(Value::as_object)
}

fn members(a: Option<&Value>, b: Option<&Value>) -> Vec<MemberDiff> {
    let empty = Map::new();
    let (a, b) = (object(a).unwrap_or(&empty), object(b).unwrap_or(&empty));
    let mut diffs: Vec<MemberDiff> = a
        .iter()
        .map(|(name, value_a)| {
            let value_b = b.get(name);
            let change = match value_b {
                None => Change::Removed,
                Some(v) if v == value_a => Change::Same,
                Some(_) => Change::Changed,
            };
            MemberDiff {
                name: name.clone(),
                change,
                a: Some(value_a.clone()),
                b: value_b.cloned(),
            }
        })
        .collect();
    diffs.extend(
        b.iter()
            .filter(|(name, _)| !a.contains_key(*name))
            .map(|(name, value)| MemberDiff {
                name: name.clone(),
                change: Change::Added,
                a: None,
                b: Some(value.clone()),
            }),
    );
    diffs
}

fn times(a: &TokenReport, b: &TokenReport) -> Vec<TimeDiff> {
    let (wa, wb) = (a.validity.window, b.validity.window);
    [
        ("exp", "expires", wa.expires, wb.expires),
        ("nbf", "becomes valid", wa.not_before, wb.not_before),
        ("iat", "was issued", wa.issued, wb.issued),
    ]
    .into_iter()
    .filter_map(|(claim, verb, ta, tb)| {
        let (ta, tb) = (ta?, tb?);
        let seconds = tb.saturating_sub(ta);
        let span = timefmt::duration(seconds.unsigned_abs());
        let text = match seconds {
            0 => format!("A and B {verb} at the same time."),
            s if s > 0 => format!("B {verb} {span} after A."),
            _ => format!("B {verb} {span} before A."),
        };
        Some(TimeDiff {
            claim: claim.into(),
            seconds,
            text,
        })
    })
    .collect()
}

fn keys(a: &TokenReport, b: &TokenReport) -> KeyDiff {
    let header_str = |t: &TokenReport, name: &str| {
        t.header
            .as_ref()
            .and_then(|h| h.get(name))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let same_kid = match (header_str(a, "kid"), header_str(b, "kid")) {
        (Some(ka), Some(kb)) => Some(ka == kb),
        _ => None,
    };
    let same_alg = header_str(a, "alg") == header_str(b, "alg");
    let verified_key = |t: &TokenReport| {
        (t.signature.status == crate::analysis::vocab::SignatureStatus::Valid)
            .then(|| t.signature.key.as_ref().map(|k| k.key.fingerprints.clone()))
            .flatten()
    };
    let same_key = match (verified_key(a), verified_key(b)) {
        (Some(fa), Some(fb)) => Some(fa == fb),
        _ => None,
    };
    let kid = match same_kid {
        Some(true) => "Both name the same kid",
        Some(false) => "They name different kids",
        None => "Not both name a kid",
    };
    let alg = if same_alg {
        "the same alg".to_string()
    } else {
        format!(
            "different algs ({} and {})",
            header_str(a, "alg").unwrap_or_else(|| "none".into()),
            header_str(b, "alg").unwrap_or_else(|| "none".into())
        )
    };
    let key = match same_key {
        Some(true) => ", and both verify with the same key.",
        Some(false) => ", and they verify with different keys.",
        None => "; supply the keys to see whether one key signed both.",
    };
    let text = format!("{kid}, {alg}{key}");
    KeyDiff {
        same_kid,
        same_alg,
        same_key,
        text,
    }
}

#[cfg(test)]
mod tests;
