//! The `errcat` command: generate Rust code and docs from a catalogue of error codes.

fn main() -> std::process::ExitCode {
    let status = errcat_codegen::cli::run_styled(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
        errcat_codegen::cli::colour_stderr(),
    );
    std::process::ExitCode::from(status)
}
