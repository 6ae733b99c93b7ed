//! Every way of generating a catalogue's code (library, `errcat generate`, the
//! Builder) gives the bytes of the committed golden file, and the golden code is
//! the code the generated crate compiled. `drift.rs` checks the goldens are current;
//! after an intended generator change refresh them with
//! `UPDATE_GOLDEN=1 cargo test -p errcat-tests --test drift` and review `git diff`.

use errcat_tests::{errcat, scratch, tests_path, workspace};

fn golden_path() -> std::path::PathBuf {
    tests_path("golden/errors.rs")
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
    use errcat_tests::compiled::{authorization, token};
    assert_eq!(
        token::TokenRequestError::ALL.len(),
        github_oauth_errors::TokenRequestError::ALL.len()
    );
    for (golden, built) in token::TokenRequestError::ALL
        .iter()
        .zip(github_oauth_errors::TokenRequestError::ALL)
    {
        assert_eq!(golden.json(), built.json());
        assert_eq!(golden.to_string(), built.to_string());
    }
    assert_eq!(
        authorization::AuthorizationError::ALL.len(),
        github_oauth_errors::AuthorizationError::ALL.len()
    );
    for (golden, built) in authorization::AuthorizationError::ALL
        .iter()
        .zip(github_oauth_errors::AuthorizationError::ALL)
    {
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
