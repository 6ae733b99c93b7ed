//! The imported catalogue as YAML a person would write: block scalars for text,
//! plain scalars where they read back as the same string, JSON-style quotes
//! elsewhere. Every scalar is checked by parsing it back, so odd text (leading
//! spaces, trailing blank lines, YAML keywords) is quoted rather than changed.

use std::fmt::Write as _;

use crate::catalogue::Example;

use super::Page;

/// The catalogue of `page`, with the enum called `name`.
pub fn catalogue(page: &Page, name: &str, source_name: &str) -> String {
    let mut out = format!(
        "# Imported by errcat from {}: codes, descriptions and URIs are what the page shows.\n",
        source_name.escape_debug()
    );
    out.push_str("version: 1\n");
    field(&mut out, 0, "name", name);
    let has_docs = page.front_matter.is_some()
        || page.preamble.is_some()
        || matches!(page.example, Example::Query { .. });
    if has_docs {
        out.push_str("docs:\n");
        if let Some(front_matter) = &page.front_matter {
            field(&mut out, 2, "front_matter", front_matter);
        }
        if let Some(preamble) = &page.preamble {
            field(&mut out, 2, "preamble", preamble);
        }
        if let Example::Query { callback, state } = &page.example {
            out.push_str("  example:\n");
            field(&mut out, 4, "style", "query");
            field(&mut out, 4, "callback", callback);
            if let Some(state) = state {
                field(&mut out, 4, "state", state);
            }
        }
    }
    out.push_str("errors:\n");
    for section in &page.sections {
        let code = scalar(&section.code, 4);
        let _ = write!(out, "  - code:{code}");
        field(&mut out, 4, "title", &section.title);
        if section.level != 2 {
            let _ = writeln!(out, "    heading_level: {}", section.level);
        }
        field(&mut out, 4, "description", &section.description);
        if let Some(uri) = &section.uri {
            field(&mut out, 4, "uri", uri);
        }
        if let Some(summary) = &section.summary {
            field(&mut out, 4, "summary", summary);
        }
        if let Some(resolution) = &section.resolution {
            field(&mut out, 4, "resolution", resolution);
        }
    }
    out
}

/// `key: value` at `indent`, ending in a line break.
fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    out.push_str(&" ".repeat(indent));
    out.push_str(key);
    out.push(':');
    out.push_str(&scalar(value, indent));
}

/// The value part of `key: value` for a key at `indent`: a leading space, the
/// scalar and a line break (a block scalar's lines included).
fn scalar(text: &str, indent: usize) -> String {
    [block(text), Some(format!(" {text}\n"))]
        .into_iter()
        .flatten()
        .find(|candidate| reads_back(candidate, text))
        .map_or_else(
            || format!(" {}\n", double_quoted(text)),
            |candidate| reindent(&candidate, indent),
        )
}

/// A double-quoted scalar, with escapes for everything YAML would fold or reject
/// (line breaks, including U+0085, U+2028 and U+2029, and control characters).
fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A literal block scalar (`|`) for multi-line text, relative to a key at column 0.
fn block(text: &str) -> Option<String> {
    if !text.contains('\n') {
        return None;
    }
    let chomp = if !text.ends_with('\n') {
        "-"
    } else if text.ends_with("\n\n") {
        "+"
    } else {
        ""
    };
    // An explicit indentation keeps leading blank lines and spaces in the text.
    let indicator = if text.starts_with([' ', '\n']) {
        "2"
    } else {
        ""
    };
    let mut out = format!(" |{indicator}{chomp}\n");
    let body = text.strip_suffix('\n').unwrap_or(text);
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
        out.push('\n');
    }
    Some(out)
}

/// Whether `key:{candidate}` is a mapping whose `key` is exactly the string `text`
/// (not a boolean, number or null that a lenient reader would turn into text).
fn reads_back(candidate: &str, text: &str) -> bool {
    let document = format!("key:{candidate}");
    serde_yaml::from_str::<serde_yaml::Mapping>(&document).is_ok_and(|map| {
        map.len() == 1 && map.get("key") == Some(&serde_yaml::Value::String(text.to_owned()))
    })
}

/// Moves the lines after the first (a block scalar's body) right by `indent`.
fn reindent(candidate: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::with_capacity(candidate.len());
    for (i, line) in candidate.split_inclusive('\n').enumerate() {
        if i > 0 && line != "\n" {
            out.push_str(&pad);
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scalar_reads_back() {
        let texts = [
            "plain",
            "true",
            "~",
            "123",
            "- dash",
            "a: b",
            "# hash",
            "'quoted'",
            "{% data x %}",
            "  leading spaces",
            "trailing space ",
            "",
            "one line\n",
            "two\nlines\n",
            "no final break\nhere",
            "kept\nblank lines\n\n\n",
            "\nleading blank line\n",
            "   indented first\nsecond\n",
            "tab\there\n",
            "control \u{1} char\n",
            "unicode ✓ \u{2028} separator\n",
            "\n",
            "\n\n",
        ];
        for text in texts {
            for indent in [0, 2, 4] {
                let document = format!("{}key:{}", " ".repeat(indent), scalar(text, indent));
                let document = if indent > 0 {
                    format!("outer:\n{document}")
                } else {
                    document
                };
                let value: serde_yaml::Value = serde_yaml::from_str(&document)
                    .unwrap_or_else(|e| panic!("{text:?} at {indent}: {e}\n{document}"));
                let value = if indent > 0 { &value["outer"] } else { &value };
                assert_eq!(value["key"].as_str(), Some(text), "{document}");
            }
        }
    }

    #[test]
    fn text_reads_as_written() {
        assert_eq!(scalar("plain text", 0), " plain text\n");
        assert_eq!(scalar("two\nlines\n", 4), " |\n      two\n      lines\n");
        assert_eq!(scalar("true", 0), " \"true\"\n");
    }
}
