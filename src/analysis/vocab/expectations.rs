//! How tokens are judged against a service and against each other: the
//! rules of "check as my service would" in the order a verifier checks
//! them, the OpenID Connect claims that bind tokens together, and how two
//! compared tokens differ.

use super::vocabulary;

vocabulary! {
    /// One rule of the expectations a person set (`expectations.rules[].id`),
    /// listed in the order jsonwebtoken's `Validation` and the Kubernetes
    /// API server check them: the algorithm, the signature, the claims.
    pub enum ExpectationRule {
        /// The header `alg` is one the service allows (RFC 8725 §3.1).
        Alg = "alg",
        /// The signature verifies with the service's key.
        Signature = "signature",
        /// Every required claim is present.
        Required = "required",
        /// `exp` is not past (RFC 7519 §4.1.4), with the leeway.
        Exp = "exp",
        /// `nbf` is not ahead (RFC 7519 §4.1.5), with the leeway.
        Nbf = "nbf",
        /// `iss` is one of the expected issuers (RFC 7519 §4.1.1).
        Iss = "iss",
        /// `aud` names one of the expected audiences (RFC 7519 §4.1.3).
        Aud = "aud",
        /// `exp` − `iat` is at most the maximum lifetime.
        MaxLifetime = "max-lifetime",
    }
}

vocabulary! {
    /// The OpenID Connect claim that binds an ID token to another value of
    /// the same response (`links[].claim`).
    pub enum LinkClaim {
        /// `at_hash`: the access token (OIDC Core §3.1.3.6).
        AtHash = "at_hash",
        /// `c_hash`: the authorization code (OIDC Core §3.3.2.11).
        CHash = "c_hash",
    }
}

vocabulary! {
    /// How a header member or claim differs between two compared tokens
    /// (`jwt-inspect diff`, the page's comparison).
    pub enum Change {
        /// Only in B.
        Added = "added",
        /// Only in A.
        Removed = "removed",
        /// In both, with different values.
        Changed = "changed",
        /// In both, equal.
        Same = "same",
    }
}
