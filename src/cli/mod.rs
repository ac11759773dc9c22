//! The command line: arguments, their validation, and exit codes.

pub mod args;
pub mod exit;
