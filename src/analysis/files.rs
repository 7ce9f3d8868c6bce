//! Files people paste or drop whose structure names the tokens in them
//! better than the text around each token can. Read by the full analysis
//! (the `Verifier` seam): the page's light analysis finds the same tokens
//! by their text, and the worker names them.

#[cfg(feature = "crypto")]
pub mod kubeconfig;

use crate::analysis::finder::Notice;

/// What a file's structure says about the paste.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileSources {
    /// Names for values found in the file: (value, description, field).
    pub named: Vec<NamedValue>,
    /// What a person should know about the file as a whole.
    pub notices: Vec<Notice>,
}

/// A value of the file and where it sits, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedValue {
    /// The value exactly as the file holds it (a token).
    pub value: String,
    /// "kubeconfig user alice (context dev-cluster), token".
    pub description: String,
    /// The field that holds it: `users[alice].user.token`.
    pub field: String,
}
