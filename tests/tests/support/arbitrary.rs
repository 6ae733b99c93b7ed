//! Arbitrary catalogues, as YAML text: the proptest strategy of
//! `tests/proptest_generation.rs`, also drawn from (deterministically) by the
//! `errcat-awkward` build script for the compiled sample.
//!
//! The parts are usually valid and sometimes not (keywords, collisions, empty
//! codes, control characters, bad templates), so both the accepting and the
//! refusing paths are exercised. Every text is written as a YAML double-quoted
//! string with escapes, so any `String` survives the trip exactly.

#![allow(dead_code)] // each includer uses a different part

use std::fmt::Write as _;

use proptest::prelude::*;

/// One error of an arbitrary catalogue.
#[derive(Debug, Clone)]
pub struct Entry {
    pub code: String,
    pub title: Option<String>,
    pub description: String,
    pub uri: Option<String>,
    pub variant: Option<String>,
}

/// An arbitrary catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub name: String,
    pub display: Option<String>,
    pub entries: Vec<Entry>,
}

fn pick(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(options).prop_map(str::to_owned)
}

/// Codes: mostly API-like, sometimes awkward or invalid.
pub fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z][a-z0-9_]{0,15}",
        3 => "[A-Za-z][A-Za-z0-9_.-]{0,15}",
        1 => "[0-9][a-z0-9]{0,3}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
        2 => pick(&[
            "type", "async", "gen", "match", "try", "dyn", "self", "Self", "crate", "super",
            "all", "ALL", "code", "from_code", "some", "none", "r#match", "--", "_", "a b", "",
            "a\tb", "é", "x.y", "x-y", "x_y", "XY",
        ]),
    ]
}

/// Free text: printable ASCII (quotes, backslashes, braces, `#`, `*/`), any
/// Unicode (control characters included), or a known troublemaker.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[ -~]{1,40}",
        2 => any::<String>(),
        2 => pick(&[
            "\"#", "*/", "/*", "{code}", "{{", "}", "\\", "\0", "\r\n", "🦀", "مرحبا",
            "\n    fn main() {}", "<b>", "[x]", "`", "  ", "\u{202e}", "\u{feff}",
        ]),
    ]
}

/// Enum names: mostly valid, sometimes keywords, lowercase or empty.
pub fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[A-Z][A-Za-z0-9]{0,12}",
        1 => pick(&["Self", "self", "type", "Option", "Result", "String", "Error", "A", "", "a_b", "9A"]),
    ]
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        code(),
        prop::option::weighted(0.3, text()),
        text(),
        prop::option::weighted(0.3, prop_oneof![3 => "[!-~]{1,30}", 1 => text()]),
        prop::option::weighted(0.05, name()),
    )
        .prop_map(|(code, title, description, uri, variant)| Entry {
            code,
            title,
            description,
            uri,
            variant,
        })
}

/// Whole catalogues of zero to eight errors.
pub fn catalogue() -> impl Strategy<Value = Catalogue> {
    (
        name(),
        prop::option::weighted(
            0.2,
            pick(&[
                "{code}",
                "{title} ({code}): {description} {uri}",
                "{{{code}}}",
                "{nope}",
                "{code",
                "}",
            ]),
        ),
        prop::collection::vec(entry(), 0..8),
    )
        .prop_map(|(name, display, entries)| Catalogue {
            name,
            display,
            entries,
        })
}

/// `text` as a YAML double-quoted string that reads back as exactly `text`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // Control characters, and what YAML reads as a line break or BOM.
            c if c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Catalogue {
    /// The catalogue file.
    pub fn to_yaml(&self) -> String {
        let mut yaml = format!("version: 1\nname: {}\n", quote(&self.name));
        if let Some(display) = &self.display {
            let _ = writeln!(yaml, "display: {}", quote(display));
        }
        if self.entries.is_empty() {
            yaml.push_str("errors: []\n");
        } else {
            yaml.push_str("errors:\n");
        }
        for entry in &self.entries {
            let _ = writeln!(yaml, "  - code: {}", quote(&entry.code));
            let _ = writeln!(yaml, "    description: {}", quote(&entry.description));
            for (key, value) in [
                ("title", &entry.title),
                ("uri", &entry.uri),
                ("variant", &entry.variant),
            ] {
                if let Some(value) = value {
                    let _ = writeln!(yaml, "    {key}: {}", quote(value));
                }
            }
        }
        yaml
    }
}
