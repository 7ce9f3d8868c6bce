//! "Try an example": one token per recognised issuer, each with the key
//! that verifies it — the tokens minted by tests/data/minted/mint.py.

use serde::Deserialize;

/// One example: what to paste and the key to paste beside it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Example {
    pub id: String,
    pub title: String,
    pub paste: String,
    pub key: String,
}

#[derive(Deserialize)]
struct File {
    examples: Vec<Example>,
}

const TOKENS_JSON: &str = include_str!("../../tests/data/minted/tokens.json");

/// The examples, in menu order.
pub fn all() -> Vec<Example> {
    serde_json::from_str::<File>(TOKENS_JSON)
        .map(|f| f.examples)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_has_a_title_and_a_paste() {
        let examples = all();
        assert!(examples.len() >= 7);
        assert!(
            examples
                .iter()
                .all(|e| !e.title.is_empty() && !e.paste.is_empty())
        );
    }
}
