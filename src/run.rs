//! Many documents: read in order, processed in parallel, written in order.
//!
//! A reader thread walks the inputs and hands documents over a bounded channel; the
//! main thread takes them in chunks, lets a local thread pool turn each chunk into
//! JSON lines (an indexed parallel map keeps their order), and writes them before
//! taking the next. At most two chunks and the channel's capacity are in memory at
//! once, whatever the size of the corpus, and the output is the same bytes at any
//! thread count.

use std::io::{self, Write};
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
    /// Documents read.
    pub documents: u64,
    /// Records written (one per document).
    pub records: u64,
    /// Records that carry `error`.
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
                            let record = process_guarded(pipeline, doc);
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

/// The record of one document, also when a bug makes a stage panic: the document
/// then gets an `error` record and the run goes on with the others.
fn process_guarded(pipeline: &Pipeline, doc: &Document) -> Record {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.process(doc))).unwrap_or_else(
        |panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Record::failed(
                doc.source.clone(),
                format!("internal error while processing this document (please report it): {what}"),
            )
        },
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::PipelineBuilder;

    fn docs(n: usize) -> Vec<Document> {
        (0..n)
            .map(|i| Document {
                source: format!("doc{i}"),
                content: if i % 7 == 3 {
                    Err("cannot read".into())
                } else {
                    Ok(format!("Die Stadt Jena und der Saale-Holzland-Kreis kooperieren seit dem {}.3.2019.", i % 28 + 1).into_bytes())
                },
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
}
