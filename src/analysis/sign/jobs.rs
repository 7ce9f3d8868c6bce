//! The worker's answers to the encoder's [`SignJob`] and [`KeygenJob`]:
//! the protocol's plain data in, [`super`]'s functions in between.

use super::keygen::{self, KeySpec};
use super::{Layout, SigningKey, export, key_text};
use crate::analysis::job::make::{
    GeneratedKey, KeygenAnswer, KeygenJob, MakeKey, PublicForms, RefusalToken, RefuseAnswer,
    RefuseJob, SignAnswer, SignJob, SignedToken,
};
use crate::analysis::vocab::JwsAlg;
use rsa::rand_core::TryCryptoRng;

/// The protocol's public forms of an exported key. A secret has none: its
/// JWK is the secret itself, given only as the private part.
fn public_part(key: &SigningKey, exported: &export::PublicForms) -> PublicForms {
    let pretty = |value| serde_json::to_string_pretty(value).unwrap_or_default();
    match key {
        SigningKey::Private(_) => PublicForms {
            pem: exported.pem.clone(),
            jwk: pretty(&exported.jwk),
            jwks: pretty(&exported.jwks),
            kid: exported.kid.clone(),
        },
        SigningKey::Secret(_) => PublicForms {
            pem: None,
            jwk: String::new(),
            jwks: String::new(),
            kid: exported.kid.clone(),
        },
    }
}

/// The protocol's key, read: a private key's text or a typed secret.
fn read_key(key: &MakeKey) -> Result<SigningKey, String> {
    match key {
        MakeKey::Text(text) => key_text::signing_key(text).map_err(|e| e.to_string()),
        MakeKey::Secret { text, encoding } => {
            key_text::secret(text, *encoding).map_err(|e| e.to_string())
        }
    }
}

/// Signs the job's token.
pub fn sign<R: TryCryptoRng + ?Sized>(job: &SignJob, rng: &mut R) -> SignAnswer {
    let result = read_key(&job.key).and_then(|key| {
        let signed = super::sign(
            &job.header,
            &job.payload,
            &key,
            Layout::Compact,
            job.now,
            rng,
        )
        .map_err(|e| e.to_string())?;
        let kid = serde_json::from_str::<serde_json::Value>(&job.header)
            .ok()
            .and_then(|h| h.get("kid").and_then(|k| k.as_str()).map(str::to_string));
        Ok(SignedToken {
            token: signed.token,
            warnings: signed.warnings,
            public: export::public_forms(&key, signed.alg, kid.as_deref())
                .ok()
                .map(|exported| public_part(&key, &exported)),
        })
    });
    SignAnswer { id: job.id, result }
}

/// Makes the job's key.
pub fn keygen<R: TryCryptoRng + ?Sized>(job: &KeygenJob, rng: &mut R) -> KeygenAnswer {
    let result = (|| {
        let alg = JwsAlg::parse(&job.alg)
            .ok_or_else(|| format!("\"{}\" is no algorithm to make a key for", job.alg))?;
        let spec = match (KeySpec::for_alg(alg), job.rsa_bits) {
            (KeySpec::Rsa(_), Some(bits)) => KeySpec::Rsa(bits),
            (spec, _) => spec,
        };
        let key = keygen::generate(spec, rng).map_err(|e| e.to_string())?;
        let exported =
            export::public_forms(&key, alg, job.kid.as_deref()).map_err(|e| e.to_string())?;
        let private = match &key {
            SigningKey::Private(private) => {
                export::private_pkcs8_pem(private).map_err(|e| e.to_string())?
            }
            SigningKey::Secret(_) => {
                serde_json::to_string_pretty(&exported.jwk).unwrap_or_default()
            }
        };
        let public = public_part(&key, &exported);
        Ok(GeneratedKey {
            description: spec.describe(),
            private,
            public,
        })
    })();
    KeygenAnswer { id: job.id, result }
}

/// Makes the job's refusal set (`refusals::refusal_set`).
pub fn refuse<R: TryCryptoRng + ?Sized>(job: &RefuseJob, rng: &mut R) -> RefuseAnswer {
    let result = read_key(&job.key).and_then(|key| {
        let set = super::refusals::refusal_set(
            &job.token,
            &key,
            job.now,
            Some(job.header_line.as_str()).filter(|line| !line.trim().is_empty()),
            rng,
        )
        .map_err(|e| e.to_string())?;
        Ok(set
            .into_iter()
            .map(|refusal| RefusalToken {
                case: refusal.case.as_str().to_string(),
                reason: refusal.reason,
                token: refusal.token,
                curl: refusal.curl,
            })
            .collect())
    });
    RefuseAnswer { id: job.id, result }
}
