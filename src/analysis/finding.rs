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
    /// The finding's stable id, never renamed (docs/report.md, "Finding
    /// ids").
    pub id: FindingId,
    /// How serious it is; follows from the id.
    pub severity: Severity,
    /// What was seen in this token and why it matters, for a person.
    pub message: String,
    /// The RFC sections or CVEs behind it ("RFC 7519 §6; RFC 8725 §2.1");
    /// follows from the id.
    pub reference: Text,
}

impl Finding {
    /// A finding with `id`'s severity and reference and this message.
    pub fn new(id: FindingId, message: impl Into<String>) -> Self {
        Finding {
            id,
            severity: id.severity(),
            message: message.into(),
            reference: id.reference().into(),
        }
    }
}
