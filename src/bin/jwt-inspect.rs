//! `jwt-inspect`: prints the inspector's analysis of stdin (or a file): a
//! readable report on a terminal, the JSON report otherwise. See
//! `jwt-inspect --help` and docs/report.md for the report format.

use jwt_inspector::analysis::job::{self, Job};
use jwt_inspector::analysis::keys::KeySet;
use jwt_inspector::analysis::report::Report;
use jwt_inspector::analysis::{self, Options};
use jwt_inspector::cli::gate::{self, Failure};
use jwt_inspector::cli::{self, Args, Format};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() -> ExitCode {
    let arguments: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if cli::make::is_make_command(arguments.first()) {
        return make(arguments);
    }
    // args_os: a file name that is not UTF-8 is a usage error, not a panic.
    let args = match cli::parse_args(arguments) {
        Ok(args) => args,
        Err(error) => {
            eprintln!("jwt-inspect: {error}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    if args.help {
        println!("{}", cli::USAGE);
        return ExitCode::SUCCESS;
    }
    if args.version {
        println!("{}", cli::version_text());
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(failures) if failures.is_empty() => ExitCode::SUCCESS,
        Ok(failures) => {
            for Failure { token, condition } in failures {
                eprintln!("jwt-inspect: token {token} is {condition} (--fail-on {condition})");
            }
            ExitCode::from(3)
        }
        Err(message) => {
            eprintln!("jwt-inspect: {message}");
            ExitCode::from(1)
        }
    }
}

/// Prints the report; returns the `--fail-on` conditions met.
fn run(args: &Args) -> Result<Vec<Failure>, String> {
    if args.jobs {
        return run_jobs(args);
    }
    if let Some((a, b)) = &args.diff {
        return run_diff(args, a, b).map(|()| Vec::new());
    }
    let keys = keys(args)?;
    let input = read_input(args.input_file.as_deref())?;
    let options = options(args, keys)?;
    let report = analysis::analyse(&input, &options);
    print_report(&report, args)?;
    Ok(gate::failures(&report, &args.fail_on))
}

/// The keys from `--key`, `--secret-file` and `--password-file`.
fn keys(args: &Args) -> Result<KeySet, String> {
    let mut keys = KeySet::default();
    for file in &args.key_files {
        let text = std::fs::read(file).map_err(|e| format!("cannot read key file {file}: {e}"))?;
        keys.add_text(&String::from_utf8_lossy(&text));
    }
    if let Some(file) = &args.secret_file {
        let secret = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read secret file {file}: {e}"))?;
        // A trailing newline from an editor or `echo` is not part of the secret.
        keys.add_secret(
            secret.strip_suffix('\n').unwrap_or(&secret),
            args.secret_encoding,
        );
    }
    if let Some(file) = &args.password_file {
        let password = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read password file {file}: {e}"))?;
        keys.add_password(password.strip_suffix('\n').unwrap_or(&password));
    }
    Ok(keys)
}

/// `diff A B`: each is a file holding a token, or the token itself.
fn run_diff(args: &Args, a: &str, b: &str) -> Result<(), String> {
    let options = options(args, keys(args)?)?;
    let first_token = |name: &str, given: &str| {
        let text = match std::fs::read(given) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(_) => given.to_string(),
        };
        analysis::analyse(&text, &options)
            .tokens
            .into_iter()
            .next()
            .ok_or_else(|| format!("{name} holds no token (give a token, or a file holding one)"))
    };
    let comparison = analysis::compare::compare(&first_token("A", a)?, &first_token("B", b)?);
    let json = if args.compact {
        serde_json::to_string(&comparison)
    } else {
        serde_json::to_string_pretty(&comparison)
    }
    .map_err(|e| format!("could not write the comparison: {e}"))?;
    writeln!(std::io::stdout().lock(), "{json}")
        .map_err(|e| format!("could not write the comparison: {e}"))
}

/// The analysis options the flags ask for.
fn options(args: &Args, keys: KeySet) -> Result<Options, String> {
    let options = Options::at(args.now.unwrap_or_else(now_unix_seconds))
        .verified_by(Arc::new(keys))
        .expecting(args.expectations.clone());
    let detached_content = match &args.detached_file {
        Some(file) => {
            let bytes = std::fs::read(file)
                .map_err(|e| format!("cannot read detached content {file}: {e}"))?;
            Some(String::from_utf8_lossy(&bytes).into())
        }
        None => None,
    };
    Ok(Options {
        leeway: args.leeway,
        detached_content,
        ..options
    })
}

/// Text for a person at a terminal, JSON for scripts (and when asked).
fn print_report(report: &Report, args: &Args) -> Result<(), String> {
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        Format::Text
    } else {
        Format::Json
    });
    let text = match format {
        // https://no-color.org: any non-empty NO_COLOR turns colour off.
        Format::Text => {
            let colour =
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && stdout.is_terminal();
            cli::text::render(report, colour)
        }
        Format::Json if args.compact => {
            serde_json::to_string(report).map_err(|e| format!("could not write the report: {e}"))?
        }
        Format::Json => serde_json::to_string_pretty(report)
            .map_err(|e| format!("could not write the report: {e}"))?,
    };
    let mut stdout = stdout.lock();
    writeln!(stdout, "{}", text.trim_end()).map_err(|e| format!("could not write the report: {e}"))
}

/// `--jobs`: one [`Job`] per input line, one answer per output line — the
/// worker's code path, for bulk checks such as tests/differential.
fn run_jobs(args: &Args) -> Result<Vec<Failure>, String> {
    let input = read_input(args.input_file.as_deref())?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failures = Vec::new();
    for (index, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let answer = match serde_json::from_str::<Job>(line) {
            Ok(job) => {
                let result = job::run(&job);
                failures.extend(gate::failures(&result.report, &args.fail_on));
                serde_json::to_string(&result)
            }
            Err(error) => Ok(serde_json::json!({
                "line": index + 1,
                "error": format!("line {} is not a job: {error}", index + 1),
            })
            .to_string()),
        }
        .map_err(|e| format!("could not write an answer: {e}"))?;
        writeln!(stdout, "{answer}").map_err(|e| format!("could not write an answer: {e}"))?;
    }
    stdout
        .flush()
        .map_err(|e| format!("could not write an answer: {e}"))?;
    Ok(failures)
}

/// Reads the input as bytes and replaces invalid UTF-8, so binary junk is
/// analysed (and reported as such) rather than refused.
fn read_input(path: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match path {
        Some(path) if path != "-" => {
            bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        }
        _ => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The only clock the CLI reads; the core takes `now` as an argument.
fn now_unix_seconds() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `sign`, `keygen` and `forge`: making tokens and keys.
fn make(arguments: Vec<std::ffi::OsString>) -> ExitCode {
    use cli::make;
    let args = match make::parse(arguments) {
        Ok(args) if args.help => {
            println!("{}", make::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(args) => args,
        Err(error) => {
            eprintln!("jwt-inspect: {error}\n\n{}", make::USAGE);
            return ExitCode::from(2);
        }
    };
    let now = args.now.unwrap_or_else(now_unix_seconds);
    let result = match args.command.as_str() {
        "sign" if args.batch => read_input(None).map(|jobs| make::run_sign_batch(&jobs, now)),
        "sign" => make::run_sign(&args, now).map(|(token, warnings)| {
            for warning in warnings {
                eprintln!("jwt-inspect: warning: {warning}");
            }
            format!("{token}\n")
        }),
        "keygen" => make::run_keygen(&args).and_then(|(stdout, stderr, files)| {
            for (name, text, private) in files {
                write_file(&name, &text, private)?;
            }
            eprint!("{stderr}");
            Ok(stdout)
        }),
        _ => read_input(None).and_then(|token| {
            make::run_forge(&args, &token, now).map(|(lines, notice)| {
                eprint!("{notice}");
                lines
            })
        }),
    };
    match result.and_then(|out| {
        std::io::stdout()
            .lock()
            .write_all(out.as_bytes())
            .map_err(|e| format!("could not write: {e}"))
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("jwt-inspect: {message}");
            ExitCode::from(1)
        }
    }
}

/// Writes a file; a private key or secret readable by its owner only.
fn write_file(name: &str, text: &str, private: bool) -> Result<(), String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        // A private key is written to a new file only: an existing one
        // (perhaps readable by others, perhaps a symlink planted in a
        // shared folder) is removed first, and O_EXCL does not follow
        // links.
        let _ = std::fs::remove_file(name);
        options.create_new(true).mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options
        .open(name)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| format!("cannot write {name}: {e}"))
}
