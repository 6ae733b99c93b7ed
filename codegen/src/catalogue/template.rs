//! The `display` template: `{code}: {description}` and friends.
//!
//! Parsed once, at load time, so the generated `Display` is a precomputed string
//! and text inside a description is never read as a placeholder.

use super::ErrorDef;

/// The default template.
pub const DEFAULT: &str = "{code}: {description}";

/// A field of an error that a template can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// `{code}`
    Code,
    /// `{description}`
    Description,
    /// `{uri}` (empty when the error has none)
    Uri,
    /// `{title}`
    Title,
}

/// A piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Literal text, braces already unescaped.
    Text(String),
    /// A field of the error.
    Field(Placeholder),
}

/// A parsed `display` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayTemplate {
    segments: Vec<Segment>,
}

impl DisplayTemplate {
    /// Parses `template`; `{{` and `}}` stand for literal braces.
    ///
    /// # Errors
    ///
    /// Says what is wrong: an unknown placeholder or an unmatched brace.
    pub fn parse(template: &str) -> Result<Self, String> {
        let mut segments = Vec::new();
        let mut text = String::new();
        let mut chars = template.chars();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.as_str().starts_with('{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.as_str().starts_with('}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let rest = chars.as_str();
                    let Some(end) = rest.find('}') else {
                        return Err("`{` is never closed".to_owned());
                    };
                    let placeholder = match &rest[..end] {
                        "code" => Placeholder::Code,
                        "description" => Placeholder::Description,
                        "uri" => Placeholder::Uri,
                        "title" => Placeholder::Title,
                        other => return Err(format!("unknown placeholder `{{{other}}}`")),
                    };
                    if !text.is_empty() {
                        segments.push(Segment::Text(std::mem::take(&mut text)));
                    }
                    segments.push(Segment::Field(placeholder));
                    chars = rest[end + 1..].chars();
                }
                '}' => return Err("`}` without a matching `{`".to_owned()),
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            segments.push(Segment::Text(text));
        }
        Ok(Self { segments })
    }

    /// The parsed pieces, in order.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The text for `error`.
    #[must_use]
    pub fn render(&self, error: &ErrorDef) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Text(text) => out.push_str(text),
                Segment::Field(Placeholder::Code) => out.push_str(&error.code),
                Segment::Field(Placeholder::Description) => out.push_str(&error.description),
                Segment::Field(Placeholder::Uri) => {
                    out.push_str(error.uri.as_deref().unwrap_or_default());
                }
                Segment::Field(Placeholder::Title) => out.push_str(&error.title),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error() -> ErrorDef {
        ErrorDef {
            code: "slow_down".to_owned(),
            variant: "SlowDown".to_owned(),
            title: "Slow down".to_owned(),
            description: "Too many {code} requests }{".to_owned(),
            uri: None,
            summary: None,
            resolution: None,
            heading_level: 2,
        }
    }

    #[test]
    fn renders_fields_once_without_expanding_their_text() {
        let template = DisplayTemplate::parse(DEFAULT).unwrap();
        assert_eq!(
            template.render(&error()),
            "slow_down: Too many {code} requests }{"
        );
        let template = DisplayTemplate::parse("{{{title}}} [{uri}]").unwrap();
        assert_eq!(template.render(&error()), "{Slow down} []");
    }

    #[test]
    fn rejects_bad_templates() {
        assert_eq!(
            DisplayTemplate::parse("{name}"),
            Err("unknown placeholder `{name}`".to_owned())
        );
        assert_eq!(
            DisplayTemplate::parse("{code"),
            Err("`{` is never closed".to_owned())
        );
        assert_eq!(
            DisplayTemplate::parse("code}"),
            Err("`}` without a matching `{`".to_owned())
        );
    }
}
