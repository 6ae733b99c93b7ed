//! Positions of keys in the catalogue's source, for problems the YAML parser cannot
//! place (it gives positions only for its own errors).
//!
//! This reads the block style people write catalogues in (`key: value` lines and
//! `- ` list items). Anything else, flow style included, yields `None` and the
//! message goes without a position rather than with a wrong one.

use super::Location;

/// Where in the source a top-level key or a key of one entry is.
#[derive(Debug)]
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    /// Line index (0-based) of each entry of `errors`, in order.
    entries: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Indexes `source`.
    #[must_use]
    pub fn new(source: &'a str) -> Self {
        let lines: Vec<&str> = source.lines().collect();
        let entries = entry_lines(&lines);
        Self { lines, entries }
    }

    /// The position of a top-level `key:`.
    #[must_use]
    pub fn top_level(&self, key: &str) -> Option<Location> {
        self.lines.iter().enumerate().find_map(|(index, line)| {
            key_column(line, key)
                .filter(|&column| column == 1)
                .map(|column| Location {
                    line: index + 1,
                    column,
                })
        })
    }

    /// The position of entry `index` (0-based) of `errors`: its `- `.
    #[must_use]
    pub fn entry(&self, index: usize) -> Option<Location> {
        let line = *self.entries.get(index)?;
        let column = self.lines[line].len() - self.lines[line].trim_start().len() + 1;
        Some(Location {
            line: line + 1,
            column,
        })
    }

    /// The position of the mapping of entry `index` (0-based): its first key, after
    /// the `- `.
    #[must_use]
    pub fn entry_mapping(&self, index: usize) -> Option<Location> {
        let entry = self.entry(index)?;
        let line = self.lines[entry.line - 1];
        let rest = line.trim_start().strip_prefix('-')?;
        let key = rest.trim_start();
        if key.is_empty() {
            // `-` alone on its line: the mapping starts on the next one.
            let next = self.lines.get(entry.line)?;
            let column = next.len() - next.trim_start().len() + 1;
            return Some(Location {
                line: entry.line + 1,
                column: next[..column - 1].chars().count() + 1,
            });
        }
        Some(Location {
            line: entry.line,
            column: line[..line.len() - key.len()].chars().count() + 1,
        })
    }

    /// The position of `key:` in the block mapping under the top-level `parent:`.
    #[must_use]
    pub fn nested_key(&self, parent: &str, key: &str) -> Option<Location> {
        let start = self.top_level(parent)?.line;
        for (index, line) in self.lines.iter().enumerate().skip(start) {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if trimmed.len() == line.len() {
                // The next top-level key: the block ended without it.
                return None;
            }
            if let Some(column) = key_column(line, key) {
                return Some(Location {
                    line: index + 1,
                    column,
                });
            }
        }
        None
    }

    /// The position of `key:` within entry `index` (0-based), or of the entry itself
    /// when the key is not written there.
    #[must_use]
    pub fn entry_key(&self, index: usize, key: &str) -> Option<Location> {
        let start = *self.entries.get(index)?;
        let end = self
            .entries
            .get(index + 1)
            .copied()
            .unwrap_or(self.lines.len());
        let found = (start..end).find_map(|line| {
            let text = self.lines[line];
            let item = text.trim_start().strip_prefix("- ").map_or(text, |rest| {
                // Keep the column of the key after `- `.
                &text[text.len() - rest.len()..]
            });
            let offset = text.len() - item.len();
            key_column(item, key).map(|column| Location {
                line: line + 1,
                column: text[..offset].chars().count() + column,
            })
        });
        found.or_else(|| self.entry(index))
    }
}

impl Locator<'_> {
    /// The position of the value of the `key:` at `key`, when it is on the same
    /// line; otherwise (a block scalar, a value on the next line) `key` itself.
    #[must_use]
    pub fn value(&self, key: Option<Location>) -> Option<Location> {
        let key = key?;
        let line = self.lines.get(key.line.checked_sub(1)?)?;
        let start = line
            .char_indices()
            .nth(key.column.saturating_sub(1))
            .map_or(line.len(), |(at, _)| at);
        let Some(colon) = line[start..].find(':') else {
            return Some(key);
        };
        let after = &line[start + colon + 1..];
        let value = after.trim_start();
        if value.is_empty() || value.starts_with(['|', '>', '#']) {
            return Some(key);
        }
        let at = line.len() - value.len();
        Some(Location {
            line: key.line,
            column: line[..at].chars().count() + 1,
        })
    }

    /// Every `key:` of the block mapping whose first key is at `start` (where
    /// `serde_yaml` places a mapping's errors), in order.
    #[must_use]
    pub fn mapping_keys(&self, start: Location, key: &str) -> Vec<Location> {
        let mut found = Vec::new();
        let Some(first) = start.line.checked_sub(1) else {
            return found;
        };
        for (index, text) in self.lines.iter().enumerate().skip(first) {
            let trimmed = text.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            // The mapping may open an entry: `- code: a`.
            let item = if index == first {
                let column = start.column.saturating_sub(1);
                text.char_indices()
                    .nth(column)
                    .map_or("", |(at, _)| &text[at..])
            } else {
                text
            };
            let offset = text.len() - item.len();
            let indent = text.len() - trimmed.len();
            let column = text[..offset].chars().count() + item.len() - item.trim_start().len() + 1;
            if index > first && (indent < start.column - 1 || column < start.column) {
                break;
            }
            if column != start.column {
                continue;
            }
            if let Some(key_column) = key_column(item, key) {
                found.push(Location {
                    line: index + 1,
                    column: text[..offset].chars().count() + key_column,
                });
            }
        }
        found
    }
}

/// The 1-based column of `key:` when `line` (after indentation) starts with it.
fn key_column(line: &str, key: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let rest = trimmed
        .strip_prefix(key)
        .or_else(|| trimmed.strip_prefix(&format!("\"{key}\"")))
        .or_else(|| trimmed.strip_prefix(&format!("'{key}'")))?;
    rest.starts_with(':').then(|| {
        let indent = &line[..line.len() - trimmed.len()];
        indent.chars().count() + 1
    })
}

/// Line indexes of the items of the top-level `errors:` list.
fn entry_lines(lines: &[&str]) -> Vec<usize> {
    let Some(start) = lines
        .iter()
        .position(|line| key_column(line, "errors") == Some(1))
    else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    let mut item_indent = None;
    for (index, line) in lines.iter().enumerate().skip(start + 1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let is_item = trimmed == "-" || trimmed.starts_with("- ");
        match item_indent {
            // The next top-level key ends the list.
            _ if indent == 0 && !is_item => break,
            None if is_item => {
                item_indent = Some(indent);
                entries.push(index);
            }
            Some(expected) if is_item && indent == expected => entries.push(index),
            _ => {}
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "\
version: 1
name: E
errors:
  - code: a
    description: first
  # a comment
  -   code: b
      description: second
      uri: /x
\"page_uri\": /p
";

    #[allow(clippy::unnecessary_wraps)] // reads better beside the `Option`s it is compared with
    fn at(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    #[test]
    fn finds_top_level_keys() {
        let locator = Locator::new(SOURCE);
        assert_eq!(locator.top_level("name"), at(2, 1));
        assert_eq!(locator.top_level("page_uri"), at(10, 1));
        assert_eq!(locator.top_level("code"), None);
    }

    #[test]
    fn finds_entries_and_their_keys() {
        let locator = Locator::new(SOURCE);
        assert_eq!(locator.entry(0), at(4, 3));
        assert_eq!(locator.entry(1), at(7, 3));
        assert_eq!(locator.entry(2), None);
        assert_eq!(locator.entry_key(0, "code"), at(4, 5));
        assert_eq!(locator.entry_key(0, "description"), at(5, 5));
        assert_eq!(locator.entry_key(1, "code"), at(7, 7));
        assert_eq!(locator.entry_key(1, "uri"), at(9, 7));
        // A key the entry does not have points at the entry.
        assert_eq!(locator.entry_key(0, "uri"), at(4, 3));
        assert_eq!(locator.value(locator.entry_key(1, "uri")), at(9, 12));
        assert_eq!(locator.value(locator.top_level("version")), at(1, 10));
    }

    #[test]
    fn finds_repeated_keys_of_one_mapping() {
        let source = "version: 1\nerrors:\n  - code: a\n    description: x\n    code: b\n  - code: c\ncode: d\n";
        let locator = Locator::new(source);
        assert_eq!(
            locator.mapping_keys(Location { line: 3, column: 5 }, "code"),
            vec![
                Location { line: 3, column: 5 },
                Location { line: 5, column: 5 }
            ]
        );
        assert_eq!(
            locator.mapping_keys(Location { line: 1, column: 1 }, "code"),
            vec![Location { line: 7, column: 1 }]
        );
    }

    #[test]
    fn finds_nested_keys_and_entry_mappings() {
        let source = "wire:\n  cdoe: x\nerrors:\n  - code: a\n  -\n    code: b\ndocs:\n  x: 1\n";
        let locator = Locator::new(source);
        assert_eq!(locator.nested_key("wire", "cdoe"), at(2, 3));
        assert_eq!(locator.nested_key("wire", "x"), None);
        assert_eq!(locator.nested_key("docs", "x"), at(8, 3));
        assert_eq!(locator.entry_mapping(0), at(4, 5));
        assert_eq!(locator.entry_mapping(1), at(6, 5));
    }

    #[test]
    fn flow_style_gives_no_position() {
        let locator = Locator::new("version: 1\nerrors: [{code: a, description: b}]\n");
        assert_eq!(locator.entry(0), None);
        assert_eq!(locator.entry_key(0, "code"), None);
    }
}
