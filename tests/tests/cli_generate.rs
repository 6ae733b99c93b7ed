//! `errcat generate`: stdout, `-o`, `--check` and exit statuses.

use errcat_tests::{backdate, errcat, modified, scratch, tests_path, workspace};

fn catalogue() -> String {
    workspace().join("errors.yaml").to_str().unwrap().to_owned()
}

fn golden() -> String {
    std::fs::read_to_string(tests_path("golden/errors.rs")).unwrap()
}

#[test]
fn output_file_is_written_then_left_alone() {
    let dir = scratch("cli-output");
    let output = dir.join("errors.rs");
    let out = output.to_str().unwrap();
    let run = errcat(&["generate", &catalogue(), "-o", out]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap(), golden());

    let before = backdate(&output);
    let run = errcat(&["generate", &catalogue(), "-o", out]);
    assert_eq!(run.status, 0);
    assert_eq!(modified(&output), before);
}

#[test]
fn check_passes_on_a_fresh_file() {
    let dir = scratch("cli-check-fresh");
    let output = dir.join("errors.rs");
    std::fs::write(&output, golden()).unwrap();
    let run = errcat(&[
        "generate",
        &catalogue(),
        "-o",
        output.to_str().unwrap(),
        "--check",
    ]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
}

#[test]
fn check_prints_a_diff_and_fails_on_a_stale_file_without_writing() {
    let dir = scratch("cli-check-stale");
    let output = dir.join("errors.rs");
    let stale = golden().replace(
        "\"The code passed is incorrect or expired.\"",
        "\"The code is wrong.\"",
    );
    std::fs::write(&output, &stale).unwrap();
    let before = backdate(&output);
    let out = output.to_str().unwrap();
    let run = errcat(&["generate", &catalogue(), "-o", out, "--check"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .starts_with(&format!("--- {out}\n+++ {out} (regenerated)\n")),
        "{}",
        run.stdout
    );
    let changed = |sign: char, text: &str| {
        run.stdout.lines().any(|line| {
            line.strip_prefix(sign)
                .is_some_and(|rest| rest.trim() == text)
        })
    };
    assert!(changed('-', "\"The code is wrong.\","), "{}", run.stdout);
    assert!(
        changed('+', "\"The code passed is incorrect or expired.\","),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        format!(
            "error: {out} is stale; run `errcat generate {} -o {out}` to update it\n",
            catalogue()
        )
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap(), stale);
    assert_eq!(modified(&output), before);
}

#[test]
fn check_against_a_missing_file_fails_without_creating_it() {
    let dir = scratch("cli-check-missing");
    let output = dir.join("errors.rs");
    let run = errcat(&[
        "generate",
        &catalogue(),
        "-o",
        output.to_str().unwrap(),
        "--check",
    ]);
    assert_eq!(run.status, 1);
    assert!(!output.exists());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["generate"][..],
        &["generate", "errors.yaml", "--check"],
        &["generate", "errors.yaml", "--frobnicate"],
        &["frobnicate"],
    ] {
        let run = errcat(args);
        assert_eq!(run.status, 2, "{args:?}");
        assert!(run.stderr.starts_with("error:"), "{args:?}: {}", run.stderr);
    }
    // No command at all: the help, on stderr, still a usage error.
    let run = errcat(&[]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("Usage: errcat <COMMAND>"),
        "{}",
        run.stderr
    );
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    for args in [&["--help"][..], &["--version"], &["generate", "--help"]] {
        let run = errcat(args);
        assert_eq!(run.status, 0, "{args:?}");
        assert_eq!(run.stderr, "", "{args:?}");
        assert!(!run.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_missing_catalogue_exits_1_and_names_it() {
    let run = errcat(&["generate", "no/such/errors.yaml"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .starts_with("error: cannot read catalogue `no/such/errors.yaml`: "),
        "{}",
        run.stderr
    );
}
