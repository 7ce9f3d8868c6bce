//! The time claims of a token — `exp`, `nbf`, `iat` (RFC 7519 §4.1.4–4.1.6)
//! — read as NumericDate (RFC 7519 §2) and evaluated against a `now` the
//! caller supplies.

use crate::analysis::timefmt;
use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

/// The claims evaluated here, in display order.
pub const TIME_CLAIMS: [&str; 3] = ["exp", "nbf", "iat"];

/// One time claim, evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeClaim {
    /// Whole Unix seconds (fractions are legal NumericDate and truncated here).
    pub unix: Option<i64>,
    /// RFC 3339 in UTC.
    pub at: Option<String>,
    /// `unix - now`: positive in the future, negative in the past.
    pub seconds_left: Option<i64>,
    /// `expired` / `valid` for exp, `not-yet-valid` / `valid` for nbf,
    /// `past` / `future` for iat; `unreadable` when the value is not a date.
    pub state: &'static str,
    /// "in 4 d 03:12:09", "7 years ago".
    pub relative: Option<String>,
    /// Why the value is odd or unreadable, for a person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// Evaluates the time claims present in `payload` at `now`.
pub fn evaluate(payload: Option<&Value>, now: i64) -> IndexMap<&'static str, TimeClaim> {
    let mut times = IndexMap::new();
    let Some(payload) = payload.and_then(Value::as_object) else {
        return times;
    };
    for name in TIME_CLAIMS {
        if let Some(value) = payload.get(name) {
            times.insert(name, evaluate_one(name, value, now));
        }
    }
    times
}

fn evaluate_one(name: &str, value: &Value, now: i64) -> TimeClaim {
    let (unix, problem) = numeric_date(value);
    let Some(unix) = unix else {
        return TimeClaim {
            unix: None,
            at: None,
            seconds_left: None,
            state: "unreadable",
            relative: None,
            problem,
        };
    };
    let seconds_left = unix.saturating_sub(now);
    let state = match name {
        "exp" if seconds_left <= 0 => "expired",
        "nbf" if seconds_left > 0 => "not-yet-valid",
        "iat" if seconds_left > 0 => "future",
        "iat" => "past",
        _ => "valid",
    };
    TimeClaim {
        unix: Some(unix),
        at: timefmt::utc_iso(unix),
        seconds_left: Some(seconds_left),
        state,
        relative: Some(timefmt::relative(seconds_left)),
        problem,
    }
}

/// Reads a NumericDate: a JSON number of seconds since the epoch.
fn numeric_date(value: &Value) -> (Option<i64>, Option<String>) {
    match value {
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                (Some(i), None)
            } else if let Some(f) = n.as_f64().filter(|f| f.is_finite() && f.abs() < 9.0e15) {
                (Some(f.trunc() as i64), None)
            } else {
                (None, Some(format!("{n} is outside any representable date")))
            }
        }
        Value::String(s) => (
            None,
            Some(format!(
                "the value is the string \"{s}\"; RFC 7519 §2 requires a number of seconds"
            )),
        ),
        other => (
            None,
            Some(format!("{other} is not a number of seconds (RFC 7519 §2)")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn expired_token_says_how_long_ago() {
        let payload = json!({"exp": 1_467_985_466, "uid": "peter"});
        let times = evaluate(Some(&payload), 1_467_985_466 + 3600);
        let exp = &times["exp"];
        assert_eq!(exp.state, "expired");
        assert_eq!(exp.at.as_deref(), Some("2016-07-08T13:44:26Z"));
        assert_eq!(exp.seconds_left, Some(-3600));
        assert_eq!(exp.relative.as_deref(), Some("01:00:00 ago"));
    }

    #[test]
    fn not_yet_valid_and_future_iat_are_states() {
        let payload = json!({"nbf": 200, "iat": 150, "exp": 300});
        let times = evaluate(Some(&payload), 100);
        assert_eq!(times["nbf"].state, "not-yet-valid");
        assert_eq!(times["iat"].state, "future");
        assert_eq!(times["exp"].state, "valid");
        let order: Vec<_> = times.keys().copied().collect();
        assert_eq!(order, ["exp", "nbf", "iat"]);
    }

    #[test]
    fn fractional_dates_are_legal_and_strings_are_unreadable() {
        let payload = json!({"exp": 1.5e9, "iat": "1500000000"});
        let times = evaluate(Some(&payload), 0);
        assert_eq!(times["exp"].unix, Some(1_500_000_000));
        assert_eq!(times["iat"].state, "unreadable");
        assert!(times["iat"].problem.as_deref().unwrap().contains("string"));
    }
}
