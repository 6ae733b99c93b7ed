//! One Builder call generates several catalogues, each to `<stem>.rs`, exactly the
//! code `errcat generate` writes (the committed goldens).

use errcat_tests::{read, scratch, tests_path, workspace};

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
