//! Property tests: a token built from arbitrary header and payload JSON
//! and arbitrary signature bytes, pasted in any of the ways people paste
//! tokens, is found exactly and decodes back to what went in.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use jwt_inspector::analysis::base64url::{decode_segment, encode};
use jwt_inspector::analysis::decode::decode_compact;
use jwt_inspector::analysis::finder::find_tokens;
use jwt_inspector::analysis::json;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// JSON values of a few levels: the claims people put in tokens.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e15f64..1e15).prop_map(Value::from),
        "\\PC{0,24}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn claims() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::btree_map("[a-zA-Z_]{1,10}", json_value(), 0..8)
        .prop_map(|m| m.into_iter().collect())
}

/// A header and random signature bytes of a length that algorithm
/// produces (RFC 7518 §3): a terminal that wraps a token over lines leaves
/// nothing but those lengths to tell where the token ends.
fn header_and_signature() -> impl Strategy<Value = (Map<String, Value>, Vec<u8>)> {
    let algs: Vec<(&str, Vec<usize>)> = vec![
        ("RS256", vec![256, 384, 512]),
        ("PS384", vec![256, 384]),
        ("ES256", vec![64]),
        ("ES512", vec![132]),
        ("HS256", vec![32]),
        ("HS512", vec![64]),
        ("EdDSA", vec![64]),
    ];
    (
        prop::sample::select(algs),
        prop::option::of("[a-zA-Z0-9_-]{1,20}"),
        any::<prop::sample::Index>(),
        any::<[u8; 32]>(),
    )
        .prop_map(|((alg, lengths), kid, which, seed)| {
            let mut h = Map::new();
            h.insert("alg".into(), alg.into());
            h.insert("typ".into(), "JWT".into());
            if let Some(kid) = kid {
                h.insert("kid".into(), kid.into());
            }
            let len = lengths[which.index(lengths.len())];
            let signature = (0..len).map(|i| seed[i % 32] ^ (i as u8)).collect();
            (h, signature)
        })
}

/// The ways a token arrives: bare, in a header line, in a JSON reply, in
/// a curl command, wrapped over lines by a terminal or a shell.
fn pasted(token: &str, how: u8) -> String {
    match how % 7 {
        0 => token.to_string(),
        1 => format!("Authorization: Bearer {token}\n"),
        2 => format!(r#"{{"access_token":"{token}","expires_in":3600,"token_type":"Bearer"}}"#),
        3 => format!("curl -H 'Authorization: Bearer {token}' https://api.example/v1\n"),
        4 => format!("Authorization: token={token}"),
        5 => token
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => {
            let (a, b) = token.split_at(token.len() / 2);
            format!("export TOKEN={a}\\\n{b}\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn base64url_round_trips_and_is_canonical(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = encode(&bytes);
        let decoded = decode_segment(&text).unwrap();
        prop_assert_eq!(decoded.bytes, bytes);
        prop_assert!(decoded.irregularities.is_empty(), "{:?}", decoded.irregularities);
    }

    #[test]
    fn json_reader_matches_serde_json(value in json_value()) {
        let text = serde_json::to_string(&value).unwrap();
        let parsed = json::parse(&text).unwrap();
        prop_assert_eq!(parsed.value, value);
        prop_assert!(parsed.duplicates.is_empty());
    }

    #[test]
    fn encode_find_decode(
        (header, signature) in header_and_signature(),
        payload in claims(),
        how in any::<u8>(),
    ) {
        let header_json = serde_json::to_string(&header).unwrap();
        let payload_json = serde_json::to_string(&payload).unwrap();
        let token = format!(
            "{}.{}.{}",
            encode(header_json.as_bytes()),
            encode(payload_json.as_bytes()),
            encode(&signature)
        );
        let paste = pasted(&token, how);
        let found = find_tokens(&paste);
        prop_assert_eq!(found.tokens.len(), 1, "in {:?}: {:?}", paste, found.tokens);
        prop_assert_eq!(&found.tokens[0].text, &token);

        let decoded = decode_compact(&found.tokens[0].text);
        prop_assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
        prop_assert_eq!(decoded.header, Some(Value::Object(header)));
        prop_assert_eq!(decoded.payload, Some(Value::Object(payload)));
        prop_assert_eq!(decoded.signature, signature);
    }
}
