//! coopfacts turns German press articles about IT cooperations of public bodies into
//! verifiable records: who cooperates with whom, of what kind, which officials speak
//! for them, and the dates and amounts involved. Every fact carries the byte offsets
//! of the text it came from.
//!
//! The pipeline, one document at a time (documents run in parallel):
//!
//! 1. [`decode`]: bytes to text (UTF-8 with or without BOM, Windows-1252); [`repair`]
//!    reads double-encoded UTF-8 as meant, its spans moved back to the decoded text.
//! 2. [`boilerplate`]: every line labelled as article content or boilerplate;
//!    nothing is deleted.
//! 3. [`extract::title`] and [`extract::published`]: headline and dateline.
//! 4. [`gazetteer`]: places, providers and roles matched on a [`normalize`]d view
//!    whose spans map back to the original bytes.
//! 5. [`extract::date`], [`extract::amount`], [`extract::official`].
//! 6. [`classify`]: cooperation or not, its kind and its parties.
//! 7. [`record`]: the JSON record.
//!
//! Every fact holds a [`span::Quote`], which can only be cut from the original
//! text, so `text == original[start..end]` holds for everything emitted.
#![cfg_attr(
    not(test),
    warn(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]
#![warn(missing_docs)]

pub mod boilerplate;
pub mod calendar;
pub mod classify;
pub mod decode;
pub mod digest;
pub mod entities;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gazetteer;
pub mod html;
pub mod normalize;
mod pattern;
pub mod pipeline;
pub mod record;
pub mod repair;
pub mod run;
pub mod segment;
pub mod source;
pub mod span;
#[cfg(test)]
mod testcases;

pub use error::Error;
pub use pipeline::{Pipeline, PipelineBuilder};
pub use record::Record;
pub use span::{Quote, Span};
