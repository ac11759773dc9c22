//! Memory stays bounded under a huge input: a single document of hundreds of
//! megabytes, over `--max-doc-bytes`, is skipped with its error record while the
//! process's peak resident memory stays far below the input's size.
//!
//! The inputs are written in chunks, so the test process never holds them either.
//! Peak memory is `VmHWM` of `/proc/<pid>/status`, polled while the child runs;
//! where `/proc` cannot be read, the memory check is skipped with a note.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use serde_json::Value;

/// Bytes of the huge document (its text, before any JSON or compression).
const HUGE: usize = 300 * 1024 * 1024;
/// The document limit the runs are given.
const LIMIT: &str = "1000000";
/// The peak resident memory allowed: half the input, and well above what the
/// binary needs for its gazetteer and one document at the limit.
const PEAK_LIMIT_KIB: u64 = 150 * 1024;

/// One huge run at a time: they are I/O-heavy, and each measures its own child.
static SERIAL: Mutex<()> = Mutex::new(());

/// About 1 MiB of German text without characters JSON would escape.
fn chunk() -> Vec<u8> {
    let sentence = "Die Stadt Jena und der Saale-Holzland-Kreis betreiben ihr Rechenzentrum \
                    künftig gemeinsam; dafür gründen sie einen Zweckverband. ";
    sentence
        .repeat(1024 * 1024 / sentence.len() + 1)
        .into_bytes()
}

/// Writes the file `path`: `prefix`, then text chunks until `HUGE` bytes, then
/// `suffix`.
fn write_huge_file(path: &Path, prefix: &[u8], suffix: &[u8]) {
    let chunk = chunk();
    let mut out = BufWriter::new(File::create(path).unwrap());
    out.write_all(prefix).unwrap();
    let mut left = HUGE;
    while left > 0 {
        let n = left.min(chunk.len());
        out.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    out.write_all(suffix).unwrap();
    out.flush().unwrap();
}

/// The huge JSON line as concatenated gzip members (as `.warc.gz` files are made):
/// the text chunk is compressed once and its member repeated, which keeps writing
/// fast however slow the compressor is in a debug build.
fn write_huge_gzip_line(path: &Path) {
    let gzip = |data: &[u8]| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    };
    let chunk = chunk();
    let member = gzip(&chunk);
    let mut out = BufWriter::new(File::create(path).unwrap());
    out.write_all(&gzip(br#"{"id":"big","text":""#)).unwrap();
    let mut left = HUGE;
    while left >= chunk.len() {
        out.write_all(&member).unwrap();
        left -= chunk.len();
    }
    out.write_all(&gzip(&chunk[..left])).unwrap();
    out.write_all(&gzip(b"\"}\n")).unwrap();
    out.flush().unwrap();
}

/// The peak resident memory of a running process in KiB, if `/proc` tells it.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// What one run gave: exit code, records, and peak memory if it could be measured.
struct Run {
    code: Option<i32>,
    records: Vec<Value>,
    peak_kib: Option<u64>,
}

/// Runs `extract --quiet --max-doc-bytes LIMIT -o out.jsonl INPUT` in `dir`,
/// polling the child's peak memory until it exits.
fn extract(dir: &Path, input: &str) -> Run {
    let out = dir.join("out.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_coopfacts"))
        .args(["extract", "--quiet", "--max-doc-bytes", LIMIT, "-o"])
        .arg(&out)
        .arg(input)
        .current_dir(dir)
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let mut peak = None;
    let status = loop {
        // Read before asking whether it exited: a reaped child has no status file.
        if let Some(kib) = peak_kib(child.id()) {
            peak = peak.max(Some(kib));
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let records = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    Run {
        code: status.code(),
        records,
        peak_kib: peak,
    }
}

/// One record, an error saying the document is over the limit, exit code 1, and
/// peak memory under the bound.
fn assert_skipped_in_bounded_memory(dir: &Path, input: &str, source: &str) {
    let run = extract(dir, input);
    assert_eq!(run.code, Some(1), "runs with error records exit with 1");
    assert_eq!(run.records.len(), 1, "{:?}", run.records);
    let record = &run.records[0];
    assert_eq!(record["source"], source);
    let error = record["error"].as_str().unwrap_or_default();
    assert!(error.contains("larger than the limit"), "{record}");
    if std::fs::read_to_string("/proc/self/status").is_err() {
        eprintln!("note: /proc is not readable here; peak memory of {input} not checked");
        return;
    }
    let peak = run.peak_kib.expect("the child's VmHWM was never read");
    eprintln!(
        "{input}: peak resident memory {} MiB for a {} MiB document",
        peak / 1024,
        HUGE / (1024 * 1024)
    );
    assert!(
        peak < PEAK_LIMIT_KIB,
        "{input}: peak {peak} KiB, limit {PEAK_LIMIT_KIB} KiB"
    );
}

#[test]
fn a_huge_text_file_is_skipped_in_bounded_memory() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    write_huge_file(&dir.path().join("big.txt"), b"Rechenzentrum\n\n", b"\n");
    assert_skipped_in_bounded_memory(dir.path(), "big.txt", "big.txt");
}

#[test]
fn a_huge_json_line_is_skipped_in_bounded_memory() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    write_huge_file(
        &dir.path().join("big.jsonl"),
        br#"{"id":"big","text":""#,
        b"\"}\n",
    );
    assert_skipped_in_bounded_memory(dir.path(), "big.jsonl", "big.jsonl:1");
}

#[test]
fn a_huge_gzipped_json_line_is_skipped_in_bounded_memory() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    write_huge_gzip_line(&dir.path().join("big.jsonl.gz"));
    assert_skipped_in_bounded_memory(dir.path(), "big.jsonl.gz", "big.jsonl.gz:1");
}
