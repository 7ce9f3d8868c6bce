use super::*;
#[cfg(feature = "crypto")]
use crate::analysis::job;

const TOKEN: &str =
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
const DCOS: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJleHAiOjE0Njc5ODU0NjYsInVpZCI6InBldGVyIn0.lsLJx2WsX99HF96CizMOcZpMIgbjGDBHvFZCGeNDsM-xZQzHQJHo_UA8WodQ52o8uBJ2CY983DhJdIH2Gfc_fbZtYGvUx-IvQnHFbUBd8qBN0A_4BQHeNINFUKdVQuJsbsW-uVj-w0q3RAFwO5DPPc2ppwIjkeQbgGP1ZN-2-uV6Jow04cdkq4jcODsD1y0v4EmIBPLQil0HU2B95IHtlBNN7haTUkCksXE-43BHy4ErboySeq6VgkwLpw_Pi8n236kZ2-GobSmhA-BpjbkO3uGLHrYUfJjrJyiPM2_PZQMHY80-m5sMMMQ9m1Ciag2Cw74JKGfJ3qMW3j3z2Hm7GQ";

fn input(state: Rc<AppState>, text: &str) -> Rc<AppState> {
    state.reduce(Action::SetInput {
        text: text.into(),
        now: 0,
    })
}

#[test]
fn new_input_is_kept_verbatim_and_analysed_at_once() {
    let text = format!("  Authorization: Bearer {TOKEN}\n");
    let state = input(Rc::new(AppState::new(0)), &text);
    assert_eq!(*state.input, text);
    assert_eq!(state.report.tokens.len(), 1);
    assert!(
        state.pending,
        "the worker recognises the issuer, out of the page's first download"
    );
}

#[test]
fn selection_outside_the_list_is_ignored_and_reset_when_the_list_shrinks() {
    let state = input(Rc::new(AppState::new(0)), &format!("{TOKEN}\n{TOKEN}x"));
    let state = state.reduce(Action::Select(1));
    assert_eq!(state.selected, 1);
    let state = state.reduce(Action::Select(7));
    assert_eq!(state.selected, 1);
    assert_eq!(input(state, TOKEN).selected, 0);
}

#[cfg(feature = "crypto")]
#[test]
fn keys_make_the_state_wait_for_the_worker_and_its_answer_replaces_the_report() {
    let state = input(Rc::new(AppState::new(0)), TOKEN);
    let state = state.reduce(Action::SetSecret {
        secret: "not the secret, but long enough to be used".into(),
        encoding: SecretEncoding::Text,
        now: 0,
    });
    assert!(state.pending);
    assert_eq!(
        state.report.tokens[0].signature.status.as_str(),
        "unchecked",
        "light report meanwhile"
    );
    let answer = job::run(&state.job);
    let state = state.reduce(Action::FullReport(Box::new(answer)));
    assert!(!state.pending);
    assert_eq!(state.report.tokens[0].signature.status.as_str(), "invalid");
    assert_eq!(
        state.report.tokens[0].segments.len(),
        3,
        "segments restored"
    );
}

/// `count` distinct tokens, padded past the page's light-analysis limit.
#[cfg(feature = "crypto")]
fn large_paste(count: usize) -> String {
    let tokens = (0..count)
        .map(|i| format!("{TOKEN}{}", "x".repeat(i)))
        .collect::<Vec<_>>()
        .join("\n");
    format!("{tokens}\n{}", " ".repeat(LARGE_PASTE))
}

#[cfg(feature = "crypto")]
fn answer(state: Rc<AppState>, result: job::JobResult) -> Rc<AppState> {
    state.reduce(Action::FullReport(Box::new(result)))
}

#[cfg(feature = "crypto")]
#[test]
fn a_partial_answer_shows_a_new_large_pastes_first_tokens_and_the_state_waits_for_the_rest() {
    let state = input(
        Rc::new(AppState::new(0)),
        &large_paste(job::FIRST_LISTED + 1),
    );
    assert!(state.pending && state.report.tokens.is_empty());
    let first = job::run_first(&state.job, &mut job::Cache::default(), Default::default());
    assert!(first.partial);
    assert_eq!(first.report.tokens.len(), job::FIRST_LISTED);
    assert_eq!(first.report.total_tokens, Some(job::FIRST_LISTED + 1));
    let state = answer(state, first);
    assert!(state.pending, "the full answer is still to come");
    assert_eq!(state.report.tokens.len(), job::FIRST_LISTED);
    assert_eq!(state.report_generation, state.input_generation);
    let full = job::run(&state.job);
    let state = answer(state, full);
    assert!(!state.pending);
    assert_eq!(state.report.tokens.len(), job::FIRST_LISTED + 1);

    // A key changes: the page already shows this paste, so a first
    // screenful is not shown over it (the list would shrink); the full
    // answer replaces the report.
    let state = state.reduce(Action::SetKeys {
        text: "{}".into(),
        now: 0,
    });
    let shown = state.report.clone();
    let first = job::run_first(&state.job, &mut job::Cache::default(), Default::default());
    let state = answer(state, first);
    assert!(Rc::ptr_eq(&state.report, &shown) && state.pending);
    let full = job::run(&state.job);
    let state = answer(state, full);
    assert!(!state.pending && !Rc::ptr_eq(&state.report, &shown));
}

#[cfg(feature = "crypto")]
#[test]
fn the_selection_survives_a_first_screenful_and_a_summary_is_never_what_is_shown() {
    // Token 58 of 60 chosen (a summary: its details are asked for).
    let state = input(Rc::new(AppState::new(0)), &large_paste(60));
    let full = job::run(&state.job);
    let state = answer(state, full).reduce(Action::Select(58));
    assert!(state.pending && state.job.detail == 58);
    let full = job::run(&state.job);
    let state = answer(state, full);
    assert_eq!(state.selected, 58);
    assert!(!state.report.tokens[58].summary_only);

    // A new paste of 55 tokens (past the summary limit): its full answer
    // details no token (58 is gone), so the first token is selected and
    // its details are asked for.
    let state = input(state, &large_paste(55));
    let full = job::run(&state.job);
    let state = answer(state, full);
    assert_eq!((state.selected, state.job.detail), (0, 0));
    assert!(state.pending, "token 0 came as a summary");
    let full = job::run(&state.job);
    let state = answer(state, full);
    assert!(!state.pending && !state.report.tokens[0].summary_only);

    // Token 50 chosen, then a new paste of 45 tokens: its first screenful
    // keeps the selection (the token view waits for the full answer), and
    // the full answer, where 50 is gone, selects the first token.
    let state = state.reduce(Action::Select(50));
    let full = job::run(&state.job);
    let state = answer(state, full);
    let state = input(state, &large_paste(45));
    let first = job::run_first(&state.job, &mut job::Cache::default(), Default::default());
    let state = answer(state, first);
    assert_eq!(
        (state.selected, state.report.tokens.len()),
        (50, job::FIRST_LISTED)
    );
    let full = job::run(&state.job);
    let state = answer(state, full);
    assert_eq!(state.selected, 0);
    assert!(!state.pending && !state.report.tokens[0].summary_only);
}

#[cfg(feature = "crypto")]
#[test]
fn stale_worker_answers_are_ignored() {
    let state = input(Rc::new(AppState::new(0)), TOKEN).reduce(Action::SetKeys {
        text: "{}".into(),
        now: 0,
    });
    let old = job::run(&state.job);
    let state = state.reduce(Action::SetKeys {
        text: "{ }".into(),
        now: 0,
    });
    let state = state.reduce(Action::FullReport(Box::new(old)));
    assert!(state.pending, "the answer to an older job changes nothing");
}

#[test]
fn large_pastes_go_to_the_worker_without_a_light_pass() {
    let big = format!("{TOKEN}\n{}", " ".repeat(LARGE_PASTE));
    let state = input(Rc::new(AppState::new(0)), &big);
    assert!(state.pending);
    assert_eq!(state.input.len(), big.len());
}

#[test]
fn the_paste_is_shared_by_the_state_and_its_jobs_not_copied() {
    let big = format!("{TOKEN}\n{}", " ".repeat(LARGE_PASTE));
    let state = input(Rc::new(AppState::new(0)), &big);
    let paste = state.input.clone();
    let state = state
        .reduce(Action::SetKeys {
            text: "{}".into(),
            now: 0,
        })
        .reduce(Action::SetLeeway { leeway: 5, now: 0 })
        .reduce(Action::Select(0))
        .reduce(Action::WorkerFailed("it stopped".into()));
    assert!(Arc::ptr_eq(&state.input, &paste));
    assert!(Arc::ptr_eq(&state.job.input, &paste));
}

#[test]
fn as_of_and_leeway_re_evaluate_times() {
    let state = Rc::new(AppState::new(2_000_000_000)).reduce(Action::SetInput {
        text: DCOS.into(),
        now: 2_000_000_000,
    });
    assert_eq!(state.report.tokens[0].validity.state.as_str(), "expired");
    let state = state.reduce(Action::SetAsOf {
        as_of: Some(1_467_985_000),
        now: 2_000_000_000,
    });
    assert_eq!(state.report.tokens[0].validity.state.as_str(), "valid");
    let state = state.reduce(Action::SetAsOf {
        as_of: Some(1_467_985_500),
        now: 2_000_000_000,
    });
    assert_eq!(state.report.tokens[0].validity.state.as_str(), "expired");
    let state = state.reduce(Action::SetLeeway {
        leeway: 60,
        now: 2_000_000_000,
    });
    assert_eq!(
        state.report.tokens[0].validity.state.as_str(),
        "expiring-soon"
    );
}

#[test]
fn worker_failures_are_said_and_stop_the_wait() {
    let state = input(Rc::new(AppState::new(0)), TOKEN).reduce(Action::SetKeys {
        text: "x".into(),
        now: 0,
    });
    let state = state.reduce(Action::WorkerFailed("it stopped".into()));
    assert!(!state.pending);
    assert!(
        state
            .problem
            .as_deref()
            .unwrap()
            .starts_with("The full analysis could not run: it stopped.")
    );
}

#[cfg(feature = "crypto")]
#[test]
fn choosing_a_summarised_token_asks_the_worker_for_its_details() {
    let input = (0..60)
        .map(|i| format!("{TOKEN}{}", "x".repeat(i)))
        .collect::<Vec<_>>()
        .join("\n");
    let state = input_with_keys(&input);
    let answer = job::run(&state.job);
    let state = state.reduce(Action::FullReport(Box::new(answer)));
    assert!(state.report.tokens[7].summary_only);
    let state = state.reduce(Action::Select(7));
    assert!(state.pending);
    assert_eq!(state.job.detail, 7);
    let answer = job::run(&state.job);
    let state = state.reduce(Action::FullReport(Box::new(answer)));
    assert_eq!(state.selected, 7);
    assert!(!state.report.tokens[7].summary_only);
}

#[cfg(feature = "crypto")]
fn input_with_keys(text: &str) -> Rc<AppState> {
    input(Rc::new(AppState::new(0)), text).reduce(Action::SetKeys {
        text: "{}".into(),
        now: 0,
    })
}
