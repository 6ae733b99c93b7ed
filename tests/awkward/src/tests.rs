//! Runs the generated code: every variant of every catalogue round-trips through
//! its code, `FromStr`, `TryFrom`, JSON and the response type, and the awkward
//! text comes out exactly as the catalogue wrote it.

use super::{
    awkward_text, code_shapes, core_only, custom_wire, keywords, large, reference, single,
};

/// Checks every variant of `$enum` (with `$response` its response type).
macro_rules! check_enum {
    ($enum:ty, $response:ty) => {{
        let all: &[$enum] = <$enum>::ALL;
        assert!(!all.is_empty());
        for (index, &error) in all.iter().enumerate() {
            let code = error.code();
            assert_eq!(<$enum>::from_code(code), Some(error), "from_code({code:?})");
            assert_eq!(code.parse::<$enum>().ok(), Some(error));
            assert_eq!(<$enum>::try_from(code).ok(), Some(error));
            assert_eq!(<&'static str>::from(error), code);
            // Codes are distinct, so ALL is in catalogue order without repeats.
            assert_eq!(all.iter().position(|&e| e == error), Some(index));
            let json = serde_json::to_string(&error).expect("serialize");
            assert_eq!(json, error.json(), "json() of {code:?}");
            let body: serde_json::Value = serde_json::from_str(&json).expect("json() parses");
            assert_eq!(
                body.as_object().map(|o| o.len()),
                Some(2 + usize::from(error.uri().is_some()))
            );
            assert_eq!(
                serde_json::from_str::<$enum>(&json).expect("deserialize"),
                error
            );
            let response: $response = serde_json::from_str(&json).expect("response");
            assert_eq!(response.known(), Some(error));
            assert_eq!(response.code(), code);
            assert_eq!(response.description(), Some(error.description()));
            assert_eq!(response.uri(), error.uri());
            assert_eq!(
                serde_json::to_string(&response).expect("serialize response"),
                json
            );
            assert_eq!(<$response>::from(error).code(), code);
        }
        let unknown = "surely not a code \u{1f980}";
        assert_eq!(<$enum>::from_code(unknown), None);
        assert!(unknown.parse::<$enum>().is_err());
    }};
}

#[test]
fn keyword_codes() {
    use keywords::KeywordError as E;
    check_enum!(E, keywords::KeywordErrorResponse);
    let expected = [
        (E::Type, "type"),
        (E::Async, "async"),
        (E::Gen, "gen"),
        (E::Match, "match"),
        (E::Try, "try"),
        (E::Dyn, "dyn"),
        (E::Fn, "fn"),
        (E::Impl, "impl"),
        (E::Crate, "crate"),
        (E::Super, "super"),
        (E::SelfValue, "self"),
        (E::SelfType, "Self"),
        (E::RType, "r#type"),
        (E::Union, "union"),
        (E::MacroRules, "macro_rules"),
    ];
    assert_eq!(E::ALL.len(), expected.len());
    for (error, code) in expected {
        assert_eq!(error.code(), code);
    }
}

#[test]
fn code_shapes() {
    use code_shapes::ShapeError as E;
    check_enum!(E, code_shapes::ShapeErrorResponse);
    let expected = [
        (E::InvalidRequest, "invalid.request"),
        (E::SlowDown, "slow-down"),
        (E::Http2Error, "http2_error"),
        (E::Error404, "error404"),
        (E::UpperCaseCode, "UPPER_CASE_CODE"),
        (E::CamelCaseCode, "camelCaseCode"),
        (E::PascalCaseCode, "PascalCaseCode"),
        (E::X, "x"),
        (E::A1B2C3D4, "a1.b2-c3_d4"),
        (E::All, "all"),
        (E::Code, "code"),
        (E::FromCode, "from_code"),
        (E::Json, "json"),
        (E::Display, "display"),
        (E::FromStr, "from_str"),
        (E::Some, "some"),
        (E::None, "none"),
        (E::Ok, "ok"),
        (E::Err, "err"),
        (E::Default, "default"),
        (E::JSON, "json-table"),
        (E::NotFound, "404"),
        (E::ÜberFehler, "über_fehler"),
        (E::Cuowu, "错误"),
    ];
    assert_eq!(E::ALL.len(), expected.len());
    for (error, code) in expected {
        assert_eq!(error.code(), code);
    }
    // Case-sensitive and exact.
    assert_eq!(E::from_code("ALL"), None);
    assert_eq!(E::from_code("slow_down"), None);
    assert_eq!(E::from_code(" x"), None);
}

#[test]
fn awkward_text_comes_out_exactly() {
    use awkward_text::TextError as E;
    check_enum!(E, awkward_text::TextErrorResponse);
    assert_eq!(
        E::Quotes.description(),
        "She said \"no\"; r#\"raw\"# is not raw here; \\ is a backslash."
    );
    assert_eq!(E::Quotes.title(), "Quotes \" and \"# and '");
    assert_eq!(
        E::Comments.description(),
        "Comment markers: */ closes, /* opens, // starts a line comment, /** doc */."
    );
    assert_eq!(
        E::Lines.description(),
        "First line\nsecond line\r\nthird\ttabbed\n\n    indented like a doctest\n"
    );
    assert_eq!(
        E::Nul.description(),
        "A NUL \0 byte, a bell \x07, an escape \x1b and DEL \x7f."
    );
    assert_eq!(
        E::Emoji.description(),
        "Crab 🦀, family 👨‍👩‍👧 (ZWJ), flag 🇺🇳, skin tone 👍🏽."
    );
    assert_eq!(E::Rtl.title(), "خطأ");
    assert!(E::Rtl.description().contains("\u{202e}"));
    assert_eq!(
        E::Unicode.description(),
        "Combining e\u{301}, zero width \u{200b}, BOM \u{feff}, line separator \u{2028}, astral 𝕏, non-character \u{ffff}."
    );
    assert_eq!(
        E::Rust.description(),
        "#[doc = \"x\"] #![allow(warnings)] macro_rules! x { } r\"x\" b'x' '\\u{0}' 0x1F 1e3 ::core"
    );
    assert_eq!(E::Markdown.uri(), Some("https://example.com/a_b*c#frag(1)"));
    // JSON escapes what JSON must, and nothing else.
    assert_eq!(
        E::Nul.json(),
        // DEL is not a control character to JSON: it stays as it is.
        "{\"error\":\"nul\",\"error_description\":\"A NUL \\u0000 byte, a bell \\u0007, an escape \\u001b and DEL \x7f.\"}"
    );
}

#[test]
fn display_never_expands_text_inside_a_description() {
    use awkward_text::TextError as E;
    assert_eq!(
        E::Braces.to_string(),
        "[braces] Braces — Braces {code} {description} {uri} {title} {{ }} { } {0} {:?} } { <> {literal}"
    );
    assert_eq!(
        E::Liquid.to_string(),
        "[liquid] Liquid — {% note %}Liquid{% endnote %} {{ site.title }} {% raw %}{{x}}{% endraw %} </relative/path#anchor> {literal}"
    );
    assert_eq!(
        core_only::awkward_text::TextError::Braces.to_string(),
        E::Braces.to_string()
    );
}

#[test]
fn custom_wire_names() {
    use custom_wire::WireError as E;
    check_enum!(E, custom_wire::WireErrorResponse);
    assert_eq!(
        E::One.json(),
        r#"{"type":"one","message \"text\"":"First.","ünï":"https://example.com/one"}"#
    );
    assert_eq!(
        E::Two.json(),
        r#"{"type":"two","message \"text\"":"Second, without a URI."}"#
    );
    assert_eq!(E::One.to_string(), "{one}");
    let response: custom_wire::WireErrorResponse =
        serde_json::from_str(r#"{"type":"three","error":"not the code member"}"#).expect("body");
    assert_eq!(response.known(), None);
    assert_eq!(response.code(), "three");
    assert_eq!(
        response.extension("error"),
        Some(&serde_json::json!("not the code member"))
    );
}

#[test]
fn the_smallest_and_the_reference_catalogues() {
    check_enum!(single::Single, single::SingleResponse);
    assert_eq!(single::Single::A.to_string(), "a: A.");
    check_enum!(
        reference::TokenRequestError,
        reference::TokenRequestErrorResponse
    );
    assert_eq!(reference::TokenRequestError::ALL.len(), 4);
}

#[test]
fn core_only_output_works_without_serde() {
    use core_only::awkward_text::TextError as E;
    for &error in E::ALL {
        assert_eq!(E::from_code(error.code()), Some(error));
    }
    assert_eq!(
        E::Nul.description(),
        awkward_text::TextError::Nul.description()
    );
    assert_eq!(E::Nul.json(), awkward_text::TextError::Nul.json());
}

#[test]
fn compiled_proptest_sample() {
    check_enum!(super::sample_0::Sample, super::sample_0::SampleResponse);
    check_enum!(super::sample_1::Sample, super::sample_1::SampleResponse);
    check_enum!(super::sample_2::Sample, super::sample_2::SampleResponse);
    check_enum!(super::sample_3::Sample, super::sample_3::SampleResponse);
    check_enum!(super::sample_4::Sample, super::sample_4::SampleResponse);
    check_enum!(super::sample_5::Sample, super::sample_5::SampleResponse);
}

#[test]
fn a_large_catalogue_finds_every_code_and_nothing_else() {
    use large::large::LargeError as E;
    assert_eq!(E::ALL.len(), 3_000);
    let codes: std::collections::HashSet<&str> = E::ALL.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), E::ALL.len(), "the codes are distinct");
    let lengths: std::collections::HashSet<usize> = codes.iter().map(|code| code.len()).collect();
    assert!(
        (1..=80).all(|length| lengths.contains(&length)),
        "{lengths:?}"
    );
    for &error in E::ALL {
        let code = error.code();
        assert_eq!(E::from_code(code), Some(error), "from_code({code:?})");
        assert_eq!(code.parse::<E>(), Ok(error));
        // Near misses: one byte more, one byte less, the last byte changed.
        let longer = format!("{code}z");
        let shorter = &code[..code.len() - 1];
        let changed = format!("{shorter}\u{1}");
        for miss in [longer.as_str(), shorter, changed.as_str()] {
            if !codes.contains(miss) {
                assert_eq!(E::from_code(miss), None, "from_code({miss:?})");
            }
        }
    }
}
