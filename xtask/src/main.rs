//! Project tasks: `cargo xtask gazetteers [--check]`.

fn main() {}
