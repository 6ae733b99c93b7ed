//! Generates the error enums from the catalogues at the workspace root: the token
//! request errors (`errors.yaml`) and the authorization errors
//! (`catalogues/authorization.yaml`), in one Builder call.

fn main() {
    if let Err(e) = errcat_codegen::Builder::new()
        .catalogues(["../errors.yaml", "../catalogues/authorization.yaml"])
        .generate()
    {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
