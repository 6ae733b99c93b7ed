//! Generation speed: load + validate + emit + format, against `serde_yaml` alone
//! parsing the same file into the catalogue's raw serde types.

use std::hint::black_box;
use std::path::Path;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use errcat_benches::{SIZES, synthetic};
use errcat_codegen::catalogue::{self, raw::RawCatalogue};
use errcat_codegen::rust;

fn generation(c: &mut Criterion) {
    let mut group = c.benchmark_group("generation");
    group.sampling_mode(SamplingMode::Flat);
    let path = Path::new("synthetic.yaml");
    let options = rust::Options {
        source_name: "synthetic.yaml".to_owned(),
        serde: true,
    };
    for size in SIZES {
        let yaml = synthetic::yaml(size);
        // The generator must accept its own catalogues, or the figures mean nothing.
        let loaded = catalogue::parse(yaml.as_bytes(), path).expect("synthetic catalogue is valid");
        assert_eq!(loaded.errors.len(), size);
        group.throughput(Throughput::Elements(size as u64));
        group.sample_size(if size >= 100_000 { 10 } else { 20 });
        group.bench_with_input(
            BenchmarkId::new("serde_yaml_parse", size),
            &yaml,
            |b, yaml| {
                b.iter(|| serde_yaml::from_str::<RawCatalogue>(black_box(yaml)).expect("parses"));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("errcat_generate", size),
            &yaml,
            |b, yaml| {
                b.iter(|| {
                    let catalogue =
                        catalogue::parse(black_box(yaml.as_bytes()), path).expect("valid");
                    rust::render(&catalogue, &options).expect("renders")
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
