//! `errcat lint` on the bundled catalogues reports exactly the drift listed in the
//! reference README (`pages/README.md`), and nothing on catalogues that cannot drift.

use errcat_tests::{errcat, read, tests_path, workspace};

/// `(catalogue file name, code, what)` of each warning.
fn warnings(stderr: &str) -> Vec<(String, String, String)> {
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("warning: "))
        .map(|warning| {
            let file = warning.split(':').next().unwrap();
            let file = file.rsplit('/').next().unwrap().to_owned();
            let code = warning.split('`').nth(1).unwrap().to_owned();
            let what = if warning.contains("is not produced by any heading") {
                "anchor"
            } else if warning
                .contains("neither `page_uri` nor one of the page's `redirect_from` paths")
            {
                "path"
            } else {
                "other"
            };
            (file, code, what.to_owned())
        })
        .collect()
}

fn lint(catalogues: &[&str], deny: bool) -> errcat_tests::Run {
    let paths: Vec<String> = catalogues
        .iter()
        .map(|c| workspace().join(c).to_str().unwrap().to_owned())
        .collect();
    let mut args: Vec<&str> = vec!["lint"];
    args.extend(paths.iter().map(String::as_str));
    if deny {
        args.push("--deny-warnings");
    }
    errcat(&args)
}

fn owned(expected: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    expected
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn the_reference_readme_lists_the_drift_tested_here() {
    let readme = read(&tests_path("pages/README.md"));
    for fact in [
        "the URI of `unverified_user_email` ends in `#unverified_user_email`",
        "the URI of `redirect_uri_mismatch` points at the authorization page's\n  `#redirect-uri-mismatch2`",
        "authorization page: the URIs use the path `/apps/building-integrations/setting-up-and-registering-oauth-apps/…`",
    ] {
        assert!(readme.contains(fact), "{fact}");
    }
}

#[test]
fn lint_reports_exactly_the_known_drift_of_the_token_page() {
    let run = lint(&["errors.yaml"], false);
    assert_eq!(run.status, 0, "warnings alone exit 0: {}", run.stderr);
    assert_eq!(
        warnings(&run.stderr),
        owned(&[
            ("errors.yaml", "redirect_uri_mismatch", "anchor"),
            ("errors.yaml", "unverified_user_email", "anchor"),
        ])
    );
    // Each names the anchor that is wrong and the one the heading has.
    assert!(run.stderr.contains("`#unverified_user_email`"));
    assert!(run.stderr.contains("the anchor `#unverified-user-email`"));
    assert!(run.stderr.contains("`#redirect-uri-mismatch2`"));
    assert!(run.stderr.contains("the anchor `#redirect-uri-mismatch`"));
    assert!(
        run.stderr.ends_with("errcat lint: 2 warnings\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn lint_reports_exactly_the_known_drift_of_the_authorization_page() {
    let run = lint(&["catalogues/authorization.yaml"], false);
    assert_eq!(run.status, 0);
    // Every URI of the page uses the path that is not among its redirect_from.
    let page = read(&tests_path(errcat_tests::AUTHORIZATION_PAGE));
    let codes: Vec<String> = errcat_tests::query_examples(&page)
        .iter()
        .map(|query| {
            query
                .split('&')
                .next()
                .unwrap()
                .trim_start_matches("error=")
                .to_owned()
        })
        .collect();
    let expected: Vec<(String, String, String)> = codes
        .into_iter()
        .map(|code| ("authorization.yaml".to_owned(), code, "path".to_owned()))
        .collect();
    assert_eq!(expected.len(), 3);
    assert_eq!(warnings(&run.stderr), expected);
    assert!(run.stderr.contains(
        "under /apps/building-integrations/setting-up-and-registering-oauth-apps/troubleshooting-authorization-request-errors, which is neither"
    ));
}

#[test]
fn both_catalogues_together_report_the_five_warnings_once() {
    let run = lint(&["errors.yaml", "catalogues/authorization.yaml"], false);
    assert_eq!(run.status, 0);
    assert_eq!(warnings(&run.stderr).len(), 5, "{}", run.stderr);
}

#[test]
fn deny_warnings_fails_on_any_warning() {
    let run = lint(&["errors.yaml"], true);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .ends_with("error: 2 warnings, denied by --deny-warnings\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn default_uris_and_distinct_headings_lint_clean() {
    let run = lint(&["tests/fixtures/catalogues/default-uris.yaml"], true);
    assert_eq!((run.status, run.stderr.as_str()), (0, ""));
}

#[test]
fn repeated_headings_are_reported() {
    let run = lint(&["tests/fixtures/catalogues/repeated-headings.yaml"], false);
    assert_eq!(
        warnings(&run.stderr),
        owned(&[("repeated-headings.yaml", "slow_down_again", "other")])
    );
    assert!(run.stderr.contains(
        "code `slow_down_again`: its heading has the anchor `#slow-down` of the heading of `slow_down`, so it is reached as `#slow-down-1`"
    ), "{}", run.stderr);
}

#[test]
fn lint_needs_a_catalogue() {
    let run = errcat(&["lint"]);
    assert_eq!(run.status, 2);
}
