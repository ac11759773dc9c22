//! The article's headline.
//!
//! STUB (filled in by the layout work): the first title block.

use crate::boilerplate::{Block, BlockLabel};

/// The headline of the page, without kicker, portal name or site suffix.
pub fn find_title(text: &str, blocks: &[Block]) -> Option<String> {
    blocks
        .iter()
        .find(|b| b.label == BlockLabel::Title)
        .and_then(|b| b.span.slice(text))
        .map(|s| s.trim().to_owned())
}
