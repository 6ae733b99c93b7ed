//! The catalogue file exactly as written: serde types for format version 1.
//!
//! Nothing here is checked beyond the shape serde enforces (types, required and
//! unknown keys); validation (`validate.rs`) turns a [`RawCatalogue`] into a
//! [`super::Catalogue`] or a list of problems.
//!
//! Text fields accept YAML strings only. `serde_yaml` would otherwise read
//! `code: 404` or `description: yes`-style scalars as the text of the number, and
//! `code: 1e3` would silently become the code `1e3` while the author meant a
//! number; a value YAML types as a number, boolean or null is refused instead,
//! with the advice to quote it.

use std::fmt;

use serde::{Deserialize, Deserializer, de};

/// A catalogue file, key for key.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalogue {
    /// Format version; only `1` exists.
    pub version: u64,
    /// Rust type name of the generated enum.
    #[serde(deserialize_with = "text")]
    pub name: String,
    /// Rustdoc of the generated enum.
    #[serde(default, deserialize_with = "optional_text")]
    pub description: Option<String>,
    /// Base that makes relative URIs absolute in rustdoc links.
    #[serde(default, deserialize_with = "optional_text")]
    pub docs_base_uri: Option<String>,
    /// Path (or URI) of the docs page that describes these errors.
    #[serde(default, deserialize_with = "optional_text")]
    pub page_uri: Option<String>,
    /// Names of the wire members.
    #[serde(default)]
    pub wire: RawWire,
    /// Display template.
    #[serde(default, deserialize_with = "optional_text")]
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
    #[serde(deserialize_with = "text")]
    pub code: String,
    /// The member that carries the human-readable description.
    #[serde(deserialize_with = "text")]
    pub description: String,
    /// The member that carries the URI of the docs.
    #[serde(deserialize_with = "text")]
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
    #[serde(default, deserialize_with = "optional_text")]
    pub front_matter: Option<String>,
    /// Markdown before the first error section.
    #[serde(default, deserialize_with = "optional_text")]
    pub preamble: Option<String>,
    /// How each section shows its error (default: a fenced `json` block).
    #[serde(default)]
    pub example: Option<RawExample>,
    /// Catalogues of other pages these URIs link to, relative to this file, so that
    /// `errcat lint` can check the anchors on them.
    #[serde(default)]
    pub linked_catalogues: Vec<String>,
}

/// How the page shows an error: the JSON body, or the redirect that carries it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// `json` or `query`.
    pub style: RawExampleStyle,
    /// The callback URL a `query` example redirects to.
    #[serde(default)]
    pub callback: Option<String>,
    /// The `state` member a `query` example carries, if any.
    #[serde(default)]
    pub state: Option<String>,
}

/// The example styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawExampleStyle {
    /// A fenced `json` block of the pretty body.
    Json,
    /// An indented block: the callback URL with the error as its query string.
    Query,
}

/// One error of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    /// The wire code, exactly as sent.
    #[serde(deserialize_with = "text")]
    pub code: String,
    /// The section heading.
    #[serde(default, deserialize_with = "optional_text")]
    pub title: Option<String>,
    /// The description, exactly as sent.
    #[serde(deserialize_with = "text")]
    pub description: String,
    /// The URI sent with the error.
    #[serde(default, deserialize_with = "optional_text")]
    pub uri: Option<String>,
    /// Markdown before the example.
    #[serde(default, deserialize_with = "optional_text")]
    pub summary: Option<String>,
    /// Markdown after the example.
    #[serde(default, deserialize_with = "optional_text")]
    pub resolution: Option<String>,
    /// Level of the section's heading, 1 to 6 (default 2: `##`).
    #[serde(default)]
    pub heading_level: Option<u8>,
    /// Override of the derived variant name.
    #[serde(default, deserialize_with = "optional_text")]
    pub variant: Option<String>,
}

/// Reads a YAML string, and nothing YAML types otherwise.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    deserializer.deserialize_any(TextVisitor)
}

/// Reads an absent or null value as `None`, and otherwise as [`text`] does.
fn optional_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    deserializer.deserialize_option(OptionalTextVisitor)
}

struct TextVisitor;

impl de::Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        Ok(text)
    }
}

struct OptionalTextVisitor;

impl<'de> de::Visitor<'de> for OptionalTextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<String>, D::Error> {
        text(deserializer).map(Some)
    }
}
