//! When a token is valid. Reads the time claims — `exp`, `nbf`, `iat`
//! (RFC 7519 §4.1.4–4.1.6), `auth_time` and `updated_at` (OpenID Connect
//! Core §2, §5.1), Keystone's `expires_at` / `issued_at`, and a reply's
//! `issued_at` + `expires_in` (RFC 6749 §5.1) — and evaluates them against a
//! `now` and a leeway the caller supplies. The page re-evaluates
//! [`validity_at`] every second; the core never reads a clock.

use crate::analysis::finding::Finding;
use crate::analysis::timefmt;
use crate::analysis::vocab::{ClaimState, FindingId, TimeSource, ValidityState};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Values above this are almost certainly milliseconds: as seconds they
/// are after the year 5138.
pub const MILLISECONDS_THRESHOLD: i64 = 100_000_000_000;
/// A token is "expiring soon" within this many seconds of `exp`…
pub const EXPIRING_SOON_SECONDS: i64 = 300;

/// One time value, evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeClaim {
    /// Where it came from: `payload`, `keystone token`, `reply`.
    pub source: TimeSource,
    /// Whole Unix seconds (fractions are legal NumericDate and truncated here).
    pub unix: Option<i64>,
    /// RFC 3339 in UTC.
    pub at: Option<String>,
    /// `unix - now`: positive in the future, negative in the past.
    pub seconds_left: Option<i64>,
    /// `expired` / `valid` for expiries, `not-yet-valid` / `valid` for
    /// `nbf`, `past` / `future` for issue times; `unreadable` otherwise.
    pub state: ClaimState,
    /// "in 4 d 03:12:09", "7 years ago".
    pub relative: Option<String>,
    /// Why the value is odd or unreadable, for a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// What decides validity, kept so the page can re-evaluate it each second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Window {
    /// When the token expires, Unix seconds: `exp` (RFC 7519 §4.1.4), else
    /// a Keystone token's `expires_at`, else a reply's `issued_at` +
    /// `expires_in` (RFC 6749 §5.1); `null` when none is readable.
    pub expires: Option<i64>,
    /// `nbf` (RFC 7519 §4.1.5), Unix seconds; `null` when absent or
    /// unreadable.
    pub not_before: Option<i64>,
    /// When the token was issued, Unix seconds: `iat` (RFC 7519 §4.1.6),
    /// else a Keystone token's `issued_at`, else a reply's `issued_at`;
    /// `null` when none is readable.
    pub issued: Option<i64>,
}

impl Window {
    /// `expires - issued`, when both are known.
    pub fn lifetime(&self) -> Option<i64> {
        Some(self.expires? - self.issued?)
    }
}

/// The token's state at an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    /// `not-yet-valid`, `valid`, `expiring-soon`, `expired`, `no-expiry`, or
    /// `unknown` for a Fernet token (docs/report.md, "Validity states").
    pub state: ValidityState,
    /// "expires in 4 d 03:12:09", "expired 7 years ago", …
    pub message: String,
    /// Seconds of clock skew tolerated (RFC 7519 §4.1.4).
    pub leeway: i64,
    /// The instants that decide the state, so it can be re-evaluated at
    /// another `now`.
    pub window: Window,
}

/// All time values of a token, its validity and lifetime.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    /// Every time value read, keyed by claim (`exp`, `expires_at`,
    /// `reply.expires_at`, …), in the order read.
    pub claims: IndexMap<String, TimeClaim>,
    /// The instants that decide validity and lifetime.
    pub window: Window,
    /// Malformed or contradictory times: milliseconds, negative or string
    /// values, `nbf` after `exp`, `iat` in the future.
    pub findings: Vec<Finding>,
}

/// Inputs besides the token's payload.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    /// The token's JWT claims set, when it was decoded.
    pub payload: Option<&'a Value>,
    /// The token JSON inside a Keystone PKI token (`token` or `access`).
    pub keystone: Option<&'a Value>,
    /// Siblings of a token found in a JSON reply.
    pub reply: Option<&'a Map<String, Value>>,
}

/// One instant, evaluated as the time claim `name`.
pub fn instant(name: &str, source: TimeSource, unix: i64, now: i64, leeway: i64) -> TimeClaim {
    let mut e = Evaluation::default();
    e.add(name, source, &Value::from(unix), now, leeway);
    #[allow(clippy::expect_used, reason = "add() inserted `name` just above")]
    e.claims.swap_remove(name).expect("just added")
}

/// Reads and evaluates every time value at `now` with `leeway`.
pub fn evaluate(sources: Sources<'_>, now: i64, leeway: i64) -> Evaluation {
    let mut e = Evaluation::default();
    if let Some(payload) = sources.payload.and_then(Value::as_object) {
        for name in ["exp", "nbf", "iat", "auth_time", "updated_at"] {
            if let Some(value) = payload.get(name) {
                e.add(name, TimeSource::Payload, value, now, leeway);
            }
        }
        e.window.expires = e.unix("exp");
        e.window.not_before = e.unix("nbf");
        e.window.issued = e.unix("iat");
        check_order(&mut e, now, leeway);
    }
    if let Some(token) = sources.keystone.and_then(keystone_token) {
        for (name, key) in [
            ("expires_at", "expires_at"),
            ("issued_at", "issued_at"),
            ("expires", "expires"),
        ] {
            if let Some(value) = token.get(key) {
                e.add(name, TimeSource::KeystoneToken, value, now, leeway);
            }
        }
        e.window.expires = e
            .window
            .expires
            .or(e.unix("expires_at"))
            .or(e.unix("expires"));
        e.window.issued = e.window.issued.or(e.unix("issued_at"));
    }
    if let Some(reply) = sources.reply {
        add_reply(&mut e, reply, now, leeway);
    }
    e
}

/// `token` (Keystone v3) or `access.token` (v2).
fn keystone_token(value: &Value) -> Option<&Map<String, Value>> {
    value
        .get("token")
        .or_else(|| value.get("access").and_then(|a| a.get("token")))
        .and_then(Value::as_object)
}

/// RFC 6749 §5.1 `expires_in` counts from when the reply was issued; a
/// registry reply also gives `issued_at` (distribution token spec).
fn add_reply(e: &mut Evaluation, reply: &Map<String, Value>, now: i64, leeway: i64) {
    let issued = reply.get("issued_at");
    if let Some(value) = issued {
        e.add("reply.issued_at", TimeSource::Reply, value, now, leeway);
    }
    let Some(expires_in) = reply.get("expires_in").and_then(Value::as_i64) else {
        return;
    };
    if let Some(issued) = e.unix("reply.issued_at") {
        let expires = issued + expires_in;
        e.add(
            "reply.expires_at",
            TimeSource::Reply,
            &Value::from(expires),
            now,
            leeway,
        );
        e.window.expires = e.window.expires.or(Some(expires));
        e.window.issued = e.window.issued.or(Some(issued));
    }
}

impl Evaluation {
    fn unix(&self, name: &str) -> Option<i64> {
        self.claims.get(name)?.unix
    }

    fn add(&mut self, name: &str, source: TimeSource, value: &Value, now: i64, leeway: i64) {
        let (unix, problem, finding) = read_instant(name, value);
        if let Some(finding) = finding {
            self.findings.push(finding);
        }
        let claim = match unix {
            Some(unix) => {
                let seconds_left = unix.saturating_sub(now);
                TimeClaim {
                    source,
                    unix: Some(unix),
                    at: timefmt::utc_iso(unix),
                    seconds_left: Some(seconds_left),
                    state: claim_state(name, seconds_left, leeway),
                    relative: Some(timefmt::relative(seconds_left)),
                    problem,
                }
            }
            None => TimeClaim {
                source,
                unix: None,
                at: None,
                seconds_left: None,
                state: ClaimState::Unreadable,
                relative: None,
                problem,
            },
        };
        self.claims.insert(name.to_string(), claim);
    }
}

fn claim_state(name: &str, seconds_left: i64, leeway: i64) -> ClaimState {
    let is_expiry = matches!(name, "exp" | "expires_at" | "expires" | "reply.expires_at");
    let is_start = name == "nbf";
    if is_expiry {
        if seconds_left + leeway <= 0 {
            ClaimState::Expired
        } else {
            ClaimState::Valid
        }
    } else if is_start {
        if seconds_left - leeway > 0 {
            ClaimState::NotYetValid
        } else {
            ClaimState::Valid
        }
    } else if seconds_left - leeway > 0 {
        ClaimState::Future
    } else {
        ClaimState::Past
    }
}

/// Reads a NumericDate (RFC 7519 §2), or an RFC 3339 string where
/// Keystone and registries use one; returns the value, a problem for the
/// person, and a finding when the value is malformed.
fn read_instant(name: &str, value: &Value) -> (Option<i64>, Option<String>, Option<Finding>) {
    let numeric = !matches!(
        name,
        "expires_at" | "issued_at" | "expires" | "reply.issued_at"
    );
    match value {
        Value::Number(n) => {
            let (unix, fraction) = match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => (i, false),
                (None, Some(f)) if f.is_finite() && f.abs() < 9.0e15 => (f.trunc() as i64, f.fract() != 0.0),
                _ => return (None, Some(format!("{n} is outside any representable date")), None),
            };
            if unix > MILLISECONDS_THRESHOLD {
                let as_ms = timefmt::utc_iso(unix / 1000).unwrap_or_default();
                let problem = format!("{unix} looks like milliseconds: as seconds it is beyond the year 5000; as milliseconds it would be {as_ms}");
                return (Some(unix), Some(problem.clone()), Some(Finding::new(FindingId::TimeMilliseconds, format!("`{name}` is {unix}: {problem}. RFC 7519 §2 counts seconds."))));
            }
            if unix < 0 {
                let problem = format!("{unix} is before 1970");
                return (Some(unix), Some(problem), Some(Finding::new(FindingId::TimeNegative, format!("`{name}` is negative ({unix}), a date before 1970: almost certainly a bug in the issuer."))));
            }
            let problem = fraction.then(|| format!("{n} has a fraction of a second, which NumericDate allows (RFC 7519 §2)"));
            (Some(unix), problem, None)
        }
        Value::String(text) => match timefmt::parse_iso(text) {
            Some(unix) if numeric => (
                Some(unix),
                Some(format!("written as the string \"{text}\"; RFC 7519 §2 wants a number of seconds")),
                Some(Finding::new(FindingId::TimeNotNumber, format!("`{name}` is the string \"{text}\", not a number of seconds: strict libraries reject the token or ignore the claim."))),
            ),
            Some(unix) => (Some(unix), None, None),
            None => (
                None,
                Some(format!("the string \"{text}\" is not a date")),
                numeric.then(|| Finding::new(FindingId::TimeNotNumber, format!("`{name}` is the string \"{text}\", which is not a NumericDate (RFC 7519 §2)."))),
            ),
        },
        other => (None, Some(format!("{other} is not a date")), Some(Finding::new(FindingId::TimeNotNumber, format!("`{name}` is {other}, not a number of seconds (RFC 7519 §2).")))),
    }
}

fn check_order(e: &mut Evaluation, now: i64, leeway: i64) {
    if let (Some(nbf), Some(exp)) = (e.window.not_before, e.window.expires)
        && nbf > exp
    {
        e.findings.push(Finding::new(
            FindingId::NbfAfterExp,
            format!(
                "`nbf` ({}) is after `exp` ({}): the token can never be valid.",
                timefmt::utc_iso(nbf).unwrap_or_default(),
                timefmt::utc_iso(exp).unwrap_or_default()
            ),
        ));
    }
    if let Some(iat) = e.window.issued
        && iat > now + leeway
    {
        e.findings.push(Finding::new(
            FindingId::IatInFuture,
            format!(
                "`iat` is {} in the future: the issuer's clock is ahead, or the token was made up.",
                timefmt::duration((iat - now).unsigned_abs())
            ),
        ));
    }
}

/// The token's state at `now`, with `leeway` seconds of skew tolerated.
pub fn validity_at(window: Window, now: i64, leeway: i64) -> Validity {
    let (state, message) = match (window.not_before, window.expires) {
        (Some(nbf), _) if now + leeway < nbf => (
            ValidityState::NotYetValid,
            format!(
                "not valid yet: becomes valid in {}",
                timefmt::duration((nbf - now).unsigned_abs())
            ),
        ),
        (_, Some(exp)) if now >= exp + leeway => (
            ValidityState::Expired,
            format!(
                "expired {} ago",
                timefmt::duration((now - exp).unsigned_abs())
            ),
        ),
        (_, Some(exp)) if now >= exp => (
            ValidityState::ExpiringSoon,
            format!(
                "past exp by {}, still accepted within the {leeway} s leeway",
                timefmt::duration((now - exp).unsigned_abs())
            ),
        ),
        (_, Some(exp)) => {
            let left = exp - now;
            let soon = window.lifetime().map_or(EXPIRING_SOON_SECONDS, |l| {
                (l / 5).clamp(10, EXPIRING_SOON_SECONDS)
            });
            let text = format!("expires in {}", timefmt::duration(left.unsigned_abs()));
            if left <= soon {
                (ValidityState::ExpiringSoon, text)
            } else {
                (ValidityState::Valid, text)
            }
        }
        (_, None) => (
            ValidityState::NoExpiry,
            "never expires: it carries no expiry".to_string(),
        ),
    };
    Validity {
        state,
        message,
        leeway,
        window,
    }
}

/// Which instant a countdown counts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    /// To `exp`: "expires in …", then "expired … ago".
    Expiry,
    /// To `nbf`: "becomes valid in …", then "valid since …".
    NotBefore,
}

/// The live countdown text: "expires in 4 d 03:12:09", "expired 7 years
/// ago", "becomes valid in 00:10:00", "valid since 2 d 01:00:00".
pub fn countdown(kind: Countdown, target: i64, now: i64) -> String {
    let span = timefmt::duration((target - now).unsigned_abs());
    match (kind, target > now) {
        (Countdown::Expiry, true) => format!("expires in {span}"),
        (Countdown::Expiry, false) => format!("expired {span} ago"),
        (Countdown::NotBefore, true) => format!("becomes valid in {span}"),
        (Countdown::NotBefore, false) => format!("valid since {span}"),
    }
}

#[cfg(test)]
mod tests;
