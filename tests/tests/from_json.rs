//! `from_json` reads every body exactly as `serde_json::from_slice` does; only the
//! catalogue's own bodies take its comparison-only path.

use github_oauth_errors::{TokenRequestError, TokenRequestErrorResponse};

#[test]
fn canonical_bodies_are_the_known_errors() {
    for &error in TokenRequestError::ALL {
        let response =
            TokenRequestErrorResponse::from_json(error.json().as_bytes()).expect("a body");
        assert_eq!(response, TokenRequestErrorResponse::from(error));
    }
}

#[test]
fn from_json_reads_other_bodies_like_serde_json() {
    let bodies: [&[u8]; 5] = [
        br#"{"error":"bad_verification_code","error_description":"Expired."}"#,
        br#"{"error":"bad_verification_code"}"#,
        br#"{"error": "bad_verification_code", "error_description": "The code passed is incorrect or expired."}"#,
        br#"{"error":"slow_down","interval":10}"#,
        br#"{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.","error_uri":"/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code","x":1}"#,
    ];
    for body in bodies {
        let expected: TokenRequestErrorResponse = serde_json::from_slice(body).expect("a body");
        assert_eq!(
            TokenRequestErrorResponse::from_json(body).expect("a body"),
            expected
        );
    }
    for bad in [
        &b"{\"error\":\"bad_verification_code"[..],
        b"[]",
        b"",
        b"{\"error\":1}",
    ] {
        let expected = serde_json::from_slice::<TokenRequestErrorResponse>(bad).unwrap_err();
        let error = TokenRequestErrorResponse::from_json(bad).unwrap_err();
        assert_eq!(error.to_string(), expected.to_string());
    }
}
