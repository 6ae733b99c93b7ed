//! Line-level Markdown: ATX headings and code fences, the only structure errcat
//! reads. Shared by the importer, which splits a page at its headings, and by the
//! anchors of default URIs and lint, which count every heading of the page.

/// The level of an ATX heading line (`## Title`, without its line break), when it
/// is one.
#[must_use]
pub fn heading_level(line: &str) -> Option<u8> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| u8::try_from(hashes).ok())
        .flatten()
}

/// A code fence opening: up to three spaces, three or more backticks or tildes,
/// and an info string. Returns the fence character, its length and the info string.
#[must_use]
pub fn opens_fence(line: &str) -> Option<(char, usize, String)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let fence_char = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let length = trimmed.chars().take_while(|&c| c == fence_char).count();
    let info = &trimmed[length..];
    (length >= 3 && !(fence_char == '`' && info.contains('`')))
        .then(|| (fence_char, length, info.trim().to_owned()))
}

/// Whether `line` closes a fence of `length` `fence_char`s.
#[must_use]
pub fn closes_fence(line: &str, fence_char: char, length: usize) -> bool {
    let trimmed = line.trim_start_matches(' ');
    let run = trimmed.chars().take_while(|&c| c == fence_char).count();
    line.len() - trimmed.len() <= 3 && run >= length && trimmed[run..].trim().is_empty()
}

/// The text of the ATX headings of `markdown` that are outside fenced code, in order.
#[must_use]
pub fn headings(markdown: &str) -> Vec<&str> {
    let mut headings = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for line in markdown.lines() {
        if let Some((fence_char, length)) = open {
            if closes_fence(line, fence_char, length) {
                open = None;
            }
        } else if let Some((fence_char, length, _)) = opens_fence(line) {
            open = Some((fence_char, length));
        } else if let Some(level) = heading_level(line) {
            headings.push(
                line[usize::from(level)..]
                    .strip_prefix(' ')
                    .unwrap_or_default(),
            );
        }
    }
    headings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headings() {
        assert_eq!(heading_level("## Title"), Some(2));
        assert_eq!(heading_level("###### Six"), Some(6));
        assert_eq!(heading_level("#"), Some(1));
        assert_eq!(heading_level("####### Seven"), None);
        assert_eq!(heading_level("#hashtag"), None);
        assert_eq!(heading_level(" ## indented"), None);
    }

    #[test]
    fn recognises_fences() {
        assert_eq!(opens_fence("```json"), Some(('`', 3, "json".to_owned())));
        assert_eq!(
            opens_fence("~~~~ shell "),
            Some(('~', 4, "shell".to_owned()))
        );
        assert_eq!(opens_fence("    ```"), None);
        assert_eq!(opens_fence("``` a`b"), None);
        assert!(closes_fence("````", '`', 3));
        assert!(!closes_fence("``", '`', 3));
        assert!(!closes_fence("~~~", '`', 3));
    }

    #[test]
    fn lists_headings_outside_code() {
        let text = "# One\ntext\n```sh\n# comment\n```\n##  Two\n~~~\n## no\n~~~\n";
        assert_eq!(headings(text), ["One", " Two"]);
    }
}
