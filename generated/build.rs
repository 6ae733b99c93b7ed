//! Generates the error enum from the catalogue at the workspace root.

fn main() {
    if let Err(e) = errcat_codegen::Builder::new()
        .catalogue("../errors.yaml")
        .generate()
    {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
