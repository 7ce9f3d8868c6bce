//! The tokens a service must refuse, made from one valid token and its
//! key: for testing services you are responsible for. Each case is a
//! known way verifiers have been fooled (RFC 8725 §2 and §3 name most of
//! them); a service that accepts any of them has a hole.

use super::{Layout, SignError, SigningKey, keygen};
use crate::analysis::base64url;
use crate::analysis::json;
use crate::analysis::keys::der::spki_der_for;
use crate::analysis::keys::fingerprint::public_jwk_members;
use crate::analysis::vocab::{JwsAlg, vocabulary};
use rsa::rand_core::TryCryptoRng;
use serde_json::{Map, Value};

pub use crate::analysis::job::make::RESPONSIBLE_USE;

vocabulary! {
    /// One way a forged or altered token should be refused (the `case` of
    /// `jwt-inspect forge --negative`).
    pub enum RefusalCase {
        /// `alg: none` with no signature (RFC 8725 §2.1).
        AlgNone = "alg-none",
        /// `alg: None`: the same, for case-insensitive checks.
        AlgNoneCapitalised = "alg-none-capitalised",
        /// `alg: NONE`.
        AlgNoneUpper = "alg-none-upper",
        /// HS256 keyed with the service's public key as PEM text
        /// (algorithm confusion, RFC 8725 §2.1, §3.1).
        ConfusionPem = "hs256-public-key-pem",
        /// HS256 keyed with the public key's DER.
        ConfusionDer = "hs256-public-key-der",
        /// Re-signed with `exp` an hour ago (RFC 7519 §4.1.4).
        Expired = "expired",
        /// Re-signed with `nbf` an hour ahead (RFC 7519 §4.1.5).
        NotYetValid = "not-yet-valid",
        /// Re-signed for another audience (RFC 7519 §4.1.3).
        OtherAudience = "other-audience",
        /// Re-signed as another issuer (RFC 7519 §4.1.1).
        OtherIssuer = "other-issuer",
        /// One bit of the signature flipped.
        FlippedSignatureBit = "flipped-signature-bit",
        /// The signature removed, `alg` kept.
        StrippedSignature = "stripped-signature",
        /// Signed with a new key that the header carries as `jwk`
        /// (CVE-2018-0114).
        EmbeddedJwk = "embedded-jwk",
        /// A `kid` naming a file, HS256 with an empty key (a service that
        /// loads keys by kid from disk would read /dev/null).
        KidPathTraversal = "kid-path-traversal",
        /// ES256 with r = s = 0 (CVE-2022-21449, "psychic signatures").
        PsychicSignature = "psychic-es256",
    }
}

/// One token a service must refuse.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// Which case.
    pub case: RefusalCase,
    /// Why a service must refuse it, in one line.
    pub reason: String,
    /// The token.
    pub token: String,
    /// A curl command sending it, with the issuer's header.
    pub curl: String,
}

/// Why no refusal set could be made.
#[derive(Debug, Clone, PartialEq)]
pub enum RefusalError {
    /// The token is not a compact JWS with a JSON header and payload.
    NotAJws(String),
    /// Re-signing failed.
    Sign(SignError),
    /// The starting token's signature is not the given key's.
    NotSignedByKey,
    /// The header line has no `<token>` to replace.
    HeaderLine(String),
}

impl std::fmt::Display for RefusalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RefusalError::NotAJws(why) => {
                write!(f, "the token to start from must be a signed JWT: {why}")
            }
            RefusalError::Sign(error) => error.fmt(f),
            RefusalError::NotSignedByKey => f.write_str("the starting token is not signed by the key given: start from a valid token of your service and the key that signs it"),
            RefusalError::HeaderLine(line) => write!(f, "the header line \"{line}\" has no <token> to replace (e.g. 'Authorization: Bearer <token>')"),
        }
    }
}

/// A compact JWS's header and claims, decoded.
struct Parts {
    header: Map<String, Value>,
    claims: Map<String, Value>,
}

fn segment_json(segment: &str, what: &str) -> Result<Map<String, Value>, RefusalError> {
    let bytes = base64url::decode_segment(segment)
        .map_err(|e| RefusalError::NotAJws(format!("its {what} is not base64url ({e})")))?
        .bytes;
    let text = String::from_utf8(bytes)
        .map_err(|_| RefusalError::NotAJws(format!("its {what} is not UTF-8")))?;
    match json::parse(&text) {
        Ok(parsed) => match parsed.value {
            Value::Object(members) => Ok(members),
            _ => Err(RefusalError::NotAJws(format!(
                "its {what} is not a JSON object"
            ))),
        },
        Err(e) => Err(RefusalError::NotAJws(format!(
            "its {what} is not JSON ({})",
            e.problem
        ))),
    }
}

fn split(token: &str) -> Result<Parts, RefusalError> {
    let segments: Vec<&str> = token.trim().split('.').collect();
    let [header, payload, _signature] = segments[..] else {
        return Err(RefusalError::NotAJws(format!(
            "it has {} segments, not three",
            segments.len()
        )));
    };
    Ok(Parts {
        header: segment_json(header, "header")?,
        claims: segment_json(payload, "payload")?,
    })
}

fn encode(header: &Map<String, Value>, claims: &Map<String, Value>) -> String {
    format!(
        "{}.{}",
        base64url::encode(Value::Object(header.clone()).to_string().as_bytes()),
        base64url::encode(Value::Object(claims.clone()).to_string().as_bytes())
    )
}

/// The refusal set for `token`, signed by `key`; `now` sets the times,
/// `header_line` is how the service takes a token
/// (`Authorization: Bearer <token>` when `None`).
///
/// # Errors
/// [`RefusalError::NotAJws`] for a token that is not a signed JWT, or why
/// re-signing failed (a key that does not fit its `alg`).
pub fn refusal_set<R: TryCryptoRng + ?Sized>(
    token: &str,
    key: &SigningKey,
    now: i64,
    header_line: Option<&str>,
    rng: &mut R,
) -> Result<Vec<Refusal>, RefusalError> {
    let parts = split(token)?;
    let alg_name = parts
        .header
        .get("alg")
        .and_then(Value::as_str)
        .unwrap_or("");
    let alg = JwsAlg::parse(alg_name).ok_or_else(|| {
        RefusalError::NotAJws(format!(
            "its alg \"{alg_name}\" is not one this tool signs with"
        ))
    })?;
    let header_line = header_line.unwrap_or("Authorization: Bearer <token>");
    if !header_line.contains("<token>") {
        return Err(RefusalError::HeaderLine(header_line.to_string()));
    }
    // The starting token must be the key's: otherwise every case would be
    // refused for its signature alone, and prove nothing.
    let (input, signature) = token.trim().rsplit_once('.').unwrap_or_default();
    let verifying = key.verifying_material();
    let signature = base64url::decode_segment(signature)
        .map(|d| d.bytes)
        .unwrap_or_default();
    if !verifying.is_some_and(|material| {
        crate::analysis::verify::alg::verify(alg, &material, input.as_bytes(), &signature).is_ok()
    }) {
        return Err(RefusalError::NotSignedByKey);
    }
    // Every case starts from claims that are otherwise acceptable now
    // (issued now, an hour to live, no nbf), so exactly one thing is
    // wrong with each.
    let mut base = parts.claims.clone();
    base.insert("iat".into(), Value::from(now));
    base.insert("exp".into(), Value::from(now.saturating_add(3600)));
    base.remove("nbf");
    let parts = Parts {
        header: parts.header,
        claims: base,
    };
    let mut set = Vec::new();
    let mut push = |case: RefusalCase, reason: &str, token: String| {
        let curl = format!(
            "curl -sS -o /dev/null -w '%{{http_code}}\\n' -H '{}' \"$SERVICE_URL\"",
            header_line.replace("<token>", &token)
        );
        set.push(Refusal {
            case,
            reason: reason.to_string(),
            token,
            curl,
        });
    };
    let resign = |header: &Map<String, Value>, claims: &Map<String, Value>, rng: &mut R| {
        super::sign(
            &Value::Object(header.clone()).to_string(),
            &Value::Object(claims.clone()).to_string(),
            key,
            Layout::Compact,
            now,
            rng,
        )
        .map(|signed| signed.token)
        .map_err(RefusalError::Sign)
    };
    resign(&parts.header, &parts.claims, rng)?;

    for (case, name) in [
        (RefusalCase::AlgNone, "none"),
        (RefusalCase::AlgNoneCapitalised, "None"),
        (RefusalCase::AlgNoneUpper, "NONE"),
    ] {
        let mut header = parts.header.clone();
        header.insert("alg".into(), Value::String(name.into()));
        push(
            case,
            &format!(
                "alg \"{name}\" and no signature: an unsecured token is never accepted where a signed one is expected (RFC 8725 §2.1)"
            ),
            format!("{}.", encode(&header, &parts.claims)),
        );
    }
    if let Some(public) = key.public() {
        let mut header = parts.header.clone();
        header.insert("alg".into(), Value::String("HS256".into()));
        let input = encode(&header, &parts.claims);
        if let Some(der) = spki_der_for(&public) {
            let pem = pem_rfc7468::encode_string("PUBLIC KEY", pem_rfc7468::LineEnding::LF, &der)
                .unwrap_or_default();
            for (case, secret, form) in [
                (RefusalCase::ConfusionPem, pem.into_bytes(), "PEM text"),
                (RefusalCase::ConfusionDer, der, "DER bytes"),
            ] {
                let mac = super::algorithms::signature(
                    JwsAlg::HS256,
                    &SigningKey::Secret(secret),
                    input.as_bytes(),
                    rng,
                )
                .map_err(RefusalError::Sign)?;
                push(
                    case,
                    &format!(
                        "HS256 keyed with the service's public key ({form}): a verifier that lets the token choose the algorithm accepts it (algorithm confusion, RFC 8725 §3.1)"
                    ),
                    format!("{input}.{}", base64url::encode(&mac)),
                );
            }
        }
    }
    let claim_cases: [(RefusalCase, &str, &str, Value); 4] = [
        (
            RefusalCase::Expired,
            "exp",
            "expired an hour ago, correctly signed: exp must be enforced (RFC 7519 §4.1.4)",
            Value::from(now.saturating_sub(3600)),
        ),
        (
            RefusalCase::NotYetValid,
            "nbf",
            "not valid for another hour, correctly signed: nbf must be enforced (RFC 7519 §4.1.5)",
            Value::from(now.saturating_add(3600)),
        ),
        (
            RefusalCase::OtherAudience,
            "aud",
            "for another audience, correctly signed: a service accepts only tokens meant for it (RFC 7519 §4.1.3)",
            Value::from("https://another-audience.invalid"),
        ),
        (
            RefusalCase::OtherIssuer,
            "iss",
            "from another issuer, correctly signed by the same key: a service checks who issued it (RFC 7519 §4.1.1)",
            Value::from("https://another-issuer.invalid"),
        ),
    ];
    for (case, claim, reason, value) in claim_cases {
        let mut claims = parts.claims.clone();
        if case == RefusalCase::NotYetValid {
            // Valid for an hour once it starts: only nbf is wrong.
            claims.insert("exp".into(), Value::from(now.saturating_add(7200)));
        }
        if case == RefusalCase::Expired {
            claims.insert("iat".into(), Value::from(now.saturating_sub(7200)));
            claims.remove("nbf");
        }
        claims.insert(claim.into(), value);
        push(case, reason, resign(&parts.header, &claims, rng)?);
    }
    let original = resign(&parts.header, &parts.claims, rng)?;
    let (input, signature) = original.rsplit_once('.').unwrap_or((&original, ""));
    let mut flipped = base64url::decode_segment(signature)
        .map(|d| d.bytes)
        .unwrap_or_default();
    if let Some(first) = flipped.first_mut() {
        *first ^= 0x01;
    }
    push(
        RefusalCase::FlippedSignatureBit,
        "one bit of the signature flipped: the signature no longer matches",
        format!("{input}.{}", base64url::encode(&flipped)),
    );
    push(
        RefusalCase::StrippedSignature,
        "the signature removed, alg kept: a signed token without its signature proves nothing",
        format!("{input}."),
    );

    // A new key of the token's kind (or P-256 for HMAC) signs, and the
    // header carries it: only a verifier that trusts the header accepts.
    let attacker_alg = if alg.key_kind() == crate::analysis::verify::alg::KeyKind::Hmac {
        JwsAlg::ES256
    } else {
        alg
    };
    let attacker = keygen::generate(keygen::KeySpec::for_alg(attacker_alg), rng)
        .map_err(RefusalError::Sign)?;
    if let Some(members) = attacker.public().as_ref().and_then(public_jwk_members) {
        let mut header = parts.header.clone();
        header.insert("alg".into(), Value::String(attacker_alg.name().into()));
        header.insert("jwk".into(), Value::Object(members));
        header.remove("kid");
        let token = super::sign(
            &Value::Object(header).to_string(),
            &Value::Object(parts.claims.clone()).to_string(),
            &attacker,
            Layout::Compact,
            now,
            rng,
        )
        .map_err(RefusalError::Sign)?
        .token;
        push(
            RefusalCase::EmbeddedJwk,
            "signed with a stranger's key that the header itself supplies as jwk: a verifier must never trust a key the token brings (CVE-2018-0114)",
            token,
        );
    }
    let mut header = parts.header.clone();
    header.insert("alg".into(), Value::String("HS256".into()));
    header.insert(
        "kid".into(),
        Value::String("../../../../../../../dev/null".into()),
    );
    let input = encode(&header, &parts.claims);
    let mac = super::algorithms::signature(
        JwsAlg::HS256,
        &SigningKey::Secret(Vec::new()),
        input.as_bytes(),
        rng,
    )
    .map_err(RefusalError::Sign)?;
    push(
        RefusalCase::KidPathTraversal,
        "kid names a file and the token is HS256 with an empty key: a service that loads keys by kid from disk would verify it with /dev/null",
        format!("{input}.{}", base64url::encode(&mac)),
    );

    let mut header = parts.header.clone();
    header.insert("alg".into(), Value::String("ES256".into()));
    push(
        RefusalCase::PsychicSignature,
        "ES256 with r = s = 0: Java 15–18 accepted it for any key (CVE-2022-21449)",
        format!(
            "{}.{}",
            encode(&header, &parts.claims),
            base64url::encode(&[0; 64])
        ),
    );
    Ok(set)
}
