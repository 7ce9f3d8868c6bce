//! Key fingerprints people compare against a `kid`: the RFC 7638 JWK
//! thumbprint, the SHA-256 of the DER SubjectPublicKeyInfo, and the libtrust
//! key ID that Docker registries put in `kid` (docker/libtrust util.go
//! `keyIDFromCryptoKey`: SHA-256 of the DER SPKI, first 240 bits, base32
//! without padding, twelve groups of four joined by `:`).

use super::material::KeyMaterial;
use crate::analysis::base64url;
pub use crate::analysis::key_report::Fingerprints;
use rsa::traits::PublicKeyParts;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// Computes the fingerprints of a key.
pub fn fingerprints_of(material: &KeyMaterial, spki_der: Option<&[u8]>) -> Fingerprints {
    Fingerprints {
        jwk_thumbprint: jwk_thumbprint(material),
        spki_sha256: spki_der.map(|der| base16ct::lower::encode_string(&Sha256::digest(der))),
        libtrust_key_id: spki_der.map(libtrust_key_id),
    }
}

/// The public JWK's required members (RFC 7518 §6.2.1, §6.3.1, RFC 8037
/// §2) in lexicographic order, as RFC 7638 §3.2 hashes them; `None` for a
/// secret, which has no public form.
pub fn public_jwk_members(material: &KeyMaterial) -> Option<Map<String, Value>> {
    let members: Vec<(&str, String)> = match material {
        KeyMaterial::Rsa(key) => vec![
            ("e", base64url::encode(&unsigned(&key.e().to_be_bytes()))),
            ("kty", "RSA".into()),
            ("n", base64url::encode(&unsigned(&key.n().to_be_bytes()))),
        ],
        KeyMaterial::Ec { curve, point, .. } => {
            let size = curve.field_bytes();
            vec![
                ("crv", curve.jwk_name().into()),
                ("kty", "EC".into()),
                ("x", base64url::encode(&point[1..=size])),
                ("y", base64url::encode(&point[1 + size..])),
            ]
        }
        KeyMaterial::Ed25519(key) => vec![
            ("crv", "Ed25519".into()),
            ("kty", "OKP".into()),
            ("x", base64url::encode(key.as_bytes())),
        ],
        KeyMaterial::X25519(public) => vec![
            ("crv", "X25519".into()),
            ("kty", "OKP".into()),
            ("x", base64url::encode(public)),
        ],
        // draft-ietf-cose-dilithium: the AKP thumbprint members.
        KeyMaterial::MlDsa { level, public } => vec![
            ("alg", level.name().into()),
            ("kty", "AKP".into()),
            ("pub", base64url::encode(public)),
        ],
        KeyMaterial::Hmac(_) => return None,
    };
    Some(
        members
            .into_iter()
            .map(|(name, value)| (name.to_string(), Value::String(value)))
            .collect(),
    )
}

/// RFC 7638 §3.2: the required members in lexicographic order, no spaces.
pub fn jwk_thumbprint(material: &KeyMaterial) -> Option<String> {
    let canonical = Value::Object(public_jwk_members(material)?).to_string();
    Some(base64url::encode(&Sha256::digest(canonical.as_bytes())))
}

fn unsigned(bytes: &[u8]) -> Vec<u8> {
    let start = bytes
        .iter()
        .position(|b| *b != 0)
        .unwrap_or(bytes.len().saturating_sub(1));
    bytes[start..].to_vec()
}

/// The libtrust key ID of a DER SubjectPublicKeyInfo.
pub fn libtrust_key_id(spki_der: &[u8]) -> String {
    let digest = Sha256::digest(spki_der);
    let encoded =
        <base32ct::Base32UpperUnpadded as base32ct::Encoding>::encode_string(&digest[..30]);
    let symbols: Vec<char> = encoded.chars().collect();
    symbols
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::keys::jwk;
    use serde_json::json;

    /// RFC 7638 §3.1's example key and thumbprint.
    #[test]
    fn rfc7638_example_thumbprint() {
        let key = jwk::parse(json!({"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}).as_object().unwrap()).unwrap();
        assert_eq!(
            jwk_thumbprint(&key.material).unwrap(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }
}
