//! The `coopfacts` command line.

fn main() {}
