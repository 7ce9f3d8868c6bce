//! kubeconfig files (kubernetes.io, "Organizing Cluster Access Using
//! kubeconfig Files"): `users[].user` holds a `token`, an
//! `auth-provider.config` `id-token` / `refresh-token`, an `exec` command
//! that prints a token, or a client certificate and key. Read with
//! `yaml-rust2`.

use super::{FileSources, NamedValue};
use crate::analysis::base64url::STANDARD_ANY_PADDING as BASE64;
use crate::analysis::finder::Notice;
use crate::analysis::keys::der::{self, DerKey};
use crate::analysis::keys::pem as key_pem;
use crate::analysis::vocab::{NoticeId, Severity};
use base64::Engine;
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
        if let Some(data) = user["client-certificate-data"].as_str() {
            sources.notices.push(notice(
                Severity::Info,
                format!(
                    "{who} authenticates with a client certificate (client-certificate-data): {}.",
                    certificate_summary(data)
                ),
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

/// What a kubeconfig's `client-certificate-data` (base64 of a PEM
/// certificate) says: subject, issuer, key and validity (RFC 5280 §4.1),
/// or precisely why it could not be read.
fn certificate_summary(data: &str) -> String {
    let compact: String = data.split_whitespace().collect();
    let pem_text = match BASE64.decode(compact.as_bytes()) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => return format!("its base64 does not decode ({error})"),
    };
    let Some(block) = key_pem::blocks(&pem_text)
        .into_iter()
        .find(|b| b.label == "CERTIFICATE")
    else {
        return "its base64 decodes, but holds no PEM CERTIFICATE block".into();
    };
    let read = block.result.and_then(|der| der::from_certificate(&der));
    match read {
        Ok(DerKey {
            material,
            certificate: Some(cert),
            ..
        }) => format!(
            "subject {}, issued by {}, key {}, valid {} to {}",
            cert.subject,
            cert.issuer,
            material.describe(),
            cert.not_before_at.as_deref().unwrap_or("(out of range)"),
            cert.not_after_at.as_deref().unwrap_or("(out of range)"),
        ),
        Ok(_) => "its certificate has no readable validity".into(),
        Err(error) => format!("its certificate could not be read: {error}"),
    }
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
