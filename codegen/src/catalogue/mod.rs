//! The catalogue: format-1 types, loading and validation.
//!
//! [`load`] reads a file into a [`Catalogue`], a model in which every rule of the
//! format holds: names are usable Rust identifiers, codes are unique, titles and
//! the display template are resolved. Later stages trust it and never re-check.

mod error;
mod fields;
mod locate;
pub mod raw;
mod template;
mod validate;

use std::path::Path;

pub use error::{Diagnostic, Error, Location, MAX_SHOWN, Problem, render};
pub(crate) use locate::Locator;
pub use template::{DisplayTemplate, Placeholder, Segment};

/// A validated catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// Rust type name of the generated enum.
    pub name: String,
    /// Rustdoc of the enum.
    pub description: Option<String>,
    /// Base that makes relative URIs absolute in rustdoc links.
    pub docs_base_uri: Option<String>,
    /// Path (or URI) of the docs page.
    pub page_uri: Option<String>,
    /// Names of the wire members.
    pub wire: Wire,
    /// How `Display` renders an error.
    pub display: DisplayTemplate,
    /// Verbatim page text around the error sections.
    pub docs: Docs,
    /// The errors, in catalogue order (never empty).
    pub errors: Vec<ErrorDef>,
}

/// Names of the members of a wire body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wire {
    /// The member that carries the code (`error`).
    pub code: String,
    /// The member that carries the description (`error_description`).
    pub description: String,
    /// The member that carries the URI (`error_uri`).
    pub uri: String,
}

/// Verbatim page text around the error sections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Docs {
    /// The text between the two `---` lines.
    pub front_matter: Option<String>,
    /// Markdown before the first error section.
    pub preamble: Option<String>,
    /// How each section shows its error.
    pub example: Example,
    /// Catalogues of other pages these URIs link to, relative to the catalogue file.
    pub linked_catalogues: Vec<String>,
}

/// How the docs page shows an error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Example {
    /// A fenced `json` block of the pretty body (the token page).
    #[default]
    Json,
    /// The redirect that carries the error: an indented block with the callback URL,
    /// the wire members as its query string, one per line, then `state` (the
    /// authorization page).
    Query {
        /// The callback URL, without a query string.
        callback: String,
        /// The `state` member, when the page shows one.
        state: Option<String>,
    },
}

/// One error, with every default resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorDef {
    /// The wire code.
    pub code: String,
    /// The Rust variant name.
    pub variant: String,
    /// The section heading (the humanised code when the catalogue gives none).
    pub title: String,
    /// The description, exactly as sent.
    pub description: String,
    /// The URI sent with the error, exactly as written; when the catalogue leaves it
    /// out and sets `page_uri`, `page_uri` + `#` + the anchor of the title.
    pub uri: Option<String>,
    /// Markdown before the example.
    pub summary: Option<String>,
    /// Markdown after the example.
    pub resolution: Option<String>,
    /// Level of the section's heading (2 is `##`).
    pub heading_level: u8,
}

impl Catalogue {
    /// The `Display` text of `error`: the template with its placeholders filled in.
    #[must_use]
    pub fn display_text(&self, error: &ErrorDef) -> String {
        self.display.render(error)
    }

    /// The wire members of `error`, in body order: code, description, then the URI
    /// when it has one. The Rust emitter's `json()` and the docs page's examples
    /// both write exactly these.
    #[must_use]
    pub fn wire_members<'a>(&'a self, error: &'a ErrorDef) -> Vec<(&'a str, &'a str)> {
        let wire = &self.wire;
        let mut members = vec![
            (wire.code.as_str(), error.code.as_str()),
            (wire.description.as_str(), error.description.as_str()),
        ];
        if let Some(uri) = &error.uri {
            members.push((wire.uri.as_str(), uri.as_str()));
        }
        members
    }
}

/// The largest catalogue file read, in bytes. It bounds memory and time for a
/// path that names the wrong file (a log, `/dev/zero`) while leaving room for
/// very large catalogues: 100,000 errors of about 250 bytes each make 25 MiB.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The longest text value (a code, description, title, URI, summary, ...) in
/// bytes. Every text reaches the generated code, so one runaway value would
/// make a huge file for rustc to chew on.
pub const MAX_TEXT_LEN: usize = 64 * 1024;

/// Reads and validates the catalogue at `path`.
///
/// # Errors
///
/// [`Error::Read`] when the file cannot be read, [`Error::Invalid`] listing every
/// problem found otherwise.
pub fn load(path: &Path) -> Result<Catalogue, Error> {
    let read_error = |source| Error::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    // Read one byte past the limit to tell "at the limit" from "over it", without
    // ever reading more (a path such as /dev/zero never ends).
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, MAX_FILE_SIZE + 1),
        &mut bytes,
    )
    .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(Error::Invalid {
            diagnostics: vec![Diagnostic::new(
                path,
                None,
                Problem::TooLarge {
                    limit: MAX_FILE_SIZE,
                },
            )],
            text: String::new(),
        });
    }
    parse(&bytes, path)
}

/// Validates a catalogue held in memory; `path` only names it in messages.
///
/// # Errors
///
/// [`Error::Invalid`] listing every problem found.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Catalogue, Error> {
    validate::parse(bytes, path).map_err(|diagnostics| {
        let text = String::from_utf8_lossy(bytes);
        Error::Invalid {
            diagnostics,
            text: text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned(),
        }
    })
}
