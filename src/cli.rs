//! Argument handling for the `jwt-inspect` command-line tool, kept in the
//! library so it is unit-tested; `src/bin/jwt-inspect.rs` only does I/O.

use crate::analysis::vocab::SecretEncoding;
use std::ffi::OsString;
use std::fmt;

pub const USAGE: &str = "\
Usage: jwt-inspect [--key FILE]... [--secret-file FILE [--secret-encoding ENC]]
                   [--now UNIX_SECONDS] [--leeway SECONDS] [--compact] [INPUT_FILE]
       jwt-inspect --jobs < JOBS.jsonl
       jwt-inspect --version

Finds every token in the input (stdin when no INPUT_FILE is given: a bare
token, an Authorization header line, a curl command and its reply, a JSON
login response, ...) and prints the analysis as JSON: {\"tokens\": [...]}.

Options (an option's value may also follow an equals sign: --key=FILE):
  --key FILE          a public key to verify with: PEM (public key, RSA public
                      key, certificate), JWK or JWKS; repeatable
  --secret-file FILE  an HMAC secret to verify with, read from FILE (a
                      trailing newline is not part of it)
  --secret-encoding ENC
                      how the secret is written: text (the default), base64
                      (either alphabet), base64url, hex, or auto (each
                      reading tried; the one that verifies is named)
  --now UNIX_SECONDS  evaluate exp/nbf/iat at this instant (default: now)
  --leeway SECONDS    clock skew tolerated around exp and nbf (default: 0)
  --compact           print the JSON on one line
  --jobs              bulk mode for scripts: every input line is a job as the
                      page sends it to its worker, JSON {\"id\", \"input\",
                      \"key_text\", \"secret\", \"secret_encoding\", \"now\",
                      \"leeway\"} (all optional), and every output line its
                      answer {\"id\", \"report\"} or {\"line\", \"error\"}
  -h, --help          print this help
  -V, --version       print the version

Exit status: 0 when the analysis was printed (whatever it found),
2 for a usage error, 1 when a file could not be read.";

/// What `--version` prints.
pub const VERSION: &str = concat!("jwt-inspect ", env!("CARGO_PKG_VERSION"));

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Args {
    pub key_files: Vec<String>,
    pub secret_file: Option<String>,
    pub secret_encoding: SecretEncoding,
    pub now: Option<i64>,
    pub leeway: i64,
    pub compact: bool,
    /// `--jobs`: JSON lines in, JSON lines out.
    pub jobs: bool,
    /// `INPUT_FILE`; `-` (like no file) means stdin.
    pub input_file: Option<String>,
    pub help: bool,
    /// `--version` / `-V`: print [`VERSION`] and nothing else.
    pub version: bool,
}

/// A command line that cannot be acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArgsError {
    MissingValue(&'static str),
    BadNow(String),
    BadLeeway(String),
    BadEncoding(String),
    UnknownOption(String),
    TwoInputs(String, String),
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
            ArgsError::UnknownOption(o) => write!(f, "unknown option {o}"),
            ArgsError::TwoInputs(a, b) => {
                write!(
                    f,
                    "give one input file, not both {a} and {b} (or pipe the input on stdin)"
                )
            }
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
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(from_lexopt)? {
        match arg {
            Short('h') | Long("help") => parsed.help = true,
            Short('V') | Long("version") => parsed.version = true,
            Long("compact") => parsed.compact = true,
            Long("jobs") => parsed.jobs = true,
            Long("key") => parsed.key_files.push(value(&mut parser, "--key")?),
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
            Value(file) => {
                let file = unicode(file)?;
                if let Some(previous) = parsed.input_file.replace(file.clone()) {
                    return Err(ArgsError::TwoInputs(previous, file));
                }
            }
            unknown => return Err(from_lexopt(unknown.unexpected())),
        }
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
