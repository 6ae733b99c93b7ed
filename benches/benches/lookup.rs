//! Code lookup: errcat's `from_code` at 4 and 10,000 codes against strum's
//! `EnumString` at the same sizes. Each iteration looks up 1,024 known codes in a
//! fixed scrambled order, so the figures are per 1,024 lookups.

use std::hint::black_box;
use std::str::FromStr as _;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use errcat_benches::synthetic;
use github_oauth_errors::TokenRequestError;

/// errcat's code for the synthetic catalogue of 10,000 errors (without serde).
mod errcat_10k {
    include!(concat!(env!("OUT_DIR"), "/synthetic_10k.rs"));
}

/// The same 10,000 errors as a `strum::EnumString` enum.
mod strum_10k {
    include!(concat!(env!("OUT_DIR"), "/strum_10k.rs"));
}

/// The four codes of the reference catalogue, as a strum user would write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
enum StrumTokenRequestError {
    #[strum(serialize = "incorrect_client_credentials")]
    IncorrectClientCredentials,
    #[strum(serialize = "redirect_uri_mismatch")]
    RedirectUriMismatch,
    #[strum(serialize = "bad_verification_code")]
    BadVerificationCode,
    #[strum(serialize = "unverified_user_email")]
    UnverifiedUserEmail,
}

const LOOKUPS: usize = 1_024;

/// `LOOKUPS` codes drawn from `codes` in a fixed scrambled order.
fn probes(codes: &[String]) -> Vec<String> {
    (0..LOOKUPS)
        .map(|i| codes[(i * 7_919 + 13) % codes.len()].clone())
        .collect()
}

fn lookup(c: &mut Criterion) {
    let small: Vec<String> = TokenRequestError::ALL
        .iter()
        .map(|e| e.code().to_owned())
        .collect();
    let all_large: Vec<String> = synthetic::entries(10_000)
        .into_iter()
        .map(|e| e.code)
        .collect();
    let (small, large) = (probes(&small), probes(&all_large));
    for code in &small {
        assert!(TokenRequestError::from_code(code).is_some());
        assert!(StrumTokenRequestError::from_str(code).is_ok());
    }
    for code in &large {
        assert!(errcat_10k::SyntheticError::from_code(code).is_some());
        assert!(strum_10k::StrumError::from_str(code).is_ok());
    }

    let mut group = c.benchmark_group("lookup");
    group.throughput(Throughput::Elements(LOOKUPS as u64));
    group.bench_function("errcat_from_code/4", |b| {
        b.iter(|| {
            for code in &small {
                black_box(TokenRequestError::from_code(black_box(code)));
            }
        });
    });
    group.bench_function("errcat_from_code/10000", |b| {
        b.iter(|| {
            for code in &large {
                black_box(errcat_10k::SyntheticError::from_code(black_box(code)));
            }
        });
    });
    // Where the 10,000-code lookup's extra time goes, on the same table: only four
    // of its codes (its data then stays in L1, as the 4-code table's does, so what
    // is left is the bucket step a one-bucket table folds away), and only codes of
    // one length (the hash loop and the comparison then branch the same way
    // every time).
    let four_codes = probes(&all_large[..4]);
    let one_length: Vec<String> = all_large
        .iter()
        .filter(|code| code.len() == 24)
        .cloned()
        .collect();
    let one_length = probes(&one_length);
    group.bench_function("errcat_from_code/10000_four_codes", |b| {
        b.iter(|| {
            for code in &four_codes {
                black_box(errcat_10k::SyntheticError::from_code(black_box(code)));
            }
        });
    });
    group.bench_function("errcat_from_code/10000_one_length", |b| {
        b.iter(|| {
            for code in &one_length {
                black_box(errcat_10k::SyntheticError::from_code(black_box(code)));
            }
        });
    });
    group.bench_function("strum_enum_string/4", |b| {
        b.iter(|| {
            for code in &small {
                let _ = black_box(StrumTokenRequestError::from_str(black_box(code)));
            }
        });
    });
    group.bench_function("strum_enum_string/10000", |b| {
        b.iter(|| {
            for code in &large {
                let _ = black_box(strum_10k::StrumError::from_str(black_box(code)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, lookup);
criterion_main!(benches);
