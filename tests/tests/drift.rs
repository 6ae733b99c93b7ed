//! The committed docs pages and code goldens are what the catalogues generate now:
//! the same comparison `errcat docs --check` and `errcat generate --check` make.
//! When one is stale the test fails with the command that regenerates it; with
//! `UPDATE_GOLDEN=1` in the environment it regenerates them instead (check the
//! result with `git diff`).

use errcat_tests::{errcat, read, scratch, tests_path, workspace};

/// What each catalogue generates, and the committed file it must equal; paths are
/// relative to the workspace root, as in the command a failure prints.
const COMMITTED: &[(&str, &str, &str)] = &[
    (
        "docs",
        "errors.yaml",
        "generated/docs/troubleshooting-oauth-app-access-token-request-errors.md",
    ),
    (
        "docs",
        "catalogues/authorization.yaml",
        "generated/docs/troubleshooting-authorization-request-errors.md",
    ),
    ("generate", "errors.yaml", "tests/golden/errors.rs"),
    (
        "generate",
        "catalogues/authorization.yaml",
        "tests/golden/authorization.rs",
    ),
];

#[test]
fn committed_pages_and_code_are_up_to_date() {
    let root = workspace();
    let mut stale = Vec::new();
    for (command, catalogue, committed) in COMMITTED {
        let catalogue_path = root.join(catalogue);
        let committed_path = root.join(committed);
        let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
        let args = [
            command,
            catalogue_path.to_str().unwrap(),
            "-o",
            committed_path.to_str().unwrap(),
            "--check",
        ];
        let run = errcat(if update { &args[..4] } else { &args });
        if run.status != 0 {
            stale.push(format!(
                "{committed} is stale. From the workspace root, run:\n    cargo run -p errcat-codegen -- {command} {catalogue} -o {committed}\n{}",
                run.stdout
            ));
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

#[test]
fn the_committed_pages_are_the_reference_pages() {
    for (command, _, committed) in COMMITTED {
        if *command != "docs" {
            continue;
        }
        let name = committed.rsplit('/').next().unwrap();
        let reference = tests_path(&format!("pages/{name}"));
        assert!(
            read(&workspace().join(committed)) == read(&reference),
            "{committed} differs from {}",
            reference.display()
        );
    }
}

/// The check itself is tested, so it cannot silently stop running: editing a
/// description makes both checks fail, naming the command, until the files are
/// regenerated.
#[test]
fn editing_a_description_fails_the_check_until_regenerated() {
    let dir = scratch("drift-edit");
    let catalogue = dir.join("errors.yaml");
    let original = read(&workspace().join("errors.yaml"));
    let edited = original.replace(
        "description: The code passed is incorrect or expired.",
        "description: The code passed is wrong or expired.",
    );
    assert_ne!(edited, original);
    std::fs::write(&catalogue, edited).unwrap();
    for (command, committed) in [
        (
            "docs",
            "generated/docs/troubleshooting-oauth-app-access-token-request-errors.md",
        ),
        ("generate", "tests/golden/errors.rs"),
    ] {
        let file = dir.join(committed.rsplit('/').next().unwrap());
        std::fs::copy(workspace().join(committed), &file).unwrap();
        let before = read(&file);
        let check = [
            command,
            catalogue.to_str().unwrap(),
            "-o",
            file.to_str().unwrap(),
            "--check",
        ];
        let run = errcat(&check);
        assert_eq!(run.status, 1, "{command}: {}", run.stderr);
        assert!(run.stdout.contains("wrong or expired"), "{}", run.stdout);
        assert!(
            run.stdout.contains("incorrect or expired"),
            "{}",
            run.stdout
        );
        let fix = format!(
            "run `errcat {command} {} -o {}`",
            catalogue.display(),
            file.display()
        );
        assert!(run.stderr.contains(&fix), "{}", run.stderr);
        assert_eq!(read(&file), before, "--check never writes");
        let run = errcat(&check[..4]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert_eq!(
            errcat(&check).status,
            0,
            "{command} is fresh once regenerated"
        );
    }
}
