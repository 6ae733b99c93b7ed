//! Rustdoc from catalogue text.
//!
//! Catalogue text is prose written for a web page. In rustdoc it must stay prose:
//! Markdown and HTML characters are escaped (so `[x]` is no broken intra-doc link
//! and `<b>` no unclosed tag), lines lose their indentation (so four spaces never
//! start a doctest) and control characters are shown as escapes.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` attributes, one per line of `text`, which is already Markdown.
pub fn attrs(text: &str) -> TokenStream {
    text.lines()
        .map(|line| {
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote! { #[doc = #line] }
        })
        .collect()
}

/// `text` as Markdown that renders as itself.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for c in line.trim_start().chars() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$' => {
                    out.push('\\');
                    out.push(c);
                }
                // Invisible text-direction controls would reorder the doc comment
                // on screen (rustc denies them outright), so they are shown too.
                c if c.is_control() || is_bidi_control(c) => out.extend(c.escape_default()),
                c => out.push(c),
            }
        }
    }
    out
}

/// The Unicode controls of text direction that rustc's
/// `text_direction_codepoint_in_literal` lint refuses in comments and literals.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// `text` as a Markdown code span, fenced with more backticks than it contains in a row.
pub fn code_span(text: &str) -> String {
    let longest_run = text
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest_run + 1);
    let text: String = text.chars().flat_map(char::escape_debug).collect();
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A docs link for `uri`: an autolink when it is absolute (after prefixing
/// `base` to a relative one), a code span otherwise.
pub fn link(uri: &str, base: Option<&str>) -> String {
    let absolute = if uri.contains("://") {
        Some(uri.to_owned())
    } else {
        base.map(|base| format!("{}{uri}", base.trim_end_matches('/')))
    };
    match absolute {
        // Autolinks end at `>` and may not contain `<` or spaces; validated URIs have
        // no spaces, and the angle brackets are percent-encoded as a browser would.
        Some(uri) => format!("<{}>", uri.replace('<', "%3C").replace('>', "%3E")),
        None => code_span(uri),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_html() {
        assert_eq!(
            escape("a [link] <b>bold</b> `code` *em* _u_ #1 \\ | ~ & $"),
            "a \\[link\\] \\<b\\>bold\\</b\\> \\`code\\` \\*em\\* \\_u\\_ \\#1 \\\\ \\| \\~ \\& \\$"
        );
    }

    #[test]
    fn removes_indentation_that_would_start_a_doctest() {
        assert_eq!(
            escape("first\n    let x = 1;\n\ttab"),
            "first\nlet x = 1;\ntab"
        );
    }

    #[test]
    fn shows_control_characters_as_escapes() {
        assert_eq!(escape("nul\0 bell\u{7}"), "nul\\u{0} bell\\u{7}");
    }

    #[test]
    fn shows_text_direction_controls_as_escapes() {
        assert_eq!(escape("a\u{202e}b\u{2067}c"), "a\\u{202e}b\\u{2067}c");
    }

    #[test]
    fn code_spans_outgrow_their_backticks() {
        assert_eq!(code_span("slow_down"), "`slow_down`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn links_absolute_or_relative() {
        assert_eq!(
            link("/apps/x#y", Some("https://docs.github.com/")),
            "<https://docs.github.com/apps/x#y>"
        );
        assert_eq!(link("/apps/x#y", None), "`/apps/x#y`");
        assert_eq!(link("https://e.com/a>b", None), "<https://e.com/a%3Eb>");
    }
}
