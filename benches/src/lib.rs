//! Benchmarks of errcat against what users would pick instead (see `BENCHMARKS.md`
//! at the repository root for the figures and how to rerun each one).
//!
//! The library holds the [`synthetic`] catalogue generator shared by the criterion
//! benches, the build script and the `errcat-synth` command that the shell scripts
//! use. The rivals (`oauth2`, `strum`, `criterion`) are dev-dependencies, compiled
//! only for the benches.

pub mod synthetic;

/// The sizes every size-dependent benchmark runs at.
pub const SIZES: [usize; 4] = [10, 1_000, 10_000, 100_000];
