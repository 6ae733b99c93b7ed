//! Wire speed against oauth2-rs (`StandardErrorResponse<BasicErrorResponseType>`),
//! on the same body, writing into a reused buffer as a server would and reading a
//! canonical body as a client would: through serde (`serde_json::from_slice`) and
//! through the response type's `from_json`. `serde_json_ignored_any` is the floor:
//! `serde_json` skipping the same body without keeping anything.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use github_oauth_errors::{TokenRequestError, TokenRequestErrorResponse};
use oauth2::StandardErrorResponse;
use oauth2::basic::BasicErrorResponseType;

type OAuth2Error = StandardErrorResponse<BasicErrorResponseType>;

const ERROR: TokenRequestError = TokenRequestError::BadVerificationCode;

/// The same body as oauth2-rs holds it: GitHub's codes are not among RFC 6749's,
/// so the code is an `Extension`.
fn oauth2_error() -> OAuth2Error {
    StandardErrorResponse::new(
        BasicErrorResponseType::Extension(ERROR.code().to_owned()),
        Some(ERROR.description().to_owned()),
        ERROR.uri().map(str::to_owned),
    )
}

fn write(c: &mut Criterion) {
    let oauth2 = oauth2_error();
    let response = TokenRequestErrorResponse::from(ERROR);
    let mut buffer: Vec<u8> = Vec::with_capacity(1024);
    // Every contender writes exactly the same bytes.
    serde_json::to_writer(&mut buffer, &oauth2).expect("serializes");
    assert_eq!(buffer, ERROR.json().as_bytes());
    buffer.clear();
    serde_json::to_writer(&mut buffer, &response).expect("serializes");
    assert_eq!(buffer, ERROR.json().as_bytes());

    let mut group = c.benchmark_group("wire_write");
    group.bench_function("errcat_json", |b| {
        b.iter(|| {
            buffer.clear();
            buffer.extend_from_slice(black_box(ERROR).json().as_bytes());
            black_box(&buffer);
        });
    });
    group.bench_function("errcat_enum_serde", |b| {
        b.iter(|| {
            buffer.clear();
            serde_json::to_writer(&mut buffer, &black_box(ERROR)).expect("serializes");
            black_box(&buffer);
        });
    });
    group.bench_function("errcat_response_serde", |b| {
        b.iter(|| {
            buffer.clear();
            serde_json::to_writer(&mut buffer, black_box(&response)).expect("serializes");
            black_box(&buffer);
        });
    });
    group.bench_function("oauth2_serde", |b| {
        b.iter(|| {
            buffer.clear();
            serde_json::to_writer(&mut buffer, black_box(&oauth2)).expect("serializes");
            black_box(&buffer);
        });
    });
    group.finish();
}

fn read(c: &mut Criterion) {
    let body = ERROR.json().as_bytes();
    let response: TokenRequestErrorResponse = serde_json::from_slice(body).expect("reads");
    assert_eq!(response.known(), Some(ERROR));
    assert_eq!(
        TokenRequestErrorResponse::from_json(body).expect("reads"),
        response
    );
    assert_eq!(
        serde_json::from_slice::<OAuth2Error>(body).expect("reads"),
        oauth2_error()
    );

    let mut group = c.benchmark_group("wire_read");
    group.bench_function("errcat_response", |b| {
        b.iter(|| {
            serde_json::from_slice::<TokenRequestErrorResponse>(black_box(body)).expect("reads")
        });
    });
    group.bench_function("errcat_response_from_json", |b| {
        b.iter(|| TokenRequestErrorResponse::from_json(black_box(body)).expect("reads"));
    });
    group.bench_function("errcat_enum", |b| {
        b.iter(|| serde_json::from_slice::<TokenRequestError>(black_box(body)).expect("reads"));
    });
    group.bench_function("oauth2", |b| {
        b.iter(|| serde_json::from_slice::<OAuth2Error>(black_box(body)).expect("reads"));
    });
    group.bench_function("serde_json_ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(body)).expect("reads"));
    });
    group.finish();
}

criterion_group!(benches, write, read);
criterion_main!(benches);
