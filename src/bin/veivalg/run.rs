//! Running a command: reading records, parsing each into its typed input,
//! calling the typed library API, writing results to stdout and errors to
//! stderr, and choosing the exit code.

use crate::analysis;
use crate::cli::{Cli, Command, InputArgs};
use crate::records::{Position, Records};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::process::ExitCode;
use veivalg::domain::person::Person;
use veivalg::{api, wire, Error, ErrorKind};

/// Every record succeeded.
pub const OK: u8 = 0;
/// At least one record failed.
pub const RECORD_FAILED: u8 = 1;
/// A usage error, or the input could not be read.
pub const USAGE: u8 = 2;

/// A command that stopped early. Its errors are on stderr already; this is
/// the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop(pub u8);

/// Reports `error` (not tied to a record) and stops with exit code `code`.
pub fn stop(code: u8, error: &Error) -> Stop {
    report(None, error);
    Stop(code)
}

/// One error as one line of JSON on stderr:
/// `{"line"|"index"?, "kind", "path", "message"}`.
#[derive(Serialize)]
struct ErrorLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<u64>,
    kind: &'static str,
    path: &'a str,
    message: &'a str,
}

/// Writes `error` (found at `at`, if it belongs to one record) to stderr.
/// A failure to write to stderr is ignored: there is nowhere left to say so.
pub fn report(at: Option<Position>, error: &Error) {
    let line = ErrorLine {
        line: match at {
            Some(Position::Line(n)) => Some(n),
            _ => None,
        },
        index: match at {
            Some(Position::Index(i)) => Some(i),
            _ => None,
        },
        kind: error.kind.as_str(),
        path: &error.path,
        message: &error.message,
    };
    let mut text = wire::to_string(&line);
    text.push('\n');
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// One typed call on one record's JSON text, options already bound: the
/// record is parsed into its input type, and the answer written as JSON.
type Call = Box<dyn Fn(&str) -> veivalg::Result<String>>;

/// A [`Call`] that reads each record as a person.
fn on_person<T: Serialize>(f: impl Fn(&Person) -> veivalg::Result<T> + 'static) -> Call {
    Box::new(move |text| Ok(wire::to_string(&f(&Person::from_json(text)?)?)))
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let (input, call): (&InputArgs, Call) = match &cli.command {
        Command::Policies => return print_list(&wire::to_string(api::policies())),
        Command::Rulesets => return print_list(&wire::to_string(api::rulesets())),
        Command::Models => return print_list(&wire::to_string(api::models())),
        Command::Synth(args) => return analysis::synth(args),
        Command::Fit(args) => return analysis::fit(args),
        Command::Evaluate(args) => return analysis::evaluate(args),
        Command::Report(args) => return analysis::report(args),
        Command::RefitDefaults(args) => return analysis::refit_defaults(args),
        Command::Decide(args) => match args.options() {
            Ok(options) => (&args.input, on_person(move |p| api::decide(p, &options))),
            Err(e) => return usage(&e),
        },
        Command::Label(args) => {
            let options = args.options();
            let call: Call = Box::new(move |text| {
                let input = wire::parse::<api::LabelSource>(text)?.into_input();
                Ok(wire::to_string(&api::label_outcome(&input, &options)?))
            });
            (&args.input, call)
        }
        Command::Features(args) => (&args.input, on_person(api::features)),
    };
    ExitCode::from(each_record(input, call.as_ref()))
}

/// Reports a usage-level error and gives exit code 2.
pub fn usage(error: &Error) -> ExitCode {
    report(None, error);
    ExitCode::from(USAGE)
}

/// Prints a shipped list (JSON text) and a newline.
fn print_list(json: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match writeln!(out, "{json}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::from(OK),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(OK),
        Err(e) => usage(&Error::new(
            ErrorKind::Io,
            "",
            format!("cannot write to standard output: {e}"),
        )),
    }
}

/// Opens the input named by `input`: a file, or standard input.
fn open(input: &InputArgs) -> Result<Box<dyn BufRead>, Error> {
    match input.path() {
        None => Ok(Box::new(io::stdin().lock())),
        Some(path) => File::open(path)
            .map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead>)
            .map_err(|e| {
                Error::new(
                    ErrorKind::Io,
                    path.display().to_string(),
                    format!("cannot open the input file: {e}"),
                )
            }),
    }
}

/// Calls `call` on every record of the input, writing each result as one
/// line on stdout and each error as one line on stderr. Returns the exit
/// code: 0, 1 if any record failed, 2 if the input could not be read.
fn each_record(input: &InputArgs, call: &dyn Fn(&str) -> veivalg::Result<String>) -> u8 {
    let reader = match open(input) {
        Ok(r) => r,
        Err(e) => {
            report(None, &e);
            return USAGE;
        }
    };
    let source = input
        .path()
        .map_or_else(String::new, |p| p.display().to_string());
    let mut out = io::stdout().lock();
    let mut code = OK;
    for item in Records::new(reader, input.input) {
        let record = match item {
            Ok(record) => record,
            Err(e) => {
                report(
                    None,
                    &Error::new(ErrorKind::Io, source, format!("cannot read the input: {e}")),
                );
                return USAGE;
            }
        };
        match record.text.and_then(|text| call(&text)) {
            Ok(json) => {
                if let Err(e) = out
                    .write_all(json.as_bytes())
                    .and_then(|()| out.write_all(b"\n"))
                {
                    return write_failed(&e, code);
                }
            }
            Err(e) => {
                code = RECORD_FAILED;
                report(Some(record.at), &e.at(&record.at.path_prefix()));
            }
        }
    }
    match out.flush() {
        Ok(()) => code,
        Err(e) => write_failed(&e, code),
    }
}

/// Stdout is gone. A closed pipe (`veivalg decide … | head`) means the
/// reader has seen enough: stop quietly. Anything else is an I/O error.
fn write_failed(e: &io::Error, code: u8) -> u8 {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return code;
    }
    report(
        None,
        &Error::new(
            ErrorKind::Io,
            "",
            format!("cannot write to standard output: {e}"),
        ),
    );
    USAGE
}

/// Turns a command-line parse error into the exit code: help and version
/// go to stdout with exit code 0; anything else is one USAGE error line on
/// stderr (its path the flag at fault, when clap knows it) and exit code 2.
pub fn clap_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind as K};
    if matches!(e.kind(), K::DisplayHelp | K::DisplayVersion) {
        // If stdout is closed there is nobody to show help to.
        let _ = e.print();
        return ExitCode::from(OK);
    }
    if e.kind() == K::DisplayHelpOnMissingArgumentOrSubcommand {
        let message = "no command given; use one of decide, label, features, synth, fit, \
evaluate, report, policies, rulesets, models, refit-defaults (see `veivalg --help`)";
        return usage(&Error::new(ErrorKind::Usage, "", message));
    }
    // The flag at fault: `--seed <N>` → `--seed`; for missing arguments
    // the first one missing (`<--spec <FILE>|--target <TARGET>>` → `--spec`).
    let arg = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) => Some(arg.as_str()),
        Some(ContextValue::Strings(args)) => args.first().map(String::as_str),
        _ => None,
    };
    let path = arg
        .and_then(|a| a.split_whitespace().next())
        .map(|a| a.trim_start_matches('<').to_string())
        .unwrap_or_default();
    usage(&Error::new(
        ErrorKind::Usage,
        path,
        one_line(&e.render().to_string()),
    ))
}

/// clap's multi-line error text as one line of sentences.
fn one_line(rendered: &str) -> String {
    rendered
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let l = l.strip_prefix("error: ").unwrap_or(l);
            if l.ends_with(['.', '?', '!', ':']) {
                l.to_string()
            } else {
                format!("{l}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
