//! `errcat import` on damaged pages: every page either comes back byte for byte or
//! is refused with a message naming a line of it; it never panics. The damage is
//! systematic: each line of each page deleted, doubled, indented, cut in half, and
//! a blank line inserted before it.

use std::path::Path;

use errcat_codegen::{catalogue, docs, import};
use errcat_tests::{AUTHORIZATION_PAGE, TOKEN_PAGE, read, tests_path};

fn mutations(page: &str) -> Vec<String> {
    let lines: Vec<&str> = page.split_inclusive('\n').collect();
    let mut pages = Vec::new();
    for i in 0..lines.len() {
        let with = |replacement: &[&str]| {
            let mut copy: Vec<&str> = lines.clone();
            copy.splice(i..=i, replacement.iter().copied());
            copy.concat()
        };
        let line = lines[i];
        let half = line
            .char_indices()
            .nth(line.chars().count() / 2)
            .map_or(0, |(at, _)| at);
        let indented = format!("    {line}");
        pages.push(with(&[]));
        pages.push(with(&[line, line]));
        pages.push(with(&["\n", line]));
        pages.push(with(&[&indented]));
        pages.push(with(&[&line[..half], "\n"]));
    }
    pages
}

#[test]
fn damaged_pages_round_trip_or_are_refused_with_a_line() {
    let mut pages = vec![
        read(&tests_path(TOKEN_PAGE)),
        read(&tests_path(AUTHORIZATION_PAGE)),
    ];
    pages.push(read(&tests_path("fixtures/pages/device-flow-errors.md")));
    let (mut imported, mut refused) = (0, 0);
    for page in &pages {
        for damaged in mutations(page) {
            match import::import_str(&damaged, Path::new("page.md"), Some("TestError")) {
                Ok(yaml) => {
                    let catalogue = catalogue::parse(yaml.as_bytes(), Path::new("c.yaml")).unwrap();
                    assert!(docs::render(&catalogue) == damaged, "changed:\n{damaged}");
                    imported += 1;
                }
                Err(error) => {
                    let message = error.to_string();
                    assert!(message.starts_with("page.md"), "{message}");
                    refused += 1;
                }
            }
        }
    }
    // Both outcomes happen: the test exercises the reader, not only its refusals.
    assert!(
        imported > 50 && refused > 50,
        "{imported} imported, {refused} refused"
    );
}
