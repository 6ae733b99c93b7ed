//! Arguments, output and exit status of the `errcat` command.
//!
//! Exit status: 0 success, 1 a catalogue or check problem (message on stderr),
//! 2 a usage error. Nothing is written unless every step before the write
//! succeeded. [`run`] takes its streams as arguments so tests can drive the
//! command in-process; the binary passes stdout and stderr.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::Error;

/// Keep error codes the same in the code, on the wire and in the docs.
#[derive(Debug, Parser)]
#[command(name = "errcat", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generate the Rust code of a catalogue.
    Generate(Target),
    /// Render the docs page of a catalogue.
    Docs(Target),
    /// Read an existing docs page into a catalogue.
    Import(ImportArgs),
    /// Warn about URIs that drift from the pages they point at.
    Lint(LintArgs),
}

/// `errcat import PAGE.md [--name NAME] [-o FILE]`.
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The docs page (Markdown).
    page: PathBuf,
    /// The enum's name (default: derived from the front matter's `title`).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Write the catalogue to FILE (only when its content changes) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `errcat lint CATALOGUE... [--deny-warnings]`.
#[derive(Debug, clap::Args)]
struct LintArgs {
    /// The catalogues (YAML). Anchors are checked on the pages of all of them and of
    /// the catalogues they list under `docs.linked_catalogues`.
    #[arg(required = true, num_args = 1..)]
    catalogues: Vec<PathBuf>,
    /// Exit 1 when there is any warning.
    #[arg(long)]
    deny_warnings: bool,
}

/// Where generated text goes.
#[derive(Debug, clap::Args)]
struct Target {
    /// The catalogue (YAML).
    catalogue: PathBuf,
    /// Write to FILE (only when its content changes) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Compare with FILE instead of writing it: print a diff and exit 1 when stale.
    #[arg(long, requires = "output")]
    check: bool,
}

/// Exit status: success.
pub const SUCCESS: u8 = 0;
/// Exit status: a catalogue, I/O or check problem.
pub const FAILURE: u8 = 1;
/// Exit status: the arguments are wrong.
pub const USAGE: u8 = 2;

/// What a command concluded, besides printing.
enum Outcome {
    Success,
    Stale,
    /// Warnings that `--deny-warnings` turns into a failure.
    Denied,
}

/// Runs `errcat` with `args` (the first one is the program name) and returns the
/// exit status. Output that is not an error goes to `stdout`, messages to `stderr`,
/// without colour.
pub fn run<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_styled(args, stdout, stderr, false)
}

/// Whether messages on the process's stderr get colour: only on a terminal, and
/// not when `NO_COLOR` is set to anything but the empty string (<https://no-color.org>).
#[must_use]
pub fn colour_stderr() -> bool {
    use std::io::IsTerminal as _;
    wants_colour(
        std::io::stderr().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    )
}

fn wants_colour(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    terminal && no_color.is_none_or(std::ffi::OsStr::is_empty)
}

/// [`run`], with catalogue diagnostics in colour when `colour` is set.
pub fn run_styled<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write, colour: bool) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // `--help` and `--version` are "errors" that go to stdout with status 0.
            let rendered = error.render().to_string();
            if error.use_stderr() {
                let _ = stderr.write_all(rendered.as_bytes());
                return USAGE;
            }
            let _ = stdout.write_all(rendered.as_bytes());
            return SUCCESS;
        }
    };
    let result = match &cli.command {
        Command::Generate(output) => generate(output, stdout, stderr),
        Command::Docs(output) => docs(output, stdout, stderr),
        Command::Import(args) => import(args, stdout, stderr),
        Command::Lint(args) => lint(args, stderr),
    };
    match result {
        Ok(Outcome::Success) => SUCCESS,
        Ok(Outcome::Stale | Outcome::Denied) => FAILURE,
        Err(Error::Catalogue(error)) => {
            // Already `error: ...`, with source lines: the Builder's text too.
            let _ = writeln!(stderr, "{}", error.render(colour));
            FAILURE
        }
        Err(error) => {
            let _ = writeln!(stderr, "error: {error}");
            FAILURE
        }
    }
}

fn generate(
    args: &Target,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, Error> {
    let generated = crate::generate_rust(&args.catalogue, true)?;
    emit(args, &generated.code, "generate", stdout, stderr)
}

fn docs(args: &Target, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<Outcome, Error> {
    let page = crate::generate_docs(&args.catalogue)?;
    emit(args, &page, "docs", stdout, stderr)
}

fn import(
    args: &ImportArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, Error> {
    let yaml = crate::import::import(&args.page, args.name.as_deref())?;
    // The same output path as every command (stdout, or write if changed); an
    // import has nothing to check.
    let target = Target {
        catalogue: args.page.clone(),
        output: args.output.clone(),
        check: false,
    };
    emit(&target, &yaml, "import", stdout, stderr)
}

fn lint(args: &LintArgs, stderr: &mut dyn Write) -> Result<Outcome, Error> {
    let inputs = args
        .catalogues
        .iter()
        .map(|path| crate::lint::Input::load(path))
        .collect::<Result<Vec<_>, _>>()?;
    let linked = crate::lint::linked(&inputs)?;
    let warnings = crate::lint::lint(&inputs, &linked);
    for warning in &warnings {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    let count = warnings.len();
    if count == 0 {
        return Ok(Outcome::Success);
    }
    let plural = if count == 1 { "" } else { "s" };
    if args.deny_warnings {
        let _ = writeln!(
            stderr,
            "error: {count} warning{plural}, denied by --deny-warnings"
        );
        return Ok(Outcome::Denied);
    }
    let _ = writeln!(stderr, "errcat lint: {count} warning{plural}");
    Ok(Outcome::Success)
}

/// Prints `text`, writes it to the output file, or checks that file against it;
/// a stale file names `errcat COMMAND` as the fix.
fn emit(
    args: &Target,
    text: &str,
    command: &str,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, Error> {
    let Some(path) = &args.output else {
        // A closed stdout (`errcat generate x | head`) is not worth an error.
        let _ = stdout.write_all(text.as_bytes());
        return Ok(Outcome::Success);
    };
    if !args.check {
        crate::write::write_if_changed(path, text.as_bytes())?;
        return Ok(Outcome::Success);
    }
    let current = crate::write::current_contents(path).unwrap_or_default();
    if current == text.as_bytes() {
        return Ok(Outcome::Success);
    }
    let current = String::from_utf8_lossy(&current);
    let diff = similar::TextDiff::from_lines(current.as_ref(), text);
    let old = path.display().to_string();
    let new = format!("{old} (regenerated)");
    let _ = write!(stdout, "{}", diff.unified_diff().header(&old, &new));
    let _ = writeln!(
        stderr,
        "error: {old} is stale; run `errcat {command} {} -o {old}` to update it",
        args.catalogue.display()
    );
    Ok(Outcome::Stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(wants_colour(true, None));
        assert!(wants_colour(true, Some("".as_ref())));
        assert!(!wants_colour(true, Some("1".as_ref())));
        assert!(!wants_colour(false, None));
    }
}
