//! A first set of bad catalogues: each gives its documented message and exit status
//! 1, and writes nothing, neither a new file nor a change to an existing one.

use errcat_tests::{backdate, errcat, modified, scratch, tests_path};

/// `(fixture, the message errcat prints for it)`, the file path written as `{path}`.
const CASES: &[(&str, &str)] = &[
    (
        "unknown_key",
        "error: {path}:5:5: errors[0] (code `bad_verification_code`): unknown key `descripton`\n  \
         help: remove the key or correct its spelling; expected one of `code`, `title`, `description`, `uri`, `summary`, `resolution`, `heading_level`, `variant`\n",
    ),
    (
        "duplicate_code",
        "error: {path}:8:5: duplicate code `bad_verification_code` (errors #1 and #3)\n  \
         help: each code may appear once: remove the repeated entry or change its code\n",
    ),
    (
        "variant_collision",
        "error: {path}:6:5: codes `bad_code` and `bad-code` both give the variant name `BadCode`\n  \
         help: add `variant: SomeName` to the entry to choose another variant name\n",
    ),
    (
        "empty_list",
        "error: {path}:3:1: the catalogue has no errors\n  \
         help: add at least one entry under `errors:`\n",
    ),
    (
        "self_variant",
        "error: {path}:4:5: code `self` gives variant name `Self`, which is a Rust keyword that cannot be used as a name\n  \
         help: add `variant: SomeName` to the entry to choose another variant name\n",
    ),
    (
        "broken_yaml",
        "error: {path}:7:1: found unexpected end of stream, while scanning a quoted scalar at line 5 column 18\n  \
         help: fix the YAML at this position; see DESIGN.md, \"The catalogue format\"\n",
    ),
];

#[test]
fn each_bad_catalogue_gives_its_message_and_status_1() {
    for (name, expected) in CASES {
        let path = tests_path(&format!("fixtures/bad/{name}.yaml"));
        let path = path.to_str().unwrap();
        let run = errcat(&["generate", path]);
        assert_eq!(run.status, 1, "{name}");
        assert_eq!(run.stdout, "", "{name}: nothing on stdout");
        assert_eq!(run.stderr, expected.replace("{path}", path), "{name}");
    }
}

#[test]
fn a_bad_catalogue_creates_no_file() {
    let dir = scratch("bad-creates-nothing");
    for (name, _) in CASES {
        let output = dir.join(format!("{name}.rs"));
        let path = tests_path(&format!("fixtures/bad/{name}.yaml"));
        let run = errcat(&[
            "generate",
            path.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ]);
        assert_eq!(run.status, 1, "{name}");
    }
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "files were created"
    );
}

#[test]
fn a_bad_catalogue_leaves_an_existing_file_unchanged() {
    let dir = scratch("bad-changes-nothing");
    for (name, _) in CASES {
        let output = dir.join(format!("{name}.rs"));
        std::fs::write(&output, "// the previous code\n").unwrap();
        let before = backdate(&output);
        let path = tests_path(&format!("fixtures/bad/{name}.yaml"));
        let run = errcat(&[
            "generate",
            path.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ]);
        assert_eq!(run.status, 1, "{name}");
        assert_eq!(
            std::fs::read_to_string(&output).unwrap(),
            "// the previous code\n"
        );
        assert_eq!(modified(&output), before);
    }
}

#[test]
fn the_builder_reports_the_same_problem_and_writes_nothing() {
    let dir = scratch("bad-builder");
    let path = tests_path("fixtures/bad/duplicate_code.yaml");
    let error = errcat_codegen::Builder::new()
        .catalogue(tests_path("../errors.yaml"))
        .catalogue(&path)
        .out_dir(&dir)
        .generate()
        .unwrap_err();
    assert_eq!(
        format!("error: {error}\n"),
        CASES[1].1.replace("{path}", path.to_str().unwrap())
    );
    // The valid catalogue given first is not written either.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}
