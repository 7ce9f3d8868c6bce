use super::*;
use crate::analysis::{Options, analyse};

fn token(header: &str, payload: &str) -> TokenReport {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let text = format!("{}.{}.c2ln", b64(header), b64(payload));
    analyse(&text, &Options::at(1_700_000_000)).tokens.remove(0)
}

#[test]
fn claims_are_added_removed_changed_or_the_same() {
    let a = token(
        r#"{"alg":"RS256","kid":"k1"}"#,
        r#"{"sub":"a","aud":"api","exp":1700003600,"iat":1700000000}"#,
    );
    let b = token(
        r#"{"alg":"RS256","kid":"k2"}"#,
        r#"{"sub":"a","exp":1700018000,"iat":1700000000,"scope":"read"}"#,
    );
    let c = compare(&a, &b);
    let changes: Vec<(&str, Change)> = c
        .payload
        .iter()
        .map(|d| (d.name.as_str(), d.change))
        .collect();
    assert_eq!(
        changes,
        [
            ("sub", Change::Same),
            ("aud", Change::Removed),
            ("exp", Change::Changed),
            ("iat", Change::Same),
            ("scope", Change::Added)
        ]
    );
    assert_eq!(c.header[1].change, Change::Changed);
    let exp = c.times.iter().find(|t| t.claim == "exp").unwrap();
    assert_eq!(exp.seconds, 14_400);
    assert_eq!(exp.text, "B expires 04:00:00 after A.");
    assert_eq!(c.keys.same_kid, Some(false));
    assert!(c.keys.same_alg);
    assert_eq!(c.keys.same_key, None);
    assert!(
        c.summary
            .contains(&"In the payload: aud removed, exp changed, scope added.".to_string()),
        "{:?}",
        c.summary
    );
}

#[test]
fn a_token_compared_with_itself_has_no_differences() {
    let a = token(r#"{"alg":"HS256"}"#, r#"{"sub":"a"}"#);
    let c = compare(&a, &a);
    assert!(
        c.header
            .iter()
            .chain(&c.payload)
            .all(|d| d.change == Change::Same)
    );
    assert_eq!(c.summary.len(), 1, "only the key line: {:?}", c.summary);
}
