//! The README's CLI example is run, and its output must match.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Stdio};

#[test]
fn readme_cli_example_output_matches() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("<!-- cli-example").expect("cli-example marker");
    let block = &readme[start..];
    let block = &block[block.find("```console\n").unwrap() + 11..];
    let block = &block[..block.find("```").unwrap()];
    let dir = std::env::temp_dir().join(format!("veivalg-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Split into ($ command, expected output) pairs.
    let mut steps: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        if let Some(cmd) = line.strip_prefix("$ ") {
            steps.push((cmd.to_string(), String::new()));
        } else if let Some(last) = steps.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    assert!(
        steps.len() >= 3,
        "the example has a cat and two veivalg commands"
    );
    for (cmd, expected) in steps {
        if let Some(file) = cmd.strip_prefix("cat ") {
            // The file's content is given by the README itself.
            std::fs::write(dir.join(file), &expected).unwrap();
            continue;
        }
        let args: Vec<&str> = cmd.split_whitespace().collect();
        assert_eq!(args[0], "veivalg");
        let out = Command::new(env!("CARGO_BIN_EXE_veivalg"))
            .args(&args[1..])
            .current_dir(&dir)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            expected,
            "output of `{cmd}`"
        );
    }
}
