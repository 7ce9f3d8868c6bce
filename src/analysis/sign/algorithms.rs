//! One signature per algorithm, with RustCrypto: HMAC (RFC 7518 §3.2),
//! RSASSA-PKCS1-v1_5 (§3.3), ECDSA with deterministic nonces (§3.4,
//! RFC 6979), RSASSA-PSS with a salt as long as the hash (§3.5), and
//! Ed25519 (RFC 8037 §3.1).

use super::{SignError, SigningKey};
use crate::analysis::keys::RSA_MIN_SECURE_BITS;
use crate::analysis::keys::material::{Curve, KeyMaterial};
use crate::analysis::keys::private::PrivateKey;
use crate::analysis::verify::alg::KeyKind;
use crate::analysis::vocab::JwsAlg;
use hmac::{KeyInit, Mac};
use rsa::rand_core::TryCryptoRng;
use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use sha2::{Sha256, Sha384, Sha512};

fn crypto(error: impl std::fmt::Display) -> SignError {
    SignError::Crypto(error.to_string())
}

/// The signature of `input` under `alg` with `key`.
///
/// # Errors
/// [`SignError::KeyDoesNotFit`] when the key is of another kind, or the
/// cryptography's own error.
pub fn signature<R: TryCryptoRng + ?Sized>(
    alg: JwsAlg,
    key: &SigningKey,
    input: &[u8],
    rng: &mut R,
) -> Result<Vec<u8>, SignError> {
    let misfit = || SignError::KeyDoesNotFit {
        alg,
        needs: alg.key_kind().describe_half("private"),
        given: key.describe(),
    };
    match (alg, key) {
        (JwsAlg::HS256, SigningKey::Secret(k)) => hmac::<hmac::Hmac<Sha256>>(k, input),
        (JwsAlg::HS384, SigningKey::Secret(k)) => hmac::<hmac::Hmac<Sha384>>(k, input),
        (JwsAlg::HS512, SigningKey::Secret(k)) => hmac::<hmac::Hmac<Sha512>>(k, input),
        (_, SigningKey::Private(PrivateKey::Rsa(k))) if alg.key_kind() == KeyKind::Rsa => {
            rsa_signature(alg, k, input, rng)
        }
        (
            JwsAlg::ES256 | JwsAlg::ES384 | JwsAlg::ES512 | JwsAlg::ES256K,
            SigningKey::Private(PrivateKey::Ec { curve, scalar }),
        ) if alg.key_kind() == KeyKind::Ec(*curve) => ecdsa(*curve, scalar, input),
        (JwsAlg::EdDSA | JwsAlg::Ed25519, SigningKey::Private(PrivateKey::Ed25519(seed))) => {
            use ed25519_dalek::Signer as _;
            Ok(ed25519_dalek::SigningKey::from_bytes(seed)
                .sign(input)
                .to_bytes()
                .to_vec())
        }
        (_, SigningKey::Private(PrivateKey::MlDsa { level, seed }))
            if alg.key_kind() == KeyKind::MlDsa(*level) =>
        {
            crate::analysis::keys::ml_dsa::sign(*level, seed, input).map_err(SignError::Crypto)
        }
        _ => Err(misfit()),
    }
}

fn hmac<M: Mac + KeyInit>(secret: &[u8], input: &[u8]) -> Result<Vec<u8>, SignError> {
    let mut mac = <M as KeyInit>::new_from_slice(secret).map_err(crypto)?;
    mac.update(input);
    Ok(mac.finalize().into_bytes().to_vec())
}

/// RSASSA-PKCS1-v1_5 (deterministic) or RSASSA-PSS with a salt as long
/// as the hash (RFC 7518 §3.5).
fn rsa_signature<R: TryCryptoRng + ?Sized>(
    alg: JwsAlg,
    key: &rsa::PrivateKey,
    input: &[u8],
    rng: &mut R,
) -> Result<Vec<u8>, SignError> {
    use rsa::{pkcs1v15, pss};
    let key = key.clone();
    let signature = match alg {
        JwsAlg::RS256 => pkcs1v15::SigningKey::<Sha256>::new(key)
            .try_sign(input)
            .map(|s| s.to_vec()),
        JwsAlg::RS384 => pkcs1v15::SigningKey::<Sha384>::new(key)
            .try_sign(input)
            .map(|s| s.to_vec()),
        JwsAlg::RS512 => pkcs1v15::SigningKey::<Sha512>::new(key)
            .try_sign(input)
            .map(|s| s.to_vec()),
        JwsAlg::PS256 => pss::SigningKey::<Sha256>::new(key)
            .try_sign_with_rng(rng, input)
            .map(|s| s.to_vec()),
        JwsAlg::PS384 => pss::SigningKey::<Sha384>::new(key)
            .try_sign_with_rng(rng, input)
            .map(|s| s.to_vec()),
        JwsAlg::PS512 => pss::SigningKey::<Sha512>::new(key)
            .try_sign_with_rng(rng, input)
            .map(|s| s.to_vec()),
        other => {
            return Err(SignError::Crypto(format!(
                "{} is not an RSA algorithm",
                other.name()
            )));
        }
    };
    signature.map_err(crypto)
}

/// ECDSA with the curve's hash and RFC 6979 nonces; r ‖ s, each the
/// field's length (RFC 7518 §3.4).
fn ecdsa(curve: Curve, scalar: &[u8], input: &[u8]) -> Result<Vec<u8>, SignError> {
    Ok(match curve {
        Curve::P256 => {
            let key = p256::ecdsa::SigningKey::from_slice(scalar).map_err(crypto)?;
            let signature: p256::ecdsa::Signature = key.try_sign(input).map_err(crypto)?;
            signature.to_bytes().to_vec()
        }
        Curve::P384 => {
            let key = p384::ecdsa::SigningKey::from_slice(scalar).map_err(crypto)?;
            let signature: p384::ecdsa::Signature = key.try_sign(input).map_err(crypto)?;
            signature.to_bytes().to_vec()
        }
        Curve::P521 => {
            let key = p521::ecdsa::SigningKey::from_slice(scalar).map_err(crypto)?;
            let signature: p521::ecdsa::Signature = key.try_sign(input).map_err(crypto)?;
            signature.to_bytes().to_vec()
        }
        // RFC 8812 §3.2: SHA-256 on secp256k1; k256 signs low-S.
        Curve::Secp256k1 => {
            let key = k256::ecdsa::SigningKey::from_slice(scalar).map_err(crypto)?;
            let signature: k256::ecdsa::Signature = key.try_sign(input).map_err(crypto)?;
            signature.to_bytes().to_vec()
        }
    })
}

/// What the maker of a token should know about its key: an HMAC secret
/// shorter than the hash (RFC 7518 §3.2 requires at least that many
/// bytes), an RSA key under 2048 bits (§3.3).
pub fn key_warnings(alg: JwsAlg, key: &SigningKey) -> Vec<String> {
    let mut warnings = Vec::new();
    match key {
        SigningKey::Secret(secret) if secret.len() < alg.hash_bytes() => warnings.push(format!(
            "the secret is {} bytes; RFC 7518 §3.2 requires at least {} for {}, and strict verifiers refuse it",
            secret.len(),
            alg.hash_bytes(),
            alg.name()
        )),
        SigningKey::Private(private) => {
            if let Ok(KeyMaterial::Rsa(public)) = private.public()
                && public.n().bit_width() < RSA_MIN_SECURE_BITS as u32
            {
                warnings.push(format!(
                    "the RSA key is {} bits; RFC 7518 §3.3 requires at least {RSA_MIN_SECURE_BITS}, and strict verifiers refuse it",
                    public.n().bit_width()
                ));
            }
        }
        SigningKey::Secret(_) => {}
    }
    warnings
}
