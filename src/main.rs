//! The `coopfacts` binary: parse arguments, build the pipeline, run, report, exit.

mod cli;

use std::fs::File;
use std::io::{self, BufReader};
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::Parser;

use cli::args::{Cli, Command, EvalArgs, ExtractArgs, InputFormat};
use cli::exit::Exit;
use cli::output::{Compression, Output};
use cli::progress::Progress;
use coopfacts::eval::{evaluate, MinBar};
use coopfacts::gazetteer::Gazetteer;
use coopfacts::run::{resume, Resumed, RunError, Runner, Summary};
use coopfacts::source::{self, Format, Input, SourceOptions};
use coopfacts::PipelineBuilder;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval(args),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(err) => {
            eprintln!("coopfacts: {err:#}");
            Exit::Fatal.into()
        }
    }
}

fn extract(args: ExtractArgs) -> Result<Exit> {
    let mut gazetteer = Gazetteer::bundled().context("bundled gazetteer")?;
    for path in &args.gazetteers {
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read gazetteer {}", path.display()))?;
        gazetteer.add_file(&path.display().to_string(), &source)?;
    }
    let pipeline = PipelineBuilder::new().gazetteer(gazetteer).build()?;
    let runner = Runner {
        threads: match args.threads {
            Some(0) => bail!("-j must be at least 1"),
            Some(n) => n,
            None => Runner::default().threads,
        },
        ..Runner::default()
    };
    let inputs = inputs(&args)?;
    let progress = Progress::new(!args.quiet, || source::total_bytes(&inputs));
    let mut docs = source::read(inputs, source_options(&args, progress.bytes_read()));
    let mut resumed = Resumed::default();
    let mut out = match &args.output {
        Some(path) => {
            if args.resume && path.exists() {
                if Compression::of(path) != Compression::None {
                    bail!(
                        "--resume needs an uncompressed output file, not {}",
                        path.display()
                    );
                }
                let existing = File::open(path)
                    .with_context(|| format!("cannot read {} to resume", path.display()))?;
                resumed = resume(BufReader::new(existing), &mut docs)
                    .with_context(|| format!("cannot resume {}", path.display()))?;
                Output::file(path, Some(resumed.bytes))?
            } else {
                Output::file(path, None)?
            }
        }
        None => Output::stdout(),
    };
    progress.start();
    let result = runner.run(&pipeline, docs, &mut out, |s| progress.update(s));
    progress.finish();
    let mut summary = match result.and_then(|s| out.finish().map(|()| s).map_err(RunError::Write)) {
        Ok(s) => s,
        Err(RunError::OutputClosed) => return Ok(Exit::Success),
        Err(RunError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(Exit::Success)
        }
        Err(e) => return Err(e.into()),
    };
    summary.resumed = resumed.records;
    summary.errors += resumed.errors;
    if let Some(path) = &args.stats {
        let json = serde_json::to_string_pretty(&summary)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if !args.quiet {
        eprintln!("coopfacts: {}", describe(&summary));
    }
    Ok(if summary.errors > 0 {
        Exit::SomeFailed
    } else {
        Exit::Success
    })
}

/// The inputs in the order given: the paths, then the lists. Standard input can
/// serve only once.
fn inputs(args: &ExtractArgs) -> Result<Vec<Input>> {
    let inputs: Vec<Input> = args
        .paths
        .iter()
        .map(|p| Input::parse(p))
        .chain(args.files_from.iter().map(|l| Input::files_from(l)))
        .collect();
    let stdin = inputs
        .iter()
        .filter(|i| matches!(i, Input::Stdin | Input::FilesFromStdin))
        .count();
    if stdin > 1 {
        bail!("standard input (-) can be read only once");
    }
    Ok(inputs)
}

/// How the inputs are read; `bytes_read` counts the input bytes consumed, for the
/// progress bar.
fn source_options(args: &ExtractArgs, bytes_read: Option<Arc<AtomicU64>>) -> SourceOptions {
    SourceOptions {
        max_doc_bytes: args.max_doc_bytes,
        format: match args.format {
            InputFormat::Auto => None,
            InputFormat::Doc => Some(Format::Document),
            InputFormat::Jsonl => Some(Format::Jsonl),
            InputFormat::Warc => Some(Format::Warc),
        },
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        bytes_read,
    }
}

fn describe(s: &Summary) -> String {
    let resumed = if s.resumed > 0 {
        format!(" (and {} kept from before)", s.resumed)
    } else {
        String::new()
    };
    format!(
        "{} documents, {} records{resumed}, {} errors, {} facts, {:.1} MB, {:.2} s",
        s.documents,
        s.records,
        s.errors,
        s.facts,
        s.bytes as f64 / 1e6,
        s.seconds
    )
}

fn eval(args: EvalArgs) -> Result<Exit> {
    let bars = args
        .min
        .iter()
        .map(|spec| MinBar::parse(spec).with_context(|| format!("--min {spec}")))
        .collect::<Result<Vec<_>>>()?;
    let report = evaluate(&args.gold, &args.records, args.root.as_deref())?;
    let failed = report.check(&bars, args.max_leaks);
    print!("{}", report.render());
    println!("{}", report.summary_line(&failed));
    Ok(if failed.is_empty() {
        Exit::Success
    } else {
        Exit::SomeFailed
    })
}
