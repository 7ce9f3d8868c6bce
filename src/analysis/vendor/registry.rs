//! Docker registry tokens (distribution/distribution `docs/spec/auth/jwt.md`
//! and `token.md`): an `access` claim of `{type, name, actions}`, a `kid`
//! in libtrust key-ID form, sent as `Authorization: Bearer …`. The token
//! endpoint's reply gives `expires_in` (60 s by default, never less) and
//! `issued_at`.

use super::{AccessRow, ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};
use serde_json::Value;

/// "The minimum value is 60 seconds; the default is 60 seconds" (token.md).
pub const DEFAULT_SECONDS: i64 = 60;

/// Recognises a Docker registry token by its `access` claim, a libtrust
/// `kid` and the reply it came in; `None` when too little of it matches.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let payload = input.payload?;
    let mut r = VendorReport::new(VendorId::DockerRegistry, "Docker registry token server");
    if matches!(payload.get("access"), Some(Value::Array(_) | Value::Null)) {
        r.evidence(
            45,
            "it has an `access` claim, the registry's list of granted actions",
        );
    }
    let scope_rows = input.claim_str("scope").map(scope_rows).unwrap_or_default();
    if !scope_rows.is_empty() {
        r.evidence(
            40,
            "its `scope` is in the registry's resource-scope form (repository:name:actions), the token spec's older shape",
        );
    }
    let kid = input.header_str("kid");
    if let Some(kid) = kid.filter(|k| is_libtrust_key_id(k)) {
        r.evidence(
            30,
            "its kid is a libtrust key ID (twelve groups of four base32 characters)",
        );
        match input
            .keys
            .iter()
            .find(|k| k.fingerprints.libtrust_key_id.as_deref() == Some(kid))
        {
            Some(key) => r.notes.push(format!(
                "The kid is the libtrust key ID of {}, which you supplied.",
                key.label
            )),
            None if !input.keys.is_empty() => r
                .notes
                .push("No supplied key has this libtrust key ID.".into()),
            None => {}
        }
    }
    if ["iss", "sub", "aud", "jti"]
        .iter()
        .all(|c| payload.contains_key(*c))
    {
        r.evidence(
            10,
            "it has iss, sub, aud and jti, as the token spec requires",
        );
    }
    if input.reply.contains_key("expires_in") || input.reply.contains_key("issued_at") {
        r.evidence(
            10,
            "it came in a token-endpoint reply with expires_in / issued_at",
        );
    }
    if r.score < 45 {
        return None;
    }
    let sub = input.claim_str("sub").unwrap_or_default();
    r.token_type = Some(if sub.is_empty() {
        "registry bearer token (anonymous)".into()
    } else {
        format!("registry bearer token for \"{sub}\"")
    });
    let rows = access_rows(payload.get("access"));
    r.access = Some(if rows.is_empty() { scope_rows } else { rows });
    if let Some(aud) = input.claim_str("aud") {
        r.fact(
            "audience (registry service)",
            if aud.is_empty() { "(empty)" } else { aud },
        );
    }
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<registry>/v2/<name>/manifests/<tag>",
    ));
    r.keys_at = Some("the registry's auth.token.rootcertbundle (certificates, not a JWKS)".into());
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: DEFAULT_SECONDS,
        rule: LifetimeRule::Minimum,
        text: "registry tokens live 60 s by default, and never less".into(),
    });
    Some(r)
}

/// libtrust key IDs: 12 groups of 4 base32 characters joined by `:`.
pub fn is_libtrust_key_id(kid: &str) -> bool {
    let groups: Vec<&str> = kid.split(':').collect();
    groups.len() == 12
        && groups.iter().all(|g| {
            g.len() == 4
                && g.bytes()
                    .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
        })
}

/// The rows of a resource-scope string (distribution's `scope.md`):
/// space-separated `type[(class)]:name:action,action`; none when any item
/// is not in that form (an OAuth scope such as `openid profile`).
fn scope_rows(scope: &str) -> Vec<AccessRow> {
    let rows: Option<Vec<AccessRow>> = scope
        .split_whitespace()
        .map(|item| {
            let (kind, rest) = item.split_once(':')?;
            // The spec's older examples prefix the account:
            // `jlhawn:repository:samalba/my-app:push,pull`.
            let (kind, rest) = if is_resource_type(kind) {
                (kind, rest)
            } else {
                rest.split_once(':')?
            };
            let (name, actions) = rest.rsplit_once(':')?;
            let kind = kind.split('(').next().unwrap_or(kind);
            if !is_resource_type(kind) || name.is_empty() {
                return None;
            }
            let actions: Vec<String> = actions
                .split(',')
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            Some(row(kind.to_string(), name.to_string(), actions))
        })
        .collect();
    rows.unwrap_or_default()
}

fn is_resource_type(kind: &str) -> bool {
    matches!(
        kind.split('(').next().unwrap_or(kind),
        "repository" | "registry" | "namespace"
    )
}

fn row(kind: String, name: String, actions: Vec<String>) -> AccessRow {
    let meaning = match actions.as_slice() {
        [] => "nothing (no actions granted)".to_string(),
        a if a.iter().any(|x| x == "*") => "all actions (*)".to_string(),
        a => a.join(" and "),
    };
    AccessRow {
        kind,
        name,
        actions,
        meaning,
    }
}

fn access_rows(access: Option<&Value>) -> Vec<AccessRow> {
    let Some(Value::Array(entries)) = access else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|entry| {
            let text = |k: &str| {
                entry
                    .get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            let actions: Vec<String> = entry
                .get("actions")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            row(text("type"), text("name"), actions)
        })
        .collect()
}
