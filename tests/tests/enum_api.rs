//! Codes, parsing, `Display` and `ALL`, checked against the reference page.

use errcat_tests::{json_blocks, tests_path};
use github_oauth_errors::{TokenRequestError, UnknownTokenRequestErrorCode};

/// `(code, description)` of each error, in page order, read from the page's JSON blocks.
fn page_errors() -> Vec<(String, String)> {
    let path = tests_path("pages/troubleshooting-oauth-app-access-token-request-errors.md");
    let page = std::fs::read_to_string(path).unwrap();
    json_blocks(&page)
        .iter()
        .map(|block| {
            let value: serde_json::Value = serde_json::from_str(block).unwrap();
            (
                value["error"].as_str().unwrap().to_owned(),
                value["error_description"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn all_is_in_catalogue_order() {
    let codes: Vec<&str> = TokenRequestError::ALL.iter().map(|v| v.code()).collect();
    let page: Vec<String> = page_errors().into_iter().map(|(code, _)| code).collect();
    assert_eq!(codes, page);
}

#[test]
fn every_code_parses_both_ways() {
    for (code, _) in page_errors() {
        let by_code = TokenRequestError::from_code(&code).unwrap();
        let parsed: TokenRequestError = code.parse().unwrap();
        let tried = TokenRequestError::try_from(code.as_str()).unwrap();
        assert_eq!(by_code.code(), code);
        assert_eq!(parsed, by_code);
        assert_eq!(tried, by_code);
        let static_code: &'static str = by_code.into();
        assert_eq!(static_code, code);
    }
}

#[test]
fn near_misses_are_rejected() {
    for (code, _) in page_errors() {
        for candidate in [
            code.to_uppercase(),
            code.replace('_', "-"),
            format!(" {code}"),
            format!("{code} "),
            format!("{code}\n"),
            code[..code.len() - 1].to_owned(),
        ] {
            assert_eq!(
                TokenRequestError::from_code(&candidate),
                None,
                "{candidate:?}"
            );
            assert!(
                candidate.parse::<TokenRequestError>().is_err(),
                "{candidate:?}"
            );
        }
    }
    assert_eq!(TokenRequestError::from_code(""), None);
}

#[test]
fn the_parse_error_names_the_code() {
    let error = "slow_down".parse::<TokenRequestError>().unwrap_err();
    assert_eq!(error.code(), "slow_down");
    assert_eq!(
        error.to_string(),
        "unknown TokenRequestError code \"slow_down\""
    );
    let _: &dyn std::error::Error = &error;
}

#[test]
fn a_long_unknown_code_is_cut_at_a_character_boundary() {
    let code = format!("{}é{}", "a".repeat(63), "b".repeat(100));
    let error: UnknownTokenRequestErrorCode = code.parse::<TokenRequestError>().unwrap_err();
    assert_eq!(error.code(), "a".repeat(63));
    assert_eq!(
        error.to_string(),
        format!("unknown TokenRequestError code {:?}…", "a".repeat(63))
    );
}

#[test]
fn display_is_code_colon_description() {
    for (code, description) in page_errors() {
        let variant = TokenRequestError::from_code(&code).unwrap();
        assert_eq!(variant.to_string(), format!("{code}: {description}"));
        let as_error: &dyn std::error::Error = &variant;
        assert_eq!(as_error.to_string(), format!("{code}: {description}"));
    }
}
