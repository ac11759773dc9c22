//! A progress line on standard error while a run goes, shown only when standard
//! error is a terminal and `--quiet` is not given; records are the same bytes
//! either way.
//!
//! When every input is a file, their total size is known ahead
//! ([`coopfacts::source::total_bytes`]): the line is a bar with percentage and ETA,
//! measured in input bytes consumed, which the source reader adds to a counter
//! this module owns ([`Progress::bytes_read`]). Folders and standard input are not
//! counted first, to keep one pass: the line is then a spinner with elapsed time.
//! Both show documents, megabytes of documents, documents per second and errors.
//!
//! The reader runs ahead of the workers by up to two chunks, so the bar reaches
//! its end a little before the last records are written.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use coopfacts::run::Summary;

/// The line when the total is not known. The figures are cut to the terminal's
/// width rather than wrapped.
const SPINNER: &str = "{spinner} {elapsed_precise} {wide_msg}";
/// The line when the total is known.
const BAR: &str = "{elapsed_precise} [{bar:16}] {percent:>3}% ETA {eta:<3} {wide_msg}";

/// The progress line, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Input bytes consumed, when the bar measures them against a known total.
    bytes_read: Option<Arc<AtomicU64>>,
}

impl Progress {
    /// A progress line if `wanted` and standard error is a terminal; `total`, the
    /// inputs' size if known, is asked only then.
    pub fn new(wanted: bool, total: impl FnOnce() -> Option<u64>) -> Progress {
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress {
                bar: None,
                bytes_read: None,
            };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
        bar.set_style(style(SPINNER));
        bar.enable_steady_tick(Duration::from_millis(250));
        // Sizing a long --files-from list takes a moment; say so meanwhile.
        bar.set_message("sizing the inputs");
        let bytes_read = total().map(|total| {
            bar.set_length(total);
            bar.set_style(style(BAR));
            Arc::new(AtomicU64::new(0))
        });
        bar.set_message("");
        Progress {
            bar: Some(bar),
            bytes_read,
        }
    }

    /// The counter the source reader is to add consumed input bytes to
    /// ([`coopfacts::source::SourceOptions::bytes_read`]); `None` when no bar
    /// needs it, so that nothing is counted.
    pub fn bytes_read(&self) -> Option<Arc<AtomicU64>> {
        self.bytes_read.clone()
    }

    /// Marks the start of processing: bytes consumed before (the documents a
    /// resumed run skips) move the bar but do not count towards the ETA's rate.
    pub fn start(&self) {
        if let (Some(bar), Some(read)) = (&self.bar, &self.bytes_read) {
            bar.set_position(read.load(Ordering::Relaxed));
            bar.reset_eta();
        }
    }

    /// Shows the figures so far.
    pub fn update(&self, s: &Summary) {
        let Some(bar) = &self.bar else {
            return;
        };
        if let Some(read) = &self.bytes_read {
            bar.set_position(read.load(Ordering::Relaxed));
        }
        let rate = if s.seconds > 0.0 {
            s.documents as f64 / s.seconds
        } else {
            0.0
        };
        bar.set_message(format!(
            "{} docs, {:.1} MB, {:.0} docs/s, {} errors",
            s.documents,
            s.bytes as f64 / 1e6,
            rate,
            s.errors
        ));
    }

    /// Removes the line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A run that stops with an error leaves no line behind either.
impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The style of `template`, or indicatif's default spinner should it not parse.
fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_parse() {
        for template in [SPINNER, BAR] {
            assert!(ProgressStyle::with_template(template).is_ok(), "{template}");
        }
    }

    #[test]
    fn nothing_is_counted_or_sized_without_a_line() {
        let progress = Progress::new(false, || panic!("sized without a line"));
        assert!(progress.bytes_read().is_none());
        progress.update(&Summary::default());
        progress.finish();
    }
}
