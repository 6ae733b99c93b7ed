#!/usr/bin/env bash
# Every figure of BENCHMARKS.md, in one run: the criterion benches, then the
# build-time scripts. Prints the machine, the load, and each result; the criterion
# medians are listed at the end.
#
#   bash benches/run_all.sh 2>&1 | tee benchmarks.log
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== machine: $(date -u '+%Y-%m-%d %H:%M UTC')"
lscpu | grep -E 'Model name|^CPU\(s\)|Thread|MHz|L2|L3' || true
free -g | head -2
rustc --version
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

cargo bench -p errcat-benches --bench generation
cargo bench -p errcat-benches --bench lookup
cargo bench -p errcat-benches --bench wire
echo "load after criterion: $(cut -d' ' -f1-3 /proc/loadavg)"

bash benches/compile_time.sh 10000
bash benches/peak_rss.sh 100000
bash benches/build_cost.sh
echo "load after scripts: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== criterion medians"
python3 benches/criterion_medians.py target/criterion
