//! From bytes to a [`Catalogue`], or to every problem found on the way.

use std::path::Path;

use super::locate::Locator;
use super::raw::{RawCatalogue, RawDocs, RawEntry, RawExample, RawExampleStyle};
use super::template::{self, DisplayTemplate};
use super::{Catalogue, Diagnostic, Docs, ErrorDef, Example, Location, Problem, Wire};
use crate::{ident, slug};

/// Parses and validates `bytes`, the contents of `path`.
pub(super) fn parse(bytes: &[u8], path: &Path) -> Result<Catalogue, Vec<Diagnostic>> {
    let diagnostic = |location, problem| Diagnostic {
        file: path.to_owned(),
        location,
        problem,
    };
    let source = match std::str::from_utf8(bytes) {
        Ok(source) => source,
        Err(error) => {
            let (line, column) = line_column(bytes, error.valid_up_to());
            let problem = Problem::Yaml {
                message: format!(
                    "the file is not UTF-8 (invalid byte at offset {})",
                    error.valid_up_to()
                ),
            };
            return Err(vec![diagnostic(Some(Location { line, column }), problem)]);
        }
    };
    // A byte order mark is valid YAML, but serde_yaml would count it as a column.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let raw: RawCatalogue = serde_yaml::from_str(source).map_err(|error| {
        let location = error.location().map(|l| Location {
            line: l.line(),
            column: l.column(),
        });
        vec![diagnostic(
            location,
            yaml_problem(&error.to_string(), source),
        )]
    })?;
    let mut checker = Checker {
        locator: Locator::new(source),
        path,
        diagnostics: Vec::new(),
    };
    let catalogue = checker.check(raw);
    if checker.diagnostics.is_empty() {
        Ok(catalogue)
    } else {
        Err(checker.diagnostics)
    }
}

/// 1-based line and column of byte `offset`.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Turns a `serde_yaml` message into a problem, without the position it inserts
/// (the diagnostic carries that) and naming the entry's code when the message is
/// about one entry (`errors[2]: ...`).
fn yaml_problem(message: &str, source: &str) -> Problem {
    let message = without_position(message);
    let message = with_entry_code(&message, source);
    // serde's wording for `deny_unknown_fields`: "path: unknown field `k`, expected …".
    if let Some(start) = message.find("unknown field `") {
        let rest = &message[start + "unknown field `".len()..];
        if let Some(end) = rest.find('`') {
            return Problem::UnknownKey {
                context: message[..start].to_owned(),
                key: rest[..end].to_owned(),
                expected: rest[end + 1..].trim_start_matches(", ").to_owned(),
            };
        }
    }
    Problem::Yaml { message }
}

/// `message` without `serde_yaml`'s " at line L column C".
fn without_position(message: &str) -> String {
    let Some(start) = message.find(" at line ") else {
        return message.to_owned();
    };
    let rest = &message[start + " at line ".len()..];
    let digits = |text: &str| {
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len())
    };
    let line_end = digits(rest);
    let Some(after_column) = rest[line_end..].strip_prefix(" column ") else {
        return message.to_owned();
    };
    let column_end = digits(after_column);
    format!("{}{}", &message[..start], &after_column[column_end..])
}

/// `errors[2]: msg` → ``errors[2] (code `x`): msg`` when the source gives entry 2 a code.
fn with_entry_code(message: &str, source: &str) -> String {
    let Some(rest) = message.strip_prefix("errors[") else {
        return message.to_owned();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return message.to_owned();
    };
    let code = index.parse::<usize>().ok().and_then(|index| {
        let document: serde_yaml::Value = serde_yaml::from_str(source).ok()?;
        let code = document.get("errors")?.get(index)?.get("code")?;
        code.as_str().map(str::to_owned)
    });
    match code {
        Some(code) => format!("errors[{index}] (code `{code}`){tail}"),
        None => message.to_owned(),
    }
}

struct Checker<'a> {
    locator: Locator<'a>,
    path: &'a Path,
    diagnostics: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, location: Option<Location>, problem: Problem) {
        self.diagnostics.push(Diagnostic {
            file: self.path.to_owned(),
            location,
            problem,
        });
    }

    fn check(&mut self, raw: RawCatalogue) -> Catalogue {
        if raw.version != 1 {
            let location = self.locator.top_level("version");
            self.report(location, Problem::UnsupportedVersion { found: raw.version });
        }
        if let Err(reason) = ident::check_type_name(&raw.name) {
            let location = self.locator.top_level("name");
            self.report(
                location,
                Problem::InvalidName {
                    name: raw.name.clone(),
                    reason,
                },
            );
        }
        for (key, uri) in [
            ("page_uri", &raw.page_uri),
            ("docs_base_uri", &raw.docs_base_uri),
        ] {
            if let Some(what) = uri.as_deref().and_then(forbidden_in_token) {
                let location = self.locator.top_level(key);
                self.report(
                    location,
                    Problem::InvalidUri {
                        code: String::new(),
                        uri: uri.clone().unwrap_or_default(),
                        what,
                    },
                );
            }
        }
        let wire = self.wire(raw.wire);
        let display = self.display(raw.display.as_deref());
        if raw.errors.is_empty() {
            let location = self.locator.top_level("errors");
            self.report(location, Problem::NoErrors);
        }
        let mut errors: Vec<ErrorDef> = raw
            .errors
            .into_iter()
            .enumerate()
            .map(|(index, entry)| self.entry(index, entry))
            .collect();
        self.uniqueness(&errors);
        let docs = self.docs(raw.docs.unwrap_or_default());
        default_uris(
            raw.page_uri.as_deref(),
            docs.preamble.as_deref(),
            &mut errors,
        );
        Catalogue {
            name: raw.name,
            description: raw.description,
            docs_base_uri: raw.docs_base_uri,
            page_uri: raw.page_uri,
            wire,
            display,
            docs,
            errors,
        }
    }

    fn docs(&mut self, raw: RawDocs) -> Docs {
        let example = match raw.example {
            None => Example::Json,
            Some(example) => self.example(example),
        };
        Docs {
            front_matter: raw.front_matter,
            preamble: raw.preamble,
            example,
            linked_catalogues: raw.linked_catalogues,
        }
    }

    fn example(&mut self, raw: RawExample) -> Example {
        let reason = match (raw.style, &raw.callback) {
            (RawExampleStyle::Json, _) if raw.callback.is_some() || raw.state.is_some() => {
                Some("a `json` example has no `callback` or `state`".to_owned())
            }
            (RawExampleStyle::Json, _) => None,
            (RawExampleStyle::Query, None) => {
                Some("a `query` example needs the `callback` URL it redirects to".to_owned())
            }
            (RawExampleStyle::Query, Some(callback)) => {
                if callback.is_empty() {
                    Some("the callback URL is empty".to_owned())
                } else if let Some(what) = forbidden_in_token(callback) {
                    Some(format!("the callback URL {callback:?} contains {what}"))
                } else if callback.contains(['?', '#']) {
                    Some(format!(
                        "the callback URL {callback:?} has a query or fragment, which the error's own query would break"
                    ))
                } else {
                    None
                }
            }
        };
        if let Some(reason) = reason {
            let location = self.locator.top_level("docs");
            self.report(location, Problem::Example { reason });
        }
        match (raw.style, raw.callback) {
            (RawExampleStyle::Query, Some(callback)) => Example::Query {
                callback,
                state: raw.state,
            },
            _ => Example::Json,
        }
    }

    fn wire(&mut self, raw: super::raw::RawWire) -> Wire {
        let names = [raw.code, raw.description, raw.uri];
        let distinct = names[0] != names[1] && names[1] != names[2] && names[0] != names[2];
        if !distinct || names.iter().any(String::is_empty) {
            let location = self.locator.top_level("wire");
            self.report(
                location,
                Problem::WireNames {
                    names: names.clone(),
                },
            );
        }
        let [code, description, uri] = names;
        Wire {
            code,
            description,
            uri,
        }
    }

    fn display(&mut self, raw: Option<&str>) -> DisplayTemplate {
        let template = raw.unwrap_or(template::DEFAULT);
        DisplayTemplate::parse(template).unwrap_or_else(|reason| {
            let location = self.locator.top_level("display");
            self.report(
                location,
                Problem::DisplayTemplate {
                    template: template.to_owned(),
                    reason,
                },
            );
            DisplayTemplate::parse(template::DEFAULT).unwrap_or_else(|_| unreachable!())
        })
    }

    fn entry(&mut self, index: usize, raw: RawEntry) -> ErrorDef {
        let at = |checker: &Self, key| checker.locator.entry_key(index, key);
        if raw.code.is_empty() {
            self.report(at(self, "code"), Problem::EmptyCode { index: index + 1 });
        } else if let Some(what) = forbidden_in_token(&raw.code) {
            self.report(
                at(self, "code"),
                Problem::InvalidCode {
                    code: raw.code.clone(),
                    what,
                },
            );
        }
        if raw.description.trim().is_empty() {
            self.report(
                at(self, "description"),
                Problem::EmptyDescription {
                    code: raw.code.clone(),
                },
            );
        }
        if let Some(what) = raw.uri.as_deref().and_then(forbidden_in_token) {
            self.report(
                at(self, "uri"),
                Problem::InvalidUri {
                    code: raw.code.clone(),
                    uri: raw.uri.clone().unwrap_or_default(),
                    what,
                },
            );
        }
        let variant = raw
            .variant
            .clone()
            .unwrap_or_else(|| ident::derive_variant(&raw.code));
        // An empty code already has its own message.
        if !raw.code.is_empty() {
            if let Err(reason) = ident::check_variant_name(&variant) {
                let key = if raw.variant.is_some() {
                    "variant"
                } else {
                    "code"
                };
                self.report(
                    at(self, key),
                    Problem::InvalidVariant {
                        code: raw.code.clone(),
                        variant: variant.clone(),
                        reason,
                    },
                );
            }
        }
        let heading_level = raw.heading_level.unwrap_or(2);
        if !(1..=6).contains(&heading_level) {
            self.report(
                at(self, "heading_level"),
                Problem::HeadingLevel {
                    code: raw.code.clone(),
                    level: heading_level,
                },
            );
        }
        let title = raw.title.unwrap_or_else(|| humanise(&raw.code));
        let bad_title = if title.trim().is_empty() && !raw.code.is_empty() {
            Some("is empty")
        } else if title.chars().any(char::is_control) {
            Some("contains a line break or control character")
        } else {
            None
        };
        if let Some(reason) = bad_title {
            self.report(
                at(self, "title"),
                Problem::InvalidTitle {
                    code: raw.code.clone(),
                    reason,
                },
            );
        }
        ErrorDef {
            title,
            heading_level,
            code: raw.code,
            variant,
            description: raw.description,
            uri: raw.uri,
            summary: raw.summary,
            resolution: raw.resolution,
        }
    }

    /// Codes and variant names must be unique over the whole catalogue.
    fn uniqueness(&mut self, errors: &[ErrorDef]) {
        let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
        let mut duplicate_codes = Vec::new();
        for (first, second) in ident::collisions(&codes) {
            duplicate_codes.push(second);
            self.report(
                self.locator.entry_key(second, "code"),
                Problem::DuplicateCode {
                    code: errors[second].code.clone(),
                    first: first + 1,
                    second: second + 1,
                },
            );
        }
        let variants: Vec<&str> = errors.iter().map(|e| e.variant.as_str()).collect();
        for (first, second) in ident::collisions(&variants) {
            // Same code, same variant: the duplicate code is the one problem to report.
            if duplicate_codes.contains(&second) || variants[first].is_empty() {
                continue;
            }
            self.report(
                self.locator.entry_key(second, "code"),
                Problem::VariantCollision {
                    first: errors[first].code.clone(),
                    second: errors[second].code.clone(),
                    variant: errors[second].variant.clone(),
                },
            );
        }
    }
}

/// With `page_uri` set, an error without a `uri` gets `page_uri#anchor`, the anchor
/// of its heading on the page (repeats numbered, the preamble's headings counted),
/// so the link always lands.
fn default_uris(page_uri: Option<&str>, preamble: Option<&str>, errors: &mut [ErrorDef]) {
    let Some(page_uri) = page_uri else {
        return;
    };
    let titles: Vec<&str> = errors.iter().map(|e| e.title.as_str()).collect();
    let anchors = slug::section_anchors(preamble, &titles);
    for (error, anchor) in errors.iter_mut().zip(anchors) {
        if error.uri.is_none() {
            error.uri = Some(format!("{page_uri}#{anchor}"));
        }
    }
}

/// What a code or URI contains that a single wire token must not.
fn forbidden_in_token(text: &str) -> Option<&'static str> {
    if text.chars().any(char::is_control) {
        Some("a control character")
    } else if text.chars().any(char::is_whitespace) {
        Some("whitespace")
    } else {
        None
    }
}

/// `incorrect_client_credentials` → `Incorrect client credentials`.
fn humanise(code: &str) -> String {
    let words = code.replace(['_', '-', '.'], " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn humanises_codes() {
        assert_eq!(
            humanise("incorrect_client_credentials"),
            "Incorrect client credentials"
        );
        assert_eq!(humanise("slow-down"), "Slow down");
        assert_eq!(humanise(""), "");
    }

    #[test]
    fn strips_the_position_from_yaml_messages() {
        let source = "errors:\n  - code: a\n    titel: x\n";
        assert_eq!(
            yaml_problem(
                "errors[0]: unknown field `titel`, expected `code` or `title` at line 4 column 5",
                source
            ),
            Problem::UnknownKey {
                context: "errors[0] (code `a`): ".to_owned(),
                key: "titel".to_owned(),
                expected: "expected `code` or `title`".to_owned(),
            }
        );
        assert_eq!(
            yaml_problem(
                "version: invalid type: string \"x\", expected u64 at line 1 column 10",
                ""
            ),
            Problem::Yaml {
                message: "version: invalid type: string \"x\", expected u64".to_owned()
            }
        );
    }

    fn problems(yaml: &str) -> Vec<(Option<Location>, Problem)> {
        parse(yaml.as_bytes(), Path::new("t.yaml"))
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.location, d.problem))
            .collect()
    }

    #[test]
    fn docs_keys_are_checked() {
        let yaml = "version: 1\nname: E\nerrors:\n  - code: a\n    description: A\n    heading_level: 7\n  - code: b\n    title: \"two\\nlines\"\n    description: B\n";
        assert_eq!(
            problems(yaml),
            [
                (
                    Some(Location { line: 6, column: 5 }),
                    Problem::HeadingLevel {
                        code: "a".to_owned(),
                        level: 7
                    }
                ),
                (
                    Some(Location { line: 8, column: 5 }),
                    Problem::InvalidTitle {
                        code: "b".to_owned(),
                        reason: "contains a line break or control character"
                    }
                ),
            ]
        );
        let example = |body: &str| {
            let yaml = format!(
                "version: 1\nname: E\ndocs:\n  example: {body}\nerrors:\n  - code: a\n    description: A\n"
            );
            problems(&yaml)
                .into_iter()
                .map(|(_, problem)| problem.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            example("{style: query}"),
            ["docs.example: a `query` example needs the `callback` URL it redirects to"]
        );
        assert_eq!(
            example("{style: query, callback: \"https://x.test/cb?a=1\"}"),
            [
                "docs.example: the callback URL \"https://x.test/cb?a=1\" has a query or fragment, which the error's own query would break"
            ]
        );
        assert_eq!(
            example("{style: json, state: xyz}"),
            ["docs.example: a `json` example has no `callback` or `state`"]
        );
        assert!(example("{style: query, callback: \"https://x.test/cb\", state: xyz}").is_empty());
    }

    #[test]
    fn removes_positions_inside_messages() {
        assert_eq!(
            without_position(
                "found unexpected end of stream at line 7 column 1, while scanning a quoted scalar"
            ),
            "found unexpected end of stream, while scanning a quoted scalar"
        );
        assert_eq!(without_position("at line unknown"), "at line unknown");
    }

    #[test]
    fn locates_invalid_utf8() {
        assert_eq!(line_column(b"ab\ncd\xff", 5), (2, 3));
    }
}
