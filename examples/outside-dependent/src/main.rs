//! Answers with a token request error body, as a server would.

use github_oauth_errors::TokenRequestError;

fn main() {
    let error: TokenRequestError = "bad_verification_code".parse().expect("a known code");
    println!("{}", serde_json::to_string(&error).expect("serializable"));
}
