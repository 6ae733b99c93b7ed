//! Property tests of loading and generation (see TESTING.md, "Property tests").
//!
//! For any catalogue the strategy in `support/arbitrary.rs` draws (valid or not)
//! and for any bytes: loading never panics; a catalogue that loads generates
//! code, with and without serde, that parses with syn, the same bytes every
//! time, and keeps every code exactly; one that does not load renders a report.
//! That `from_code(code(v)) == v` holds in compiled code is checked on a sample
//! of the same strategy by `errcat-awkward` (`compiled_proptest_sample`).

use std::path::Path;

use errcat_codegen::{catalogue, rust};
use proptest::prelude::*;

#[path = "support/arbitrary.rs"]
mod arbitrary;

fn generate(catalogue: &catalogue::Catalogue, serde: bool) -> String {
    let options = rust::Options {
        source_name: "errors.yaml".to_owned(),
        serde,
    };
    rust::render(catalogue, &options).expect("a loaded catalogue generates code")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_catalogue_loads_and_generates_or_is_reported(drawn in arbitrary::catalogue()) {
        let yaml = drawn.to_yaml();
        match catalogue::parse(yaml.as_bytes(), Path::new("errors.yaml")) {
            Ok(loaded) => {
                // The text survives exactly: codes and descriptions in order.
                let codes: Vec<&str> = loaded.errors.iter().map(|e| e.code.as_str()).collect();
                let expected: Vec<&str> = drawn.entries.iter().map(|e| e.code.as_str()).collect();
                prop_assert_eq!(codes, expected);
                for (error, entry) in loaded.errors.iter().zip(&drawn.entries) {
                    prop_assert_eq!(&error.description, &entry.description);
                }
                for serde in [true, false] {
                    let code = generate(&loaded, serde);
                    let parsed = syn::parse_file(&code);
                    prop_assert!(parsed.is_ok(), "{:?}\n{}", parsed.err(), code);
                    prop_assert_eq!(&generate(&loaded, serde), &code);
                    for error in &loaded.errors {
                        // Every code appears as a string literal of the match in from_code.
                        let literal = proc_macro2::Literal::string(&error.code).to_string();
                        prop_assert!(code.contains(&literal), "{} missing", literal);
                    }
                }
            }
            Err(error) => {
                let report = error.to_string();
                prop_assert!(report.starts_with("error: "), "{}", report);
                prop_assert!(report.contains("errors.yaml"), "{}", report);
                prop_assert!(!report.contains('\u{1b}'), "{}", report);
            }
        }
    }

    #[test]
    fn any_bytes_load_or_are_reported(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Err(error) = catalogue::parse(&bytes, Path::new("errors.yaml")) {
            prop_assert!(error.to_string().starts_with("error: "));
        }
    }

    #[test]
    fn mangled_reference_catalogue_never_panics(
        cut in 0usize..4_500,
        insert in prop::sample::select(vec!["", "\u{0}", "[", "{", "'", "\"", "*a", "&a ", "- ", ": ", "\t", "\u{feff}", "!!binary ", "<<: "]),
    ) {
        let reference = std::fs::read_to_string(errcat_tests::workspace().join("errors.yaml")).expect("errors.yaml");
        let at = reference.char_indices().map(|(i, _)| i).take_while(|&i| i <= cut).last().unwrap_or(0);
        let mangled = format!("{}{insert}{}", &reference[..at], &reference[at..]);
        match catalogue::parse(mangled.as_bytes(), Path::new("errors.yaml")) {
            Ok(loaded) => prop_assert!(syn::parse_file(&generate(&loaded, true)).is_ok()),
            Err(error) => prop_assert!(error.to_string().starts_with("error: ")),
        }
    }
}
