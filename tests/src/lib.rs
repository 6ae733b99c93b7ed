//! Shared helpers of errcat's end-to-end tests: paths to the workspace's files and
//! fixtures, the reference pages, and an in-process `errcat` runner.

use std::path::{Path, PathBuf};

pub mod golden;

/// The workspace root.
#[must_use]
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_owned)
}

/// A file of the tests package (`pages/...`, `fixtures/...`, `golden/...`).
#[must_use]
pub fn tests_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// What `errcat` printed and returned.
#[derive(Debug)]
pub struct Run {
    /// The exit status.
    pub status: u8,
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
}

/// Runs `errcat ARGS...` in-process.
#[must_use]
pub fn errcat(args: &[&str]) -> Run {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = errcat_codegen::cli::run(
        std::iter::once("errcat").chain(args.iter().copied()),
        &mut stdout,
        &mut stderr,
    );
    Run {
        status,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// The fenced ```` ```json ```` blocks of a Markdown page, in order, without their fences.
#[must_use]
pub fn json_blocks(page: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in page.lines() {
        match &mut current {
            None if line == "```json" => current = Some(String::new()),
            Some(block) if line == "```" => {
                // The block's last newline belongs to the fence line.
                block.pop();
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// A fresh, empty scratch directory for one test.
///
/// # Panics
///
/// When the directory cannot be created.
#[must_use]
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errcat-tests-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}

/// The names and contents of the files in `dir`, sorted: to show that a run
/// created, removed or changed nothing.
///
/// # Panics
///
/// When the directory cannot be read.
#[must_use]
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}
