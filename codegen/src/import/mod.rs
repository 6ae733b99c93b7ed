//! The importer: an existing docs page to a format-1 catalogue.
//!
//! It reads the layout [`crate::docs`] writes (front matter, preamble, one section
//! per heading with a `json` or redirect-query example) and writes the catalogue
//! as YAML. Before handing the catalogue back it loads it as any catalogue is
//! loaded and renders it again: a page that would not come back byte for byte is
//! refused, naming the first line that would change, so an import never loses text.

mod page;
mod yaml;

use std::path::{Path, PathBuf};

pub use page::{Page, Section};

use crate::catalogue;

/// What is wrong with a page, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The page ends without a line break.
    #[error("the page does not end with a line break")]
    NoFinalNewline,
    /// The page's lines end in CR LF.
    #[error("this line ends in CR LF")]
    CarriageReturn,
    /// A `---` line opens front matter that no `---` line closes.
    #[error("the front matter is never closed")]
    UnterminatedFrontMatter,
    /// A code fence is never closed.
    #[error("this code fence is never closed")]
    UnterminatedFence,
    /// The page has no heading, so no error section.
    #[error("the page has no error sections (no `## heading`)")]
    NoSections,
    /// A heading with no text.
    #[error("this heading has no text")]
    EmptyHeading,
    /// A section without an example.
    #[error("this section has no example: expected {expected}")]
    NoExample {
        /// What the section should contain.
        expected: &'static str,
    },
    /// Blocks must be separated by one blank line, as the renderer writes them.
    #[error("expected a blank line before {before}")]
    BlankLine {
        /// What the blank line should precede.
        before: &'static str,
    },
    /// An example that carries no code.
    #[error("this example has no `error` code")]
    NoCode,
    /// An example that is not an error body.
    #[error("this example is not an error body: {reason}")]
    NotAnErrorBody {
        /// Why not.
        reason: String,
    },
    /// A redirect example that cannot be read.
    #[error("this redirect example cannot be read: {reason}")]
    Query {
        /// Why not.
        reason: String,
    },
    /// A redirect example with another callback URL or state than the first one.
    #[error("this redirect example has another callback URL or state than the first one")]
    OtherRedirect,
    /// An example laid out differently from how errcat writes it.
    #[error("this example is not laid out as errcat writes it, which is:\n{expected}")]
    Layout {
        /// The example as errcat would write it.
        expected: String,
    },
    /// The page's text would not come back as it is.
    #[error("errcat would write this line differently:\n{expected}")]
    RoundTrip {
        /// The line as errcat would write it.
        expected: String,
    },
    /// No enum name was given and none can be derived from the title.
    #[error("cannot name the enum: {reason}")]
    Name {
        /// Why not.
        reason: String,
    },
}

impl Problem {
    /// How to fix the problem.
    #[must_use]
    pub fn help(&self) -> String {
        match self {
            Self::NoFinalNewline => "end the last line with a line break".to_owned(),
            Self::CarriageReturn => {
                "convert the page to LF line endings, which errcat reads and writes".to_owned()
            }
            Self::UnterminatedFrontMatter => "close the front matter with a `---` line".to_owned(),
            Self::UnterminatedFence => "close the block with a line of the same fence".to_owned(),
            Self::NoSections => {
                "give each error a `## Title` heading followed by its example".to_owned()
            }
            Self::EmptyHeading => "write the error's title after the `#`s".to_owned(),
            Self::NoExample { .. } => "show the error the section describes: a ```json block \
                 of its body or an indented redirect URL with its query, like the other sections"
                .to_owned(),
            Self::BlankLine { .. } => {
                "separate the heading, text and example blocks with one blank line".to_owned()
            }
            Self::NoCode => "add the `error` member with the code the API sends".to_owned(),
            Self::NotAnErrorBody { .. } => "show a JSON object of strings: `error`, \
                 `error_description` and, optionally, `error_uri`"
                .to_owned(),
            Self::Query { .. } => "write the redirect as `    CALLBACK?error=CODE` then one \
                 `      &name=value` line per member, form-encoded"
                .to_owned(),
            Self::OtherRedirect => {
                "use the same callback URL and `state` in every example".to_owned()
            }
            Self::Layout { .. } | Self::RoundTrip { .. } => {
                "write it as shown, then import again".to_owned()
            }
            Self::Name { .. } => "pass `--name SomeError`".to_owned(),
        }
    }
}

/// Why a page could not be imported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The page could not be read.
    #[error("cannot read page {}: {source}", path.display())]
    Read {
        /// The path given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The page is not UTF-8.
    #[error("{}: the page is not UTF-8", path.display())]
    NotUtf8 {
        /// The page.
        path: PathBuf,
    },
    /// A problem on one line of the page.
    #[error("{}:{line}: {problem}\n  help: {}", file.display(), problem.help())]
    Page {
        /// The page.
        file: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        problem: Problem,
    },
    /// The page reads, but its errors do not make a valid catalogue (a repeated
    /// code, a code that is not a single token, …).
    #[error("{}: the page's errors do not make a valid catalogue:\n{source}", file.display())]
    Invalid {
        /// The page.
        file: PathBuf,
        /// The catalogue's problems, located in the imported YAML.
        source: catalogue::Error,
    },
}

/// Reads the page at `path` and returns its catalogue as YAML. `name` names the
/// enum; without it, the name comes from the front matter's `title`.
///
/// # Errors
///
/// When the page cannot be read, has a problem (named with its line), does not
/// make a valid catalogue, or would not render back to the same bytes.
pub fn import(path: &Path, name: Option<&str>) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| Error::NotUtf8 {
        path: path.to_owned(),
    })?;
    import_str(&text, path, name)
}

/// [`import`] for a page held in memory; `path` only names it in messages.
///
/// # Errors
///
/// As [`import`].
pub fn import_str(text: &str, path: &Path, name: Option<&str>) -> Result<String, Error> {
    let located = |(line, problem)| Error::Page {
        file: path.to_owned(),
        line,
        problem,
    };
    let page = page::parse(text).map_err(located)?;
    let name = match name {
        Some(name) => name.to_owned(),
        None => derive_name(page.front_matter.as_deref()).map_err(located)?,
    };
    let source_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let yaml = yaml::catalogue(&page, &name, &source_name);
    let catalogue =
        catalogue::parse(yaml.as_bytes(), Path::new("(imported catalogue)")).map_err(|source| {
            Error::Invalid {
                file: path.to_owned(),
                source,
            }
        })?;
    let rendered = crate::docs::render(&catalogue);
    if let Some((line, expected)) = first_difference(text, &rendered) {
        return Err(located((line, Problem::RoundTrip { expected })));
    }
    Ok(yaml)
}

/// The enum name from the front matter's `title`: `Troubleshooting authorization
/// request errors` gives `TroubleshootingAuthorizationRequestErrors`.
fn derive_name(front_matter: Option<&str>) -> Result<String, (usize, Problem)> {
    let title = front_matter
        .and_then(|text| serde_yaml::from_str::<serde_yaml::Value>(text).ok())
        .and_then(|value| {
            value
                .get("title")
                .and_then(|t| t.as_str().map(str::to_owned))
        });
    let Some(title) = title else {
        let reason = "the page has no front matter `title` to derive a name from".to_owned();
        return Err((1, Problem::Name { reason }));
    };
    let name = crate::ident::derive_variant(&title);
    crate::ident::check_type_name(&name).map_err(|reason| {
        let reason = format!("the title {title:?} gives `{name}`, which {reason}");
        (1, Problem::Name { reason })
    })?;
    Ok(name)
}

/// The first line (1-based) where `rendered` differs from `page`, and the line as
/// rendered.
fn first_difference(page: &str, rendered: &str) -> Option<(usize, String)> {
    let page: Vec<&str> = page.split_inclusive('\n').collect();
    let rendered: Vec<&str> = rendered.split_inclusive('\n').collect();
    let index = (0..page.len().max(rendered.len())).find(|&i| page.get(i) != rendered.get(i))?;
    let expected = rendered.get(index).map_or_else(
        || "(nothing: the page would end before this line)".to_owned(),
        |l| (*l).to_owned(),
    );
    Some((index.min(page.len().saturating_sub(1)) + 1, expected))
}
