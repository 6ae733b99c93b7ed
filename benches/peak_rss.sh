#!/usr/bin/env bash
# Peak resident memory and wall time of `errcat generate` on a synthetic catalogue
# of N errors (default 100,000), from GNU time's `Maximum resident set size`.
#
#   bash benches/peak_rss.sh [N]
source "$(dirname "$0")/common.sh"

N=${1:-100000}
tools
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$SYNTH" yaml "$N" >"$WORK/errors.yaml"
rss=()
for _ in $(seq "$RUNS"); do
    rm -f "$WORK/errors.rs"
    /usr/bin/time -f '%M %e' -o "$WORK/time" "$ERRCAT" generate "$WORK/errors.yaml" -o "$WORK/errors.rs"
    read -r kb wall <"$WORK/time"
    rss+=("$kb")
    echo "run: peak RSS $kb KiB, wall $wall s"
done
echo "peak_rss N=$N catalogue=$(du -k "$WORK/errors.yaml" | cut -f1)KiB output=$(du -k "$WORK/errors.rs" | cut -f1)KiB median_peak_rss=$(median "${rss[@]}")KiB"
