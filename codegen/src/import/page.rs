//! Reading a docs page into its parts: front matter, preamble and one section per
//! heading, each split around its example.
//!
//! The reader is the inverse of [`crate::docs::render`]: every block it accepts is
//! one the renderer writes back byte for byte. What the renderer could not write
//! back (a missing blank line, an example laid out differently) is refused with the
//! line it is on, rather than imported and silently changed.

use crate::catalogue::Example;
use crate::docs::example::{self, CODE_INDENT, form_decode};
use crate::markdown::{closes_fence, heading_level, opens_fence};

use super::Problem;

/// A page, split into the parts a catalogue holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The text between the two `---` lines.
    pub front_matter: Option<String>,
    /// The text before the first error section, headings before it included.
    pub preamble: Option<String>,
    /// How the sections show their errors.
    pub example: Example,
    /// The sections, in page order.
    pub sections: Vec<Section>,
}

/// One error's section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 1-based line of the heading.
    pub line: usize,
    /// Number of `#`s.
    pub level: u8,
    /// The heading text.
    pub title: String,
    /// The code the example sends.
    pub code: String,
    /// The description the example sends.
    pub description: String,
    /// The URI the example sends.
    pub uri: Option<String>,
    /// The text between the heading and the example.
    pub summary: Option<String>,
    /// The text between the example and the next heading.
    pub resolution: Option<String>,
}

/// A problem and the 1-based line it is on.
pub type Located = (usize, Problem);

/// The wire members a page example may carry, in body order.
const CODE: &str = "error";
const DESCRIPTION: &str = "error_description";
const URI: &str = "error_uri";
const STATE: &str = "state";

/// Splits `text` into a [`Page`].
///
/// # Errors
///
/// The first problem found, with its line.
pub fn parse(text: &str) -> Result<Page, Located> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if let Some(index) = lines.iter().position(|line| line.contains('\r')) {
        return Err((index + 1, Problem::CarriageReturn));
    }
    if lines.last().is_some_and(|last| !last.ends_with('\n')) {
        return Err((lines.len(), Problem::NoFinalNewline));
    }
    let (front_matter, body_start) = front_matter(&lines)?;
    let scan = Scan::new(&lines, body_start)?;
    let mut reader = Reader {
        lines: &lines,
        scan: &scan,
        example: None,
    };
    // Headings before the first section with an example (an overview, say) belong
    // to the preamble.
    let end_of = |k: usize| scan.headings.get(k + 1).copied();
    let first = (0..scan.headings.len()).find(|&k| {
        let stop = end_of(k).unwrap_or(lines.len());
        reader.find_example(scan.headings[k] + 1, stop).is_some()
    });
    let Some(first) = first else {
        return Err(match scan.headings.first() {
            Some(&heading) => (
                heading + 1,
                Problem::NoExample {
                    expected: "a ```json block or an indented redirect URL",
                },
            ),
            None => (lines.len().max(1), Problem::NoSections),
        });
    };
    let first_heading = scan.headings[first];
    let preamble = leading(&lines[body_start..first_heading], first_heading)?;
    let mut sections = Vec::with_capacity(scan.headings.len() - first);
    for k in first..scan.headings.len() {
        sections.push(reader.section(scan.headings[k], end_of(k))?);
    }
    Ok(Page {
        front_matter,
        preamble,
        example: reader.example.unwrap_or_default(),
        sections,
    })
}

/// The front matter and the index of the first line after it.
fn front_matter(lines: &[&str]) -> Result<(Option<String>, usize), Located> {
    if lines.first() != Some(&"---\n") {
        return Ok((None, 0));
    }
    let close = lines
        .iter()
        .skip(1)
        .position(|line| *line == "---\n")
        .ok_or((1, Problem::UnterminatedFrontMatter))?
        + 1;
    Ok((Some(lines[1..close].concat()), close + 1))
}

/// Headings and code fences of the body.
struct Scan {
    /// Line indexes of the headings, outside code.
    headings: Vec<usize>,
    /// Fenced blocks: opening line, closing line, info string.
    fences: Vec<(usize, usize, String)>,
    /// Whether each line is part of a fenced block.
    fenced: Vec<bool>,
}

impl Scan {
    fn new(lines: &[&str], start: usize) -> Result<Self, Located> {
        let mut scan = Self {
            headings: Vec::new(),
            fences: Vec::new(),
            fenced: vec![false; lines.len()],
        };
        let mut open: Option<(usize, char, usize, String)> = None;
        for (index, line) in lines.iter().enumerate().skip(start) {
            let line = line.trim_end_matches('\n');
            if let Some((start_line, fence_char, length, info)) = &open {
                scan.fenced[index] = true;
                if closes_fence(line, *fence_char, *length) {
                    scan.fences.push((*start_line, index, info.clone()));
                    open = None;
                }
            } else if let Some((fence_char, length, info)) = opens_fence(line) {
                scan.fenced[index] = true;
                open = Some((index, fence_char, length, info));
            } else if heading_level(line).is_some() {
                scan.headings.push(index);
            }
        }
        match open {
            Some((line, ..)) => Err((line + 1, Problem::UnterminatedFence)),
            None => Ok(scan),
        }
    }
}

fn is_blank(line: &str) -> bool {
    line == "\n"
}

/// Text before a structural line (the preamble): all of `chunk` but the blank line
/// that separates it from what follows. `next` is the index of that line.
fn leading(chunk: &[&str], next: usize) -> Result<Option<String>, Located> {
    match chunk.split_last() {
        None => Ok(None),
        Some((last, text)) if is_blank(last) => Ok(Some(text.concat())),
        Some(_) => Err((
            next + 1,
            Problem::BlankLine {
                before: "this heading",
            },
        )),
    }
}

/// Text between two structural lines: `chunk` less one blank line at each end.
/// `start` is the index of the chunk's first line, `next` of the line after it.
fn between(
    chunk: &[&str],
    start: usize,
    next: usize,
    before: &'static str,
) -> Result<Option<String>, Located> {
    let Some((first, rest)) = chunk.split_first() else {
        return Err((next + 1, Problem::BlankLine { before }));
    };
    if !is_blank(first) {
        return Err((
            start + 1,
            Problem::BlankLine {
                before: "this line",
            },
        ));
    }
    match rest.split_last() {
        None => Ok(None),
        Some((last, text)) if is_blank(last) => Ok(Some(text.concat())),
        Some(_) => Err((next + 1, Problem::BlankLine { before })),
    }
}

/// Text after the last example, up to the end of the page.
fn trailing(chunk: &[&str], start: usize) -> Result<Option<String>, Located> {
    match chunk.split_first() {
        None => Ok(None),
        Some((first, rest)) if is_blank(first) => Ok(Some(rest.concat())),
        Some(_) => Err((
            start + 1,
            Problem::BlankLine {
                before: "this line",
            },
        )),
    }
}

/// Where a section's example is: its first and last line.
struct Found {
    first: usize,
    last: usize,
    style: Style,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Json,
    Query,
}

struct Reader<'a> {
    lines: &'a [&'a str],
    scan: &'a Scan,
    /// The page's example style, set by the first section.
    example: Option<Example>,
}

impl Reader<'_> {
    fn section(&mut self, heading: usize, end: Option<usize>) -> Result<Section, Located> {
        let line = self.lines[heading].trim_end_matches('\n');
        let level = heading_level(line).unwrap_or(2);
        // One space separates the `#`s from the title; any more belong to the title,
        // so the heading is written back as it was.
        let title = line[usize::from(level)..]
            .strip_prefix(' ')
            .unwrap_or_default();
        if title.trim().is_empty() {
            return Err((heading + 1, Problem::EmptyHeading));
        }
        let stop = end.unwrap_or(self.lines.len());
        let found = self.find_example(heading + 1, stop).ok_or_else(|| {
            let expected = match self.example {
                None => "a ```json block or an indented redirect URL",
                Some(Example::Json) => "a ```json block, as the sections before it have",
                Some(Example::Query { .. }) => {
                    "an indented redirect URL, as the sections before it have"
                }
            };
            (heading + 1, Problem::NoExample { expected })
        })?;
        let (code, description, uri) = match found.style {
            Style::Json => self.json(&found)?,
            Style::Query => self.query(&found)?,
        };
        let summary = between(
            &self.lines[heading + 1..found.first],
            heading + 1,
            found.first,
            "the example",
        )?;
        let after = &self.lines[found.last + 1..stop];
        let resolution = match end {
            Some(next) => between(after, found.last + 1, next, "the next heading")?,
            None => trailing(after, found.last + 1)?,
        };
        Ok(Section {
            line: heading + 1,
            level,
            title: title.to_owned(),
            code,
            description,
            uri,
            summary,
            resolution,
        })
    }

    /// The first example of the page's style between lines `start` and `stop`; on
    /// the first section, a `json` block or else an indented block.
    fn find_example(&self, start: usize, stop: usize) -> Option<Found> {
        let json = || {
            self.scan
                .fences
                .iter()
                .find(|(open, _, info)| (start..stop).contains(open) && info == "json")
                .map(|&(first, last, _)| Found {
                    first,
                    last,
                    style: Style::Json,
                })
        };
        let query = || {
            let first = (start..stop).find(|&i| {
                !self.scan.fenced[i]
                    && self.lines[i].starts_with(CODE_INDENT)
                    && i > 0
                    && is_blank(self.lines[i - 1])
            })?;
            let last = (first..stop)
                .take_while(|&i| self.lines[i].starts_with(CODE_INDENT))
                .last()?;
            Some(Found {
                first,
                last,
                style: Style::Query,
            })
        };
        match self.example {
            None => json().or_else(query),
            Some(Example::Json) => json(),
            Some(Example::Query { .. }) => query(),
        }
    }

    /// Code, description and URI of a `json` example.
    fn json(&mut self, found: &Found) -> Result<(String, String, Option<String>), Located> {
        let body = self.lines[found.first + 1..found.last].concat();
        let at = found.first + 1;
        let members: Ordered = serde_json::from_str(&body).map_err(|error| {
            let line = found.first + error.line().max(1);
            (
                line + 1,
                Problem::NotAnErrorBody {
                    // The line is already the diagnostic's own.
                    reason: error
                        .to_string()
                        .split(" at line ")
                        .next()
                        .unwrap_or_default()
                        .to_owned(),
                },
            )
        })?;
        let mut fields = Fields::default();
        for (name, value) in members.0 {
            let serde_json::Value::String(value) = value else {
                return Err((
                    at,
                    Problem::NotAnErrorBody {
                        reason: format!("member `{name}` is not a string"),
                    },
                ));
            };
            fields.set(&name, value, at, false)?;
        }
        let (code, description, uri) = fields.finish(at)?;
        let mut members = vec![(CODE, code.as_str()), (DESCRIPTION, description.as_str())];
        if let Some(uri) = &uri {
            members.push((URI, uri));
        }
        self.same_layout(found, &example::json_block(&members))?;
        self.example.get_or_insert(Example::Json);
        Ok((code, description, uri))
    }

    /// Code, description and URI of a `query` example, whose callback and state
    /// must be the page's.
    fn query(&mut self, found: &Found) -> Result<(String, String, Option<String>), Located> {
        let at = found.first + 1;
        let url: String = self.lines[found.first..=found.last]
            .iter()
            .map(|line| line.trim())
            .collect();
        let Some((callback, query)) = url.split_once('?') else {
            return Err((
                at,
                Problem::Query {
                    reason: "there is no `?` between the callback URL and the query".to_owned(),
                },
            ));
        };
        let mut fields = Fields::default();
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |text: &str| {
                form_decode(text).map_err(|reason| {
                    (
                        at,
                        Problem::Query {
                            reason: format!("in `{pair}`: {reason}"),
                        },
                    )
                })
            };
            let name = decode(name)?;
            fields.set(&name, decode(value)?, at, true)?;
        }
        let state = fields.state.take();
        let (code, description, uri) = fields.finish(at)?;
        let page = Example::Query {
            callback: callback.to_owned(),
            state: state.clone(),
        };
        if let Some(first) = &self.example
            && *first != page
        {
            return Err((at, Problem::OtherRedirect));
        }
        let mut pairs = vec![(CODE, code.as_str()), (DESCRIPTION, description.as_str())];
        if let Some(uri) = &uri {
            pairs.push((URI, uri));
        }
        if let Some(state) = &state {
            pairs.push((STATE, state));
        }
        self.same_layout(found, &example::query_block(callback, &pairs))?;
        self.example = Some(page);
        Ok((code, description, uri))
    }

    /// Refuses an example that would not be written back as it is.
    fn same_layout(&self, found: &Found, rendered: &str) -> Result<(), Located> {
        let page = &self.lines[found.first..=found.last];
        let rendered: Vec<&str> = rendered.split_inclusive('\n').collect();
        let differs = (0..page.len().max(rendered.len())).find(|&i| page.get(i) != rendered.get(i));
        match differs {
            None => Ok(()),
            Some(i) => Err((
                found.first + i.min(page.len().saturating_sub(1)) + 1,
                Problem::Layout {
                    expected: rendered.concat(),
                },
            )),
        }
    }
}

/// The wire members of one example, as read.
#[derive(Default)]
struct Fields {
    code: Option<String>,
    description: Option<String>,
    uri: Option<String>,
    state: Option<String>,
}

impl Fields {
    fn set(&mut self, name: &str, value: String, at: usize, query: bool) -> Result<(), Located> {
        let slot = match name {
            CODE => &mut self.code,
            DESCRIPTION => &mut self.description,
            URI => &mut self.uri,
            STATE if query => &mut self.state,
            _ => {
                let allowed = if query {
                    "error, error_description, error_uri and state"
                } else {
                    "error, error_description and error_uri"
                };
                let reason = format!("`{name}` is not one of the members errcat reads ({allowed})");
                return Err((at, Problem::NotAnErrorBody { reason }));
            }
        };
        if slot.replace(value).is_some() {
            let reason = format!("`{name}` appears twice");
            return Err((at, Problem::NotAnErrorBody { reason }));
        }
        Ok(())
    }

    fn finish(self, at: usize) -> Result<(String, String, Option<String>), Located> {
        let code = self.code.ok_or((at, Problem::NoCode))?;
        let description = self.description.ok_or_else(|| {
            let reason = format!("it has no `{DESCRIPTION}`");
            (at, Problem::NotAnErrorBody { reason })
        })?;
        Ok((code, description, self.uri))
    }
}

/// A JSON object's members in the order written (`serde_json`'s map sorts them).
struct Ordered(Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Ordered;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Ordered(members))
            }
        }

        deserializer.deserialize_map(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(page: &str) -> Located {
        parse(page).unwrap_err()
    }

    const JSON: &str = "```json\n{\n  \"error\": \"a\",\n  \"error_description\": \"D\"\n}\n```\n";

    #[test]
    fn splits_a_page() {
        let page = format!("---\nt: 1\n---\nIntro\n\n## A\n\nS\n\n{JSON}\nR\n\n### B c\n\n{JSON}");
        let page = parse(&page).unwrap();
        assert_eq!(page.front_matter.as_deref(), Some("t: 1\n"));
        assert_eq!(page.preamble.as_deref(), Some("Intro\n"));
        assert_eq!(page.example, Example::Json);
        assert_eq!(page.sections.len(), 2);
        let a = &page.sections[0];
        assert_eq!((a.line, a.level, a.title.as_str()), (6, 2, "A"));
        assert_eq!(
            (a.summary.as_deref(), a.resolution.as_deref()),
            (Some("S\n"), Some("R\n"))
        );
        let b = &page.sections[1];
        assert_eq!(
            (b.level, b.title.as_str(), b.summary.as_deref()),
            (3, "B c", None)
        );
        assert_eq!(b.resolution, None);
    }

    #[test]
    fn headings_before_the_first_example_are_preamble() {
        let page = parse(&format!("## Overview\n\nText.\n\n## A\n\n{JSON}")).unwrap();
        assert_eq!(page.preamble.as_deref(), Some("## Overview\n\nText.\n"));
        assert_eq!(page.sections.len(), 1);
        assert_eq!(page.sections[0].line, 5);
    }

    #[test]
    fn the_title_keeps_everything_after_the_first_space() {
        let page = parse(&format!("##  Two  spaces \n\n{JSON}")).unwrap();
        assert_eq!(page.sections[0].title, " Two  spaces ");
    }

    #[test]
    fn headings_inside_code_are_text() {
        let page = format!("## A\n\n```sh\n# not a heading\n```\n\n{JSON}");
        let page = parse(&page).unwrap();
        assert_eq!(page.sections.len(), 1);
        assert_eq!(
            page.sections[0].summary.as_deref(),
            Some("```sh\n# not a heading\n```\n")
        );
    }

    #[test]
    fn refuses_what_it_cannot_write_back() {
        assert_eq!(
            problem("## A\n\nNo example.\n"),
            (
                1,
                Problem::NoExample {
                    expected: "a ```json block or an indented redirect URL"
                }
            )
        );
        assert_eq!(
            problem("## A\n\n```json\n{\n"),
            (3, Problem::UnterminatedFence)
        );
        assert_eq!(
            problem("---\ntitle: x\n"),
            (1, Problem::UnterminatedFrontMatter)
        );
        assert_eq!(problem("No heading\n"), (1, Problem::NoSections));
        assert_eq!(
            problem(&format!("## A\n{JSON}")),
            (
                2,
                Problem::BlankLine {
                    before: "the example"
                }
            )
        );
        assert_eq!(
            problem(&format!("## A\n\nS\n{JSON}")),
            (
                4,
                Problem::BlankLine {
                    before: "the example"
                }
            )
        );
        assert_eq!(
            problem(&format!("Intro\n## A\n\n{JSON}")),
            (
                2,
                Problem::BlankLine {
                    before: "this heading"
                }
            )
        );
        assert_eq!(
            problem("## A\n\n```json\n{\"error_description\": \"D\"}\n```\n"),
            (3, Problem::NoCode)
        );
        assert_eq!(
            problem("## A\n\n```json\n[1]\n```\n").1,
            Problem::NotAnErrorBody {
                reason: "invalid type: sequence, expected a JSON object".to_owned()
            }
        );
        assert_eq!(
            problem("## A\n\n```json\n{\"error\": \"a\"}\n```\n"),
            (
                3,
                Problem::NotAnErrorBody {
                    reason: "it has no `error_description`".to_owned()
                }
            )
        );
        assert_eq!(
            problem("## A\n\n```json\n{\"error\": \"a\", \"error_description\": \"D\"}\n```\n").0,
            4
        );
        assert_eq!(
            problem("## A\n\n    https://x.test/cb?error_description=D\n").1,
            Problem::NoCode
        );
        assert_eq!(
            problem(&format!("## A\n\n{JSON}\nno final newline")).1,
            Problem::NoFinalNewline
        );
    }

    #[test]
    fn reads_redirect_examples() {
        let page = "## A\n\n    https://x.test/cb?error=a\n      &error_description=D+x%23\n      &state=s\n\n\
                    ## B\n\n    https://x.test/cb?error=b\n      &error_description=E\n      &error_uri=/p/%23b\n      &state=s\n";
        let page = parse(page).unwrap();
        assert_eq!(
            page.example,
            Example::Query {
                callback: "https://x.test/cb".to_owned(),
                state: Some("s".to_owned())
            }
        );
        assert_eq!(page.sections[0].description, "D x#");
        assert_eq!(page.sections[1].uri.as_deref(), Some("/p/#b"));
        let other_state = "## A\n\n    https://x.test/cb?error=a\n      &error_description=D\n      &state=s\n\n\
                           ## B\n\n    https://x.test/cb?error=b\n      &error_description=E\n      &state=t\n";
        assert_eq!(problem(other_state), (9, Problem::OtherRedirect));
    }
}
