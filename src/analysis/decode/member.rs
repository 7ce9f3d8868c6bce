//! One signature of a JWS in the JSON serialization (RFC 7515 §7.2),
//! decoded as a compact token would be: its protected header, the payload
//! and the signature exactly as carried, never split on dots (an RFC 7797
//! unencoded payload may hold them).

use super::{Decoded, decode_base64, decode_jws_parts, parse_json_object};
use crate::analysis::vocab::{FindingId, Segment};
use serde_json::{Map, Value};

/// One signature object, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedMember {
    /// Decoded as a compact token, its header completed with what the
    /// unprotected header supplies.
    pub decoded: Decoded,
    /// The protected header alone, as signed; `None` when absent or
    /// unreadable.
    pub protected: Option<Value>,
}

/// Decodes one signature object of a JWS JSON document. The signing input
/// is `protected` `.` `payload` as carried (RFC 7515 §5.2 step 8).
///
/// `alg` and `kid` found only in the `unprotected` header are used to
/// choose the algorithm and key, as RFC 7515 §7.2.1 allows (the JOSE
/// header is the union); an unprotected `alg` gets a finding, since
/// nothing signed it. Every other
/// unprotected member is ignored, `b64` and `crit` included (RFC 7797 §3
/// requires them protected).
pub fn decode_jws_member(
    protected: &str,
    payload: &str,
    signature: &str,
    unprotected: Option<&Map<String, Value>>,
) -> DecodedMember {
    let mut d = Decoded {
        segments: vec![protected.into(), payload.into(), signature.into()],
        ..Decoded::default()
    };
    d.header = if protected.is_empty() {
        Some(Value::Object(Map::new()))
    } else {
        decode_base64(&mut d, Segment::Header, protected)
            .and_then(|bytes| parse_json_object(&mut d, Segment::Header, &bytes))
    };
    let signed = (!protected.is_empty()).then(|| d.header.clone()).flatten();
    if let (Some(Value::Object(header)), Some(unprotected)) = (d.header.as_mut(), unprotected) {
        let alg_borrowed = !header.contains_key("alg") && unprotected.contains_key("alg");
        for name in ["alg", "kid"] {
            if !header.contains_key(name)
                && let Some(value) = unprotected.get(name)
            {
                header.insert(name.to_string(), value.clone());
            }
        }
        // A `kid` only hints at the key (the signature decides); an
        // unprotected `alg` is worth a finding.
        if alg_borrowed {
            d.finding(
                FindingId::AlgUnprotected,
                "`alg` comes only from the unprotected `header`, which the signature does not cover: anyone can change it in transit. A verifier should take the algorithm from its own configuration (RFC 8725 §3.1).".into(),
            );
        }
    }
    decode_jws_parts(&mut d, 0);
    DecodedMember {
        decoded: d,
        protected: signed,
    }
}
