//! Argument handling for the `jwt-inspect` command-line tool, kept in the
//! library so it is unit-tested; `src/bin/jwt-inspect.rs` only does I/O.

pub mod gate;
pub mod make;
pub mod text;

use crate::analysis::expectations::{Expectations, parse_duration};
use crate::analysis::vocab::SecretEncoding;
use gate::FailCondition;
use std::ffi::OsString;
use std::fmt;

pub const USAGE: &str = "\
Usage: jwt-inspect [--key FILE]... [--secret-file FILE [--secret-encoding ENC]]
                   [--password-file FILE]
                   [--detached FILE] [--now UNIX_SECONDS] [--leeway SECONDS]
                   [--expect-iss VALUE]... [--expect-aud VALUE]... [--expect-alg ALG]...
                   [--require CLAIM]... [--max-lifetime DURATION] [--expect-key KEY]
                   [--fail-on LIST]
                   [--format text|json | --json] [--compact] [INPUT_FILE]
       jwt-inspect diff A B [--key FILE]... [--now UNIX_SECONDS] [--compact]
       jwt-inspect sign | keygen | forge ...   (jwt-inspect sign --help)
       jwt-inspect --jobs < JOBS.jsonl
       jwt-inspect --version

Finds every token in the input (stdin when no INPUT_FILE is given: a bare
token, an Authorization header line, a curl command and its reply, a JSON
login response, ...) and reports on each: a readable report on a terminal,
the JSON report ({\"tokens\": [...]}, docs/report.md) otherwise.

`diff A B` compares two tokens (each a file holding it, or the token
itself) and prints, as JSON, every header member and claim added, removed,
changed or the same, their times compared, and whether the same key signed
both: for \"why does one work and the other not\".

Options (an option's value may also follow an equals sign: --key=FILE):
  --key FILE          a key to verify with: PEM (public key, RSA public key,
                      certificate, or a private key, whose public key is
                      used), JWK or JWKS; repeatable
  --secret-file FILE  an HMAC secret to verify with, read from FILE (a
                      trailing newline is not part of it)
  --secret-encoding ENC
                      how the secret is written: text (the default), base64
                      (either alphabet), base64url, hex, or auto (each
                      reading tried; the one that verifies is named)
  --password-file FILE
                      a password for a PBES2-encrypted JWE (RFC 7518 §4.8),
                      read from FILE (a trailing newline is not part of it);
                      --key with a private key or a kty oct JWK, and
                      --secret-file, decrypt the other JWE algorithms
  --detached FILE     the content of a JWS whose payload is detached (RFC 7515
                      Appendix F), read from FILE as UTF-8 text
  --now UNIX_SECONDS  evaluate exp/nbf/iat at this instant (default: now)
  --leeway SECONDS    clock skew tolerated around exp and nbf (default: 0)

Check as your service would (each token's report then says, rule by rule,
whether your service would accept it):
  --expect-iss VALUE  an issuer your service accepts; repeatable
  --expect-aud VALUE  an audience your service accepts; repeatable
  --expect-alg ALG    an algorithm your service allows; repeatable
  --require CLAIM     a claim your service requires; repeatable
  --max-lifetime DURATION
                      the longest exp - iat your service accepts: seconds,
                      or a number with s, m, h or d (900, 15m, 1h, 7d)
  --expect-key KEY    the one supplied key your service verifies with, by
                      kid, RFC 7638 thumbprint or label (\"JWKS key 2\")
  --fail-on LIST      exit with status 3 when any token meets one of these
                      comma-separated conditions: invalid, unchecked,
                      expired, not-yet-valid, refused (the expectations
                      above are not met), high (a finding of severity high
                      or critical), critical

Output:
  --format FORMAT     text (a readable report, coloured unless NO_COLOR is
                      set) or json; by default text when stdout is a
                      terminal and JSON otherwise
  --json              the same as --format json
  --compact           print the JSON on one line
  --jobs              bulk mode for scripts: every input line is a job as the
                      page sends it to its worker, JSON {\"id\", \"input\",
                      \"key_text\", \"secret\", \"secret_encoding\", \"now\",
                      \"leeway\", \"expectations\"} (all optional), and every
                      output line its answer {\"id\", \"report\"} or
                      {\"line\", \"error\"}
  -h, --help          print this help
  -V, --version       print the version

Exit status: 0 when the analysis was printed (whatever it found, unless
--fail-on says otherwise), 3 when a token meets a --fail-on condition,
2 for a usage error, 1 when a file could not be read.";

/// The first line `--version` prints: the name and the version.
pub const VERSION: &str = concat!("jwt-inspect ", env!("CARGO_PKG_VERSION"));

/// The commit this binary was built from, as `scripts/release.sh` records
/// it (`JWT_INSPECTOR_COMMIT`, `-dirty` when tracked files differed); a
/// plain `cargo build` records none, so its output stays the same.
pub const COMMIT: Option<&str> = option_env!("JWT_INSPECTOR_COMMIT");

/// What `--version` prints: [`VERSION`], the commit, and, in a release,
/// the release's single-file page with its SHA-256 (what the page's
/// "About this build" panel shows; docs/release.md).
pub fn version_text() -> String {
    let commit = COMMIT.unwrap_or("not recorded (built without scripts/release.sh)");
    let mut text = format!("{VERSION}\ncommit {commit}");
    if let (Some(file), Some(sha256)) = (
        option_env!("JWT_INSPECTOR_SINGLE_FILE"),
        option_env!("JWT_INSPECTOR_SINGLE_FILE_SHA256"),
    ) {
        text.push_str(&format!("\nsingle file {file} sha256 {sha256}"));
    }
    text
}

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Args {
    pub key_files: Vec<String>,
    pub secret_file: Option<String>,
    pub secret_encoding: SecretEncoding,
    /// `--password-file`: a PBES2 password.
    pub password_file: Option<String>,
    pub now: Option<i64>,
    pub leeway: i64,
    pub compact: bool,
    /// `--jobs`: JSON lines in, JSON lines out.
    pub jobs: bool,
    /// `INPUT_FILE`; `-` (like no file) means stdin.
    pub input_file: Option<String>,
    pub help: bool,
    /// `--version` / `-V`: print [`version_text`] and nothing else.
    pub version: bool,
    /// `--expect-*`, `--require`, `--max-lifetime`.
    pub expectations: Expectations,
    /// `--detached FILE`: a detached JWS payload.
    pub detached_file: Option<String>,
    /// `--fail-on`: exit 3 when a token meets one of these.
    pub fail_on: Vec<FailCondition>,
    /// `--format` / `--json`; `None` chooses by whether stdout is a terminal.
    pub format: Option<Format>,
    /// `diff A B`: the two tokens (or files holding them) to compare.
    pub diff: Option<(String, String)>,
}

/// How the report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people: [`text::render`].
    Text,
    /// The JSON report, as scripts and the contract expect.
    Json,
}

/// A command line that cannot be acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArgsError {
    MissingValue(&'static str),
    BadNow(String),
    BadLeeway(String),
    BadEncoding(String),
    BadMaxLifetime(String),
    BadFailOn(String),
    BadFormat(String),
    UnknownOption(String),
    TwoInputs(String, String),
    /// `diff` without exactly two tokens after it.
    DiffArguments(usize),
    /// A value given to an option that takes none, as in `--compact=yes`;
    /// holds the option as written (`--compact`, `-V`).
    UnexpectedValue(String),
    /// An argument that is not valid UTF-8, shown with replacement characters.
    NotUnicode(String),
    /// Anything else the argument parser refused, in its own words. Not
    /// expected: the parser is only asked for options and their values.
    Other(String),
}

impl fmt::Display for ArgsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgsError::MissingValue(flag) => write!(f, "{flag} needs a value"),
            ArgsError::BadNow(v) => write!(f, "--now takes whole Unix seconds, not \"{v}\""),
            ArgsError::BadLeeway(v) => write!(
                f,
                "--leeway takes a number of seconds (0 or more), not \"{v}\""
            ),
            ArgsError::BadEncoding(v) => write!(
                f,
                "--secret-encoding is text, base64, base64url, hex or auto, not \"{v}\""
            ),
            ArgsError::BadMaxLifetime(v) => write!(
                f,
                "--max-lifetime takes seconds or a number with s, m, h or d (900, 15m, 1h, 7d), not \"{v}\""
            ),
            ArgsError::BadFailOn(v) => write!(
                f,
                "--fail-on takes a comma list of {}; \"{v}\" is none of them",
                FailCondition::ALL
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ArgsError::BadFormat(v) => write!(f, "--format is text or json, not \"{v}\""),
            ArgsError::UnknownOption(o) => write!(f, "unknown option {o}"),
            ArgsError::TwoInputs(a, b) => {
                write!(
                    f,
                    "give one input file, not both {a} and {b} (or pipe the input on stdin)"
                )
            }
            ArgsError::DiffArguments(n) => write!(
                f,
                "diff compares two tokens (each a file, or the token itself), not {n}"
            ),
            ArgsError::UnexpectedValue(o) => write!(f, "{o} takes no value"),
            ArgsError::NotUnicode(v) => write!(f, "argument \"{v}\" is not valid UTF-8"),
            ArgsError::Other(message) => write!(f, "cannot read the arguments: {message}"),
        }
    }
}

impl std::error::Error for ArgsError {}

/// Parses the arguments after the program name. Every option that takes a
/// value takes it as the next argument (`--now 0`) or after an equals sign
/// (`--now=0`); a value may start with `-`. `--` ends the options.
///
/// # Errors
/// An [`ArgsError`] saying which argument is wrong.
pub fn parse_args<I>(args: I) -> Result<Args, ArgsError>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    use lexopt::Arg::{Long, Short, Value};

    let mut parsed = Args::default();
    let mut diff: Option<Vec<String>> = None;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(from_lexopt)? {
        match arg {
            Short('h') | Long("help") => parsed.help = true,
            Short('V') | Long("version") => parsed.version = true,
            Long("compact") => parsed.compact = true,
            Long("json") => parsed.format = Some(Format::Json),
            Long("format") => {
                let value = value(&mut parser, "--format")?;
                parsed.format = Some(match value.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    _ => return Err(ArgsError::BadFormat(value)),
                });
            }
            Long("expect-iss") => {
                let issuer = value(&mut parser, "--expect-iss")?;
                parsed.expectations.issuers.push(issuer);
            }
            Long("expect-aud") => {
                let audience = value(&mut parser, "--expect-aud")?;
                parsed.expectations.audiences.push(audience);
            }
            Long("expect-alg") => {
                let alg = value(&mut parser, "--expect-alg")?;
                parsed.expectations.algorithms.push(alg);
            }
            Long("require") => {
                let claim = value(&mut parser, "--require")?;
                parsed.expectations.required.push(claim);
            }
            Long("expect-key") => {
                parsed.expectations.key = Some(value(&mut parser, "--expect-key")?);
            }
            Long("max-lifetime") => {
                let value = value(&mut parser, "--max-lifetime")?;
                parsed.expectations.max_lifetime =
                    Some(parse_duration(&value).ok_or(ArgsError::BadMaxLifetime(value))?);
            }
            Long("fail-on") => {
                let value = value(&mut parser, "--fail-on")?;
                let conditions = FailCondition::parse_list(&value).map_err(ArgsError::BadFailOn)?;
                parsed.fail_on.extend(conditions);
            }
            Long("jobs") => parsed.jobs = true,
            Long("key") => parsed.key_files.push(value(&mut parser, "--key")?),
            Long("detached") => parsed.detached_file = Some(value(&mut parser, "--detached")?),
            Long("password-file") => {
                parsed.password_file = Some(value(&mut parser, "--password-file")?);
            }
            Long("secret-file") => {
                parsed.secret_file = Some(value(&mut parser, "--secret-file")?);
            }
            Long("secret-encoding") => {
                let value = value(&mut parser, "--secret-encoding")?;
                parsed.secret_encoding =
                    SecretEncoding::parse(&value).ok_or(ArgsError::BadEncoding(value))?;
            }
            Long("leeway") => {
                let value = value(&mut parser, "--leeway")?;
                parsed.leeway = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|l: &i64| *l >= 0)
                    .ok_or(ArgsError::BadLeeway(value))?;
            }
            Long("now") => {
                let value = value(&mut parser, "--now")?;
                parsed.now = Some(value.trim().parse().map_err(|_| ArgsError::BadNow(value))?);
            }
            Value(value) => {
                let value = unicode(value)?;
                if diff.is_none() && parsed.input_file.is_none() && value == "diff" {
                    diff = Some(Vec::new());
                } else if let Some(tokens) = diff.as_mut() {
                    tokens.push(value);
                } else if let Some(previous) = parsed.input_file.replace(value.clone()) {
                    return Err(ArgsError::TwoInputs(previous, value));
                }
            }
            unknown => return Err(from_lexopt(unknown.unexpected())),
        }
    }
    if let Some(tokens) = diff {
        let [a, b]: [String; 2] = tokens
            .try_into()
            .map_err(|t: Vec<String>| ArgsError::DiffArguments(t.len()))?;
        parsed.diff = Some((a, b));
    }
    Ok(parsed)
}

/// The value of `flag`: the rest of `--flag=value`, or the next argument.
fn value(parser: &mut lexopt::Parser, flag: &'static str) -> Result<String, ArgsError> {
    // `value()` fails only when the command line ends here.
    let value = parser.value().map_err(|_| ArgsError::MissingValue(flag))?;
    unicode(value)
}

fn unicode(value: OsString) -> Result<String, ArgsError> {
    value
        .into_string()
        .map_err(|value| ArgsError::NotUnicode(value.to_string_lossy().into_owned()))
}

/// lexopt's errors in our words; its type stays out of the public API.
fn from_lexopt(error: lexopt::Error) -> ArgsError {
    match error {
        lexopt::Error::UnexpectedOption(option) => ArgsError::UnknownOption(option),
        lexopt::Error::UnexpectedValue { option, .. } => ArgsError::UnexpectedValue(option),
        lexopt::Error::NonUnicodeValue(value) => {
            ArgsError::NotUnicode(value.to_string_lossy().into_owned())
        }
        // Not reported by `next()`, `value()` or `unexpected()` on an option,
        // the only calls made above.
        other @ (lexopt::Error::MissingValue { .. }
        | lexopt::Error::UnexpectedArgument(_)
        | lexopt::Error::ParsingFailed { .. }
        | lexopt::Error::Custom(_)) => ArgsError::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests;
