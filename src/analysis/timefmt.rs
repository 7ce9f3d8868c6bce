//! Formatting of instants and durations. Pure: the caller supplies `now`
//! and, for local time, the UTC offset in force at that instant (the page
//! asks the browser; the CLI prints UTC).

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// RFC 3339 / ISO 8601 in UTC, e.g. `2016-07-08T13:44:26Z`; `None` when the
/// instant is outside years 1..=9999.
pub fn utc_iso(unix_seconds: i64) -> Option<String> {
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()?
        .format(&Rfc3339)
        .ok()
}

/// RFC 3339 with the given offset, e.g. `2016-07-08T15:44:26+02:00`.
pub fn offset_iso(unix_seconds: i64, offset_minutes: i32) -> Option<String> {
    let offset = UtcOffset::from_whole_seconds(offset_minutes.checked_mul(60)?).ok()?;
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()?
        .to_offset(offset)
        .format(&Rfc3339)
        .ok()
}

/// Parses an RFC 3339 timestamp (Keystone's `expires_at`, a registry's
/// `issued_at`) to Unix seconds, dropping fractions.
pub fn parse_iso(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(OffsetDateTime::unix_timestamp)
}

/// A duration as people read it: `4 d 03:12:09`, `00:09:59`, `7 years`.
pub fn duration(seconds: u64) -> String {
    const DAY: u64 = 86_400;
    const YEAR: u64 = 365 * DAY;
    if seconds >= 2 * YEAR {
        return format!("{} years", seconds / YEAR);
    }
    let (days, rest) = (seconds / DAY, seconds % DAY);
    let clock = format!(
        "{:02}:{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    );
    if days > 0 {
        format!("{days} d {clock}")
    } else {
        clock
    }
}

/// `in 4 d 03:12:09` or `7 years ago`, relative to now.
pub fn relative(seconds_from_now: i64) -> String {
    if seconds_from_now == 0 {
        return "now".to_string();
    }
    let text = duration(seconds_from_now.unsigned_abs());
    if seconds_from_now >= 0 {
        format!("in {text}")
    } else {
        format!("{text} ago")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_and_offset_formats() {
        assert_eq!(utc_iso(1_467_985_466).unwrap(), "2016-07-08T13:44:26Z");
        assert_eq!(
            offset_iso(1_467_985_466, 120).unwrap(),
            "2016-07-08T15:44:26+02:00"
        );
        assert_eq!(offset_iso(0, -330).unwrap(), "1969-12-31T18:30:00-05:30");
        assert_eq!(utc_iso(i64::MAX), None);
    }

    #[test]
    fn iso_parses_with_and_without_fractions() {
        assert_eq!(parse_iso("2017-11-30T05:24:21Z"), Some(1_512_019_461));
        assert_eq!(
            parse_iso("2038-01-18T21:14:07.123456Z"),
            Some(2_147_462_047)
        );
        assert_eq!(parse_iso("yesterday"), None);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(599), "00:09:59");
        assert_eq!(
            duration(4 * 86_400 + 3 * 3600 + 12 * 60 + 9),
            "4 d 03:12:09"
        );
        assert_eq!(relative(-7 * 365 * 86_400 - 5), "7 years ago");
        assert_eq!(relative(60), "in 00:01:00");
        assert_eq!(relative(0), "now");
    }
}
