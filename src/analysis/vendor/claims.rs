//! One line for each claim a person is likely to meet: the registered JWT
//! claims (RFC 7519 §4.1), the OpenID Connect standard and ID token claims
//! (OIDC Core §2, §5.1), OAuth access-token claims (RFC 9068, RFC 8693),
//! and the vendor claims this page recognises; the platforms' own claims
//! are in `platforms.rs`, looked up by issuer first.

mod platforms;

use crate::analysis::vocab::VendorId;

/// Claim name → meaning.
const DICTIONARY: [(&str, &str); 52] = [
    // RFC 7519 §4.1
    (
        "iss",
        "Issuer: who created and signed the token (RFC 7519 §4.1.1)",
    ),
    ("sub", "Subject: whom the token is about (RFC 7519 §4.1.2)"),
    (
        "aud",
        "Audience: who the token is meant for; others must refuse it (RFC 7519 §4.1.3)",
    ),
    (
        "exp",
        "Expiration time: not accepted on or after this (RFC 7519 §4.1.4)",
    ),
    (
        "nbf",
        "Not before: not accepted before this (RFC 7519 §4.1.5)",
    ),
    (
        "iat",
        "Issued at: when the token was created (RFC 7519 §4.1.6)",
    ),
    (
        "jti",
        "JWT ID: unique identifier, lets a server refuse replays (RFC 7519 §4.1.7)",
    ),
    // OpenID Connect Core §2 (ID token)
    (
        "auth_time",
        "When the user actually authenticated (OIDC Core §2)",
    ),
    (
        "nonce",
        "Value from the login request, binds the ID token to it against replay (OIDC Core §2)",
    ),
    (
        "acr",
        "Authentication context class: how strongly the user was authenticated (OIDC Core §2)",
    ),
    (
        "amr",
        "Authentication methods used, e.g. pwd, otp, mfa (OIDC Core §2, RFC 8176)",
    ),
    (
        "azp",
        "Authorized party: the client the token was issued to (OIDC Core §2)",
    ),
    (
        "at_hash",
        "Hash of the access token issued alongside (OIDC Core §3.1.3.6)",
    ),
    (
        "c_hash",
        "Hash of the authorization code issued alongside (OIDC Core §3.3.2.11)",
    ),
    (
        "sid",
        "Session ID at the provider, for logout (OIDC Front-Channel Logout §3)",
    ),
    // OpenID Connect Core §5.1 standard claims
    ("name", "Full name (OIDC Core §5.1)"),
    ("given_name", "Given or first name (OIDC Core §5.1)"),
    ("family_name", "Surname or last name (OIDC Core §5.1)"),
    ("middle_name", "Middle name (OIDC Core §5.1)"),
    ("nickname", "Casual name (OIDC Core §5.1)"),
    (
        "preferred_username",
        "Shorthand name the user wants to be called; not unique (OIDC Core §5.1)",
    ),
    ("profile", "URL of the profile page (OIDC Core §5.1)"),
    (
        "picture",
        "URL of a profile picture; never fetched here (OIDC Core §5.1)",
    ),
    ("website", "URL of the user's web page (OIDC Core §5.1)"),
    (
        "email",
        "E-mail address; not unique and may change (OIDC Core §5.1)",
    ),
    (
        "email_verified",
        "Whether the provider verified the e-mail address (OIDC Core §5.1)",
    ),
    ("gender", "Gender (OIDC Core §5.1)"),
    ("birthdate", "Birthday, YYYY-MM-DD (OIDC Core §5.1)"),
    ("zoneinfo", "Time zone, e.g. Europe/Paris (OIDC Core §5.1)"),
    ("locale", "Language and region, e.g. en-US (OIDC Core §5.1)"),
    ("phone_number", "Telephone number (OIDC Core §5.1)"),
    (
        "phone_number_verified",
        "Whether the phone number was verified (OIDC Core §5.1)",
    ),
    (
        "address",
        "Postal address, a JSON object (OIDC Core §5.1.1)",
    ),
    (
        "updated_at",
        "When the profile was last updated, in seconds (OIDC Core §5.1)",
    ),
    // OAuth access tokens
    (
        "scope",
        "Scopes granted to this access token, space-separated (RFC 8693 §4.2, RFC 9068 §2.2.3)",
    ),
    (
        "client_id",
        "The OAuth client the token was issued to (RFC 9068 §2.2, RFC 8693 §4.3)",
    ),
    (
        "act",
        "Actor: who is acting on behalf of the subject (RFC 8693 §4.1)",
    ),
    (
        "cnf",
        "Confirmation: key the presenter must prove possession of (RFC 7800)",
    ),
    ("roles", "Roles granted (RFC 9068 §2.2.3.1)"),
    (
        "groups",
        "Groups the subject belongs to (RFC 9068 §2.2.3.1)",
    ),
    ("entitlements", "Entitlements granted (RFC 9068 §2.2.3.1)"),
    // DC/OS
    (
        "uid",
        "DC/OS user or service account ID the IAM authenticated (DC/OS IAM)",
    ),
    // Docker registry
    (
        "access",
        "Docker registry: the repositories and actions this token grants (distribution token spec)",
    ),
    // Auth0
    (
        "gty",
        "Auth0 grant type, e.g. client-credentials or password",
    ),
    (
        "permissions",
        "Auth0 RBAC permissions granted to the caller for this API",
    ),
    ("org_id", "Auth0 organization the user logged in through"),
    // OpenStack Keystone JWS
    (
        "openstack_methods",
        "Keystone: authentication methods used (password, token, …)",
    ),
    (
        "openstack_audit_ids",
        "Keystone: audit IDs that trace this token's lineage",
    ),
    (
        "openstack_project_id",
        "Keystone: project the token is scoped to",
    ),
    (
        "openstack_domain_id",
        "Keystone: domain the token is scoped to",
    ),
    ("openstack_system", "Keystone: system scope (e.g. all)"),
    (
        "openstack_trust_id",
        "Keystone: trust that delegated this token",
    ),
];

/// What `claim` means in a token of `vendor` (the issuer's own meaning
/// first), if it is a well-known claim.
pub fn describe_for(claim: &str, vendor: Option<VendorId>) -> Option<&'static str> {
    vendor
        .and_then(|v| {
            platforms::PLATFORM_CLAIMS
                .iter()
                .find(|(issuer, name, _)| *issuer == v && *name == claim)
                .map(|(_, _, meaning)| *meaning)
        })
        .or_else(|| describe(claim))
}

/// What `claim` means, if it is a well-known claim.
pub fn describe(claim: &str) -> Option<&'static str> {
    DICTIONARY
        .iter()
        .find(|(name, _)| *name == claim)
        .map(|(_, meaning)| *meaning)
        .or_else(|| {
            (claim.starts_with("https://") || claim.starts_with("http://")).then_some(
                "Namespaced custom claim (a URL-named claim, as Auth0 and OIDC recommend)",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_oidc_and_vendor_claims_are_described() {
        assert!(describe("exp").unwrap().contains("RFC 7519 §4.1.4"));
        assert!(describe("email_verified").unwrap().contains("OIDC"));
        assert!(describe("uid").unwrap().contains("DC/OS"));
        assert!(describe("access").unwrap().contains("registry"));
        assert!(
            describe("https://example.com/roles")
                .unwrap()
                .starts_with("Namespaced")
        );
        assert_eq!(describe("favourite_colour"), None);
    }

    #[test]
    fn a_claim_means_what_its_issuer_says() {
        assert!(
            describe_for("uid", Some(VendorId::Dcos))
                .unwrap()
                .contains("DC/OS")
        );
        assert!(
            describe_for("uid", Some(VendorId::Okta))
                .unwrap()
                .starts_with("Okta")
        );
        assert!(
            describe_for("ver", Some(VendorId::EntraId))
                .unwrap()
                .contains("1.0 or 2.0")
        );
        assert!(
            describe_for("exp", Some(VendorId::Okta))
                .unwrap()
                .contains("RFC 7519")
        );
    }

    #[test]
    fn every_platform_claim_names_its_issuer() {
        for (vendor, claim, meaning) in platforms::PLATFORM_CLAIMS {
            assert_eq!(describe_for(claim, Some(*vendor)), Some(*meaning));
            let first_word = meaning.split(':').next().unwrap_or_default();
            assert!(
                !first_word.is_empty() && first_word.len() < 40,
                "{claim}: {meaning}"
            );
        }
    }
}
