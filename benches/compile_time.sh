#!/usr/bin/env bash
# Compile time of errcat's generated code at N errors (default 10,000) against a
# hand-written equivalent with thiserror + strum (EnumString, IntoStaticStr) + serde
# derive for the same variants (`errcat-synth derive N`).
#
# Both crates are built once (dependencies included), then `touch src/lib.rs` and
# `cargo build` are timed RUNS times (default 5): the figure is the crate's own
# compile time, the median of the runs. PROFILE=release times `cargo build --release`.
#
#   bash benches/compile_time.sh [N]
source "$(dirname "$0")/common.sh"

N=${1:-10000}
PROFILE=${PROFILE:-dev}
FLAGS=()
[ "$PROFILE" = release ] && FLAGS=(--release)
tools
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export CARGO_TARGET_DIR="$WORK/target"

"$SYNTH" yaml "$N" >"$WORK/errors.yaml"
crate "$WORK/errcat" errcat-generated "$ERRCAT_DEPS"
"$ERRCAT" generate "$WORK/errors.yaml" -o "$WORK/errcat/src/lib.rs"
crate "$WORK/derive" derive-equivalent "$DERIVE_DEPS"
"$SYNTH" derive "$N" >"$WORK/derive/src/lib.rs"

declare -A MEDIAN
for which in errcat derive; do
    (cd "$WORK/$which" && cargo build -q "${FLAGS[@]}")
    times=()
    for _ in $(seq "$RUNS"); do
        touch "$WORK/$which/src/lib.rs"
        times+=("$(cd "$WORK/$which" && seconds cargo build "${FLAGS[@]}")")
    done
    MEDIAN[$which]=$(median "${times[@]}")
    echo "$which: ${times[*]} s (median ${MEDIAN[$which]} s, $(wc -l <"$WORK/$which/src/lib.rs") lines)"
done
echo "compile_time N=$N profile=$PROFILE errcat=${MEDIAN[errcat]}s derive=${MEDIAN[derive]}s ratio=$(ratio "${MEDIAN[errcat]}" "${MEDIAN[derive]}")"
