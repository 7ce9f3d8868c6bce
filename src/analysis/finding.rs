//! What a careful reviewer would flag: a stable id (see
//! [`crate::analysis::vocab::FindingId`]) with its severity, one sentence
//! for a person, and the RFC or CVE behind it.
//!
//! Ids are part of the JSON report contract and the page's
//! `data-finding-id`: add new ones, never rename old ones.

use crate::analysis::vocab::{FindingId, Severity, Text};
use serde::{Deserialize, Serialize};

/// One flagged observation about a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: FindingId,
    pub severity: Severity,
    pub message: String,
    pub reference: Text,
}

impl Finding {
    pub fn new(id: FindingId, message: impl Into<String>) -> Self {
        Finding {
            id,
            severity: id.severity(),
            message: message.into(),
            reference: id.reference().into(),
        }
    }
}
