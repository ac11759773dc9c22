//! The `coopfacts` binary: parse arguments, build the pipeline, run, report, exit.

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;

use cli::args::{Cli, Command, EvalArgs, ExtractArgs};
use cli::exit::Exit;
use coopfacts::eval::{evaluate, MinBar};
use coopfacts::gazetteer::Gazetteer;
use coopfacts::run::{RunError, Runner, Summary};
use coopfacts::source::{documents, Input};
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
    let inputs = args.paths.iter().map(|p| Input::parse(p)).collect();
    let docs = documents(inputs, args.max_doc_bytes);
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let summary = match runner.run(&pipeline, docs, &mut out, |_| {}) {
        Ok(s) => s,
        Err(RunError::OutputClosed) => return Ok(Exit::Success),
        Err(e) => return Err(e.into()),
    };
    if !args.quiet {
        eprintln!("coopfacts: {}", describe(&summary));
    }
    Ok(if summary.errors > 0 {
        Exit::SomeFailed
    } else {
        Exit::Success
    })
}

fn describe(s: &Summary) -> String {
    format!(
        "{} documents, {} records, {} errors, {} facts, {:.2} s",
        s.documents, s.records, s.errors, s.facts, s.seconds
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
