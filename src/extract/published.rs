//! The publication date a page states for itself.
//!
//! STUB (filled in by the layout work): finds nothing yet.

use crate::boilerplate::Block;
use crate::calendar::CalendarDate;

/// The date the article states for itself (dateline, "Veröffentlicht am", …).
pub fn find_published(text: &str, blocks: &[Block]) -> Option<CalendarDate> {
    let _ = (text, blocks);
    None
}
