//! A JWE read with the keys the person supplied: which keys could open it
//! (a private key pasted, a `kty: oct` JWK, the secret box as a symmetric
//! key or a PBES2 password), tried in `kid` order, and the verdict in
//! words. Before any key fits, the header is explained: what `alg` and
//! `enc` mean and which key would decrypt it.

use super::json_form::decrypt_json;
use super::key_management::MAX_P2C;
use super::{DecryptError, DecryptionKey, decrypt_compact, parse_compact};
use crate::analysis::finding::Finding;
use crate::analysis::json;
use crate::analysis::jwe_json::{self, JweHeaders};
use crate::analysis::keys::material::KeyMaterial;
use crate::analysis::keys::{Key, KeySet};
use crate::analysis::options::JweReading;
use crate::analysis::verdict::DecryptionReport;
use crate::analysis::vocab::{DecryptionStatus, FindingId};
use serde_json::{Map, Value};

/// Decrypts a JWE, compact or in the JSON serialization, with every
/// supplied key that can open it.
pub fn read(token: &str, keys: &KeySet) -> JweReading {
    let json_form = token.trim_start().starts_with('{');
    // A JSON JWE is read once: its headers apart, and the first
    // recipient's joined header for the key management.
    let read = if json_form {
        json_headers(token).map(|headers| (headers.joined(), Some(headers)))
    } else {
        parse_compact(token).map(|jwe| (jwe.header, None))
    };
    let (header, json_headers) = match read {
        Ok(read) => read,
        Err(error) => return verdict(DecryptionStatus::Unsupported, sentence(&error.to_string())),
    };
    let header = &header;
    let alg = text(header, "alg");
    let mut findings = Vec::new();
    if alg == "RSA1_5" {
        findings.push(Finding::new(FindingId::JweRsa15, "The content key is wrapped with RSA1_5 (RSAES-PKCS1-v1_5): RFC 8725 §3.2 advises against it, because a service that reveals padding failures is a Bleichenbacher oracle. Prefer RSA-OAEP-256 or ECDH-ES."));
    }
    let candidates = candidates(keys, header.get("kid").and_then(Value::as_str));
    if candidates.is_empty() {
        let message = format!("{} To read it, give {}.", explain(header), needs(&alg));
        return JweReading {
            findings,
            ..verdict(DecryptionStatus::NoKey, message)
        };
    }
    let mut tried_fitting = Vec::new();
    // PBES2's cost is per attempt: every password tried spends it again,
    // so one budget (`MAX_P2C`) holds for all the attempts on this token.
    let iterations = pbkdf2_iterations(header, json_headers.as_ref());
    let mut spent: u64 = 0;
    for (source, label, key) in &candidates {
        if matches!(key, DecryptionKey::Password(_)) && alg.starts_with("PBES2") {
            if spent > 0 && spent.saturating_add(iterations) > MAX_P2C {
                findings.push(Finding::new(
                    FindingId::JweDecryptionFailed,
                    format!("Stopped after {spent} PBKDF2 iterations: trying the other passwords given would pass {MAX_P2C}. Give only the password for this token."),
                ));
                break;
            }
            spent = spent.saturating_add(iterations);
        }
        let opened = if json_form {
            decrypt_json(token, key).map(|opened| (opened.decrypted, Some(opened.recipient)))
        } else {
            decrypt_compact(token, key).map(|decrypted| (decrypted, None))
        };
        match opened {
            Ok((decrypted, recipient)) => {
                // A weak key is named as it is for signatures (RFC 7518
                // §4.2, §4.3: RSA keys of 2048 bits or more).
                findings.extend(crate::analysis::keys::weakness::key_findings(source));
                return JweReading {
                    decryption: DecryptionReport {
                        status: DecryptionStatus::Decrypted,
                        message: format!(
                            "Decrypted with {label} ({}, {}): the plaintext is shown below.",
                            decrypted.alg, decrypted.enc
                        ),
                        key: Some(label.clone()),
                        recipient: recipient
                            .map(|index| recipient_name(json_headers.as_ref(), index)),
                    },
                    plaintext: Some(decrypted.plaintext),
                    findings,
                };
            }
            Err(DecryptError::KeyDoesNotFit { .. }) => {}
            Err(DecryptError::Failed) => tried_fitting.push(label.as_str()),
            Err(DecryptError::Inflate(why)) => {
                return JweReading {
                    findings,
                    ..verdict(
                        DecryptionStatus::Failed,
                        format!("{label} decrypted it, but {why}."),
                    )
                };
            }
            Err(other) => {
                return JweReading {
                    findings,
                    ..verdict(DecryptionStatus::Unsupported, sentence(&other.to_string()))
                };
            }
        }
    }
    if tried_fitting.is_empty() {
        let message = format!(
            "None of the keys given fits it. {} To read it, give {}.",
            explain(header),
            needs(&alg)
        );
        return JweReading {
            findings,
            ..verdict(DecryptionStatus::NoKey, message)
        };
    }
    findings.push(Finding::new(
        FindingId::JweDecryptionFailed,
        format!("Tried {}: {}", tried_fitting.join(", "), failed_step(&alg)),
    ));
    JweReading {
        findings,
        ..verdict(
            DecryptionStatus::Failed,
            sentence(&DecryptError::Failed.to_string()),
        )
    }
}

/// The PBKDF2 iterations one password attempt costs: the header's `p2c`,
/// or, for a JSON JWE, every recipient's together.
fn pbkdf2_iterations(header: &Map<String, Value>, json: Option<&JweHeaders>) -> u64 {
    let p2c = |h: &Map<String, Value>| h.get("p2c").and_then(Value::as_u64).unwrap_or(0);
    let Some(headers) = json else {
        return p2c(header);
    };
    let of = |part: &Option<Value>| part.as_ref().and_then(Value::as_object).map_or(0, p2c);
    let common = of(&headers.protected).max(of(&headers.shared));
    headers
        .recipients
        .iter()
        .map(|r| of(&r.header).max(common))
        .fold(0, u64::saturating_add)
}

/// A JSON JWE's headers (RFC 7516 §7.2.1).
fn json_headers(token: &str) -> Result<JweHeaders, DecryptError> {
    match json::parse(token).map(|parsed| parsed.value) {
        Ok(Value::Object(object)) => jwe_json::read(&object).map_err(DecryptError::NotCompactJwe),
        _ => Err(DecryptError::NotCompactJwe("not a JSON object".into())),
    }
}

/// "recipient 2 (kid "bob")": 1-based, with its `kid` when it has one.
fn recipient_name(json: Option<&JweHeaders>, index: usize) -> String {
    let kid = json
        .and_then(|headers| headers.recipients.get(index))
        .and_then(|r| r.header.as_ref()?.get("kid")?.as_str());
    match kid {
        Some(kid) => format!("recipient {} (kid \"{kid}\")", index + 1),
        None => format!("recipient {}", index + 1),
    }
}

fn verdict(status: DecryptionStatus, message: String) -> JweReading {
    JweReading {
        decryption: DecryptionReport {
            status,
            message,
            key: None,
            recipient: None,
        },
        plaintext: None,
        findings: Vec::new(),
    }
}

fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().to_string());
    format!("{}{}.", first.unwrap_or_default(), chars.as_str())
}

fn text(header: &Map<String, Value>, name: &str) -> String {
    header
        .get(name)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

/// The keys that could decrypt, labelled, those whose `kid` is the
/// header's first (RFC 7516 §4.1.6). Public keys cannot decrypt.
fn candidates<'k>(keys: &'k KeySet, kid: Option<&str>) -> Vec<(&'k Key, String, DecryptionKey)> {
    let mut ordered: Vec<_> = keys.keys.iter().collect();
    ordered.sort_by_key(|key| kid.is_none() || key.kid.as_deref() != kid);
    let mut out = Vec::new();
    for key in ordered {
        if let Some(private) = &key.private {
            out.push((
                key,
                key.label.clone(),
                DecryptionKey::Private((**private).clone()),
            ));
        } else if let KeyMaterial::Hmac(bytes) = &key.material {
            let password = std::str::from_utf8(bytes).ok();
            match (key.is_password, password) {
                (true, Some(password)) => out.push((
                    key,
                    key.label.clone(),
                    DecryptionKey::Password(password.to_string()),
                )),
                (true, None) => {}
                (false, password) => {
                    out.push((key, key.label.clone(), DecryptionKey::Secret(bytes.clone())));
                    if let Some(password) = password {
                        out.push((
                            key,
                            format!("{} as a password", key.label),
                            DecryptionKey::Password(password.to_string()),
                        ));
                    }
                }
            }
        }
    }
    out
}

/// What the header asks for, in words (RFC 7516 §4.1, RFC 7518 §4–§5).
pub fn explain(header: &Map<String, Value>) -> String {
    let alg = text(header, "alg");
    let enc = text(header, "enc");
    let management = match alg.as_str() {
        "RSA-OAEP" => {
            "the content key is encrypted to the recipient's RSA public key (RSAES-OAEP with SHA-1)"
        }
        "RSA-OAEP-256" => {
            "the content key is encrypted to the recipient's RSA public key (RSAES-OAEP with SHA-256)"
        }
        "RSA-OAEP-384" => {
            "the content key is encrypted to the recipient's RSA public key (RSAES-OAEP with SHA-384)"
        }
        "RSA-OAEP-512" => {
            "the content key is encrypted to the recipient's RSA public key (RSAES-OAEP with SHA-512)"
        }
        "RSA1_5" => {
            "the content key is encrypted to the recipient's RSA public key (RSAES-PKCS1-v1_5)"
        }
        "A128KW" | "A192KW" | "A256KW" => {
            "the content key is wrapped with a shared AES key (RFC 3394)"
        }
        "A128GCMKW" | "A192GCMKW" | "A256GCMKW" => {
            "the content key is encrypted with a shared AES key in GCM"
        }
        "dir" => "the shared key is the content key itself",
        "ECDH-ES" => {
            "the content key is agreed by ECDH with the recipient's key (the sender's ephemeral key is in epk)"
        }
        "ECDH-ES+A128KW" | "ECDH-ES+A192KW" | "ECDH-ES+A256KW" => {
            "a key agreed by ECDH with the recipient's key (epk) wraps the content key"
        }
        "PBES2-HS256+A128KW" | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW" => {
            "a key derived from a password (PBKDF2) wraps the content key"
        }
        _ => "the key management is not one this tool knows",
    };
    let mut parts = vec![format!("Encrypted (alg {alg}, enc {enc}): {management}.")];
    if let Some(kid) = header.get("kid").and_then(Value::as_str) {
        parts.push(format!("It names the recipient's key \"{kid}\"."));
    }
    if let Some(crv) = header
        .get("epk")
        .and_then(|e| e.get("crv"))
        .and_then(Value::as_str)
    {
        parts.push(format!("The ephemeral key is on {crv}."));
    }
    if let Some(p2c) = header.get("p2c").and_then(Value::as_u64) {
        parts.push(format!(
            "The password is stretched with {p2c} PBKDF2 iterations."
        ));
    }
    if header.get("zip").and_then(Value::as_str) == Some("DEF") {
        parts.push("The content was compressed (zip DEF) before encryption.".into());
    }
    parts.join(" ")
}

/// The key that would decrypt a JWE with this `alg`.
pub fn needs(alg: &str) -> &'static str {
    match alg {
        "RSA-OAEP" | "RSA-OAEP-256" | "RSA-OAEP-384" | "RSA-OAEP-512" | "RSA1_5" => {
            "the recipient's RSA private key (PEM or a JWK with d)"
        }
        "A128KW" | "A128GCMKW" => "the 16-byte shared key (a kty oct JWK, or the secret box)",
        "A192KW" | "A192GCMKW" => "the 24-byte shared key (a kty oct JWK, or the secret box)",
        "A256KW" | "A256GCMKW" => "the 32-byte shared key (a kty oct JWK, or the secret box)",
        "dir" => "the content key itself (a kty oct JWK, or the secret box)",
        a if a.starts_with("ECDH-ES") => {
            "the recipient's EC private key on the epk's curve (PEM or a JWK with d)"
        }
        a if a.starts_with("PBES2") => {
            "the password (in the secret box as text, or jwt-inspect --password-file)"
        }
        _ => "a key for an algorithm this tool supports",
    }
}

/// Which step a fitting key failed at, in words: for the finding only.
fn failed_step(alg: &str) -> &'static str {
    match alg {
        "RSA-OAEP" | "RSA-OAEP-256" | "RSA-OAEP-384" | "RSA-OAEP-512" => {
            "the content key did not decrypt (OAEP): not the recipient's key, or the encrypted key was altered."
        }
        "RSA1_5" => {
            "the authentication tag did not match (RSA1_5 hides padding failures, RFC 7516 §11.5): not the recipient's key, or the token was altered."
        }
        "dir" => {
            "the authentication tag did not match: not the content key, or the token was altered."
        }
        a if a.starts_with("PBES2") => {
            "the content key did not unwrap, or the tag did not match: a wrong password, or the token was altered."
        }
        _ => {
            "the content key did not unwrap, or the authentication tag did not match: not the recipient's key, or the token was altered."
        }
    }
}
