//! Per-error data written as formatted text, spliced into the formatted skeleton.
//!
//! Everything that grows with the catalogue (the variants and their docs, the
//! metadata tables, the perfect-hash tables) is plain data with one obvious layout.
//! Building it as tokens, parsing it with syn and printing it with prettyplease cost
//! ten times the YAML parse at 10,000 errors; writing it directly costs a fraction
//! of it. So the emitter puts a placeholder where each list goes, formats the small
//! skeleton once with prettyplease as before, and [`Splices::apply`] replaces each
//! placeholder with its list, laid out as prettyplease lays out such lists: on one
//! line when it fits in prettyplease's margin, otherwise one element per line (or,
//! for short numbers, as many per line as fit, as rustfmt does).

use std::fmt::Write as _;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// prettyplease's line width.
const MARGIN: usize = 89;
/// prettyplease's indentation step.
const INDENT: &str = "    ";
/// The macro name of an expression placeholder. A placeholder is only recognised in
/// code (never after a `"` on its line, never in a comment), so catalogue text that
/// spells it out cannot be mistaken for one.
const ARRAY_MARK: &str = "__errcat_splice!(";
/// The prefix of a placeholder variant.
const VARIANTS_MARK: &str = "__ErrcatSplice";

/// How the elements of an array are laid out when they do not fit on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One element per line.
    Tall,
    /// As many per line as fit (numbers and pairs of numbers).
    Packed,
}

#[derive(Debug)]
enum Block {
    Array {
        elements: Vec<String>,
        layout: Layout,
    },
    Lines(Vec<String>),
}

/// The lists to splice in, in the order their placeholders were made.
#[derive(Debug, Default)]
pub struct Splices {
    blocks: Vec<Block>,
}

impl Splices {
    /// An array expression `[e0, e1, ...]` of already formatted elements; returns the
    /// placeholder expression to put in the tokens.
    pub fn array(&mut self, elements: Vec<String>, layout: Layout) -> TokenStream {
        let index = Literal::usize_unsuffixed(self.blocks.len());
        self.blocks.push(Block::Array { elements, layout });
        quote! { __errcat_splice!(#index) }
    }

    /// Lines of items (such as enum variants with their docs), each already
    /// formatted and without indentation; returns the placeholder variant to put
    /// where they go.
    pub fn lines(&mut self, lines: Vec<String>) -> Ident {
        let ident = Ident::new(
            &format!("{VARIANTS_MARK}{}", self.blocks.len()),
            Span::call_site(),
        );
        self.blocks.push(Block::Lines(lines));
        ident
    }

    /// `formatted` (prettyplease's output for the tokens holding the placeholders)
    /// with every placeholder replaced by its list.
    ///
    /// # Errors
    ///
    /// When a placeholder is missing or found twice: a bug in the emitter, reported
    /// with the block's number.
    pub fn apply(&self, formatted: &str) -> Result<String, String> {
        let size = self
            .blocks
            .iter()
            .map(|block| match block {
                Block::Array { elements, .. } => {
                    elements.iter().map(|e| e.len() + 16).sum::<usize>()
                }
                Block::Lines(lines) => lines.iter().map(|l| l.len() + 8).sum(),
            })
            .sum::<usize>();
        let mut out = String::with_capacity(formatted.len() + size);
        let mut done = vec![false; self.blocks.len()];
        for line in formatted.split_inclusive('\n') {
            let (text, newline) = line
                .strip_suffix('\n')
                .map_or((line, ""), |text| (text, "\n"));
            let indent = &text[..text.len() - text.trim_start().len()];
            let code = text.trim_start();
            let index = if code.starts_with("//") {
                None
            } else {
                self.placeholder(code)
            };
            let Some((index, start, end)) = index else {
                out.push_str(line);
                continue;
            };
            if std::mem::replace(&mut done[index], true) {
                return Err(format!("placeholder {index} appears twice"));
            }
            match &self.blocks[index] {
                Block::Array { elements, layout } => {
                    let (before, after) = (&text[..indent.len() + start], &code[end..]);
                    write_array(&mut out, before, indent, elements, *layout, after);
                }
                Block::Lines(lines) => {
                    for item in lines {
                        if item.is_empty() {
                            out.push('\n');
                        } else {
                            let _ = writeln!(out, "{indent}{item}");
                        }
                    }
                    // The placeholder's own line ended with this newline.
                    if newline.is_empty() {
                        out.pop();
                    }
                    continue;
                }
            }
            out.push_str(newline);
        }
        match done.iter().position(|done| !done) {
            Some(index) => Err(format!("placeholder {index} is missing")),
            None => Ok(out),
        }
    }

    /// The block a line of code holds a placeholder for, with the placeholder's byte
    /// range in `code`.
    fn placeholder(&self, code: &str) -> Option<(usize, usize, usize)> {
        if let Some(rest) = code.strip_prefix(VARIANTS_MARK) {
            let index: usize = rest.strip_suffix(',')?.parse().ok()?;
            return matches!(self.blocks.get(index), Some(Block::Lines(_))).then_some((
                index,
                0,
                code.len(),
            ));
        }
        let start = code.find(ARRAY_MARK)?;
        if code[..start].contains('"') {
            return None;
        }
        let digits = &code[start + ARRAY_MARK.len()..];
        let close = digits.find(')')?;
        let index: usize = digits[..close].parse().ok()?;
        let end = start + ARRAY_MARK.len() + close + 1;
        matches!(self.blocks.get(index), Some(Block::Array { .. })).then_some((index, start, end))
    }
}

/// `before[e0, e1]after`, on one line if it fits, else broken as `layout` says.
fn write_array(
    out: &mut String,
    before: &str,
    indent: &str,
    elements: &[String],
    layout: Layout,
    after: &str,
) {
    let one_line =
        before.len() + after.len() + 2 + elements.iter().map(|e| e.len() + 2).sum::<usize>();
    out.push_str(before);
    if elements.is_empty() || one_line <= MARGIN + 2 {
        out.push('[');
        for (i, element) in elements.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(element);
        }
        out.push(']');
        out.push_str(after);
        return;
    }
    out.push_str("[\n");
    match layout {
        Layout::Tall => {
            for element in elements {
                let _ = writeln!(out, "{indent}{INDENT}{element},");
            }
        }
        Layout::Packed => {
            let mut width = 0;
            for element in elements {
                let needed = element.len() + 2;
                if width > 0 && width + needed > MARGIN {
                    out.push('\n');
                    width = 0;
                }
                if width == 0 {
                    out.push_str(indent);
                    out.push_str(INDENT);
                    width = indent.len() + INDENT.len() + element.len() + 1;
                } else {
                    out.push(' ');
                    width += needed;
                }
                out.push_str(element);
                out.push(',');
            }
            out.push('\n');
        }
    }
    out.push_str(indent);
    out.push(']');
    out.push_str(after);
}

/// `text` as a Rust string literal, escaped as `proc_macro2::Literal::string` does.
/// Catalogue text is mostly printable; only text with ASCII control characters
/// (rare, and with `\0` rules of its own) goes through proc-macro2 itself.
pub fn string_literal(text: &str) -> String {
    if text.bytes().any(|b| b.is_ascii_control()) {
        return Literal::string(text).to_string();
    }
    let mut literal = String::with_capacity(text.len() + 8);
    literal.push('"');
    if text.is_ascii() {
        let mut plain = 0;
        for (at, byte) in text.bytes().enumerate() {
            if byte == b'"' || byte == b'\\' {
                literal.push_str(&text[plain..at]);
                literal.push('\\');
                literal.push(char::from(byte));
                plain = at + 1;
            }
        }
        literal.push_str(&text[plain..]);
    } else {
        for c in text.chars() {
            match c {
                '"' | '\\' => {
                    literal.push('\\');
                    literal.push(c);
                }
                c if c.is_ascii() => literal.push(c),
                // Printable characters stay as they are; others become `\u{...}`.
                c => literal.extend(c.escape_debug()),
            }
        }
    }
    literal.push('"');
    literal
}

/// `text` as `///` lines, as prettyplease prints the `#[doc]` attributes of
/// [`super::doc::attrs`].
pub fn doc_lines(text: &str, lines: &mut Vec<String>) {
    for line in text.lines() {
        let line = line.trim_end_matches(' ');
        if line.is_empty() {
            lines.push("///".to_owned());
        } else {
            lines.push(format!("/// {line}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| string_literal(item)).collect()
    }

    #[test]
    fn short_arrays_stay_on_one_line() {
        let mut splices = Splices::default();
        let placeholder = splices.array(strings(&["a", "b"]), Layout::Tall);
        let formatted = format!("    const A: [&str; 2] = {placeholder};\n");
        let formatted = formatted.replace(" ! (", "!(").replace(" )", ")");
        assert_eq!(
            splices.apply(&formatted).unwrap(),
            "    const A: [&str; 2] = [\"a\", \"b\"];\n"
        );
    }

    #[test]
    fn long_arrays_break_tall_or_packed() {
        let long: Vec<String> = (0..12).map(|i| format!("\"element number {i}\"")).collect();
        let numbers: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let mut splices = Splices::default();
        splices.array(long.clone(), Layout::Tall);
        splices.array(numbers, Layout::Packed);
        let formatted = "    const A: [&str; 12] = __errcat_splice!(0);\n    static B: [u16; 40] = &__errcat_splice!(1);\n";
        let out = splices.apply(formatted).unwrap();
        let mut expected = String::from("    const A: [&str; 12] = [\n");
        for element in &long {
            let _ = writeln!(expected, "        {element},");
        }
        expected.push_str("    ];\n    static B: [u16; 40] = &[\n");
        expected.push_str("        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n");
        expected.push_str(
            "        23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39,\n    ];\n",
        );
        assert_eq!(out, expected);
        assert!(out.lines().all(|line| line.len() <= MARGIN));
    }

    #[test]
    fn lines_replace_their_placeholder_line() {
        let mut splices = Splices::default();
        let ident = splices.lines(vec!["/// A.".to_owned(), "A,".to_owned()]);
        let formatted = format!("pub enum E {{\n    {ident},\n}}\n");
        assert_eq!(
            splices.apply(&formatted).unwrap(),
            "pub enum E {\n    /// A.\n    A,\n}\n"
        );
    }

    #[test]
    fn catalogue_text_cannot_forge_a_placeholder() {
        let mut splices = Splices::default();
        splices.array(strings(&["x"]), Layout::Tall);
        let formatted = "/// __errcat_splice!(0)\nconst S: &str = \"__errcat_splice!(0)\";\nconst A: [&str; 1] = __errcat_splice!(0);\n";
        assert_eq!(
            splices.apply(formatted).unwrap(),
            "/// __errcat_splice!(0)\nconst S: &str = \"__errcat_splice!(0)\";\nconst A: [&str; 1] = [\"x\"];\n"
        );
        let mut missing = Splices::default();
        missing.array(Vec::new(), Layout::Tall);
        assert_eq!(
            missing.apply("/// __errcat_splice!(0)\n"),
            Err("placeholder 0 is missing".to_owned())
        );
    }

    #[test]
    fn literals_match_proc_macro2() {
        for text in [
            "plain",
            "quote \" and \\ backslash",
            "tab\t nul\0 7",
            "café — ok",
            "it's",
            "zero\u{200b}width \" é",
            "",
        ] {
            assert_eq!(
                string_literal(text),
                Literal::string(text).to_string(),
                "{text:?}"
            );
        }
    }
}
