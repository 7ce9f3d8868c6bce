//! The content encryption key (CEK) of a JWE, by `alg` (RFC 7518 §4):
//! RSA1_5 (§4.2), RSA-OAEP and RSA-OAEP-256 (§4.3), A128KW/A192KW/A256KW
//! (§4.4), `dir` (§4.5), A128GCMKW/A192GCMKW/A256GCMKW (§4.7) and
//! PBES2-HS256+A128KW/HS384+A192KW/HS512+A256KW (§4.8).

use super::{DecryptError, DecryptionKey};
use crate::analysis::keys::private::PrivateKey;
use serde_json::{Map, Value};

fn needs(alg: &str, what: &str) -> DecryptError {
    DecryptError::KeyDoesNotFit {
        alg: alg.to_string(),
        needs: what.to_string(),
    }
}

/// The CEK, `cek_bytes` long, that `encrypted_key` holds for `key`.
///
/// # Errors
/// [`DecryptError::Unsupported`] for another `alg`, `KeyDoesNotFit`, or
/// [`DecryptError::Failed`] (one message for every cryptographic failure).
pub fn content_key(
    alg: &str,
    header: &Map<String, Value>,
    encrypted_key: &[u8],
    key: &DecryptionKey,
    cek_bytes: usize,
) -> Result<Vec<u8>, DecryptError> {
    match alg {
        "dir" => match key {
            DecryptionKey::Secret(secret)
                if secret.len() == cek_bytes && encrypted_key.is_empty() =>
            {
                Ok(secret.clone())
            }
            DecryptionKey::Secret(_) => Err(needs(
                alg,
                &format!("the {cek_bytes}-byte content key itself, and no encrypted key"),
            )),
            DecryptionKey::Private(_) | DecryptionKey::Password(_) => {
                Err(needs(alg, "a symmetric key (kty oct)"))
            }
        },
        "A128KW" | "A192KW" | "A256KW" => unwrap_key(symmetric_kek(alg, key)?, encrypted_key),
        // RSA-OAEP-384 and -512 are registered in the IANA JOSE registry
        // (for WebCrypto), beside RFC 7518's RSA-OAEP and RSA-OAEP-256.
        "RSA1_5" | "RSA-OAEP" | "RSA-OAEP-256" | "RSA-OAEP-384" | "RSA-OAEP-512" => {
            let DecryptionKey::Private(PrivateKey::Rsa(private)) = key else {
                return Err(needs(alg, "an RSA private key"));
            };
            let decrypted = match alg {
                "RSA-OAEP" => private.decrypt(rsa::Oaep::<sha1::Sha1>::new(), encrypted_key),
                "RSA-OAEP-256" => private.decrypt(rsa::Oaep::<sha2::Sha256>::new(), encrypted_key),
                "RSA-OAEP-384" => private.decrypt(rsa::Oaep::<sha2::Sha384>::new(), encrypted_key),
                "RSA-OAEP-512" => private.decrypt(rsa::Oaep::<sha2::Sha512>::new(), encrypted_key),
                _ => private.decrypt(rsa::Pkcs1v15Encrypt, encrypted_key),
            };
            match decrypted {
                Ok(cek) if cek.len() == cek_bytes => Ok(cek),
                // RFC 7516 §11.5: on an RSA1_5 failure continue with a
                // substitute CEK, so the failure shows only at the tag,
                // like every other: no Bleichenbacher oracle. It must be
                // unpredictable to anyone without the private key (else a
                // forger could pick a bad encrypted key, compute the
                // substitute and encrypt under it), and the core has no
                // RNG: an HMAC of the encrypted key under the private
                // exponent.
                _ if alg == "RSA1_5" => substitute_cek(private, encrypted_key, cek_bytes),
                _ => Err(DecryptError::Failed),
            }
        }
        "A128GCMKW" | "A192GCMKW" | "A256GCMKW" => {
            let kek = symmetric_kek(alg, key)?;
            let iv = header_bytes(header, "iv")?;
            let tag = header_bytes(header, "tag")?;
            // §4.7: the CEK is AES-GCM encrypted under the KEK, no AAD.
            let cek = super::content::Encryption::Gcm(kek.len()).decrypt(
                kek,
                &iv,
                encrypted_key,
                &tag,
                &[],
            )?;
            if cek.len() == cek_bytes {
                Ok(cek)
            } else {
                Err(DecryptError::Failed)
            }
        }
        "PBES2-HS256+A128KW" | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW" => {
            let DecryptionKey::Password(password) = key else {
                return Err(needs(alg, "a password"));
            };
            let count = header.get("p2c").and_then(Value::as_u64).ok_or_else(|| {
                DecryptError::NotCompactJwe(
                    "PBES2 needs a \"p2c\" iteration count in the header (RFC 7518 §4.8.1.2)"
                        .into(),
                )
            })?;
            if count > MAX_P2C {
                return Err(DecryptError::Refused(format!(
                    "p2c is {count}: more than {MAX_P2C} PBKDF2 iterations are refused, so a token cannot make the decryption hang"
                )));
            }
            if count < 1 {
                return Err(DecryptError::Refused(
                    "p2c is 0: PBKDF2 needs at least one iteration".into(),
                ));
            }
            // §4.8.1.1: the salt is the alg name, a zero byte, and p2s.
            let mut salt = alg.as_bytes().to_vec();
            salt.push(0);
            salt.extend(header_bytes(header, "p2s")?);
            let rounds = u32::try_from(count).unwrap_or(u32::MAX);
            let kek = derive(password, &salt, rounds, wrap_key_bytes(alg))?;
            unwrap_key(&kek, encrypted_key)
        }
        "ECDH-ES" | "ECDH-ES+A128KW" | "ECDH-ES+A192KW" | "ECDH-ES+A256KW" => {
            let DecryptionKey::Private(private @ (PrivateKey::Ec { .. } | PrivateKey::X25519(_))) =
                key
            else {
                return Err(needs(
                    alg,
                    "an EC private key (P-256, P-384 or P-521) or an X25519 key, on the epk's curve",
                ));
            };
            let enc = header.get("enc").and_then(Value::as_str).unwrap_or("");
            match alg {
                // §4.6: the agreed key is the CEK, named by `enc`.
                "ECDH-ES" if encrypted_key.is_empty() => {
                    super::ecdh::agreed_key(header, private, enc, cek_bytes)
                }
                "ECDH-ES" => Err(DecryptError::Failed),
                _ => {
                    let kek = super::ecdh::agreed_key(header, private, alg, wrap_key_bytes(alg))?;
                    unwrap_key(&kek, encrypted_key)
                }
            }
        }
        other => Err(DecryptError::Unsupported(format!("alg \"{other}\""))),
    }
}

/// The AES key size an `alg` names (A128KW, PBES2-HS384+A192KW,
/// ECDH-ES+A256KW, A128GCMKW, …), in bytes.
fn wrap_key_bytes(alg: &str) -> usize {
    if alg.contains("128") {
        16
    } else if alg.contains("192") {
        24
    } else {
        32
    }
}

/// The symmetric key-encryption key AES key wrap and AES-GCM key wrap
/// need: a secret exactly the size `alg` names.
fn symmetric_kek<'k>(alg: &str, key: &'k DecryptionKey) -> Result<&'k [u8], DecryptError> {
    let kek_bytes = wrap_key_bytes(alg);
    let DecryptionKey::Secret(kek) = key else {
        return Err(needs(
            alg,
            &format!("a {kek_bytes}-byte symmetric key (kty oct)"),
        ));
    };
    if kek.len() != kek_bytes {
        return Err(needs(
            alg,
            &format!(
                "a {kek_bytes}-byte symmetric key; this one is {} bytes",
                kek.len()
            ),
        ));
    }
    Ok(kek)
}

/// PBES2 iteration counts beyond this are refused (issue 14: a token must
/// not hang the worker).
pub const MAX_P2C: u64 = 1_000_000;

/// PBKDF2 with HMAC-SHA-256/384/512 by `bytes` (16, 24, 32: §4.8).
fn derive(password: &str, salt: &[u8], rounds: u32, bytes: usize) -> Result<Vec<u8>, DecryptError> {
    let mut key = vec![0; bytes];
    let result = match bytes {
        16 => {
            pbkdf2::pbkdf2::<hmac::Hmac<sha2::Sha256>>(password.as_bytes(), salt, rounds, &mut key)
        }
        24 => {
            pbkdf2::pbkdf2::<hmac::Hmac<sha2::Sha384>>(password.as_bytes(), salt, rounds, &mut key)
        }
        _ => {
            pbkdf2::pbkdf2::<hmac::Hmac<sha2::Sha512>>(password.as_bytes(), salt, rounds, &mut key)
        }
    };
    result.map_err(|_| DecryptError::Failed)?;
    Ok(key)
}

/// A base64url member of the header (`iv`, `tag`, `p2s`).
fn header_bytes(header: &Map<String, Value>, name: &str) -> Result<Vec<u8>, DecryptError> {
    let text = header.get(name).and_then(Value::as_str).ok_or_else(|| {
        DecryptError::NotCompactJwe(format!("the header has no \"{name}\" (RFC 7518 §4)"))
    })?;
    crate::analysis::base64url::decode_segment(text)
        .map(|d| d.bytes)
        .map_err(|e| {
            DecryptError::NotCompactJwe(format!("the header's \"{name}\" is not base64url ({e})"))
        })
}

/// AES key unwrap (RFC 3394), integrity checked.
fn unwrap_key(kek: &[u8], wrapped: &[u8]) -> Result<Vec<u8>, DecryptError> {
    use aes::cipher::KeyInit;
    if wrapped.len() < 24 || !wrapped.len().is_multiple_of(8) {
        return Err(DecryptError::Failed);
    }
    let mut out = vec![0; wrapped.len() - 8];
    let unwrapped = match kek.len() {
        16 => aes_kw::KwAes128::new_from_slice(kek)
            .map_err(|_| DecryptError::Failed)?
            .unwrap_key(wrapped, &mut out)
            .map(<[u8]>::to_vec),
        24 => aes_kw::KwAes192::new_from_slice(kek)
            .map_err(|_| DecryptError::Failed)?
            .unwrap_key(wrapped, &mut out)
            .map(<[u8]>::to_vec),
        _ => aes_kw::KwAes256::new_from_slice(kek)
            .map_err(|_| DecryptError::Failed)?
            .unwrap_key(wrapped, &mut out)
            .map(<[u8]>::to_vec),
    };
    unwrapped.map_err(|_| DecryptError::Failed)
}

/// RFC 7516 §11.5's substitute content key after an RSA1_5 failure:
/// HMAC-SHA-512 of the encrypted key, keyed by the private exponent, so
/// only the key holder could compute it.
fn substitute_cek(
    private: &rsa::PrivateKey,
    encrypted_key: &[u8],
    cek_bytes: usize,
) -> Result<Vec<u8>, DecryptError> {
    use hmac::{KeyInit, Mac};
    use rsa::traits::PrivateKeyParts;
    let secret = private.d().to_be_bytes();
    // HMAC takes a key of any length: this cannot fail.
    let mut mac = <hmac::Hmac<sha2::Sha512> as KeyInit>::new_from_slice(&secret)
        .map_err(|_| DecryptError::Failed)?;
    mac.update(b"RFC 7516 11.5 substitute CEK");
    mac.update(encrypted_key);
    let digest = mac.finalize().into_bytes();
    Ok(digest.iter().copied().cycle().take(cek_bytes).collect())
}
