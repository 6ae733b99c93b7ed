//! Generates the 10,000-error catalogue that the lookup benchmark reads, its errcat
//! code, and its `strum::EnumString` rival, into `OUT_DIR`.

#[path = "src/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use std::path::PathBuf;

/// The catalogue size of the lookup benchmark.
const LOOKUP_SIZE: usize = 10_000;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/synthetic.rs");
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set");
        std::process::exit(1);
    };
    let catalogue = out_dir.join("synthetic_10k.yaml");
    let steps = std::fs::write(&catalogue, synthetic::yaml(LOOKUP_SIZE))
        .map_err(|e| e.to_string())
        .and_then(|()| errcat_codegen::generate_rust(&catalogue, false).map_err(|e| e.to_string()))
        .and_then(|generated| {
            std::fs::write(out_dir.join("synthetic_10k.rs"), generated.code)
                .map_err(|e| e.to_string())
        })
        .and_then(|()| {
            std::fs::write(
                out_dir.join("strum_10k.rs"),
                synthetic::strum_enum(LOOKUP_SIZE, "StrumError"),
            )
            .map_err(|e| e.to_string())
        });
    if let Err(error) = steps {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
