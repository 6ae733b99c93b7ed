//! Heading anchors, as GitHub's docs (github-slugger) make them.
//!
//! The catalogue stage uses them to derive default URIs and `errcat lint` to check
//! the anchors of explicit ones, so both agree with the page by construction.

use std::collections::HashMap;

/// The anchor of one heading, without the repeat suffix: the heading's text (inline
/// code and link targets reduced to their text) in lowercase, with punctuation other
/// than `-` and `_` dropped and each space turned into `-`.
#[must_use]
pub fn slug(heading: &str) -> String {
    let text = heading_text(heading.trim());
    text.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a page's headings, in order: a repeated slug gets `-1`, `-2`, …
/// exactly as github-slugger counts them.
#[derive(Debug, Default)]
pub struct Slugger {
    occurrences: HashMap<String, usize>,
}

impl Slugger {
    /// A slugger that has seen no heading.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The anchor of the next heading on the page.
    pub fn slug(&mut self, heading: &str) -> String {
        let original = slug(heading);
        let mut result = original.clone();
        while self.occurrences.contains_key(&result) {
            let count = self.occurrences.entry(original.clone()).or_default();
            *count += 1;
            result = format!("{original}-{count}");
        }
        self.occurrences.insert(result.clone(), 0);
        result
    }
}

/// The anchors of `headings`, in order, repeats numbered.
#[must_use]
pub fn slugs<S: AsRef<str>>(headings: &[S]) -> Vec<String> {
    let mut slugger = Slugger::new();
    headings.iter().map(|h| slugger.slug(h.as_ref())).collect()
}

/// The anchors of the error sections of a page whose preamble is `preamble`: the
/// preamble's headings come first on the page, so they count for the repeats.
#[must_use]
pub fn section_anchors<S: AsRef<str>>(preamble: Option<&str>, titles: &[S]) -> Vec<String> {
    let mut slugger = Slugger::new();
    for heading in preamble.map(crate::markdown::headings).unwrap_or_default() {
        slugger.slug(heading);
    }
    titles.iter().map(|t| slugger.slug(t.as_ref())).collect()
}

/// The text a reader sees of a Markdown heading: `[text](target)` becomes `text`.
/// Backticks and the rest of the markup are punctuation, which [`slug`] drops.
fn heading_text(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    let mut rest = heading;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let target = &after[close + 2..];
            target.find(')').map(|end| (close, close + 2 + end + 1))
        });
        if let Some((close, end)) = link {
            out.push_str(&after[..close]);
            rest = &after[end..];
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_headings() {
        let cases = [
            (
                "Incorrect client credentials",
                "incorrect-client-credentials",
            ),
            ("Redirect URI mismatch", "redirect-uri-mismatch"),
            ("Bad verification code", "bad-verification-code"),
            ("Unverified user email", "unverified-user-email"),
            ("Application suspended", "application-suspended"),
            ("Access denied", "access-denied"),
        ];
        for (heading, expected) in cases {
            assert_eq!(slug(heading), expected, "{heading:?}");
        }
    }

    #[test]
    fn punctuation_is_dropped_but_dashes_and_underscores_stay() {
        let cases = [
            ("What's new?", "whats-new"),
            ("Errors: 4xx & 5xx!", "errors-4xx--5xx"),
            ("snake_case and kebab-case", "snake_case-and-kebab-case"),
            ("a.b/c (d) [e] {f} \"g\" <h>", "abc-d-e-f-g-h"),
            ("  Trimmed  ", "trimmed"),
            ("Two  spaces", "two--spaces"),
            ("100% done", "100-done"),
            ("", ""),
        ];
        for (heading, expected) in cases {
            assert_eq!(slug(heading), expected, "{heading:?}");
        }
    }

    #[test]
    fn unicode_letters_stay_and_are_lowercased() {
        assert_eq!(slug("Ünïcödé Fehler"), "ünïcödé-fehler");
        assert_eq!(slug("Ошибка доступа"), "ошибка-доступа");
        assert_eq!(slug("認証エラー"), "認証エラー");
        assert_eq!(slug("Emoji 🚀 launch"), "emoji--launch");
    }

    #[test]
    fn inline_code_and_links_keep_their_text() {
        assert_eq!(
            slug("The `redirect_uri` parameter"),
            "the-redirect_uri-parameter"
        );
        assert_eq!(
            slug("See [the guide](/apps/guide#x) now"),
            "see-the-guide-now"
        );
        assert_eq!(slug("Unclosed [bracket"), "unclosed-bracket");
    }

    #[test]
    fn preamble_headings_count_for_repeats() {
        assert_eq!(
            section_anchors(
                Some("## Overview\n\n```sh\n## not a heading\n```\n"),
                &["Overview", "Not a heading"]
            ),
            ["overview-1", "not-a-heading"]
        );
        assert_eq!(section_anchors(None, &["Overview"]), ["overview"]);
    }

    #[test]
    fn repeats_are_numbered() {
        assert_eq!(
            slugs(&[
                "Redirect URI mismatch",
                "Redirect URI mismatch",
                "Redirect URI mismatch"
            ]),
            [
                "redirect-uri-mismatch",
                "redirect-uri-mismatch-1",
                "redirect-uri-mismatch-2"
            ]
        );
        // A heading that is itself `x-1` pushes the repeat of `x` on to `x-2`.
        assert_eq!(slugs(&["x", "x-1", "x"]), ["x", "x-1", "x-2"]);
        // Different text, same slug.
        assert_eq!(
            slugs(&["Access denied", "Access denied!"]),
            ["access-denied", "access-denied-1"]
        );
    }
}
