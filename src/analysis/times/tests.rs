use super::*;
use serde_json::json;

fn eval(payload: Value, now: i64) -> Evaluation {
    evaluate(
        Sources {
            payload: Some(&payload),
            ..Sources::default()
        },
        now,
        0,
    )
}

fn ids(e: &Evaluation) -> Vec<&str> {
    e.findings.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn expired_token_says_how_long_ago() {
    let e = eval(
        json!({"exp": 1_467_985_466, "uid": "peter"}),
        1_467_985_466 + 3600,
    );
    let exp = &e.claims["exp"];
    assert_eq!(exp.state.as_str(), "expired");
    assert_eq!(exp.at.as_deref(), Some("2016-07-08T13:44:26Z"));
    assert_eq!(exp.seconds_left, Some(-3600));
    let v = validity_at(e.window, 1_467_985_466 + 3600, 0);
    assert_eq!(
        (v.state.as_str(), v.message.as_str()),
        ("expired", "expired 01:00:00 ago")
    );
}

#[test]
fn states_follow_now_and_leeway() {
    let window = Window {
        expires: Some(10_000),
        not_before: Some(1_000),
        issued: Some(1_000),
    };
    assert_eq!(validity_at(window, 900, 0).state.as_str(), "not-yet-valid");
    assert_eq!(validity_at(window, 900, 120).state.as_str(), "valid");
    assert_eq!(validity_at(window, 5_000, 0).message, "expires in 01:23:20");
    assert_eq!(validity_at(window, 9_000, 0).state.as_str(), "valid");
    assert_eq!(
        validity_at(window, 9_800, 0).state.as_str(),
        "expiring-soon"
    );
    assert_eq!(validity_at(window, 10_000, 0).state.as_str(), "expired");
    let within_leeway = validity_at(window, 10_030, 60);
    assert_eq!(within_leeway.state.as_str(), "expiring-soon");
    assert_eq!(
        within_leeway.message,
        "past exp by 00:00:30, still accepted within the 60 s leeway"
    );
    assert_eq!(
        validity_at(Window::default(), 0, 0).state.as_str(),
        "no-expiry"
    );
}

#[test]
fn a_sixty_second_token_is_expiring_soon_only_near_the_end() {
    let window = Window {
        expires: Some(160),
        not_before: None,
        issued: Some(100),
    };
    assert_eq!(validity_at(window, 101, 0).state.as_str(), "valid");
    assert_eq!(validity_at(window, 150, 0).state.as_str(), "expiring-soon");
}

#[test]
fn milliseconds_negatives_strings_and_fractions_are_flagged_or_noted() {
    let e = eval(
        json!({"exp": 1_467_985_466_000_i64, "nbf": -5, "iat": "2017-11-30T05:24:21Z", "auth_time": 1.5e9}),
        2_000_000_000,
    );
    assert_eq!(
        ids(&e),
        ["time-milliseconds", "time-negative", "time-not-numeric"]
    );
    assert!(
        e.claims["exp"]
            .problem
            .as_deref()
            .unwrap()
            .contains("as milliseconds it would be 2016-07-08T13:44:26Z")
    );
    assert_eq!(e.claims["iat"].unix, Some(1_512_019_461));
    let fraction = eval(json!({"exp": 1_500_000_000.25}), 0);
    assert!(fraction.findings.is_empty());
    assert!(
        fraction.claims["exp"]
            .problem
            .as_deref()
            .unwrap()
            .contains("fraction of a second")
    );
}

#[test]
fn nbf_after_exp_and_future_iat_are_findings() {
    let e = eval(json!({"nbf": 200, "exp": 100, "iat": 5_000}), 1_000);
    assert_eq!(ids(&e), ["nbf-after-exp", "iat-in-future"]);
}

#[test]
fn keystone_and_reply_times_fill_the_window() {
    let keystone = json!({"token": {"expires_at": "2038-01-18T21:14:07.000000Z", "issued_at": "2038-01-17T21:14:07.000000Z"}});
    let e = evaluate(
        Sources {
            keystone: Some(&keystone),
            ..Sources::default()
        },
        0,
        0,
    );
    assert_eq!(e.window.expires, Some(2_147_462_047));
    assert_eq!(e.window.lifetime(), Some(86_400));
    let reply = json!({"expires_in": 1800, "issued_at": "2017-11-30T05:24:21Z"});
    let e = evaluate(
        Sources {
            reply: reply.as_object(),
            ..Sources::default()
        },
        0,
        0,
    );
    assert_eq!(
        e.claims["reply.expires_at"].at.as_deref(),
        Some("2017-11-30T05:54:21Z")
    );
}

#[test]
fn claims_are_listed_in_a_stable_order() {
    let e = eval(json!({"iat": 1, "auth_time": 1, "exp": 2, "nbf": 1}), 0);
    let order: Vec<_> = e.claims.keys().cloned().collect();
    assert_eq!(order, ["exp", "nbf", "iat", "auth_time"]);
}

#[test]
fn countdown_texts() {
    assert_eq!(countdown(Countdown::Expiry, 100, 40), "expires in 00:01:00");
    assert_eq!(
        countdown(Countdown::Expiry, 100, 100),
        "expired 00:00:00 ago"
    );
    assert_eq!(
        countdown(Countdown::NotBefore, 700, 100),
        "becomes valid in 00:10:00"
    );
    assert_eq!(
        countdown(Countdown::NotBefore, 100, 200),
        "valid since 00:01:40"
    );
}
