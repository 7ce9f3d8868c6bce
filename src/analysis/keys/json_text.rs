//! Keys written as JSON (RFC 7517): a JWK, a JWKS, an array of JWKs, and
//! the wrappers people copy them in: an OIDC discovery or JWKS reply with
//! the set nested, a Keycloak realm reply's `public_key`, Google's map of
//! kid to PEM certificate, a JWK that gives its key only as an `x5c`
//! certificate. JSON with comments or trailing
//! commas (copied from source code) is read too, with a note.

use super::error::KeyReadError;
use super::{KeySet, der, jwk, pem};
use crate::analysis::json::{self, relaxed};
use serde_json::Value;

impl KeySet {
    /// Reads every JSON value in the text; returns whether there was any.
    pub(super) fn add_json_documents(&mut self, text: &str) -> bool {
        let mut found = false;
        let mut from = 0;
        while let Some(offset) = text[from..].find(['{', '[']) {
            let start = from + offset;
            found = true;
            match json::parse_prefix(&text[start..]) {
                Ok((parsed, used)) => {
                    self.add_json(&parsed.value, &text[start..start + used]);
                    from = start + used;
                }
                Err(error) => match self.add_relaxed_json(&text[start..]) {
                    Some(used) => from = start + used,
                    None => {
                        self.refuse("JSON key text", &KeyReadError::InvalidJson(error));
                        break;
                    }
                },
            }
        }
        found
    }

    /// Reads JSON with comments or trailing commas ([`relaxed::relax`]),
    /// noting on each key read that strict JSON would not allow it.
    /// Returns how many bytes it used, or `None` when relaxing does not
    /// help (the caller then reports the strict parser's error).
    fn add_relaxed_json(&mut self, text: &str) -> Option<usize> {
        let (relaxed, removed) = relaxed::relax(text);
        if !removed.any() {
            return None;
        }
        let (parsed, used) = json::parse_prefix(&relaxed).ok()?;
        let first = self.keys.len();
        self.add_json(&parsed.value, &text[..used]);
        let note = format!(
            "read leniently: the JSON has {}, which strict JSON (RFC 8259) does not allow, so a JOSE library would refuse it as pasted",
            removed.describe()
        );
        for key in &mut self.keys[first..] {
            key.warnings.push(note.clone());
        }
        Some(used)
    }

    pub(super) fn add_json(&mut self, value: &Value, text: &str) {
        match value {
            Value::Object(object) => match object.get("keys") {
                Some(Value::Array(keys)) => self.add_jwks(keys, "JWKS key"),
                Some(_) => self.refuse("JWKS", &KeyReadError::JwksKeysNotArray),
                None if object.contains_key("kty") => {
                    self.add_jwk(object, "JWK".into(), text.as_bytes().to_vec());
                }
                // Not a key itself: a reply wrapping keys, or else a JWK
                // missing its `kty`, which says so.
                None => {
                    if !self.add_wrapped(object, 0) {
                        self.add_jwk(object, "JWK".into(), text.as_bytes().to_vec());
                    }
                }
            },
            Value::Array(keys) => self.add_jwks(keys, "JWK array item"),
            _ => self.refuse("JSON key text", &KeyReadError::JsonNotAKey),
        }
    }

    /// Finds keys inside a JSON reply that is not itself a key: a JWKS or
    /// JWK nested in a member (an OIDC or JWKS endpoint's reply saved with
    /// its envelope), or a `public_key` / `publicKey` string (Keycloak's
    /// realm reply gives base64 DER there). Returns whether any was found.
    fn add_wrapped(&mut self, object: &serde_json::Map<String, Value>, depth: usize) -> bool {
        const MAX_DEPTH: usize = 4;
        // Google's x509 endpoints (oauth2/v1/certs, and Firebase's
        // securetoken metadata) map each kid to a PEM certificate.
        let pem_map = !object.is_empty()
            && object.iter().all(|(name, v)| {
                !is_field_name(name)
                    && v.as_str()
                        .is_some_and(|s| s.trim_start().starts_with("-----BEGIN CERTIFICATE-----"))
            });
        let mut found = false;
        for (name, value) in object {
            match value {
                Value::Object(inner) => match inner.get("keys") {
                    Some(Value::Array(keys)) => {
                        self.add_jwks(keys, &format!("`{name}` JWKS key"));
                        found = true;
                    }
                    _ if inner.contains_key("kty") => {
                        let text = serde_json::to_vec(value).unwrap_or_default();
                        self.add_jwk(inner, format!("`{name}` JWK"), text);
                        found = true;
                    }
                    _ if depth < MAX_DEPTH => found |= self.add_wrapped(inner, depth + 1),
                    _ => {}
                },
                Value::String(text) if text.contains("-----BEGIN ") => {
                    self.add_pem_member(name, text, pem_map);
                    found = true;
                }
                Value::String(text) if matches!(name.as_str(), "public_key" | "publicKey") => {
                    let before = self.keys.len() + self.errors.len();
                    self.add_pem_member(name, text, false);
                    if self.keys.len() + self.errors.len() == before {
                        let label = format!("`{name}` (base64 DER)");
                        self.add_bare_der(text, &label, &label);
                    }
                    found = true;
                }
                _ => {}
            }
        }
        found
    }

    /// Reads the PEM blocks of a JSON string member; in a map of
    /// certificates the member name is the key's `kid`.
    fn add_pem_member(&mut self, name: &str, text: &str, name_is_kid: bool) {
        for (index, block) in pem::blocks(text).into_iter().enumerate() {
            let first = self.keys.len();
            let source = if name_is_kid {
                format!("certificate map entry `{name}`")
            } else {
                format!("`{name}` PEM block {}", index + 1)
            };
            self.add_pem_block(source, block);
            if name_is_kid && let Some(key) = self.keys.get_mut(first) {
                key.kid = Some(name.to_string());
            }
        }
    }

    fn add_jwks(&mut self, keys: &[Value], what: &str) {
        let first = self.keys.len();
        for (index, jwk) in keys.iter().enumerate() {
            let source = format!("{what} {}", index + 1);
            match jwk.as_object() {
                Some(object) => {
                    self.add_jwk(object, source, serde_json::to_vec(jwk).unwrap_or_default())
                }
                None => self.refuse(source, &KeyReadError::JwksEntryNotObject),
            }
        }
        let added = &mut self.keys[first..];
        let mixed = added.iter().any(|k| k.material.is_asymmetric())
            && added.iter().any(|k| !k.material.is_asymmetric());
        if mixed {
            for key in added.iter_mut().filter(|k| !k.material.is_asymmetric()) {
                key.in_mixed_set = true;
                key.warnings.push("this shared secret sits in a key set with public keys: published key sets never hold secrets, so it is not used to verify (anyone holding the set could forge HS tokens)".into());
            }
        }
    }

    fn add_jwk(&mut self, object: &serde_json::Map<String, Value>, source: String, text: Vec<u8>) {
        match jwk::parse(object) {
            Ok(parsed) => {
                let spki = der::spki_der_for(&parsed.material);
                let label = match &parsed.kid {
                    Some(kid) => format!("{source} (kid \"{kid}\")"),
                    None => source,
                };
                // A private JWK's text is not kept: only its public SPKI.
                let mut pasted = if parsed.private {
                    Vec::new()
                } else {
                    vec![text]
                };
                pasted.extend(spki.clone());
                self.push(parsed.material, label, spki, pasted, parsed.certificate);
                if let Some(key) = self.keys.last_mut() {
                    key.kid = parsed.kid;
                    key.alg = parsed.alg;
                    key.use_ = parsed.use_;
                    key.key_ops = parsed.key_ops;
                    key.warnings.extend(parsed.warnings);
                }
                if parsed.private {
                    self.mark_last_private(jwk::private_key(object).ok().flatten());
                }
            }
            Err(error) => self.refuse(source, &error),
        }
    }
}

/// Member names that say what a value is rather than which key it is:
/// never read as a `kid` (Google's certificate maps use kids as names).
fn is_field_name(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "public_key" | "publickey" | "key" | "certificate" | "cert" | "pem" | "x5c" | "value"
    )
}
