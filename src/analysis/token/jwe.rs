//! A JWE in the report (RFC 7516): compact or in the JSON serialization,
//! decrypted by the full analysis with the supplied keys (the `Verifier`
//! seam), its plaintext shown as claims, text, or a token verified in turn.
//! The light analysis shows the headers and asks for the full one.

use super::{Context, compact, complete_from_payload, error_at};
use crate::analysis::decode;
use crate::analysis::finder::{FoundToken, Source};
use crate::analysis::finding::Finding;
use crate::analysis::json;
use crate::analysis::jwe_json;
use crate::analysis::report::TokenReport;
use crate::analysis::verdict::DecryptionReport;
use crate::analysis::vocab::{FindingId, Segment, SourceKind, TokenErrorId, TokenKind};
use serde_json::Value;

/// What decrypting a JWE gave.
pub(super) struct Opened {
    /// The verdict (full analysis only).
    pub decryption: Option<DecryptionReport>,
    /// The plaintext, when a key opened it.
    pub plaintext: Option<Vec<u8>>,
    /// RSA1_5, the step that failed.
    pub findings: Vec<Finding>,
    /// Without a verifier: the full analysis explains and decrypts.
    pub needs_full_analysis: bool,
}

/// A JWE inside this many decrypted JWEs is not decrypted (each level may
/// inflate to 10 MB).
const MAX_JWE_DEPTH: usize = 3;

/// Decrypts `token` (compact or JSON) with the verifier's keys.
pub(super) fn open(token: &str, cx: &Context<'_>) -> Opened {
    if cx.jwe_depth >= MAX_JWE_DEPTH {
        return Opened {
            decryption: Some(DecryptionReport {
                status: crate::analysis::vocab::DecryptionStatus::Unsupported,
                message: format!(
                    "Not decrypted: it is inside {MAX_JWE_DEPTH} decrypted JWEs already, and deeper nesting is not followed."
                ),
                key: None,
                recipient: None,
            }),
            plaintext: None,
            findings: vec![Finding::new(
                FindingId::NestingTooDeep,
                format!(
                    "Tokens are nested more than {MAX_JWE_DEPTH} encryptions deep; the rest is not decrypted."
                ),
            )],
            needs_full_analysis: false,
        };
    }
    match &cx.options.verifier {
        Some(verifier) => {
            let reading = verifier.decrypt_jwe(token);
            Opened {
                decryption: Some(reading.decryption),
                plaintext: reading.plaintext,
                findings: reading.findings,
                needs_full_analysis: false,
            }
        }
        None => Opened {
            decryption: None,
            plaintext: None,
            findings: Vec::new(),
            needs_full_analysis: true,
        },
    }
}

/// A JWE JSON document (RFC 7516 §7.2.1, §7.2.2): its headers apart, then
/// decrypted as a compact one would be.
pub(super) fn analyse_json(found: FoundToken, cx: &Context<'_>) -> TokenReport {
    let mut report = TokenReport::empty(found.text.clone(), TokenKind::Jwe, found.source);
    let headers = match json::parse(&found.text).map(|parsed| parsed.value) {
        Ok(Value::Object(object)) => jwe_json::read(&object),
        _ => Err("it is not a JSON object".to_string()),
    };
    let headers = match headers {
        Ok(headers) => headers,
        Err(why) => {
            report.errors.push(error_at(
                Segment::Token,
                TokenErrorId::JweJsonInvalid,
                format!("This JWE JSON document (RFC 7516 §7.2) cannot be read: {why}."),
            ));
            return report;
        }
    };
    let joined = headers.joined();
    let alg = joined.get("alg").and_then(Value::as_str).unwrap_or("?");
    let enc = joined.get("enc").and_then(Value::as_str).unwrap_or("?");
    let recipients = headers.recipients.len();
    report.findings.push(Finding::new(
        FindingId::Encrypted,
        format!("The content is encrypted (JWE JSON serialization, {recipients} recipient{}, alg {alg}, enc {enc}): only the holder of a recipient's key can read it. The headers are shown apart.", if recipients == 1 { "" } else { "s" }),
    ));
    report.serialization = Some(headers.serialization);
    report.header = headers.protected.clone();
    report.unprotected = headers.shared.clone();
    report.recipients = headers.recipients;
    let opened = open(&found.text, cx);
    report.needs_full_analysis = opened.needs_full_analysis;
    report.findings.extend(opened.findings);
    report.decryption = opened.decryption;
    report.signature = super::signature(
        crate::analysis::vocab::SignatureStatus::Unsupported,
        "Nothing to verify here: a JWE is encrypted, not signed; its decryption says whether it is authentic.",
    );
    if let Some(plaintext) = opened.plaintext {
        let source = report.source.clone();
        let (payload, payload_text, nested) = plaintext_parts(plaintext, &source, cx);
        report.payload = payload;
        report.payload_text = payload_text;
        report.nested = nested;
    }
    complete_from_payload(&mut report, cx);
    report
}

/// A JWE's plaintext as the report shows it (RFC 7516 §4.1.12, RFC 7519
/// §5.2): a token inside (sign-then-encrypt), analysed and verified in
/// turn; a JSON object, read as claims; else text, or hex.
pub(super) fn plaintext_parts(
    plaintext: Vec<u8>,
    source: &Source,
    cx: &Context<'_>,
) -> (Option<Value>, Option<String>, Option<Box<TokenReport>>) {
    let text = match String::from_utf8(plaintext) {
        Ok(text) => text,
        Err(error) => {
            let bytes = error.into_bytes();
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            return (
                None,
                Some(format!("({} bytes, not UTF-8) {hex}", bytes.len())),
                None,
            );
        }
    };
    let trimmed = text.trim();
    let inner = decode::decode_compact(trimmed);
    let dots = trimmed.bytes().filter(|b| *b == b'.').count();
    if (dots == 2 || dots == 4) && inner.header.is_some() && !trimmed.contains(char::is_whitespace)
    {
        let inner_source = Source {
            kind: SourceKind::JwePlaintext,
            description: "plaintext of the enclosing JWE".into(),
            context: Default::default(),
            notes: Vec::new(),
            ..source.clone()
        };
        let inner_cx = Context {
            nested: true,
            jwe_depth: cx.jwe_depth + 1,
            ..*cx
        };
        let report = compact(trimmed.to_string(), inner_source, inner, &inner_cx);
        return (None, None, Some(Box::new(report)));
    }
    match json::parse(trimmed).map(|parsed| parsed.value) {
        Ok(value @ Value::Object(_)) => (Some(value), None, None),
        _ => (None, Some(text), None),
    }
}
