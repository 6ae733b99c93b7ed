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
    // Compare only a regular file of the same length: never read a device such
    // as /dev/zero, nor a huge file, to find out.
    let same_size = fs::metadata(path)
        .is_ok_and(|metadata| metadata.is_file() && metadata.len() == contents.len() as u64);
    if same_size && fs::read(path).is_ok_and(|existing| existing == contents) {
        return Ok(false);
    }
    replace_with(path, |file| file.write_all(contents))?;
    Ok(true)
}

/// The bytes of `path` when it is a regular file, for comparing with what would
/// be written (`errcat generate --check`); `None` for anything else, so a device
/// such as /dev/zero is never read.
#[must_use]
pub fn current_contents(path: &Path) -> Option<Vec<u8>> {
    fs::metadata(path)
        .is_ok_and(|metadata| metadata.is_file())
        .then(|| fs::read(path).ok())
        .flatten()
}

/// Replaces `path` with what `fill` writes, through a temporary file in the same
/// directory that is renamed over `path` only once `fill` succeeded.
///
/// If `fill` fails or panics, or the process dies before the rename, `path` is
/// untouched; the temporary file is removed (except after a crash, when at most
/// one hidden `.NAME.errcat-*.tmp` remains beside it).
///
/// # Errors
///
/// As [`write_if_changed`], when `path` exists and is not a regular file (a
/// directory or a device would otherwise be replaced), or when `fill` fails.
pub fn replace_with(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), Error> {
    let error = |source| Error {
        path: path.to_owned(),
        source,
    };
    if let Ok(metadata) = fs::metadata(path) {
        if !metadata.is_file() {
            return Err(error(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it exists and is not a regular file",
            )));
        }
        if metadata.permissions().readonly() {
            return Err(error(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only",
            )));
        }
    }
    let (mut output, temporary) = create_temporary(path).map_err(error)?;
    let guard = RemoveOnDrop(Some(temporary));
    fill(&mut output)
        .and_then(|()| output.sync_all())
        .and_then(|()| {
            drop(output);
            fs::rename(guard.path(), path)
        })
        .map_err(error)?;
    guard.disarm();
    Ok(())
}

/// Removes the temporary file when dropped, so that an error or a panic in
/// `fill` leaves nothing behind; disarmed once the file has been renamed.
struct RemoveOnDrop(Option<PathBuf>);

impl RemoveOnDrop {
    fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }

    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            // Best effort: there is nothing better to do with a failure here.
            let _ = fs::remove_file(path);
        }
    }
}

/// Creates `dir/.name.errcat-PID-N.tmp`: hidden, in the target's directory so that
/// the rename never crosses file systems, and new (a leftover of a crashed run
/// that had the same process id is skipped, not reused or failed on).
fn create_temporary(path: &Path) -> io::Result<(File, PathBuf)> {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |name| name.to_string_lossy());
    let mut last_error = None;
    for attempt in 0..100 {
        let temporary = path.with_file_name(format!(
            ".{name}.errcat-{}-{attempt}.tmp",
            std::process::id()
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((file, temporary)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no temporary file name left")))
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
    fn a_panicking_writer_leaves_the_old_file_and_no_temporary() {
        let dir = scratch("panicking");
        let path = dir.join("out.rs");
        fs::write(&path, "old").unwrap();
        let result = std::panic::catch_unwind(|| {
            replace_with(&path, |file| {
                file.write_all(b"half of the new")?;
                panic!("the generator crashed");
            })
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(entries(&dir), ["out.rs"]);
    }

    #[test]
    fn a_writer_failing_after_many_bytes_leaves_the_old_file() {
        let dir = scratch("late-failure");
        let path = dir.join("out.rs");
        fs::write(&path, "old").unwrap();
        let error = replace_with(&path, |file| {
            for _ in 0..1024 {
                file.write_all(&[b'x'; 1024])?;
            }
            file.flush()?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        })
        .unwrap_err();
        assert_eq!(error.source.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(entries(&dir), ["out.rs"]);
    }

    #[test]
    fn a_leftover_temporary_of_a_crashed_run_is_skipped() {
        let dir = scratch("leftover");
        let path = dir.join("out.rs");
        let leftover = format!(".out.rs.errcat-{}-0.tmp", std::process::id());
        fs::write(dir.join(&leftover), "crashed half").unwrap();
        assert!(write_if_changed(&path, b"new").unwrap());
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        // The leftover is not ours to remove: it may belong to a live process.
        assert_eq!(entries(&dir), [leftover, "out.rs".to_owned()]);
    }

    #[test]
    fn a_directory_is_not_replaced() {
        let dir = scratch("directory");
        let path = dir.join("out.rs");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "kept").unwrap();
        let error = write_if_changed(&path, b"new").unwrap_err();
        assert_eq!(error.source.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
        assert_eq!(entries(&dir), ["out.rs"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_neither_read_nor_replaced() {
        // /dev/zero never ends: comparing by reading it would never return.
        let error = write_if_changed(Path::new("/dev/zero"), b"new").unwrap_err();
        assert_eq!(error.source.kind(), io::ErrorKind::InvalidInput);
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
