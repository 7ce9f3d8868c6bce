//! Content decryption (RFC 7518 §5): AES-CBC with HMAC-SHA2 (§5.2; the tag
//! is checked in constant time before anything is decrypted) and AES-GCM
//! (§5.3).

use super::DecryptError;
use hmac::{KeyInit, Mac};

/// An `enc` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encryption {
    /// A128CBC-HS256, A192CBC-HS384, A256CBC-HS512: the AES key bytes.
    CbcHmac(usize),
    /// A128GCM, A192GCM, A256GCM: the key bytes.
    Gcm(usize),
}

impl Encryption {
    /// The encryption an `enc` names.
    ///
    /// # Errors
    /// [`DecryptError::Unsupported`] for another.
    pub fn parse(enc: &str) -> Result<Self, DecryptError> {
        Ok(match enc {
            "A128CBC-HS256" => Encryption::CbcHmac(16),
            "A192CBC-HS384" => Encryption::CbcHmac(24),
            "A256CBC-HS512" => Encryption::CbcHmac(32),
            "A128GCM" => Encryption::Gcm(16),
            "A192GCM" => Encryption::Gcm(24),
            "A256GCM" => Encryption::Gcm(32),
            other => return Err(DecryptError::Unsupported(format!("enc \"{other}\""))),
        })
    }

    /// The content key's length (CBC-HMAC keys are MAC key ‖ AES key).
    pub fn key_bytes(self) -> usize {
        match self {
            Encryption::CbcHmac(aes) => 2 * aes,
            Encryption::Gcm(aes) => aes,
        }
    }

    /// The plaintext, once the tag over `aad`, `iv` and `ciphertext` checks.
    ///
    /// # Errors
    /// [`DecryptError::Failed`] for any failure.
    pub fn decrypt(
        self,
        cek: &[u8],
        iv: &[u8],
        ciphertext: &[u8],
        tag: &[u8],
        aad: &[u8],
    ) -> Result<Vec<u8>, DecryptError> {
        if cek.len() != self.key_bytes() {
            return Err(DecryptError::Failed);
        }
        match self {
            Encryption::CbcHmac(aes) => cbc_hmac(aes, cek, iv, ciphertext, tag, aad),
            Encryption::Gcm(_) => gcm(cek, iv, ciphertext, tag, aad),
        }
    }
}

/// RFC 7518 §5.2.2.2: MAC = HMAC(MAC_KEY, AAD ‖ IV ‖ C ‖ AL), T its first
/// half; then AES-CBC with PKCS#7 padding.
fn cbc_hmac(
    aes: usize,
    cek: &[u8],
    iv: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, DecryptError> {
    let (mac_key, enc_key) = cek.split_at(aes);
    let al = ((aad.len() as u64) * 8).to_be_bytes();
    fn check<M: Mac + KeyInit>(
        key: &[u8],
        parts: [&[u8]; 4],
        tag: &[u8],
    ) -> Result<(), DecryptError> {
        let mut mac = <M as KeyInit>::new_from_slice(key).map_err(|_| DecryptError::Failed)?;
        for part in parts {
            mac.update(part);
        }
        // Constant time; the tag is the MAC's left half (§5.2.2.1).
        mac.verify_truncated_left(tag)
            .map_err(|_| DecryptError::Failed)
    }
    let parts = [aad, iv, ciphertext, &al[..]];
    match aes {
        16 if tag.len() == 16 => check::<hmac::Hmac<sha2::Sha256>>(mac_key, parts, tag)?,
        24 if tag.len() == 24 => check::<hmac::Hmac<sha2::Sha384>>(mac_key, parts, tag)?,
        32 if tag.len() == 32 => check::<hmac::Hmac<sha2::Sha512>>(mac_key, parts, tag)?,
        _ => return Err(DecryptError::Failed),
    }
    use cbc::cipher::{BlockModeDecrypt, KeyIvInit, block_padding::Pkcs7};
    let decrypted = match aes {
        16 => cbc::Decryptor::<aes::Aes128>::new_from_slices(enc_key, iv)
            .map_err(|_| DecryptError::Failed)?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
        24 => cbc::Decryptor::<aes::Aes192>::new_from_slices(enc_key, iv)
            .map_err(|_| DecryptError::Failed)?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
        _ => cbc::Decryptor::<aes::Aes256>::new_from_slices(enc_key, iv)
            .map_err(|_| DecryptError::Failed)?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
    };
    decrypted.map_err(|_| DecryptError::Failed)
}

/// RFC 7518 §5.3: a 96-bit IV, a 128-bit tag, AAD the encoded header.
fn gcm(
    cek: &[u8],
    iv: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, DecryptError> {
    use aes_gcm::aead::{Aead, Payload};
    use aes_gcm::{AesGcm, Nonce};
    if iv.len() != 12 || tag.len() != 16 {
        return Err(DecryptError::Failed);
    }
    let mut sealed = ciphertext.to_vec();
    sealed.extend_from_slice(tag);
    let payload = Payload { msg: &sealed, aad };
    let nonce = Nonce::try_from(iv).map_err(|_| DecryptError::Failed)?;
    let opened = match cek.len() {
        16 => aes_gcm::Aes128Gcm::new_from_slice(cek)
            .map_err(|_| DecryptError::Failed)?
            .decrypt(&nonce, payload),
        24 => AesGcm::<aes::Aes192, aes_gcm::aead::consts::U12>::new_from_slice(cek)
            .map_err(|_| DecryptError::Failed)?
            .decrypt(&nonce, payload),
        _ => aes_gcm::Aes256Gcm::new_from_slice(cek)
            .map_err(|_| DecryptError::Failed)?
            .decrypt(&nonce, payload),
    };
    opened.map_err(|_| DecryptError::Failed)
}
