//! Keystone PKI and PKIZ tokens (python-keystoneclient `common/cms.py`): a
//! CMS SignedData (RFC 5652 §5) whose encapsulated content is the token
//! JSON, written as base64 with `/` replaced by `-` (PKI, starts `MII`), or
//! zlib-compressed and base64url-encoded after `PKIZ_`. Read with RustCrypto
//! `cms`/`der`; verified against a signing certificate the person supplies.

use crate::analysis::base64url::{STANDARD_ANY_PADDING, URL_SAFE_ANY_PADDING};
use crate::analysis::keys::KeySet;
use crate::analysis::keys::material::KeyMaterial;
pub use crate::analysis::keystone::CmsReadError;
pub use crate::analysis::keystone::PkiDetails;
use crate::analysis::vocab::{KeystoneFormat, SignatureStatus};
use base64::Engine;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use der::{Decode, Encode};
use serde_json::Value;
use sha2::Digest;
use std::io::Read;

/// Decompressed PKIZ tokens larger than this are refused (zip bombs).
const MAX_DECOMPRESSED: u64 = 8 * 1024 * 1024;

const SIGNED_DATA: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const MESSAGE_DIGEST: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");

/// A Keystone PKI / PKIZ token, read.
#[derive(Debug, Clone, PartialEq)]
pub struct PkiToken {
    /// The token JSON (`{"token": …}` for v3, `{"access": …}` for v2).
    pub content: Option<Value>,
    /// Why the content is not JSON, if it is not.
    pub content_error: Option<String>,
    /// What the report shows about the envelope.
    pub details: PkiDetails,
    econtent: Vec<u8>,
    signed_attrs_der: Option<Vec<u8>>,
    message_digest: Option<Vec<u8>>,
    signature: Vec<u8>,
    signer_issuer: Option<String>,
    signer_serial: Option<Vec<u8>>,
}

/// Reads a PKI token (`MII…`, `-` for `/`).
///
/// # Errors
/// [`CmsReadError::PkiNotBase64`], or why the DER inside is not a CMS
/// SignedData (see [`read_der`]).
pub fn read_pki(token: &str) -> Result<PkiToken, CmsReadError> {
    let der_bytes = STANDARD_ANY_PADDING
        .decode(token.trim().replace('-', "/"))
        .map_err(|e| CmsReadError::PkiNotBase64 {
            detail: e.to_string(),
        })?;
    read_der(&der_bytes, KeystoneFormat::Pki)
}

/// Reads a PKIZ token (`PKIZ_` + base64url of zlib).
///
/// # Errors
/// Why the text does not unwrap to DER (no `PKIZ_`, not base64url, not
/// zlib, over 8 MB, broken PEM inside), or why the DER is not a CMS
/// SignedData (see [`read_der`]).
pub fn read_pkiz(token: &str) -> Result<PkiToken, CmsReadError> {
    let body = token
        .trim()
        .strip_prefix("PKIZ_")
        .ok_or(CmsReadError::PkizPrefixMissing)?;
    let compressed =
        URL_SAFE_ANY_PADDING
            .decode(body)
            .map_err(|e| CmsReadError::PkizNotBase64url {
                detail: e.to_string(),
            })?;
    let mut der_bytes = Vec::new();
    flate2::read::ZlibDecoder::new(compressed.as_slice())
        .take(MAX_DECOMPRESSED + 1)
        .read_to_end(&mut der_bytes)
        .map_err(|e| CmsReadError::PkizNotZlib {
            detail: e.to_string(),
        })?;
    if der_bytes.len() as u64 > MAX_DECOMPRESSED {
        return Err(CmsReadError::PkizTooLarge {
            limit_mb: MAX_DECOMPRESSED >> 20,
        });
    }
    // Older keystoneclient releases compressed the PEM text, not the DER.
    if der_bytes.starts_with(b"-----BEGIN") {
        let text = String::from_utf8_lossy(&der_bytes).into_owned();
        let block = crate::analysis::keys::pem::blocks(&text)
            .into_iter()
            .next()
            .ok_or(CmsReadError::PkizBrokenPem)?;
        der_bytes = block
            .result
            .map_err(|e| CmsReadError::PkizPem(Box::new(e)))?;
    }
    read_der(&der_bytes, KeystoneFormat::Pkiz)
}

/// Reads the CMS SignedData (RFC 5652 §5) inside a PKI or PKIZ token;
/// `format` is the form the DER came in. Public for the fuzz target.
///
/// # Errors
/// Why the bytes are not a CMS SignedData with content and a signer: not a
/// ContentInfo, another content type, unreadable, detached, no signer.
pub fn read_der(der_bytes: &[u8], format: KeystoneFormat) -> Result<PkiToken, CmsReadError> {
    let info = ContentInfo::from_der(der_bytes).map_err(|e| CmsReadError::NotContentInfo {
        detail: e.to_string(),
    })?;
    if info.content_type != SIGNED_DATA {
        return Err(CmsReadError::NotSignedData {
            content_type: info.content_type.to_string(),
        });
    }
    let signed: SignedData =
        info.content
            .decode_as()
            .map_err(|e: der::Error| CmsReadError::SignedDataUnreadable {
                detail: e.to_string(),
            })?;
    let econtent = signed
        .encap_content_info
        .econtent
        .as_ref()
        .ok_or(CmsReadError::DetachedContent)?;
    let econtent_der = econtent
        .to_der()
        .map_err(|e| CmsReadError::ContentReencodeFailed {
            detail: e.to_string(),
        })?;
    let econtent = der::asn1::OctetString::from_der(&econtent_der)
        .map(|o| o.as_bytes().to_vec())
        .unwrap_or_else(|_| econtent.value().to_vec());
    let signer = signed
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or(CmsReadError::NoSigner)?;
    let (signer_text, signer_issuer, signer_serial) = match &signer.sid {
        SignerIdentifier::IssuerAndSerialNumber(isn) => {
            let serial = isn.serial_number.as_bytes().to_vec();
            (
                format!(
                    "issuer {}; serial {}",
                    isn.issuer,
                    base16ct::upper::encode_string(&serial)
                ),
                Some(isn.issuer.to_string()),
                Some(serial),
            )
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => (
            format!(
                "subject key identifier {}",
                base16ct::upper::encode_string(ski.0.as_bytes())
            ),
            None,
            None,
        ),
    };
    let (signed_attrs_der, message_digest) = match &signer.signed_attrs {
        Some(attrs) => {
            let der_set =
                attrs
                    .to_der()
                    .map_err(|e| CmsReadError::SignedAttributesReencodeFailed {
                        detail: e.to_string(),
                    })?;
            let digest = attrs
                .iter()
                .find(|a| a.oid == MESSAGE_DIGEST)
                .and_then(|a| a.values.iter().next())
                .and_then(|v| v.decode_as::<der::asn1::OctetString>().ok())
                .map(|o| o.as_bytes().to_vec());
            (Some(der_set), digest)
        }
        None => (None, None),
    };
    let (content, content_error) = match serde_json::from_slice::<Value>(&econtent) {
        Ok(value) => (Some(value), None),
        Err(e) => (None, Some(format!("the signed content is not JSON: {e}"))),
    };
    Ok(PkiToken {
        content,
        content_error,
        details: PkiDetails {
            format,
            digest_algorithm: algorithm_name(&signer.digest_alg.oid),
            signature_algorithm: algorithm_name(&signer.signature_algorithm.oid),
            signer: signer_text,
            certificates_included: signed.certificates.as_ref().map_or(0, |c| c.0.len()),
            content_bytes: econtent.len(),
        },
        econtent,
        signed_attrs_der,
        message_digest,
        signature: signer.signature.as_bytes().to_vec(),
        signer_issuer,
        signer_serial,
    })
}

fn algorithm_name(oid: &der::oid::ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "2.16.840.1.101.3.4.2.1" => "SHA-256".into(),
        "2.16.840.1.101.3.4.2.2" => "SHA-384".into(),
        "2.16.840.1.101.3.4.2.3" => "SHA-512".into(),
        "1.3.14.3.2.26" => "SHA-1".into(),
        "1.2.840.113549.1.1.1" => "RSA (PKCS #1 v1.5)".into(),
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption".into(),
        other => other.to_string(),
    }
}

/// Verifies the CMS signature with the supplied certificates' keys.
pub fn verify(token: &PkiToken, keys: &KeySet) -> (SignatureStatus, String) {
    let candidates: Vec<_> = keys
        .keys
        .iter()
        .filter(|k| matches!(k.material, KeyMaterial::Rsa(_)))
        .collect();
    if candidates.is_empty() {
        let message = if keys.is_empty() {
            "Not checked: supply Keystone's signing certificate (signing_cert.pem) to verify the CMS signature."
        } else {
            "Not checked: a Keystone PKI token is signed with RSA; supply Keystone's signing certificate."
        };
        return (SignatureStatus::Unchecked, message.into());
    }
    if let (Some(expected), Some(_)) = (&token.message_digest, &token.signed_attrs_der)
        && sha2::Sha256::digest(&token.econtent).as_slice() != expected.as_slice()
    {
        return (
            SignatureStatus::Invalid,
            "Not valid: the content's SHA-256 differs from the signed message digest.".into(),
        );
    }
    let signed = token.signed_attrs_der.as_deref().unwrap_or(&token.econtent);
    for key in &candidates {
        let KeyMaterial::Rsa(rsa_key) = &key.material else {
            continue;
        };
        let verifier = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(rsa_key.clone());
        let ok = rsa::pkcs1v15::Signature::try_from(token.signature.as_slice())
            .is_ok_and(|s| rsa::signature::Verifier::verify(&verifier, signed, &s).is_ok());
        if ok {
            let named = match (&key.certificate, &token.signer_serial) {
                (Some(cert), Some(serial))
                    if cert.serial == base16ct::upper::encode_string(serial) =>
                {
                    " — the certificate the token names as its signer"
                }
                _ => "",
            };
            return (
                SignatureStatus::Valid,
                format!(
                    "CMS signature verified with {} ({}){named}.",
                    key.label,
                    key.material.describe()
                ),
            );
        }
    }
    let signer = token.signer_issuer.as_deref().unwrap_or("the signer");
    let tried = candidates
        .iter()
        .map(|k| k.label.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    (
        SignatureStatus::Invalid,
        format!(
            "CMS signature does not match {tried} (the token names {signer} as its signer's issuer)."
        ),
    )
}

#[cfg(test)]
mod tests;
