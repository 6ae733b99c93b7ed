//! Warnings about links that drift from the pages they point at.
//!
//! The catalogue keeps every URI as the API sends it, so a URI whose anchor no
//! heading produces is not an error: it is what clients receive. `errcat lint`
//! says so, naming the code and the fix. It knows the pages of the catalogues it
//! is given (their `page_uri`, the `redirect_from` paths of their front matter and
//! the anchors of their headings) and of the catalogues they list under
//! `docs.linked_catalogues`.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::catalogue::{self, Catalogue, Location, Locator};
use crate::{markdown, slug};

/// One catalogue to lint, with the source its positions come from.
#[derive(Debug, Clone)]
pub struct Input {
    /// The catalogue file.
    pub path: PathBuf,
    /// Its text.
    pub source: String,
    /// The validated catalogue.
    pub catalogue: Catalogue,
}

impl Input {
    /// Loads the catalogue at `path`.
    ///
    /// # Errors
    ///
    /// When it cannot be read or is invalid.
    pub fn load(path: &Path) -> Result<Self, catalogue::Error> {
        let catalogue = catalogue::load(path)?;
        let source = std::fs::read_to_string(path).unwrap_or_default();
        Ok(Self {
            path: path.to_owned(),
            source,
            catalogue,
        })
    }
}

/// A warning: where, which code, what drifted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The catalogue.
    pub file: PathBuf,
    /// The entry's key, when it can be placed.
    pub location: Option<Location>,
    /// The entry's code.
    pub code: String,
    /// What drifted.
    pub kind: Kind,
}

/// The kinds of drift.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A URI whose anchor no heading on its target page produces.
    UnknownAnchor {
        /// The URI.
        uri: String,
        /// Its anchor, without `#`.
        anchor: String,
        /// The anchor the error's heading has on that page, when there is one.
        heading_anchor: Option<String>,
    },
    /// A URI to the catalogue's own page under a path the page does not answer to.
    OtherPath {
        /// The URI.
        uri: String,
        /// Its path.
        path: String,
        /// The catalogue's `page_uri`.
        page_uri: Option<String>,
    },
    /// Two headings of the page with the same anchor.
    SameAnchor {
        /// The earlier heading: "the heading of `code`" or "the preamble's heading …".
        first: String,
        /// The shared anchor.
        anchor: String,
        /// The anchor the later heading gets instead.
        numbered: String,
    },
}

impl fmt::Display for Warning {
    /// `file:line:column: code `x`: message` then an indented `help:` line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(location) = self.location {
            write!(f, ":{location}")?;
        }
        let code = &self.code;
        match &self.kind {
            Kind::UnknownAnchor {
                uri,
                anchor,
                heading_anchor,
            } => {
                write!(
                    f,
                    ": code `{code}`: the anchor `#{anchor}` of {uri} is not produced by any heading on its page"
                )?;
                match heading_anchor {
                    Some(heading) => write!(
                        f,
                        "\n  help: the error's heading there has the anchor `#{heading}`: link to it (leave `uri` out to derive it from `page_uri`), or, if the API really sends this URI, fix the page"
                    ),
                    None => write!(
                        f,
                        "\n  help: link to an anchor a heading of that page produces, or fix the page"
                    ),
                }
            }
            Kind::OtherPath {
                uri,
                path,
                page_uri,
            } => {
                write!(
                    f,
                    ": code `{code}`: {uri} points at this catalogue's page under {path}, which is neither `page_uri` nor one of the page's `redirect_from` paths"
                )?;
                let page_uri = page_uri.as_deref().unwrap_or("page_uri");
                write!(
                    f,
                    "\n  help: use {page_uri} (leave `uri` out to derive it), or add {path} to the front matter's `redirect_from`"
                )
            }
            Kind::SameAnchor {
                first,
                anchor,
                numbered,
            } => write!(
                f,
                ": code `{code}`: its heading has the anchor `#{anchor}` of {first}, so it is reached as `#{numbered}`\n  help: give one of the two headings other text"
            ),
        }
    }
}

/// What lint knows about one page.
struct PageInfo {
    /// The paths it answers to (`page_uri` and `redirect_from`), without a final `/`.
    paths: Vec<String>,
    /// Its last path segments, which name the page whatever the directory.
    names: Vec<String>,
    /// The anchors of its error headings, in order (the preamble's headings counted).
    anchors: Vec<String>,
    /// The anchors of all its headings, preamble included.
    all_anchors: Vec<String>,
    /// The codes of its sections, in order.
    codes: Vec<String>,
}

impl PageInfo {
    fn new(catalogue: &Catalogue) -> Self {
        let mut paths: Vec<String> = catalogue
            .page_uri
            .iter()
            .filter_map(|uri| local_path(uri, catalogue.docs_base_uri.as_deref()))
            .map(|(path, _)| path)
            .collect();
        paths.extend(redirect_from(catalogue.docs.front_matter.as_deref()));
        let names = paths.iter().filter_map(|p| last_segment(p)).collect();
        let titles: Vec<&str> = catalogue.errors.iter().map(|e| e.title.as_str()).collect();
        let preamble = catalogue.docs.preamble.as_deref();
        let anchors = slug::section_anchors(preamble, &titles);
        let mut all_anchors = slug::slugs(&preamble.map(markdown::headings).unwrap_or_default());
        all_anchors.extend(anchors.iter().cloned());
        Self {
            paths,
            names,
            anchors,
            all_anchors,
            codes: catalogue.errors.iter().map(|e| e.code.clone()).collect(),
        }
    }
}

/// The catalogues that `inputs` list under `docs.linked_catalogues`, other than
/// `inputs` themselves, each loaded once.
///
/// # Errors
///
/// When a linked catalogue cannot be read or is invalid.
pub fn linked(inputs: &[Input]) -> Result<Vec<Catalogue>, catalogue::Error> {
    let identity = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut seen: Vec<PathBuf> = inputs.iter().map(|i| identity(&i.path)).collect();
    let mut linked = Vec::new();
    for input in inputs {
        let dir = input.path.parent().unwrap_or_else(|| Path::new(""));
        for relative in &input.catalogue.docs.linked_catalogues {
            let path = dir.join(relative);
            if seen.contains(&identity(&path)) {
                continue;
            }
            seen.push(identity(&path));
            linked.push(catalogue::load(&path)?);
        }
    }
    Ok(linked)
}

/// Lints every catalogue in `inputs` against the pages of all of them and of
/// `linked` (see [`linked`]), which are not linted themselves.
#[must_use]
pub fn lint(inputs: &[Input], linked: &[Catalogue]) -> Vec<Warning> {
    let pages: Vec<PageInfo> = inputs
        .iter()
        .map(|i| &i.catalogue)
        .chain(linked)
        .map(PageInfo::new)
        .collect();
    let mut warnings = Vec::new();
    for (own, input) in inputs.iter().enumerate() {
        let locator = Locator::new(&input.source);
        let mut warn = |index: usize, key: &str, code: &str, kind| {
            warnings.push(Warning {
                file: input.path.clone(),
                location: locator.entry_key(index, key),
                code: code.to_owned(),
                kind,
            });
        };
        let catalogue = &input.catalogue;
        let base = catalogue.docs_base_uri.as_deref();
        for (index, error) in catalogue.errors.iter().enumerate() {
            let Some(uri) = &error.uri else { continue };
            let Some((path, anchor)) = local_path(uri, base) else {
                continue;
            };
            let target = match pages.iter().position(|page| page.paths.contains(&path)) {
                Some(target) => Some(target),
                None if last_segment(&path).is_some_and(|n| pages[own].names.contains(&n)) => {
                    warn(
                        index,
                        "uri",
                        &error.code,
                        Kind::OtherPath {
                            uri: uri.clone(),
                            path: path.clone(),
                            page_uri: catalogue.page_uri.clone(),
                        },
                    );
                    Some(own)
                }
                None => None,
            };
            let (Some(target), Some(anchor)) = (target, anchor) else {
                continue;
            };
            let page = &pages[target];
            if page.all_anchors.contains(&anchor) {
                continue;
            }
            let heading_anchor = page
                .codes
                .iter()
                .position(|code| *code == error.code)
                .map(|at| page.anchors[at].clone());
            warn(
                index,
                "uri",
                &error.code,
                Kind::UnknownAnchor {
                    uri: uri.clone(),
                    anchor,
                    heading_anchor,
                },
            );
        }
        let preamble_headings = catalogue
            .docs
            .preamble
            .as_deref()
            .map(markdown::headings)
            .unwrap_or_default();
        for (index, error) in catalogue.errors.iter().enumerate() {
            let anchor = slug::slug(&error.title);
            let in_preamble = preamble_headings
                .iter()
                .find(|heading| slug::slug(heading) == anchor)
                .map(|heading| format!("the preamble's heading {heading:?}"));
            let first = in_preamble.or_else(|| {
                catalogue.errors[..index]
                    .iter()
                    .find(|earlier| slug::slug(&earlier.title) == anchor)
                    .map(|earlier| format!("the heading of `{}`", earlier.code))
            });
            if let Some(first) = first {
                warn(
                    index,
                    "title",
                    &error.code,
                    Kind::SameAnchor {
                        first,
                        anchor,
                        numbered: pages[own].anchors[index].clone(),
                    },
                );
            }
        }
    }
    warnings
}

/// The path of `uri` on the docs site (without a final `/`) and its anchor; `None`
/// for a URI to another site.
fn local_path(uri: &str, base: Option<&str>) -> Option<(String, Option<String>)> {
    let relative = match base.map(|b| b.trim_end_matches('/')) {
        Some(base) if !base.is_empty() && uri.starts_with(base) => &uri[base.len()..],
        _ => uri,
    };
    if relative.contains("://") {
        return None;
    }
    let (path, anchor) = match relative.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor.to_owned())),
        None => (relative, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    Some((path.trim_end_matches('/').to_owned(), anchor))
}

fn last_segment(path: &str) -> Option<String> {
    path.rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The `redirect_from` paths of the front matter, without a final `/`.
fn redirect_from(front_matter: Option<&str>) -> Vec<String> {
    let value = front_matter.and_then(|text| serde_yaml::from_str::<serde_yaml::Value>(text).ok());
    let Some(redirects) = value.as_ref().and_then(|v| v.get("redirect_from")) else {
        return Vec::new();
    };
    let paths: Vec<&str> = match redirects {
        serde_yaml::Value::String(one) => vec![one.as_str()],
        serde_yaml::Value::Sequence(many) => many.iter().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    };
    paths
        .into_iter()
        .map(|p| p.trim_end_matches('/').to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(yaml: &str) -> Input {
        let path = PathBuf::from("test.yaml");
        Input {
            catalogue: catalogue::parse(yaml.as_bytes(), &path).unwrap(),
            source: yaml.to_owned(),
            path,
        }
    }

    #[test]
    fn finds_paths_and_anchors() {
        assert_eq!(
            local_path("https://docs.example/a/b/#c", Some("https://docs.example/")),
            Some(("/a/b".to_owned(), Some("c".to_owned())))
        );
        assert_eq!(local_path("https://elsewhere.example/a#b", None), None);
        assert_eq!(local_path("/a?x=1", None), Some(("/a".to_owned(), None)));
        assert_eq!(
            redirect_from(Some("redirect_from: /one/\ntitle: t\n")),
            ["/one"]
        );
    }

    #[test]
    fn preamble_headings_are_headings_of_the_page() {
        let yaml = "version: 1\nname: TestError\npage_uri: /p/\ndocs:\n  preamble: |\n    ## Overview\nerrors:\n  - code: a\n    title: Overview\n    description: D\n  - code: b\n    description: D\n    uri: /p/#overview\n";
        let warnings = lint(&[input(yaml)], &[]);
        // The preamble's heading takes `#overview`, so `b` links to it, not to `a`,
        // whose default URI is `#overview-1`; the repeat is reported, not the link.
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].code, "a");
        assert_eq!(
            warnings[0].kind,
            Kind::SameAnchor {
                first: "the preamble's heading \"Overview\"".to_owned(),
                anchor: "overview".to_owned(),
                numbered: "overview-1".to_owned()
            }
        );
        let catalogue = &input(yaml).catalogue;
        assert_eq!(catalogue.errors[0].uri.as_deref(), Some("/p/#overview-1"));
    }

    #[test]
    fn default_uris_never_drift() {
        let warnings = lint(
            &[input(
                "version: 1\nname: TestError\npage_uri: /p/\nerrors:\n  - code: a_b\n    description: D\n  - code: c\n    description: D\n",
            )],
            &[],
        );
        assert_eq!(warnings, []);
    }

    #[test]
    fn repeated_headings_are_reported_once_each() {
        let warnings = lint(
            &[input(
                "version: 1\nname: TestError\nerrors:\n  - code: a\n    title: Same\n    description: D\n  - code: b\n    title: Same!\n    description: D\n",
            )],
            &[],
        );
        assert_eq!(
            warnings,
            [Warning {
                file: PathBuf::from("test.yaml"),
                location: Some(Location { line: 8, column: 5 }),
                code: "b".to_owned(),
                kind: Kind::SameAnchor {
                    first: "the heading of `a`".to_owned(),
                    anchor: "same".to_owned(),
                    numbered: "same-1".to_owned()
                },
            }]
        );
    }
}
