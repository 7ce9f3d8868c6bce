//! `--fail-on`: the conditions a script or CI job gates on, and which
//! tokens of a report meet them (exit status 3).

use crate::analysis::report::Report;
use crate::analysis::vocab::{Severity, SignatureStatus, ValidityState};
use std::fmt;

/// One condition of `--fail-on LIST`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailCondition {
    /// The signature status is `invalid` (including matched but refused).
    Invalid,
    /// The signature status is `unchecked` (no usable key).
    Unchecked,
    /// The token has expired.
    Expired,
    /// The token is not valid yet.
    NotYetValid,
    /// The expectations (`--expect-*`, `--require`, `--max-lifetime`) are
    /// not met.
    Refused,
    /// A finding of severity high or critical.
    High,
    /// A finding of severity critical.
    Critical,
}

impl FailCondition {
    /// Every condition, as `--fail-on` names them.
    pub const ALL: [FailCondition; 7] = [
        FailCondition::Invalid,
        FailCondition::Unchecked,
        FailCondition::Expired,
        FailCondition::NotYetValid,
        FailCondition::Refused,
        FailCondition::High,
        FailCondition::Critical,
    ];

    /// Its name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FailCondition::Invalid => "invalid",
            FailCondition::Unchecked => "unchecked",
            FailCondition::Expired => "expired",
            FailCondition::NotYetValid => "not-yet-valid",
            FailCondition::Refused => "refused",
            FailCondition::High => "high",
            FailCondition::Critical => "critical",
        }
    }

    /// Reads a comma list (`invalid,expired`); `Err` holds the first
    /// unknown name.
    ///
    /// # Errors
    /// The first name that is no condition.
    pub fn parse_list(text: &str) -> Result<Vec<FailCondition>, String> {
        text.split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| {
                Self::ALL
                    .into_iter()
                    .find(|c| c.as_str() == name)
                    .ok_or_else(|| name.to_string())
            })
            .collect()
    }
}

impl fmt::Display for FailCondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
