//! One small function component per file.

mod claims_table;
mod copy_button;
mod expectations_panel;
mod expectations_result;
mod findings;
mod json_view;
mod key_panel;
mod live_validity;
mod masthead;
mod notices;
mod paste_input;
mod segments;
mod share;
mod time_controls;
mod token_list;
mod token_view;
mod vendor_panel;
mod verdict;

pub use claims_table::ClaimsTable;
pub use copy_button::CopyButton;
pub use expectations_panel::ExpectationsPanel;
pub use expectations_result::ExpectationsResult;
pub use findings::{ErrorList, FindingList};
pub use json_view::JsonView;
pub use key_panel::KeyPanel;
pub use live_validity::LiveValidity;
pub use masthead::Masthead;
pub use notices::NoticeList;
pub use paste_input::PasteInput;
pub use segments::Segments;
pub use share::Share;
pub use time_controls::TimeControls;
pub use token_list::TokenList;
pub use token_view::TokenView;
pub use vendor_panel::VendorPanel;
pub use verdict::Verdict;
