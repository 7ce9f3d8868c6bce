//! Argument handling for the `jwt-inspect` command-line tool, kept in the
//! library so it is unit-tested; `src/bin/jwt-inspect.rs` only does I/O.

use crate::analysis::vocab::SecretEncoding;
use std::fmt;

pub const USAGE: &str = "\
Usage: jwt-inspect [--key FILE]... [--secret-file FILE [--secret-encoding ENC]]
                   [--now UNIX_SECONDS] [--leeway SECONDS] [--compact] [INPUT_FILE]
       jwt-inspect --jobs < JOBS.jsonl

Finds every token in the input (stdin when no INPUT_FILE is given: a bare
token, an Authorization header line, a curl command and its reply, a JSON
login response, ...) and prints the analysis as JSON: {\"tokens\": [...]}.

Options:
  --key FILE          a public key to verify with: PEM (public key, RSA public
                      key, certificate), JWK or JWKS; repeatable
  --now UNIX_SECONDS  evaluate exp/nbf/iat at this instant (default: now)
  --leeway SECONDS    clock skew tolerated around exp and nbf (default: 0)
  --compact           print the JSON on one line
  --jobs              bulk mode for scripts: every input line is a job as the
                      page sends it to its worker, JSON {\"id\", \"input\",
                      \"key_text\", \"secret\", \"secret_encoding\", \"now\",
                      \"leeway\"} (all optional), and every output line its
                      answer {\"id\", \"report\"} or {\"line\", \"error\"}
  -h, --help          print this help

Exit status: 0 when the analysis was printed (whatever it found),
2 for a usage error, 1 when a file could not be read.";

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
    pub input_file: Option<String>,
    pub help: bool,
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
                "--secret-encoding is text, base64, base64url or hex, not \"{v}\""
            ),
            ArgsError::UnknownOption(o) => write!(f, "unknown option {o}"),
            ArgsError::TwoInputs(a, b) => {
                write!(
                    f,
                    "give one input file, not both {a} and {b} (or pipe the input on stdin)"
                )
            }
        }
    }
}

impl std::error::Error for ArgsError {}

/// Parses the arguments after the program name.
///
/// # Errors
/// An [`ArgsError`] saying which argument is wrong.
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Args, ArgsError> {
    let mut parsed = Args::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => parsed.help = true,
            "--compact" => parsed.compact = true,
            "--jobs" => parsed.jobs = true,
            "--key" => parsed
                .key_files
                .push(args.next().ok_or(ArgsError::MissingValue("--key"))?),
            "--secret-file" => {
                parsed.secret_file = Some(
                    args.next()
                        .ok_or(ArgsError::MissingValue("--secret-file"))?,
                )
            }
            "--secret-encoding" => {
                let value = args
                    .next()
                    .ok_or(ArgsError::MissingValue("--secret-encoding"))?;
                parsed.secret_encoding =
                    SecretEncoding::parse(&value).ok_or(ArgsError::BadEncoding(value))?;
            }
            "--leeway" => {
                let value = args.next().ok_or(ArgsError::MissingValue("--leeway"))?;
                parsed.leeway = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|l: &i64| *l >= 0)
                    .ok_or(ArgsError::BadLeeway(value))?;
            }
            "--now" => {
                let value = args.next().ok_or(ArgsError::MissingValue("--now"))?;
                parsed.now = Some(value.trim().parse().map_err(|_| ArgsError::BadNow(value))?);
            }
            other if other.starts_with("--key=") => parsed.key_files.push(other[6..].to_string()),
            other if other.starts_with("--now=") => {
                let value = &other[6..];
                parsed.now = Some(
                    value
                        .parse()
                        .map_err(|_| ArgsError::BadNow(value.to_string()))?,
                );
            }
            other if other.starts_with('-') && other != "-" => {
                return Err(ArgsError::UnknownOption(other.to_string()));
            }
            file => {
                if let Some(previous) = parsed.input_file.replace(file.to_string()) {
                    return Err(ArgsError::TwoInputs(previous, file.to_string()));
                }
            }
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, ArgsError> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn keys_repeat_and_now_is_read() {
        let args = parse(&[
            "--key",
            "a.pem",
            "--key=b.jwks",
            "--now",
            "1467985466",
            "in.txt",
        ])
        .unwrap();
        assert_eq!(args.key_files, ["a.pem", "b.jwks"]);
        assert_eq!(args.now, Some(1_467_985_466));
        assert_eq!(args.input_file.as_deref(), Some("in.txt"));
    }

    #[test]
    fn bad_arguments_say_what_is_wrong() {
        assert_eq!(
            parse(&["--now", "yesterday"]).unwrap_err().to_string(),
            "--now takes whole Unix seconds, not \"yesterday\""
        );
        assert_eq!(
            parse(&["--key"]).unwrap_err(),
            ArgsError::MissingValue("--key")
        );
        assert_eq!(
            parse(&["--verbose"]).unwrap_err().to_string(),
            "unknown option --verbose"
        );
        assert!(matches!(
            parse(&["a", "b"]).unwrap_err(),
            ArgsError::TwoInputs(..)
        ));
    }
}
