//! What can be wrong with a catalogue, and where; and how it is shown: in the
//! style of rustc and cargo (`error: ...`, `--> path:line:column`, the source
//! line with a caret, a `help:` line), rendered by `annotate-snippets`, the crate
//! cargo uses for its own messages.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// At most this many problems are shown for one catalogue; the rest are counted.
pub const MAX_SHOWN: usize = 50;

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
    /// The file is not YAML (or not UTF-8), or breaks a limit of the YAML parser.
    #[error("{message}")]
    Yaml {
        /// The parser's message, without its position.
        message: String,
    },
    /// The file is not UTF-8.
    #[error("the file is not UTF-8: invalid byte at offset {offset}")]
    NotUtf8 {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The file holds nothing but whitespace and comments.
    #[error("the catalogue is empty")]
    Empty,
    /// The file is larger than a catalogue may be.
    #[error("the catalogue is larger than the limit of {limit} bytes")]
    TooLarge {
        /// [`super::MAX_FILE_SIZE`].
        limit: u64,
    },
    /// A value has the wrong type, such as a number where text is expected.
    #[error("{message}")]
    WrongType {
        /// The parser's message, without its position.
        message: String,
        /// Whether the value was a number, boolean or null where text was expected.
        wants_text: bool,
    },
    /// A required key is missing.
    #[error("{context}missing key `{key}`")]
    MissingKey {
        /// Where, as a path such as `errors[2]: `.
        context: String,
        /// The key.
        key: String,
    },
    /// A key appears twice in one mapping.
    #[error("{context}duplicate key `{key}`")]
    DuplicateKey {
        /// Where, as a path such as `errors[2]: `.
        context: String,
        /// The key.
        key: String,
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
        /// The allowed key closest to the one written, when one is close.
        suggestion: Option<String>,
    },
    /// A text value is longer than any sensible catalogue text.
    #[error("{what} is {length} bytes long, more than the limit of {limit} bytes")]
    TextTooLong {
        /// Which value, such as ``the description of code `x` ``.
        what: String,
        /// Its length in bytes.
        length: usize,
        /// [`super::MAX_TEXT_LEN`].
        limit: usize,
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
    #[error("{} contains {what}: {uri:?}", uri_owner(key, code))]
    InvalidUri {
        /// The key: `uri`, `page_uri` or `docs_base_uri`.
        key: &'static str,
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

fn uri_owner(key: &str, code: &str) -> String {
    if code.is_empty() {
        format!("`{key}`")
    } else {
        format!("the {key} of code `{code}`")
    }
}

impl Problem {
    /// Whether the problem is at one character (a syntax error, a bad byte) rather
    /// than at a whole key or value.
    fn is_point(&self) -> bool {
        matches!(
            self,
            Self::Yaml { .. } | Self::NotUtf8 { .. } | Self::MissingKey { .. }
        )
    }

    /// How to fix the problem.
    #[must_use]
    pub fn help(&self) -> String {
        match self {
            Self::Yaml { .. } => {
                "fix the YAML; see DESIGN.md, \"The catalogue format\"".to_owned()
            }
            Self::NotUtf8 { .. } => {
                "save the catalogue as UTF-8; the first byte that is not is marked".to_owned()
            }
            Self::Empty => {
                "start with `version: 1`, then `name:` and `errors:`; see DESIGN.md, \"The catalogue format\"".to_owned()
            }
            Self::TooLarge { .. } => {
                "a catalogue is a YAML file of text; check that the path names the right file".to_owned()
            }
            Self::WrongType {
                wants_text: true, ..
            } => "YAML reads this value as a number, boolean or null: put it in quotes to make it text"
                .to_owned(),
            Self::WrongType { .. } => {
                "see DESIGN.md, \"The catalogue format\", for the type of each key".to_owned()
            }
            Self::MissingKey { key, .. } => format!("add `{key}:` here"),
            Self::DuplicateKey { .. } => "keep one of the two and remove the other".to_owned(),
            Self::UnknownKey {
                suggestion: Some(suggestion),
                ..
            } => format!("did you mean `{suggestion}`?"),
            Self::UnknownKey { expected, .. } => {
                format!("remove the key; {expected}")
            }
            Self::TextTooLong { .. } => {
                "shorten the text, or link to a page that holds it".to_owned()
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
    /// Where the first definition is, for a duplicate.
    pub related: Option<Location>,
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

impl Diagnostic {
    /// A diagnostic without a related position.
    #[must_use]
    pub fn new(file: &Path, location: Option<Location>, problem: Problem) -> Self {
        Self {
            file: file.to_owned(),
            location,
            problem,
            related: None,
        }
    }
}

/// Why a catalogue could not be loaded.
///
/// Its `Display` is the full report in the style of rustc, without colour: what
/// `errcat` prints and what a build script shows with `eprintln!("{e}")`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("{}", render_read(path, source, false))]
    Read {
        /// The path given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file was read and has problems; every one found is listed.
    #[error("{}", render(diagnostics, text, false))]
    Invalid {
        /// The problems, in source order where known.
        diagnostics: Vec<Diagnostic>,
        /// The catalogue's text (invalid UTF-8 replaced), for the source lines shown.
        text: String,
    },
}

impl Error {
    /// The report, with colour when `styled` (for a terminal).
    #[must_use]
    pub fn render(&self, styled: bool) -> String {
        match self {
            Self::Read { path, source } => render_read(path, source, styled),
            Self::Invalid { diagnostics, text } => render(diagnostics, text, styled),
        }
    }
}

fn renderer(styled: bool) -> Renderer {
    if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

fn render_read(path: &Path, source: &std::io::Error, styled: bool) -> String {
    let title = format!("cannot read catalogue `{}`: {source}", path.display());
    let help = match source.kind() {
        std::io::ErrorKind::NotFound => {
            "check the path; it is relative to the current directory (in a build script, to the package)"
        }
        std::io::ErrorKind::PermissionDenied => {
            "make the file readable, or run errcat as a user who may read it"
        }
        _ if path.is_dir() => "give the path of the YAML file, not of its directory",
        _ => "give the path of a readable YAML file",
    };
    let report = [Level::ERROR
        .primary_title(title)
        .element(Origin::path(path.display().to_string()))
        .element(Level::HELP.message(help))];
    renderer(styled).render(&report)
}

/// Every diagnostic (up to [`MAX_SHOWN`]) with its source line, then a count.
/// `text` is the catalogue the diagnostics point into.
#[must_use]
pub fn render(diagnostics: &[Diagnostic], text: &str, styled: bool) -> String {
    let renderer = renderer(styled);
    let mut reports: Vec<String> = diagnostics
        .iter()
        .take(MAX_SHOWN)
        .map(|diagnostic| renderer.render(&[group(diagnostic, text)]))
        .collect();
    if diagnostics.len() > 1 {
        let file = diagnostics[0].file.display();
        let count = diagnostics.len();
        let title = if count > MAX_SHOWN {
            format!("{count} problems in `{file}`, the first {MAX_SHOWN} shown")
        } else {
            format!("{count} problems in `{file}`")
        };
        reports.push(renderer.render(&[Group::with_title(Level::ERROR.primary_title(title))]));
    }
    reports.join("\n\n")
}

/// How much of a source line after the caret is passed on; the renderer trims the
/// line further to fit a terminal, so a 10 MB line never reaches the terminal.
const MAX_SHOWN_LINE: usize = 200;

/// A column further right than this is given as a position only, without the line.
const MAX_SKIPPED: usize = 10_000;

fn group<'a>(diagnostic: &'a Diagnostic, text: &'a str) -> Group<'a> {
    let file = diagnostic.file.display().to_string();
    let title = Level::ERROR.primary_title(diagnostic.problem.to_string());
    let point = diagnostic.problem.is_point();
    let primary = diagnostic
        .location
        .and_then(|location| excerpt(text, location, point));
    let mut group = match (diagnostic.location, primary) {
        (Some(location), Some(excerpt)) => title.element(
            Snippet::source(excerpt.line)
                .line_start(location.line)
                .path(file.clone())
                .annotation(
                    AnnotationKind::Primary
                        .span(excerpt.span)
                        .label(diagnostic.related.map(|_| "defined again here")),
                ),
        ),
        (Some(location), None) => title.element(
            Origin::path(file.clone())
                .line(location.line)
                .char_column(location.column),
        ),
        (None, _) => title.element(Origin::path(file.clone())),
    };
    if let Some(related) = diagnostic.related
        && let Some(excerpt) = excerpt(text, related, false)
    {
        group = group.element(
            Snippet::source(excerpt.line)
                .line_start(related.line)
                .path(file)
                .annotation(
                    AnnotationKind::Context
                        .span(excerpt.span)
                        .label("first defined here"),
                ),
        );
    }
    group.element(Level::HELP.message(diagnostic.problem.help()))
}

/// A source line and the byte range in it to underline.
struct Excerpt<'a> {
    line: &'a str,
    span: std::ops::Range<usize>,
}

/// The line at `location`, cut to a readable length, and what to underline: one
/// character at a `point`, otherwise the key or value at the column (a key up to
/// its `:`, a value up to the end of the line).
fn excerpt(text: &str, location: Location, point: bool) -> Option<Excerpt<'_>> {
    let line = text.split('\n').nth(location.line.checked_sub(1)?)?;
    let line = line.strip_suffix('\r').unwrap_or(line);
    let skip = location.column.checked_sub(1)?;
    if skip > MAX_SKIPPED {
        return None;
    }
    let start = line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let token = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '[' | ']' | '{' | '}'))
        .unwrap_or(rest.len());
    // A value (after `key: `) is underlined to the end of the line.
    let is_value = line[..start].trim_end().ends_with(':');
    let token = if point {
        0
    } else if is_value {
        rest.trim_end().len()
    } else {
        token
    };
    let token = if token == 0 {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        token
    };
    let cut = line
        .char_indices()
        .nth(skip + MAX_SHOWN_LINE)
        .map_or(line.len(), |(i, _)| i);
    let line = &line[..cut];
    let end = (start + token).min(line.len());
    Some(Excerpt {
        line,
        span: start.min(end)..end,
    })
}
