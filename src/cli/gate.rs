//! `--fail-on`: the conditions a script or CI job gates on, and which
//! tokens of a report meet them (exit status 3).

use crate::analysis::report::Report;
use crate::analysis::vocab::{Severity, SignatureStatus, ValidityState};

crate::analysis::vocab::vocabulary! {
    /// One condition of `--fail-on LIST`, named as the flag takes it.
    pub enum FailCondition {
        /// The signature status is `invalid` (including matched but refused).
        Invalid = "invalid",
        /// The signature status is `unchecked` (no usable key).
        Unchecked = "unchecked",
        /// The token has expired.
        Expired = "expired",
        /// The token is not valid yet.
        NotYetValid = "not-yet-valid",
        /// The expectations (`--expect-*`, `--require`, `--max-lifetime`)
        /// are not met.
        Refused = "refused",
        /// A finding of severity high or critical.
        High = "high",
        /// A finding of severity critical.
        Critical = "critical",
    }
}

impl FailCondition {
    /// Reads a comma list (`invalid,expired`).
    ///
    /// # Errors
    /// The first name that is no condition.
    pub fn parse_list(text: &str) -> Result<Vec<FailCondition>, String> {
        text.split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| Self::from_report_str(name).ok_or_else(|| name.to_string()))
            .collect()
    }
}

/// A token that meets a condition: its position (from 1) and the condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    /// The token's number in the report, from 1.
    pub token: usize,
    /// The condition it meets.
    pub condition: FailCondition,
}

/// Every (token, condition) pair of `report` that meets one of `conditions`.
pub fn failures(report: &Report, conditions: &[FailCondition]) -> Vec<Failure> {
    let mut found = Vec::new();
    for (index, token) in report.tokens.iter().enumerate() {
        let worst = token.findings.iter().map(|f| f.severity).max();
        for &condition in conditions {
            let met = match condition {
                FailCondition::Invalid => token.signature.status == SignatureStatus::Invalid,
                FailCondition::Unchecked => token.signature.status == SignatureStatus::Unchecked,
                FailCondition::Expired => token.validity.state == ValidityState::Expired,
                FailCondition::NotYetValid => token.validity.state == ValidityState::NotYetValid,
                FailCondition::Refused => token.expectations.as_ref().is_some_and(|e| !e.accepted),
                FailCondition::High => worst >= Some(Severity::High),
                FailCondition::Critical => worst >= Some(Severity::Critical),
            };
            if met {
                found.push(Failure {
                    token: index + 1,
                    condition,
                });
            }
        }
    }
    found
}
