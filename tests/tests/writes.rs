//! Crash-safe writes, end to end through `errcat generate` (see TESTING.md,
//! "Writes"). A write that fails half way leaves the previous file whole and no
//! temporary file behind; `--check` never writes. The failure modes that need a
//! writer failing after some bytes, or a panic, are unit tests in
//! `codegen/src/write.rs`, where the writer can be replaced.

use std::path::Path;
use std::time::SystemTime;

use errcat_tests::{Run, errcat, scratch, snapshot, workspace};

fn catalogue() -> String {
    workspace()
        .join("errors.yaml")
        .to_string_lossy()
        .into_owned()
}

fn generate(out: &Path, check: bool) -> Run {
    let out = out.to_string_lossy().into_owned();
    let catalogue = catalogue();
    let mut args = vec!["generate", catalogue.as_str(), "-o", out.as_str()];
    if check {
        args.push("--check");
    }
    errcat(&args)
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

/// `stderr` with the scratch directory shown as `$SCRATCH`.
fn shown(run: &Run, dir: &Path) -> String {
    run.stderr
        .replace(dir.to_string_lossy().as_ref(), "$SCRATCH")
}

#[test]
fn an_unchanged_file_is_not_rewritten() {
    let dir = scratch("writes-unchanged");
    let out = dir.join("errors.rs");
    assert_eq!(generate(&out, false).status, 0);
    let first = mtime(&out);
    let before = snapshot(&dir);
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(generate(&out, false).status, 0);
    assert_eq!(mtime(&out), first);
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn a_read_only_target_is_kept() {
    let dir = scratch("writes-read-only");
    let out = dir.join("errors.rs");
    std::fs::write(&out, "// previous\n").expect("write");
    let mut permissions = std::fs::metadata(&out).expect("metadata").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&out, permissions).expect("chmod");
    let before = snapshot(&dir);
    let run = generate(&out, false);
    assert_eq!(run.status, 1);
    assert_eq!(
        shown(&run, &dir),
        "error: cannot write $SCRATCH/errors.rs: the file is read-only\n"
    );
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn a_directory_as_the_target_is_kept() {
    let dir = scratch("writes-directory");
    let out = dir.join("errors.rs");
    std::fs::create_dir(&out).expect("mkdir");
    let run = generate(&out, false);
    assert_eq!(run.status, 1);
    assert_eq!(
        shown(&run, &dir),
        "error: cannot write $SCRATCH/errors.rs: it exists and is not a regular file\n"
    );
    assert!(out.is_dir());
    assert_eq!(snapshot(&dir).len(), 1);
}

/// A directory nobody can create files in: its "parent" is a regular file.
/// (Root ignores permission bits, so a mode-0555 directory is tried below too.)
#[test]
fn a_target_under_a_file_fails_cleanly() {
    let dir = scratch("writes-not-a-directory");
    std::fs::write(dir.join("file"), "a file").expect("write");
    let before = snapshot(&dir);
    let run = generate(&dir.join("file/errors.rs"), false);
    assert_eq!(run.status, 1);
    assert_eq!(
        shown(&run, &dir),
        "error: cannot write $SCRATCH/file/errors.rs: Not a directory (os error 20)\n"
    );
    assert_eq!(snapshot(&dir), before);
}

#[cfg(unix)]
#[test]
fn an_unwritable_directory_keeps_the_previous_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = scratch("writes-unwritable");
    let sub = dir.join("out");
    std::fs::create_dir(&sub).expect("mkdir");
    let out = sub.join("errors.rs");
    std::fs::write(&out, "// previous\n").expect("write");
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    if std::fs::write(sub.join("probe"), "").is_ok() {
        eprintln!(
            "note: an_unwritable_directory skipped: this user (root?) writes to mode-0555 directories"
        );
        let _ = std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755));
        return;
    }
    let before = snapshot(&sub);
    let run = generate(&out, false);
    let _ = std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755));
    assert_eq!(run.status, 1);
    assert_eq!(
        shown(&run, &dir),
        "error: cannot write $SCRATCH/out/errors.rs: Permission denied (os error 13)\n"
    );
    assert_eq!(snapshot(&sub), before);
}

#[test]
fn check_never_writes() {
    let dir = scratch("writes-check");
    // Missing: stale, and not created.
    let out = dir.join("errors.rs");
    let run = generate(&out, true);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("is stale; run `errcat generate"),
        "{}",
        run.stderr
    );
    assert!(snapshot(&dir).is_empty(), "--check created a file");

    // Stale: a diff on stdout, the file untouched.
    std::fs::write(&out, "// previous\n").expect("write");
    let (before, time) = (snapshot(&dir), mtime(&out));
    let run = generate(&out, true);
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("-// previous"), "{}", run.stdout);
    assert!(
        run.stdout.contains("+// @generated by errcat"),
        "{}",
        run.stdout
    );
    assert_eq!(snapshot(&dir), before);
    assert_eq!(mtime(&out), time);

    // Up to date: success, still untouched.
    assert_eq!(generate(&out, false).status, 0);
    let (before, time) = (snapshot(&dir), mtime(&out));
    let run = generate(&out, true);
    assert_eq!((run.status, run.stdout.as_str()), (0, ""));
    assert_eq!(snapshot(&dir), before);
    assert_eq!(mtime(&out), time);
}

#[cfg(unix)]
#[test]
fn check_against_a_device_neither_reads_it_forever_nor_writes() {
    let run = generate(Path::new("/dev/zero"), true);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("/dev/zero is stale"), "{}", run.stderr);
}
