//! `coopfacts::eval` against `../shared/tools/score.py`: the same inputs must give the
//! same figures, leaks, missing documents, provenance counts, table text, verdict and
//! errors. Inputs are in `testdata/eval/` (gold, records, and the documents offsets
//! point into). Each test skips, saying so, when `python3` or the scorer is absent.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coopfacts::eval::{self, MinBar, Report};
use serde_json::Value;

const GOLD: &str = "testdata/eval/gold.jsonl";

/// The scorer, when it and `python3` are there.
fn scorer() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/score.py");
    let python = Command::new("python3").arg("--version").output();
    if path.is_file() && python.is_ok_and(|o| o.status.success()) {
        Some(path)
    } else {
        eprintln!("skipping: needs python3 and {}", path.display());
        None
    }
}

struct Case {
    records: &'static str,
    root: Option<&'static str>,
    mins: &'static [&'static str],
    max_leaks: Option<i64>,
}

const CASES: &[Case] = &[
    Case {
        records: "perfect",
        root: Some("testdata/eval"),
        mins: &["entities=0.9"],
        max_leaks: Some(0),
    },
    Case {
        records: "perfect",
        root: None,
        mins: &[],
        max_leaks: None,
    },
    Case {
        records: "mixed",
        root: Some("testdata/eval"),
        mins: &["entities=0.9", "amounts=0.2", "roles=0.667", "kind=nan"],
        max_leaks: Some(0),
    },
    Case {
        records: "mixed",
        root: None,
        mins: &["title=.5", "published=0.50"],
        max_leaks: Some(2),
    },
    Case {
        records: "odd",
        root: Some("testdata/eval/docs"),
        mins: &["dates=0.34", "roles=1"],
        max_leaks: Some(-1),
    },
    Case {
        records: "odd",
        root: Some(""),
        mins: &[],
        max_leaks: None,
    },
    Case {
        records: "empty",
        root: Some("testdata/eval"),
        mins: &["entities=0"],
        max_leaks: Some(0),
    },
];

fn records_path(name: &str) -> String {
    format!("testdata/eval/records/{name}.jsonl")
}

fn run_scorer(scorer: &Path, records: &str, root: Option<&str>, extra: &[String]) -> Output {
    let mut cmd = Command::new("python3");
    cmd.arg(scorer)
        .args(["--gold", GOLD, "--pred", records])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if let Some(root) = root {
        cmd.args(["--root", root]);
    }
    cmd.args(extra);
    cmd.output().expect("python3 runs")
}

fn ours(records: &str, root: Option<&str>) -> Report {
    // cargo runs tests in the package folder, where the scorer runs too: relative
    // paths then name files alike on both sides.
    eval::evaluate(Path::new(GOLD), Path::new(records), root.map(Path::new))
        .unwrap_or_else(|e| panic!("{records}: {e}"))
}

#[test]
fn figures_leaks_missing_and_provenance_agree() {
    let Some(scorer) = scorer() else { return };
    for case in CASES {
        let records = records_path(case.records);
        let label = format!("{} root={:?}", case.records, case.root);
        let out = run_scorer(&scorer, &records, case.root, &["--json".to_owned()]);
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        let first = stdout.lines().next().expect("a JSON line");
        let want: Value = serde_json::from_str(first).expect("JSON");
        let report = ours(&records, case.root);

        let figures = want["figures"].as_object().expect("figures");
        let got = report.figures();
        let names: Vec<&str> = got.iter().map(|(k, _)| *k).collect();
        let want_names: Vec<&str> = figures.keys().map(String::as_str).collect();
        let mut sorted_names = names.clone();
        sorted_names.sort_unstable();
        assert_eq!(sorted_names, want_names, "{label}: figure names");
        for (k, v) in &got {
            let w = figures[*k].as_f64().expect("a number");
            assert!((v - w).abs() <= 1e-9, "{label}: {k} {v} != {w}");
        }
        let strings = |v: &Value| -> Vec<String> {
            v.as_array()
                .expect("a list")
                .iter()
                .map(|s| s.as_str().expect("a string").to_owned())
                .collect()
        };
        assert_eq!(report.leaks, strings(&want["leaks"]), "{label}: leaks");
        assert_eq!(
            report.missing,
            strings(&want["missing"]),
            "{label}: missing"
        );
        let prov = report.provenance.unwrap_or_default();
        let counts = |n: usize| u64::try_from(n).expect("a count");
        assert_eq!(
            (counts(prov.ok), counts(prov.bad)),
            (
                want["provenance_ok"].as_u64().expect("count"),
                want["provenance_bad"].as_u64().expect("count")
            ),
            "{label}: provenance"
        );
    }
}

#[test]
fn printed_table_and_verdict_agree() {
    let Some(scorer) = scorer() else { return };
    for case in CASES {
        let records = records_path(case.records);
        let label = format!("{} root={:?}", case.records, case.root);
        let mut extra = Vec::new();
        for m in case.mins {
            extra.extend(["--min".to_owned(), (*m).to_owned()]);
        }
        if let Some(n) = case.max_leaks {
            extra.extend(["--max-leaks".to_owned(), n.to_string()]);
        }
        let out = run_scorer(&scorer, &records, case.root, &extra);
        let want = String::from_utf8(out.stdout).expect("UTF-8");

        let report = ours(&records, case.root);
        let bars: Vec<MinBar> = case
            .mins
            .iter()
            .map(|m| MinBar::parse(m).expect("a bar"))
            .collect();
        let failed = report.check(&bars, case.max_leaks);
        let got = format!("{}{}\n", report.render(), report.summary_line(&failed));
        assert_eq!(got, want, "{label}: printed text");
        assert_eq!(
            out.status.code(),
            Some(i32::from(!failed.is_empty())),
            "{label}: exit status"
        );
    }
}

#[test]
fn the_cases_are_not_trivial() {
    // Guards the fixtures: a perfect run, a mixed run with every kind of trouble.
    let perfect = ours(&records_path("perfect"), Some("testdata/eval"));
    assert!(perfect.check(&[], Some(0)).is_empty());
    let mixed = ours(&records_path("mixed"), Some("testdata/eval"));
    assert!(!mixed.leaks.is_empty() && !mixed.missing.is_empty());
    assert!(mixed.provenance.is_some_and(|p| p.ok > 0 && p.bad > 0));
    assert!(mixed.amounts.fp > 0 && mixed.entities.fn_ > 0);
}

#[test]
fn unreadable_rows_fail_on_both_sides_at_the_same_line() {
    let scorer = scorer();
    for (name, line, what) in [
        ("bad_json", 3, "not JSON"),
        ("crash_row", 2, "AttributeError"),
        ("crash_field", 1, "TypeError"),
    ] {
        let records = records_path(name);
        let err = eval::evaluate(Path::new(GOLD), Path::new(&records), None)
            .err()
            .unwrap_or_else(|| panic!("{name}: no error"));
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("{records}:{line}: ")) && msg.contains(what),
            "{name}: {msg}"
        );
        if let Some(scorer) = &scorer {
            let out = run_scorer(scorer, &records, None, &[]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
            assert!(out.stdout.is_empty(), "{name}: scorer printed a table");
            assert!(stderr.contains(what), "{name}: {stderr}");
            if what == "not JSON" {
                assert!(stderr.starts_with(&format!("{records}:{line}: not JSON")));
            }
        }
    }
}

/// Strings that stress NFC, case folding and white space: every code point in
/// blocks, and pseudo-random mixes of letters, marks, jamo and spaces.
fn hard_strings() -> Vec<String> {
    let mut out = Vec::new();
    let mut block = String::new();
    for u in 0..=0x10FFFF_u32 {
        if let Some(c) = char::from_u32(u) {
            block.push(c);
        }
        if u % 64 == 63 && !block.is_empty() {
            out.push(std::mem::take(&mut block));
        }
    }
    let pool: Vec<char> = "aAeEoOuUiIıİsSßẞσςΣjJqQ ﬁﬃŉǰ\u{345}\u{300}\u{301}\u{302}\u{303}\u{308}\
        \u{30c}\u{323}\u{327}\u{328}\u{31b}\u{5b0}\u{e48}\u{1dc0}\u{1100}\u{1161}\u{11a8}\u{ac00}\
        \u{ad}\u{a0}\u{2013}\u{2011}\u{1c}\t\u{3000}\u{212b}\u{2126}\u{1e9b}\u{13f8}\u{ab70}\u{1f80}\
        \u{fb2c}\u{2adc}"
        .chars()
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut s = String::new();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let len = 1 + state % 7;
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let pick = state % u64::try_from(pool.len()).expect("small");
            s.push(pool[usize::try_from(pick).expect("small")]);
        }
        out.push(s);
    }
    out
}

#[test]
fn norm_agrees_on_every_code_point_and_on_mark_soup() {
    let Some(scorer) = scorer() else { return };
    let inputs = hard_strings();
    let script = "import json, sys\n\
        sys.path.insert(0, sys.argv[1])\n\
        import score\n\
        xs = json.load(sys.stdin)\n\
        json.dump([score.norm(x) for x in xs], sys.stdout)\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .arg(scorer.parent().expect("tools folder"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let input = serde_json::to_vec(&inputs).expect("JSON");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(&input).expect("write");
    });
    let out = child.wait_with_output().expect("python3 finishes");
    writer.join().expect("writer");
    let want: Vec<String> = serde_json::from_slice(&out.stdout).expect("JSON list");
    assert_eq!(want.len(), inputs.len());
    let mut wrong = Vec::new();
    for ((input, want), got) in inputs
        .iter()
        .zip(&want)
        .zip(inputs.iter().map(|s| eval::norm(s)))
    {
        if &got != want {
            wrong.push(format!("{input:?}: {got:?} != {want:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} differ:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(20)].join("\n")
    );
}

#[test]
fn unicode_tables_are_fresh() {
    if scorer().is_none() {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .arg(dir.join("src/eval/tables.py"))
        .output()
        .expect("python3 runs");
    let committed = std::fs::read(dir.join("src/eval/tables.rs")).expect("tables.rs");
    assert!(
        out.stdout == committed,
        "src/eval/tables.rs is stale for this Python: python3 src/eval/tables.py > src/eval/tables.rs"
    );
}
