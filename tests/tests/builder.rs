//! The `Builder` of build scripts: output file, rewrites and errors.

use errcat_codegen::{Builder, Error};
use errcat_tests::{backdate, modified, read, scratch, tests_path, workspace};

#[test]
fn an_unchanged_catalogue_leaves_the_output_untouched() {
    let dir = scratch("builder-mtime");
    let build = || {
        Builder::new()
            .catalogue(workspace().join("errors.yaml"))
            .out_dir(&dir)
            .generate()
            .unwrap();
    };
    build();
    let output = dir.join("errors.rs");
    let first = std::fs::read(&output).unwrap();
    let before = backdate(&output);
    build();
    assert_eq!(std::fs::read(&output).unwrap(), first);
    assert_eq!(modified(&output), before);
}

#[test]
fn a_changed_catalogue_rewrites_the_output() {
    let dir = scratch("builder-change");
    let catalogue = dir.join("errors.yaml");
    let original = std::fs::read_to_string(workspace().join("errors.yaml")).unwrap();
    std::fs::write(&catalogue, &original).unwrap();
    let build = || {
        Builder::new()
            .catalogue(&catalogue)
            .out_dir(&dir)
            .generate()
            .unwrap();
    };
    build();
    let edited = original.replace(
        "The code passed is incorrect or expired.",
        "The code passed has expired.",
    );
    std::fs::write(&catalogue, edited).unwrap();
    build();
    let code = std::fs::read_to_string(dir.join("errors.rs")).unwrap();
    assert!(code.contains("\"The code passed has expired.\""));
    assert!(!code.contains("The code passed is incorrect or expired."));
}

#[test]
fn several_catalogues_in_one_call() {
    let dir = scratch("builder-several");
    let other = dir.join("device.yaml");
    std::fs::write(
        &other,
        "version: 1\nname: DeviceFlowError\nerrors:\n  - code: slow_down\n    description: Too many requests.\n",
    )
    .unwrap();
    Builder::new()
        .catalogue(workspace().join("errors.yaml"))
        .catalogue(&other)
        .out_dir(&dir)
        .generate()
        .unwrap();
    assert!(
        std::fs::read_to_string(dir.join("errors.rs"))
            .unwrap()
            .contains("pub enum TokenRequestError")
    );
    assert!(
        std::fs::read_to_string(dir.join("device.rs"))
            .unwrap()
            .contains("pub enum DeviceFlowError")
    );
}

#[test]
fn two_catalogues_with_one_stem_are_refused() {
    let dir = scratch("builder-same-stem");
    let error = Builder::new()
        .catalogue(workspace().join("errors.yaml"))
        .catalogue(tests_path("../errors.yaml"))
        .out_dir(&dir)
        .generate()
        .unwrap_err();
    assert!(matches!(error, Error::SameOutput { .. }), "{error:?}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

#[test]
fn no_catalogue_is_an_error() {
    let error = Builder::new()
        .out_dir(scratch("builder-none"))
        .generate()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "no catalogue given: call `Builder::catalogue(\"errors.yaml\")` before `generate()`"
    );
}

#[test]
fn serde_can_be_turned_off() {
    let dir = scratch("builder-no-serde");
    Builder::new()
        .catalogue(workspace().join("errors.yaml"))
        .serde(false)
        .out_dir(&dir)
        .generate()
        .unwrap();
    let code = std::fs::read_to_string(dir.join("errors.rs")).unwrap();
    assert!(code.contains("pub enum TokenRequestError"));
    assert!(
        !code.contains("serde"),
        "serde is off but the code mentions it"
    );
}

/// One Builder call generates several catalogues, each to `<stem>.rs`, exactly the
/// code `errcat generate` writes (the committed goldens).
#[test]
fn one_builder_call_generates_both_catalogues() {
    let out = scratch("builder-two");
    errcat_codegen::Builder::new()
        .catalogues([
            workspace().join("errors.yaml"),
            workspace().join("catalogues/authorization.yaml"),
        ])
        .out_dir(&out)
        .generate()
        .unwrap();
    for file in ["errors.rs", "authorization.rs"] {
        assert!(
            read(&out.join(file)) == read(&tests_path(&format!("golden/{file}"))),
            "{file} differs from its golden"
        );
    }
}
