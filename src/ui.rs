//! The browser UI: thin Yew function components over [`crate::analysis`].
//! Nothing here parses tokens; it renders the core's report. All browser
//! clock access is in [`clock`].

pub mod after_paint;
pub mod app;
pub mod browser;
pub mod clock;
pub mod components;
#[cfg(feature = "encoder")]
pub mod encoder;
pub mod examples;
pub mod large_text;
pub mod shell;
pub mod state;
pub mod warm_up;
pub mod worker_channel;

pub use app::App;
