//! Generates the awkward catalogues of `tests/fixtures/good`, the reference
//! catalogue, and a sample drawn from the proptest strategy, into `OUT_DIR`.
//!
//! Shared by `errcat-awkward` (edition 2024) and `errcat-awkward-2021`, whose
//! manifests sit side by side, so the relative paths hold for both.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proptest::strategy::{Strategy as _, ValueTree as _};
use proptest::test_runner::TestRunner;

#[path = "../tests/support/arbitrary.rs"]
mod arbitrary;

/// Catalogues in the compiled sample; `src/tests.rs` checks each by name.
const SAMPLES: usize = 6;

const GOOD: &[&str] = &[
    "../fixtures/good/keywords.yaml",
    "../fixtures/good/code-shapes.yaml",
    "../fixtures/good/awkward-text.yaml",
    "../fixtures/good/custom-wire.yaml",
    "../fixtures/good/single.yaml",
    "../../errors.yaml",
];

fn main() {
    println!("cargo:rerun-if-changed=../tests/support/arbitrary.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let mut builder = errcat_codegen::Builder::new();
    for path in GOOD {
        builder.catalogue(path);
    }
    run(&builder);
    // The same text without serde: the output must then need nothing but core.
    std::fs::create_dir_all(out_dir.join("core-only")).expect("create core-only dir");
    run(errcat_codegen::Builder::new()
        .catalogue("../fixtures/good/awkward-text.yaml")
        .out_dir(out_dir.join("core-only"))
        .serde(false));
    samples(&out_dir);
    large(&out_dir);
}

/// Errors in the large catalogue: enough buckets and slots that `from_code`'s
/// displacement table and reductions are exercised as in a big API.
const LARGE: usize = 3_000;

/// A catalogue of [`LARGE`] codes of every length from 1 to 80 bytes (the hash reads
/// short codes, 4 to 7 bytes and 8 or more in different ways), some sharing long
/// prefixes and suffixes, generated without serde (core only).
fn large(out_dir: &Path) {
    let dir = out_dir.join("large");
    std::fs::create_dir_all(&dir).expect("create large dir");
    let mut yaml = String::from("version: 1\nname: LargeError\nerrors:\n");
    for i in 0..LARGE {
        let stem = format!("{}{i}", ["x", "shared_prefix_of_codes_", "a"][i % 3]);
        let length = 1 + i % 80;
        let code: String = if i < 80 {
            // One code of each length first: `k`, `k0`, `k00`, ...
            format!("k{}", "0".repeat(i))
        } else if stem.len() >= length {
            format!("{stem}_{length}")
        } else {
            format!("{stem}{}", "z".repeat(length - stem.len()))
        };
        writeln!(yaml, "  - code: {code}\n    description: Error number {i}.").expect("write");
    }
    let path = dir.join("large.yaml");
    std::fs::write(&path, yaml).expect("write large.yaml");
    run(errcat_codegen::Builder::new()
        .catalogue(&path)
        .out_dir(&dir)
        .serde(false));
}

fn run(builder: &errcat_codegen::Builder) {
    if let Err(e) = builder.generate() {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

/// Draws catalogues from the proptest strategy with a fixed seed, keeps the first
/// [`SAMPLES`] that load (named `Sample`, so the tests can name them), and
/// generates each, with `samples.rs` wrapping each in its own module.
fn samples(out_dir: &Path) {
    let dir = out_dir.join("samples");
    std::fs::create_dir_all(&dir).expect("create samples dir");
    let mut runner = TestRunner::deterministic();
    let strategy = arbitrary::catalogue();
    let mut modules = String::new();
    let mut kept = 0;
    for _ in 0..10_000 {
        if kept == SAMPLES {
            break;
        }
        let mut catalogue = strategy.new_tree(&mut runner).expect("draw").current();
        "Sample".clone_into(&mut catalogue.name);
        let yaml = catalogue.to_yaml();
        let path = dir.join(format!("sample_{kept}.yaml"));
        if errcat_codegen::catalogue::parse(yaml.as_bytes(), &path).is_err() {
            continue;
        }
        std::fs::write(&path, yaml).expect("write sample");
        run(errcat_codegen::Builder::new()
            .catalogue(&path)
            .out_dir(&dir));
        writeln!(
            modules,
            "hostile!(sample_{kept}, \"samples/sample_{kept}.rs\");"
        )
        .expect("write");
        kept += 1;
    }
    assert_eq!(kept, SAMPLES, "too few loadable samples");
    std::fs::write(out_dir.join("samples.rs"), modules).expect("write samples.rs");
}
