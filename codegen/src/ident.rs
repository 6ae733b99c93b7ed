//! Rust names from catalogue text: case conversion, keywords and collisions.
//!
//! Every name the generated code declares passes through here before any code is
//! emitted, so a catalogue that would not compile is refused with a message that
//! names the code it came from.

use heck::ToUpperCamelCase;

/// Associated items the generated enum declares. A variant with one of these names
/// would clash with them, since variants and associated items share a namespace.
/// (The metadata tables are statics local to their accessors, so their names are free.)
pub const ASSOCIATED_ITEMS: &[&str] = &["ALL"];

/// Names the generated code declares beside the enum (serde helpers, generic
/// parameters). An enum with one of these names would be shadowed inside the
/// generated impls, so the name is refused.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "A",
    "AnyCode",
    "BodyVisitor",
    "D",
    "E",
    "Key",
    "KeyVisitor",
    "KnownCode",
    "Member",
    "ResponseKey",
    "ResponseKeyVisitor",
    "ResponseVisitor",
    "S",
    "Text",
    "TextCheck",
];

/// Keywords of every edition, strict and reserved (`gen` since 2024).
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `name` is a Rust keyword in any edition.
#[must_use]
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// The variant name a code derives: heck's `UpperCamelCase`, so `bad_verification_code`,
/// `bad-verification-code` and `bad.verification.code` all give `BadVerificationCode`.
#[must_use]
pub fn derive_variant(code: &str) -> String {
    if code
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        // The usual snake_case code, without heck's per-word allocations: the same
        // words (split at `_` only, since lowercase letters and digits have no case
        // boundaries), each with its first letter in upper case.
        let mut name = String::with_capacity(code.len());
        for word in code.split('_') {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                name.push(first.to_ascii_uppercase());
                name.push_str(chars.as_str());
            }
        }
        return name;
    }
    code.to_upper_camel_case()
}

/// Checks that `name` can name a generated type or variant: a non-keyword
/// identifier in `UpperCamelCase` (an uppercase first letter, no underscores).
///
/// # Errors
///
/// Returns why the name is unusable, in words that complete "`name` ...".
pub fn check_type_name(name: &str) -> Result<(), String> {
    let Some(first) = name.chars().next() else {
        return Err("is empty".to_owned());
    };
    if is_keyword(name) {
        // `Self` is the only keyword in UpperCamelCase, and it cannot be a raw identifier.
        return Err("is a Rust keyword that cannot be used as a name".to_owned());
    }
    if first.is_ascii_digit() {
        return Err("starts with a digit".to_owned());
    }
    if first.is_ascii_uppercase() && name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // An ASCII name of letters and digits is an identifier; only the rare other
        // names need syn to tell.
        return Ok(());
    }
    if syn::parse_str::<syn::Ident>(name).is_err() {
        return Err("is not a Rust identifier".to_owned());
    }
    if !first.is_uppercase() || name.contains('_') {
        return Err(
            "is not UpperCamelCase (an uppercase first letter and no underscores)".to_owned(),
        );
    }
    Ok(())
}

/// Checks the enum's name: a usable type name that is not one of
/// [`RESERVED_TYPE_NAMES`].
///
/// # Errors
///
/// Returns why the name is unusable, in words that complete "`name` ...".
pub fn check_enum_name(name: &str) -> Result<(), String> {
    check_type_name(name)?;
    if RESERVED_TYPE_NAMES.contains(&name) {
        return Err("is a name the generated code uses for a helper of its own".to_owned());
    }
    Ok(())
}

/// Checks a variant name: a usable type name that is not one of [`ASSOCIATED_ITEMS`].
///
/// # Errors
///
/// Returns why the name is unusable, in words that complete "`name` ...".
pub fn check_variant_name(name: &str) -> Result<(), String> {
    check_type_name(name)?;
    if ASSOCIATED_ITEMS.contains(&name) {
        return Err("clashes with an associated item of the generated enum".to_owned());
    }
    Ok(())
}

/// Pairs of positions in `names` that hold the same name, each pair `(first, later)`,
/// over the whole set. Every later duplicate is paired with the first occurrence.
#[must_use]
pub fn collisions<S: AsRef<str>>(names: &[S]) -> Vec<(usize, usize)> {
    let mut seen = std::collections::HashMap::with_capacity(names.len());
    let mut pairs = Vec::new();
    for (index, name) in names.iter().enumerate() {
        if let Some(&first) = seen.get(name.as_ref()) {
            pairs.push((first, index));
        } else {
            seen.insert(name.as_ref(), index);
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_codes_derive_what_heck_derives() {
        let mut codes: Vec<String> = [
            "bad_verification_code",
            "has_2fa",
            "2fa_required",
            "_leading",
            "trailing_",
            "double__underscore",
            "_",
            "a",
            "x9_y8z",
            "oauth2_token_v2",
        ]
        .iter()
        .map(|code| (*code).to_owned())
        .collect();
        // Every short string over the fast path's alphabet.
        let alphabet = ['a', 'z', '0', '9', '_'];
        for first in alphabet {
            for second in alphabet {
                for third in alphabet {
                    codes.push([first, second, third].iter().collect());
                }
            }
        }
        for code in &codes {
            assert_eq!(derive_variant(code), code.to_upper_camel_case(), "{code:?}");
        }
    }

    #[test]
    fn codes_convert_with_heck() {
        let cases = [
            ("incorrect_client_credentials", "IncorrectClientCredentials"),
            ("redirect_uri_mismatch", "RedirectUriMismatch"),
            ("bad-code", "BadCode"),
            ("bad.code", "BadCode"),
            ("BAD_CODE", "BadCode"),
            ("badCode", "BadCode"),
            ("slow_down", "SlowDown"),
            ("invalid_grant2", "InvalidGrant2"),
            ("self", "Self"),
            ("type", "Type"),
            ("404", "404"),
            ("--", ""),
        ];
        for (code, expected) in cases {
            assert_eq!(derive_variant(code), expected, "code {code:?}");
        }
    }

    #[test]
    fn usable_type_names() {
        for name in [
            "TokenRequestError",
            "A",
            "Http2Error",
            "HTTPError",
            "Type",
            "Match",
        ] {
            assert_eq!(check_type_name(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn unusable_type_names() {
        let cases = [
            ("", "is empty"),
            ("Self", "is a Rust keyword that cannot be used as a name"),
            ("type", "is a Rust keyword that cannot be used as a name"),
            ("404", "starts with a digit"),
            ("1Error", "starts with a digit"),
            ("Token Error", "is not a Rust identifier"),
            ("Token-Error", "is not a Rust identifier"),
            (
                "tokenError",
                "is not UpperCamelCase (an uppercase first letter and no underscores)",
            ),
            (
                "Token_Error",
                "is not UpperCamelCase (an uppercase first letter and no underscores)",
            ),
            (
                "_Token",
                "is not UpperCamelCase (an uppercase first letter and no underscores)",
            ),
        ];
        for (name, reason) in cases {
            assert_eq!(check_type_name(name), Err(reason.to_owned()), "{name:?}");
        }
    }

    #[test]
    fn variants_may_not_shadow_associated_items() {
        assert_eq!(
            check_variant_name("ALL"),
            Err("clashes with an associated item of the generated enum".to_owned())
        );
        // Case matters: `All` and `Code` live beside `ALL` and `code()`.
        assert_eq!(check_variant_name("All"), Ok(()));
        assert_eq!(check_variant_name("Code"), Ok(()));
        assert_eq!(check_variant_name("FromCode"), Ok(()));
    }

    #[test]
    fn enum_names_may_not_shadow_helpers() {
        for name in ["A", "Member", "Text", "S"] {
            assert_eq!(
                check_enum_name(name),
                Err("is a name the generated code uses for a helper of its own".to_owned())
            );
            // Variants are always qualified, so they may use these names.
            assert_eq!(check_variant_name(name), Ok(()));
        }
        assert_eq!(check_enum_name("TokenRequestError"), Ok(()));
    }

    #[test]
    fn keywords_cover_every_edition() {
        for keyword in [
            "gen", "async", "try", "dyn", "Self", "self", "crate", "super",
        ] {
            assert!(is_keyword(keyword), "{keyword}");
        }
        assert!(!is_keyword("Type"));
    }

    #[test]
    fn collisions_name_both_positions() {
        let names = ["BadCode", "Other", "BadCode", "Other", "BadCode"];
        assert_eq!(collisions(&names), vec![(0, 2), (1, 3), (0, 4)]);
        assert!(collisions(&["A", "B"]).is_empty());
    }
}
