//! How problems are shown (see TESTING.md, "Diagnostics"): all of them in one
//! run, up to a limit; the same text from a build script's Builder as from the
//! command; colour only when asked for; BOM-prefixed and CRLF catalogues work.

use std::fmt::Write as _;

use errcat_tests::{errcat, golden, scratch, tests_path, workspace};

#[test]
fn every_problem_is_reported_in_one_run() {
    for name in [
        "several-problems",
        "several-key-problems",
        "several-type-problems",
    ] {
        let run = errcat(&["generate", &format!("fixtures/report/{name}.yaml")]);
        assert_eq!(run.status, 1);
        assert_eq!(run.stdout, "");
        let golden_path = tests_path(&format!("fixtures/report/{name}.stderr"));
        if let Err(mismatch) = golden::check(&golden_path, &run.stderr) {
            panic!("{mismatch}");
        }
    }
}

#[test]
fn the_builder_fails_with_the_same_text_as_the_command() {
    for name in [
        "several-problems",
        "../bad/misspelt-entry-key",
        "../bad/duplicate-code",
    ] {
        let path = format!("fixtures/report/{name}.yaml");
        let out = scratch("diagnostics-builder");
        let error = errcat_codegen::Builder::new()
            .catalogue(&path)
            .out_dir(&out)
            .generate()
            .expect_err("the catalogue is bad");
        let run = errcat(&["generate", &path]);
        assert_eq!(format!("{error}\n"), run.stderr, "{name}");
        assert_eq!(std::fs::read_dir(&out).expect("out dir").count(), 0);
    }
}

/// Removes ANSI escape sequences (`ESC [ ... letter`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn colour_only_when_asked_for() {
    let args = [
        "errcat",
        "generate",
        "fixtures/report/several-problems.yaml",
    ];
    let (mut stdout, mut coloured) = (Vec::new(), Vec::new());
    let status = errcat_codegen::cli::run_styled(args, &mut stdout, &mut coloured, true);
    assert_eq!(status, 1);
    let coloured = String::from_utf8(coloured).expect("utf-8");
    let plain = errcat(&args[1..]).stderr;
    assert!(coloured.contains("\u{1b}["), "no colour: {coloured}");
    assert!(!plain.contains('\u{1b}'), "colour in plain text: {plain}");
    assert_eq!(strip_ansi(&coloured), plain);
}

#[test]
fn at_most_fifty_problems_are_shown_then_a_count() {
    let dir = scratch("diagnostics-many");
    let path = dir.join("errors.yaml");
    let mut yaml = String::from("version: 1\nname: ManyErrors\nerrors:\n");
    for i in 0..70 {
        let _ = writeln!(yaml, "  - code: code_{i}\n    description: \"\"");
    }
    std::fs::write(&path, yaml).expect("write");
    let run = errcat(&["generate", &path.to_string_lossy()]);
    assert_eq!(run.status, 1);
    let titles: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(titles.len(), 51, "{}", run.stderr);
    assert_eq!(titles[0], "error: code `code_0` has an empty description");
    assert_eq!(titles[49], "error: code `code_49` has an empty description");
    assert_eq!(
        titles[50],
        format!(
            "error: 70 problems in `{}`, the first 50 shown",
            path.display()
        )
    );
}

#[test]
fn bom_and_crlf_catalogues_are_valid() {
    let reference = std::fs::read_to_string(workspace().join("errors.yaml")).expect("errors.yaml");
    let expected = errcat(&[
        "generate",
        &workspace().join("errors.yaml").to_string_lossy(),
    ]);
    assert_eq!(expected.status, 0);
    for (name, text) in [
        ("bom", format!("\u{feff}{reference}")),
        ("crlf", reference.replace('\n', "\r\n")),
        (
            "bom-crlf",
            format!("\u{feff}{}", reference.replace('\n', "\r\n")),
        ),
    ] {
        let dir = scratch(&format!("diagnostics-{name}"));
        let path = dir.join("errors.yaml");
        std::fs::write(&path, text).expect("write");
        let run = errcat(&["generate", &path.to_string_lossy()]);
        assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{name}");
        // Block scalars keep their line ends, so only the CRLF texts differ.
        if name == "bom" {
            assert_eq!(run.stdout, expected.stdout, "{name}");
        } else {
            assert!(run.stdout.contains("pub enum TokenRequestError"), "{name}");
            assert!(run.stdout.contains("    BadVerificationCode,\n"), "{name}");
        }
    }
}
