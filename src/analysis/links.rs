//! OpenID Connect links between the tokens of one paste: an ID token's
//! `at_hash` binds it to the access token of the same response (OIDC Core
//! §3.1.3.6, §3.2.2.9) and its `c_hash` to the authorization code
//! (§3.3.2.11). Each is base64url of the left half of the hash its `alg`
//! uses, over the ASCII value. The values are read where a login reply or
//! redirect carries them: `access_token=…`, `code=…` (a URL or form) and
//! `"access_token": "…"` (JSON). The digest comes from the verifier, so
//! the light analysis defers the check to the full one.

use crate::analysis::Options;
use crate::analysis::finding::Finding;
use crate::analysis::report::{TokenLink, TokenReport};
use crate::analysis::vocab::{FindingId, JwsAlg, LinkClaim};
use serde_json::Value;

/// Checks every ID token's `at_hash` and `c_hash` against the access
/// tokens and codes in `input`.
pub fn link(tokens: &mut [TokenReport], input: &str, options: &Options) {
    let access_tokens = named_values(input, "access_token");
    let codes = named_values(input, "code");
    let found: Vec<String> = tokens.iter().map(|t| t.token.clone()).collect();
    for token in tokens.iter_mut() {
        let Some(claims) = token.payload.as_ref().and_then(Value::as_object) else {
            continue;
        };
        let Some(alg) = token
            .header
            .as_ref()
            .and_then(|h| h.get("alg"))
            .and_then(Value::as_str)
            .and_then(JwsAlg::parse)
        else {
            continue;
        };
        let checks = [
            (LinkClaim::AtHash, &access_tokens, "access token"),
            (LinkClaim::CHash, &codes, "authorization code"),
        ];
        for (claim, values, what) in checks {
            let Some(expected) = claims.get(claim.as_str()).and_then(Value::as_str) else {
                continue;
            };
            if values.is_empty() {
                continue;
            }
            let Some(verifier) = &options.verifier else {
                token.needs_full_analysis = true;
                continue;
            };
            let matching = values
                .iter()
                .find(|v| verifier.oidc_hash(alg, v).as_deref() == Some(expected));
            let shown = matching.unwrap_or(&values[0]);
            let number = found.iter().position(|t| t == shown).map(|i| i + 1);
            let link = match matching {
                Some(value) => TokenLink {
                    claim,
                    ok: true,
                    value: shorten(value),
                    token: number,
                    message: format!(
                        "{} matches the {what} {}{}: they were issued together.",
                        claim.as_str(),
                        shorten(value),
                        number.map(|n| format!(" (token {n})")).unwrap_or_default()
                    ),
                },
                None => {
                    let id = match claim {
                        LinkClaim::AtHash => FindingId::AtHashMismatch,
                        LinkClaim::CHash => FindingId::CHashMismatch,
                    };
                    let message = format!(
                        "{} \"{expected}\" matches none of the {} {what}{} in this paste: the ID token and the {what} were not issued together, or one was swapped.",
                        claim.as_str(),
                        values.len(),
                        if values.len() == 1 { "" } else { "s" }
                    );
                    token.findings.push(Finding::new(id, message.clone()));
                    TokenLink {
                        claim,
                        ok: false,
                        value: shorten(shown),
                        token: number,
                        message,
                    }
                }
            };
            token.links.push(link);
        }
    }
}

fn shorten(value: &str) -> String {
    let head: String = value.chars().take(8).collect();
    format!("{head}… ({} characters)", value.chars().count())
}

/// Every value of the parameter or member `name` in `text`: `name=value`
/// in a URL, a fragment or a form body, and `"name": "value"` in JSON.
pub fn named_values(text: &str, name: &str) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    let mut push = |value: &str| {
        if !value.is_empty() && !values.iter().any(|v| v == value) {
            values.push(value.to_string());
        }
    };
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices(name) {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = &text[at + name.len()..];
        // A parameter: preceded by a separator, followed by `=`.
        if matches!(
            before,
            None | Some(b'?' | b'&' | b'#' | b' ' | b'\n' | b'\t' | b'\'' | b'"')
        ) && let Some(rest) = after.strip_prefix('=')
        {
            let end = rest
                .find(|c: char| matches!(c, '&' | '#' | '"' | '\'') || c.is_whitespace())
                .unwrap_or(rest.len());
            push(&rest[..end]);
        }
        // A JSON member: `"name"`, then `:` and a string. Not for `code`,
        // which JSON replies use for error codes: an authorization code
        // travels in a URL or a form.
        if before == Some(b'"')
            && name != "code"
            && let Some(rest) = after.strip_prefix('"')
            && let Some(rest) = rest.trim_start().strip_prefix(':')
            && let Some(rest) = rest.trim_start().strip_prefix('"')
            && let Some(end) = rest.find('"')
        {
            push(&rest[..end]);
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_from_urls_forms_and_json() {
        let text = "Location: https://client.example/cb#code=abc&access_token=t1&state=x\n{\"access_token\": \"t2\", \"authorization_code\": \"no\"}\nnot_access_token=t3";
        assert_eq!(named_values(text, "access_token"), ["t1", "t2"]);
        assert_eq!(named_values(text, "code"), ["abc"]);
        assert!(named_values(r#"{"error":{"code":"invalid_grant"}}"#, "code").is_empty());
    }
}
