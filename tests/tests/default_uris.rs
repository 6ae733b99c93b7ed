//! With `page_uri` set and `uri` left out, an error's URI is `page_uri#anchor` of
//! its heading, resolved when the catalogue loads, so the generated code, the JSON
//! and the docs page all carry it.

use errcat_codegen::catalogue;
use errcat_tests::tests_path;

const CATALOGUE: &str = "fixtures/catalogues/default-uris.yaml";

/// The anchors GitHub gives the headings of the fixture, by hand.
const EXPECTED: [&str; 4] = [
    "/apps/device-flow-errors/#authorization-pending",
    "/apps/device-flow-errors/#slow-down",
    "/apps/device-flow-errors/#the-expired_token-error",
    // Given explicitly, kept as written.
    "/apps/old/device-flow-errors#slow-down",
];

#[test]
fn uris_default_to_the_heading_anchor() {
    let catalogue = catalogue::load(&tests_path(CATALOGUE)).unwrap();
    let uris: Vec<Option<&str>> = catalogue.errors.iter().map(|e| e.uri.as_deref()).collect();
    assert_eq!(uris, EXPECTED.map(Some));
}

#[test]
fn the_rust_code_and_the_page_carry_the_default_uris() {
    let path = tests_path(CATALOGUE);
    let code = errcat_codegen::generate_rust(&path, true).unwrap().code;
    let page = errcat_codegen::generate_docs(&path).unwrap();
    for uri in EXPECTED {
        // In the precomputed body that `json()` returns.
        let member = format!(r#"\"error_uri\":\"{uri}\""#);
        assert!(code.contains(&member), "{uri} not in the code");
        assert!(
            page.contains(&format!("\"error_uri\": \"{uri}\"")),
            "{uri} not on the page"
        );
    }
}

#[test]
fn repeated_headings_get_numbered_anchors() {
    let catalogue =
        catalogue::load(&tests_path("fixtures/catalogues/repeated-headings.yaml")).unwrap();
    let uris: Vec<&str> = catalogue
        .errors
        .iter()
        .filter_map(|e| e.uri.as_deref())
        .collect();
    assert_eq!(
        uris,
        [
            "/apps/device-flow-errors/#slow-down",
            "/apps/device-flow-errors/#slow-down-1"
        ]
    );
}

#[test]
fn without_page_uri_there_is_no_uri() {
    let yaml = "version: 1\nname: TestError\nerrors:\n  - code: a\n    description: A.\n";
    let catalogue = catalogue::parse(yaml.as_bytes(), std::path::Path::new("e.yaml")).unwrap();
    assert_eq!(catalogue.errors[0].uri, None);
}
