//! The report for people at a terminal: each token with where it was
//! found, the verdict line (the page's three kinds), validity, issuer,
//! expectations, findings by severity, then header and payload
//! pretty-printed. Colour is optional (the binary turns it off for
//! `NO_COLOR`); the words are the core's, nothing is re-judged here.

use crate::analysis::finding::Finding;
use crate::analysis::report::{Report, TokenReport};
use crate::analysis::verdict::VerdictKind;
use crate::analysis::vocab::{Severity, ValidityState};
use std::fmt::Write;

/// ANSI styles, or none.
#[derive(Debug, Clone, Copy)]
struct Style {
    colour: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
    fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
    fn green(self, text: &str) -> String {
        self.paint("32", text)
    }
    fn amber(self, text: &str) -> String {
        self.paint("33", text)
    }
    fn red(self, text: &str) -> String {
        self.paint("31", text)
    }
    fn severity(self, severity: Severity, text: &str) -> String {
        match severity {
            Severity::Critical | Severity::High => self.red(text),
            Severity::Medium => self.amber(text),
            Severity::Low | Severity::Info => self.dim(text),
        }
    }
}

/// The whole report as text; `colour` adds ANSI colours.
pub fn render(report: &Report, colour: bool) -> String {
    let style = Style { colour };
    let mut out = String::new();
    for notice in &report.notices {
        let _ = writeln!(
            out,
            "{} {}",
            style.severity(notice.severity, &format!("[{}]", notice.id)),
            notice.message
        );
    }
    if !report.notices.is_empty() {
        out.push('\n');
    }
    let count = report.tokens.len();
    for (index, token) in report.tokens.iter().enumerate() {
        token_section(&mut out, token, index + 1, count, style);
        out.push('\n');
    }
    if let Some(total) = report.total_tokens {
        let _ = writeln!(out, "(the first {count} of {total} tokens)\n");
    }
    keys_section(&mut out, report, style);
    out
}

fn token_section(out: &mut String, token: &TokenReport, number: usize, count: usize, style: Style) {
    let heading = format!("Token {number} of {count}: {}", token.kind);
    let _ = writeln!(out, "{}", style.bold(&heading));
    let _ = writeln!(
        out,
        "  Found in:   {}, line {}",
        token.source.description, token.source.line
    );
    verdict_line(out, token, style);
    let validity = match token.validity.state {
        ValidityState::Valid => style.green(&token.validity.message),
        ValidityState::ExpiringSoon | ValidityState::NoExpiry | ValidityState::Unknown => {
            style.amber(&token.validity.message)
        }
        ValidityState::Expired | ValidityState::NotYetValid => style.red(&token.validity.message),
    };
    let _ = writeln!(out, "  Validity:   {validity}");
    if let Some(lifetime) = &token.lifetime {
        let verdict = lifetime
            .verdict
            .as_deref()
            .map(|v| format!(" ({v})"))
            .unwrap_or_default();
        let _ = writeln!(out, "  Lifetime:   {}{verdict}", lifetime.text);
    }
    if let Some(name) = &token.vendor.name {
        let confidence = token
            .vendor
            .confidence
            .map(|c| format!(" ({c} confidence)"))
            .unwrap_or_default();
        let _ = writeln!(out, "  Issuer:     {name}{confidence}");
    }
    if let Some(expectations) = &token.expectations {
        let _ = writeln!(out, "  Expectations:");
        for rule in &expectations.rules {
            let mark = if rule.ok {
                style.green("✓")
            } else {
                style.red("✕")
            };
            let _ = writeln!(out, "    {mark} {:<13}{}", rule.id.as_str(), rule.message);
        }
        let verdict = if expectations.accepted {
            style.green(&expectations.verdict)
        } else {
            style.red(&expectations.verdict)
        };
        let _ = writeln!(out, "    {verdict}");
    }
    findings_section(out, &token.findings, style);
    for error in &token.errors {
        let _ = writeln!(out, "  {} {}", style.red("error:"), error.message);
    }
    json_block(out, "Header", token.header.as_ref(), style);
    json_block(out, "Payload", token.payload.as_ref(), style);
    if token.payload.is_none()
        && let Some(text) = &token.payload_text
    {
        let _ = writeln!(out, "  {}", style.bold("Payload (text):"));
        for line in text.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    if let Some(nested) = &token.nested {
        let _ = writeln!(out, "  {}", style.bold("Nested token (the payload):"));
        let mut inner = String::new();
        token_section(&mut inner, nested, 1, 1, style);
        for line in inner.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
}

fn verdict_line(out: &mut String, token: &TokenReport, style: Style) {
    let signature = &token.signature;
    let kind = signature.kind();
    let title = format!("{} {}", kind.icon(), signature.title());
    let painted = match kind {
        VerdictKind::Valid => style.green(&title),
        VerdictKind::MatchedRefused => style.amber(&title),
        VerdictKind::Invalid => style.red(&title),
        VerdictKind::Unchecked | VerdictKind::Unsupported => style.dim(&title),
    };
    let _ = writeln!(out, "  Signature:  {}", style.bold(&painted));
    let _ = writeln!(out, "              {}", signature.message);
}

/// Findings, most severe first.
fn findings_section(out: &mut String, findings: &[Finding], style: Style) {
    if findings.is_empty() {
        return;
    }
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let _ = writeln!(out, "  Findings:");
    for finding in sorted {
        let label = format!("{:<8}", finding.severity.as_str().to_uppercase());
        let _ = writeln!(
            out,
            "    {} {} {}",
            style.severity(finding.severity, &label),
            style.dim(&format!("[{}]", finding.id)),
            finding.message
        );
    }
}

fn json_block(out: &mut String, name: &str, value: Option<&serde_json::Value>, style: Style) {
    let Some(value) = value else {
        return;
    };
    let _ = writeln!(out, "  {}", style.bold(&format!("{name}:")));
    let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
    for line in pretty.lines() {
        let _ = writeln!(out, "    {line}");
    }
}

fn keys_section(out: &mut String, report: &Report, style: Style) {
    if report.keys.is_empty() && report.key_errors.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", style.bold("Keys"));
    for key in &report.keys {
        let _ = writeln!(out, "  {}: {}", key.label, key.summary);
        for warning in &key.warnings {
            let _ = writeln!(out, "    {} {warning}", style.amber("!"));
        }
    }
    for error in &report.key_errors {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            style.red("✕"),
            error.source,
            error.message
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyse};

    #[test]
    fn colour_is_only_added_when_asked() {
        let report = analyse("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.", &Options::at(0));
        let plain = render(&report, false);
        assert!(!plain.contains('\u{1b}'));
        assert!(plain.starts_with("Token 1 of 1: unsecured\n"), "{plain}");
        assert!(
            plain.contains("  Signature:  – Nothing to verify\n"),
            "{plain}"
        );
        assert!(render(&report, true).contains("\u{1b}[1m"));
    }
}
