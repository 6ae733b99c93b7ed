//! The bad-catalogue corpus (see TESTING.md, "Bad catalogues").
//!
//! Every `fixtures/bad/NAME.yaml` and every case made below (too big to commit,
//! or depending on the machine) is run through `errcat generate NAME.yaml -o
//! out.rs` in-process. Each must exit with status 1, print exactly
//! `fixtures/bad/NAME.stderr` and nothing on stdout, not panic, finish within
//! [`TIME_LIMIT`], and leave the catalogue and the output directory (which holds
//! an older `out.rs`) exactly as they were.
//!
//! Golden files: a mismatch rewrites `NAME.stderr` and fails, so `git diff` shows
//! the change; `UPDATE_GOLDEN=1 cargo test -p errcat-tests` rewrites them all
//! without failing. Paths under the per-run scratch directory show as `$SCRATCH`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use errcat_tests::{errcat, golden, scratch, snapshot, tests_path};

/// "Done within a few seconds", with room for a slow debug build on a busy CI.
const TIME_LIMIT: Duration = Duration::from_secs(5);

/// Runs one case; `path` is passed to errcat as written (relative to the tests
/// package, or in `scratch_dir`, which the golden text shows as `$SCRATCH`).
fn run_case(name: &str, path: &str, scratch_dir: Option<&Path>) -> Result<(), String> {
    let out_dir = scratch(&format!("bad-out-{name}"));
    let out = out_dir.join("out.rs");
    std::fs::write(&out, "// previous output\n").map_err(|e| e.to_string())?;
    let before = snapshot(&out_dir);
    let catalogue_before = std::fs::read(path).ok();
    let out_arg = out.to_string_lossy().into_owned();

    let start = Instant::now();
    let run = catch_unwind(AssertUnwindSafe(|| {
        errcat(&["generate", path, "-o", &out_arg])
    }))
    .map_err(|_| format!("{name}: errcat panicked"))?;
    let elapsed = start.elapsed();

    let mut problems = Vec::new();
    if run.status != 1 {
        problems.push(format!("exit status {}, not 1", run.status));
    }
    if !run.stdout.is_empty() {
        problems.push(format!("stdout is not empty: {:?}", run.stdout));
    }
    if elapsed > TIME_LIMIT {
        problems.push(format!("took {elapsed:?}"));
    }
    if snapshot(&out_dir) != before {
        problems.push("the output directory changed".to_owned());
    }
    if std::fs::read(path).ok() != catalogue_before {
        problems.push("the catalogue changed".to_owned());
    }
    let _ = std::fs::remove_dir_all(&out_dir);
    let mut stderr = run.stderr;
    if let Some(dir) = scratch_dir {
        stderr = stderr.replace(dir.to_string_lossy().as_ref(), "$SCRATCH");
    }
    let golden_path = tests_path(&format!("fixtures/bad/{name}.stderr"));
    if let Err(mismatch) = golden::check(&golden_path, &stderr) {
        problems.push(mismatch);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}", problems.join("; ")))
    }
}

fn assert_all(results: Vec<Result<(), String>>) {
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn committed_cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(tests_path("fixtures/bad"))
        .expect("fixtures/bad")
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".yaml").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// The cases made by this file, without a `.yaml` of their own.
const MADE_CASES: &[&str] = &[
    "made-10mb-description",
    "made-65mb-file",
    "made-70kb-title",
    "made-bom-version-2",
    "made-crlf-misspelt-key",
    "made-deep-flow-mapping",
    "made-deep-flow-sequence",
    "made-deep-block-mapping",
    "path-directory",
    "path-missing",
    "path-proc-self-mem",
    "path-unreadable",
];

#[test]
fn committed_bad_catalogues() {
    let names = committed_cases();
    assert!(names.len() >= 50, "only {} bad catalogues", names.len());
    let results = names
        .iter()
        .map(|name| run_case(name, &format!("fixtures/bad/{name}.yaml"), None))
        .collect();
    assert_all(results);
}

#[test]
fn every_golden_file_has_its_case() {
    let cases = committed_cases();
    for entry in std::fs::read_dir(tests_path("fixtures/bad")).expect("fixtures/bad") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(stem) = name.strip_suffix(".stderr") {
            assert!(
                cases.iter().any(|case| case == stem) || MADE_CASES.contains(&stem),
                "{name} has no case: remove it or add the case"
            );
        }
    }
}

/// A catalogue whose one problem is `value` as the description.
fn with_description(value: &str) -> String {
    format!(
        "version: 1\nname: TokenRequestError\nerrors:\n  - code: bad_verification_code\n    description: {value}\n"
    )
}

fn made_case(name: &str, contents: &[u8]) -> Result<(), String> {
    let dir = scratch(&format!("bad-made-{name}"));
    let path = dir.join("errors.yaml");
    std::fs::write(&path, contents).map_err(|e| e.to_string())?;
    let result = run_case(name, &path.to_string_lossy(), Some(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    result
}

#[test]
fn deep_nesting() {
    const DEPTH: usize = 10_000;
    assert_all(vec![
        made_case(
            "made-deep-flow-sequence",
            with_description(&format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH))).as_bytes(),
        ),
        made_case(
            "made-deep-flow-mapping",
            with_description(&format!("{}a{}", "{a: ".repeat(DEPTH), "}".repeat(DEPTH))).as_bytes(),
        ),
        // Block style needs one more space per level; 10,000 levels would be a
        // 50 MB file, so this one goes 1,000 deep.
        made_case(
            "made-deep-block-mapping",
            (0..1_000)
                .map(|depth| " ".repeat(depth) + "a:\n")
                .collect::<String>()
                .as_bytes(),
        ),
    ]);
}

#[test]
fn huge_inputs() {
    assert_all(vec![
        made_case(
            "made-10mb-description",
            with_description(&"x".repeat(10 * 1024 * 1024)).as_bytes(),
        ),
        made_case(
            "made-65mb-file",
            format!(
                "{}# {}\n",
                with_description("Fine."),
                "x".repeat(65 * 1024 * 1024)
            )
            .as_bytes(),
        ),
        made_case(
            "made-70kb-title",
            format!(
                "{}    title: {}\n",
                with_description("Fine."),
                "x".repeat(70 * 1024)
            )
            .as_bytes(),
        ),
    ]);
}

#[test]
fn bom_and_crlf_catalogues_point_at_the_right_place() {
    let crlf = "version: 1\r\nname: TokenRequestError\r\nerrors:\r\n  - code: bad_verification_code\r\n    descriptoin: The code passed is incorrect or expired.\r\n";
    let bom = format!(
        "\u{feff}{}",
        "version: 2\nname: TokenRequestError\nerrors:\n  - code: a\n    description: b\n"
    );
    assert_all(vec![
        made_case("made-crlf-misspelt-key", crlf.as_bytes()),
        made_case("made-bom-version-2", bom.as_bytes()),
    ]);
}

#[test]
fn paths_that_are_not_readable_catalogues() {
    let mut results = vec![
        run_case("path-directory", "fixtures", None),
        run_case("path-missing", "fixtures/bad/no-such-catalogue.yaml", None),
    ];
    // A file that exists but cannot be read, for root too: reading a process's
    // memory at address 0 fails with EIO.
    if cfg!(target_os = "linux") {
        results.push(run_case("path-proc-self-mem", "/proc/self/mem", None));
    }
    results.push(unreadable_file());
    assert_all(results);
}

/// A file without read permission. Root reads it anyway (CI runs as root), so
/// there the case is skipped with a note; `path-proc-self-mem` covers an
/// unreadable file for every user.
#[cfg(unix)]
fn unreadable_file() -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = scratch("bad-unreadable");
    let path: PathBuf = dir.join("errors.yaml");
    std::fs::write(&path, with_description("Fine.")).map_err(|e| e.to_string())?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000))
        .map_err(|e| e.to_string())?;
    let result = if std::fs::File::open(&path).is_ok() {
        eprintln!(
            "note: path-unreadable skipped: this user (root?) reads files without read permission"
        );
        Ok(())
    } else {
        run_case("path-unreadable", &path.to_string_lossy(), Some(&dir))
    };
    let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    let _ = std::fs::remove_dir_all(&dir);
    result
}

#[cfg(not(unix))]
fn unreadable_file() -> Result<(), String> {
    Ok(())
}
