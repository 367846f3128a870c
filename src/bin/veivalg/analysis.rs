//! The cohort commands: `synth`, `fit`, `evaluate`, `report` and
//! `refit-defaults`. Each calls the library once and lays out its answer;
//! errors are the library's, reported as one JSON line on stderr.

use crate::cli::{
    CohortFormat, EvaluateArgs, FitArgs, PolicyArg, RefitArgs, ReportArgs, SynthArgs, SynthFormat,
};
use crate::cohort_file;
use crate::run::{stop, Stop, OK, RECORD_FAILED, USAGE};
use crate::tables;
use serde::de::DeserializeOwned;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use veivalg::cohort::defaults;
use veivalg::cohort::file::csv_out;
use veivalg::cohort::session::{CohortSession, EvaluateOptions};
use veivalg::cohort::synthetic::{record_with, SyntheticParams};
use veivalg::cohort::{Cohort, CohortRecord};
use veivalg::fit::{CellCounts, FitSpec, Fitted};
use veivalg::model::Model;
use veivalg::model::ModelInput;
use veivalg::routing::catalog::Catalog;
use veivalg::routing::policy::Policy;
use veivalg::wire::{self, IdOr};
use veivalg::{Error, ErrorKind};

/// Largest spec, policy or model file read (1 MiB, as one record).
const MAX_FILE_BYTES: usize = wire::MAX_RECORD_BYTES;

/// The exit code of a command that ran to its end or stopped.
fn exit(result: Result<u8, Stop>) -> ExitCode {
    ExitCode::from(result.unwrap_or_else(|Stop(code)| code))
}

fn io_error(path: impl Into<String>, message: String) -> Error {
    Error::new(ErrorKind::Io, path, message)
}

/// Where output goes: a file (`--output`) or standard output, buffered.
struct Output {
    /// The file, or `None` for standard output.
    path: Option<PathBuf>,
    w: BufWriter<Box<dyn Write>>,
}

impl Output {
    /// Creates the file (or takes standard output).
    fn open(path: Option<&Path>) -> Result<Output, Stop> {
        let w: Box<dyn Write> = match path {
            None => Box::new(io::stdout().lock()),
            Some(p) => Box::new(File::create(p).map_err(|e| {
                stop(
                    USAGE,
                    &io_error(
                        p.display().to_string(),
                        format!("cannot create the output file: {e}"),
                    ),
                )
            })?),
        };
        Ok(Output {
            path: path.map(Path::to_path_buf),
            w: BufWriter::with_capacity(1 << 16, w),
        })
    }

    /// A write failed. A closed standard output (`veivalg synth … | head`)
    /// means the reader has seen enough: stop quietly with exit code 0.
    fn failed(&self, e: &io::Error) -> Stop {
        match &self.path {
            None if e.kind() == io::ErrorKind::BrokenPipe => Stop(OK),
            None => stop(
                USAGE,
                &io_error("", format!("cannot write to standard output: {e}")),
            ),
            Some(p) => stop(
                USAGE,
                &io_error(
                    p.display().to_string(),
                    format!("cannot write the output file: {e}"),
                ),
            ),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        match self.w.write_all(bytes) {
            Ok(()) => Ok(()),
            Err(e) => Err(self.failed(&e)),
        }
    }

    fn finish(mut self) -> Result<(), Stop> {
        match self.w.flush() {
            Ok(()) => Ok(()),
            Err(e) => Err(self.failed(&e)),
        }
    }
}

/// Writes `text` to standard output.
fn print(text: &str) -> Result<(), Stop> {
    let mut out = Output::open(None)?;
    out.write(text.as_bytes())?;
    out.finish()
}

/// Reads a small JSON file (spec, policy, model). IO errors stop with exit
/// code 2; errors in the JSON have `what` in front of their path and the
/// file's name in front of their message, and stop with exit code 1.
fn read_json<T: DeserializeOwned>(path: &Path, what: &str) -> Result<T, Stop> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        stop(
            USAGE,
            &io_error(name.as_str(), format!("cannot read the {what} file: {e}")),
        )
    })?;
    wire::parse_limited(&text, MAX_FILE_BYTES).map_err(|e| {
        let message = format!("{name}: {}", e.message);
        stop(
            RECORD_FAILED,
            &{
                let mut e = e;
                e.message = message;
                e
            }
            .at(what),
        )
    })
}

// --- synth -------------------------------------------------------------------

/// `veivalg synth`: the cohort row by row, each row one line.
pub fn synth(args: &SynthArgs) -> ExitCode {
    exit(synth_rows(args).map(|()| OK))
}

fn synth_rows(args: &SynthArgs) -> Result<(), Stop> {
    let params = SyntheticParams::shipped().map_err(|e| stop(USAGE, &e))?;
    let mut out = Output::open(args.output.as_deref())?;
    let mut line = String::with_capacity(1 << 14);
    let csv = args.format == SynthFormat::Csv;
    let mut bytes = Vec::with_capacity(1 << 12);
    if csv {
        csv_out::write_header(&mut bytes).map_err(|e| stop(USAGE, &e))?;
        out.write(&bytes)?;
    }
    for index in 0..args.size as u64 {
        let r = record_with(params, args.ages.into(), args.seed, index);
        let row = CohortRecord {
            synthetic: true,
            person: r.person,
            outcome: r.extras.outcome,
            counsellor_standard: r.extras.counsellor_standard,
            gender: r.extras.gender,
            born_abroad: r.extras.born_abroad,
        };
        if csv {
            bytes.clear();
            csv_out::write_row(&row, &mut bytes).map_err(|e| stop(USAGE, &e))?;
            out.write(&bytes)?;
            continue;
        }
        line.clear();
        line.push_str(&wire::to_string(&row));
        line.push('\n');
        out.write(line.as_bytes())?;
    }
    out.finish()
}

// --- fit -----------------------------------------------------------------------

/// `veivalg fit`: the model file on stdout or in `--output`, the summary on
/// stderr.
pub fn fit(args: &FitArgs) -> ExitCode {
    exit(fit_model(args))
}

fn fit_model(args: &FitArgs) -> Result<u8, Stop> {
    let mut spec: FitSpec = match (&args.spec, args.target, &args.id) {
        (Some(path), _, _) => read_json(path, "spec")?,
        (None, Some(target), Some(id)) => FitSpec::report_model(id, target.into()),
        // clap requires --spec or --target with --id.
        _ => {
            return Err(stop(
                USAGE,
                &Error::new(
                    ErrorKind::Usage,
                    "--spec",
                    "give --spec FILE, or --target and --id",
                ),
            ))
        }
    };
    if let Some(l2) = args.l2 {
        spec.l2 = l2;
    }
    check_spec(&spec)?;
    let loaded = load_cohort(&args.cohort, &args.ruleset, args.format, args.strict)?;
    let session = CohortSession::new(loaded.cohort);
    let fitted = session
        .fit_spec(&spec)
        .map_err(|e| stop(RECORD_FAILED, &e))?;
    let text = defaults::file_text(&fitted.model).map_err(|e| stop(USAGE, &e))?;
    let mut out = Output::open(args.output.as_deref())?;
    out.write(text.as_bytes())?;
    out.finish()?;
    // The summary is for the person at the terminal; if stderr is gone,
    // there is nobody to tell.
    let _ = io::stderr()
        .lock()
        .write_all(fit_summary(&fitted, session.cohort()).as_bytes());
    Ok(if loaded.rejected > 0 {
        RECORD_FAILED
    } else {
        OK
    })
}

/// Checks the spec before the cohort is read, so a mistake in it costs no
/// wait. [`veivalg::fit::fit`] checks its spec before it looks at the rows,
/// so on no rows it answers "no rows" (`INSUFFICIENT_DATA`, path `rows`)
/// exactly when the spec is sound.
fn check_spec(spec: &FitSpec) -> Result<(), Stop> {
    let names: Vec<_> = spec.features.iter().map(|f| f.name).collect();
    let counts = CellCounts::new(&names, std::iter::empty::<(&ModelInput, bool)>());
    match veivalg::fit::fit(&counts, spec, "", false) {
        Err(e) if !(e.kind == ErrorKind::InsufficientData && e.path == "rows") => {
            Err(stop(RECORD_FAILED, &e.at("spec")))
        }
        _ => Ok(()),
    }
}

/// The fit in a few lines: iterations, deviance, aliased columns, AUC.
fn fit_summary(f: &Fitted, cohort: &Cohort) -> String {
    let r = &f.report;
    let m = &f.model;
    let synthetic = if cohort.synthetic {
        " — SYNTHETIC cohort, not NAV data"
    } else {
        ""
    };
    let aliased: Vec<&str> = r
        .coefficients
        .iter()
        .filter(|c| c.aliased)
        .map(|c| c.column.as_str())
        .collect();
    let metric = |name: &str| m.metrics.get(name).copied().unwrap_or(f64::NAN);
    format!(
        "fitted {} (target {}) on {}: {} rows in {} cells{synthetic}\n  \
{} after {} Newton iterations, monotone refits: {}; deviance {:.2}, null deviance {:.2}, L2 {}\n  \
aliased columns (dropped, weight 0): {}\n  \
on the fitting cohort: AUC {:.3}, Brier score {:.4}\n",
        m.id,
        m.target,
        cohort.source,
        r.rows,
        r.cells,
        if r.converged {
            "converged"
        } else {
            "did NOT converge"
        },
        r.iterations,
        r.monotone_refits,
        r.deviance,
        r.null_deviance,
        r.l2,
        if aliased.is_empty() {
            "none".to_string()
        } else {
            aliased.join(", ")
        },
        metric("auc"),
        metric("brier"),
    )
}

/// The cohort of `--cohort`, with groups under `--ruleset`; with
/// `--strict`, a record that failed stops the command.
fn load_cohort(
    path: &Path,
    ruleset: &str,
    format: Option<CohortFormat>,
    strict: bool,
) -> Result<cohort_file::Loaded, Stop> {
    // clap has checked the id against the shipped rulesets.
    let ruleset = Catalog::shipped()
        .ruleset(ruleset)
        .map_err(|e| stop(USAGE, &e.at("--ruleset")))?;
    let loaded = cohort_file::load(path, ruleset, format)?;
    if strict && loaded.rejected > 0 {
        return Err(Stop(RECORD_FAILED));
    }
    Ok(loaded)
}

// --- evaluate -------------------------------------------------------------------

/// `veivalg evaluate`: text tables or JSON on stdout.
pub fn evaluate(args: &EvaluateArgs) -> ExitCode {
    exit(evaluate_cohort(args))
}

/// A shipped policy's id, or the policy read from its file (checked
/// against the catalog by the session).
fn policy_value(arg: &PolicyArg, what: &str) -> Result<IdOr<Policy>, Stop> {
    match arg {
        PolicyArg::Id(id) => Ok(IdOr::Id(id.clone())),
        PolicyArg::File(path) => read_json::<IdOr<Policy>>(path, what),
    }
}

/// The library's options from the flags (files read, not yet checked).
fn evaluate_options(args: &EvaluateArgs) -> Result<EvaluateOptions, Stop> {
    let model: Option<Model> = match &args.model {
        Some(path) => Some(read_json(path, "model")?),
        None => None,
    };
    let compare_to = match (&args.compare_to_policy, args.compare_to_method) {
        (None, None) => None,
        (policy, method) => Some(Box::new(EvaluateOptions {
            method: method.map(Into::into),
            policy: policy
                .as_ref()
                .map(|p| policy_value(p, "compareTo.policy"))
                .transpose()?,
            model: model.clone(),
            monthly_volume: args.volume,
            ..EvaluateOptions::default()
        })),
    };
    Ok(EvaluateOptions {
        method: args.method.map(Into::into),
        policy: args
            .policy
            .as_ref()
            .map(|p| policy_value(p, "policy"))
            .transpose()?,
        model,
        share: args.share,
        cutoff: args.cutoff,
        monthly_volume: args.volume,
        group_columns: None,
        compare_to,
    })
}

fn evaluate_cohort(args: &EvaluateArgs) -> Result<u8, Stop> {
    let options = evaluate_options(args)?;
    let (cohort, rejected) = match &args.cohort {
        Some(path) if !args.synthetic_default => {
            let loaded = load_cohort(path, &args.ruleset, args.format, args.strict)?;
            (loaded.cohort, loaded.rejected)
        }
        _ => (defaults::default_cohort().map_err(|e| stop(USAGE, &e))?, 0),
    };
    let mut session = CohortSession::new(cohort);
    let result = session
        .evaluate_options(&options)
        .map_err(|e| stop(RECORD_FAILED, &e))?;
    let text = if args.json {
        wire::to_string(&result) + "\n"
    } else {
        tables::evaluation(&result)
    };
    print(&text)?;
    Ok(if rejected > 0 { RECORD_FAILED } else { OK })
}

// --- report ---------------------------------------------------------------------

/// `veivalg report`: exit code 0 when every line passes, 1 when some fail.
pub fn report(args: &ReportArgs) -> ExitCode {
    exit(report_text(args))
}

fn report_text(args: &ReportArgs) -> Result<u8, Stop> {
    if args.model_cards {
        print(&veivalg::cohort::report::model_cards(
            veivalg::routing::catalog::Catalog::shipped(),
        ))?;
        return Ok(OK);
    }
    let cohort = defaults::default_cohort().map_err(|e| stop(USAGE, &e))?;
    let r = veivalg::cohort::report::build(&cohort).map_err(|e| stop(USAGE, &e))?;
    let text = if args.json {
        wire::to_string(&r) + "\n"
    } else if args.markdown {
        veivalg::cohort::report::markdown(&r)
    } else {
        veivalg::cohort::report::text(&r)
    };
    print(&text)?;
    Ok(if r.all_pass { OK } else { RECORD_FAILED })
}

// --- refit-defaults --------------------------------------------------------------

/// `veivalg refit-defaults`: the proposal models and policies, refitted.
pub fn refit_defaults(args: &RefitArgs) -> ExitCode {
    exit(refit(args).map(|()| OK))
}

fn refit(args: &RefitArgs) -> Result<(), Stop> {
    let cohort = defaults::default_cohort().map_err(|e| stop(USAGE, &e))?;
    let d = defaults::fit_defaults(&cohort).map_err(|e| stop(USAGE, &e))?;
    let Some(dir) = &args.write else {
        let mut text = String::new();
        for line in d
            .models
            .iter()
            .map(wire::to_string)
            .chain(d.policies.iter().map(wire::to_string))
        {
            text += &line;
            text.push('\n');
        }
        return print(&text);
    };
    let mut files = Vec::new();
    for m in &d.models {
        files.push((
            dir.join("models").join(format!("{}.json", m.id)),
            defaults::file_text(m),
        ));
    }
    for p in &d.policies {
        files.push((
            dir.join("policies").join(format!("{}.json", p.id)),
            defaults::file_text(p),
        ));
    }
    for (path, text) in files {
        let text = text.map_err(|e| stop(USAGE, &e))?;
        let name = path.display().to_string();
        let written = match path.parent() {
            Some(parent) => std::fs::create_dir_all(parent),
            None => Ok(()),
        }
        .and_then(|()| std::fs::write(&path, text));
        written.map_err(|e| {
            stop(
                USAGE,
                &io_error(name.as_str(), format!("cannot write: {e}")),
            )
        })?;
        let _ = writeln!(io::stderr().lock(), "wrote {name}");
    }
    Ok(())
}
