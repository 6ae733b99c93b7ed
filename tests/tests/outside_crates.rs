//! Crates outside the workspace can use errcat both ways: one depends on the
//! generated crate by path, one generates its own catalogue from build.rs. Both
//! are edition 2021, so the generated code is checked on that edition too.
//!
//! They build with the `cargo` running these tests, offline (the workspace has
//! already fetched every crate they need), into their own target directory.

use std::process::Command;

use errcat_tests::workspace;

fn cargo_run(example: &str) -> String {
    let root = workspace();
    let manifest = root.join("examples").join(example).join("Cargo.toml");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(&manifest)
        .env(
            "CARGO_TARGET_DIR",
            root.join("target").join("outside-crates"),
        )
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "{example} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_crate_depending_on_the_generated_crate_by_path() {
    assert_eq!(
        cargo_run("outside-dependent"),
        "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\",\"error_uri\":\"/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code\"}\n"
    );
}

#[test]
fn a_crate_generating_its_own_catalogue_in_build_rs() {
    assert_eq!(
        cargo_run("outside-builder"),
        "Some(SlowDown) {\"error\":\"slow_down\",\"error_description\":\"Too many requests have been made in the same timeframe.\",\"interval\":10}\n"
    );
}
