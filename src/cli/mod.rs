//! The command line: arguments, their validation, output files, progress, and exit
//! codes.

pub mod args;
pub mod exit;
pub mod output;
pub mod progress;
