//! Who issued a token, recognised from what it carries. Each issuer is one
//! small recogniser (one file each) that returns the evidence it matched
//! and a score; the best score wins. Recognition explains — it never
//! changes a verdict.

pub mod auth0;
pub mod aws_cognito;
pub mod claims;
pub mod dcos;
pub mod dex;
pub mod entra_id;
pub mod github_actions;
pub mod gitlab_ci;
pub mod google;
pub mod istio;
pub mod keycloak;
pub mod keystone;
pub mod kubernetes;
pub mod okta;
pub mod registry;
pub mod spiffe;
pub mod vault;

use crate::analysis::finder::Source;
use crate::analysis::key_report::KeyReport;
use crate::analysis::timefmt;
use crate::analysis::vocab::{Confidence, LifetimeRule, SourceKind, TokenKind, VendorId};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// What recognisers look at.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// What kind of token it is; Keystone PKI, PKIZ and Fernet tokens are
    /// recognised by their kind.
    pub kind: TokenKind,
    /// The token text, for the "how to send" command.
    pub token: &'a str,
    /// The JOSE header, when the token has one and it decoded.
    pub header: Option<&'a Map<String, Value>>,
    /// The JWT claims set, when it decoded to an object.
    pub payload: Option<&'a Map<String, Value>>,
    /// Siblings of the token in a JSON reply.
    pub reply: &'a Map<String, Value>,
    /// Where the token was found and how it was sent; `None` for a token
    /// nested in another token's payload.
    pub sent_as: Option<&'a Source>,
    /// The token JSON of a Keystone PKI token.
    pub keystone: Option<&'a Value>,
    /// The keys supplied, for comparing their IDs with the token's `kid`.
    pub keys: &'a [KeyReport],
}

impl<'a> Input<'a> {
    /// The payload claim `name`, when there is one.
    pub fn claim(&self, name: &str) -> Option<&'a Value> {
        self.payload?.get(name)
    }

    /// The payload claim `name`, when it is a string.
    pub fn claim_str(&self, name: &str) -> Option<&'a str> {
        self.claim(name)?.as_str()
    }

    /// The header member `name`, when it is a string.
    pub fn header_str(&self, name: &str) -> Option<&'a str> {
        self.header?.get(name)?.as_str()
    }

    /// `iss` when it is an http(s) URL, as (scheme and host, path without
    /// a trailing `/`): `("https://example.okta.com", "/oauth2/default")`.
    pub fn issuer_url(&self) -> Option<(&'a str, &'a str)> {
        let iss = self.claim_str("iss")?;
        let rest = iss
            .strip_prefix("https://")
            .or_else(|| iss.strip_prefix("http://"))?;
        let host_end = rest
            .find('/')
            .map_or(iss.len(), |i| iss.len() - rest.len() + i);
        Some((&iss[..host_end], iss[host_end..].trim_end_matches('/')))
    }

    /// Whether the token was found as this kind of source.
    pub fn sent_as_kind(&self, kind: SourceKind) -> bool {
        self.sent_as.is_some_and(|s| s.kind == kind)
    }

    /// Whether the token was found in the HTTP header (or JSON field)
    /// called `name`, compared without regard to case.
    pub fn sent_in_header(&self, name: &str) -> bool {
        let field = self.sent_as.and_then(|s| s.field.as_deref());
        field.is_some_and(|f| {
            f.rsplit('.')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(name))
        })
    }
}

/// How the issuer expects the token to be sent, with a ready command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HowToSend {
    /// "Authorization: token=<token>".
    pub header: String,
    /// A curl command with the token filled in.
    pub curl: String,
}

/// What the issuer documents about token lifetimes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedLifetime {
    /// The documented lifetime in seconds.
    pub seconds: i64,
    /// How it bounds a token: usual value, maximum or minimum
    /// (docs/report.md, "Lifetime rules").
    pub rule: LifetimeRule,
    /// "DC/OS login tokens last 5 days by default".
    pub text: String,
}

/// One row of a registry token's `access` claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessRow {
    /// The resource type, serialised as `type` (`repository`, `registry`,
    /// …); empty when the entry has none.
    #[serde(rename = "type")]
    pub kind: String,
    /// The resource name (`samalba/my-app`); empty when the entry has none.
    pub name: String,
    /// The actions granted as listed (`pull`, `push`, `*`); empty when none
    /// are.
    pub actions: Vec<String>,
    /// "pull and push", "all actions (*)", "nothing".
    pub meaning: String,
}

/// The recognised issuer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct VendorReport {
    /// Null when no issuer is recognised.
    pub id: Option<VendorId>,
    /// The issuer for a person ("DC/OS IAM", "Auth0 (tenant acme)", "Open
    /// Telekom Cloud IAM (Keystone-compatible)"); null when none is
    /// recognised.
    pub name: Option<String>,
    /// How sure the recognition is, from `score`: `high`, `medium` or
    /// `low`; null when no issuer is recognised.
    pub confidence: Option<Confidence>,
    /// What matched, in words.
    pub evidence: Vec<String>,
    /// "DC/OS authentication token", "Auth0 ID token", …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_type: Option<String>,
    /// How the issuer expects the token to be sent; absent when no issuer
    /// is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_to_send: Option<HowToSend>,
    /// Where the issuer publishes its verification keys (never fetched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys_at: Option<String>,
    /// The lifetime the issuer documents for this kind of token; absent
    /// when no issuer is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_lifetime: Option<ExpectedLifetime>,
    /// What a person should know about using this token (an ID token sent
    /// to an API, the wrong Authorization scheme, …); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Docker registry `access` claim as a table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Vec<AccessRow>>,
    /// Issuer-specific facts (Auth0 tenant and connection, Keystone user
    /// and project, …) as label → text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<(String, String)>,
    /// The evidence score the confidence comes from.
    pub score: u32,
}

impl VendorReport {
    pub(crate) fn new(id: VendorId, name: impl Into<String>) -> Self {
        VendorReport {
            id: Some(id),
            name: Some(name.into()),
            ..VendorReport::default()
        }
    }

    pub(crate) fn evidence(&mut self, points: u32, text: impl Into<String>) {
        self.score += points;
        self.evidence.push(text.into());
    }

    pub(crate) fn fact(&mut self, label: &str, text: impl Into<String>) {
        self.facts.push((label.to_string(), text.into()));
    }

    fn finish(mut self) -> Self {
        self.confidence = Some(Confidence::from_score(self.score));
        self
    }
}

/// Below this score nothing is claimed.
const MIN_SCORE: u32 = 40;

/// Recognises the issuer, or returns an empty report.
pub fn recognise(input: &Input<'_>) -> VendorReport {
    let candidates = [
        dcos::recognise(input),
        registry::recognise(input),
        auth0::recognise(input),
        keystone::recognise(input),
        okta::recognise(input),
        github_actions::recognise(input),
        gitlab_ci::recognise(input),
        vault::recognise(input),
        istio::recognise(input),
        kubernetes::recognise(input),
        keycloak::recognise(input),
        entra_id::recognise(input),
        google::recognise(input),
        aws_cognito::recognise(input),
        spiffe::recognise(input),
        dex::recognise(input),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|r| r.score >= MIN_SCORE)
        .max_by_key(|r| r.score)
        .map(VendorReport::finish)
        .unwrap_or_default()
}

/// A curl command that sends `token` in `header`.
pub(crate) fn curl(header_template: &str, token: &str, url: &str) -> HowToSend {
    let header = header_template.replace("<token>", token);
    HowToSend {
        header: header_template.to_string(),
        curl: format!("curl -H \"{header}\" {url}"),
    }
}

/// "24 h", "5 d", "10 min", "60 s".
pub fn lifetime_text(seconds: i64) -> String {
    match seconds {
        s if s >= 2 * 365 * 86_400 => format!("{} years", s / (365 * 86_400)),
        s if s % 86_400 == 0 && s >= 86_400 => format!("{} d", s / 86_400),
        s if s % 3_600 == 0 && s >= 3_600 => format!("{} h", s / 3_600),
        s if s % 60 == 0 && s >= 60 => format!("{} min", s / 60),
        s if s < 3_600 => format!("{s} s"),
        s => timefmt::duration(s.unsigned_abs()),
    }
}

#[cfg(all(test, feature = "crypto"))]
mod tests;
