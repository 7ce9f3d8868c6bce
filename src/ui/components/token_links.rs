//! Which tokens of the paste belong together: an ID token's `at_hash` and
//! `c_hash` checked against the access token and code beside it.

use crate::analysis::report::TokenLink;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TokenLinksProps {
    pub links: Vec<TokenLink>,
}

#[function_component(TokenLinks)]
pub fn token_links(props: &TokenLinksProps) -> Html {
    html! {
        <section class="panel token-links" data-testid="token-links" aria-label="Linked tokens">
            <h3 class="panel-title">{ "Issued together? (OpenID Connect)" }</h3>
            <ul>
                { for props.links.iter().map(|link| html! {
                    <li class={if link.ok { "ok" } else { "fail" }} data-testid="token-link"
                        data-claim={link.claim.as_str()} data-ok={link.ok.to_string()}>
                        <span class="mark" aria-hidden="true">{ if link.ok { "✓ " } else { "✕ " } }</span>
                        { &link.message }
                    </li>
                }) }
            </ul>
        </section>
    }
}
