//! Table-driven case files (`testdata/cases/*.toml`) for unit tests.
//!
//! Each file holds `[[case]]` tables with at least a `name`. A test hands every case
//! to a check function; all failures are reported at once. Set `COOPFACTS_TEST` to a
//! substring to run only the cases whose name contains it.

use serde::de::DeserializeOwned;
use serde::Deserialize;

#[derive(Deserialize)]
struct CaseFile<C> {
    case: Vec<C>,
}

/// A case that can be named in a failure report.
pub(crate) trait NamedCase {
    fn name(&self) -> &str;
}

/// Parses `source` (the contents of `file`) and runs `check` on every selected case;
/// panics with every failure listed when any case fails.
pub(crate) fn run_cases<C: DeserializeOwned + NamedCase>(
    file: &str,
    source: &str,
    check: impl Fn(&C) -> Result<(), String>,
) {
    let parsed: CaseFile<C> =
        toml::from_str(source).unwrap_or_else(|e| panic!("{file}: not a case file: {e}"));
    let filter = std::env::var("COOPFACTS_TEST").unwrap_or_default();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in parsed.case.iter().filter(|c| c.name().contains(&filter)) {
        ran += 1;
        if let Err(why) = check(case) {
            failures.push(format!("  {}: {why}", case.name()));
        }
    }
    assert!(
        failures.is_empty(),
        "{file}: {} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
