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

/// Formatted pieces of text (array elements, lines) kept end to end in one buffer,
/// so that a list of 10,000 costs two allocations rather than 10,000.
#[derive(Debug, Default)]
pub struct Pieces {
    text: String,
    ends: Vec<usize>,
}

impl Pieces {
    /// Room for `count` pieces of about `bytes_each` bytes.
    pub fn with_capacity(count: usize, bytes_each: usize) -> Self {
        Self {
            text: String::with_capacity(count * bytes_each),
            ends: Vec::with_capacity(count),
        }
    }

    /// Adds the piece that `write` appends to the buffer.
    pub fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        write(&mut self.text);
        self.ends.push(self.text.len());
    }

    /// The pieces, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.ends.iter().scan(0, |start, &end| {
            let piece = &self.text[*start..end];
            *start = end;
            Some(piece)
        })
    }

    fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The bytes of all pieces, plus `per_piece` for each.
    fn size(&self, per_piece: usize) -> usize {
        self.text.len() + per_piece * self.ends.len()
    }
}

#[derive(Debug)]
enum Block {
    Array { elements: Pieces, layout: Layout },
    Lines(Pieces),
}

/// The lists to splice in, in the order their placeholders were made.
#[derive(Debug, Default)]
pub struct Splices {
    blocks: Vec<Block>,
}

impl Splices {
    /// An array expression `[e0, e1, ...]` of already formatted elements; returns the
    /// placeholder expression to put in the tokens.
    pub fn array(&mut self, elements: Pieces, layout: Layout) -> TokenStream {
        let index = Literal::usize_unsuffixed(self.blocks.len());
        self.blocks.push(Block::Array { elements, layout });
        quote! { __errcat_splice!(#index) }
    }

    /// Lines of items (such as enum variants with their docs), each already
    /// formatted and without indentation; returns the placeholder variant to put
    /// where they go.
    pub fn lines(&mut self, lines: Pieces) -> Ident {
        let ident = Ident::new(
            &format!("{VARIANTS_MARK}{}", self.blocks.len()),
            Span::call_site(),
        );
        self.blocks.push(Block::Lines(lines));
        ident
    }

    /// `head` followed by `formatted` (prettyplease's output for the tokens holding
    /// the placeholders) with every placeholder replaced by its list.
    ///
    /// # Errors
    ///
    /// When a placeholder is missing or found twice: a bug in the emitter, reported
    /// with the block's number.
    pub fn apply(&self, head: &str, formatted: &str) -> Result<String, String> {
        let size = self
            .blocks
            .iter()
            .map(|block| match block {
                Block::Array { elements, .. } => elements.size(16),
                Block::Lines(lines) => lines.size(8),
            })
            .sum::<usize>();
        let mut out = String::with_capacity(head.len() + formatted.len() + size);
        out.push_str(head);
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
                    for item in lines.iter() {
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
    elements: &Pieces,
    layout: Layout,
    after: &str,
) {
    let one_line = before.len() + after.len() + 2 + elements.size(2);
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
            for element in elements.iter() {
                let _ = writeln!(out, "{indent}{INDENT}{element},");
            }
        }
        Layout::Packed => {
            let mut width = 0;
            for element in elements.iter() {
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

/// Appends `text` as a Rust string literal, escaped as `proc_macro2::Literal::string`
/// does. Catalogue text is mostly printable; only text with ASCII control
/// characters (rare, and with `\0` rules of its own) goes through proc-macro2 itself.
pub fn write_string_literal(literal: &mut String, text: &str) {
    if text.bytes().any(|b| b.is_ascii_control()) {
        literal.push_str(&Literal::string(text).to_string());
        return;
    }
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
}

/// `text` as `///` lines, as prettyplease prints the `#[doc]` attributes of
/// [`super::doc::attrs`].
pub fn doc_lines(text: &str, lines: &mut Pieces) {
    for line in text.lines() {
        let line = line.trim_end_matches(' ');
        lines.push_with(|out| {
            out.push_str("///");
            if !line.is_empty() {
                out.push(' ');
                out.push_str(line);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl<S: AsRef<str>> FromIterator<S> for Pieces {
        fn from_iter<I: IntoIterator<Item = S>>(pieces: I) -> Self {
            let mut all = Self::default();
            for piece in pieces {
                all.push_with(|text| text.push_str(piece.as_ref()));
            }
            all
        }
    }

    fn string_literal(text: &str) -> String {
        let mut literal = String::new();
        write_string_literal(&mut literal, text);
        literal
    }

    fn strings(items: &[&str]) -> Pieces {
        items.iter().map(|item| string_literal(item)).collect()
    }

    #[test]
    fn short_arrays_stay_on_one_line() {
        let mut splices = Splices::default();
        let placeholder = splices.array(strings(&["a", "b"]), Layout::Tall);
        let formatted = format!("    const A: [&str; 2] = {placeholder};\n");
        let formatted = formatted.replace(" ! (", "!(").replace(" )", ")");
        assert_eq!(
            splices.apply("", &formatted).unwrap(),
            "    const A: [&str; 2] = [\"a\", \"b\"];\n"
        );
    }

    #[test]
    fn long_arrays_break_tall_or_packed() {
        let long: Vec<String> = (0..12).map(|i| format!("\"element number {i}\"")).collect();
        let numbers: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let mut splices = Splices::default();
        splices.array(long.iter().collect(), Layout::Tall);
        splices.array(numbers.iter().collect(), Layout::Packed);
        let formatted = "    const A: [&str; 12] = __errcat_splice!(0);\n    static B: [u16; 40] = &__errcat_splice!(1);\n";
        let out = splices.apply("", formatted).unwrap();
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
        let ident = splices.lines(["/// A.", "A,"].into_iter().collect());
        let formatted = format!("pub enum E {{\n    {ident},\n}}\n");
        assert_eq!(
            splices.apply("", &formatted).unwrap(),
            "pub enum E {\n    /// A.\n    A,\n}\n"
        );
    }

    #[test]
    fn catalogue_text_cannot_forge_a_placeholder() {
        let mut splices = Splices::default();
        splices.array(strings(&["x"]), Layout::Tall);
        let formatted = "/// __errcat_splice!(0)\nconst S: &str = \"__errcat_splice!(0)\";\nconst A: [&str; 1] = __errcat_splice!(0);\n";
        assert_eq!(
            splices.apply("", formatted).unwrap(),
            "/// __errcat_splice!(0)\nconst S: &str = \"__errcat_splice!(0)\";\nconst A: [&str; 1] = [\"x\"];\n"
        );
        let mut missing = Splices::default();
        missing.array(Pieces::default(), Layout::Tall);
        assert_eq!(
            missing.apply("", "/// __errcat_splice!(0)\n"),
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
