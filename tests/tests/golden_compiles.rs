//! The code goldens compile, with the workspace's lints, and are the code of the
//! `github-oauth-errors` crate: a golden that does not compile proves nothing.

#[allow(dead_code, unreachable_pub)]
mod token {
    include!("../golden/errors.rs");
}

#[allow(dead_code, unreachable_pub)]
mod authorization {
    include!("../golden/authorization.rs");
}

#[test]
fn the_goldens_are_the_crate_s_code() {
    let golden: Vec<&str> = token::TokenRequestError::ALL
        .iter()
        .map(|e| e.json())
        .collect();
    let crate_: Vec<&str> = github_oauth_errors::TokenRequestError::ALL
        .iter()
        .map(|e| e.json())
        .collect();
    assert_eq!(golden, crate_);
    let golden: Vec<&str> = authorization::AuthorizationError::ALL
        .iter()
        .map(|e| e.json())
        .collect();
    let crate_: Vec<&str> = github_oauth_errors::AuthorizationError::ALL
        .iter()
        .map(|e| e.json())
        .collect();
    assert_eq!(golden, crate_);
}
