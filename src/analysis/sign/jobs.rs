//! The worker's answers to the encoder's [`SignJob`] and [`KeygenJob`]:
//! the protocol's plain data in, [`super`]'s functions in between.

use super::keygen::{self, KeySpec};
use super::{Layout, SigningKey, export, key_text};
use crate::analysis::job::make::{
    GeneratedKey, KeygenAnswer, KeygenJob, MakeKey, PublicForms, SignAnswer, SignJob, SignedToken,
};
use crate::analysis::keys::secret;
use crate::analysis::vocab::{JwsAlg, SecretEncoding};
use rsa::rand_core::TryCryptoRng;

fn forms(key: &SigningKey, alg: JwsAlg, kid: Option<&str>) -> Result<PublicForms, String> {
    let forms = export::public_forms(key, alg, kid).map_err(|e| e.to_string())?;
    Ok(PublicForms {
        pem: forms.pem,
        jwk: serde_json::to_string_pretty(&forms.jwk).unwrap_or_default(),
        jwks: serde_json::to_string_pretty(&forms.jwks).unwrap_or_default(),
        kid: forms.kid,
    })
}

/// Signs the job's token.
pub fn sign<R: TryCryptoRng + ?Sized>(job: &SignJob, rng: &mut R) -> SignAnswer {
    let key = match &job.key {
        MakeKey::Text(text) => key_text::signing_key(text).map_err(|e| e.to_string()),
        MakeKey::Secret { text, encoding } => {
            let encoding = match encoding {
                SecretEncoding::Auto => SecretEncoding::Text,
                other => *other,
            };
            secret::decode(text, encoding)
                .map(SigningKey::Secret)
                .map_err(|e| e.to_string())
        }
    };
    let result = key.and_then(|key| {
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
            public: forms(&key, signed.alg, kid.as_deref()).ok(),
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
        let public = forms(&key, alg, job.kid.as_deref())?;
        let private = match &key {
            SigningKey::Private(private) => {
                export::private_pkcs8_pem(private).map_err(|e| e.to_string())?
            }
            SigningKey::Secret(_) => {
                let forms = export::public_forms(&key, alg, job.kid.as_deref())
                    .map_err(|e| e.to_string())?;
                serde_json::to_string_pretty(&forms.jwk).unwrap_or_default()
            }
        };
        Ok(GeneratedKey {
            description: spec.describe(),
            private,
            public,
        })
    })();
    KeygenAnswer { id: job.id, result }
}
