//! `errcat-synth yaml N` prints a synthetic catalogue of N errors;
//! `errcat-synth derive N` prints the hand-written thiserror + strum + serde
//! equivalent of its generated code (a `lib.rs`);
//! `errcat-synth derive-catalogue FILE` prints that equivalent for a real catalogue.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use errcat_benches::synthetic;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = args.get(1).and_then(|count| count.parse::<usize>().ok());
    if let (Some("derive-catalogue"), Some(path)) = (args.first().map(String::as_str), args.get(1))
    {
        return match derive_catalogue(Path::new(path)) {
            Ok(text) => print(&text),
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        };
    }
    let text = match (args.first().map(String::as_str), count) {
        (Some("yaml"), Some(count)) if count <= synthetic::MAX_ERRORS => synthetic::yaml(count),
        (Some("derive"), Some(count)) if count <= synthetic::MAX_ERRORS => {
            synthetic::derive_equivalent(count)
        }
        _ => {
            eprintln!(
                "usage: errcat-synth yaml|derive N   (N at most {})\n       errcat-synth derive-catalogue FILE",
                synthetic::MAX_ERRORS
            );
            return ExitCode::from(2);
        }
    };
    print(&text)
}

fn print(text: &str) -> ExitCode {
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn derive_catalogue(path: &Path) -> Result<String, errcat_codegen::catalogue::Error> {
    let catalogue = errcat_codegen::catalogue::load(path)?;
    let entries: Vec<synthetic::Entry> = catalogue
        .errors
        .iter()
        .map(|error| synthetic::Entry {
            code: error.code.clone(),
            title: error.title.clone(),
            description: error.description.clone(),
            uri: error.uri.clone().unwrap_or_default(),
            variant: error.variant.clone(),
        })
        .collect();
    let description = catalogue.description.as_deref().unwrap_or("Errors.");
    Ok(synthetic::derive_equivalent_of(
        &catalogue.name,
        description,
        &entries,
    ))
}
