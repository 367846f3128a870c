//! The `veivalg` command-line tool: `decide`, `label` and `features` read
//! JSON or JSON Lines and write JSON Lines, one result per record, with
//! structured errors on stderr; `synth`, `fit`, `evaluate` and `report`
//! work on whole cohorts. Run `veivalg --help` for the contract.
//!
//! The tool is native only. `cargo test --target wasm32-unknown-unknown`
//! builds binaries too, so on wasm32 this is an empty program and clap is
//! not a dependency there.

// The modules live in `src/bin/veivalg/` (a file directly in `src/bin/`
// would be taken for another binary).
#[cfg(not(target_arch = "wasm32"))]
#[path = "veivalg/analysis.rs"]
mod analysis;
#[cfg(not(target_arch = "wasm32"))]
#[path = "veivalg/cli.rs"]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
#[path = "veivalg/cohort_file.rs"]
mod cohort_file;
#[cfg(not(target_arch = "wasm32"))]
#[path = "veivalg/records.rs"]
mod records;
#[cfg(not(target_arch = "wasm32"))]
#[path = "veivalg/run.rs"]
mod run;
#[cfg(not(target_arch = "wasm32"))]
#[path = "veivalg/tables.rs"]
mod tables;

/// Parses the command line and runs the command.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    match cli::Cli::try_parse() {
        Ok(cli) => run::run(cli),
        Err(e) => run::clap_error(&e),
    }
}

/// On wasm32 there is no command line.
#[cfg(target_arch = "wasm32")]
fn main() {}
