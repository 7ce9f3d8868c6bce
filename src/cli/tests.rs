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
    let text = version_text();
    assert!(text.starts_with(&format!("{VERSION}\ncommit ")), "{text}");
    match COMMIT {
        Some(commit) => assert!(text.contains(commit), "{text}"),
        None => assert!(text.contains("commit not recorded"), "{text}"),
    }
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
            "--secret-encoding is text, base64, base64url, hex or auto, not \"utf16\"",
        ),
        (
            &["--secret-encoding", "HEX"],
            "--secret-encoding is text, base64, base64url, hex or auto, not \"HEX\"",
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
