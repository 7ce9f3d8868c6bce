use super::*;

#[test]
fn placeholder_compiles() {
    assert!(KeySet::parse("").is_empty());
}
