//! Copies text to the clipboard — only when the person clicks.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    /// What is copied, for screen readers: "Copy the curl command".
    pub label: AttrValue,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let copied = use_state(|| false);
    let reset = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let (text, copied, reset) = (props.text.clone(), copied.clone(), reset.clone());
        Callback::from(move |_| {
            if let Some(window) = web_sys::window() {
                let _promise = window.navigator().clipboard().write_text(&text);
                copied.set(true);
                let copied = copied.clone();
                // Dropped (cancelled) with the component or by the next click.
                *reset.borrow_mut() = Some(Timeout::new(2_000, move || copied.set(false)));
            }
        })
    };
    html! {
        <button type="button" class="copy" aria-label={props.label.clone()} data-testid={props.testid.clone()} {onclick}>
            { if *copied { "Copied" } else { "Copy" } }
        </button>
    }
}
