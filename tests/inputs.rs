//! The binary over every input form: folders, files, lists, standard input, JSON
//! Lines, WARC and WET, plain, gzip and zstd; the same documents give the same
//! records whatever form they come in, at any thread count.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn texts() -> Vec<String> {
    (0..12)
        .map(|i| {
            format!(
                "Kooperation Nummer {i}\n\nJena, {d}.03.2019. Die Stadt Jena und der Saale-Holzland-Kreis \
                 kooperieren künftig bei der IT. Der Landkreis zahlt dafür {n}.000 Euro pro Jahr, \
                 teilte Oberbürgermeister Thomas Nitzsche am {d}. März 2019 mit.\n",
                d = i % 27 + 1,
                n = 10 + i
            )
        })
        .collect()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn jsonl(texts: &[String]) -> String {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            serde_json::json!({"id": format!("n{i}"), "url": "http://x", "text": t}).to_string()
                + "\n"
        })
        .collect()
}

fn warc_record(kind: &str, id: usize, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id:08}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `.warc.gz` as Common Crawl writes it: one gzip member per record, HTTP
/// responses with their headers.
fn warc_gz(texts: &[String]) -> Vec<u8> {
    let mut out = gzip(&warc_record(
        "warcinfo",
        999,
        "application/warc-fields",
        b"software: test\r\n",
    ));
    for (i, t) in texts.iter().enumerate() {
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n".to_vec();
        block.extend_from_slice(t.as_bytes());
        out.extend(gzip(&warc_record(
            "request",
            1000 + i,
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\n\r\n",
        )));
        out.extend(gzip(&warc_record(
            "response",
            i,
            "application/http; msgtype=response",
            &block,
        )));
    }
    out
}

fn wet(texts: &[String]) -> Vec<u8> {
    texts
        .iter()
        .enumerate()
        .flat_map(|(i, t)| warc_record("conversion", i, "text/plain", t.as_bytes()))
        .collect()
}

fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coopfacts"))
        .arg("extract")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Records without their `source`, to compare across forms.
fn bodies(records: &[Value]) -> Vec<Value> {
    records
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.as_object_mut().unwrap().remove("source");
            r
        })
        .collect()
}

fn sources(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_owned())
        .collect()
}

fn corpus(dir: &Path) -> Vec<String> {
    let texts = texts();
    std::fs::create_dir(dir.join("files")).unwrap();
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("files/{i:02}.txt")), t).unwrap();
    }
    let lines = jsonl(&texts);
    std::fs::write(dir.join("d.jsonl"), &lines).unwrap();
    std::fs::write(dir.join("d.jsonl.gz"), gzip(lines.as_bytes())).unwrap();
    std::fs::write(
        dir.join("d.jsonl.zst"),
        zstd::encode_all(lines.as_bytes(), 3).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("dump"),
        zstd::encode_all(lines.as_bytes(), 3).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.join("c.warc.gz"), warc_gz(&texts)).unwrap();
    std::fs::write(dir.join("c.warc.wet.gz"), gzip(&wet(&texts))).unwrap();
    std::fs::write(dir.join("c.wet"), wet(&texts)).unwrap();
    texts
}

#[test]
fn every_form_gives_the_same_records() {
    let dir = tempfile::tempdir().unwrap();
    let texts = corpus(dir.path());
    let reference = run(dir.path(), &["files", "-j1"], None);
    assert_eq!(
        reference.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&reference.stderr)
    );
    let want = records(&reference.stdout);
    assert_eq!(want.len(), texts.len());
    assert!(want.iter().all(|r| r["error"].is_null()));
    assert!(want
        .iter()
        .any(|r| !r["dates"].as_array().unwrap().is_empty()));
    for input in [
        "d.jsonl",
        "d.jsonl.gz",
        "d.jsonl.zst",
        "dump",
        "c.warc.gz",
        "c.warc.wet.gz",
        "c.wet",
    ] {
        let out = run(dir.path(), &[input, "-j2"], None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{input}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = records(&out.stdout);
        assert_eq!(bodies(&got), bodies(&want), "{input}");
    }
}

#[test]
fn sources_name_line_id_and_record() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let got = sources(&records(
        &run(
            dir.path(),
            &["d.jsonl.gz", "c.warc.gz", "files/03.txt"],
            None,
        )
        .stdout,
    ));
    assert_eq!(got[0], "d.jsonl.gz:1#n0");
    assert_eq!(got[11], "d.jsonl.gz:12#n11");
    assert_eq!(got[12], "c.warc.gz#<urn:uuid:00000000>");
    assert_eq!(got[24], "files/03.txt");
    assert_eq!(got.len(), 25);
}

#[test]
fn a_json_file_is_one_article_unless_it_holds_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let post = r#"{"id":3,"date":"2024-02-01T08:00:00","title":{"rendered":"Greven tritt dem Verband bei"},"content":{"rendered":"<p>Die Stadt Greven tritt dem Zweckverband bei.<\/p>"}}"#;
    std::fs::write(dir.path().join("post.json"), post).unwrap();
    std::fs::write(
        dir.path().join("dump.json"),
        "{\"id\":\"a\",\"text\":\"Erster Text.\"}\n{\"id\":\"b\",\"text\":\"Zweiter Text.\"}\n",
    )
    .unwrap();
    let got = records(&run(dir.path(), &["post.json", "dump.json"], None).stdout);
    assert_eq!(
        sources(&got),
        ["post.json", "dump.json:1#a", "dump.json:2#b"]
    );
    assert_eq!(got[0]["title"], "Greven tritt dem Verband bei");
    assert_eq!(got[0]["published"], "2024-02-01");
    assert!(got.iter().all(|r| r["error"].is_null()), "{got:?}");
}

#[test]
fn standard_input_works_as_a_filter() {
    let dir = tempfile::tempdir().unwrap();
    let texts = corpus(dir.path());
    let lines = jsonl(&texts);
    for args in [&["-"][..], &["--format", "jsonl", "-"]] {
        let out = run(dir.path(), args, Some(lines.as_bytes()));
        assert_eq!(out.status.code(), Some(0));
        let got = sources(&records(&out.stdout));
        assert_eq!(got.len(), texts.len());
        assert_eq!(got[1], "-:2#n1");
    }
    // Compressed on standard input, found by its magic bytes.
    let out = run(dir.path(), &["-"], Some(&gzip(lines.as_bytes())));
    assert_eq!(records(&out.stdout).len(), texts.len());
    // One plain document.
    let out = run(dir.path(), &["-"], Some(texts[0].as_bytes()));
    assert_eq!(sources(&records(&out.stdout)), ["-"]);
    // --format doc keeps a JSON Lines file whole.
    let out = run(dir.path(), &["--format", "doc", "d.jsonl"], None);
    assert_eq!(sources(&records(&out.stdout)), ["d.jsonl"]);
}

#[test]
fn lists_of_paths_from_a_file_or_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    std::fs::write(
        dir.path().join("list.txt"),
        "files/01.txt\n\nd.jsonl.zst\r\nfiles/00.txt\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["files/05.txt", "--files-from", "list.txt"],
        None,
    );
    let got = sources(&records(&out.stdout));
    assert_eq!(got.len(), 15);
    assert_eq!(
        &got[..3],
        ["files/05.txt", "files/01.txt", "d.jsonl.zst:1#n0"]
    );
    assert_eq!(got[14], "files/00.txt");
    let from_stdin = run(
        dir.path(),
        &["files/05.txt", "--files-from", "-"],
        Some(b"files/01.txt\nd.jsonl.zst\nfiles/00.txt"),
    );
    assert_eq!(from_stdin.stdout, out.stdout);
    // Standard input cannot be read twice.
    let twice = run(dir.path(), &["-", "--files-from", "-"], None);
    assert_eq!(twice.status.code(), Some(2));
}

#[test]
fn same_bytes_at_any_thread_count_and_compressed_outputs() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let all = ["files", "d.jsonl.gz", "c.warc.gz", "c.wet"];
    let one = run(dir.path(), &[&all[..], &["-j1"]].concat(), None);
    let two = run(dir.path(), &[&all[..], &["-j2"]].concat(), None);
    assert_eq!(records(&one.stdout).len(), 48);
    assert_eq!(one.stdout, two.stdout);
    let gz = run(
        dir.path(),
        &[&all[..], &["-o", "out.jsonl.gz", "--stats", "stats.json"]].concat(),
        None,
    );
    assert_eq!(gz.status.code(), Some(0));
    let zst = run(
        dir.path(),
        &[&all[..], &["-o", "out.jsonl.zst"]].concat(),
        None,
    );
    assert_eq!(zst.status.code(), Some(0));
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(
            std::fs::File::open(dir.path().join("out.jsonl.gz")).unwrap(),
        ),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, one.stdout);
    let unzstd =
        zstd::decode_all(std::fs::File::open(dir.path().join("out.jsonl.zst")).unwrap()).unwrap();
    assert_eq!(unzstd, one.stdout);
    let stats: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("stats.json")).unwrap()).unwrap();
    assert_eq!(stats["documents"], 48);
    assert_eq!(stats["records"], 48);
    assert_eq!(stats["errors"], 0);
    assert!(stats["facts"].as_u64().unwrap() > 48);
}
