//! Shared helpers of errcat's end-to-end tests: paths to the workspace's files and
//! fixtures, the reference pages, and an in-process `errcat` runner.

use std::path::{Path, PathBuf};

pub mod golden;

/// The committed golden code of the catalogues, compiled here with warnings denied
/// (and, in CI, under `clippy::pedantic`) so a golden file that does not build
/// cannot pass. `tests/drift.rs` keeps them equal to what errcat generates.
#[deny(warnings)]
pub mod compiled {
    /// `errors.yaml`.
    pub mod token {
        include!("../golden/errors.rs");
    }

    /// `catalogues/authorization.yaml`.
    pub mod authorization {
        include!("../golden/authorization.rs");
    }
}

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

/// Sets `path`'s modification time an hour back and returns it, so that a test can
/// tell whether a later step rewrote the file.
///
/// # Panics
///
/// When the file cannot be opened or its time set.
#[must_use]
pub fn backdate(path: &Path) -> std::time::SystemTime {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(past))
        .unwrap_or_else(|e| panic!("backdate {}: {e}", path.display()));
    past
}

/// `path`'s modification time.
///
/// # Panics
///
/// When the file's metadata cannot be read.
#[must_use]
pub fn modified(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .unwrap_or_else(|e| panic!("mtime of {}: {e}", path.display()))
}

/// The token page copied from the reference, as the tests package holds it.
pub const TOKEN_PAGE: &str = "pages/troubleshooting-oauth-app-access-token-request-errors.md";
/// The authorization page copied from the reference.
pub const AUTHORIZATION_PAGE: &str = "pages/troubleshooting-authorization-request-errors.md";

/// The text of `path`.
///
/// # Panics
///
/// When the file cannot be read.
#[must_use]
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The query strings of a page's redirect examples (indented code blocks of the
/// form `CALLBACK?name=value` with `&name=value` continuation lines), in order,
/// without the callback URL and `?`.
#[must_use]
pub fn query_examples(page: &str) -> Vec<String> {
    let mut queries = Vec::new();
    let mut current: Option<String> = None;
    for line in page.lines() {
        match (&mut current, line.strip_prefix("    ")) {
            (Some(query), Some(more)) => query.push_str(more.trim()),
            (None, Some(first)) => {
                current = first.split_once('?').map(|(_, query)| query.to_owned());
            }
            (_, None) => queries.extend(current.take()),
        }
    }
    queries.extend(current);
    queries
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
