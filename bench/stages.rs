//! Per-stage throughput in bytes per second, on the sample articles in `corpus/`
//! (and `testdata/articles/`), plus the time to build the pipeline.
//!
//!     cargo bench --bench stages            # all
//!     cargo bench --bench stages -- extract # one group

use std::hint::black_box;
use std::io::Write;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use coopfacts::boilerplate::BoilerplateClassifier;
use coopfacts::decode::decode;
use coopfacts::extract::amount::AmountFinder;
use coopfacts::extract::date::DateFinder;
use coopfacts::source::{read, Input, SourceOptions};
use coopfacts::{PipelineBuilder, Span};

/// The sample articles, decoded, joined into one text per article.
fn articles() -> Vec<(Vec<u8>, String)> {
    let mut out = Vec::new();
    for dir in ["corpus", "testdata/articles"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == "txt" || e == "html") {
                let bytes = std::fs::read(&path).expect("readable sample");
                if let Ok(d) = decode(&bytes) {
                    out.push((bytes, d.text));
                }
            }
        }
    }
    assert!(!out.is_empty(), "run from the repository root");
    out
}

fn total(articles: &[(Vec<u8>, String)]) -> u64 {
    articles.iter().map(|a| a.0.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let articles = articles();
    let bytes = total(&articles);
    let pipeline = PipelineBuilder::new().build().expect("pipeline");
    let layout = BoilerplateClassifier::new();
    let dates = DateFinder::new();
    let amounts = AmountFinder::new();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("decode", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| decode(black_box(&a.0)).map_or(0, |d| d.text.len()))
                .sum::<usize>()
        })
    });
    g.bench_function("boilerplate", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| layout.classify(black_box(&a.1)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| {
                    dates
                        .find(black_box(&a.1), Span::new(0, a.1.len()), None)
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("amounts", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| amounts.find(black_box(&a.1), Span::new(0, a.1.len())).len())
                .sum::<usize>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| pipeline.extract("x".into(), black_box(&a.1)).fact_count())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// Reading dumps: JSON Lines plain and gzip, through the public reader.
fn sources(c: &mut Criterion) {
    let articles = articles();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut lines = String::new();
    for _ in 0..20 {
        for (i, a) in articles.iter().enumerate() {
            lines += &serde_json::json!({"id": i, "text": a.1}).to_string();
            lines.push('\n');
        }
    }
    let plain = dir.path().join("d.jsonl");
    std::fs::write(&plain, &lines).expect("write");
    let gz = dir.path().join("d.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(lines.as_bytes()).expect("gzip");
    std::fs::write(&gz, enc.finish().expect("gzip")).expect("write");

    let mut g = c.benchmark_group("source");
    g.throughput(Throughput::Bytes(lines.len() as u64));
    for (name, path) in [("jsonl", &plain), ("jsonl.gz", &gz)] {
        g.bench_function(name, |b| {
            b.iter(|| read(vec![Input::Path(path.clone())], SourceOptions::default()).count())
        });
    }
    g.finish();
}

fn build(c: &mut Criterion) {
    c.bench_function("pipeline/build", |b| {
        b.iter_batched(
            || (),
            |()| PipelineBuilder::new().build().expect("pipeline"),
            BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = stages, sources, build
}
criterion_main!(benches);
