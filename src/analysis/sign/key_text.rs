//! The key to sign with, from what a person pastes or a file holds: a
//! private PEM block (PKCS#8, PKCS#1, SEC1, OpenSSH), a JWK with `d`, a
//! JWKS holding one, or a `kty: oct` JWK (an HMAC secret). Read with the
//! one private-key parser ([`crate::analysis::keys::private`]) and the one
//! PEM scanner.

use super::SigningKey;
use crate::analysis::base64url;
use crate::analysis::json;
use crate::analysis::keys::error::KeyReadError;
use crate::analysis::keys::{jwk, pem, private};
use crate::analysis::pem::PemMeaning;
use crate::analysis::vocab::SecretEncoding;
use serde_json::Value;

/// The first private key or symmetric JWK in `text`.
///
/// # Errors
/// Why the private key found could not be read, or
/// [`KeyReadError::NoPrivateKey`] saying what the text holds instead.
pub fn signing_key(text: &str) -> Result<SigningKey, KeyReadError> {
    let blocks = pem::blocks(text);
    let mut labels = Vec::new();
    for block in blocks {
        if crate::analysis::pem::meaning(&block.label) == PemMeaning::PrivateKey {
            let der = block.result?;
            return private::signing_key_from_pem(&block.label, &der, &block.text)
                .map(SigningKey::Private);
        }
        labels.push(block.label);
    }
    if !labels.is_empty() {
        return Err(KeyReadError::NoPrivateKey {
            found: format!("only {} (no private key)", labels.join(", ")),
        });
    }
    let trimmed = text.trim();
    if trimmed.starts_with('{') {
        let value = json::parse(trimmed)
            .map_err(KeyReadError::InvalidJson)?
            .value;
        return from_json(&value);
    }
    Err(KeyReadError::NoPrivateKey {
        found: if trimmed.is_empty() {
            "nothing".into()
        } else {
            "no PEM block or JWK".into()
        },
    })
}

/// An HMAC secret typed in `encoding`. Signing needs one reading, so
/// `auto` (which the verifier resolves by trying each) reads it as text.
///
/// # Errors
/// Why the text is not in its encoding.
pub fn secret(text: &str, encoding: SecretEncoding) -> Result<SigningKey, KeyReadError> {
    let encoding = match encoding {
        SecretEncoding::Auto => SecretEncoding::Text,
        other => other,
    };
    crate::analysis::keys::secret::decode(text, encoding).map(SigningKey::Secret)
}

/// A JWK with `d`, a `kty: oct` JWK, or the first such key of a JWKS.
fn from_json(value: &Value) -> Result<SigningKey, KeyReadError> {
    let candidates: Vec<&serde_json::Map<String, Value>> = match value.get("keys") {
        Some(Value::Array(keys)) => keys.iter().filter_map(Value::as_object).collect(),
        _ => value.as_object().into_iter().collect(),
    };
    for object in &candidates {
        if object.get("kty").and_then(Value::as_str) == Some("oct") {
            let k = object
                .get("k")
                .and_then(Value::as_str)
                .ok_or(KeyReadError::JwkMissingMember { name: "k" })?;
            let secret = base64url::decode_segment(k)
                .map_err(|error| KeyReadError::JwkMemberNotBase64url { name: "k", error })?
                .bytes;
            if secret.is_empty() {
                return Err(KeyReadError::JwkEmptySecret);
            }
            return Ok(SigningKey::Secret(secret));
        }
        if let Some(key) = jwk::private_key(object)? {
            return Ok(SigningKey::Private(key));
        }
    }
    Err(KeyReadError::NoPrivateKey {
        found: "a public JWK only (no `d`)".into(),
    })
}
