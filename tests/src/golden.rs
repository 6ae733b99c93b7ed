//! Golden files: expected output kept beside the fixtures.
//!
//! On a mismatch the expected file is rewritten with the actual output and the
//! check fails, so `git diff` shows the change and the next run passes once it is
//! reviewed (prost-build's habit). With `UPDATE_GOLDEN=1` every golden file is
//! rewritten without failing: `UPDATE_GOLDEN=1 cargo test -p errcat-tests`.

use std::path::Path;

/// Whether `UPDATE_GOLDEN=1` asks to rewrite golden files instead of failing.
#[must_use]
pub fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1")
}

/// Compares `actual` with the golden file at `path`; on a difference (or when the
/// file is missing) rewrites it and returns a message describing the mismatch.
///
/// # Errors
///
/// The mismatch, to be collected and reported by the test.
pub fn check(path: &Path, actual: &str) -> Result<(), String> {
    let expected = std::fs::read_to_string(path).ok();
    if expected.as_deref() == Some(actual) {
        return Ok(());
    }
    std::fs::write(path, actual).map_err(|e| format!("write {}: {e}", path.display()))?;
    if updating() {
        return Ok(());
    }
    Err(match expected {
        None => format!("{}: missing; written, review it", path.display()),
        Some(expected) => format!(
            "{}: output changed; the file now holds the new output (review with git diff)\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ),
    })
}
