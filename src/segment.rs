//! Sentences of the article's content.
//!
//! STUB (being written).
