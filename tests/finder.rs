//! The token finder on every kind of paste the issue lists, and on hostile
//! input: each case must find the right tokens, say where they came from,
//! and never panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::{b64, read_json, token};
use jwt_inspector::analysis::finder::find_tokens;
use jwt_inspector::analysis::vocab::SourceKind;
use jwt_inspector::analysis::{Options, analyse};

fn dcos_token() -> String {
    read_json("vendors/dcos/out-of-band-verification.json")["token"]
        .as_str()
        .unwrap()
        .to_string()
}

fn sources(input: &str) -> Vec<(String, String)> {
    find_tokens(input)
        .tokens
        .into_iter()
        .map(|t| (t.text, t.source.description))
        .collect()
}

#[test]
fn bare_token_with_stray_whitespace_is_found() {
    let t = dcos_token();
    assert_eq!(
        sources(&format!("\n\n   {t}  \r\n\t")),
        [(t, "bare token".to_string())]
    );
}

#[test]
fn authorization_bearer_line_is_named() {
    let t = dcos_token();
    let found = find_tokens(&format!("Authorization: Bearer {t}"));
    assert_eq!(found.tokens[0].text, t);
    assert_eq!(found.tokens[0].source.kind, SourceKind::AuthorizationBearer);
    assert_eq!(
        found.tokens[0].source.description,
        "Authorization header, Bearer scheme"
    );
}

#[test]
fn dcos_token_scheme_is_named() {
    let t = dcos_token();
    let found = find_tokens(&format!("authorization:token={t}"));
    assert_eq!(
        found.tokens[0].source.kind,
        SourceKind::AuthorizationDcosToken
    );
}

#[test]
fn keystone_header_lines_are_named() {
    let t = dcos_token();
    let found = find_tokens(&format!("X-Auth-Token: {t}\nX-Subject-Token: {t}x"));
    assert_eq!(
        found.tokens[0].source.field.as_deref(),
        Some("X-Auth-Token")
    );
}

#[test]
fn curl_command_and_its_json_reply_are_both_read() {
    let t = dcos_token();
    let reply = token(r#"{"alg":"HS256"}"#, r#"{"sub":"svc"}"#);
    let paste = format!(
        "$ curl -sS -H \"Authorization: token={t}\" https://master.mesos/acs/api/v1/users\n{{\"token\":\"{reply}\",\"expires_in\":300}}"
    );
    let found = find_tokens(&paste);
    assert_eq!(found.tokens.len(), 2);
    assert_eq!(
        found.tokens[0].source.description,
        "Authorization header, DC/OS token= scheme, in a curl command"
    );
    assert_eq!(found.tokens[0].source.line, 1);
    assert_eq!(
        found.tokens[1].source.description,
        "token field of a JSON reply"
    );
    assert_eq!(found.tokens[1].source.line, 2);
    assert_eq!(found.tokens[1].source.context["expires_in"], 300);
}

#[test]
fn login_response_with_several_tokens_finds_each_with_siblings() {
    let access = token(r#"{"alg":"RS256","kid":"a"}"#, r#"{"scope":"openid"}"#);
    let id = token(r#"{"alg":"RS256","kid":"b"}"#, r#"{"sub":"auth0|1"}"#);
    let paste = format!(
        r#"{{"access_token":"{access}","id_token":"{id}","refresh_token":"8xLOxBtZp8sQ1Gf4tC2B","scope":"openid profile","expires_in":86400,"token_type":"Bearer"}}"#
    );
    let found = find_tokens(&paste);
    let fields: Vec<_> = found
        .tokens
        .iter()
        .map(|t| t.source.field.clone().unwrap())
        .collect();
    assert_eq!(fields, ["access_token", "id_token", "refresh_token"]);
    for t in &found.tokens {
        assert_eq!(t.source.context["token_type"], "Bearer");
        assert_eq!(t.source.context["scope"], "openid profile");
        assert!(!t.source.context.contains_key("id_token"));
    }
}

#[test]
fn json_at_any_depth_and_header_values_inside_json_are_found() {
    let t = dcos_token();
    let paste = format!(r#"{{"log":{{"request":{{"headers":{{"Authorization":"token={t}"}}}}}}}}"#);
    let found = find_tokens(&paste);
    assert_eq!(found.tokens.len(), 1);
    assert_eq!(
        found.tokens[0].source.description,
        "Authorization header, DC/OS token= scheme (in the log.request.headers.Authorization field of a JSON document)"
    );
}

#[test]
fn quoted_strings_are_found() {
    let t = dcos_token();
    assert_eq!(sources(&format!("token = '{t}'"))[0].1, "quoted string");
    assert_eq!(
        sources(&format!("const jwt = \"{t}\";"))[0].1,
        "quoted string"
    );
}

#[test]
fn shell_continuation_inside_a_token_is_removed() {
    let t = dcos_token();
    let (a, b) = t.split_at(120);
    let found = find_tokens(&format!(
        "curl -H \"Authorization: token={a}\\\n    {b}\" https://x"
    ));
    assert_eq!(found.tokens[0].text, t);
    assert!(found.tokens[0].source.notes[0].contains("shell line continuations"));
}

#[test]
fn token_wrapped_at_76_columns_is_joined() {
    let t = dcos_token();
    let wrapped: Vec<String> = t
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    let found = find_tokens(&format!(
        "Here is the token:\n{}\n\nThanks",
        wrapped.join("\n")
    ));
    assert_eq!(found.tokens.len(), 1);
    assert_eq!(found.tokens[0].text, t);
    assert!(
        found.tokens[0].source.notes[0]
            .starts_with(&format!("joined from {} lines", wrapped.len()))
    );
}

#[test]
fn url_fragment_parameters_are_found() {
    let t = dcos_token();
    let found = find_tokens(&format!(
        "https://app.example/callback#id_token={t}&state=xyz"
    ));
    assert_eq!(found.tokens[0].text, t);
    assert_eq!(found.tokens[0].source.kind, SourceKind::UrlParameter);
}

#[test]
fn fragments_are_decoded_best_effort_with_a_note() {
    let header = b64(br#"{"alg":"RS256","typ":"JWT"}"#);
    let payload = b64(br#"{"uid":"bootstrapuser"}"#);
    let report = analyse(&format!("{header}.{payload}"), &Options::at(0));
    let t = &report.tokens[0];
    assert_eq!(t.payload.as_ref().unwrap()["uid"], "bootstrapuser");
    assert_eq!(t.findings[0].id.as_str(), "token-fragment");
    assert_eq!(
        t.signature.message,
        "Not checked: the signature segment is missing."
    );
}

#[test]
fn the_same_token_twice_is_listed_once_with_a_note() {
    let t = dcos_token();
    let found = find_tokens(&format!("Authorization: Bearer {t}\n\n{t}\n"));
    assert_eq!(found.tokens.len(), 1);
    assert_eq!(
        found.tokens[0].source.notes,
        ["also found as bare token on line 3"]
    );
}

#[test]
fn a_token_repeated_a_thousand_times_names_ten_places_and_counts_the_rest() {
    let t = dcos_token();
    let reply = format!(
        "[{}]",
        vec![format!(r#"{{"token":"{t}"}}"#); 1_000].join(",")
    );
    let found = find_tokens(&reply);
    assert_eq!(found.tokens.len(), 1);
    let notes = &found.tokens[0].source.notes;
    assert_eq!(notes.len(), 11);
    assert_eq!(notes[10], "and in 989 more places");
}

#[test]
fn private_key_pasted_as_a_token_gets_a_warning() {
    let found = find_tokens(
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
    );
    assert!(found.tokens.is_empty());
    assert_eq!(found.notices[0].id.as_str(), "private-key-pasted");
}

mod hostile_input {
    use super::*;

    /// A deterministic pseudo-random generator (xorshift64*), so failures replay.
    fn noise(len: usize, printable: bool) -> String {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut out = String::with_capacity(len);
        while out.len() < len {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let n = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
            let c = if printable {
                (b' ' + (n % 95) as u8) as char
            } else {
                char::from_u32((n % 0x2FF) as u32).unwrap_or('\u{FFFD}')
            };
            out.push(c);
        }
        out
    }

    fn notice_ids(input: &str) -> Vec<String> {
        analyse(input, &Options::at(0))
            .notices
            .iter()
            .map(|n| n.id.to_string())
            .collect()
    }

    #[test]
    fn empty_paste_explains_what_to_paste() {
        assert_eq!(notice_ids(""), ["input-empty"]);
        assert_eq!(notice_ids("  \n\t "), ["input-empty"]);
    }

    #[test]
    fn one_megabyte_of_random_text_gets_a_message() {
        let report = analyse(&noise(1 << 20, true), &Options::at(0));
        assert!(report.tokens.is_empty() || report.notices.is_empty());
        if report.tokens.is_empty() {
            assert!(report.notices[0].message.starts_with("No token found in"));
        }
    }

    #[test]
    fn binary_junk_is_called_binary() {
        // What the CLI makes of random bytes: invalid UTF-8 becomes U+FFFD.
        let bytes: Vec<u8> = noise(100_000, false)
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        let junk = String::from_utf8_lossy(&bytes).into_owned();
        let report = analyse(&junk, &Options::at(0));
        assert!(report.tokens.is_empty());
        assert!(
            report.notices[0].message.contains("binary data"),
            "{}",
            report.notices[0].message
        );
    }

    #[test]
    fn ten_thousand_dots_find_nothing() {
        assert_eq!(notice_ids(&".".repeat(10_000)), ["no-token-found"]);
    }

    #[test]
    fn json_nested_ten_thousand_deep_finds_nothing_and_does_not_overflow() {
        let deep = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
        assert_eq!(notice_ids(&deep), ["no-token-found"]);
        let arrays = "[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(notice_ids(&arrays), ["no-token-found"]);
    }

    #[test]
    fn token_inside_json_nested_ten_thousand_deep_is_still_found_as_text() {
        let t = dcos_token();
        let deep = "[".repeat(10_000) + &format!("\"{t}\"") + &"]".repeat(10_000);
        let found = find_tokens(&deep);
        assert_eq!(found.tokens.len(), 1);
        assert_eq!(found.tokens[0].text, t);
    }

    #[test]
    fn a_thousand_tokens_in_a_large_paste_are_all_found() {
        let lines: Vec<String> = (0..1000)
            .map(|i| {
                format!(
                    "Authorization: Bearer {}",
                    token(r#"{"alg":"HS256"}"#, &format!(r#"{{"n":{i}}}"#))
                )
            })
            .collect();
        let report = analyse(&lines.join("\n"), &Options::at(0));
        assert_eq!(report.tokens.len(), 1000);
        assert_eq!(report.tokens[999].payload.as_ref().unwrap()["n"], 999);
    }
}

#[test]
fn each_token_of_a_json_reply_gets_its_own_line() {
    let token = |n: u32| {
        let payload =
            jwt_inspector::analysis::base64url::encode(format!(r#"{{"n":{n}}}"#).as_bytes());
        format!("eyJhbGciOiJIUzI1NiJ9.{payload}.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0")
    };
    // The third is written with a JSON escape (\u0065 for `e`).
    let reply = format!(
        "{{\n \"a\": {{\"access_token\": \"{}\"}},\n \"b\": {{\"access_token\": \"{}\"}},\n \"c\": {{\"id_token\": \"{}\"}}\n}}",
        token(1),
        token(2),
        token(3).replacen('e', "\\u0065", 1)
    );
    let found = find_tokens(&reply);
    let line_of = |text: &str| {
        found
            .tokens
            .iter()
            .find(|t| t.text == text)
            .map(|t| t.source.line)
    };
    assert_eq!(line_of(&token(1)), Some(2));
    assert_eq!(line_of(&token(2)), Some(3));
    // Written with an escape, the value is not in the text verbatim: it is
    // placed at its document's first line.
    assert_eq!(line_of(&token(3)), Some(1));
}

#[test]
fn tokens_on_one_long_line_are_named_from_what_stands_just_before_each() {
    // 2,000 different tokens on one line (a log line, a minified file),
    // the last behind a Bearer scheme: each is found, and named from what
    // stands just before it (the end of a line is read, not all of it).
    let line = (0..2_000)
        .map(|n| token(r#"{"alg":"HS256"}"#, &format!(r#"{{"n":{n}}}"#)))
        .collect::<Vec<_>>()
        .join(" x ");
    let last = token(r#"{"alg":"HS256"}"#, r#"{"n":"last"}"#);
    let found = find_tokens(&format!("{line} Authorization: Bearer {last}"));
    assert_eq!(found.tokens.len(), 2_001);
    assert!(
        found.tokens[..2_000]
            .iter()
            .all(|t| t.source.description == "bare token")
    );
    assert_eq!(found.tokens[2_000].text, last);
    assert_eq!(found.tokens[2_000].source.description, "Bearer credential");
    // A Cookie header of many cookies is read whole.
    let t = dcos_token();
    let cookies = (0..300)
        .map(|n| format!("c{n}=v{n}"))
        .collect::<Vec<_>>()
        .join("; ");
    assert!(cookies.len() > 512);
    let header = sources(&format!("Cookie: {cookies}; session={t}"));
    assert_eq!(
        header[0].1,
        sources(&format!("Cookie: a=b; session={t}"))[0].1
    );
    // A header name where the read end of a very long line starts is
    // still not taken for a header line.
    let long = format!(
        "{} then Authorization: Bearer{} {t}z",
        "word ".repeat(4_000),
        " ".repeat(490)
    );
    assert_eq!(sources(&long)[0].1, "Bearer credential");
    let near = format!("Authorization: Bearer {t}y");
    assert_eq!(sources(&near)[0].1, "Authorization header, Bearer scheme");
}
