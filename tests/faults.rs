//! Broken input never stops a run: every fault becomes a record with `error`, every
//! good document still gets its record, and the summary counts both. And a run cut
//! short resumes to the bytes of a whole run.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn text(i: usize) -> String {
    format!(
        "Meldung {i}\n\nDie Stadt Jena und der Saale-Holzland-Kreis kooperieren seit dem {}.3.2019 \
         bei der IT; dafür fließen {}.000 Euro pro Jahr.\n",
        i % 27 + 1,
        i + 5
    )
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string() + "\n"
}

fn conversion(id: &str, block: &[u8], claimed: usize) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <{id}>\r\nContent-Type: text/plain\r\nContent-Length: {claimed}\r\n\r\n"
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coopfacts"))
        .arg("extract")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Writes the fault corpus; returns each document's source and whether it is good.
fn fault_corpus(dir: &Path) -> Vec<(String, bool)> {
    let mut want = Vec::new();
    let d = dir.join("in");
    std::fs::create_dir(&d).unwrap();
    let put = |name: &str, bytes: &[u8]| std::fs::write(d.join(name), bytes).unwrap();

    put("a-good.txt", text(0).as_bytes());
    want.push(("in/a-good.txt".into(), true));

    // A gzip document cut in half.
    let long = text(1).repeat(50);
    let gz = gzip(long.as_bytes());
    put("b-cut.txt.gz", &gz[..gz.len() / 2]);
    want.push(("in/b-cut.txt.gz".into(), false));

    // Binary data: undecodable.
    put("c-binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    want.push(("in/c-binary.txt".into(), false));

    // Over --max-doc-bytes (set to 4000 below).
    put("d-huge.txt", text(2).repeat(100).as_bytes());
    want.push(("in/d-huge.txt".into(), false));

    // JSON Lines: good, malformed, no text, too long, good; then cut off inside
    // the gzip stream.
    let mut lines = line("j1", &text(3));
    lines += "{\"id\": \"j2\", \"text\": \"unterminated\n";
    lines += "{\"id\": \"j3\", \"body\": \"kein text\"}\n";
    lines += &line("j4", &text(4).repeat(100));
    lines += &line("j5", &text(5));
    put("e-lines.jsonl", lines.as_bytes());
    for (source, good) in [
        ("in/e-lines.jsonl:1#j1", true),
        ("in/e-lines.jsonl:2", false),
        ("in/e-lines.jsonl:3#j3", false),
        ("in/e-lines.jsonl:4", false),
        ("in/e-lines.jsonl:5#j5", true),
    ] {
        want.push((source.into(), good));
    }
    // A zstd JSON Lines dump cut off: the lines before the cut come through, the
    // cut gives one error record.
    let mut big = String::new();
    // More than one zstd block (128 KiB), so that a cut leaves whole blocks before it.
    for i in 0..300 {
        let filler = "Füllsatz. ".repeat(40 + i % 20);
        big += &line(&format!("z{i}"), &format!("{}{filler}", text(i)));
    }
    let zst = zstd::encode_all(big.as_bytes(), 3).unwrap();
    put("f-cut.jsonl.zst", &zst[..zst.len() * 3 / 4]);
    // (its records are checked separately: how many lines survive depends on the
    // compressor's blocks)

    // WARC: good, Content-Length too short, good, truncated at the end.
    let mut warc = conversion("w1", text(6).as_bytes(), text(6).len());
    warc.extend(conversion("w2", text(7).as_bytes(), text(7).len() - 20));
    warc.extend(conversion("w3", text(8).as_bytes(), text(8).len()));
    let mut last = conversion("w4", text(9).as_bytes(), text(9).len());
    last.truncate(last.len() - 30);
    warc.extend(last);
    put("g-crawl.warc.gz", &gzip(&warc));
    for (source, good) in [
        ("in/g-crawl.warc.gz#<w1>", true),
        ("in/g-crawl.warc.gz#<w2>", false),
        ("in/g-crawl.warc.gz#<w3>", true),
        ("in/g-crawl.warc.gz#<w4>", false),
    ] {
        want.push((source.into(), good));
    }

    // A link whose target is gone, as a file that vanished after being listed.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("no-such-file.txt"), d.join("h-vanished.txt")).unwrap();
        want.push(("in/h-vanished.txt".into(), false));
    }
    put("i-good.txt", text(10).as_bytes());
    want.push(("in/i-good.txt".into(), true));
    want
}

#[test]
fn every_fault_is_a_record_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let want = fault_corpus(dir.path());
    std::fs::write(dir.path().join("list.txt"), "in/a-good.txt\nin/gone.txt\n").unwrap();
    let out = run(
        dir.path(),
        &[
            "in",
            "--files-from",
            "list.txt",
            "--max-doc-bytes",
            "4000",
            "--stats",
            "stats.json",
            "-j2",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = records(&out.stdout);
    let cut: Vec<&Value> = got
        .iter()
        .filter(|r| {
            r["source"]
                .as_str()
                .unwrap()
                .starts_with("in/f-cut.jsonl.zst")
        })
        .collect();
    let rest: Vec<(String, bool)> = got
        .iter()
        .filter(|r| {
            !r["source"]
                .as_str()
                .unwrap()
                .starts_with("in/f-cut.jsonl.zst")
        })
        .map(|r| {
            (
                r["source"].as_str().unwrap().to_owned(),
                r["error"].is_null(),
            )
        })
        .collect();
    let mut want = want;
    want.push(("in/a-good.txt".into(), true));
    want.push(("in/gone.txt".into(), false));
    assert_eq!(rest, want);
    // The cut dump: good lines in order, then exactly one error, last.
    let (last, good) = cut.split_last().unwrap();
    assert!(
        last["error"].as_str().unwrap().contains("truncated"),
        "{last}"
    );
    assert!(!good.is_empty() && good.len() < 300, "{}", good.len());
    for (i, r) in good.iter().enumerate() {
        assert_eq!(r["source"], format!("in/f-cut.jsonl.zst:{}#z{i}", i + 1));
        assert!(r["error"].is_null());
    }
    let stats: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("stats.json")).unwrap()).unwrap();
    let errors = got.iter().filter(|r| !r["error"].is_null()).count();
    assert_eq!(stats["records"], got.len());
    assert_eq!(stats["documents"], got.len());
    assert_eq!(stats["errors"], errors);
    assert_eq!(errors, want.iter().filter(|w| !w.1).count() + 1);
}

#[test]
fn a_resumed_run_writes_the_bytes_of_a_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    fault_corpus(dir.path());
    let whole = run(
        dir.path(),
        &["in", "--max-doc-bytes", "4000", "-o", "whole.jsonl"],
    );
    assert_eq!(whole.status.code(), Some(1));
    let whole = std::fs::read(dir.path().join("whole.jsonl")).unwrap();
    let ends: Vec<usize> = whole
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
        .collect();
    // Nothing written, cut inside a line, cut at a line end, complete.
    for cut in [0, ends[3] + 7, ends[7], whole.len()] {
        std::fs::write(dir.path().join("part.jsonl"), &whole[..cut]).unwrap();
        let out = run(
            dir.path(),
            &[
                "in",
                "--max-doc-bytes",
                "4000",
                "-o",
                "part.jsonl",
                "--resume",
                "-j2",
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let part = std::fs::read(dir.path().join("part.jsonl")).unwrap();
        assert!(part == whole, "resumed at byte {cut}");
    }
    // Output of other inputs is refused, and left alone.
    std::fs::write(dir.path().join("other.jsonl"), &whole[..ends[2]]).unwrap();
    let out = run(
        dir.path(),
        &["in/i-good.txt", "-o", "other.jsonl", "--resume"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
    assert_eq!(
        std::fs::read(dir.path().join("other.jsonl")).unwrap(),
        &whole[..ends[2]]
    );
}
