//! Reading response bodies a server (or an attacker) sends: malformed,
//! truncated, 10 MB, deeply nested, wrongly typed, duplicate members, bytes that
//! are not UTF-8. Each is an error (or, where the bytes are a valid body after
//! all, exactly what they say), never a panic, for the enum
//! `TokenRequestError` and the response type `TokenRequestErrorResponse`, as
//! JSON (`serde_json`) and as form-encoded text (`serde_urlencoded`).

use std::time::{Duration, Instant};

use github_oauth_errors::{TokenRequestError, TokenRequestErrorResponse};

const BODY: &str = r#"{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.","error_uri":"/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}"#;
const FORM: &str = "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=%2Fapps%2Fx%23bad-verification-code&state=xyz";
const TEN_MB: usize = 10 * 1024 * 1024;

fn json_enum(bytes: &[u8]) -> Result<TokenRequestError, serde_json::Error> {
    serde_json::from_slice(bytes)
}

fn json_response(bytes: &[u8]) -> Result<TokenRequestErrorResponse, serde_json::Error> {
    serde_json::from_slice(bytes)
}

fn form_enum(bytes: &[u8]) -> Result<TokenRequestError, serde_urlencoded::de::Error> {
    serde_urlencoded::from_bytes(bytes)
}

fn form_response(bytes: &[u8]) -> Result<TokenRequestErrorResponse, serde_urlencoded::de::Error> {
    serde_urlencoded::from_bytes(bytes)
}

/// Both types refuse `bytes` as JSON.
#[track_caller]
fn json_refused(bytes: &[u8]) {
    let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(80)]).into_owned();
    assert!(json_enum(bytes).is_err(), "enum accepted {shown:?}");
    assert!(json_response(bytes).is_err(), "response accepted {shown:?}");
}

/// Both types refuse `bytes` as a form body.
#[track_caller]
fn form_refused(bytes: &[u8]) {
    let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(80)]).into_owned();
    assert!(form_enum(bytes).is_err(), "enum accepted {shown:?}");
    assert!(form_response(bytes).is_err(), "response accepted {shown:?}");
}

#[test]
fn the_reference_bodies_are_read() {
    assert_eq!(
        json_enum(BODY.as_bytes()).ok(),
        Some(TokenRequestError::BadVerificationCode)
    );
    let response = json_response(BODY.as_bytes()).expect("response");
    assert_eq!(serde_json::to_string(&response).expect("serialize"), BODY);
    assert_eq!(
        form_enum(FORM.as_bytes()).ok(),
        Some(TokenRequestError::BadVerificationCode)
    );
    let response = form_response(FORM.as_bytes()).expect("form response");
    assert_eq!(response.extension("state"), Some(&serde_json::json!("xyz")));
    assert_eq!(
        serde_urlencoded::to_string(&response).expect("serialize form"),
        FORM
    );
}

#[test]
fn malformed_json() {
    for body in [
        "",
        " ",
        "{",
        "}",
        "[",
        "nul",
        "{\"error\"}",
        "{\"error\":}",
        "{\"error\" \"x\"}",
        "{\"error\":\"bad_verification_code\",}",
        "{'error':'bad_verification_code'}",
        "{\"error\":\"bad_verification_code\" /* c */}",
        "{error:\"bad_verification_code\"}",
        "{\"error\":\"bad_verification_code\"}{}",
        "{\"error\":\"bad_verification_code\"} x",
        "{\"error\":\"\\x41\"}",
        "{\"error\":\"\\u12\"}",
        "{\"error\":\"a\nb\"}",
        "{\"error\":\"bad_verification_code\",\"n\":01}",
        "{\"error\":\"bad_verification_code\",\"n\":NaN}",
    ] {
        json_refused(body.as_bytes());
    }
}

#[test]
fn every_truncation_of_a_json_body_is_refused() {
    for end in 0..BODY.len() {
        json_refused(&BODY.as_bytes()[..end]);
    }
}

/// A form body has no framing: a cut one is another form body. Each cut is
/// refused, or read as exactly what it says (never a panic, never more).
#[test]
fn every_truncation_of_a_form_body_is_refused_or_read_as_written() {
    for end in 0..FORM.len() {
        let cut = &FORM.as_bytes()[..end];
        if let Ok(error) = form_enum(cut) {
            // Only a cut after the whole code member can name a known code.
            assert!(
                FORM[..end].starts_with("error=bad_verification_code"),
                "{end}"
            );
            assert_eq!(error, TokenRequestError::BadVerificationCode);
        }
        // An error means the cut is too short for a code, or repeats the `error`
        // key (`...&error`); a body read is what the cut says: written back and
        // read again, it is the same.
        if let Ok(response) = form_response(cut) {
            assert!(response.code().len() <= "bad_verification_code".len());
            let again = serde_urlencoded::to_string(&response).expect("serialize");
            assert_eq!(
                form_response(again.as_bytes()).ok(),
                Some(response),
                "cut at {end}"
            );
        }
    }
}

#[test]
fn ten_megabyte_bodies() {
    let start = Instant::now();
    // Garbage and unterminated bodies are refused.
    json_refused(&vec![b'['; TEN_MB]);
    json_refused(&vec![b' '; TEN_MB]);
    json_refused(format!("{{\"error\":\"{}", "x".repeat(TEN_MB)).as_bytes());
    json_refused(
        format!(
            "{{\"error\":\"bad_verification_code\",\"n\":{}",
            "9".repeat(TEN_MB)
        )
        .as_bytes(),
    );
    form_refused(&vec![b'&'; TEN_MB]);
    form_refused(&vec![b'%'; TEN_MB]);
    // A 10 MB description is a valid body: read whole, exactly.
    let description = "d".repeat(TEN_MB);
    let body = format!("{{\"error\":\"slow_down\",\"error_description\":\"{description}\"}}");
    let response = json_response(body.as_bytes()).expect("large body");
    assert_eq!(response.description(), Some(description.as_str()));
    assert!(
        json_enum(body.as_bytes()).is_err(),
        "slow_down is not in the catalogue"
    );
    let form = format!("error=bad_verification_code&error_description={description}");
    assert_eq!(
        form_enum(form.as_bytes()).ok(),
        Some(TokenRequestError::BadVerificationCode)
    );
    assert_eq!(
        form_response(form.as_bytes())
            .expect("large form")
            .description(),
        Some(description.as_str())
    );
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn deeply_nested_bodies() {
    for depth in [129, 10_000, 1_000_000] {
        let open = "[".repeat(depth);
        let close = "]".repeat(depth);
        json_refused(format!("{open}{close}").as_bytes());
        // Deep extension members: the response type keeps them and refuses past
        // serde_json's recursion limit; the enum skips them (serde_json skips
        // without recursing), so for it this is a valid body.
        let deep_member = format!("{{\"error\":\"bad_verification_code\",\"x\":{open}{close}}}");
        assert!(json_response(deep_member.as_bytes()).is_err());
        assert_eq!(
            json_enum(deep_member.as_bytes()).ok(),
            Some(TokenRequestError::BadVerificationCode)
        );
        json_refused(format!("{{\"error\":{open}\"bad_verification_code\"{close}}}").as_bytes());
        let objects = "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth);
        let deep_member = format!("{{\"error\":\"bad_verification_code\",\"x\":{objects}}}");
        assert!(json_response(deep_member.as_bytes()).is_err());
        assert!(json_enum(deep_member.as_bytes()).is_ok());
        // A form has no nesting; bracketed keys are plain keys.
        form_refused(format!("x{}=1", "[a]".repeat(depth.min(10_000))).as_bytes());
    }
}

#[test]
fn wrongly_typed_members() {
    for body in [
        "null",
        "true",
        "1",
        "\"bad_verification_code\"",
        "[\"bad_verification_code\"]",
        "{}",
        "{\"error_description\":\"x\"}",
        "{\"error\":null}",
        "{\"error\":1}",
        "{\"error\":true}",
        "{\"error\":[\"bad_verification_code\"]}",
        "{\"error\":{\"code\":\"bad_verification_code\"}}",
        "{\"error\":\"\"}",
        "{\"error\":\"bad_verification_code\",\"error_description\":1}",
        "{\"error\":\"bad_verification_code\",\"error_description\":[]}",
        "{\"error\":\"bad_verification_code\",\"error_description\":{}}",
        "{\"error\":\"bad_verification_code\",\"error_uri\":false}",
        "{\"error\":\"bad_verification_code\",\"error_uri\":[\"/x\"]}",
    ] {
        json_refused(body.as_bytes());
    }
    // Null for the optional members is allowed: it means absent.
    let response =
        json_response(b"{\"error\":\"bad_verification_code\",\"error_description\":null}")
            .expect("null");
    assert_eq!(response.description(), None);
    // Form values are all text; an empty or missing code is refused.
    for body in [
        "",
        "error",
        "error=",
        "error_description=x",
        "=x",
        "&&&",
        "state=xyz",
    ] {
        form_refused(body.as_bytes());
    }
    assert!(
        form_enum(b"error=1").is_err(),
        "1 is not a code of the catalogue"
    );
}

#[test]
fn numbers_the_response_type_cannot_keep() {
    // Valid JSON grammar, but no f64 holds it: the response type (which keeps
    // extension members) refuses it; the enum skips the member.
    let body = br#"{"error":"bad_verification_code","n":1e999999}"#;
    assert!(json_response(body).is_err());
    assert_eq!(
        json_enum(body).ok(),
        Some(TokenRequestError::BadVerificationCode)
    );
}

#[test]
fn duplicate_members() {
    for body in [
        r#"{"error":"bad_verification_code","error":"bad_verification_code"}"#,
        r#"{"error":"bad_verification_code","error":"slow_down"}"#,
        r#"{"error":"bad_verification_code","error_description":"a","error_description":"b"}"#,
        r#"{"error":"bad_verification_code","error_uri":"/a","error_uri":"/a"}"#,
    ] {
        json_refused(body.as_bytes());
    }
    // The response type keeps extension members, so a repeated one is refused too.
    assert!(json_response(br#"{"error":"slow_down","interval":5,"interval":10}"#).is_err());
    for body in [
        "error=bad_verification_code&error=bad_verification_code",
        "error=bad_verification_code&error_description=a&error_description=b",
        "error=bad_verification_code&error_uri=a&error_uri=b",
    ] {
        form_refused(body.as_bytes());
    }
    assert!(form_response(b"error=slow_down&state=a&state=b").is_err());
}

#[test]
fn bytes_that_are_not_utf8() {
    for body in [
        &b"{\"error\":\"\xff\"}"[..],
        b"{\"error\":\"bad_verification_code\",\"error_description\":\"\xc3\x28\"}",
        b"{\"error\":\"bad_verification_code\",\"\xfe\":1}",
        b"\xef\xbb\xbf{\"error\":\"bad_verification_code\"}",
        b"{\"error\":\"bad_verification_code\"\xa0}",
        b"{\"error\":\"\\ud800\"}",
        b"{\"error\":\"bad_verification_code\",\"error_description\":\"\\udc00x\"}",
        b"\xff\xfe{\x00\"\x00",
    ] {
        json_refused(body);
    }
    // serde_urlencoded decodes form text lossily (invalid bytes become U+FFFD),
    // so the response type sees the replacement character, never the bytes, and
    // the enum finds no such code.
    for body in [
        &b"error=\xff"[..],
        b"error=%FF",
        b"error=bad_verification_code%C3",
    ] {
        assert!(form_enum(body).is_err());
        let response = form_response(body).expect("lossy form");
        assert!(
            response.code().contains('\u{fffd}'),
            "{:?}",
            response.code()
        );
        assert_eq!(response.known(), None);
    }
}
