//! Claims of the platforms the inspector recognises, each with the
//! issuer's documentation named. A claim means what its issuer says, so
//! these are looked up by vendor first (`uid` is a DC/OS user, but an Okta
//! user ID; `ver` is Okta's 1, Entra ID's "1.0"/"2.0").

use crate::analysis::vocab::VendorId;

/// (issuer, claim, meaning).
pub const PLATFORM_CLAIMS: &[(VendorId, &str, &str)] = &[
    // Kubernetes: kubernetes.io "Managing Service Accounts"
    (
        VendorId::Kubernetes,
        "kubernetes.io",
        "Kubernetes: what a projected token is bound to: namespace, service account, and the pod, secret or node; `warnafter` when its exp was extended (Kubernetes docs, Managing Service Accounts)",
    ),
    (
        VendorId::Kubernetes,
        "kubernetes.io/serviceaccount/namespace",
        "Kubernetes legacy token: the service account's namespace (Kubernetes docs, Managing Service Accounts)",
    ),
    (
        VendorId::Kubernetes,
        "kubernetes.io/serviceaccount/service-account.name",
        "Kubernetes legacy token: the service account's name",
    ),
    (
        VendorId::Kubernetes,
        "kubernetes.io/serviceaccount/service-account.uid",
        "Kubernetes legacy token: the service account's UID",
    ),
    (
        VendorId::Kubernetes,
        "kubernetes.io/serviceaccount/secret.name",
        "Kubernetes legacy token: the Secret holding this token; it lives until the Secret is deleted",
    ),
    (
        VendorId::Kubernetes,
        "sub",
        "Kubernetes: system:serviceaccount:<namespace>:<name>, the identity the API server authenticates",
    ),
    // Keycloak: Server Administration Guide, "OpenID Connect"
    (
        VendorId::Keycloak,
        "realm_access",
        "Keycloak: the realm roles granted to the user (Keycloak docs, roles)",
    ),
    (
        VendorId::Keycloak,
        "resource_access",
        "Keycloak: client roles, per client ID",
    ),
    (
        VendorId::Keycloak,
        "typ",
        "Keycloak: the token's kind: Bearer (access), ID, Refresh, Offline or Logout",
    ),
    (
        VendorId::Keycloak,
        "session_state",
        "Keycloak: the user's SSO session (older name of sid)",
    ),
    (
        VendorId::Keycloak,
        "allowed-origins",
        "Keycloak: web origins allowed for CORS with this token",
    ),
    (
        VendorId::Keycloak,
        "azp",
        "Keycloak: the client the token was issued to",
    ),
    // Microsoft Entra ID: learn.microsoft.com "Access token claims reference"
    (
        VendorId::EntraId,
        "tid",
        "Entra ID: the tenant (directory) ID (Microsoft identity platform, claims reference)",
    ),
    (
        VendorId::EntraId,
        "oid",
        "Entra ID: the object ID of the user or service principal, stable across applications",
    ),
    (
        VendorId::EntraId,
        "ver",
        "Entra ID: the token version, 1.0 or 2.0",
    ),
    (
        VendorId::EntraId,
        "appid",
        "Entra ID v1: the client application's ID",
    ),
    (
        VendorId::EntraId,
        "appidacr",
        "Entra ID v1: how the client authenticated: 0 public, 1 secret, 2 certificate",
    ),
    (
        VendorId::EntraId,
        "azp",
        "Entra ID v2: the client application's ID",
    ),
    (
        VendorId::EntraId,
        "azpacr",
        "Entra ID v2: how the client authenticated: 0 public, 1 secret, 2 certificate",
    ),
    (
        VendorId::EntraId,
        "roles",
        "Entra ID: app roles; in an app-only token, the application permissions granted",
    ),
    (
        VendorId::EntraId,
        "scp",
        "Entra ID: delegated scopes the user consented to (user tokens only)",
    ),
    (
        VendorId::EntraId,
        "wids",
        "Entra ID: the user's directory (tenant-wide) role template IDs",
    ),
    (
        VendorId::EntraId,
        "idtyp",
        "Entra ID: app or user: whether the token is app-only or for a user",
    ),
    (
        VendorId::EntraId,
        "aio",
        "Entra ID: internal data the platform uses; ignore it",
    ),
    (
        VendorId::EntraId,
        "uti",
        "Entra ID: token identifier, used internally",
    ),
    (
        VendorId::EntraId,
        "rh",
        "Entra ID: internal revalidation data; ignore it",
    ),
    (
        VendorId::EntraId,
        "upn",
        "Entra ID: the user principal name; not stable, do not authorize on it",
    ),
    (
        VendorId::EntraId,
        "unique_name",
        "Entra ID v1: a readable name for the user; not stable",
    ),
    // Google: developers.google.com "OpenID Connect", cloud.google.com IAP, Firebase
    (
        VendorId::Google,
        "hd",
        "Google: the user's Google Workspace domain (OpenID Connect, ID token)",
    ),
    (
        VendorId::Google,
        "azp",
        "Google: the client ID of the app that requested the token",
    ),
    (
        VendorId::Google,
        "google",
        "Google IAP: Access Context Manager levels the request met (IAP signed headers)",
    ),
    (
        VendorId::Google,
        "firebase",
        "Firebase: sign-in provider, identities, tenant and second factor (Verify ID tokens)",
    ),
    (
        VendorId::Google,
        "user_id",
        "Firebase: the user's UID, the same as sub",
    ),
    (
        VendorId::Google,
        "provider_id",
        "Firebase (older tokens): how the user signed in, e.g. anonymous",
    ),
    // Amazon Cognito: "Using tokens with user pools"
    (
        VendorId::AwsCognito,
        "token_use",
        "Cognito: id or access; APIs must check it (Cognito docs, Using tokens)",
    ),
    (
        VendorId::AwsCognito,
        "cognito:groups",
        "Cognito: the user pool groups the user belongs to",
    ),
    (
        VendorId::AwsCognito,
        "cognito:username",
        "Cognito ID token: the user's name in the pool",
    ),
    (
        VendorId::AwsCognito,
        "username",
        "Cognito access token: the user's name in the pool",
    ),
    (
        VendorId::AwsCognito,
        "client_id",
        "Cognito access token: the app client it was issued to",
    ),
    (
        VendorId::AwsCognito,
        "origin_jti",
        "Cognito: identifier of the authentication that issued this token, for revocation",
    ),
    (
        VendorId::AwsCognito,
        "event_id",
        "Cognito: identifier of the sign-in event",
    ),
    // GitHub Actions: "About security hardening with OpenID Connect"
    (
        VendorId::GithubActions,
        "repository",
        "GitHub Actions: the repository the workflow ran in (owner/name)",
    ),
    (
        VendorId::GithubActions,
        "repository_owner",
        "GitHub Actions: the repository's owner",
    ),
    (
        VendorId::GithubActions,
        "ref",
        "GitHub Actions: the git ref that triggered the run",
    ),
    (
        VendorId::GithubActions,
        "ref_type",
        "GitHub Actions: branch or tag",
    ),
    (
        VendorId::GithubActions,
        "sha",
        "GitHub Actions: the commit the run used",
    ),
    (
        VendorId::GithubActions,
        "workflow",
        "GitHub Actions: the workflow's name",
    ),
    (
        VendorId::GithubActions,
        "workflow_ref",
        "GitHub Actions: the workflow file and ref",
    ),
    (
        VendorId::GithubActions,
        "job_workflow_ref",
        "GitHub Actions: the (reusable) workflow file and ref the job ran; trust policies pin it",
    ),
    (
        VendorId::GithubActions,
        "environment",
        "GitHub Actions: the deployment environment the job used",
    ),
    (
        VendorId::GithubActions,
        "runner_environment",
        "GitHub Actions: github-hosted or self-hosted",
    ),
    (
        VendorId::GithubActions,
        "actor",
        "GitHub Actions: who triggered the run",
    ),
    (
        VendorId::GithubActions,
        "event_name",
        "GitHub Actions: the event that triggered the run",
    ),
    (
        VendorId::GithubActions,
        "sub",
        "GitHub Actions: repo:<owner/repo>:<context>, what cloud trust policies match",
    ),
    // GitLab CI/CD: "OpenID Connect (OIDC) Authentication Using ID Tokens"
    (
        VendorId::GitlabCi,
        "namespace_path",
        "GitLab CI/CD: the group or user namespace of the project",
    ),
    (
        VendorId::GitlabCi,
        "project_path",
        "GitLab CI/CD: the project (group/project)",
    ),
    (
        VendorId::GitlabCi,
        "pipeline_source",
        "GitLab CI/CD: what started the pipeline (push, web, schedule, merge_request_event, …)",
    ),
    (
        VendorId::GitlabCi,
        "ref_type",
        "GitLab CI/CD: branch or tag",
    ),
    (
        VendorId::GitlabCi,
        "ref_protected",
        "GitLab CI/CD: whether the ref is protected",
    ),
    (
        VendorId::GitlabCi,
        "user_login",
        "GitLab CI/CD: the user who started the job",
    ),
    (VendorId::GitlabCi, "job_id", "GitLab CI/CD: the job"),
    (
        VendorId::GitlabCi,
        "sub",
        "GitLab CI/CD: project_path:<path>:ref_type:<type>:ref:<ref>, what relying parties bind to",
    ),
    // Vault: "Identity tokens"
    (
        VendorId::Vault,
        "namespace",
        "Vault: the namespace of the entity (Vault docs, Identity tokens)",
    ),
    (
        VendorId::Vault,
        "sub",
        "Vault: the entity ID of the requester",
    ),
    // Okta: "Tokens" reference
    (
        VendorId::Okta,
        "ver",
        "Okta: the token's version, 1 (Okta docs, tokens)",
    ),
    (
        VendorId::Okta,
        "cid",
        "Okta: the client ID the token was issued to",
    ),
    (VendorId::Okta, "uid", "Okta: the user's ID"),
    (VendorId::Okta, "scp", "Okta: the scopes granted"),
    // SPIFFE: JWT-SVID standard
    (
        VendorId::Spiffe,
        "sub",
        "SPIFFE: the workload's SPIFFE ID (JWT-SVID standard)",
    ),
    (
        VendorId::Spiffe,
        "aud",
        "SPIFFE: who may accept it; a JWT-SVID must carry it",
    ),
    // Dex: "ID Tokens"
    (
        VendorId::Dex,
        "federated_claims",
        "Dex: the upstream connector and the user's ID there (federated:id scope)",
    ),
    (
        VendorId::Dex,
        "sub",
        "Dex: base64url of a protobuf naming the user and the connector",
    ),
];
