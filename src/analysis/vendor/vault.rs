//! HashiCorp Vault (and OpenBao) identity tokens (developer.hashicorp.com,
//! "Identity tokens"): `iss` is the cluster's `…/v1/identity/oidc` (or a
//! provider's `…/v1/identity/oidc/provider/<name>`), `sub` the entity ID
//! (a UUID), `aud` the role's client ID; a role's `ttl` defaults to 24 h.

use super::{ExpectedLifetime, Input, VendorReport};
use crate::analysis::vocab::{LifetimeRule, VendorId};

/// A role's default `ttl`.
pub const ROLE_TTL_SECONDS: i64 = 86_400;

/// Recognises a Vault identity token by its issuer path.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let (origin, path) = input.issuer_url()?;
    let provider = path
        .split_once("/v1/identity/oidc/provider/")
        .map(|(_, name)| name);
    if !path.ends_with("/v1/identity/oidc") && provider.is_none() {
        return None;
    }
    let mut r = VendorReport::new(VendorId::Vault, "HashiCorp Vault");
    r.evidence(
        70,
        format!("iss is a Vault identity endpoint ({origin}{path})"),
    );
    let sub = input.claim_str("sub").unwrap_or_default();
    if is_uuid(sub) {
        r.evidence(10, "sub is a UUID, a Vault entity ID");
        r.fact("entity", sub);
    }
    if let Some(namespace) = input.claim_str("namespace") {
        r.evidence(10, "it has `namespace`, a Vault identity token claim");
        r.fact("namespace", namespace);
    }
    r.token_type = Some(match provider {
        Some(name) => format!("Vault OIDC provider ID token (provider \"{name}\")"),
        None => "Vault identity token".into(),
    });
    r.keys_at = Some(format!(
        "{origin}{path}/.well-known/keys (paste it into the key panel; never fetched here)"
    ));
    r.notes.push("A Vault identity token is issued by `GET /v1/identity/oidc/token/<role>` and checked by the relying party, or by `POST /v1/identity/oidc/introspect`.".into());
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: ROLE_TTL_SECONDS,
        rule: LifetimeRule::Default,
        text: "a Vault role's token ttl defaults to 24 h".into(),
    });
    Some(r)
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
}
