//! `TokenRequestErrorResponse` reads any error body and writes back what it read.

use github_oauth_errors::{TokenRequestError, TokenRequestErrorResponse};

fn round_trip(body: &str) -> TokenRequestErrorResponse {
    let response: TokenRequestErrorResponse =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{body} was rejected: {e}"));
    assert_eq!(serde_json::to_string(&response).unwrap(), body);
    response
}

#[test]
fn an_unknown_code_with_an_extension_member() {
    let body = r#"{"error":"slow_down","error_description":"Too many requests have been made in the same timeframe.","error_uri":"https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow","interval":10}"#;
    let response = round_trip(body);
    assert_eq!(response.known(), None);
    assert_eq!(response.code(), "slow_down");
    assert_eq!(
        response.description(),
        Some("Too many requests have been made in the same timeframe.")
    );
    assert_eq!(response.extension("interval"), Some(&serde_json::json!(10)));
    let members: Vec<&str> = response.extensions().map(|(name, _)| name).collect();
    assert_eq!(members, ["interval"]);
}

#[test]
fn extension_members_keep_their_order_and_values() {
    round_trip(r#"{"error":"x","zeta":[1,{"b":null}],"alpha":"a","mid":-2.5}"#);
}

#[test]
fn a_known_code_with_the_servers_own_description() {
    let body = r#"{"error":"bad_verification_code","error_description":"The code has expired.","error_uri":"/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}"#;
    let response = round_trip(body);
    assert_eq!(
        response.known(),
        Some(TokenRequestError::BadVerificationCode)
    );
    assert_eq!(response.description(), Some("The code has expired."));
    assert_ne!(
        response.description(),
        Some(TokenRequestError::BadVerificationCode.description())
    );
}

#[test]
fn a_known_code_with_an_absolute_uri() {
    let body = r#"{"error":"incorrect_client_credentials","error_description":"The client_id and/or client_secret passed are incorrect.","error_uri":"https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials"}"#;
    let response = round_trip(body);
    assert_eq!(
        response.known(),
        Some(TokenRequestError::IncorrectClientCredentials)
    );
    assert_eq!(
        response.uri(),
        Some(
            "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials"
        )
    );
}

#[test]
fn a_body_with_only_the_code() {
    let response = round_trip(r#"{"error":"unverified_user_email"}"#);
    assert_eq!(
        response.known(),
        Some(TokenRequestError::UnverifiedUserEmail)
    );
    assert_eq!(response.description(), None);
    assert_eq!(response.uri(), None);
    assert_eq!(response.extensions().count(), 0);
}

#[test]
fn a_canonical_body_is_the_enums_body() {
    for &variant in TokenRequestError::ALL {
        let response = round_trip(variant.json());
        assert_eq!(response, TokenRequestErrorResponse::from(variant));
        assert_eq!(response.to_string(), variant.to_string());
    }
}

#[test]
fn servers_can_build_a_response_with_extensions() {
    let response = TokenRequestErrorResponse::new("slow_down")
        .with_description("Too many requests.")
        .with_extension("interval", 5)
        .with_extension("interval", 10);
    assert_eq!(
        serde_json::to_string(&response).unwrap(),
        r#"{"error":"slow_down","error_description":"Too many requests.","interval":10}"#
    );
    assert_eq!(response.to_string(), "slow_down: Too many requests.");
}

#[test]
fn bodies_that_are_not_error_bodies_are_errors() {
    let cases = [
        ("{}", "missing field `error`"),
        (
            r#"{"error":""}"#,
            "invalid value: string \"\", expected a non-empty string",
        ),
        ("[]", "invalid type: sequence"),
        ("null", "invalid type: null"),
        (
            r#"{"error":5}"#,
            "invalid type: integer `5`, expected a non-empty string",
        ),
        (
            r#"{"error":"x","error_description":["a"]}"#,
            "invalid type: sequence, expected a string",
        ),
        (r#"{"error":"x","error":"y"}"#, "duplicate field `error`"),
        (
            r#"{"error":"x","interval":1,"interval":2}"#,
            "duplicate member \"interval\"",
        ),
        (
            r#"{"access_token":"gho_16C7e42F292c6912E7710c838347Ae178B4a","token_type":"bearer","scope":"repo,gist"}"#,
            "missing field `error`",
        ),
    ];
    for (body, message) in cases {
        let error = serde_json::from_str::<TokenRequestErrorResponse>(body)
            .map(|r| panic!("{body} was accepted as {r:?}"))
            .unwrap_err();
        assert!(
            error.to_string().starts_with(message),
            "{body}: {error} does not start with {message:?}"
        );
    }
}
