fn main() {
    if let Err(e) = errcat_codegen::Builder::new()
        .catalogue("device-flow.yaml")
        .generate()
    {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
