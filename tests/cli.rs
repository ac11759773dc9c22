//! The `coopfacts` binary as a user runs it: exit codes, messages, one record per
//! document whatever the input, the same bytes at any thread count, quiet ends of
//! closed pipes.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use coopfacts::Record;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_coopfacts"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().unwrap()
}

/// Records of a JSON Lines output, parsed strictly (unknown fields are errors).
fn parse(stdout: &[u8]) -> Vec<Record> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn extracts_the_corpus_with_a_summary_line() {
    let out = run(&["extract", "corpus"], &root());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = parse(&out.stdout);
    assert_eq!(records.len(), 5);
    assert!(records.iter().all(|r| r.source.starts_with("corpus/")));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("5 documents, 5 records, 0 errors"),
        "{stderr}"
    );
}

#[test]
fn bad_documents_get_error_records_and_exit_code_one() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    for entry in fs::read_dir(root().join("corpus")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            fs::copy(&p, docs.join(p.file_name().unwrap())).unwrap();
        }
    }
    fs::write(docs.join("empty.txt"), b"").unwrap();
    fs::write(
        docs.join("binary.bin"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0],
    )
    .unwrap();
    // "Die Stadt Gießen zahlt 5.000 € für die Kooperation." in Windows-1252.
    let mut cp1252 = b"Die Stadt Gie\xdfen zahlt 5.000 \x80 f\xfcr die Kooperation.".to_vec();
    cp1252.push(b'\n');
    fs::write(docs.join("latin.txt"), &cp1252).unwrap();
    let out = run(&["extract", "docs", "missing.txt", "-j", "2"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let records = parse(&out.stdout);
    assert_eq!(
        records.len(),
        5 + 3 + 1,
        "one record per document, none lost"
    );
    let by_name = |n: &str| records.iter().find(|r| r.source.ends_with(n)).unwrap();
    assert!(by_name("empty.txt")
        .error
        .as_deref()
        .unwrap()
        .contains("empty"));
    assert!(by_name("binary.bin")
        .error
        .as_deref()
        .unwrap()
        .contains("binary"));
    assert!(by_name("missing.txt")
        .error
        .as_deref()
        .unwrap()
        .contains("missing.txt"));
    let latin = by_name("latin.txt");
    assert_eq!(latin.error, None);
    assert_eq!(latin.encoding.as_deref(), Some("windows-1252"));
    assert_eq!(latin.amounts[0].value, 5000.0);
    assert!(latin.entities.iter().any(|e| e.name == "Gießen"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("9 documents, 9 records, 3 errors"),
        "{stderr}"
    );
}

#[test]
fn output_is_the_same_bytes_at_one_and_four_threads() {
    let one = run(
        &["extract", "corpus", "testdata/articles", "-j", "1"],
        &root(),
    );
    let four = run(
        &["extract", "corpus", "testdata/articles", "-j", "4"],
        &root(),
    );
    assert_eq!(one.status.code(), Some(0));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn reads_standard_input_and_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin()
        .args(["extract", "-", "-o", "out.jsonl", "--quiet"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "[3.2.2020] Die Stadt Kiel und der Kreis Plön arbeiten künftig zusammen.".as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "--quiet prints nothing");
    let records = parse(&fs::read(dir.path().join("out.jsonl")).unwrap());
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].source, "-");
    assert!(records[0].cooperation);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = bin()
        .args([
            "extract",
            "corpus",
            "testdata/articles",
            "corpus",
            "testdata/articles",
            "-j",
            "1",
        ])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("error"),
        "{stderr}"
    );
}

#[test]
fn a_malformed_user_gazetteer_is_fatal_and_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("mine.tsv"),
        "id\tkind\tname\taliases\nzv-x\tburg\tZV X\t\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), "Text").unwrap();
    let out = run(&["extract", "a.txt", "--gazetteer", "mine.tsv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mine.tsv:2: unknown kind `burg`"),
        "{stderr}"
    );
}

#[test]
fn a_user_gazetteer_adds_organisations() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("mine.tsv"),
        "id\tkind\tname\taliases\nzv-muster\tprovider\tZweckverband Musterdaten\tZVM\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Die Stadt Jena tritt dem ZVM bei.",
    )
    .unwrap();
    let out = run(&["extract", "a.txt", "--gazetteer", "mine.tsv"], dir.path());
    let records = parse(&out.stdout);
    assert!(records[0]
        .entities
        .iter()
        .any(|e| e.name == "Zweckverband Musterdaten"));
}

#[test]
fn help_and_usage_errors() {
    let help = run(&["--help"], &root());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("extract") && text.contains("eval"), "{text}");
    assert_eq!(run(&["extract"], &root()).status.code(), Some(2));
    assert_eq!(
        run(&["extract", "corpus", "-j", "0"], &root())
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn eval_scores_records_and_fails_below_a_bar() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("r.jsonl");
    let out = run(
        &[
            "extract",
            "testdata/articles",
            "-o",
            records.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(out.status.code(), Some(0));
    let eval = |extra: &[&str]| {
        let mut args = vec!["eval", "--gold", "testdata/gold.jsonl", "--root", "."];
        args.extend_from_slice(extra);
        args.push(records.to_str().unwrap());
        run(&args, &root())
    };
    let ok = eval(&[]);
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(
        text.contains("entities") && text.contains("provenance"),
        "{text}"
    );
    assert_eq!(ok.status.code(), Some(0), "{text}");
    assert_eq!(eval(&["--min", "entities=1.01"]).status.code(), Some(1));
    assert_eq!(eval(&["--min", "nonsense=1"]).status.code(), Some(2));
}
