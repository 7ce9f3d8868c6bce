//! Decrypting JWE (RFC 7516) with a key the person supplies: the compact
//! serialization, key management by RSA-OAEP, RSA-OAEP-256, RSA1_5, AES
//! key wrap, `dir`, AES-GCM key wrap and PBES2 (RFC 7518 §4.2–§4.5,
//! §4.7, §4.8), content encryption by
//! AES-CBC-HMAC-SHA2 and AES-GCM (§5.2, §5.3), and `zip: DEF` (RFC 7516
//! §4.1.3) inflated with a cap. Every failure after the key is found reads
//! the same ("the key does not decrypt this token"), so the page is no
//! padding or tag oracle (RFC 7516 §11.4, §11.5); the detail is for the
//! finding only. It takes no RNG, so the core stays pure: RSA is decrypted
//! unblinded (a timing attack needs someone timing this page, which holds
//! the person's own key), and RFC 7516 §11.5's substitute CEK on an RSA1_5
//! failure is derived from the encrypted key.

pub mod content;
pub mod ecdh;
pub mod json_form;
pub mod key_management;
pub mod with_keys;

use crate::analysis::base64url;
use crate::analysis::json;
use crate::analysis::keys::private::PrivateKey;
use serde_json::{Map, Value};
use std::fmt;

/// Inflated plaintext beyond this is refused (a small token must not
/// become gigabytes).
pub const MAX_INFLATED: usize = 10 * 1024 * 1024;

/// What decrypts: a private key (RSA), or a symmetric key (AES key wrap,
/// `dir`).
#[derive(Clone)]
pub enum DecryptionKey {
    /// A private key.
    Private(PrivateKey),
    /// A symmetric key: a `kty: oct` JWK or raw bytes.
    Secret(Vec<u8>),
    /// A password, for PBES2 (RFC 7518 §4.8).
    Password(String),
}

/// A compact JWE's five parts (RFC 7516 §7.1).
#[derive(Debug, Clone, PartialEq)]
pub struct CompactJwe {
    /// The protected header as it was encoded: the AAD (RFC 7516 §5.1 step 14).
    pub protected_b64: String,
    /// The protected header, decoded.
    pub header: Map<String, Value>,
    /// The encrypted key (empty for `dir`).
    pub encrypted_key: Vec<u8>,
    /// The initialization vector.
    pub iv: Vec<u8>,
    /// The ciphertext.
    pub ciphertext: Vec<u8>,
    /// The authentication tag.
    pub tag: Vec<u8>,
}

/// The plaintext, and how it was protected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decrypted {
    /// `alg` (key management).
    pub alg: String,
    /// `enc` (content encryption).
    pub enc: String,
    /// The plaintext (inflated when `zip` was `DEF`).
    pub plaintext: Vec<u8>,
}

/// Why a token was not decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecryptError {
    /// Not a compact JWE; why.
    NotCompactJwe(String),
    /// An `alg`, `enc` or `zip` not supported here.
    Unsupported(String),
    /// The key is not of the kind `alg` needs.
    KeyDoesNotFit {
        /// The `alg`.
        alg: String,
        /// What it needs, in words.
        needs: String,
    },
    /// The key does not decrypt it: wrong key, or altered token. One
    /// message for every cause, so the page is no oracle.
    Failed,
    /// The plaintext inflates beyond [`MAX_INFLATED`], or is not DEFLATE.
    Inflate(String),
    /// A header value refused before any work: why.
    Refused(String),
}

impl fmt::Display for DecryptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecryptError::NotCompactJwe(why) => write!(f, "not a readable JWE: {why}"),
            DecryptError::Unsupported(what) => write!(f, "{what} is not supported"),
            DecryptError::KeyDoesNotFit { alg, needs } => write!(f, "{alg} needs {needs}"),
            DecryptError::Failed => f.write_str(
                "the key does not decrypt this token (wrong key, or the token was altered)",
            ),
            DecryptError::Inflate(why) => write!(f, "the plaintext could not be inflated: {why}"),
            DecryptError::Refused(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for DecryptError {}

fn part(segment: &str, what: &str) -> Result<Vec<u8>, DecryptError> {
    base64url::decode_segment(segment)
        .map(|d| d.bytes)
        .map_err(|e| DecryptError::NotCompactJwe(format!("its {what} is not base64url ({e})")))
}

/// Splits a compact JWE (RFC 7516 §7.1).
///
/// # Errors
/// [`DecryptError::NotCompactJwe`] saying which part is wrong.
pub fn parse_compact(token: &str) -> Result<CompactJwe, DecryptError> {
    let segments: Vec<&str> = token.trim().split('.').collect();
    let [protected, key, iv, ciphertext, tag] = segments[..] else {
        return Err(DecryptError::NotCompactJwe(format!(
            "it has {} segments, not five",
            segments.len()
        )));
    };
    let header_bytes = part(protected, "protected header")?;
    let header_text = String::from_utf8(header_bytes)
        .map_err(|_| DecryptError::NotCompactJwe("its protected header is not UTF-8".into()))?;
    let header = match json::parse(&header_text).map(|p| p.value) {
        Ok(Value::Object(members)) => members,
        _ => {
            return Err(DecryptError::NotCompactJwe(
                "its protected header is not a JSON object".into(),
            ));
        }
    };
    Ok(CompactJwe {
        protected_b64: protected.to_string(),
        header,
        encrypted_key: part(key, "encrypted key")?,
        iv: part(iv, "initialization vector")?,
        ciphertext: part(ciphertext, "ciphertext")?,
        tag: part(tag, "authentication tag")?,
    })
}

/// Decrypts a compact JWE with `key` (RFC 7516 §5.2).
///
/// # Errors
/// Why not, in one of the [`DecryptError`] kinds.
pub fn decrypt_compact(token: &str, key: &DecryptionKey) -> Result<Decrypted, DecryptError> {
    let jwe = parse_compact(token)?;
    let parts = Sealed {
        iv: &jwe.iv,
        ciphertext: &jwe.ciphertext,
        tag: &jwe.tag,
        aad: jwe.protected_b64.as_bytes(),
        protected: &jwe.header,
    };
    open(&jwe.header, &jwe.encrypted_key, &parts, key)
}

/// What every recipient shares: the content and its authenticated data.
pub(crate) struct Sealed<'a> {
    pub iv: &'a [u8],
    pub ciphertext: &'a [u8],
    pub tag: &'a [u8],
    /// The AAD (RFC 7516 §5.1 step 14).
    pub aad: &'a [u8],
    /// The integrity-protected header (where `zip` must be).
    pub protected: &'a Map<String, Value>,
}

/// Decrypts for one recipient: `header` is its whole JOSE header (RFC 7516
/// §7.2.1's union), `encrypted_key` its encrypted key.
pub(crate) fn open(
    header: &Map<String, Value>,
    encrypted_key: &[u8],
    sealed: &Sealed<'_>,
    key: &DecryptionKey,
) -> Result<Decrypted, DecryptError> {
    let text = |name: &str| {
        header
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let (alg, enc) = (text("alg"), text("enc"));
    let content = content::Encryption::parse(&enc)?;
    let cek = key_management::content_key(&alg, header, encrypted_key, key, content.key_bytes())?;
    let plaintext = content.decrypt(&cek, sealed.iv, sealed.ciphertext, sealed.tag, sealed.aad)?;
    // RFC 7516 §4.1.3: `zip` must be integrity protected.
    let plaintext = match sealed.protected.get("zip").and_then(Value::as_str) {
        None => plaintext,
        Some("DEF") => inflate(&plaintext)?,
        Some(other) => return Err(DecryptError::Unsupported(format!("zip \"{other}\""))),
    };
    Ok(Decrypted {
        alg,
        enc,
        plaintext,
    })
}

/// Raw DEFLATE (RFC 1951), as `zip: DEF` means, capped at [`MAX_INFLATED`].
fn inflate(compressed: &[u8]) -> Result<Vec<u8>, DecryptError> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(compressed)
        .take(MAX_INFLATED as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| DecryptError::Inflate(e.to_string()))?;
    if out.len() > MAX_INFLATED {
        return Err(DecryptError::Inflate(format!(
            "it inflates beyond {} KB",
            MAX_INFLATED / 1024
        )));
    }
    Ok(out)
}
