//! Money amounts in German text.
//!
//! STUB (filled in by the amounts work): finds nothing yet.

use crate::record::AmountFact;
use crate::span::Span;

/// Finds amounts. Built once; holds its compiled patterns.
#[derive(Debug, Clone, Default)]
pub struct AmountFinder {}

impl AmountFinder {
    /// A finder with the default patterns.
    pub fn new() -> AmountFinder {
        AmountFinder {}
    }

    /// Amounts within `region` of `text`, in text order.
    pub fn find(&self, text: &str, region: Span) -> Vec<AmountFact> {
        let _ = (text, region);
        Vec::new()
    }
}
