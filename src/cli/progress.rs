//! A progress line on standard error while a run goes: documents, megabytes,
//! documents per second, errors and elapsed time. Shown only when standard error is
//! a terminal and `--quiet` is not given. The total of a run is not known ahead (a
//! folder or dump is not counted first, to keep one pass), so there is no ETA.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use coopfacts::run::Summary;

/// The progress line, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A progress line if `wanted` and standard error is a terminal.
    pub fn new(wanted: bool) -> Progress {
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
        let style = ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(250));
        Progress { bar: Some(bar) }
    }

    /// Shows the figures so far.
    pub fn update(&self, s: &Summary) {
        if let Some(bar) = &self.bar {
            let rate = if s.seconds > 0.0 {
                s.documents as f64 / s.seconds
            } else {
                0.0
            };
            bar.set_message(format!(
                "{} documents, {:.1} MB, {:.0} docs/s, {} errors",
                s.documents,
                s.bytes as f64 / 1e6,
                rate,
                s.errors
            ));
        }
    }

    /// Removes the line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
