//! The encoder's editors, in the light core so the page can check as the
//! person types: whether a header or payload text is JSON and, if not,
//! the line and column where it breaks; setting one member (an `iat`, an
//! `exp` N minutes ahead, the `alg`) while keeping the others in their
//! order; and claim templates for the issuers the inspector recognises.
//! Signing itself is `sign/`, in the worker.

use crate::analysis::json::{self, line_column};
use serde_json::{Map, Value, json};

/// Why an editor's text is not a JSON object, placed for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, in words.
    pub message: String,
}

impl std::fmt::Display for EditorProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// The editor's text as a JSON object (members in their order).
///
/// # Errors
/// Where and why it is not one.
pub fn object(text: &str) -> Result<Map<String, Value>, EditorProblem> {
    match json::parse(text) {
        Ok(parsed) => match parsed.value {
            Value::Object(members) => Ok(members),
            other => Err(EditorProblem {
                line: 1,
                column: 1,
                message: format!(
                    "a JSON object {{…}} is needed here, not {}",
                    json::type_name(&other)
                ),
            }),
        },
        Err(error) => {
            let (line, column) = line_column(text, error.offset);
            Err(EditorProblem {
                line,
                column,
                message: error.problem,
            })
        }
    }
}

/// The text with member `name` set to `value`: replaced where it stands,
/// or added at the end; written back pretty-printed.
///
/// # Errors
/// Where and why the text is not a JSON object.
pub fn set_member(text: &str, name: &str, value: Value) -> Result<String, EditorProblem> {
    let mut members = object(text)?;
    members.insert(name.to_string(), value);
    Ok(pretty(&members))
}

/// The text with `claim` set to `now + offset_seconds` (RFC 7519 §2
/// NumericDate): `iat` = now, `nbf` = now, `exp` = now + 1 h, ….
///
/// # Errors
/// As [`set_member`].
pub fn set_time(
    text: &str,
    claim: &str,
    now: i64,
    offset_seconds: i64,
) -> Result<String, EditorProblem> {
    set_member(text, claim, Value::from(now.saturating_add(offset_seconds)))
}

/// Members pretty-printed, two spaces, in their order.
pub fn pretty(members: &Map<String, Value>) -> String {
    serde_json::to_string_pretty(members).unwrap_or_default()
}

/// A starting point for a token: its header and payload texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// "DC/OS login token".
    pub name: &'static str,
    /// The header, pretty-printed.
    pub header: String,
    /// The payload, pretty-printed, its times from `now`.
    pub payload: String,
}

/// The templates' names, in [`templates`]' order (a menu needs no more).
pub const TEMPLATE_NAMES: [&str; 5] = [
    "DC/OS login token",
    "Docker registry token",
    "Kubernetes service-account token (projected)",
    "Keycloak access token",
    "OpenID Connect ID token",
];

/// Templates for the token shapes the inspector recognises, times set
/// from `now`; the values are examples to edit.
pub fn templates(now: i64) -> Vec<Template> {
    let hour = now + 3600;
    let entries = [
        (
            json!({"alg": "RS256", "typ": "JWT"}),
            json!({"uid": "alice", "exp": hour}),
        ),
        (
            json!({"alg": "ES256", "typ": "JWT"}),
            json!({"iss": "registry-token-issuer", "sub": "deployer", "aud": "registry.example.com", "exp": now + 300, "nbf": now, "iat": now, "jti": "change-me",
                   "access": [{"type": "repository", "name": "team/web", "actions": ["pull", "push"]}]}),
        ),
        (
            json!({"alg": "RS256", "typ": "JWT"}),
            json!({"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": hour, "iat": now, "nbf": now, "iss": "https://kubernetes.default.svc.cluster.local",
                   "kubernetes.io": {"namespace": "default", "serviceaccount": {"name": "deployer", "uid": "00000000-0000-0000-0000-000000000000"}},
                   "sub": "system:serviceaccount:default:deployer"}),
        ),
        (
            json!({"alg": "RS256", "typ": "JWT"}),
            json!({"exp": now + 300, "iat": now, "iss": "https://sso.example.org/realms/example", "aud": "account", "sub": "00000000-0000-0000-0000-000000000000",
                   "typ": "Bearer", "azp": "console", "realm_access": {"roles": ["default-roles-example"]}, "scope": "openid profile email", "preferred_username": "alice"}),
        ),
        (
            json!({"alg": "RS256", "typ": "JWT"}),
            json!({"iss": "https://issuer.example", "sub": "alice", "aud": "client-id", "exp": hour, "iat": now, "nonce": "change-me"}),
        ),
    ];
    entries
        .into_iter()
        .zip(TEMPLATE_NAMES)
        .map(|((header, payload), name)| Template {
            name,
            header: serde_json::to_string_pretty(&header).unwrap_or_default(),
            payload: serde_json::to_string_pretty(&payload).unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_editor_text_says_where() {
        let problem = object("{\n  \"uid\": \"alice\",\n  \"exp\": \n}").unwrap_err();
        assert_eq!((problem.line, problem.column), (4, 1), "{problem}");
        assert_eq!(
            object("[1]").unwrap_err().message,
            "a JSON object {…} is needed here, not an array"
        );
    }

    #[test]
    fn setting_a_member_keeps_the_others_in_order() {
        let text = "{\"uid\":\"alice\",\"exp\":1,\"zeta\":2}";
        let exp = set_time(text, "exp", 1_800_000_000, 3600).unwrap();
        assert_eq!(
            exp,
            "{\n  \"uid\": \"alice\",\n  \"exp\": 1800003600,\n  \"zeta\": 2\n}"
        );
        let iat = set_time(&exp, "iat", 1_800_000_000, 0).unwrap();
        assert!(
            iat.ends_with("\"zeta\": 2,\n  \"iat\": 1800000000\n}"),
            "{iat}"
        );
    }

    #[test]
    fn every_template_is_an_object_pair_with_times_from_now() {
        for template in templates(1_800_000_000) {
            object(&template.header).unwrap();
            let payload = object(&template.payload).unwrap();
            assert!(
                payload
                    .get("exp")
                    .and_then(Value::as_i64)
                    .is_some_and(|e| e > 1_800_000_000),
                "{}",
                template.name
            );
        }
    }
}
