//! Page layout: labels every line of a page as article content or boilerplate.
//!
//! STUB (filled in by the layout work): every non-empty line is body.

use crate::span::Span;

/// What a block of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockLabel {
    /// The article's headline.
    Title,
    /// A kicker line above the headline ("Cottbus:").
    Kicker,
    /// A line giving place and date of the article.
    Dateline,
    /// Article text.
    Body,
    /// A keyword line of the article ("Stichwörter: …").
    Keywords,
    /// Menus, breadcrumbs, search boxes, print and share links.
    Navigation,
    /// Teasers of other articles.
    Teaser,
    /// Advertising.
    Ad,
    /// Company and contact boxes, addresses, phone numbers.
    Contact,
    /// Legal notes, copyright, cookie banners.
    Legal,
    /// Photo captions and credits.
    Caption,
    /// Author lines and boxes.
    Byline,
    /// Bare links.
    Link,
}

impl BlockLabel {
    /// True for the article's own text, where facts may come from.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            BlockLabel::Title
                | BlockLabel::Kicker
                | BlockLabel::Dateline
                | BlockLabel::Body
                | BlockLabel::Keywords
        )
    }
}

/// A labelled span of the page. Blocks never overlap and come in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// The bytes the block covers, without its line end.
    pub span: Span,
    /// What the block is.
    pub label: BlockLabel,
}

/// Labels page lines. Built once, shared by all workers.
#[derive(Debug, Clone, Default)]
pub struct BoilerplateClassifier {}

impl BoilerplateClassifier {
    /// A classifier with the default rules.
    pub fn new() -> BoilerplateClassifier {
        BoilerplateClassifier {}
    }

    /// The blocks of `text`, in text order.
    pub fn classify(&self, text: &str) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_end_matches(['\n', '\r']);
            if !trimmed.trim().is_empty() {
                blocks.push(Block {
                    span: Span::new(start, start + trimmed.len()),
                    label: BlockLabel::Body,
                });
            }
            start += line.len();
        }
        blocks
    }
}
