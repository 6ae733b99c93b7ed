//! `from_code` (a perfect hash written out by the generator) finds every code of
//! the catalogue and nothing else: it keeps the generator's hash and the generated
//! one in step.

use github_oauth_errors::TokenRequestError;

#[test]
fn generated_code_hashes_like_the_generator() {
    for &error in TokenRequestError::ALL {
        assert_eq!(TokenRequestError::from_code(error.code()), Some(error));
        assert_eq!(error.code().parse(), Ok(error));
    }
}

#[test]
fn near_misses_are_unknown() {
    for code in [
        "",
        "bad_verification_cod",
        "bad_verification_code ",
        " bad_verification_code",
        "BAD_VERIFICATION_CODE",
        "bad-verification-code",
        "bad_verification_code\0",
        "incorrect_client_credentials_",
        "slow_down",
        "é",
    ] {
        assert_eq!(TokenRequestError::from_code(code), None, "{code:?}");
    }
}
