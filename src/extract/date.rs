//! Calendar dates in German text.
//!
//! STUB (filled in by the dates work): finds nothing yet.

use crate::calendar::CalendarDate;
use crate::record::DateFact;
use crate::span::Span;

/// Finds dates. Built once; holds its compiled patterns.
#[derive(Debug, Clone, Default)]
pub struct DateFinder {}

impl DateFinder {
    /// A finder with the default patterns.
    pub fn new() -> DateFinder {
        DateFinder {}
    }

    /// Dates within `region` of `text`, in text order. Dates without a year and
    /// relative dates are resolved against `published`, and dropped without it.
    pub fn find(&self, text: &str, region: Span, published: Option<CalendarDate>) -> Vec<DateFact> {
        let _ = (text, region, published);
        Vec::new()
    }
}
