//! Builds one [`TokenReport`] from a found token: decode, verify, evaluate
//! times, recognise the issuer, compare the lifetime with what the issuer
//! documents.

use crate::analysis::Options;
use crate::analysis::decode::{self, Decoded, TokenError};
use crate::analysis::expectations::Subject;
use crate::analysis::finder::{FoundToken, Shape, Source};
use crate::analysis::finding::Finding;
use crate::analysis::header;
use crate::analysis::key_report::KeyReport;
use crate::analysis::keystone::{fernet, truncated};
use crate::analysis::report::{Lifetime, SignatureReport, TokenReport};
use crate::analysis::times::{self, Sources, Window};
use crate::analysis::vendor::{self, VendorReport};
use crate::analysis::verdict;
use crate::analysis::vocab::{
    FindingId, JwsAlg, KeystoneFormat, LifetimeRule, Segment, SignatureMatch, SignatureStatus,
    TimeSource, TokenErrorId, TokenKind, ValidityState,
};
use serde_json::Value;

mod jwe;
mod jws_json;

/// What a token's analysis shares: the options and the supplied keys' reports.
struct Context<'a> {
    options: &'a Options,
    keys: &'a [KeyReport],
    /// Set for a token found inside another token's payload: it was not
    /// sent the way its enclosing token was.
    nested: bool,
    /// How many decrypted JWEs enclose this token.
    jwe_depth: usize,
}

/// Analyses one found token.
pub fn analyse(found: FoundToken, options: &Options, keys: &[KeyReport]) -> TokenReport {
    let cx = Context {
        options,
        keys,
        nested: false,
        jwe_depth: 0,
    };
    match found.shape {
        Some(Shape::Compact) => {
            let decoded = decode::decode_compact(&found.text);
            compact(found.text, found.source, decoded, &cx)
        }
        Some(Shape::Fernet) => fernet_token(found, &cx),
        Some(Shape::JwsJson) => jws_json::analyse(found, &cx),
        Some(Shape::JweJson) => jwe::analyse_json(found, &cx),
        Some(Shape::KeystonePki) => pki_token(found, KeystoneFormat::Pki, &cx),
        Some(Shape::KeystonePkiz) => pki_token(found, KeystoneFormat::Pkiz, &cx),
        None => opaque(found, &cx),
    }
}

/// The signature verdict, the findings that come with it, and whether the
/// full analysis has more to say. Without a verifier (the page's light
/// analysis): the verdict without keys, the header checks that need no
/// cryptography, and a request for the full analysis where it would add
/// something (ECDSA signature shape, an embedded `jwk` or `x5c`).
fn check_signature(decoded: &Decoded, options: &Options) -> (SignatureReport, Vec<Finding>, bool) {
    if let Some(verifier) = &options.verifier {
        let v = verifier.verify_jws(decoded);
        return (v.signature, v.findings, false);
    }
    let (status, message) = verdict::without_keys(decoded);
    let header = decoded.header.as_ref();
    let ecdsa = matches!(
        decoded.alg().and_then(JwsAlg::parse),
        Some(JwsAlg::ES256 | JwsAlg::ES384 | JwsAlg::ES512)
    );
    let needs_more =
        ecdsa || header.is_some_and(|h| h.get("jwk").is_some() || h.get("x5c").is_some());
    let mut findings = header::findings(decoded);
    findings.extend(header::signature_length_finding(decoded));
    (signature(status, message), findings, needs_more)
}

fn compact(token: String, source: Source, decoded: Decoded, cx: &Context<'_>) -> TokenReport {
    let kind = decoded.kind.unwrap_or(TokenKind::Jws);
    let (signature, checks, mut needs_full_analysis) = check_signature(&decoded, cx.options);
    let mut findings = decoded.findings;
    findings.extend(checks);
    let opened = (kind == TokenKind::Jwe).then(|| jwe::open(&token, cx));
    let (decryption, plaintext) = match opened {
        Some(opened) => {
            findings.extend(opened.findings);
            needs_full_analysis |= opened.needs_full_analysis;
            (opened.decryption, opened.plaintext)
        }
        None => (None, None),
    };
    let nested = decoded.nested.map(|inner| {
        let text = inner.segments.join(".");
        let inner_source = Source {
            description: "payload of the enclosing token".into(),
            context: Default::default(),
            notes: Vec::new(),
            ..source.clone()
        };
        let inner_cx = Context {
            nested: true,
            ..*cx
        };
        Box::new(compact(text, inner_source, *inner, &inner_cx))
    });
    let (payload, payload_text, nested) = match plaintext {
        Some(plaintext) => jwe::plaintext_parts(plaintext, &source, cx),
        None => (decoded.payload, decoded.payload_text, nested),
    };
    let mut report = TokenReport {
        kind,
        header: decoded.header,
        payload,
        payload_text,
        signature,
        findings,
        needs_full_analysis,
        errors: decoded.errors,
        decryption,
        nested,
        segments: decoded.segments,
        ..TokenReport::empty(token, kind, source)
    };
    complete_from_payload(&mut report, cx);
    if matches!(kind, TokenKind::Jws | TokenKind::Unsecured)
        && report.payload.is_some()
        && report.validity.window.expires.is_none()
    {
        report.findings.push(Finding::new(FindingId::ExpMissing, "The token has no `exp`: it is valid forever unless the server enforces its own limit (RFC 8725 §3.10 advises short lifetimes)."));
    }
    expected_by_service(&mut report, cx.options);
    report
}

/// The person's expectations, evaluated, for a JWS or an unsecured JWT,
/// by the full analysis; without a verifier the token asks for it.
fn expected_by_service(report: &mut TokenReport, options: &Options) {
    let Some(expected) = options.expectations.as_ref() else {
        return;
    };
    if !matches!(
        report.kind,
        TokenKind::Jws | TokenKind::JwsJson | TokenKind::Unsecured
    ) {
        return;
    }
    let Some(verifier) = &options.verifier else {
        report.needs_full_analysis = true;
        return;
    };
    let subject = Subject {
        alg: report
            .header
            .as_ref()
            .and_then(|h| h.get("alg"))
            .and_then(Value::as_str),
        signature: &report.signature,
        claims: report.payload.as_ref().and_then(Value::as_object),
        window: report.validity.window,
        now: options.now,
        leeway: options.leeway,
    };
    let checked = verifier.check_expectations(&subject, expected);
    report.expectations = Some(checked);
}

/// Times, issuer, lifetime and validity — shared by every token kind.
/// [`complete`] for a token whose times and issuer come from its own
/// payload (a JWS, compact or JSON, or a decrypted JWE).
fn complete_from_payload(report: &mut TokenReport, cx: &Context<'_>) {
    let payload = report.payload.clone();
    complete(
        report,
        Sources {
            payload: payload.as_ref(),
            ..Sources::default()
        },
        cx,
    );
}

fn complete(report: &mut TokenReport, sources: Sources<'_>, cx: &Context<'_>) {
    let options = cx.options;
    let context = report.source.context.clone();
    let sources = Sources {
        reply: Some(&context),
        ..sources
    };
    let evaluation = times::evaluate(sources, options.now, options.leeway);
    report.findings.extend(evaluation.findings);
    report.times = evaluation.claims;
    let input = vendor::Input {
        kind: report.kind,
        token: &report.token,
        header: report.header.as_ref().and_then(Value::as_object),
        payload: sources.payload.and_then(Value::as_object),
        reply: &report.source.context,
        sent_as: (!cx.nested).then_some(&report.source),
        keystone: sources.keystone,
        keys: cx.keys,
    };
    // Recognising the issuer is the full analysis's job: the recognisers
    // and their documentation stay out of the page's first download.
    let vendor = match &options.verifier {
        Some(verifier) => verifier.recognise_issuer(&input),
        None => {
            report.needs_full_analysis = true;
            VendorReport::default()
        }
    };
    report.lifetime = lifetime(evaluation.window, &vendor, &mut report.findings);
    report.vendor = vendor;
    report.validity = times::validity_at(evaluation.window, options.now, options.leeway);
}

/// `expires - issued`, compared with what the issuer documents.
fn lifetime(
    window: Window,
    vendor: &VendorReport,
    findings: &mut Vec<Finding>,
) -> Option<Lifetime> {
    let seconds = window.lifetime()?;
    let text = vendor::lifetime_text(seconds);
    let expected = vendor.expected_lifetime.clone();
    let verdict = expected.as_ref().and_then(|e| {
        let off = match e.rule {
            LifetimeRule::Minimum => seconds < e.seconds,
            LifetimeRule::Maximum => seconds > e.seconds,
            LifetimeRule::Default => (seconds - e.seconds).abs() * 10 > e.seconds,
        };
        off.then(|| format!("lifetime {text}, though {}", e.text))
    });
    if let Some(verdict) = &verdict {
        findings.push(Finding::new(FindingId::LifetimeUnusual, format!("The token's {verdict}: it was issued with a non-default setting, or by something else.")));
    }
    Some(Lifetime {
        seconds,
        text,
        expected,
        verdict,
    })
}

fn fernet_token(found: FoundToken, cx: &Context<'_>) -> TokenReport {
    let options = cx.options;
    let mut report = TokenReport::empty(found.text, TokenKind::KeystoneFernet, found.source);
    report.signature = signature(
        SignatureStatus::Unsupported,
        "Not checkable here: a Fernet token is authenticated with a symmetric key that only Keystone holds.",
    );
    match fernet::read(&report.token) {
        Ok(info) => {
            let created = info
                .created_at
                .clone()
                .unwrap_or_else(|| info.created_unix.to_string());
            report.findings.push(Finding::new(FindingId::FernetEncrypted, format!("Keystone Fernet token created {created}: its contents (user, project, expiry) are encrypted with Keystone's key and cannot be read here.")));
            let created_unix = info.created_unix;
            report.fernet = Some(info);
            complete(&mut report, Sources::default(), cx);
            report.times.insert(
                "created_at".into(),
                times::instant(
                    "created_at",
                    TimeSource::FernetToken,
                    created_unix,
                    options.now,
                    options.leeway,
                ),
            );
            report.validity.state = ValidityState::Unknown;
            report.validity.message = format!(
                "the expiry is inside the encrypted part; with Keystone's default of 1 h it expires {}",
                crate::analysis::timefmt::relative(
                    created_unix + vendor::keystone::KEYSTONE_DEFAULT_SECONDS - options.now
                )
            );
        }
        Err(error) => {
            report.errors.push(error_at(
                Segment::Token,
                TokenErrorId::FernetInvalid,
                format!("This looks like a Fernet token but {error}."),
            ));
            complete(&mut report, Sources::default(), cx);
        }
    }
    report
}

/// A Keystone PKI / PKIZ token: its CMS envelope is read by the verifier;
/// without one it is left to the full analysis.
fn pki_token(found: FoundToken, format: KeystoneFormat, cx: &Context<'_>) -> TokenReport {
    let kind = match format {
        KeystoneFormat::Pki => TokenKind::KeystonePki,
        KeystoneFormat::Pkiz => TokenKind::KeystonePkiz,
    };
    let mut report = TokenReport::empty(found.text, kind, found.source);
    let Some(verifier) = &cx.options.verifier else {
        report.signature = signature(
            SignatureStatus::Unchecked,
            "Not checked yet: reading Keystone's CMS envelope is the full analysis's job.",
        );
        report.needs_full_analysis = true;
        complete(&mut report, Sources::default(), cx);
        return report;
    };
    match verifier.read_keystone(&report.token, format) {
        Ok(reading) => {
            report.signature = reading.signature;
            if let Some(error) = reading.content_error {
                report.errors.push(error_at(
                    Segment::Payload,
                    TokenErrorId::KeystoneContent,
                    error,
                ));
            }
            report.payload = reading.content.clone();
            report.keystone = Some(reading.details);
            complete(
                &mut report,
                Sources {
                    keystone: reading.content.as_ref(),
                    ..Sources::default()
                },
                cx,
            );
        }
        Err(error) => {
            report.signature = signature(
                SignatureStatus::Unchecked,
                "Not checked: the token could not be read.",
            );
            let why = match format {
                KeystoneFormat::Pki => truncated::read(&report.token)
                    .map_or_else(|| error.to_string(), |prefix| prefix.describe()),
                KeystoneFormat::Pkiz => error.to_string(),
            };
            let format = format.label();
            report.errors.push(error_at(
                Segment::Token,
                TokenErrorId::KeystoneCms,
                format!("This looks like a Keystone {format} token but {why}."),
            ));
            complete(&mut report, Sources::default(), cx);
        }
    }
    report
}

fn opaque(found: FoundToken, cx: &Context<'_>) -> TokenReport {
    let mut report = TokenReport::empty(found.text, TokenKind::Opaque, found.source);
    report.signature = signature(
        SignatureStatus::Unsupported,
        "Nothing to verify: an opaque token carries no signature; only its issuer can look it up.",
    );
    report.findings.push(Finding::new(FindingId::Opaque, "This value is not a JWT or a Keystone token: it is an opaque token (a random handle), which only the server that issued it can interpret."));
    complete(&mut report, Sources::default(), cx);
    report
}

fn signature(status: SignatureStatus, message: &str) -> SignatureReport {
    SignatureReport {
        status,
        message: message.to_string(),
        matched: SignatureMatch::NotTried,
        key: None,
        matched_but_refused: None,
    }
}

fn error_at(segment: Segment, id: TokenErrorId, message: String) -> TokenError {
    TokenError {
        id,
        segment,
        offset: None,
        message,
    }
}

/// Without a verifier (the page's light analysis): what is left to the full one.
#[cfg(test)]
mod light_tests {
    use crate::analysis::base64url::encode;
    use crate::analysis::{Options, analyse};

    fn token(header: &str) -> String {
        format!(
            "{}.{}.{}",
            encode(header.as_bytes()),
            encode(b"{\"sub\":\"a\"}"),
            encode(&[1; 64])
        )
    }

    #[test]
    fn the_light_analysis_decodes_and_checks_headers_and_leaves_the_issuer_to_the_full_one() {
        for alg in ["RS256", "HS256", "PS256", "EdDSA"] {
            let report = analyse(
                &token(&format!(r#"{{"alg":"{alg}","jku":"https://x/j"}}"#)),
                &Options::at(0),
            );
            let t = &report.tokens[0];
            assert!(
                t.needs_full_analysis,
                "{alg}: the issuer is recognised by the worker"
            );
            assert_eq!(t.vendor.id, None);
            assert_eq!(t.signature.message, "Not checked: no key supplied.");
            assert_eq!(
                t.findings[0].id.as_str(),
                "jku-present",
                "header checks run in the light build"
            );
        }
    }

    #[test]
    fn ecdsa_embedded_keys_and_keystone_pki_need_the_full_analysis() {
        for header in [
            r#"{"alg":"ES256"}"#,
            r#"{"alg":"RS256","jwk":{"kty":"RSA"}}"#,
            r#"{"alg":"RS256","x5c":["MIIB"]}"#,
        ] {
            assert!(
                analyse(&token(header), &Options::at(0)).tokens[0].needs_full_analysis,
                "{header}"
            );
        }
        let pki = format!(
            "MIIW7gYJKoZIhvcNAQcCoIIW3zCCFtsCAQExDTALBglghkgBZQMEAgEw{}",
            "A".repeat(200)
        );
        let report = analyse(&pki, &Options::at(0));
        assert_eq!(report.tokens[0].kind.as_str(), "keystone-pki");
        assert!(report.tokens[0].needs_full_analysis);
    }
}
