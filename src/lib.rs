//! JWT inspector: a pure analysis core shared by a Yew single-page app and
//! the `jwt-inspect` command-line tool.

pub mod analysis;
pub mod cli;
pub mod ui;
