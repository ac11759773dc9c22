//! Project tasks, run through the alias in `.cargo/config.toml`:
//!
//! - `cargo xtask gazetteers`: derive `gazetteers/*.tsv` from `gazetteers/sources/`.
//! - `cargo xtask gazetteers --check`: fail when a committed file is stale or missing.

mod gazetteers;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask gazetteers [--check]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["gazetteers"] => generate(),
        ["gazetteers", "--check"] => check(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn generate() -> anyhow::Result<ExitCode> {
    let summary = gazetteers::generate(&gazetteers::workspace_root()?)?;
    println!("{summary}");
    Ok(ExitCode::SUCCESS)
}

fn check() -> anyhow::Result<ExitCode> {
    let stale = gazetteers::stale(&gazetteers::workspace_root()?)?;
    if stale.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("stale gazetteers, run `cargo xtask gazetteers` and commit the result:");
    for path in stale {
        eprintln!("  {path}");
    }
    Ok(ExitCode::FAILURE)
}
