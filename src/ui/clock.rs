//! The only place the UI reads the browser's clock and time zone. The core
//! never does: it is handed `now`.

/// Seconds since the Unix epoch, from `Date.now()`.
pub fn now_unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// The browser's UTC offset in minutes (east positive) in force at
/// `unix_seconds` — it differs across daylight-saving changes.
pub fn local_offset_minutes(unix_seconds: i64) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        unix_seconds as f64 * 1000.0,
    ));
    // getTimezoneOffset() is minutes *behind* UTC: -120 for UTC+2.
    -(date.get_timezone_offset() as i32)
}

/// Reads an `<input type="datetime-local">` value ("2026-11-23T15:30" or
/// with seconds), in the browser's time zone, as Unix seconds.
pub fn parse_local_datetime(value: &str) -> Option<i64> {
    if value.trim().is_empty() {
        return None;
    }
    let millis = js_sys::Date::parse(value);
    millis.is_finite().then(|| (millis / 1000.0).floor() as i64)
}

/// The `datetime-local` value for a Unix time, in the browser's time zone.
pub fn to_local_datetime(unix_seconds: i64) -> String {
    let offset = local_offset_minutes(unix_seconds);
    crate::analysis::timefmt::offset_iso(unix_seconds, offset)
        .map(|iso| iso[..19].to_string())
        .unwrap_or_default()
}

/// A User Timing mark (read by the benchmark harness; stores nothing).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
