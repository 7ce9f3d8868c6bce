//! `jwt-inspect sign`, `keygen` and `forge --negative`: making tokens and
//! keys (issue 13). Private keys and secrets are read from files, never
//! from the command line, where they would land in shell history and
//! process listings.

use crate::analysis::expectations::parse_duration;
use crate::analysis::sign::keygen::{self, KeySpec, RSA_SIZES};
use crate::analysis::sign::refusals::{self, RESPONSIBLE_USE};
use crate::analysis::sign::{self, Layout, SigningKey, export, key_text};
use crate::analysis::vocab::{JwsAlg, SecretEncoding};
use serde_json::{Map, Value, json};
use std::ffi::OsString;

pub const USAGE: &str = "\
Usage: jwt-inspect sign --alg ALG (--key FILE | --secret-file FILE [--secret-encoding ENC])
                        [--header JSON] [--payload JSON | --payload-file FILE]
                        [--iat now|UNIX] [--nbf now|+DURATION|UNIX] [--exp +DURATION|UNIX]
                        [--kid KID] [--now UNIX_SECONDS]
       jwt-inspect sign --batch < JOBS.jsonl
       jwt-inspect keygen --alg ALG [--bits 2048|3072|4096] [--kid KID] [--out PREFIX]
       jwt-inspect forge --negative (--key FILE | --secret-file FILE [--secret-encoding ENC])
                         [--header-line 'Authorization: Bearer <token>'] [--now UNIX_SECONDS] < TOKEN

sign    prints a signed JWT (JWS compact serialization). ALG is HS256/384/512,
        RS256/384/512, PS256/384/512, ES256/384/512, EdDSA or Ed25519. The
        header's members keep their order; `alg` (and `kid`) are set from
        the flags. --exp +30m sets exp to now + 30 minutes (s, m, h, d).
        Warnings (a short secret, an exp in the past) go to stderr.
        --batch signs many: every input line is {\"id\", \"header\", \"payload\",
        \"key\"} (header and payload as JSON texts, key as a key file's text,
        an oct JWK for a secret), every output line {\"id\", \"token\",
        \"warnings\"} or {\"id\", \"error\"}.
keygen  makes a key for ALG: prints the private key as PKCS#8 PEM to stdout
        and the public JWK to stderr; with --out PREFIX writes PREFIX.key.pem
        (mode 600), PREFIX.pub.pem and PREFIX.jwks.json instead. For HS*
        the secret is printed as a JWK (kty oct). The kid defaults to the
        RFC 7638 thumbprint.
forge   --negative reads a valid token on stdin and prints the tokens a
        service must refuse, one JSON line each: {\"case\", \"reason\",
        \"token\", \"curl\"}. For testing services you are responsible for.

The key FILE is PEM (PKCS#8, PKCS#1, SEC1 or OpenSSH private key) or a JWK
or JWKS holding `d` (or a kty oct JWK); the secret file is read like
--secret-file of the inspector (a trailing newline is not part of it).";

/// What `sign`, `keygen` or `forge` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MakeArgs {
    pub command: String,
    pub alg: Option<String>,
    pub key_file: Option<String>,
    pub secret_file: Option<String>,
    pub secret_encoding: SecretEncoding,
    pub header: Option<String>,
    pub payload: Option<String>,
    pub payload_file: Option<String>,
    pub iat: Option<String>,
    pub nbf: Option<String>,
    pub exp: Option<String>,
    pub kid: Option<String>,
    pub now: Option<i64>,
    pub bits: Option<usize>,
    pub out: Option<String>,
    pub negative: bool,
    pub header_line: Option<String>,
    /// `sign --batch`: JSON lines in, one signed token per line out.
    pub batch: bool,
    pub help: bool,
}

/// Whether the first argument names one of these commands.
pub fn is_make_command(first: Option<&OsString>) -> bool {
    first.is_some_and(|a| a == "sign" || a == "keygen" || a == "forge")
}

/// Parses `sign …`, `keygen …` or `forge …`.
///
/// # Errors
/// A sentence saying which argument is wrong.
pub fn parse<I>(args: I) -> Result<MakeArgs, String>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    use lexopt::Arg::{Long, Short, Value};
    let mut parser = lexopt::Parser::from_args(args);
    let mut parsed = MakeArgs::default();
    let text = |value: OsString| {
        value
            .into_string()
            .map_err(|v| format!("{v:?} is not UTF-8"))
    };
    fn value_of(parser: &mut lexopt::Parser, flag: &str) -> Result<String, String> {
        parser
            .value()
            .map_err(|_| format!("{flag} needs a value"))?
            .into_string()
            .map_err(|v| format!("{flag} {v:?} is not UTF-8"))
    }
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => parsed.help = true,
            Long("alg") => parsed.alg = Some(value_of(&mut parser, "--alg")?),
            Long("key") => parsed.key_file = Some(value_of(&mut parser, "--key")?),
            Long("secret-file") => {
                parsed.secret_file = Some(value_of(&mut parser, "--secret-file")?)
            }
            Long("secret-encoding") => {
                let v = value_of(&mut parser, "--secret-encoding")?;
                parsed.secret_encoding = SecretEncoding::parse(&v).ok_or_else(|| {
                    format!("--secret-encoding {v}: use text, base64, base64url, hex or auto")
                })?;
            }
            Long("header") => parsed.header = Some(value_of(&mut parser, "--header")?),
            Long("payload") => parsed.payload = Some(value_of(&mut parser, "--payload")?),
            Long("payload-file") => {
                parsed.payload_file = Some(value_of(&mut parser, "--payload-file")?)
            }
            Long("iat") => parsed.iat = Some(value_of(&mut parser, "--iat")?),
            Long("nbf") => parsed.nbf = Some(value_of(&mut parser, "--nbf")?),
            Long("exp") => parsed.exp = Some(value_of(&mut parser, "--exp")?),
            Long("kid") => parsed.kid = Some(value_of(&mut parser, "--kid")?),
            Long("now") => {
                let v = value_of(&mut parser, "--now")?;
                parsed.now = Some(
                    v.trim()
                        .parse()
                        .map_err(|_| format!("--now {v}: give Unix seconds"))?,
                );
            }
            Long("bits") => {
                let v = value_of(&mut parser, "--bits")?;
                parsed.bits = Some(
                    v.parse()
                        .ok()
                        .filter(|b| RSA_SIZES.contains(b))
                        .ok_or_else(|| format!("--bits {v}: use 2048, 3072 or 4096"))?,
                );
            }
            Long("out") => parsed.out = Some(value_of(&mut parser, "--out")?),
            Long("negative") => parsed.negative = true,
            Long("batch") => parsed.batch = true,
            Long("header-line") => {
                parsed.header_line = Some(value_of(&mut parser, "--header-line")?)
            }
            Value(v) if parsed.command.is_empty() => parsed.command = text(v)?,
            Value(v) => return Err(format!("unexpected argument {:?}", v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(parsed)
}

fn alg(args: &MakeArgs) -> Result<JwsAlg, String> {
    let name = args.alg.as_deref().ok_or("--alg is required")?;
    JwsAlg::parse(name).ok_or_else(|| format!("--alg {name}: use HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, EdDSA or Ed25519"))
}

/// The key from `--key` or `--secret-file`.
fn signing_key(args: &MakeArgs) -> Result<SigningKey, String> {
    match (&args.key_file, &args.secret_file) {
        (Some(file), None) => {
            let text = std::fs::read(file).map_err(|e| format!("cannot read key file {file}: {e}"))?;
            key_text::signing_key(&String::from_utf8_lossy(&text)).map_err(|e| format!("{file}: {e}"))
        }
        (None, Some(file)) => {
            let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read secret file {file}: {e}"))?;
            let text = text.strip_suffix('\n').unwrap_or(&text);
            key_text::secret(text, args.secret_encoding).map_err(|e| format!("{file}: {e}"))
        }
        (Some(_), Some(_)) => Err("give --key or --secret-file, not both".into()),
        (None, None) => Err("give the key to sign with: --key FILE (a private key) or --secret-file FILE (an HMAC secret)".into()),
    }
}

/// An instant from `now`, `+DURATION` or Unix seconds.
fn instant(flag: &str, text: &str, now: i64) -> Result<i64, String> {
    let text = text.trim();
    if text == "now" {
        return Ok(now);
    }
    if let Some(after) = text.strip_prefix('+') {
        return parse_duration(after)
            .and_then(|d| now.checked_add(d))
            .ok_or_else(|| format!("{flag} {text}: give +N with s, m, h or d (+30m), within the years a time can have"));
    }
    text.parse()
        .map_err(|_| format!("{flag} {text}: give now, +DURATION or Unix seconds"))
}

fn object(text: &str, what: &str) -> Result<Map<String, Value>, String> {
    crate::analysis::encode::object(text)
        .map_err(|problem| format!("the {what} is not a JSON object: {problem}"))
}

/// `sign`: the token, and warnings for stderr.
///
/// # Errors
/// What is wrong with the flags, the key or the texts.
pub fn run_sign(args: &MakeArgs, now: i64) -> Result<(String, Vec<String>), String> {
    let alg = alg(args)?;
    let key = signing_key(args)?;
    let mut header = match &args.header {
        Some(text) => object(text, "header")?,
        None => Map::from_iter([("typ".to_string(), Value::from("JWT"))]),
    };
    // `alg` first when it is new; its place is kept when it was given.
    if header.contains_key("alg") {
        header.insert("alg".into(), Value::from(alg.name()));
    } else {
        let mut with_alg = Map::from_iter([("alg".to_string(), Value::from(alg.name()))]);
        with_alg.extend(header);
        header = with_alg;
    }
    if let Some(kid) = &args.kid {
        header.insert("kid".into(), Value::from(kid.as_str()));
    }
    let payload_text = match (&args.payload, &args.payload_file) {
        (Some(text), None) => text.clone(),
        (None, Some(file)) => std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read payload file {file}: {e}"))?,
        (None, None) => "{}".into(),
        (Some(_), Some(_)) => return Err("give --payload or --payload-file, not both".into()),
    };
    let mut claims = object(&payload_text, "payload")?;
    for (flag, claim, value) in [
        ("--iat", "iat", &args.iat),
        ("--nbf", "nbf", &args.nbf),
        ("--exp", "exp", &args.exp),
    ] {
        if let Some(value) = value {
            claims.insert(claim.into(), Value::from(instant(flag, value, now)?));
        }
    }
    let signed = sign::sign(
        &Value::Object(header).to_string(),
        &Value::Object(claims).to_string(),
        &key,
        Layout::Compact,
        now,
        &mut getrandom::SysRng,
    )
    .map_err(|e| e.to_string())?;
    Ok((signed.token, signed.warnings))
}

/// What `keygen` writes: (stdout, stderr, files to write as (name, text, private)).
pub type KeygenOutput = (String, String, Vec<(String, String, bool)>);

/// `keygen`.
///
/// # Errors
/// What is wrong with the flags, or a failed generation.
pub fn run_keygen(args: &MakeArgs) -> Result<KeygenOutput, String> {
    let alg = alg(args)?;
    let spec = match (KeySpec::for_alg(alg), args.bits) {
        (KeySpec::Rsa(_), Some(bits)) => KeySpec::Rsa(bits),
        (_, Some(_)) => {
            return Err(format!(
                "--bits is for RSA; {} keys have a fixed size",
                alg.name()
            ));
        }
        (spec, None) => spec,
    };
    let key = keygen::generate(spec, &mut getrandom::SysRng).map_err(|e| e.to_string())?;
    let forms = export::public_forms(&key, alg, args.kid.as_deref()).map_err(|e| e.to_string())?;
    let jwk = serde_json::to_string_pretty(&forms.jwk).unwrap_or_default();
    let jwks = serde_json::to_string_pretty(&forms.jwks).unwrap_or_default();
    let private = match &key {
        SigningKey::Private(private) => {
            export::private_pkcs8_pem(private).map_err(|e| e.to_string())?
        }
        // A secret's only form is itself: the oct JWK.
        SigningKey::Secret(_) => format!("{jwk}\n"),
    };
    match (&args.out, &forms.pem) {
        (Some(prefix), Some(pem)) => Ok((
            String::new(),
            format!(
                "wrote {prefix}.key.pem (private: keep it secret), {prefix}.pub.pem and {prefix}.jwks.json (kid {})\n",
                forms.kid
            ),
            vec![
                (format!("{prefix}.key.pem"), private, true),
                (format!("{prefix}.pub.pem"), pem.clone(), false),
                (format!("{prefix}.jwks.json"), format!("{jwks}\n"), false),
            ],
        )),
        (Some(prefix), None) => Ok((
            String::new(),
            format!("wrote {prefix}.jwk.json (the secret: keep it secret)\n"),
            vec![(format!("{prefix}.jwk.json"), private, true)],
        )),
        (None, Some(_)) => Ok((private, format!("{jwk}\n"), Vec::new())),
        (None, None) => Ok((private, String::new(), Vec::new())),
    }
}

/// `forge --negative`: one JSON line per refusal, and the responsible-use
/// sentence for stderr.
///
/// # Errors
/// What is wrong with the flags, the key or the token.
pub fn run_forge(args: &MakeArgs, token: &str, now: i64) -> Result<(String, String), String> {
    if !args.negative {
        return Err("forge makes the tokens a service must refuse: give --negative".into());
    }
    let key = signing_key(args)?;
    let set = refusals::refusal_set(
        token.trim(),
        &key,
        now,
        args.header_line.as_deref(),
        &mut getrandom::SysRng,
    )
    .map_err(|e| e.to_string())?;
    let lines: Vec<String> = set
        .iter()
        .map(|r| {
            json!({"case": r.case.as_str(), "reason": r.reason, "token": r.token, "curl": r.curl})
                .to_string()
        })
        .collect();
    Ok((
        format!("{}\n", lines.join("\n")),
        format!("{RESPONSIBLE_USE}\n"),
    ))
}

/// `sign --batch`: one answer line per job line.
pub fn run_sign_batch(input: &str, now: i64) -> String {
    let mut out = String::new();
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let answer = match serde_json::from_str::<Value>(line) {
            Ok(job) => {
                let id = job.get("id").cloned().unwrap_or(Value::Null);
                let field = |name: &str| job.get(name).and_then(Value::as_str).unwrap_or_default();
                let signed = key_text::signing_key(field("key"))
                    .map_err(|e| e.to_string())
                    .and_then(|key| {
                        sign::sign(
                            field("header"),
                            field("payload"),
                            &key,
                            Layout::Compact,
                            now,
                            &mut getrandom::SysRng,
                        )
                        .map_err(|e| e.to_string())
                    });
                match signed {
                    Ok(signed) => {
                        json!({"id": id, "token": signed.token, "warnings": signed.warnings})
                    }
                    Err(error) => json!({"id": id, "error": error}),
                }
            }
            Err(error) => json!({"id": Value::Null, "error": format!("not a JSON job: {error}")}),
        };
        out.push_str(&answer.to_string());
        out.push('\n');
    }
    out
}
