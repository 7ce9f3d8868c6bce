use super::*;

#[test]
fn member_order_is_preserved() {
    let parsed = parse(r#"{"z":1,"a":2,"m":3}"#).unwrap();
    let keys: Vec<_> = parsed.value.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["z", "a", "m"]);
}

#[test]
fn duplicate_members_are_recorded_and_last_wins() {
    let parsed = parse(r#"{"sub":"alice","n":{"x":1,"x":2},"sub":"admin"}"#).unwrap();
    assert_eq!(parsed.value["sub"], "admin");
    assert_eq!(parsed.value["n"]["x"], 2);
    assert_eq!(
        parsed.duplicates,
        vec![
            DuplicateMember {
                object_pointer: "/n".into(),
                name: "x".into()
            },
            DuplicateMember {
                object_pointer: String::new(),
                name: "sub".into()
            },
        ]
    );
}

#[test]
fn syntax_error_names_byte_offset_and_expectation() {
    let err = parse(r#"{"a":1 "b":2}"#).unwrap_err();
    assert_eq!(err.kind, JsonErrorKind::Syntax);
    assert_eq!(err.offset, 7);
    assert_eq!(err.to_string(), "expected `,` or `}` at byte 7");
}

#[test]
fn offsets_count_bytes_across_lines() {
    let err = parse("{\r\n \"a\":1,\r\n \"b\" 2}").unwrap_err();
    assert_eq!(
        &"{\r\n \"a\":1,\r\n \"b\" 2}"[err.offset..err.offset + 1],
        "2"
    );
}

#[test]
fn truncated_document_says_so() {
    let err = parse(r#"{"a":"#).unwrap_err();
    assert_eq!(err.kind, JsonErrorKind::Truncated);
    assert!(err.problem.contains("ends too early"), "{}", err.problem);
}

#[test]
fn trailing_comma_is_reported_and_tolerated() {
    let parsed = parse(r#"{"iat": 1, "exp": 2,}"#).unwrap();
    assert_eq!(parsed.value["exp"], 2);
    let tolerated = parsed.tolerated.unwrap();
    assert_eq!(tolerated.kind, JsonErrorKind::TrailingComma);
    assert!(tolerated.to_string().starts_with("trailing comma at byte"));
}

#[test]
fn commas_inside_strings_are_not_touched() {
    let parsed = parse(r#"{"a": "x,}", "b": [1,],}"#).unwrap();
    assert_eq!(parsed.value["a"], "x,}");
}

#[test]
fn ten_thousand_levels_fail_cleanly_without_overflowing_the_stack() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let err = parse(&deep).unwrap_err();
    assert_eq!(err.kind, JsonErrorKind::TooDeep);
    assert_eq!(err.problem, "nested deeper than 128 levels");
}

#[test]
fn prefix_parse_reports_consumed_bytes() {
    let (parsed, used) = parse_prefix(r#"{"token":"x"} trailing text"#).unwrap();
    assert_eq!(used, 13);
    assert_eq!(parsed.value["token"], "x");
}

#[test]
fn pointer_tokens_are_escaped() {
    let parsed = parse(r#"{"a/b~":{"k":1,"k":1}}"#).unwrap();
    assert_eq!(parsed.duplicates[0].object_pointer, "/a~1b~0");
}
