//! SPIFFE JWT-SVIDs (spiffe.io, "JWT-SVID" standard; SPIRE docs): `sub` is
//! the workload's SPIFFE ID (`spiffe://<trust-domain>/<path>`), `aud` must
//! be present and name the validator, and the keys are the `jwt-svid`
//! JWKs of the trust domain's bundle. SPIRE's default TTL is 5 minutes.

use super::{ExpectedLifetime, Input, VendorReport, curl};
use crate::analysis::vocab::{LifetimeRule, VendorId};

/// SPIRE's `default_jwt_svid_ttl`.
pub const DEFAULT_TTL_SECONDS: i64 = 300;

/// Recognises a JWT-SVID by the SPIFFE ID in `sub`.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let sub = input.claim_str("sub")?;
    let path = sub.strip_prefix("spiffe://")?;
    let (trust_domain, workload) = path.split_once('/').unwrap_or((path, ""));
    if input.claim("cnf").is_some() {
        // A WIT-SVID binds a key (cnf): another SPIFFE document.
        return None;
    }
    let mut r = VendorReport::new(VendorId::Spiffe, "SPIFFE");
    r.evidence(
        80,
        format!("sub is a SPIFFE ID in trust domain {trust_domain}"),
    );
    if input.claim("aud").is_some() {
        r.evidence(10, "it has `aud`, which a JWT-SVID must carry");
    } else {
        r.notes
            .push("A JWT-SVID must carry `aud`: validators refuse this one.".into());
    }
    r.name = Some(format!("SPIFFE (trust domain {trust_domain})"));
    r.token_type = Some("SPIFFE JWT-SVID".into());
    r.fact("trust domain", trust_domain);
    r.fact("workload", format!("/{workload}"));
    r.keys_at = Some("the trust domain's bundle: the JWKs with `use: jwt-svid` (`spire-server bundle show -format spiffe`, or the Workload API's FetchJWTBundles)".into());
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "https://<service>/",
    ));
    r.expected_lifetime = Some(ExpectedLifetime {
        seconds: DEFAULT_TTL_SECONDS,
        rule: LifetimeRule::Default,
        text: "SPIRE issues JWT-SVIDs for 5 min by default (default_jwt_svid_ttl)".into(),
    });
    Some(r)
}
