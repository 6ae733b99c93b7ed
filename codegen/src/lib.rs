//! errcat turns one YAML catalogue of API error codes into a Rust error enum
//! whose JSON is exactly the wire body, a response type that reads any body
//! without losing what the server sent, and the docs page that describes the
//! errors, so code, wire and docs cannot drift apart.
//!
//! # From a build script
//!
//! ```no_run
//! // build.rs
//! fn main() {
//!     if let Err(e) = errcat_codegen::Builder::new().catalogue("errors.yaml").generate() {
//!         eprintln!("{e}");
//!         std::process::exit(1);
//!     }
//! }
//! ```
//!
//! ```ignore
//! // lib.rs
//! include!(concat!(env!("OUT_DIR"), "/errors.rs"));
//! ```
//!
//! Depend on this crate with `default-features = false` in `[build-dependencies]`
//! to leave out the command-line tool's dependencies.
//!
//! # Stages
//!
//! Data flows one way: [`catalogue`] (load and validate) → [`rust`] (emit and
//! format), [`docs`] (the Markdown page), [`import`] (a page back to a catalogue)
//! and [`lint`] (links that drift) → [`write`](mod@write) (write if changed, atomically) →
//! [`Builder`] and the `errcat` command. [`ident`] and [`slug`] hold the naming
//! rules every stage shares: Rust names and heading anchors.

// The build-script recipes show `fn main` on purpose: that is what build.rs holds.
#![allow(clippy::needless_doctest_main)]

pub mod catalogue;
#[cfg(feature = "cli")]
pub mod cli;
pub mod docs;
pub mod ident;
pub mod import;
pub mod lint;
pub mod markdown;
pub mod rust;
pub mod slug;
pub mod write;

mod build;

use std::path::{Path, PathBuf};

pub use build::Builder;

/// Everything that can go wrong while generating.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A catalogue could not be read or is invalid.
    #[error(transparent)]
    Catalogue(#[from] catalogue::Error),
    /// An output file could not be written.
    #[error(transparent)]
    Write(#[from] write::Error),
    /// A docs page could not be imported.
    #[error(transparent)]
    Import(#[from] import::Error),
    /// The emitted code did not parse: a bug in errcat, reported with syn's message.
    #[error("errcat generated code that does not parse for {}: {source} (please report this bug)", catalogue.display())]
    Emit {
        /// The catalogue being generated.
        catalogue: PathBuf,
        /// syn's message.
        source: syn::Error,
    },
    /// [`Builder::generate`] was called without a catalogue.
    #[error("no catalogue given: call `Builder::catalogue(\"errors.yaml\")` before `generate()`")]
    NoCatalogue,
    /// `OUT_DIR` is not set and no output directory was given.
    #[error("OUT_DIR is not set: run the Builder from a build script, or give it `out_dir(...)`")]
    NoOutDir,
    /// Two catalogues would write the same file.
    #[error(
        "catalogues {} and {} would both write {}: rename one of them",
        first.display(),
        second.display(),
        output.display()
    )]
    SameOutput {
        /// The first catalogue.
        first: PathBuf,
        /// The second catalogue.
        second: PathBuf,
        /// The file both would write.
        output: PathBuf,
    },
}

/// The generated code of one catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The catalogue it came from.
    pub catalogue: PathBuf,
    /// The catalogue's file stem, which names the output file.
    pub stem: String,
    /// The formatted Rust source.
    pub code: String,
}

/// Loads the catalogue at `path` and generates its Rust code, exactly as both the
/// [`Builder`] and `errcat generate` do.
///
/// # Errors
///
/// When the catalogue cannot be read or is invalid.
pub fn generate_rust(path: &Path, serde: bool) -> Result<Generated, Error> {
    let catalogue = catalogue::load(path)?;
    let name = |part: Option<&std::ffi::OsStr>| {
        part.map_or_else(String::new, |part| part.to_string_lossy().into_owned())
    };
    let options = rust::Options {
        source_name: name(path.file_name()),
        serde,
    };
    let code = rust::render(&catalogue, &options).map_err(|source| Error::Emit {
        catalogue: path.to_owned(),
        source,
    })?;
    Ok(Generated {
        catalogue: path.to_owned(),
        stem: name(path.file_stem()),
        code,
    })
}

/// Loads the catalogue at `path` and renders its docs page, exactly as
/// `errcat docs` does.
///
/// # Errors
///
/// When the catalogue cannot be read or is invalid.
pub fn generate_docs(path: &Path) -> Result<String, Error> {
    let catalogue = catalogue::load(path)?;
    Ok(docs::render(&catalogue))
}
