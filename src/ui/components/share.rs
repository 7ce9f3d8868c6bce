//! Sharing, only when asked: the token goes into the URL fragment, which
//! browsers never send to a server — with a plain warning that the link
//! itself is the token.

use crate::ui::browser;
use crate::ui::components::CopyButton;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub token: AttrValue,
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let link = use_state(|| None::<String>);
    let onclick = {
        let (link, token) = (link.clone(), props.token.clone());
        Callback::from(move |_| link.set(browser::share_in_fragment(&token)))
    };
    html! {
        <div class="share">
            <button type="button" data-testid="share" {onclick}>{ "Share link…" }</button>
            if let Some(url) = &*link {
                <div class="share-warning" data-testid="share-warning" role="alert">
                    <p><strong>{ "This link contains the token itself." }</strong>{ " Anyone who gets it can use the token until it expires. The part after # stays in the browser and is never sent to a server, but chat tools and browser history keep it." }</p>
                    <code class="share-link">{ url }</code>
                    <CopyButton text={url.clone()} label="Copy the share link" testid="copy-share-link" />
                </div>
            }
        </div>
    }
}
