//! One small function component per file.

mod claims_table;
mod findings;
mod json_view;
mod key_panel;
mod notices;
mod paste_input;
mod segments;
mod token_list;
mod token_view;
mod verdict;

pub use claims_table::ClaimsTable;
pub use findings::{ErrorList, FindingList};
pub use json_view::JsonView;
pub use key_panel::KeyPanel;
pub use notices::NoticeList;
pub use paste_input::PasteInput;
pub use segments::Segments;
pub use token_list::TokenList;
pub use token_view::TokenView;
pub use verdict::Verdict;
