//! The first paste is the one a person feels (issue 15 §2), and in a fresh
//! page it was the slowest: the analysis and the token view's rendering
//! ran for the first time, so the engine compiled their code then. Once
//! the page has started, and before a person can paste, this runs both
//! once on RFC 7519's example: the light analysis, then what a paste
//! shows (the time controls, the list, the token view) rendered into an
//! element outside the document (no layout, no duplicate ids for
//! assistive technology or tests), which is dropped; and a hidden date-time
//! field is laid out in the document, for Firefox.

use crate::analysis::report::Report;
use crate::analysis::{Options, analyse};
use crate::ui::components::{TimeControls, TokenList, TokenView};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// RFC 7519 §3.1's example JWT.
const WARM_UP_TOKEN: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
/// After the app's first render, so the page has painted first.
const AFTER_START_MS: u32 = 50;
/// How long the off-document view lives: long enough for its render and
/// effects to run.
const VIEW_LIFETIME_MS: u32 = 100;

/// Schedules the warm-up (once, from the app's first render).
pub fn schedule() {
    Timeout::new(AFTER_START_MS, || {
        let report = Rc::new(analyse(WARM_UP_TOKEN, &Options::at(0)));
        let Some(root) = document().and_then(|d| d.create_element("div").ok()) else {
            return;
        };
        let view =
            yew::Renderer::<WarmUpView>::with_root_and_props(root, WarmUpProps { report }).render();
        let field = hidden_date_field();
        Timeout::new(VIEW_LIFETIME_MS, move || {
            view.destroy();
            if let Some(field) = field {
                field.remove();
            }
        })
        .forget();
    })
    .forget();
}

/// Firefox sets a date-time field up when it is first laid out, not when
/// it is made (25–30 ms): one, hidden and out of the tab order, is laid out
/// in the document with the next frame, then removed with the view.
fn hidden_date_field() -> Option<web_sys::Element> {
    let document = document()?;
    let field = document.create_element("input").ok()?;
    for (name, value) in [
        ("type", "datetime-local"),
        ("class", "warm-up"),
        ("aria-hidden", "true"),
        ("tabindex", "-1"),
    ] {
        field.set_attribute(name, value).ok()?;
    }
    document.body()?.append_child(&field).ok()?;
    Some(field)
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

#[derive(Properties, PartialEq)]
struct WarmUpProps {
    report: Rc<Report>,
}

/// The list and the token view, as a paste shows them.
#[function_component(WarmUpView)]
fn warm_up_view(props: &WarmUpProps) -> Html {
    let token = props.report.tokens.first().cloned().map(Rc::new);
    html! {
        <>
            // Its date-time field alone cost 5–9 ms the first time: the
            // browser sets up its date formats then.
            <TimeControls leeway={0} as_of={None::<i64>} on_leeway={Callback::noop()} on_as_of={Callback::noop()} />
            <TokenList report={props.report.clone()} report_of={0} selected={0} on_select={Callback::noop()} />
            if let Some(token) = token {
                <TokenView {token} leeway={0} as_of={None::<i64>} />
            }
        </>
    }
}
