//! The Expectations panel's fields as typed, read into [`Expectations`].
//! The page keeps the text (so nothing typed is lost) and the core reads
//! it, so the UI never parses.

use super::Expectations;
use serde::{Deserialize, Serialize};

/// The panel's text fields, verbatim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExpectationFields {
    /// Expected issuers, separated by commas, spaces or new lines.
    pub issuers: String,
    /// Expected audiences, likewise.
    pub audiences: String,
    /// Allowed algorithms, likewise.
    pub algorithms: String,
    /// Required claims, likewise.
    pub required: String,
    /// Maximum lifetime: seconds, or a number with `s`, `m`, `h` or `d`.
    pub max_lifetime: String,
    /// The supplied key the service uses, by label; empty for any.
    pub key: String,
}

impl ExpectationFields {
    /// The expectations these fields say, and a sentence for each field
    /// that could not be read (that field is then not checked).
    pub fn read(&self) -> (Expectations, Vec<String>) {
        let mut problems = Vec::new();
        let max_lifetime = match self.max_lifetime.trim() {
            "" => None,
            text => match parse_duration(text) {
                Some(seconds) => Some(seconds),
                None => {
                    problems.push(format!(
                        "Maximum lifetime \"{text}\" is not a duration: write seconds (3600) or a number with s, m, h or d (1h, 15m, 7d)."
                    ));
                    None
                }
            },
        };
        let expectations = Expectations {
            issuers: items(&self.issuers),
            audiences: items(&self.audiences),
            algorithms: items(&self.algorithms),
            required: items(&self.required),
            max_lifetime,
            key: (!self.key.is_empty()).then(|| self.key.clone()),
        };
        (expectations, problems)
    }
}

/// The entries of a list field. Issuers and audiences are URLs or names
/// without spaces, so commas, spaces and new lines all separate.
fn items(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

/// `3600`, `3600s`, `60m`, `1h`, `7d` as seconds; `None` for anything else
/// (negative, fractional, overflowing, or another unit).
pub fn parse_duration(text: &str) -> Option<i64> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, ""),
    };
    let value: i64 = number.parse().ok()?;
    let scale = match unit.trim() {
        "" | "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return None,
    };
    value.checked_mul(scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_commas_spaces_and_lines() {
        let fields = ExpectationFields {
            issuers: "https://a.example/, https://b.example/\nhttps://c.example/".into(),
            audiences: " api ".into(),
            algorithms: "RS256,ES256".into(),
            required: "exp sub".into(),
            max_lifetime: "1h".into(),
            key: String::new(),
        };
        let (expectations, problems) = fields.read();
        assert!(problems.is_empty());
        assert_eq!(expectations.issuers.len(), 3);
        assert_eq!(expectations.audiences, ["api"]);
        assert_eq!(expectations.algorithms, ["RS256", "ES256"]);
        assert_eq!(expectations.required, ["exp", "sub"]);
        assert_eq!(expectations.max_lifetime, Some(3600));
    }

    #[test]
    fn durations_take_a_unit_or_none() {
        assert_eq!(parse_duration("3600"), Some(3600));
        assert_eq!(parse_duration("15m"), Some(900));
        assert_eq!(parse_duration("7d"), Some(604_800));
        assert_eq!(parse_duration("1.5h"), None);
        assert_eq!(parse_duration("-5"), None);
        assert_eq!(parse_duration("5 weeks"), None);
        assert_eq!(parse_duration("99999999999999999999"), None);
    }

    #[test]
    fn an_unreadable_lifetime_is_said_and_not_checked() {
        let fields = ExpectationFields {
            max_lifetime: "soon".into(),
            ..ExpectationFields::default()
        };
        let (expectations, problems) = fields.read();
        assert!(expectations.is_empty());
        assert!(
            problems[0].contains("\"soon\" is not a duration"),
            "{problems:?}"
        );
    }
}
