//! The enum's JSON is byte for byte the JSON blocks of the reference page.

use errcat_tests::{json_blocks, tests_path};
use github_oauth_errors::TokenRequestError;

fn page_blocks() -> Vec<String> {
    let path = tests_path("pages/troubleshooting-oauth-app-access-token-request-errors.md");
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let blocks = json_blocks(&page);
    assert_eq!(blocks.len(), 4, "the token page has four JSON examples");
    blocks
}

/// The page's blocks paired with the variants they document, matched by code.
fn examples() -> Vec<(String, TokenRequestError)> {
    page_blocks()
        .into_iter()
        .map(|block| {
            let value: serde_json::Value = serde_json::from_str(&block).unwrap();
            let code = value["error"].as_str().unwrap().to_owned();
            let variant = TokenRequestError::from_code(&code)
                .unwrap_or_else(|| panic!("the page's code {code} is not in the enum"));
            (block, variant)
        })
        .collect()
}

#[test]
fn pretty_json_is_the_page_block() {
    for (block, variant) in examples() {
        assert_eq!(serde_json::to_string_pretty(&variant).unwrap(), block);
    }
}

#[test]
fn json_is_serde_json_compact() {
    for variant in TokenRequestError::ALL {
        assert_eq!(variant.json(), serde_json::to_string(variant).unwrap());
    }
}

#[test]
fn the_page_block_deserializes_to_its_variant() {
    for (block, variant) in examples() {
        let read: TokenRequestError = serde_json::from_str(&block).unwrap();
        assert_eq!(read, variant);
    }
}

#[test]
fn metadata_is_the_page_text() {
    for (block, variant) in examples() {
        let value: serde_json::Value = serde_json::from_str(&block).unwrap();
        assert_eq!(variant.code(), value["error"]);
        assert_eq!(variant.description(), value["error_description"]);
        assert_eq!(variant.uri(), value["error_uri"].as_str());
    }
}

#[test]
fn titles_are_the_page_headings() {
    let path = tests_path("pages/troubleshooting-oauth-app-access-token-request-errors.md");
    let page = std::fs::read_to_string(path).unwrap();
    let headings: Vec<&str> = page.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    let titles: Vec<&str> = TokenRequestError::ALL.iter().map(|v| v.title()).collect();
    assert_eq!(titles, headings);
}

#[test]
fn an_unknown_code_is_an_error_that_names_it() {
    let error = serde_json::from_str::<TokenRequestError>(r#"{"error":"slow_down"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown TokenRequestError code \"slow_down\" at line 1 column 20"
    );
}

#[test]
fn bodies_that_are_not_error_bodies_are_errors() {
    for body in [
        "{}",
        "[]",
        "null",
        "\"bad_verification_code\"",
        r#"{"error":5}"#,
        r#"{"error":"bad_verification_code","error_description":5}"#,
        r#"{"error":"bad_verification_code","error":"bad_verification_code"}"#,
        r#"{"access_token":"gho_16C7e42F292c6912E7710c838347Ae178B4a","token_type":"bearer","scope":"repo"}"#,
    ] {
        assert!(
            serde_json::from_str::<TokenRequestError>(body).is_err(),
            "{body} was accepted"
        );
    }
}
