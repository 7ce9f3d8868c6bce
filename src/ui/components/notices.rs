//! Messages about the paste as a whole.

use crate::analysis::finder::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeListProps {
    pub notices: Vec<Notice>,
}

#[function_component(NoticeList)]
pub fn notice_list(props: &NoticeListProps) -> Html {
    if props.notices.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="notices">
            { for props.notices.iter().map(|n| html! {
                <li class={classes!("notice", n.severity.as_str())} data-testid="notice" data-notice-id={n.id.to_string()}>
                    { &n.message }
                </li>
            }) }
        </ul>
    }
}
