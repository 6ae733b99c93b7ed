//! What can be wrong with a catalogue, and where.

use std::fmt;
use std::path::PathBuf;

/// A position in the catalogue's source, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One kind of problem in a catalogue. The message says what is wrong; [`Problem::help`]
/// says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The file is not YAML, or a value has the wrong type or is missing.
    #[error("{message}")]
    Yaml {
        /// The parser's message, without its position.
        message: String,
    },
    /// A key that format version 1 does not have.
    #[error("{context}unknown key `{key}`")]
    UnknownKey {
        /// Where the key is, as a path such as `errors[2]: `.
        context: String,
        /// The key as written.
        key: String,
        /// The parser's list of the keys allowed there.
        expected: String,
    },
    /// `version` is not 1.
    #[error("unsupported catalogue version {found}")]
    UnsupportedVersion {
        /// The version the file declares.
        found: u64,
    },
    /// `name` is not a usable Rust type name.
    #[error("`name: {name}` is not a valid enum name: {reason}")]
    InvalidName {
        /// The name as written.
        name: String,
        /// Why it is not usable.
        reason: String,
    },
    /// The `errors` list is empty.
    #[error("the catalogue has no errors")]
    NoErrors,
    /// A code is empty.
    #[error("error #{index} has an empty code")]
    EmptyCode {
        /// 1-based position of the entry in `errors`.
        index: usize,
    },
    /// A code contains whitespace or control characters.
    #[error("code {code:?} contains {what}")]
    InvalidCode {
        /// The code as written.
        code: String,
        /// What it contains that it must not.
        what: &'static str,
    },
    /// Two entries have the same code.
    #[error("duplicate code `{code}` (errors #{first} and #{second})")]
    DuplicateCode {
        /// The code.
        code: String,
        /// 1-based position of the first entry with the code.
        first: usize,
        /// 1-based position of the repeated entry.
        second: usize,
    },
    /// The variant name derived from, or given for, a code is not usable.
    #[error("code `{code}` gives variant name `{variant}`, which {reason}")]
    InvalidVariant {
        /// The code.
        code: String,
        /// The variant name.
        variant: String,
        /// Why it is not usable.
        reason: String,
    },
    /// Two codes give the same variant name.
    #[error("codes `{first}` and `{second}` both give the variant name `{variant}`")]
    VariantCollision {
        /// The code of the earlier entry.
        first: String,
        /// The code of the later entry.
        second: String,
        /// The shared variant name.
        variant: String,
    },
    /// A description is empty.
    #[error("code `{code}` has an empty description")]
    EmptyDescription {
        /// The code.
        code: String,
    },
    /// A URI contains whitespace or control characters.
    #[error("the uri of code `{code}` contains {what}: {uri:?}")]
    InvalidUri {
        /// The code (empty for `page_uri` and `docs_base_uri`).
        code: String,
        /// The URI as written.
        uri: String,
        /// What it contains that it must not.
        what: &'static str,
    },
    /// The `display` template has an unknown placeholder or an unmatched brace.
    #[error("display template {template:?}: {reason}")]
    DisplayTemplate {
        /// The template as written.
        template: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A `wire` member name is empty or two wire members share a name.
    #[error("wire member names must be non-empty and distinct, found {names:?}")]
    WireNames {
        /// The three names as written.
        names: [String; 3],
    },
    /// A heading level outside 1 to 6.
    #[error("code `{code}` has heading level {level}, which Markdown does not have")]
    HeadingLevel {
        /// The code.
        code: String,
        /// The level as written.
        level: u8,
    },
    /// A title that cannot be a one-line heading.
    #[error("the title of code `{code}` {reason}")]
    InvalidTitle {
        /// The code.
        code: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// `docs.example` does not describe an example the page can show.
    #[error("docs.example: {reason}")]
    Example {
        /// What is wrong with it.
        reason: String,
    },
}

impl Problem {
    /// How to fix the problem.
    #[must_use]
    pub fn help(&self) -> String {
        match self {
            Self::Yaml { .. } => {
                "fix the YAML at this position; see DESIGN.md, \"The catalogue format\"".to_owned()
            }
            Self::UnknownKey { expected, .. } => {
                format!("remove the key or correct its spelling; {expected}")
            }
            Self::UnsupportedVersion { .. } => "set `version: 1`".to_owned(),
            Self::InvalidName { .. } => {
                "use an UpperCamelCase Rust identifier such as `TokenRequestError`".to_owned()
            }
            Self::NoErrors => "add at least one entry under `errors:`".to_owned(),
            Self::EmptyCode { .. } => "give the entry the code the API sends".to_owned(),
            Self::InvalidCode { .. } => {
                "codes are sent as single tokens: remove the whitespace or control characters"
                    .to_owned()
            }
            Self::DuplicateCode { .. } => {
                "each code may appear once: remove the repeated entry or change its code".to_owned()
            }
            Self::InvalidVariant { .. } | Self::VariantCollision { .. } => {
                "add `variant: SomeName` to the entry to choose another variant name".to_owned()
            }
            Self::EmptyDescription { .. } => {
                "write the description the API sends with this code".to_owned()
            }
            Self::InvalidUri { .. } => {
                "percent-encode spaces and control characters (a space is %20)".to_owned()
            }
            Self::DisplayTemplate { .. } => {
                "use only {code}, {description}, {uri} and {title}; write {{ and }} for literal braces"
                    .to_owned()
            }
            Self::WireNames { .. } => {
                "give `wire.code`, `wire.description` and `wire.uri` three different names"
                    .to_owned()
            }
            Self::HeadingLevel { .. } => {
                "use `heading_level: 2` for `##` (1 to 6), or leave it out".to_owned()
            }
            Self::InvalidTitle { .. } => {
                "write the heading text on one line, or leave `title` out to use the code"
                    .to_owned()
            }
            Self::Example { .. } => "use `example: {style: json}`, or `example: {style: query, \
                 callback: https://example.com/callback, state: xyz}` (the callback without \
                 `?` or `#`)"
                .to_owned(),
        }
    }
}

/// A problem, the catalogue it is in and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The catalogue file.
    pub file: PathBuf,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: message` then an indented `help:` line, like a compiler.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(location) = self.location {
            write!(f, ":{location}")?;
        }
        write!(f, ": {}\n  help: {}", self.problem, self.problem.help())
    }
}

/// Why a catalogue could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read catalogue {}: {source}", path.display())]
    Read {
        /// The path given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file was read and has problems; every one found is listed.
    #[error("{}", render(diagnostics))]
    Invalid {
        /// The problems, in source order where known.
        diagnostics: Vec<Diagnostic>,
    },
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let mut text = String::new();
    for (i, diagnostic) in diagnostics.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&diagnostic.to_string());
    }
    text
}
