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
                      how the secret is written: text (the default), base64,
                      base64url or hex
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
                "--secret-encoding is text, base64, base64url or hex, not \"{v}\""
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

    #[test]
    fn every_option_with_a_value_takes_the_equals_form() {
        let args = parse(&[
            "--key=a.pem",
            "--key=b.jwks",
            "--secret-file=secret.hex",
            "--secret-encoding=hex",
            "--now=1467985466",
            "--leeway=60",
            "in.txt",
        ])
        .unwrap();
        assert_eq!(
            args,
            Args {
                key_files: vec!["a.pem".into(), "b.jwks".into()],
                secret_file: Some("secret.hex".into()),
                secret_encoding: SecretEncoding::Hex,
                now: Some(1_467_985_466),
                leeway: 60,
                input_file: Some("in.txt".into()),
                ..Args::default()
            }
        );
    }

    #[test]
    fn every_option_with_a_value_takes_the_separate_form() {
        let spaced = parse(&[
            "--key",
            "a.pem",
            "--secret-file",
            "secret.b64",
            "--secret-encoding",
            "base64url",
            "--now",
            "0",
            "--leeway",
            "5",
            "--compact",
        ])
        .unwrap();
        let equals = parse(&[
            "--key=a.pem",
            "--secret-file=secret.b64",
            "--secret-encoding=base64url",
            "--now=0",
            "--leeway=5",
            "--compact",
        ])
        .unwrap();
        assert_eq!(spaced, equals);
        assert_eq!(spaced.secret_encoding, SecretEncoding::Base64url);
        assert!(spaced.compact);
    }

    #[test]
    fn a_value_may_start_with_a_dash_or_be_empty() {
        let args = parse(&["--key", "-odd.pem", "--key=", "--now", "-5"]).unwrap();
        assert_eq!(args.key_files, ["-odd.pem", ""]);
        assert_eq!(args.now, Some(-5));
    }

    #[test]
    fn version_and_help_are_flags_in_long_and_short_form() {
        for flag in ["--version", "-V"] {
            let args = parse(&[flag]).unwrap();
            assert!(args.version && !args.help, "{flag}");
        }
        for flag in ["--help", "-h"] {
            let args = parse(&[flag]).unwrap();
            assert!(args.help && !args.version, "{flag}");
        }
        assert_eq!(
            VERSION,
            format!("jwt-inspect {}", env!("CARGO_PKG_VERSION"))
        );
        assert!(USAGE.contains("-V, --version"));
    }

    #[test]
    fn dash_is_stdin_and_double_dash_ends_the_options() {
        assert_eq!(parse(&["-"]).unwrap().input_file.as_deref(), Some("-"));
        assert_eq!(
            parse(&["--jobs", "-"]).unwrap().input_file.as_deref(),
            Some("-")
        );
        let args = parse(&["--compact", "--", "--help"]).unwrap();
        assert_eq!(args.input_file.as_deref(), Some("--help"));
        assert!(!args.help);
        assert_eq!(parse(&[]).unwrap(), Args::default());
    }

    #[test]
    fn bad_values_give_the_same_messages_in_either_form() {
        for (args, message) in [
            (
                &["--now", "yesterday"][..],
                "--now takes whole Unix seconds, not \"yesterday\"",
            ),
            (
                &["--now=yesterday"],
                "--now takes whole Unix seconds, not \"yesterday\"",
            ),
            (
                &["--leeway=-1"],
                "--leeway takes a number of seconds (0 or more), not \"-1\"",
            ),
            (
                &["--leeway", "a minute"],
                "--leeway takes a number of seconds (0 or more), not \"a minute\"",
            ),
            (
                &["--secret-encoding=utf16"],
                "--secret-encoding is text, base64, base64url or hex, not \"utf16\"",
            ),
            (
                &["--secret-encoding", "HEX"],
                "--secret-encoding is text, base64, base64url or hex, not \"HEX\"",
            ),
            (&["--key"], "--key needs a value"),
            (&["--secret-file"], "--secret-file needs a value"),
            (&["--now"], "--now needs a value"),
            (&["--verbose"], "unknown option --verbose"),
            (&["--verbose=2"], "unknown option --verbose"),
            (&["-x"], "unknown option -x"),
            (
                &["a", "b"],
                "give one input file, not both a and b (or pipe the input on stdin)",
            ),
        ] {
            assert_eq!(parse(args).unwrap_err().to_string(), message, "{args:?}");
        }
        assert_eq!(
            parse(&["--leeway"]).unwrap_err(),
            ArgsError::MissingValue("--leeway")
        );
    }

    #[test]
    fn a_value_given_to_a_flag_is_refused_clearly() {
        assert_eq!(
            parse(&["--compact=yes"]).unwrap_err(),
            ArgsError::UnexpectedValue("--compact".into())
        );
        assert_eq!(
            parse(&["--compact=yes"]).unwrap_err().to_string(),
            "--compact takes no value"
        );
        for (flag, option) in [
            ("--jobs=1", "--jobs"),
            ("--help=me", "--help"),
            ("--version=2", "--version"),
            ("-V=2", "-V"),
        ] {
            assert_eq!(
                parse(&[flag]).unwrap_err().to_string(),
                format!("{option} takes no value")
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn arguments_that_are_not_utf8_are_refused_not_mangled() {
        use std::os::unix::ffi::OsStringExt;
        let name = || OsString::from_vec(b"tok\xffen.txt".to_vec());
        for args in [
            vec![name()],
            vec!["--key".into(), name()],
            vec![OsString::from("--secret-file"), name()],
        ] {
            assert_eq!(
                parse_args(args).unwrap_err().to_string(),
                "argument \"tok\u{FFFD}en.txt\" is not valid UTF-8"
            );
        }
    }
}
