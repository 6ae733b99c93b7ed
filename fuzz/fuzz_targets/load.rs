//! Arbitrary bytes through every stage errcat runs on a catalogue: load and
//! validate, render the diagnostics (plain and styled), and for a catalogue that
//! loads, generate the Rust code and parse it again with syn.
//!
//! A panic anywhere, a valid catalogue whose code does not generate or does not
//! parse, or non-deterministic output is a finding.

#![no_main]

use std::path::Path;

use errcat_codegen::{catalogue, rust};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.yaml");
    match catalogue::parse(data, path) {
        Ok(catalogue) => {
            for serde in [true, false] {
                let options = rust::Options {
                    source_name: "fuzz.yaml".to_owned(),
                    serde,
                };
                let code = match rust::render(&catalogue, &options) {
                    Ok(code) => code,
                    Err(error) => panic!("a valid catalogue generated unparsable tokens: {error}"),
                };
                if let Err(error) = syn::parse_file(&code) {
                    panic!("the formatted code does not parse: {error}\n{code}");
                }
                assert_eq!(
                    rust::render(&catalogue, &options).ok().as_deref(),
                    Some(code.as_str()),
                    "generation is not deterministic"
                );
            }
        }
        Err(error) => {
            let plain = error.to_string();
            assert!(plain.starts_with("error: "), "{plain}");
            assert!(!plain.contains('\u{1b}'), "colour in the plain text: {plain}");
            let _ = error.render(true);
        }
    }
});
