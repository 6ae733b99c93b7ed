//! Writing generated files: only when the bytes change, and atomically.
//!
//! An unchanged file keeps its modification time, so cargo, rust-analyzer and
//! cargo-watch do not rebuild for nothing. A changed file is written to a
//! temporary file beside it and renamed over it, so a failure or a crash half way
//! leaves the old file whole and no temporary file behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", path.display())]
pub struct Error {
    /// The file that was to be written.
    pub path: PathBuf,
    /// What went wrong.
    pub source: io::Error,
}

/// Writes `contents` to `path` unless the file already holds exactly these bytes.
/// Returns whether the file was written.
///
/// # Errors
///
/// When the existing file is read-only, or creating, writing or renaming the
/// temporary file fails. The existing file is then unchanged.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<bool, Error> {
    if fs::read(path).is_ok_and(|existing| existing == contents) {
        return Ok(false);
    }
    replace_with(path, |file| file.write_all(contents))?;
    Ok(true)
}

/// Replaces `path` with what `fill` writes, through a temporary file in the same
/// directory that is renamed over `path` only once `fill` succeeded.
///
/// # Errors
///
/// As [`write_if_changed`], or when `fill` fails.
pub fn replace_with(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), Error> {
    let error = |source| Error {
        path: path.to_owned(),
        source,
    };
    if let Ok(metadata) = fs::metadata(path)
        && metadata.permissions().readonly()
    {
        return Err(error(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        )));
    }
    let temporary = temporary_path(path);
    let result = write_temporary(&temporary, fill).and_then(|()| fs::rename(&temporary, path));
    if let Err(source) = result {
        // Best effort: the temporary file may not even exist.
        let _ = fs::remove_file(&temporary);
        return Err(error(source));
    }
    Ok(())
}

fn write_temporary(
    temporary: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let mut output = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temporary)?;
    fill(&mut output)?;
    output.sync_all()
}

/// `dir/.name.errcat-PID.tmp`: hidden, unique to this process, and in the target's
/// directory so that the rename never crosses file systems.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |name| name.to_string_lossy());
    path.with_file_name(format!(".{name}.errcat-{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("errcat-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_new_and_changed_files_only() {
        let dir = scratch("changed");
        let path = dir.join("out.rs");
        assert!(write_if_changed(&path, b"one").unwrap());
        assert!(!write_if_changed(&path, b"one").unwrap());
        assert!(write_if_changed(&path, b"two").unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(entries(&dir), ["out.rs"]);
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_temporary() {
        let dir = scratch("failing");
        let path = dir.join("out.rs");
        fs::write(&path, "old").unwrap();
        let result = replace_with(&path, |file| {
            file.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        });
        let error = result.unwrap_err();
        assert_eq!(error.source.to_string(), "disk full");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(entries(&dir), ["out.rs"]);
    }

    #[test]
    fn a_read_only_file_is_not_replaced() {
        let dir = scratch("readonly");
        let path = dir.join("out.rs");
        fs::write(&path, "old").unwrap();
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let error = write_if_changed(&path, b"new").unwrap_err();
        assert_eq!(error.source.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(entries(&dir), ["out.rs"]);
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = scratch("missing");
        let path = dir.join("no/such/dir/out.rs");
        let error = write_if_changed(&path, b"new").unwrap_err();
        assert_eq!(error.source.kind(), io::ErrorKind::NotFound);
        assert_eq!(entries(&dir), Vec::<String>::new());
    }
}
