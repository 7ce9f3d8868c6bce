//! JWT inspector: a pure analysis core shared by a Yew single-page app and
//! the `jwt-inspect` command-line tool.

pub mod analysis;
#[cfg(feature = "crypto")]
pub mod cli;
#[cfg(feature = "ui")]
pub mod ui;
#[cfg(feature = "worker")]
pub mod worker;
