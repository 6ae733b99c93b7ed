//! The [`Builder`] for build scripts, in the manner of `prost-build`.

use std::path::{Path, PathBuf};

use crate::{Error, Generated, write};

/// Generates Rust code from catalogues inside a build script.
///
/// ```no_run
/// // build.rs
/// fn main() {
///     if let Err(e) = errcat_codegen::Builder::new().catalogue("../errors.yaml").generate() {
///         eprintln!("{e}");
///         std::process::exit(1);
///     }
/// }
/// ```
///
/// and in `lib.rs`: `include!(concat!(env!("OUT_DIR"), "/errors.rs"));`
#[derive(Debug, Clone)]
pub struct Builder {
    catalogues: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    serde: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    /// A builder with no catalogue, serde support on, writing to `OUT_DIR`.
    #[must_use]
    pub fn new() -> Self {
        Self {
            catalogues: Vec::new(),
            out_dir: None,
            serde: true,
        }
    }

    /// Adds a catalogue; its code goes to `<out_dir>/<file stem>.rs`.
    pub fn catalogue(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.catalogues.push(path.as_ref().to_owned());
        self
    }

    /// Adds several catalogues at once, in order.
    pub fn catalogues<P: AsRef<Path>>(&mut self, paths: impl IntoIterator<Item = P>) -> &mut Self {
        for path in paths {
            self.catalogue(path);
        }
        self
    }

    /// Writes to `dir` instead of the `OUT_DIR` cargo gives build scripts.
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_owned());
        self
    }

    /// Whether to emit the `serde` impls and the response type (default: on). With
    /// it off the generated code needs nothing but `core`.
    pub fn serde(&mut self, enabled: bool) -> &mut Self {
        self.serde = enabled;
        self
    }

    /// Generates the code of every catalogue, then writes each file whose content
    /// changed. Prints `cargo:rerun-if-changed` for each catalogue, so editing one
    /// reruns the build script and nothing else does.
    ///
    /// # Errors
    ///
    /// When no catalogue was given, `OUT_DIR` is unset, a catalogue is invalid, two
    /// catalogues have the same file stem, or a file cannot be written. Nothing is
    /// written unless every catalogue is valid.
    pub fn generate(&self) -> Result<(), Error> {
        self.generate_with_directives(&mut std::io::stdout().lock())
    }

    /// [`Builder::generate`], writing cargo's directives to `directives`.
    fn generate_with_directives(&self, directives: &mut dyn std::io::Write) -> Result<(), Error> {
        if self.catalogues.is_empty() {
            return Err(Error::NoCatalogue);
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        for path in &self.catalogues {
            // Printed before loading, so that fixing a broken catalogue reruns the
            // build script. A closed stdout only loses cargo's hint.
            let _ = writeln!(directives, "cargo:rerun-if-changed={}", path.display());
        }
        let mut outputs: Vec<(PathBuf, Generated)> = Vec::with_capacity(self.catalogues.len());
        for path in &self.catalogues {
            let generated = crate::generate_rust(path, self.serde)?;
            let target = out_dir.join(format!("{}.rs", generated.stem));
            if let Some((_, first)) = outputs.iter().find(|(existing, _)| *existing == target) {
                return Err(Error::SameOutput {
                    first: first.catalogue.clone(),
                    second: path.clone(),
                    output: target,
                });
            }
            outputs.push((target, generated));
        }
        for (target, generated) in &outputs {
            write::write_if_changed(target, generated.code.as_bytes())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reruns_only_when_a_catalogue_changes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let out_dir = std::env::temp_dir().join(format!("errcat-build-{}", std::process::id()));
        std::fs::create_dir_all(&out_dir).unwrap();
        let first = root.join("errors.yaml");
        let second = root.join("examples/outside-builder/device-flow.yaml");
        let mut directives = Vec::new();
        Builder::new()
            .catalogue(&first)
            .catalogue(&second)
            .out_dir(&out_dir)
            .generate_with_directives(&mut directives)
            .unwrap();
        assert_eq!(
            String::from_utf8(directives).unwrap(),
            format!(
                "cargo:rerun-if-changed={}\ncargo:rerun-if-changed={}\n",
                first.display(),
                second.display()
            )
        );
        assert!(out_dir.join("errors.rs").is_file());
        assert!(out_dir.join("device-flow.rs").is_file());
        std::fs::remove_dir_all(&out_dir).unwrap();
    }

    #[test]
    fn a_broken_catalogue_still_asks_to_rerun_on_its_change() {
        let mut directives = Vec::new();
        let error = Builder::new()
            .catalogue("no/such/errors.yaml")
            .out_dir(std::env::temp_dir())
            .generate_with_directives(&mut directives)
            .unwrap_err();
        assert!(matches!(error, Error::Catalogue(_)), "{error:?}");
        assert_eq!(
            String::from_utf8(directives).unwrap(),
            "cargo:rerun-if-changed=no/such/errors.yaml\n"
        );
    }
}
