//! `errcat docs` and `errcat import`: the pages come back byte for byte, and a page
//! that cannot be read is refused with its line, writing nothing.

use std::path::{Path, PathBuf};

use errcat_codegen::catalogue::{self, Example};
use errcat_tests::{AUTHORIZATION_PAGE, TOKEN_PAGE, errcat, read, scratch, tests_path, workspace};

fn arg(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// `errcat import PAGE -o catalogue.yaml`, then `errcat docs catalogue.yaml`: the
/// catalogue and the rendered page.
fn import_then_render(page: &Path, name: Option<&str>, dir: &str) -> (String, String) {
    let dir = scratch(dir);
    let catalogue = dir.join("catalogue.yaml");
    let mut args = vec!["import", arg(page), "-o", arg(&catalogue)];
    if let Some(name) = name {
        args.extend(["--name", name]);
    }
    let run = errcat(&args);
    assert_eq!(run.status, 0, "import {}: {}", page.display(), run.stderr);
    assert_eq!(run.stdout, "", "with -o, import prints nothing");
    let run = errcat(&["docs", arg(&catalogue)]);
    assert_eq!(run.status, 0, "docs: {}", run.stderr);
    (read(&catalogue), run.stdout)
}

#[test]
fn import_then_docs_reproduces_the_token_page() {
    let page = tests_path(TOKEN_PAGE);
    let (_, rendered) = import_then_render(&page, Some("TokenRequestError"), "rt-token");
    assert!(
        rendered == read(&page),
        "the token page changed:\n{rendered}"
    );
}

#[test]
fn import_then_docs_reproduces_the_authorization_page() {
    let page = tests_path(AUTHORIZATION_PAGE);
    let (yaml, rendered) = import_then_render(&page, None, "rt-authorization");
    assert!(
        rendered == read(&page),
        "the authorization page changed:\n{rendered}"
    );
    // What the catalogue records to get there: the redirect style with the page's
    // callback and state, and the one H3.
    let catalogue = catalogue::parse(yaml.as_bytes(), Path::new("imported.yaml")).unwrap();
    let text = read(&page);
    let Example::Query { callback, state } = &catalogue.docs.example else {
        panic!("expected the query style, got {:?}", catalogue.docs.example)
    };
    assert!(text.contains(&format!("    {callback}?error=")));
    assert!(text.contains(&format!("&state={}\n", state.as_deref().unwrap())));
    for error in &catalogue.errors {
        let heading = format!(
            "\n{} {}\n",
            "#".repeat(error.heading_level.into()),
            error.title
        );
        assert!(text.contains(&heading), "{heading:?}");
    }
    assert_eq!(
        catalogue
            .errors
            .iter()
            .map(|e| e.heading_level)
            .collect::<Vec<_>>(),
        [2, 2, 3]
    );
}

/// Importing each reference page gives back what its bundled catalogue says,
/// except for the keys a page cannot tell (`description`, `docs_base_uri`,
/// `page_uri`, `linked_catalogues`).
#[test]
fn importing_the_pages_gives_the_bundled_catalogues() {
    for (page, name, bundled) in [
        (TOKEN_PAGE, "TokenRequestError", "errors.yaml"),
        (
            AUTHORIZATION_PAGE,
            "AuthorizationError",
            "catalogues/authorization.yaml",
        ),
    ] {
        let yaml = errcat_codegen::import::import(&tests_path(page), Some(name)).unwrap();
        let imported = catalogue::parse(yaml.as_bytes(), Path::new("imported.yaml")).unwrap();
        let bundled = catalogue::load(&workspace().join(bundled)).unwrap();
        assert_eq!(imported.name, bundled.name);
        assert_eq!(imported.errors, bundled.errors, "{page}");
        assert_eq!(imported.docs.front_matter, bundled.docs.front_matter);
        assert_eq!(imported.docs.preamble, bundled.docs.preamble);
        assert_eq!(imported.docs.example, bundled.docs.example);
    }
}

#[test]
fn the_bundled_catalogues_render_their_pages() {
    for (catalogue, page) in [
        ("errors.yaml", TOKEN_PAGE),
        ("catalogues/authorization.yaml", AUTHORIZATION_PAGE),
    ] {
        let run = errcat(&["docs", arg(&workspace().join(catalogue))]);
        assert_eq!(run.status, 0, "{catalogue}: {}", run.stderr);
        assert!(
            run.stdout == read(&tests_path(page)),
            "{catalogue} does not render {page}:\n{}",
            run.stdout
        );
    }
}

/// Pages of the same shape: other front matter and Liquid, a `> [!NOTE]`
/// preamble, headings from H2 to H4 and repeated, other sections and text, odd
/// blank lines, no front matter, a redirect example without `state`.
#[test]
fn variant_pages_round_trip() {
    let dir = tests_path("fixtures/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 2, "fixtures missing in {}", dir.display());
    for page in pages {
        let stem = page.file_stem().unwrap().to_string_lossy().into_owned();
        let (_, rendered) = import_then_render(&page, Some("Fixture"), &format!("rt-{stem}"));
        assert!(
            rendered == read(&page),
            "{} changed:\n{rendered}",
            page.display()
        );
    }
}

#[test]
fn import_names_the_enum_after_the_title_unless_told() {
    let page = tests_path(AUTHORIZATION_PAGE);
    let run = errcat(&["import", arg(&page)]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("\nname: TroubleshootingAuthorizationRequestErrors\n")
    );
    let run = errcat(&["import", arg(&page), "--name", "AuthorizationError"]);
    assert!(run.stdout.contains("\nname: AuthorizationError\n"));
    let page = tests_path("fixtures/pages/redirect-errors.md");
    let run = errcat(&["import", arg(&page)]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .contains("redirect-errors.md:1: cannot name the enum"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("help: pass `--name SomeError`"));
}

#[test]
fn unreadable_pages_name_the_line_and_write_nothing() {
    let cases = [
        ("no-example.md", 13, "this section has no example"),
        ("no-code.md", 3, "this example has no `error` code"),
        (
            "query-without-code.md",
            3,
            "this example has no `error` code",
        ),
        ("not-a-body.md", 6, "this example is not an error body"),
        ("not-json.md", 7, "this example is not an error body"),
        (
            "unterminated-fence.md",
            3,
            "this code fence is never closed",
        ),
    ];
    let dir = scratch("import-bad");
    let existing = dir.join("existing.yaml");
    std::fs::write(&existing, "old").unwrap();
    let absent = dir.join("absent.yaml");
    for (file, line, message) in cases {
        let page = tests_path(&format!("fixtures/pages/bad/{file}"));
        for output in [&existing, &absent] {
            let run = errcat(&[
                "import",
                arg(&page),
                "--name",
                "TestError",
                "-o",
                arg(output),
            ]);
            assert_eq!(run.status, 1, "{file}");
            let expected = format!("error: {}:{line}: {message}", page.display());
            assert!(
                run.stderr.starts_with(&expected),
                "{file}: expected {expected:?}, got {:?}",
                run.stderr
            );
            assert!(run.stderr.contains("\n  help: "), "{}", run.stderr);
        }
        assert_eq!(read(&existing), "old", "{file} changed the output");
        assert!(!absent.exists(), "{file} created the output");
    }
    let entries = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(entries, 1, "no temporary file is left behind");
}

#[test]
fn a_page_errcat_would_change_is_refused() {
    // Four-space JSON: readable, but not what `errcat docs` writes back.
    let page =
        "## A\n\n```json\n{\n    \"error\": \"a\",\n    \"error_description\": \"A.\"\n}\n```\n";
    let error = errcat_codegen::import::import_str(page, Path::new("page.md"), Some("TestError"))
        .unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("page.md:5: this example is not laid out as errcat writes it"),
        "{message}"
    );
    assert!(message.contains("\n  \"error\": \"a\",\n"), "{message}");
}

#[test]
fn a_page_whose_errors_are_not_a_valid_catalogue_is_refused() {
    let page = tests_path("fixtures/pages/bad/duplicate-code.md");
    let run = errcat(&["import", arg(&page), "--name", "TestError"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.starts_with(&format!(
            "error: {}: the page's errors do not make a valid catalogue:\n",
            page.display()
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("duplicate code `same`"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn crlf_pages_are_refused_with_the_line() {
    let page = "## A\n\n```json\r\n{}\r\n```\n";
    let error =
        errcat_codegen::import::import_str(page, Path::new("p.md"), Some("TestError")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "p.md:3: this line ends in CR LF\n  help: convert the page to LF line endings, which errcat reads and writes"
    );
}

#[test]
fn a_missing_page_is_an_error() {
    let run = errcat(&["import", "no/such/page.md"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .starts_with("error: cannot read page no/such/page.md: "),
        "{}",
        run.stderr
    );
}
