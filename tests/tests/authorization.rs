//! `AuthorizationError` and `AuthorizationErrorResponse` read the authorization
//! page's redirect query strings with `serde_urlencoded`, keep `state`, and write
//! them back.

use github_oauth_errors::{AuthorizationError, AuthorizationErrorResponse};

use errcat_tests::{AUTHORIZATION_PAGE, query_examples, read, tests_path};

type Pairs = Vec<(String, String)>;

fn examples() -> Vec<String> {
    let queries = query_examples(&read(&tests_path(AUTHORIZATION_PAGE)));
    assert_eq!(queries.len(), 3, "the page has three examples");
    queries
}

fn member<'a>(pairs: &'a Pairs, name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

#[test]
fn the_response_reads_each_redirect_of_the_page() {
    for query in examples() {
        let pairs: Pairs = serde_urlencoded::from_str(&query).unwrap();
        let response: AuthorizationErrorResponse =
            serde_urlencoded::from_str(&query).unwrap_or_else(|e| panic!("{query}: {e}"));
        let code = member(&pairs, "error").unwrap();
        assert_eq!(response.code(), code);
        assert_eq!(response.known(), AuthorizationError::from_code(code));
        assert!(response.known().is_some(), "{code} is in the catalogue");
        assert_eq!(response.description(), member(&pairs, "error_description"));
        assert_eq!(response.uri(), member(&pairs, "error_uri"));
        let state = member(&pairs, "state").unwrap();
        assert_eq!(response.extension("state"), Some(&serde_json::json!(state)));
        assert_eq!(response.extensions().count(), 1);
    }
}

#[test]
fn the_response_writes_back_every_member_it_read() {
    for query in examples() {
        let pairs: Pairs = serde_urlencoded::from_str(&query).unwrap();
        let response: AuthorizationErrorResponse = serde_urlencoded::from_str(&query).unwrap();
        let written = serde_urlencoded::to_string(&response).unwrap();
        let written: Pairs = serde_urlencoded::from_str(&written).unwrap();
        assert_eq!(written, pairs, "members and their order survive");
    }
}

#[test]
fn the_enum_reads_each_redirect_and_the_page_shows_what_it_sends() {
    for query in examples() {
        let error: AuthorizationError = serde_urlencoded::from_str(&query).unwrap();
        let mut pairs: Pairs = serde_urlencoded::from_str(&query).unwrap();
        pairs.retain(|(name, _)| name != "state");
        let sent: Pairs =
            serde_urlencoded::from_str(&serde_urlencoded::to_string(error).unwrap()).unwrap();
        assert_eq!(sent, pairs, "{error:?}");
    }
    assert_eq!(AuthorizationError::ALL.len(), 3);
}

#[test]
fn an_unknown_code_is_kept_by_the_response_and_refused_by_the_enum() {
    let query = "error=temporarily_unavailable&error_description=Try+later&state=abc&extra=1";
    let response: AuthorizationErrorResponse = serde_urlencoded::from_str(query).unwrap();
    assert_eq!(response.known(), None);
    assert_eq!(response.code(), "temporarily_unavailable");
    assert_eq!(serde_urlencoded::to_string(&response).unwrap(), query);
    let error = serde_urlencoded::from_str::<AuthorizationError>(query).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("unknown AuthorizationError code \"temporarily_unavailable\""),
        "{error}"
    );
    let error = serde_urlencoded::from_str::<AuthorizationErrorResponse>("state=abc").unwrap_err();
    assert_eq!(error.to_string(), "missing field `error`");
}
