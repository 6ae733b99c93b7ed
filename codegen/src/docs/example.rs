//! The example of each section, rendered from the wire fields.
//!
//! A `json` example is the pretty body exactly as `serde_json::to_string_pretty`
//! writes the generated type. A `query` example is the redirect that carries the
//! error: the callback URL and the wire members as a form-encoded query string, one
//! member per line, `+` for a space and `%23` for `#` as the authorization page
//! writes them.

use std::fmt::Write as _;

use crate::catalogue::{Catalogue, ErrorDef, Example};

/// The indentation of an indented code block.
pub const CODE_INDENT: &str = "    ";
/// The extra indentation of the continuation lines of a query example.
pub const QUERY_CONTINUATION: &str = "  ";

/// The example block of `error`, ending in a line break.
#[must_use]
pub fn render(catalogue: &Catalogue, error: &ErrorDef) -> String {
    match &catalogue.docs.example {
        Example::Json => json(catalogue, error),
        Example::Query { callback, state } => query(catalogue, error, callback, state.as_deref()),
    }
}

/// A fenced `json` block of the pretty body.
#[must_use]
pub fn json(catalogue: &Catalogue, error: &ErrorDef) -> String {
    json_block(&catalogue.wire_members(error))
}

/// A fenced `json` block of a body with `members`, in order.
#[must_use]
pub fn json_block(members: &[(&str, &str)]) -> String {
    let body: Vec<String> = members
        .iter()
        .map(|(name, value)| format!("  {}: {}", json_string(name), json_string(value)))
        .collect();
    format!("```json\n{{\n{}\n}}\n```\n", body.join(",\n"))
}

fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// An indented block: `callback?code=…`, then `&name=value` per member, then
/// `&state=…` when the page shows a state.
#[must_use]
pub fn query(
    catalogue: &Catalogue,
    error: &ErrorDef,
    callback: &str,
    state: Option<&str>,
) -> String {
    let mut pairs = catalogue.wire_members(error);
    if let Some(state) = state {
        pairs.push(("state", state));
    }
    query_block(callback, &pairs)
}

/// An indented block: `callback?name=value` for the first pair, `&name=value` for
/// each one after it.
#[must_use]
pub fn query_block(callback: &str, pairs: &[(&str, &str)]) -> String {
    let mut block = String::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        block.push_str(CODE_INDENT);
        if i == 0 {
            block.push_str(callback);
            block.push('?');
        } else {
            block.push_str(QUERY_CONTINUATION);
            block.push('&');
        }
        block.push_str(&form_encode(name));
        block.push('=');
        block.push_str(&form_encode(value));
        block.push('\n');
    }
    block
}

/// `application/x-www-form-urlencoded` text as a reader wants to see it: a space is
/// `+`; `%`, `&`, `+`, `#`, `=`, other whitespace and control characters are
/// percent-encoded; everything else, `/`, `@` and non-ASCII letters included, stays.
/// Any form decoder reads it back to the same text.
#[must_use]
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' ' => out.push('+'),
            '%' | '&' | '+' | '#' | '=' => percent_encode(c, &mut out),
            c if c.is_control() || c.is_whitespace() => percent_encode(c, &mut out),
            c => out.push(c),
        }
    }
    out
}

fn percent_encode(c: char, out: &mut String) {
    let mut bytes = [0; 4];
    for byte in c.encode_utf8(&mut bytes).bytes() {
        let _ = write!(out, "%{byte:02X}");
    }
}

/// Decodes form-encoded text: `+` is a space, `%XX` a byte.
///
/// # Errors
///
/// Says what is wrong: a `%` without two hex digits, or bytes that are not UTF-8.
pub fn form_decode(text: &str) -> Result<String, String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = rest
                    .get(..2)
                    .and_then(|hex| std::str::from_utf8(hex).ok())
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                    .ok_or_else(|| "`%` is not followed by two hex digits".to_owned())?;
                bytes.push(hex);
                rest = &rest[2..];
            }
            byte => bytes.push(byte),
        }
    }
    String::from_utf8(bytes).map_err(|_| "the decoded text is not UTF-8".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_the_authorization_page_does() {
        assert_eq!(
            form_encode("Your application has been suspended. Contact support@github.com."),
            "Your+application+has+been+suspended.+Contact+support@github.com."
        );
        assert_eq!(
            form_encode("/apps/x/#access-denied"),
            "/apps/x/%23access-denied"
        );
        assert_eq!(form_encode("a+b=c&d%e\tf\ng"), "a%2Bb%3Dc%26d%25e%09f%0Ag");
        assert_eq!(form_encode("café\u{a0}au lait"), "café%C2%A0au+lait");
    }

    #[test]
    fn decodes_what_it_encodes() {
        for text in ["a+b=c&d%e\tf\ng #x", "café\u{a0}au lait", "", "%", "plain"] {
            assert_eq!(
                form_decode(&form_encode(text)).as_deref(),
                Ok(text),
                "{text:?}"
            );
        }
        assert_eq!(
            form_decode("%2"),
            Err("`%` is not followed by two hex digits".to_owned())
        );
        assert_eq!(
            form_decode("%zz"),
            Err("`%` is not followed by two hex digits".to_owned())
        );
        assert_eq!(
            form_decode("%FF"),
            Err("the decoded text is not UTF-8".to_owned())
        );
    }
}
