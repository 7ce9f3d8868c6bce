//! The content encryption key (CEK) of a JWE, by `alg` (RFC 7518 §4):
//! RSA1_5 (§4.2), RSA-OAEP and RSA-OAEP-256 (§4.3), A128KW/A192KW/A256KW
//! (§4.4) and `dir` (§4.5).

use super::{DecryptError, DecryptionKey};
use crate::analysis::keys::private::PrivateKey;
use rsa::rand_core::TryCryptoRng;

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
pub fn content_key<R: TryCryptoRng + ?Sized>(
    alg: &str,
    encrypted_key: &[u8],
    key: &DecryptionKey,
    cek_bytes: usize,
    rng: &mut R,
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
            DecryptionKey::Private(_) => Err(needs(alg, "a symmetric key (kty oct)")),
        },
        "A128KW" | "A192KW" | "A256KW" => {
            let kek_bytes = match alg {
                "A128KW" => 16,
                "A192KW" => 24,
                _ => 32,
            };
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
            unwrap_key(kek, encrypted_key)
        }
        "RSA1_5" | "RSA-OAEP" | "RSA-OAEP-256" => {
            let DecryptionKey::Private(PrivateKey::Rsa(private)) = key else {
                return Err(needs(alg, "an RSA private key"));
            };
            let decrypted = match alg {
                "RSA-OAEP" => {
                    private.decrypt_blinded(rng, rsa::Oaep::<sha1::Sha1>::new(), encrypted_key)
                }
                "RSA-OAEP-256" => {
                    private.decrypt_blinded(rng, rsa::Oaep::<sha2::Sha256>::new(), encrypted_key)
                }
                _ => private.decrypt_blinded(rng, rsa::Pkcs1v15Encrypt, encrypted_key),
            };
            match decrypted {
                Ok(cek) if cek.len() == cek_bytes => Ok(cek),
                // RFC 7516 §11.5: on an RSA1_5 failure continue with a
                // random CEK, so the failure shows only at the tag, like
                // every other: no Bleichenbacher oracle.
                _ if alg == "RSA1_5" => {
                    let mut cek = vec![0; cek_bytes];
                    rng.try_fill_bytes(&mut cek)
                        .map_err(|_| DecryptError::Failed)?;
                    Ok(cek)
                }
                _ => Err(DecryptError::Failed),
            }
        }
        other => Err(DecryptError::Unsupported(format!("alg \"{other}\""))),
    }
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
