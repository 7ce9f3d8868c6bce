//! The browser UI: thin Yew function components over [`crate::analysis`].
