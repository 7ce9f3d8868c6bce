//! kubeconfig files (kubernetes.io, "Organizing Cluster Access Using
//! kubeconfig Files"): `users[].user` holds a `token`, an
//! `auth-provider.config` `id-token` / `refresh-token`, an `exec` command
//! that prints a token, or a client certificate and key. Read with
//! `yaml-rust2`.

use super::{FileSources, NamedValue};
use crate::analysis::finder::Notice;
use crate::analysis::vocab::{NoticeId, Severity};
use yaml_rust2::{Yaml, YamlLoader};

/// Larger YAML is not read as a kubeconfig.
const MAX_YAML: usize = 4 * 1024 * 1024;

/// The tokens and credentials of a kubeconfig, named by user and context;
/// `None` when the text is not a kubeconfig (YAML with `kind: Config`, or
/// with both `users` and `clusters` or `contexts`).
pub fn read(text: &str) -> Option<FileSources> {
    if !(text.contains("users:") && (text.contains("kind: Config") || text.contains("clusters:"))) {
        return None;
    }
    // kubeconfigs use no anchors or aliases; refusing them keeps a
    // "billion laughs" paste from expanding in memory.
    let aliases = text.lines().any(|line| {
        let t = line.trim_start().trim_start_matches("- ");
        t.starts_with(['&', '*'])
            || t.split_once(": ")
                .is_some_and(|(_, v)| v.starts_with(['&', '*']))
    });
    if aliases || text.len() > MAX_YAML {
        return Some(FileSources {
            named: Vec::new(),
            notices: vec![notice(
                Severity::Info,
                "This looks like a kubeconfig, but it uses YAML anchors or aliases, or is over 4 MB, which kubeconfigs never are: it was not read as YAML; its tokens were found by their text.".into(),
            )],
        });
    }
    let documents = match YamlLoader::load_from_str(text) {
        Ok(documents) => documents,
        Err(error) => {
            return Some(FileSources {
                named: Vec::new(),
                notices: vec![notice(
                    Severity::Info,
                    format!(
                        "This looks like a kubeconfig, but it is not valid YAML ({error}); its tokens were found by their text instead."
                    ),
                )],
            });
        }
    };
    let config = documents.first()?;
    let users = config["users"].as_vec()?;
    let mut sources = FileSources::default();
    for entry in users {
        let name = entry["name"].as_str().unwrap_or("(unnamed)");
        let contexts = contexts_of(config, name);
        let who = if contexts.is_empty() {
            format!("kubeconfig user {name}")
        } else {
            format!("kubeconfig user {name} (context {})", contexts.join(", "))
        };
        let user = &entry["user"];
        let mut name_value = |value: &Yaml, what: &str, field: &str| {
            if let Some(value) = value.as_str() {
                sources.named.push(NamedValue {
                    value: value.trim().to_string(),
                    description: format!("{what} of {who}"),
                    field: format!("users[{name}].user.{field}"),
                });
            }
        };
        name_value(&user["token"], "token", "token");
        let provider = &user["auth-provider"]["config"];
        name_value(
            &provider["id-token"],
            "auth-provider id-token",
            "auth-provider.config.id-token",
        );
        name_value(
            &provider["refresh-token"],
            "auth-provider refresh-token",
            "auth-provider.config.refresh-token",
        );
        if let Some(command) = user["exec"]["command"].as_str() {
            let args: Vec<&str> = user["exec"]["args"]
                .as_vec()
                .map(|a| a.iter().filter_map(Yaml::as_str).collect())
                .unwrap_or_default();
            sources.notices.push(notice(
                Severity::Info,
                format!("{who} gets its token from a command when kubectl runs: `{} {}`. Run it to see the token, then paste that here.", command, args.join(" ")),
            ));
        }
        if user["client-certificate-data"].as_str().is_some() {
            sources.notices.push(notice(
                Severity::Info,
                format!("{who} authenticates with a client certificate (client-certificate-data); paste it into the key panel to see its subject and validity."),
            ));
        }
        if user["client-key-data"].as_str().is_some() {
            sources.notices.push(notice(
                Severity::High,
                format!("{who} holds a private key (client-key-data): this kubeconfig is a credential, and a copy pasted anywhere should be treated as exposed."),
            ));
        }
    }
    Some(sources)
}

/// The names of the contexts that use `user`.
fn contexts_of<'a>(config: &'a Yaml, user: &str) -> Vec<&'a str> {
    config["contexts"]
        .as_vec()
        .map(|contexts| {
            contexts
                .iter()
                .filter(|c| c["context"]["user"].as_str() == Some(user))
                .filter_map(|c| c["name"].as_str())
                .collect()
        })
        .unwrap_or_default()
}

fn notice(severity: Severity, message: String) -> Notice {
    Notice {
        id: NoticeId::FileStructure,
        severity,
        message,
    }
}
