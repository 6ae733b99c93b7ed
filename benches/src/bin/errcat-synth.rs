//! `errcat-synth yaml N` prints a synthetic catalogue of N errors;
//! `errcat-synth derive N` prints the hand-written thiserror + strum + serde
//! equivalent of its generated code (a `lib.rs`).

use std::io::Write as _;
use std::process::ExitCode;

use errcat_benches::synthetic;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = args.get(1).and_then(|count| count.parse::<usize>().ok());
    let text = match (args.first().map(String::as_str), count) {
        (Some("yaml"), Some(count)) if count <= synthetic::MAX_ERRORS => synthetic::yaml(count),
        (Some("derive"), Some(count)) if count <= synthetic::MAX_ERRORS => {
            synthetic::derive_equivalent(count)
        }
        _ => {
            eprintln!(
                "usage: errcat-synth yaml|derive N   (N at most {})",
                synthetic::MAX_ERRORS
            );
            return ExitCode::from(2);
        }
    };
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
