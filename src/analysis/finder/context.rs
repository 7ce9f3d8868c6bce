//! Names where a token found in free text came from, by reading the text
//! just before it on the same line: an `Authorization:` header and its
//! scheme, another header, a URL parameter, a shell variable, a quoted
//! string, or nothing at all.

use super::SourceKind;

/// The classification of a token's surroundings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    pub kind: SourceKind,
    pub description: String,
    /// Header, parameter or variable name, when there is one.
    pub field: Option<String>,
}

/// Whether `field` names Keystone's token headers (`X-Auth-Token`,
/// `X-Subject-Token`), compared without case.
pub fn is_keystone_header(field: Option<&str>) -> bool {
    field.is_some_and(|f| {
        f.eq_ignore_ascii_case("x-auth-token") || f.eq_ignore_ascii_case("x-subject-token")
    })
}

/// Classifies the text preceding a token on its line (`before`; `cut` when
/// it is only the end of that text) and whether that line is a curl
/// command.
pub fn classify(before: &str, cut: bool, in_curl: bool) -> Context {
    let mut context = classify_line(before, cut);
    if in_curl {
        context.description.push_str(", in a curl command");
    }
    context
}

fn classify_line(before: &str, cut: bool) -> Context {
    let lower = before.to_ascii_lowercase();
    let trimmed = lower.trim_end();
    let had_space = trimmed.len() != lower.len();

    if let Some((name, value)) = header_value_prefix(trimmed, had_space, cut) {
        // The value is a suffix of `trimmed`; cookie names keep their case.
        let original_value = &before[trimmed.len() - value.len()..trimmed.len()];
        return classify_header(name, value, original_value);
    }
    if trimmed.ends_with("bearer") && had_space {
        return context(SourceKind::AuthorizationBearer, "Bearer credential", None);
    }
    if let Some(name) = trailing_assignment(before.trim_end()) {
        return classify_assignment(&lower, before, name);
    }
    if had_space && let Some(flag) = trailing_long_flag(before.trim_end()) {
        return command_flag(&lower, flag);
    }
    if let Some(quote_at) = trimmed.strip_suffix(['"', '\'']).map(str::len) {
        return classify_quoted(&before[..quote_at]);
    }
    context(SourceKind::Bare, "bare token", None)
}

/// Finds `Name: value-so-far` at the end of `trimmed`; returns the header
/// name (lower case) and what of its value precedes the token.
fn header_value_prefix(trimmed: &str, had_space: bool, cut: bool) -> Option<(&str, &str)> {
    let colon = trimmed.rfind(':')?;
    let value = trimmed[colon + 1..].trim_start();
    // Just past the last character that cannot be in a header name (it
    // may be several bytes long: the paste is arbitrary text).
    let name_start = trimmed[..colon]
        .char_indices()
        .rfind(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = &trimmed[name_start..colon];
    if name.is_empty()
        || name.starts_with("http")
        || !starts_a_header_line(&trimmed[..name_start], cut)
    {
        return None;
    }
    // The value so far may only be a scheme word ("bearer", "token=").
    let value_ok = value.is_empty()
        || (value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && had_space)
        || value.ends_with('=') && !value.contains(' ');
    value_ok.then_some((name, value))
}

/// A header name stands at the start of a line, after a quote, or after
/// curl's `-H` / `--header`; anywhere else a colon is prose. (`cut`: the
/// text before the name is not all there, so the name does not start the
/// line.)
fn starts_a_header_line(before_name: &str, cut: bool) -> bool {
    let t = before_name.trim_end();
    (t.is_empty() && !cut)
        || t.ends_with(['"', '\'', '<', '>'])
        || t.ends_with("-h")
        || t.ends_with("--header")
}

/// Names a header; `value` is what precedes the token in it, in lower
/// case, and `original_value` the same as written.
fn classify_header(name: &str, value: &str, original_value: &str) -> Context {
    match (name, value) {
        ("authorization", "bearer") => context(
            SourceKind::AuthorizationBearer,
            "Authorization header, Bearer scheme",
            Some("Authorization"),
        ),
        ("authorization", "token=") => context(
            SourceKind::AuthorizationDcosToken,
            "Authorization header, DC/OS token= scheme",
            Some("Authorization"),
        ),
        ("authorization", "") => context(
            SourceKind::AuthorizationOther,
            "Authorization header without a scheme",
            Some("Authorization"),
        ),
        ("authorization", scheme) => context(
            SourceKind::AuthorizationOther,
            &format!(
                "Authorization header, {} scheme",
                scheme.trim_end_matches('=')
            ),
            Some("Authorization"),
        ),
        ("x-auth-token", _) => context(
            SourceKind::Header,
            "X-Auth-Token header (OpenStack Keystone / Open Telekom Cloud)",
            Some("X-Auth-Token"),
        ),
        ("x-subject-token", _) => context(
            SourceKind::Header,
            "X-Subject-Token header (OpenStack Keystone / Open Telekom Cloud)",
            Some("X-Subject-Token"),
        ),
        ("cookie" | "set-cookie", _) => {
            let header = if name == "cookie" {
                "Cookie"
            } else {
                "Set-Cookie"
            };
            // `Cookie: a=1; session=` or `Set-Cookie: session=` (RFC 6265 §4).
            let cookie = original_value
                .strip_suffix('=')
                .map(|v| v.rsplit([';', ' ']).next().unwrap_or(v).trim())
                .filter(|c| !c.is_empty());
            match cookie {
                Some(cookie) => context(
                    SourceKind::Header,
                    &format!("{cookie} cookie, {header} header"),
                    Some(header),
                ),
                None => context(
                    SourceKind::Header,
                    &format!("{header} header"),
                    Some(header),
                ),
            }
        }
        (name, _) => {
            let shown = title_case_header(name);
            context(SourceKind::Header, &format!("{shown} header"), Some(&shown))
        }
    }
}

fn classify_assignment(lower: &str, before: &str, name: &str) -> Context {
    let name_start = before.trim_end().len() - 1 - name.len();
    let prefix = &before[..name_start];
    if prefix.ends_with(['?', '&', '#']) {
        return context(
            SourceKind::UrlParameter,
            &format!("{name} parameter of a URL"),
            Some(name),
        );
    }
    if let Some(header) = cookie_header(lower) {
        return context(
            SourceKind::Header,
            &format!("{name} cookie, {header} header"),
            Some(header),
        );
    }
    if name.starts_with("--") {
        return command_flag(lower, name);
    }
    context(
        SourceKind::Assignment,
        &format!("value assigned to {name}"),
        Some(name),
    )
}

fn classify_quoted(before_quote: &str) -> Context {
    // `"field": "` — a JSON-looking member in text that did not parse as JSON.
    let t = before_quote.trim_end();
    if let Some(rest) = t.strip_suffix(':') {
        let rest = rest.trim_end();
        if let Some(inner) = rest.strip_suffix('"')
            && let Some(open) = inner.rfind('"')
        {
            let field = &inner[open + 1..];
            return context(
                SourceKind::JsonField,
                &format!("{field} field of JSON that could not be parsed whole"),
                Some(field),
            );
        }
    }
    // `NAME="…"` in a .env file or a shell: the quotes do not hide the name.
    if let Some(name) = trailing_assignment(t) {
        return context(
            SourceKind::Assignment,
            &format!("value assigned to {name}"),
            Some(name),
        );
    }
    context(SourceKind::Quoted, "quoted string", None)
}

/// `Cookie` or `Set-Cookie` when the line is that header (RFC 6265 §4).
fn cookie_header(lower: &str) -> Option<&'static str> {
    if lower.contains("set-cookie:") {
        Some("Set-Cookie")
    } else if lower.contains("cookie:") {
        Some("Cookie")
    } else {
        None
    }
}

/// A command-line option carrying the token: `kubectl --token=…` or
/// `--token …` (kubectl's global options), or any other `--name`.
fn command_flag(lower: &str, flag: &str) -> Context {
    let command = if lower.contains("kubectl") {
        "a kubectl command"
    } else {
        "a command"
    };
    context(
        SourceKind::Assignment,
        &format!("{flag} option of {command}"),
        Some(flag),
    )
}

/// A `--long-option` ending the text (its value follows after a space).
fn trailing_long_flag(text: &str) -> Option<&str> {
    let word = text.rsplit(char::is_whitespace).next().unwrap_or(text);
    let name = word.strip_prefix("--")?;
    (name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then_some(word)
}

/// `NAME=` at the end of the text (shell variable, URL or form parameter).
fn trailing_assignment(text: &str) -> Option<&str> {
    let without_eq = text.strip_suffix('=')?;
    let start = without_eq
        .char_indices()
        .rfind(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = &without_eq[start..];
    (!name.is_empty()).then_some(name)
}

fn title_case_header(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn context(kind: SourceKind, description: &str, field: Option<&str>) -> Context {
    Context {
        kind,
        description: description.to_string(),
        field: field.map(str::to_string),
    }
}

/// True when a line is a curl command (optionally after a shell prompt).
pub fn is_curl_line(line: &str) -> bool {
    let t = line
        .trim_start()
        .trim_start_matches(['$', '#', '>', '%'])
        .trim_start();
    t.starts_with("curl ") || t.starts_with("sudo curl ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(before: &str) -> String {
        classify(before, false, false).description
    }

    #[test]
    fn authorization_schemes_are_named() {
        assert_eq!(
            describe("Authorization: Bearer "),
            "Authorization header, Bearer scheme"
        );
        assert_eq!(
            describe("Authorization: token="),
            "Authorization header, DC/OS token= scheme"
        );
        assert_eq!(
            describe("authorization:   "),
            "Authorization header without a scheme"
        );
        assert_eq!(
            describe("Authorization: JWT "),
            "Authorization header, jwt scheme"
        );
        assert_eq!(
            classify("-H \"Authorization: token=", false, true).description,
            "Authorization header, DC/OS token= scheme, in a curl command"
        );
    }

    #[test]
    fn keystone_headers_are_named() {
        assert!(describe("X-Auth-Token: ").starts_with("X-Auth-Token header"));
        assert!(describe("  x-subject-token:").starts_with("X-Subject-Token header"));
        assert_eq!(describe("X-Registry-Auth: "), "X-Registry-Auth header");
    }

    #[test]
    fn cookies_are_named_with_their_header() {
        assert_eq!(
            describe("Set-Cookie: Session="),
            "Session cookie, Set-Cookie header"
        );
        assert_eq!(describe("Cookie: "), "Cookie header");
        assert_eq!(
            describe("Cookie: theme=dark; session="),
            "session cookie, Cookie header"
        );
    }

    #[test]
    fn url_parameters_variables_and_cookies_are_named() {
        assert_eq!(
            describe("https://app.example/cb#id_token="),
            "id_token parameter of a URL"
        );
        assert_eq!(describe("export TOKEN="), "value assigned to TOKEN");
        assert_eq!(
            describe("kubectl --token="),
            "--token option of a kubectl command"
        );
        assert_eq!(
            describe("kubectl get pods --token "),
            "--token option of a kubectl command"
        );
        assert_eq!(describe("curl --data "), "--data option of a command");
        // A non-breaking space (copied from a web page) before the option.
        assert_eq!(
            describe("kubectl\u{a0}--token "),
            "--token option of a kubectl command"
        );
        assert_eq!(describe("----- "), "bare token");
        assert_eq!(describe("API_TOKEN=\""), "value assigned to API_TOKEN");
        assert_eq!(
            describe("Cookie: a=b; session="),
            "session cookie, Cookie header"
        );
    }

    #[test]
    fn quotes_and_broken_json_fields_are_named() {
        assert_eq!(describe("echo '"), "quoted string");
        assert_eq!(
            describe(r#"{"id_token": ""#),
            "id_token field of JSON that could not be parsed whole"
        );
        assert_eq!(describe(""), "bare token");
        assert_eq!(describe("here it is: "), "bare token");
    }

    #[test]
    fn urls_are_not_mistaken_for_headers() {
        assert_eq!(describe("see https://x/"), "bare token");
    }

    #[test]
    fn curl_lines_are_recognised() {
        assert!(is_curl_line("$ curl -k https://x"));
        assert!(is_curl_line("curl -H 'a: b'"));
        assert!(!is_curl_line("{\"curl\": 1}"));
    }
}
