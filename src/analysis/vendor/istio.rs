//! Istio's own sample issuers (istio/istio `security/tools/jwt/samples`,
//! `tests/common/jwt`): `iss` `testing@secure.istio.io` and
//! `test-issuer-N@istio.io`, signed with keys whose private halves are
//! published beside them. Real request-authentication tokens come from an
//! ordinary issuer; only these samples are Istio's.

use super::{Input, VendorReport, curl};
use crate::analysis::vocab::VendorId;

/// The samples' JWKS, as the Istio tasks point `jwksUri` at it.
const SAMPLE_JWKS: &str =
    "https://raw.githubusercontent.com/istio/istio/master/security/tools/jwt/samples/jwks.json";

/// Recognises Istio's sample tokens by their issuer.
pub fn recognise(input: &Input<'_>) -> Option<VendorReport> {
    let iss = input.claim_str("iss")?;
    let test_issuer = iss.starts_with("test-issuer-") && iss.ends_with("@istio.io");
    if iss != "testing@secure.istio.io" && !test_issuer {
        return None;
    }
    let mut r = VendorReport::new(VendorId::Istio, "Istio sample issuer");
    r.evidence(90, format!("iss is Istio's sample issuer ({iss})"));
    r.token_type = Some(if test_issuer {
        "Istio end-to-end test token".into()
    } else {
        "Istio sample token (the RequestAuthentication tasks)".into()
    });
    r.notes.push("The private keys of these samples are published with them: anyone can mint such a token. Use them to try `RequestAuthentication` (jwtRules with `issuer` and `jwksUri`) and `AuthorizationPolicy` (`requestPrincipals` is `<iss>/<sub>`), never to protect anything.".into());
    if let Some(sub) = input.claim_str("sub") {
        r.fact("request principal", format!("{iss}/{sub}"));
    }
    r.keys_at = Some(if test_issuer {
        "tests/common/jwt/jwks.json in istio/istio (paste it into the key panel)".into()
    } else {
        format!("{SAMPLE_JWKS} (paste it into the key panel; never fetched here)")
    });
    r.how_to_send = Some(curl(
        "Authorization: Bearer <token>",
        input.token,
        "http://<ingress>/headers",
    ));
    Some(r)
}
