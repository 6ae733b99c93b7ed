//! Reading a canonical body (a known code with the catalogue's own description and
//! URI) allocates nothing, and neither do the server's ways of writing one.
//!
//! A counting global allocator sees every allocation of the process, so this file
//! holds a single test: no other test thread can allocate while it measures.

use std::alloc::System;
use std::io::Write as _;

use github_oauth_errors::{TokenRequestError, TokenRequestErrorResponse};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Heap allocations (including reallocations) made by `work`.
fn allocations(work: impl FnOnce()) -> usize {
    let region = Region::new(GLOBAL);
    work();
    let change = region.change();
    change.allocations + change.reallocations
}

#[test]
fn canonical_bodies_are_read_and_written_without_allocating() {
    let bodies: Vec<(TokenRequestError, Vec<u8>)> = TokenRequestError::ALL
        .iter()
        .map(|&error| (error, error.json().as_bytes().to_vec()))
        .collect();
    let mut buffer: Vec<u8> = Vec::with_capacity(4096);

    let reading = allocations(|| {
        for (error, body) in &bodies {
            let response: TokenRequestErrorResponse =
                serde_json::from_slice(body).expect("a canonical body");
            assert_eq!(response.known(), Some(*error));
            assert_eq!(response.code(), error.code());
            assert_eq!(response.description(), Some(error.description()));
            assert_eq!(response.uri(), error.uri());
            let known: TokenRequestError = serde_json::from_slice(body).expect("a known code");
            assert_eq!(known, *error);
            let fast = TokenRequestErrorResponse::from_json(body).expect("a canonical body");
            assert_eq!(fast, response);
        }
    });
    assert_eq!(reading, 0, "reading canonical bodies allocated");

    let writing = allocations(|| {
        for (error, body) in &bodies {
            buffer.clear();
            buffer.extend_from_slice(error.json().as_bytes());
            assert_eq!(&buffer, body);
            buffer.clear();
            serde_json::to_writer(&mut buffer, error).expect("serializes");
            assert_eq!(&buffer, body);
            buffer.clear();
            write!(buffer, "{error}").expect("displays");
            assert_eq!(TokenRequestError::from_code(error.code()), Some(*error));
        }
    });
    assert_eq!(writing, 0, "writing bodies into a reused buffer allocated");

    // The counter does see allocations: a description the catalogue does not have
    // is owned by the response.
    let other = br#"{"error":"bad_verification_code","error_description":"Expired."}"#;
    let control = allocations(|| {
        let response: TokenRequestErrorResponse = serde_json::from_slice(other).expect("a body");
        assert_eq!(response.description(), Some("Expired."));
    });
    assert!(control > 0, "the counting allocator counted nothing");
}
