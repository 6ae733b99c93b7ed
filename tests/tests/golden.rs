//! The generated code of `errors.yaml` is the committed golden file, and every way of
//! generating it (library, `errcat generate`, the Builder) gives the same bytes.
//!
//! After an intended change to the generator, refresh the golden file with
//! `UPDATE_GOLDEN=1 cargo test -p errcat-tests --test golden` and review `git diff`.

use errcat_tests::{errcat, scratch, tests_path, workspace};

fn golden_path() -> std::path::PathBuf {
    tests_path("golden/errors.rs")
}

#[test]
fn generated_code_matches_the_golden_file() {
    let generated = errcat_codegen::generate_rust(&workspace().join("errors.yaml"), true).unwrap();
    let golden = golden_path();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &generated.code).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        expected == generated.code,
        "{} is stale: run `UPDATE_GOLDEN=1 cargo test -p errcat-tests --test golden` and review the diff",
        golden.display()
    );
}

#[test]
fn the_golden_file_is_marked_generated_and_names_its_catalogue() {
    let golden = std::fs::read_to_string(golden_path()).unwrap();
    let first = golden.lines().next().unwrap();
    assert!(first.starts_with("// @generated"), "{first}");
    assert!(first.contains("errors.yaml"), "{first}");
    assert!(
        !golden.contains("unsafe"),
        "generated code must not use unsafe"
    );
}

#[test]
fn the_cli_prints_the_golden_code() {
    let catalogue = workspace().join("errors.yaml");
    let run = errcat(&["generate", catalogue.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, std::fs::read_to_string(golden_path()).unwrap());
}

#[test]
fn the_builder_writes_the_same_bytes_as_the_cli() {
    let dir = scratch("builder-same-bytes");
    errcat_codegen::Builder::new()
        .catalogue(workspace().join("errors.yaml"))
        .out_dir(&dir)
        .generate()
        .unwrap();
    let built = std::fs::read_to_string(dir.join("errors.rs")).unwrap();
    let catalogue = workspace().join("errors.yaml");
    let run = errcat(&["generate", catalogue.to_str().unwrap()]);
    assert_eq!(built, run.stdout);
}

#[test]
fn the_generated_crate_compiles_the_build_script_output() {
    // github-oauth-errors includes what its build.rs wrote; the golden module in
    // errcat-tests includes the golden file. Same code, same behaviour.
    use errcat_tests::golden::TokenRequestError as Golden;
    use github_oauth_errors::TokenRequestError as Built;
    assert_eq!(Golden::ALL.len(), Built::ALL.len());
    for (golden, built) in Golden::ALL.iter().zip(Built::ALL) {
        assert_eq!(golden.json(), built.json());
        assert_eq!(golden.to_string(), built.to_string());
    }
}

#[test]
fn two_runs_are_byte_identical() {
    let catalogue = workspace().join("errors.yaml");
    let first = errcat_codegen::generate_rust(&catalogue, true).unwrap();
    let second = errcat_codegen::generate_rust(&catalogue, true).unwrap();
    assert_eq!(first, second);
}
