//! Synthetic catalogues of any size, with the shape of real ones: `snake_case` codes
//! made of domain words, humanised titles, one-sentence descriptions (a few with
//! quotes, backticks or non-ASCII text, as real pages have) and page-anchored URIs.
//!
//! Deterministic: the same size always gives the same bytes. Also included by the
//! bench crate's build script (`#[path]`), so it uses `std` only.

use std::fmt::Write as _;

const STATES: &[&str] = &[
    "invalid",
    "expired",
    "missing",
    "unsupported",
    "revoked",
    "duplicate",
    "malformed",
    "unverified",
    "incorrect",
    "unknown",
    "disabled",
    "suspended",
    "locked",
    "pending",
    "rejected",
    "blocked",
    "stale",
    "forbidden",
    "conflicting",
    "deprecated",
    "oversized",
    "truncated",
    "unauthorized",
    "unreachable",
    "unsigned",
    "untrusted",
    "archived",
    "deleted",
    "frozen",
    "mismatched",
    "restricted",
    "throttled",
    "unconfirmed",
    "unpaid",
    "unregistered",
    "unsafe",
    "outdated",
    "orphaned",
    "ambiguous",
    "reserved",
];

const SUBJECTS: &[&str] = &[
    "client",
    "token",
    "grant",
    "scope",
    "redirect",
    "verification",
    "secret",
    "user",
    "email",
    "repository",
    "organization",
    "team",
    "webhook",
    "installation",
    "app",
    "key",
    "signature",
    "certificate",
    "session",
    "device",
    "password",
    "request",
    "payload",
    "header",
    "cursor",
    "page",
    "region",
    "quota",
    "plan",
    "invoice",
    "branch",
    "commit",
    "release",
    "artifact",
    "runner",
    "workflow",
    "deployment",
    "environment",
    "package",
    "registry",
    "gist",
    "issue",
    "label",
    "milestone",
    "project",
    "discussion",
    "comment",
    "review",
    "check",
    "status",
    "tag",
    "fork",
    "license",
    "sponsor",
    "seat",
    "billing",
    "domain",
    "ruleset",
    "codespace",
    "enterprise",
];

const ASPECTS: &[&str] = &[
    "mismatch",
    "format",
    "length",
    "state",
    "owner",
    "version",
    "encoding",
    "limit",
    "reference",
    "binding",
    "policy",
    "window",
    "checksum",
    "schema",
    "audience",
    "issuer",
    "nonce",
    "challenge",
    "method",
    "origin",
    "callback",
    "permission",
    "visibility",
    "size",
    "count",
    "timestamp",
    "expiry",
    "algorithm",
    "fingerprint",
    "parameter",
    "identifier",
    "name",
    "path",
    "type",
    "value",
    "language",
    "charset",
    "range",
    "offset",
    "digest",
    "prefix",
    "suffix",
    "pattern",
    "quorum",
    "approval",
    "handshake",
    "transfer",
    "lease",
    "lock",
    "mode",
];

const SECTIONS: &[&str] = &[
    "apps/oauth-apps",
    "apps/github-apps",
    "rest/guides",
    "webhooks/troubleshooting",
    "authentication/troubleshooting",
    "organizations/managing-access",
    "actions/hosting-runners",
    "billing/managing-your-plan",
];

/// How many distinct codes [`entries`] can make.
pub const MAX_ERRORS: usize = STATES.len() * SUBJECTS.len() * ASPECTS.len();

/// One synthetic error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `invalid_token_format`
    pub code: String,
    /// `Invalid token format`
    pub title: String,
    /// A sentence about the error.
    pub description: String,
    /// `/apps/oauth-apps/troubleshooting-token-errors/#invalid-token-format`
    pub uri: String,
    /// The variant errcat derives from the code (`InvalidTokenFormat`).
    pub variant: String,
}

/// `count` distinct errors, the same ones for the same `count`.
///
/// # Panics
///
/// When `count` exceeds [`MAX_ERRORS`].
#[must_use]
pub fn entries(count: usize) -> Vec<Entry> {
    assert!(count <= MAX_ERRORS, "at most {MAX_ERRORS} synthetic errors");
    // Walk the space of word triples with a stride coprime to its size, so that
    // consecutive errors differ in every word, as on a real page.
    let stride = 7919; // prime, and not a factor of MAX_ERRORS
    (0..count)
        .map(|i| {
            let j = (i * stride + 12_345) % MAX_ERRORS;
            let state = STATES[j % STATES.len()];
            let subject = SUBJECTS[(j / STATES.len()) % SUBJECTS.len()];
            let aspect = ASPECTS[j / (STATES.len() * SUBJECTS.len())];
            entry(i, state, subject, aspect)
        })
        .collect()
}

fn entry(i: usize, state: &str, subject: &str, aspect: &str) -> Entry {
    let code = format!("{state}_{subject}_{aspect}");
    let title = format!("{} {subject} {aspect}", capitalise(state));
    let description = match i % 8 {
        0 => format!("The {subject} {aspect} passed is {state}."),
        1 => format!(
            "The {aspect} of the {subject} is {state}; check the `{subject}_{aspect}` parameter and try again."
        ),
        2 => format!(
            "This request was refused because its {subject} {aspect} is {state}. Retry with a new {subject}."
        ),
        3 => format!("The {subject} has an {state} {aspect}, so the operation cannot continue."),
        4 => format!("The \"{subject}\" {aspect} is {state} for this application."),
        5 => format!(
            "A {subject} whose {aspect} is {state} cannot be used here (see the {aspect} rules)."
        ),
        6 => format!(
            "The {subject} {aspect} is {state}: ask an administrator to review it — café, naïve and résumé are fine."
        ),
        _ => {
            format!("Your {subject} {aspect} is {state}. Wait a few minutes and retry the request.")
        }
    };
    let section = SECTIONS[i % SECTIONS.len()];
    let uri = format!(
        "/{section}/troubleshooting-{subject}-errors/#{}",
        code.replace('_', "-")
    );
    let variant = [state, subject, aspect]
        .iter()
        .map(|word| capitalise(word))
        .collect();
    Entry {
        code,
        title,
        description,
        uri,
        variant,
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A catalogue of `count` errors, as YAML in the block style people write.
#[must_use]
pub fn yaml(count: usize) -> String {
    let mut out = String::with_capacity(count * 330 + 512);
    out.push_str(
        "# Synthetic catalogue made by errcat-benches; see BENCHMARKS.md.\n\
         version: 1\n\
         name: SyntheticError\n\
         description: Synthetic errors for benchmarks.\n\
         docs_base_uri: https://docs.example.com\n\
         page_uri: /errors/\n\
         errors:\n",
    );
    for entry in entries(count) {
        let _ = write!(
            out,
            "  - code: {}\n    title: {}\n    description: {}\n    uri: {}\n",
            entry.code,
            entry.title,
            yaml_string(&entry.description),
            entry.uri
        );
    }
    out
}

/// `text` as a double-quoted YAML scalar.
fn yaml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A `lib.rs` with what a person would write by hand instead of errcat for the
/// same `count` errors: one enum with `thiserror`, `strum` (`EnumString`,
/// `IntoStaticStr`) and `serde` derives, `description`/`uri` accessors, and a
/// derived body struct for the wire form.
#[must_use]
pub fn derive_equivalent(count: usize) -> String {
    derive_equivalent_of(
        "SyntheticError",
        "Synthetic errors for benchmarks.",
        &entries(count),
    )
}

/// [`derive_equivalent`] for any list of errors.
#[must_use]
pub fn derive_equivalent_of(name: &str, description: &str, entries: &[Entry]) -> String {
    let mut out = String::with_capacity(entries.len() * 600 + 2048);
    let _ = write!(
        out,
        "//! Hand-written equivalent of an errcat crate, for build-time comparisons.\n\n\
         /// {description}\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
         #[derive(thiserror::Error, strum::EnumString, strum::IntoStaticStr)]\n\
         #[derive(serde::Serialize, serde::Deserialize)]\n\
         #[non_exhaustive]\n\
         pub enum {name} {{\n",
    );
    for entry in entries {
        let _ = write!(
            out,
            "    /// {}: {}\n    #[error({:?})]\n    #[strum(serialize = {:?})]\n    #[serde(rename = {:?})]\n    {},\n",
            entry.title,
            entry.description,
            format!("{}: {}", entry.code, entry.description)
                .replace('{', "{{")
                .replace('}', "}}"),
            entry.code,
            entry.code,
            entry.variant
        );
    }
    let _ = write!(out, "}}\n\nimpl {name} {{\n");
    out.push_str("    /// The description.\n    #[must_use]\n    pub const fn description(self) -> &'static str {\n        match self {\n");
    for entry in entries {
        let _ = writeln!(
            out,
            "            Self::{} => {:?},",
            entry.variant, entry.description
        );
    }
    out.push_str("        }\n    }\n\n    /// The URI of the docs.\n    #[must_use]\n    pub const fn uri(self) -> Option<&'static str> {\n        match self {\n");
    for entry in entries {
        let _ = writeln!(
            out,
            "            Self::{} => Some({:?}),",
            entry.variant, entry.uri
        );
    }
    let _ = write!(
        out,
        "        }}\n    }}\n}}\n\n\
         /// The wire body.\n\
         #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]\n\
         pub struct Body {{\n\
         \x20   /// The code.\n\
         \x20   pub error: {name},\n\
         \x20   /// The description.\n\
         \x20   pub error_description: std::borrow::Cow<'static, str>,\n\
         \x20   /// The URI.\n\
         \x20   #[serde(skip_serializing_if = \"Option::is_none\")]\n\
         \x20   pub error_uri: Option<std::borrow::Cow<'static, str>>,\n\
         }}\n\n\
         impl From<{name}> for Body {{\n\
         \x20   fn from(error: {name}) -> Self {{\n\
         \x20       Self {{\n\
         \x20           error,\n\
         \x20           error_description: error.description().into(),\n\
         \x20           error_uri: error.uri().map(Into::into),\n\
         \x20       }}\n\
         \x20   }}\n\
         }}\n",
    );
    out
}

/// The same errors as a bare `strum::EnumString` enum (the lookup benchmark's rival).
#[must_use]
pub fn strum_enum(count: usize, name: &str) -> String {
    let mut out = format!(
        "/// Synthetic errors parsed by strum.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]\npub enum {name} {{\n"
    );
    for entry in entries(count) {
        let _ = writeln!(
            out,
            "    /// `{}`\n    #[strum(serialize = {:?})]\n    {},",
            entry.code, entry.code, entry.variant
        );
    }
    out.push_str("}\n");
    out
}
