//! Many documents: read in order, processed in parallel, written in order; and
//! resuming a run that was cut short.
//!
//! A reader thread walks the inputs and hands documents over a bounded channel; the
//! main thread takes them in chunks, lets a local thread pool turn each chunk into
//! JSON lines (an indexed parallel map keeps their order), and writes them before
//! taking the next. At most two chunks and the channel's capacity are in memory at
//! once, whatever the size of the corpus, and the output is the same bytes at any
//! thread count.
//!
//! Resuming ([`resume`]) relies on that order: the records of an interrupted run are
//! a prefix of the records of a whole run, so the documents whose records are
//! already written are the first ones, and their `source`s must match one by one.

use std::io::{self, BufRead, Write};
use std::sync::mpsc;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::pipeline::Pipeline;
use crate::record::Record;
use crate::source::Document;

/// The figures of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Documents read and processed by this run.
    pub documents: u64,
    /// Records written by this run (one per document).
    pub records: u64,
    /// Records kept from an earlier, interrupted run (`--resume`); their documents
    /// were read again only to check their names, not processed.
    pub resumed: u64,
    /// Records that carry `error`, the kept ones included, so that a resumed run
    /// ends as the whole run would have.
    pub errors: u64,
    /// Facts with provenance written: mentions, dates, amounts.
    pub facts: u64,
    /// Bytes of input read.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Why a run stopped early.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The reader of the output went away (`coopfacts … | head`): not a failure.
    #[error("output closed")]
    OutputClosed,
    /// Output could not be written.
    #[error("cannot write output: {0}")]
    Write(#[source] io::Error),
    /// The thread pool could not be built.
    #[error("cannot start {threads} worker threads: {reason}")]
    Threads {
        /// Threads asked for.
        threads: usize,
        /// What went wrong.
        reason: String,
    },
}

/// Runs a pipeline over many documents.
#[derive(Debug, Clone, Copy)]
pub struct Runner {
    /// Worker threads.
    pub threads: usize,
    /// Documents per chunk.
    pub chunk: usize,
}

impl Default for Runner {
    fn default() -> Self {
        Runner {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            chunk: 256,
        }
    }
}

impl Runner {
    /// Processes every document of `docs` and writes one JSON line per record to
    /// `out`, in input order. `progress` is called after each chunk with the figures
    /// so far.
    pub fn run<I>(
        &self,
        pipeline: &Pipeline,
        docs: I,
        out: &mut dyn Write,
        mut progress: impl FnMut(&Summary),
    ) -> Result<Summary, RunError>
    where
        I: Iterator<Item = Document> + Send,
    {
        let started = Instant::now();
        let threads = self.threads.max(1);
        let chunk = self.chunk.max(1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| RunError::Threads {
                threads,
                reason: e.to_string(),
            })?;
        let mut summary = Summary::default();
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::sync_channel::<Document>(chunk);
            scope.spawn(move || {
                for doc in docs {
                    if tx.send(doc).is_err() {
                        break; // the writer stopped early
                    }
                }
            });
            let mut batch: Vec<Document> = Vec::with_capacity(chunk);
            loop {
                batch.clear();
                batch.extend(rx.iter().take(chunk));
                if batch.is_empty() {
                    break;
                }
                let lines: Vec<(String, Record)> = pool.install(|| {
                    batch
                        .par_iter()
                        .map(|doc| {
                            let record = process(pipeline, doc);
                            (serialize(&record), record)
                        })
                        .collect()
                });
                for (doc, (line, record)) in batch.iter().zip(&lines) {
                    summary.documents += 1;
                    summary.bytes += doc.content.as_ref().map_or(0, |b| b.len() as u64);
                    summary.records += 1;
                    summary.errors += u64::from(record.error.is_some());
                    summary.facts += record.fact_count() as u64;
                    write_line(out, line)?;
                }
                summary.seconds = started.elapsed().as_secs_f64();
                progress(&summary);
            }
            out.flush().map_err(classify_io)?;
            summary.seconds = started.elapsed().as_secs_f64();
            Ok(summary)
        })
    }
}

/// The record of one document; a document converted from another charset says so
/// in `encoding`. A bug that makes a stage panic costs only this document: it gets
/// an `error` record and the run goes on with the others.
fn process(pipeline: &Pipeline, doc: &Document) -> Record {
    let guarded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.process(doc)));
    let mut record = guarded.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Record::failed(
            doc.source.clone(),
            format!("internal error while processing this document (please report it): {what}"),
        )
    });
    if let (Some(charset), None) = (doc.transcoded_from, &record.error) {
        record.encoding = Some(charset.to_ascii_lowercase());
    }
    record
}

/// One record as one JSON line. Serialising our own types cannot fail; should it
/// ever, the document still gets a record saying so.
fn serialize(record: &Record) -> String {
    serde_json::to_string(record).unwrap_or_else(|e| {
        let failed = Record::failed(
            record.source.clone(),
            format!("cannot serialise record: {e}"),
        );
        serde_json::to_string(&failed).unwrap_or_default()
    })
}

fn write_line(out: &mut dyn Write, line: &str) -> Result<(), RunError> {
    out.write_all(line.as_bytes()).map_err(classify_io)?;
    out.write_all(b"\n").map_err(classify_io)
}

fn classify_io(e: io::Error) -> RunError {
    if e.kind() == io::ErrorKind::BrokenPipe {
        RunError::OutputClosed
    } else {
        RunError::Write(e)
    }
}

/// Why a run cannot be resumed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResumeError {
    /// The existing output could not be read.
    #[error("cannot read the existing output: {0}")]
    Read(#[source] io::Error),
    /// A complete line of the existing output is not a record.
    #[error("line {line} of the existing output is not a record: {reason}")]
    NotARecord {
        /// 1-based line number.
        line: u64,
        /// The parser's message.
        reason: String,
    },
    /// The existing output was not written from these inputs (in this order).
    #[error("line {line} of the existing output is the record of {found}, but the inputs give {expected} there")]
    Mismatch {
        /// 1-based line number.
        line: u64,
        /// The source in the output.
        found: String,
        /// The source of the input's document, or a note that the inputs ended.
        expected: String,
    },
}

/// What [`resume`] found in an existing output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Resumed {
    /// Complete records kept; as many documents were taken from the inputs.
    pub records: u64,
    /// Of them, records that carry `error`.
    pub errors: u64,
    /// Bytes of the output they take; anything after (a last line cut off by a
    /// crash) is to be dropped.
    pub bytes: u64,
}

/// Reads the output of an interrupted run and takes from `docs` the documents
/// whose records it already holds, checking that each record's `source` is the
/// document's. A last line without its line end is left out (a crash cut it off),
/// and so is its document, which stays in `docs`. Memory holds one line at a time.
pub fn resume<I: Iterator<Item = Document>>(
    existing: impl BufRead,
    docs: &mut I,
) -> Result<Resumed, ResumeError> {
    #[derive(serde::Deserialize)]
    struct Kept {
        source: String,
        #[serde(default)]
        error: Option<serde::de::IgnoredAny>,
    }
    let mut existing = existing;
    let mut resumed = Resumed::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = existing
            .read_until(b'\n', &mut line)
            .map_err(ResumeError::Read)?;
        if n == 0 || line.last() != Some(&b'\n') {
            return Ok(resumed);
        }
        let number = resumed.records + 1;
        let kept: Kept = serde_json::from_slice(&line).map_err(|e| ResumeError::NotARecord {
            line: number,
            reason: e.to_string(),
        })?;
        match docs.next() {
            Some(doc) if doc.source == kept.source => {}
            other => {
                return Err(ResumeError::Mismatch {
                    line: number,
                    found: kept.source,
                    expected: other.map_or_else(|| "no further document".into(), |d| d.source),
                })
            }
        }
        resumed.records += 1;
        resumed.errors += u64::from(kept.error.is_some());
        resumed.bytes += n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::PipelineBuilder;

    fn docs(n: usize) -> Vec<Document> {
        (0..n)
            .map(|i| {
                if i % 7 == 3 {
                    Document::failed(format!("doc{i}"), "cannot read".into())
                } else {
                    Document::new(format!("doc{i}"), format!("Die Stadt Jena und der Saale-Holzland-Kreis kooperieren seit dem {}.3.2019.", i % 28 + 1).into_bytes())
                }
            })
            .collect()
    }

    #[test]
    fn output_is_identical_at_any_thread_count_and_chunk_size() {
        let pipeline = PipelineBuilder::new().build().unwrap();
        let run = |threads, chunk| {
            let mut out = Vec::new();
            let s = Runner { threads, chunk }
                .run(&pipeline, docs(40).into_iter(), &mut out, |_| {})
                .unwrap();
            (out, s.errors)
        };
        let (one, errors) = run(1, 1);
        assert_eq!(errors, 6);
        assert_eq!(String::from_utf8_lossy(&one).lines().count(), 40);
        assert_eq!(run(4, 3).0, one);
        assert_eq!(run(2, 256).0, one);
    }

    #[test]
    fn resuming_takes_the_written_documents_and_drops_a_cut_line() {
        let pipeline = PipelineBuilder::new().build().unwrap();
        let mut whole = Vec::new();
        let runner = Runner {
            threads: 2,
            chunk: 4,
        };
        runner
            .run(&pipeline, docs(20).into_iter(), &mut whole, |_| {})
            .unwrap();
        // Cut in the middle of record 11 (of 20).
        let ends: Vec<usize> = whole
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .map(|(i, _)| i + 1)
            .collect();
        let cut = ends[9] + 5;
        let mut rest = docs(20).into_iter();
        let resumed = resume(&whole[..cut], &mut rest).unwrap();
        assert_eq!(resumed.records, 10);
        assert_eq!(resumed.errors, 1); // doc3
        assert_eq!(resumed.bytes, ends[9] as u64);
        let mut out = whole[..ends[9]].to_vec();
        let s = runner.run(&pipeline, rest, &mut out, |_| {}).unwrap();
        assert_eq!(s.documents, 10);
        assert_eq!(out, whole);
    }

    #[test]
    fn resuming_refuses_output_of_other_inputs() {
        let line = b"{\"source\":\"other\"}\n";
        let err = resume(&line[..], &mut docs(3).into_iter()).unwrap_err();
        assert!(matches!(err, ResumeError::Mismatch { line: 1, .. }));
        let err = resume(&b"not json\n"[..], &mut docs(3).into_iter()).unwrap_err();
        assert!(matches!(err, ResumeError::NotARecord { line: 1, .. }));
    }

    #[test]
    fn a_transcoded_document_names_its_charset() {
        let pipeline = PipelineBuilder::new().build().unwrap();
        let mut doc = Document::new("w#1".into(), "Stadt Jena".as_bytes().to_vec());
        doc.transcoded_from = Some("ISO-8859-2");
        assert_eq!(
            process(&pipeline, &doc).encoding.as_deref(),
            Some("iso-8859-2")
        );
    }
}
