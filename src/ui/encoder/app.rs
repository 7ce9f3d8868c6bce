//! The encoder's root component: the reducer, the worker, the dialog.

use super::editors::Editors;
use super::key_source::KeySource;
use super::output::Output;
use super::state::{Action, EncoderState, Step};
use crate::analysis::job::WorkerReply;
use crate::ui::clock;
use crate::ui::worker_channel::WorkerChannel;
use yew::prelude::*;

/// Dispatches actions stamped with the clock's `now`.
pub type Act = Callback<Action>;

#[function_component(EncoderApp)]
pub fn encoder_app() -> Html {
    let state = use_reducer(EncoderState::default);
    let act: Act = {
        let state = state.clone();
        Callback::from(move |action| {
            state.dispatch(Step {
                action,
                now: clock::now_unix_seconds(),
            })
        })
    };
    // Opened now, and again whenever the page asks.
    {
        let act = act.clone();
        use_effect_with((), move |_| {
            act.emit(Action::Seed(super::seed()));
            super::show();
            super::on_open(Callback::from(move |seed| {
                act.emit(Action::Seed(seed));
                super::show();
            }));
        });
    }
    // The worker: started with the first request, then kept.
    let worker = use_mut_ref(|| None::<WorkerChannel>);
    {
        let (worker, act) = (worker.clone(), act.clone());
        use_effect_with(state.outbox.clone(), move |outbox| {
            if outbox.is_empty() {
                return;
            }
            let mut slot = worker.borrow_mut();
            if slot.is_none() {
                let replies = act.clone();
                let on_reply = Callback::from(move |reply| replies.emit(answer(reply)));
                match WorkerChannel::start(on_reply) {
                    Ok(started) => *slot = Some(started),
                    Err(reason) => act.emit(Action::WorkerFailed(reason)),
                }
            }
            if let Some(channel) = slot.as_ref() {
                for request in outbox.iter().cloned() {
                    channel.send(request);
                }
            }
            act.emit(Action::Sent);
        });
    }
    html! {
        <div class="encoder-body">
            <header class="encoder-head">
                <h2 id="encoder-title">{ "Edit & sign" }</h2>
                <p class="hint">{ "Signing and key generation run in this page's own worker. Nothing here is stored, sent or put in a URL; closing the page forgets it." }</p>
                <button type="button" class="close" data-testid="encoder-close" onclick={Callback::from(|_| super::close())}>{ "Close" }</button>
            </header>
            if let Some(problem) = &state.worker_problem {
                <p class="notice high" role="alert">{ format!("The signing worker could not run: {problem}") }</p>
            }
            <div class="encoder-grid">
                <Editors state={state.clone()} act={act.clone()} />
                <div class="encoder-side">
                    <KeySource state={state.clone()} act={act.clone()} />
                    <Output state={state} act={act} />
                </div>
            </div>
        </div>
    }
}

/// A worker reply as an action.
fn answer(reply: Result<WorkerReply, String>) -> Action {
    match reply {
        Ok(WorkerReply::Signed(answer)) => Action::Signed(answer),
        Ok(WorkerReply::Generated(answer)) => Action::Generated(answer),
        Ok(WorkerReply::Refused(answer)) => Action::Refused(answer),
        Ok(_) => Action::WorkerFailed("it answered a question the encoder did not ask".into()),
        Err(reason) => Action::WorkerFailed(reason),
    }
}
