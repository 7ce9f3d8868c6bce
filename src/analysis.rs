//! The pure core: finds tokens in pasted text, decodes them, and reports.
//! No DOM, no clock, no network: `now` is an argument, and everything here
//! compiles and is tested natively (tests/core_is_pure.rs checks this).

pub mod base64url;
pub mod decode;
pub mod finder;
pub mod finding;
pub mod json;
pub mod keys;
pub mod keystone;
pub mod report;
pub mod timefmt;
pub mod times;
pub mod verify;

use decode::{Decoded, TokenKind};
use finder::{FoundToken, Shape};
use finding::{Finding, FindingId};
use keys::KeySet;
use report::{Report, SignatureReport, SignatureStatus, TokenReport, VendorReport};
use std::sync::Arc;

/// What the analysis needs besides the pasted text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The instant to evaluate `exp`, `nbf` and `iat` against (Unix seconds).
    pub now: i64,
    /// The keys the person supplied (parsed once, shared).
    pub keys: Arc<KeySet>,
}

impl Options {
    /// Options with no keys, evaluated at `now`.
    pub fn at(now: i64) -> Self {
        Options {
            now,
            keys: Arc::default(),
        }
    }
}

/// Finds and decodes every token in `input`.
pub fn analyse(input: &str, options: &Options) -> Report {
    let found = finder::find_tokens(input);
    Report {
        tokens: found
            .tokens
            .into_iter()
            .map(|token| analyse_token(token, options))
            .collect(),
        notices: found.notices,
        keys: options.keys.keys.iter().map(keys::Key::report).collect(),
        key_errors: options.keys.errors.clone(),
    }
}

fn analyse_token(found: FoundToken, options: &Options) -> TokenReport {
    match found.shape {
        Some(Shape::Compact) => {
            let decoded = decode::decode_compact(&found.text);
            compact_report(found.text, found.source, decoded, options)
        }
        Some(Shape::Fernet) => fernet_report(found),
        Some(Shape::KeystonePki) => keystone_pki_report(found, TokenKind::KeystonePki),
        Some(Shape::KeystonePkiz) => keystone_pki_report(found, TokenKind::KeystonePkiz),
        None => opaque_report(found),
    }
}

fn compact_report(
    token: String,
    source: finder::Source,
    decoded: Decoded,
    options: &Options,
) -> TokenReport {
    let kind = decoded.kind.unwrap_or(TokenKind::Jws);
    let verification = verify::verify_token(&decoded, &options.keys);
    let signature = SignatureReport {
        status: verification.status,
        message: verification.message,
        key: verification.key,
    };
    let mut findings = decoded.findings;
    findings.extend(verification.findings);
    let times = times::evaluate(decoded.payload.as_ref(), options.now);
    let nested = decoded.nested.map(|inner| {
        let text = inner.segments.join(".");
        let source = finder::Source {
            kind: source.kind,
            description: "payload of the enclosing token".into(),
            line: source.line,
            field: None,
            context: Default::default(),
            notes: Vec::new(),
        };
        Box::new(compact_report(text, source, *inner, options))
    });
    TokenReport {
        token,
        kind,
        source,
        header: decoded.header,
        payload: decoded.payload,
        payload_text: decoded.payload_text,
        signature,
        vendor: VendorReport::default(),
        times,
        findings,
        errors: decoded.errors,
        fernet: None,
        nested,
        segments: decoded.segments,
    }
}

fn bare_report(
    found: FoundToken,
    kind: TokenKind,
    status: SignatureStatus,
    message: &str,
) -> TokenReport {
    TokenReport {
        segments: vec![found.text.clone()],
        token: found.text,
        kind,
        source: found.source,
        header: None,
        payload: None,
        payload_text: None,
        signature: SignatureReport {
            status,
            message: message.to_string(),
            key: None,
        },
        vendor: VendorReport::default(),
        times: Default::default(),
        findings: Vec::new(),
        errors: Vec::new(),
        fernet: None,
        nested: None,
    }
}

fn fernet_report(found: FoundToken) -> TokenReport {
    let mut report = bare_report(
        found,
        TokenKind::KeystoneFernet,
        SignatureStatus::Unsupported,
        "Not checkable here: a Fernet token is authenticated with a symmetric key that only Keystone holds.",
    );
    match keystone::fernet::read(&report.token) {
        Ok(info) => {
            let created = info
                .created_at
                .clone()
                .unwrap_or_else(|| info.created_unix.to_string());
            report.findings.push(Finding::new(
                FindingId::Encrypted,
                format!("Keystone Fernet token created {created}: its contents (user, project, expiry) are encrypted with Keystone's key and cannot be read here."),
            ));
            report.fernet = Some(info);
        }
        Err(error) => report.errors.push(decode::TokenError {
            id: "fernet-invalid",
            segment: decode::Segment::Token,
            offset: None,
            message: format!("This looks like a Fernet token but {error}."),
        }),
    }
    report
}

fn keystone_pki_report(found: FoundToken, kind: TokenKind) -> TokenReport {
    bare_report(
        found,
        kind,
        SignatureStatus::Unchecked,
        "Not checked: supply Keystone's signing certificate to verify the CMS signature.",
    )
}

fn opaque_report(found: FoundToken) -> TokenReport {
    let mut report = bare_report(
        found,
        TokenKind::Opaque,
        SignatureStatus::Unsupported,
        "Nothing to verify: an opaque token carries no signature; only its issuer can look it up.",
    );
    report.findings.push(Finding::new(
        FindingId::Opaque,
        "This value is not a JWT or a Keystone token: it is an opaque token (a random handle), which only the server that issued it can interpret.",
    ));
    report
}
