//! The catalogue file exactly as written: serde types for format version 1.
//!
//! Nothing here is checked beyond the shape serde enforces (types, required and
//! unknown keys); validation turns a [`RawCatalogue`] into a
//! [`super::Catalogue`] or a list of problems.

use serde::Deserialize;

/// A catalogue file, key for key.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalogue {
    /// Format version; only `1` exists.
    pub version: u64,
    /// Rust type name of the generated enum.
    pub name: String,
    /// Rustdoc of the generated enum.
    #[serde(default)]
    pub description: Option<String>,
    /// Base that makes relative URIs absolute in rustdoc links.
    #[serde(default)]
    pub docs_base_uri: Option<String>,
    /// Path (or URI) of the docs page that describes these errors.
    #[serde(default)]
    pub page_uri: Option<String>,
    /// Names of the wire members.
    #[serde(default)]
    pub wire: RawWire,
    /// Display template.
    #[serde(default)]
    pub display: Option<String>,
    /// Text used only for the Markdown page.
    #[serde(default)]
    pub docs: Option<RawDocs>,
    /// The errors, in the order of the page.
    pub errors: Vec<RawEntry>,
}

/// Names of the members of a wire body (RFC 6749 section 5.2 by default).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawWire {
    /// The member that carries the code.
    pub code: String,
    /// The member that carries the human-readable description.
    pub description: String,
    /// The member that carries the URI of the docs.
    pub uri: String,
}

impl Default for RawWire {
    fn default() -> Self {
        Self {
            code: "error".to_owned(),
            description: "error_description".to_owned(),
            uri: "error_uri".to_owned(),
        }
    }
}

/// Verbatim text of the docs page around the error sections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocs {
    /// The text between the two `---` lines.
    #[serde(default)]
    pub front_matter: Option<String>,
    /// Markdown before the first error section.
    #[serde(default)]
    pub preamble: Option<String>,
}

/// One error of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    /// The wire code, exactly as sent.
    pub code: String,
    /// The section heading.
    #[serde(default)]
    pub title: Option<String>,
    /// The description, exactly as sent.
    pub description: String,
    /// The URI sent with the error.
    #[serde(default)]
    pub uri: Option<String>,
    /// Markdown before the example.
    #[serde(default)]
    pub summary: Option<String>,
    /// Markdown after the example.
    #[serde(default)]
    pub resolution: Option<String>,
    /// Override of the derived variant name.
    #[serde(default)]
    pub variant: Option<String>,
}
