//! Arguments, output and exit status of the `errcat` command.
//!
//! Exit status: 0 success, 1 a catalogue or check problem (message on stderr),
//! 2 a usage error. Nothing is written unless every step before the write
//! succeeded. [`run`] takes its streams as arguments so tests can drive the
//! command in-process; the binary passes stdout and stderr.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

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
    };
    match result {
        Ok(Outcome::Success) => SUCCESS,
        Ok(Outcome::Stale) => FAILURE,
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
    let regenerate = format!(
        "errcat generate {} -o {}",
        args.catalogue.display(),
        args.output
            .as_deref()
            .unwrap_or(Path::new("FILE"))
            .display()
    );
    emit(args, &generated.code, &regenerate, stdout, stderr)
}

/// Prints `text`, writes it to the output file, or checks that file against it.
fn emit(
    args: &Target,
    text: &str,
    regenerate: &str,
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
        "error: {old} is stale; run `{regenerate}` to update it"
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
