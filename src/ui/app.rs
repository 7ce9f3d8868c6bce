//! The page: paste on one side, analysis on the other.

use crate::analysis::job::make::{EncoderSeed, InspectRequest};
use crate::analysis::job::{WorkerReply, WorkerRequest};
use crate::ui::components::{
    ComparePanel, ExpectationsPanel, KeyPanel, Masthead, NoticeList, PasteInput, TimeControls,
    TokenList, TokenView,
};
use crate::ui::examples::Example;
use crate::ui::state::{Action, AppState};
use crate::ui::worker_channel::WorkerChannel;
use crate::ui::{browser, clock, shell, warm_up};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let now = clock::now_unix_seconds();
        // What was pasted into the prerendered first view before the app
        // started comes first; then a shared link's token.
        let typed = shell::typed().unwrap_or_default();
        let typed_keys = !typed.keys.is_empty();
        let state = AppState::new(now).with_keys(typed.keys);
        match browser::token_from_fragment() {
            _ if !typed.paste.is_empty() => state.with_input(typed.paste, now),
            Some(token) => state.with_input(token, now),
            None if typed_keys => state.with_input(String::new(), now),
            None => state,
        }
    });
    use_effect_with((), |_| shell::restore_focus());
    use_effect_with((), |_| warm_up::schedule());
    // The full analysis: a Web Worker started on first need.
    let worker = use_mut_ref(|| None::<WorkerChannel>);
    {
        let (worker, state) = (worker.clone(), state.clone());
        use_effect_with((state.job.clone(), state.pending), move |(job, pending)| {
            if *pending {
                let mut slot = worker.borrow_mut();
                if slot.is_none() {
                    let results = state.clone();
                    let on_reply =
                        Callback::from(move |reply: Result<WorkerReply, String>| match reply {
                            Ok(WorkerReply::Result(answer)) => {
                                results.dispatch(Action::FullReport(Box::new(answer)))
                            }
                            Ok(_) => results.dispatch(Action::WorkerFailed(
                                "it answered a question the page did not ask".into(),
                            )),
                            Err(reason) => results.dispatch(Action::WorkerFailed(reason)),
                        });
                    match WorkerChannel::start(on_reply) {
                        Ok(started) => *slot = Some(started),
                        Err(reason) => state.dispatch(Action::WorkerFailed(reason)),
                    }
                }
                if let Some(analysis) = slot.as_ref() {
                    analysis.send(WorkerRequest::Analyse((**job).clone()));
                }
            }
        });
    }
    // Tokens the encoder hands back ("inspect this token"), with their key.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            browser::on_inspect_request(Callback::from(move |request: InspectRequest| {
                state.dispatch(Action::LoadExample {
                    paste: request.token,
                    key: request.key,
                    now: clock::now_unix_seconds(),
                })
            }))
        });
    }
    let on_edit = Callback::from(|seed: EncoderSeed| browser::open_encoder(&seed));
    // Marks for the benchmark harness (User Timing; nothing is stored).
    use_effect_with((), |_| clock::mark("app-ready"));
    {
        // The whole analysis (not a partial or light one) is on the page.
        let report = state.report.clone();
        use_effect_with((report, state.pending), |(_, pending)| {
            if !pending {
                clock::mark("analysis-rendered");
            }
        });
    }

    let on_input = {
        let state = state.clone();
        Callback::from(move |text: String| {
            state.dispatch(Action::SetInput {
                text,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_keys = {
        let state = state.clone();
        Callback::from(move |text: String| {
            state.dispatch(Action::SetKeys {
                text,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_secret = {
        let state = state.clone();
        Callback::from(move |(secret, encoding)| {
            state.dispatch(Action::SetSecret {
                secret,
                encoding,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_leeway = {
        let state = state.clone();
        Callback::from(move |leeway| {
            state.dispatch(Action::SetLeeway {
                leeway,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_as_of = {
        let state = state.clone();
        Callback::from(move |as_of| {
            state.dispatch(Action::SetAsOf {
                as_of,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_expectations = {
        let state = state.clone();
        Callback::from(move |fields| {
            state.dispatch(Action::SetExpectations {
                fields,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_detached = {
        let state = state.clone();
        Callback::from(move |text| {
            state.dispatch(Action::SetDetached {
                text,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_compare = {
        let state = state.clone();
        Callback::from(move |with| state.dispatch(Action::SetCompare(with)))
    };
    let on_compare_paste = {
        let state = state.clone();
        Callback::from(move |text| {
            state.dispatch(Action::SetComparePaste {
                text,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_example = {
        let state = state.clone();
        Callback::from(move |example: Example| {
            state.dispatch(Action::LoadExample {
                paste: example.paste,
                key: example.key,
                now: clock::now_unix_seconds(),
            })
        })
    };
    let on_example_error = {
        let state = state.clone();
        Callback::from(move |reason: String| state.dispatch(Action::ExampleFailed(reason)))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |index: usize| state.dispatch(Action::Select(index)))
    };
    let report = state.report.clone();
    // The paste the report is about, for views that paint a long list in
    // parts.
    let report_of = state.report_generation;
    let selected = report
        .tokens
        .get(state.selected)
        .cloned()
        .map(std::rc::Rc::new);

    html! {
        <div class="page">
            <Masthead on_example={on_example} on_error={on_example_error} on_new_token={on_edit.reform(|_| EncoderSeed::default())} />
            <main class="layout">
                <section class="inputs" aria-label="Input">
                    <PasteInput value={state.input.clone()} on_input={on_input} />
                    <KeyPanel key_text={state.key_text.clone()} secret={state.secret.clone()} encoding={state.secret_encoding}
                        keys={report.keys.clone()} errors={report.key_errors.clone()} on_keys={on_keys} on_secret={on_secret} />
                    <ExpectationsPanel fields={state.expectation_fields.clone()} problems={state.expectation_problems.clone()} on_change={on_expectations}
                        keys={report.keys.iter().map(|k| k.label.clone()).collect::<Vec<_>>()} leeway={state.leeway} on_leeway={on_leeway.clone()} />
                </section>
                <section class="analysis" aria-label="Analysis" aria-live="polite">
                    // Leeway and "as of" matter once there is a token to judge
                    // (and their inputs are costly to paint first).
                    if !report.tokens.is_empty() || state.as_of.is_some() {
                        <TimeControls leeway={state.leeway} as_of={state.as_of} on_leeway={on_leeway} on_as_of={on_as_of} />
                    }
                    if state.pending {
                        <p class="pending" data-testid="pending" role="status">{ "Running the full analysis (signatures, keys, Keystone CMS)…" }</p>
                    }
                    if let Some(problem) = &state.problem {
                        <p class="notice high" data-testid="problem" role="alert">{ problem }</p>
                    }
                    <NoticeList notices={report.notices.clone()} />
                    <TokenList report={report.clone()} {report_of} selected={state.selected} on_select={on_select} />
                    if let Some(token) = selected {
                        <TokenView token={token.clone()} leeway={state.leeway} as_of={state.as_of}
                            detached_content={state.detached_content.clone()} on_detached={on_detached} on_edit={on_edit} />
                        <ComparePanel token={token} selected={state.selected} report={report.clone()} {report_of}
                            with={state.compare_with.clone()} on_change={on_compare} on_paste={on_compare_paste} />
                    }
                </section>
            </main>
        </div>
    }
}
