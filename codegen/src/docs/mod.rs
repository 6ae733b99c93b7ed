//! The Markdown emitter: a [`Catalogue`] to its docs page.
//!
//! The page is `---`, the front matter, `---`, the preamble, then one section per
//! error: its heading, summary, example and resolution, each block separated from
//! the next by one blank line. Catalogue text goes onto the page verbatim; the
//! example is rendered from the wire fields ([`example`]), never copied, so the page
//! shows what the code sends. [`crate::import`] reads such a page back.

pub mod example;

use crate::catalogue::{Catalogue, ErrorDef};

/// The docs page of `catalogue`.
#[must_use]
pub fn render(catalogue: &Catalogue) -> String {
    let docs = &catalogue.docs;
    let mut page = String::new();
    if let Some(front_matter) = &docs.front_matter {
        page.push_str("---\n");
        page.push_str(&text_block(front_matter));
        page.push_str("---\n");
    }
    let mut blocks = Vec::with_capacity(1 + 4 * catalogue.errors.len());
    if let Some(preamble) = &docs.preamble {
        blocks.push(text_block(preamble));
    }
    for error in &catalogue.errors {
        section(catalogue, error, &mut blocks);
    }
    page.push_str(&blocks.join("\n"));
    page
}

/// The blocks of one error's section.
fn section(catalogue: &Catalogue, error: &ErrorDef, blocks: &mut Vec<String>) {
    blocks.push(heading(error));
    if let Some(summary) = &error.summary {
        blocks.push(text_block(summary));
    }
    blocks.push(example::render(catalogue, error));
    if let Some(resolution) = &error.resolution {
        blocks.push(text_block(resolution));
    }
}

/// `## Title`, at the error's level.
#[must_use]
pub fn heading(error: &ErrorDef) -> String {
    format!(
        "{} {}\n",
        "#".repeat(usize::from(error.heading_level)),
        error.title
    )
}

/// Catalogue text as a block of lines: verbatim, with a final line break added when
/// the catalogue wrote none (a plain scalar). Empty text stays empty, which shows as
/// one more blank line between its neighbours.
fn text_block(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn catalogue(yaml: &str) -> Catalogue {
        crate::catalogue::parse(yaml.as_bytes(), Path::new("test.yaml")).unwrap()
    }

    #[test]
    fn renders_blocks_separated_by_one_blank_line() {
        let page = render(&catalogue(
            "version: 1\nname: TestError\ndocs:\n  front_matter: 'title: T'\n  preamble: Intro.\n\
             errors:\n  - code: a_b\n    description: D\n    summary: S\n    resolution: R\n",
        ));
        assert_eq!(
            page,
            "---\ntitle: T\n---\nIntro.\n\n## A b\n\nS\n\n```json\n{\n  \"error\": \"a_b\",\n  \
             \"error_description\": \"D\"\n}\n```\n\nR\n"
        );
    }

    #[test]
    fn leaves_out_what_the_catalogue_leaves_out() {
        let page = render(&catalogue(
            "version: 1\nname: TestError\nerrors:\n  - code: a\n    description: D\n    heading_level: 3\n",
        ));
        assert_eq!(
            page,
            "### A\n\n```json\n{\n  \"error\": \"a\",\n  \"error_description\": \"D\"\n}\n```\n"
        );
    }
}
