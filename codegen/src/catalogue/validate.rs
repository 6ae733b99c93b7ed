//! From bytes to a [`Catalogue`], or to every problem found on the way.

use std::path::Path;

use super::fields;
use super::locate::Locator;
use super::raw::{RawCatalogue, RawDocs, RawEntry, RawExample, RawExampleStyle, RawWire};
use super::template::{self, DisplayTemplate};
use super::{
    Catalogue, Diagnostic, Docs, ErrorDef, Example, Location, MAX_TEXT_LEN, Problem, Wire,
};
use crate::{ident, slug};

/// Parses and validates `bytes`, the contents of `path`.
pub(super) fn parse(bytes: &[u8], path: &Path) -> Result<Catalogue, Vec<Diagnostic>> {
    let diagnostic = |location, problem| Diagnostic::new(path, location, problem);
    let source = match std::str::from_utf8(bytes) {
        Ok(source) => source,
        Err(error) => {
            let (line, column) = line_column(bytes, error.valid_up_to());
            let problem = Problem::NotUtf8 {
                offset: error.valid_up_to(),
            };
            return Err(vec![diagnostic(Some(Location { line, column }), problem)]);
        }
    };
    // A byte order mark is valid YAML, but serde_yaml would count it as a column.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    }) {
        return Err(vec![diagnostic(None, Problem::Empty)]);
    }
    if let Some(location) = too_deep(source) {
        let problem = Problem::Yaml {
            message: format!("brackets nest more than {MAX_NESTING} levels deep"),
        };
        return Err(vec![diagnostic(Some(location), problem)]);
    }
    let raw: RawCatalogue = serde_yaml::from_str(source).map_err(|error| {
        let location = error.location().map(|l| Location {
            line: l.line(),
            column: l.column(),
        });
        let problem = yaml_problem(&error.to_string(), source);
        // serde stops at the first unknown or missing key; the others in the file
        // are found by a walk over the keys, so one run reports them all.
        let mut all = structure_problems(source, path);
        if !all.is_empty() {
            let known = matches!(problem, Problem::UnknownKey { .. } | Problem::MissingKey { .. })
                || all.iter().any(|found| found.problem == problem);
            if !known {
                all.push(Diagnostic::new(path, location, problem));
            }
            all.sort_by_key(|d| (d.location.is_none(), d.location));
            return all;
        }
        // serde_yaml places errors about the whole document at 1:1, which points at
        // whatever key happens to come first.
        let whole_document = matches!(&problem, Problem::MissingKey { context, .. } if context.is_empty())
            || matches!(&problem, Problem::WrongType { message, .. } if message.starts_with("invalid type"));
        let location = if whole_document { None } else { location };
        let mut diagnostic = diagnostic(location, problem);
        if let (Problem::DuplicateKey { key, .. }, Some(start)) = (&diagnostic.problem, location)
        {
            // serde_yaml points at the mapping; point at the repeated key instead.
            let keys = Locator::new(source).mapping_keys(start, key);
            if let [first, second, ..] = keys[..] {
                diagnostic.location = Some(second);
                diagnostic.related = Some(first);
            }
        }
        vec![diagnostic]
    })?;
    let mut checker = Checker {
        source,
        locator: std::cell::OnceCell::new(),
        path,
        diagnostics: Vec::new(),
    };
    let catalogue = checker.check(raw);
    if checker.diagnostics.is_empty() {
        Ok(catalogue)
    } else {
        // Source order; the few without a position last. The sort is stable, so
        // problems at one position keep the order they were found in.
        let mut diagnostics = checker.diagnostics;
        diagnostics.sort_by_key(|d| (d.location.is_none(), d.location));
        Err(diagnostics)
    }
}

/// How deep `[` and `{` may nest. A catalogue needs two or three levels; the YAML
/// parser takes time quadratic in the depth (seconds at 10,000), so deeper input
/// is refused before it reaches the parser.
const MAX_NESTING: usize = 64;

/// Where flow collections first nest deeper than [`MAX_NESTING`], if they do.
///
/// A quick scan, not a YAML parser: it skips comments and quoted strings (a quote
/// opens a string only where a token may start, so the apostrophe of `don't`
/// does not) and counts brackets everywhere else. Brackets inside plain text
/// count too, which only matters for text with dozens of unclosed brackets.
fn too_deep(source: &str) -> Option<Location> {
    // Fewer brackets than the limit cannot nest past it; counting them is much
    // quicker than the scan, and most catalogues have a handful.
    if source.bytes().filter(|b| matches!(b, b'[' | b'{')).count() <= MAX_NESTING {
        return None;
    }
    let mut depth = 0usize;
    for (index, line) in source.lines().enumerate() {
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        let mut chars = line.chars().enumerate();
        while let Some((column, c)) = chars.next() {
            match (quote, c) {
                (Some('"'), '\\') => {
                    chars.next();
                }
                (Some(open), c) if c == open => quote = None,
                (None, '#') if previous.is_whitespace() => break,
                (None, '"' | '\'') if previous.is_whitespace() || "[{,:".contains(previous) => {
                    quote = Some(c);
                }
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some(Location {
                            line: index + 1,
                            column: column + 1,
                        });
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = c;
        }
    }
    None
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

/// Turns a `serde_yaml` message into a problem, without the position it appends
/// (the diagnostic carries that) and naming the entry's code when the message is
/// about one entry (`errors[2]: ...`).
fn yaml_problem(message: &str, source: &str) -> Problem {
    let message = &with_entry_code(&without_positions(message), source);
    // serde's wording: "path: unknown field `k`, expected …", "path: missing field `k`",
    // "path: duplicate field `k`".
    let field = |prefix: &str| {
        let start = message.find(prefix)?;
        let rest = &message[start + prefix.len()..];
        let end = rest.find('`')?;
        Some((
            message[..start].to_owned(),
            rest[..end].to_owned(),
            rest[end + 1..].trim_start_matches(", ").to_owned(),
        ))
    };
    if let Some((context, key, expected)) = field("unknown field `") {
        return Problem::UnknownKey {
            suggestion: closest(&key, &expected),
            context,
            key,
            expected,
        };
    }
    if let Some((context, key, _)) = field("missing field `") {
        return Problem::MissingKey { context, key };
    }
    if let Some((context, key, _)) = field("duplicate field `") {
        return Problem::DuplicateKey { context, key };
    }
    if message.contains("invalid type: ") || message.contains("invalid value: ") {
        let wants_text = message.ends_with("expected a string")
            && [
                "invalid type: integer",
                "invalid type: floating point",
                "invalid type: boolean",
                "invalid type: unit value",
            ]
            .iter()
            .any(|found| message.contains(found));
        return Problem::WrongType {
            message: readable_types(message),
            wants_text,
        };
    }
    Problem::Yaml {
        message: message.clone(),
    }
}

/// `errors[2].key: msg` → ``errors[2].key (code `x`): msg`` when the source gives entry 2 a code.
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
    match (code, tail.split_once(": ")) {
        (Some(code), Some((path, rest))) => {
            format!(
                "{}{rest}",
                labelled(&format!("errors[{index}]{path}"), Some(&code))
            )
        }
        _ => message.to_owned(),
    }
}

/// The start of a message about `path`: `path: `, or, in an entry with a code,
/// ``path (code `x`): `` (the code after the whole path: `errors[2].uri (code `x`)`).
fn labelled(path: &str, code: Option<&str>) -> String {
    match code {
        Some(code) => format!("{path} (code `{code}`): "),
        None => format!("{path}: "),
    }
}

/// What one mapping of format 1 may hold.
struct Shape {
    /// Every key it may have: the fields of its serde type, so the walk can never
    /// disagree with the parser.
    keys: fn() -> &'static [&'static str],
    /// The keys it must have.
    required: &'static [&'static str],
    /// The keys whose value is text.
    text: &'static [&'static str],
    /// The text keys that may be null (`key:` left empty).
    nullable: &'static [&'static str],
}

const TOP: Shape = Shape {
    keys: fields::of::<RawCatalogue>,
    required: &["version", "name", "errors"],
    text: &[
        "name",
        "description",
        "docs_base_uri",
        "page_uri",
        "display",
    ],
    nullable: &["description", "docs_base_uri", "page_uri", "display"],
};
const WIRE: Shape = Shape {
    keys: fields::of::<RawWire>,
    required: &[],
    text: &["code", "description", "uri"],
    nullable: &[],
};
const DOCS: Shape = Shape {
    keys: fields::of::<RawDocs>,
    required: &[],
    text: &["front_matter", "preamble"],
    nullable: &["front_matter", "preamble"],
};
const ENTRY: Shape = Shape {
    keys: fields::of::<RawEntry>,
    required: &["code", "description"],
    text: &[
        "code",
        "title",
        "description",
        "uri",
        "summary",
        "resolution",
        "variant",
    ],
    nullable: &["title", "uri", "summary", "resolution", "variant"],
};

/// serde's words for a YAML value of the wrong type, such as ``integer `5` ``.
fn unexpected(value: &serde_yaml::Value) -> Option<String> {
    use serde_yaml::Value;
    Some(match value {
        Value::Null => "unit value".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => format!("integer `{u}`"),
            (None, Some(i), _) => format!("integer `{i}`"),
            (None, None, Some(f)) => {
                let text = f.to_string();
                // serde writes a float with a decimal point: `1000.0`, not `1000`.
                if f.is_finite() && !text.contains(['.', 'e', 'E']) {
                    format!("floating point `{text}.0`")
                } else {
                    format!("floating point `{text}`")
                }
            }
            (None, None, None) => return None,
        },
        Value::Sequence(_) => "sequence".to_owned(),
        Value::Mapping(_) => "map".to_owned(),
        Value::String(_) | Value::Tagged(_) => return None,
    })
}

/// Every unknown and missing key, and every text value of the wrong type, found
/// by walking the catalogue as plain YAML, in serde's words. Empty when it is not
/// YAML at all (serde's error then says why) or nothing of the kind is wrong.
fn structure_problems(source: &str, path: &Path) -> Vec<Diagnostic> {
    let Ok(serde_yaml::Value::Mapping(top)) = serde_yaml::from_str::<serde_yaml::Value>(source)
    else {
        return Vec::new();
    };
    let locator = Locator::new(source);
    let mut walk = Walk {
        path,
        locator: &locator,
        found: Vec::new(),
    };
    walk.mapping(&top, &TOP, ("", None), &|key| locator.top_level(key), None);
    for (parent, shape) in [("wire", &WIRE), ("docs", &DOCS)] {
        if let Some(serde_yaml::Value::Mapping(mapping)) = top.get(parent) {
            let at = |key: &str| locator.nested_key(parent, key);
            walk.mapping(mapping, shape, (parent, None), &at, None);
        }
    }
    if let Some(serde_yaml::Value::Sequence(entries)) = top.get("errors") {
        for (index, entry) in entries.iter().enumerate() {
            if let serde_yaml::Value::Mapping(mapping) = entry {
                let at = |key: &str| locator.entry_key(index, key);
                let start = locator.entry_mapping(index);
                let code = mapping.get("code").and_then(serde_yaml::Value::as_str);
                let context = format!("errors[{index}]");
                walk.mapping(mapping, &ENTRY, (&context, code), &at, start);
            }
        }
    }
    walk.found
}

/// The state of [`structure_problems`].
struct Walk<'a> {
    path: &'a Path,
    locator: &'a Locator<'a>,
    found: Vec<Diagnostic>,
}

impl Walk<'_> {
    /// Checks one mapping against its shape; `(path, code)` is serde's path of the
    /// mapping (`errors[2]`, empty at the top) and the entry's code, `at` finds a
    /// key, `start` is where the mapping begins.
    fn mapping(
        &mut self,
        mapping: &serde_yaml::Mapping,
        shape: &Shape,
        (path, code): (&str, Option<&str>),
        at: &dyn Fn(&str) -> Option<Location>,
        start: Option<Location>,
    ) {
        let context = if path.is_empty() {
            String::new()
        } else {
            labelled(path, code)
        };
        let expected = format!(
            "expected one of {}",
            (shape.keys)()
                .iter()
                .map(|key| format!("`{key}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut suggested = Vec::new();
        for (key, value) in mapping {
            let Some(key) = key.as_str() else {
                continue;
            };
            if !(shape.keys)().contains(&key) {
                let suggestion = closest(key, &expected);
                suggested.extend(suggestion.clone());
                let problem = Problem::UnknownKey {
                    context: context.clone(),
                    key: key.to_owned(),
                    suggestion,
                    expected: expected.clone(),
                };
                self.found
                    .push(Diagnostic::new(self.path, at(key), problem));
                continue;
            }
            if !shape.text.contains(&key) || (value.is_null() && shape.nullable.contains(&key)) {
                continue;
            }
            if let Some(found_type) = unexpected(value) {
                let field = if path.is_empty() {
                    key.to_owned()
                } else {
                    format!("{path}.{key}")
                };
                let message = format!(
                    "{}invalid type: {found_type}, expected a string",
                    labelled(&field, code)
                );
                let problem = Problem::WrongType {
                    message: readable_types(&message),
                    wants_text: !value.is_sequence() && !value.is_mapping(),
                };
                let location = self.locator.value(at(key));
                self.found
                    .push(Diagnostic::new(self.path, location, problem));
            }
        }
        for key in shape.required {
            // A misspelt key that says "did you mean `key`" already covers it.
            if !mapping.contains_key(*key) && !suggested.iter().any(|s| s == key) {
                let problem = Problem::MissingKey {
                    context: context.clone(),
                    key: (*key).to_owned(),
                };
                self.found.push(Diagnostic::new(self.path, start, problem));
            }
        }
    }
}

/// `message` without the ` at line L column C` that `serde_yaml` puts in it, once
/// at the end and sometimes once more in the middle.
fn without_positions(message: &str) -> String {
    let digits =
        |text: &str| text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let line_digits = digits(after);
        match after[line_digits..].strip_prefix(" column ") {
            Some(column) if line_digits > 0 && digits(column) > 0 => {
                rest = &column[digits(column)..];
            }
            _ => {
                out.push_str(" at line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// serde's names of the raw types, in the words of the format.
fn readable_types(message: &str) -> String {
    message
        .replace(
            "struct RawCatalogue",
            "a catalogue (a mapping with `version`, `name` and `errors`)",
        )
        .replace(
            "struct RawEntry",
            "an error (a mapping with `code` and `description`)",
        )
        .replace("struct RawWire", "a mapping of wire member names")
        .replace("struct RawDocs", "a mapping of docs texts")
        .replace("unit value", "null")
        .replace("expected u64", "expected a whole number")
}

/// The allowed key (from serde's "expected one of `a`, `b`") nearest to `key`,
/// when it is near enough to be a misspelling.
fn closest(key: &str, expected: &str) -> Option<String> {
    let candidates = expected.split('`').skip(1).step_by(2);
    let (distance, best) = candidates
        .map(|candidate| (edit_distance(key, candidate), candidate))
        .min()?;
    let limit = (key.chars().count() / 3).max(1);
    (distance <= limit).then(|| best.to_owned())
}

/// Levenshtein distance over characters, with a transposition counted as one edit
/// (`descirption`), as in the restricted Damerau-Levenshtein distance.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

struct Checker<'a> {
    source: &'a str,
    /// Built on the first problem: a valid catalogue never needs it.
    locator: std::cell::OnceCell<Locator<'a>>,
    path: &'a Path,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn locator(&self) -> &Locator<'a> {
        self.locator.get_or_init(|| Locator::new(self.source))
    }

    fn report(&mut self, location: Option<Location>, problem: Problem) {
        self.diagnostics
            .push(Diagnostic::new(self.path, location, problem));
    }

    /// Like [`Self::report`], for a duplicate whose first definition is at `related`.
    fn report_duplicate(
        &mut self,
        location: Option<Location>,
        related: Option<Location>,
        problem: Problem,
    ) {
        let mut diagnostic = Diagnostic::new(self.path, location, problem);
        diagnostic.related = related;
        self.diagnostics.push(diagnostic);
    }

    /// Reports `value` when it is longer than [`MAX_TEXT_LEN`]. Where it is and what
    /// it is are only worked out then: locating a key costs more than the check.
    fn length(
        &mut self,
        location: impl FnOnce(&Locator<'_>) -> Option<Location>,
        what: impl FnOnce() -> String,
        value: &str,
    ) {
        if value.len() > MAX_TEXT_LEN {
            self.report(
                location(self.locator()),
                Problem::TextTooLong {
                    what: what(),
                    length: value.len(),
                    limit: MAX_TEXT_LEN,
                },
            );
        }
    }

    /// Every text value of the catalogue is within [`MAX_TEXT_LEN`].
    fn lengths(&mut self, raw: &RawCatalogue) {
        let top: [(&str, Option<&String>); 6] = [
            ("name", Some(&raw.name)),
            ("description", raw.description.as_ref()),
            ("docs_base_uri", raw.docs_base_uri.as_ref()),
            ("page_uri", raw.page_uri.as_ref()),
            ("display", raw.display.as_ref()),
            (
                "docs",
                raw.docs.as_ref().and_then(|docs| {
                    [&docs.front_matter, &docs.preamble]
                        .into_iter()
                        .flatten()
                        .max_by_key(|text| text.len())
                }),
            ),
        ];
        for (key, value) in top {
            if let Some(value) = value {
                self.length(
                    |locator| locator.top_level(key),
                    || format!("`{key}`"),
                    value,
                );
            }
        }
        for wire in [&raw.wire.code, &raw.wire.description, &raw.wire.uri] {
            self.length(
                |locator| locator.top_level("wire"),
                || "a `wire` member name".to_owned(),
                wire,
            );
        }
        for (index, entry) in raw.errors.iter().enumerate() {
            let code = &entry.code;
            let fields: [(&str, Option<&String>); 7] = [
                ("code", Some(code)),
                ("title", entry.title.as_ref()),
                ("description", Some(&entry.description)),
                ("uri", entry.uri.as_ref()),
                ("summary", entry.summary.as_ref()),
                ("resolution", entry.resolution.as_ref()),
                ("variant", entry.variant.as_ref()),
            ];
            for (key, value) in fields {
                if let Some(value) = value {
                    let location = |locator: &Locator<'_>| locator.entry_key(index, key);
                    let what = || {
                        if key == "code" || code.len() > MAX_TEXT_LEN {
                            format!("the {key} of error #{}", index + 1)
                        } else {
                            format!("the {key} of code `{code}`")
                        }
                    };
                    self.length(location, what, value);
                }
            }
        }
    }

    fn check(&mut self, raw: RawCatalogue) -> Catalogue {
        self.lengths(&raw);
        if raw.version != 1 {
            let location = self.locator().value(self.locator().top_level("version"));
            self.report(location, Problem::UnsupportedVersion { found: raw.version });
        }
        if let Err(reason) = ident::check_enum_name(&raw.name) {
            let location = self.locator().value(self.locator().top_level("name"));
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
            let key: &'static str = key;
            if let Some(what) = uri.as_deref().and_then(forbidden_in_token) {
                let location = self.locator().value(self.locator().top_level(key));
                self.report(
                    location,
                    Problem::InvalidUri {
                        key,
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
            let location = self.locator().top_level("errors");
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
            let location = self.locator().top_level("docs");
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
            let location = self.locator().top_level("wire");
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
            let location = self.locator().top_level("display");
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
        let at = |checker: &Self, key| {
            let locator = checker.locator();
            locator.value(locator.entry_key(index, key))
        };
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
                    key: "uri",
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
        // An empty or invalid code already has its own message, unless the
        // variant is given explicitly.
        let code_ok = !raw.code.is_empty() && forbidden_in_token(&raw.code).is_none();
        if (code_ok || raw.variant.is_some())
            && let Err(reason) = ident::check_variant_name(&variant)
        {
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
        let title = self.title(index, raw.title, &raw.code, code_ok);
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

    /// The entry's title: as given, or the humanised code. A derived title is only
    /// as good as the code, which has its own messages; a code of punctuation alone
    /// is its own title.
    fn title(&mut self, index: usize, given: Option<String>, code: &str, code_ok: bool) -> String {
        let title_given = given.is_some();
        let title = given.unwrap_or_else(|| {
            let humanised = humanise(code);
            if humanised.trim().is_empty() {
                code.to_owned()
            } else {
                humanised
            }
        });
        let bad_title = if !title_given && !code_ok {
            None
        } else if title.trim().is_empty() && !code.is_empty() {
            Some("is empty")
        } else if title.chars().any(char::is_control) {
            Some("contains a line break or control character")
        } else {
            None
        };
        if let Some(reason) = bad_title {
            let locator = self.locator();
            self.report(
                locator.value(locator.entry_key(index, "title")),
                Problem::InvalidTitle {
                    code: code.to_owned(),
                    reason,
                },
            );
        }
        title
    }

    /// Codes and variant names must be unique over the whole catalogue.
    fn uniqueness(&mut self, errors: &[ErrorDef]) {
        let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
        let mut duplicate_codes = Vec::new();
        for (first, second) in ident::collisions(&codes) {
            duplicate_codes.push(second);
            self.report_duplicate(
                self.locator()
                    .value(self.locator().entry_key(second, "code")),
                self.locator()
                    .value(self.locator().entry_key(first, "code")),
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
            self.report_duplicate(
                self.locator()
                    .value(self.locator().entry_key(second, "code")),
                self.locator()
                    .value(self.locator().entry_key(first, "code")),
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
    if text.bytes().all(|b| b.is_ascii_graphic()) {
        // Printable ASCII without spaces: the usual code or URI, quickly.
        return None;
    }
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
                suggestion: Some("title".to_owned()),
            }
        );
        assert_eq!(
            yaml_problem(
                "version: invalid type: string \"x\", expected u64 at line 1 column 10",
                "",
            ),
            Problem::WrongType {
                message: "version: invalid type: string \"x\", expected a whole number".to_owned(),
                wants_text: false,
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
        let yaml = "version: 1\nname: TestError\nerrors:\n  - code: a\n    description: A\n    heading_level: 7\n  - code: b\n    title: \"two\\nlines\"\n    description: B\n";
        assert_eq!(
            problems(yaml),
            [
                (
                    Some(Location {
                        line: 6,
                        column: 20
                    }),
                    Problem::HeadingLevel {
                        code: "a".to_owned(),
                        level: 7
                    }
                ),
                (
                    Some(Location {
                        line: 8,
                        column: 12
                    }),
                    Problem::InvalidTitle {
                        code: "b".to_owned(),
                        reason: "contains a line break or control character"
                    }
                ),
            ]
        );
        let example = |body: &str| {
            let yaml = format!(
                "version: 1\nname: TestError\ndocs:\n  example: {body}\nerrors:\n  - code: a\n    description: A\n"
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
    fn suggests_the_nearest_key() {
        let expected = "expected one of `code`, `title`, `description`, `uri`";
        assert_eq!(
            closest("descripton", expected).as_deref(),
            Some("description")
        );
        assert_eq!(
            closest("descirption", expected).as_deref(),
            Some("description")
        );
        assert_eq!(closest("titel", expected).as_deref(), Some("title"));
        assert_eq!(closest("Code", expected).as_deref(), Some("code"));
        assert_eq!(closest("colour", expected), None);
        assert_eq!(closest("x", ""), None);
    }

    #[test]
    fn numbers_where_text_belongs_ask_for_quotes() {
        let problem = yaml_problem(
            "errors[0].code: invalid type: integer `5`, expected a string at line 4 column 11",
            "",
        );
        assert_eq!(
            problem,
            Problem::WrongType {
                message: "errors[0].code: invalid type: integer `5`, expected a string".to_owned(),
                wants_text: true,
            }
        );
    }

    #[test]
    fn refuses_deep_nesting_before_parsing() {
        let deep = format!("a: {}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(
            too_deep(&deep),
            Some(Location {
                line: 1,
                column: 68
            })
        );
        let fine = format!("a: {}{}", "[".repeat(64), "]".repeat(64));
        assert_eq!(too_deep(&fine), None);
        let quoted = format!(
            "a: \"{}\"\nb: '{}' # {}\nc: don't {{}}",
            "[".repeat(99),
            "{".repeat(99),
            "[".repeat(99)
        );
        assert_eq!(too_deep(&quoted), None);
    }

    #[test]
    fn locates_invalid_utf8() {
        assert_eq!(line_column(b"ab\ncd\xff", 5), (2, 3));
    }
}
