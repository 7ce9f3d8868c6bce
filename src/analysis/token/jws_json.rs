//! A JWS in the JSON serialization (RFC 7515 §7.2) as one token: each
//! signature decoded and verified as a compact token would be, the
//! payload shown once, the unprotected headers apart.

use super::{
    Context, check_signature, complete_from_payload, error_at, expected_by_service, signature,
};
use crate::analysis::base64url;
use crate::analysis::decode::{Decoded, DecodedMember, decode_jws_member};
use crate::analysis::finder::FoundToken;
use crate::analysis::finding::Finding;
use crate::analysis::jws_json::{self, JwsJson, Serialization};
use crate::analysis::report::{JwsSignatureReport, SignatureReport, TokenReport};
use crate::analysis::vocab::{FindingId, Segment, SignatureStatus, TokenErrorId, TokenKind};
use serde_json::Value;

/// Analyses a found JWS JSON document.
pub(super) fn analyse(found: FoundToken, cx: &Context<'_>) -> TokenReport {
    let mut report = TokenReport::empty(found.text.clone(), TokenKind::JwsJson, found.source);
    let document = match serde_json::from_str::<Value>(&found.text) {
        Ok(Value::Object(object)) => jws_json::read(&object),
        _ => Err("it is not a JSON object".to_string()),
    };
    let document = match document {
        Ok(document) => document,
        Err(why) => {
            report.signature = signature(
                SignatureStatus::Invalid,
                &format!("Not valid: this JWS JSON document cannot be read: {why}."),
            );
            report.errors.push(error_at(
                Segment::Token,
                TokenErrorId::JwsJsonInvalid,
                format!("This JWS JSON document (RFC 7515 §7.2) cannot be read: {why}."),
            ));
            return report;
        }
    };
    report.serialization = Some(document.serialization);
    report.detached = document.payload.is_none();
    let payload = payload_as_carried(&document, cx);
    let mut first: Option<Decoded> = None;
    for (index, member) in document.signatures.iter().enumerate() {
        let DecodedMember { decoded, protected } = decode_jws_member(
            &member.protected,
            payload.as_deref().unwrap_or_default(),
            &member.signature,
            member.header.as_ref(),
        );
        let verdict = match &payload {
            Some(_) => {
                let (verdict, findings, needs_more) = check_signature(&decoded, cx.options);
                report.needs_full_analysis |= needs_more;
                add_new(&mut report.findings, findings);
                verdict
            }
            None => signature(
                SignatureStatus::Unchecked,
                "Not checked: the content is detached (RFC 7515 Appendix F), not in the document; supply it to verify.",
            ),
        };
        let member_findings = decoded
            .findings
            .iter()
            .filter(|f| f.id != FindingId::PayloadNotJson)
            .cloned()
            .collect();
        add_new(&mut report.findings, member_findings);
        let place = match document.serialization {
            Serialization::Flattened => String::new(),
            Serialization::General => format!("signatures[{index}]."),
        };
        add_errors(&mut report, &decoded, &place);
        report.signatures.push(JwsSignatureReport {
            protected,
            header: member.header.clone().map(Value::Object),
            signature: verdict,
        });
        first.get_or_insert(decoded);
    }
    let (chosen, verdict) = overall(&report.signatures);
    report.signature = verdict;
    if let Some(decoded) = first {
        // The header of the signature the verdict is about, so that
        // expectations (the allowed algorithms) judge that signature.
        report.header = report.signatures[chosen].protected.clone();
        if payload.is_some() {
            report.payload = decoded.payload;
            report.payload_text = decoded.payload_text;
        }
    }
    complete_from_payload(&mut report, cx);
    expected_by_service(&mut report, cx.options);
    report
}

/// The payload member as signed: the document's own, or the detached
/// content the person supplied, base64url-encoded unless the first
/// protected header says `b64: false` (RFC 7797 §3).
fn payload_as_carried(document: &JwsJson, cx: &Context<'_>) -> Option<String> {
    if let Some(payload) = &document.payload {
        return Some(payload.clone());
    }
    let content = cx.options.detached_content.as_deref()?;
    let unencoded = document.signatures.first().is_some_and(|m| {
        base64url::decode_segment(&m.protected)
            .ok()
            .and_then(|d| serde_json::from_slice::<Value>(&d.bytes).ok())
            .is_some_and(|h| h.get("b64") == Some(&Value::Bool(false)))
    });
    Some(if unencoded {
        content.to_string()
    } else {
        base64url::encode(content.as_bytes())
    })
}

/// The document's verdict and the signature it is about: the first that
/// verifies, else the first matched but refused, else the first (a
/// verifier accepts the document when one of its signatures verifies with
/// its key, RFC 7515 §7.2.1).
fn overall(signatures: &[JwsSignatureReport]) -> (usize, SignatureReport) {
    let chosen = signatures
        .iter()
        .position(|s| s.signature.status == SignatureStatus::Valid)
        .or_else(|| {
            signatures
                .iter()
                .position(|s| s.signature.matched_but_refused.is_some())
        })
        .unwrap_or(0);
    let mut verdict = signatures[chosen].signature.clone();
    if signatures.len() > 1 {
        verdict.message = format!(
            "Signature {} of {}: {}",
            chosen + 1,
            signatures.len(),
            verdict.message
        );
    }
    (chosen, verdict)
}

fn add_new(into: &mut Vec<Finding>, findings: Vec<Finding>) {
    for finding in findings {
        if !into.contains(&finding) {
            into.push(finding);
        }
    }
}

/// A JWS payload need not be JSON (RFC 7515 §7.2 carries any octets): a
/// payload that is not a JSON object is shown as text, not as an error.
/// Errors in the protected header or the signature name their member
/// (`` `signatures[1].protected` ``), as the person sees the document.
fn add_errors(report: &mut TokenReport, decoded: &Decoded, place: &str) {
    for error in &decoded.errors {
        let member = match error.segment {
            Segment::Header => Some("protected"),
            Segment::Signature => Some("signature"),
            Segment::Payload => Some("payload"),
            _ => None,
        };
        let mut error = error.clone();
        if let Some(member) = member {
            error.message = format!("`{place}{member}`: {}", error.message);
        }
        let error = &error;
        let payload_not_json = error.segment == Segment::Payload
            && matches!(
                error.id,
                TokenErrorId::JsonSyntax | TokenErrorId::JsonTruncated | TokenErrorId::NotAnObject
            );
        if !payload_not_json && !report.errors.contains(error) {
            report.errors.push(error.clone());
        }
    }
}
