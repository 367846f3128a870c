//! Running the `veivalg` binary in tests (shared by tests/cli.rs and
//! tests/cli_model.rs).
#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_veivalg");

/// What one run of the binary gave.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Stdout as JSON values, one per line.
    pub fn results(&self) -> Vec<Value> {
        json_lines(&self.stdout)
    }

    /// Stderr as JSON values, one per line.
    pub fn errors(&self) -> Vec<Value> {
        json_lines(&self.stderr)
    }

    /// Stdout as one JSON value.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

/// The `(line, kind, path)` of each error line the CLI wrote for a
/// skipped record.
pub fn line_kind_path(errors: &[Value]) -> Vec<(i64, &str, &str)> {
    errors
        .iter()
        .map(|e| {
            (
                e["line"].as_i64().unwrap(),
                e["kind"].as_str().unwrap(),
                e["path"].as_str().unwrap(),
            )
        })
        .collect()
}

/// Each line of `text` as JSON.
pub fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Runs `veivalg args…` with `stdin` fed from another thread (so a large
/// input cannot deadlock against a full stdout pipe).
pub fn run(args: &[&str], stdin: impl Into<Vec<u8>>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.into();
    // The tool may stop reading early (a usage error); a broken pipe is fine.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        code: out.status.code().expect("exited by signal"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A path in this test target's scratch directory, unique to the process.
pub fn temp_path(prefix: &str, name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{prefix}-{}-{name}", std::process::id()))
}
