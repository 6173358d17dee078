//! What the rules find before it is rendered into a report: the findings of one validation.
//! Its own module so that the rule vocabulary ([`crate::rule`]), the request model
//! ([`crate::request`]) and the interpreter ([`crate::validate`]) all depend on it and not on
//! each other.

use crate::catalog::Code;
use crate::report::{IssueKind, Severity};

/// A finding before it is rendered: what the rules produce.
#[derive(Debug, Clone)]
pub struct Finding {
    pub field: String,
    pub code: Code,
    pub row_hint: Option<&'static str>,
    pub severity: Severity,
    pub kind: IssueKind,
}

/// The findings of one validation, in the order they were made.
#[derive(Debug, Default)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    pub fn push(
        &mut self,
        field: String,
        code: Code,
        row_hint: Option<&'static str>,
        severity: Severity,
        kind: IssueKind,
    ) {
        self.0.push(Finding { field, code, row_hint, severity, kind });
    }

    pub fn error(&mut self, field: String, code: Code, kind: IssueKind) {
        self.push(field, code, None, Severity::Error, kind);
    }

    pub fn warn(&mut self, field: String, code: Code, kind: IssueKind) {
        self.push(field, code, None, Severity::Warning, kind);
    }
}
