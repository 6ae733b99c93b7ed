#!/usr/bin/env bash
# Build cost of the generated crate, in build.rs mode:
# - clean `cargo build -p github-oauth-errors` (dependencies and build dependencies
#   included) against a crate with the same four errors written with thiserror +
#   strum + serde derive (`errcat-synth derive-catalogue errors.yaml`);
# - the rebuild after touching only errors.yaml (the build script must rerun) and
#   after touching nothing (it must not: checked with `cargo build -v`), against
#   touching / not touching the derive crate's lib.rs;
# - the trim of errcat-codegen's build-dependency footprint: the same clean build
#   with errcat-codegen's default `cli` feature (clap, similar) switched back on
#   ("before") against the workspace as it is, `default-features = false` ("after").
#
# Works on a copy of the workspace in a temporary directory, so nothing in the
# repository changes. CLEAN_RUNS (default 3) clean builds, RUNS (default 5) rebuilds;
# medians are printed.
#
#   bash benches/build_cost.sh
source "$(dirname "$0")/common.sh"

CLEAN_RUNS=${CLEAN_RUNS:-3}
tools
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/ws"
(cd "$ROOT" && tar --exclude=./target --exclude=./.git -cf - .) | (cd "$WORK/ws" && tar -xf -)
crate "$WORK/derive" derive-equivalent "$DERIVE_DEPS"
"$SYNTH" derive-catalogue "$ROOT/errors.yaml" >"$WORK/derive/src/lib.rs"
# Fetch everything first, so no clean build downloads.
(cd "$WORK/ws" && cargo fetch -q) && (cd "$WORK/derive" && cargo fetch -q)

# `clean NAME DIR CARGO-ARGS...`: median of CLEAN_RUNS builds from an empty target dir.
clean() {
    local name=$1 dir=$2
    shift 2
    local times=()
    for _ in $(seq "$CLEAN_RUNS"); do
        rm -rf "$WORK/target-$name"
        times+=("$(cd "$dir" && CARGO_TARGET_DIR="$WORK/target-$name" seconds cargo build "$@")")
    done
    echo "clean $name: ${times[*]} s (median $(median "${times[@]}") s)" >&2
    median "${times[@]}"
}

# `rebuild NAME DIR TOUCH CARGO-ARGS...`: median of RUNS rebuilds after touching TOUCH
# (nothing when it is "-"), in the target dir the clean builds left.
rebuild() {
    local name=$1 dir=$2 touched=$3
    shift 3
    local times=()
    for _ in $(seq "$RUNS"); do
        [ "$touched" = - ] || touch "$touched"
        times+=("$(cd "$dir" && CARGO_TARGET_DIR="$WORK/target-$name" seconds cargo build "$@")")
    done
    echo "rebuild $name after touching $touched: ${times[*]} s (median $(median "${times[@]}") s)" >&2
    median "${times[@]}"
}

errcat_clean=$(clean errcat "$WORK/ws" -p github-oauth-errors)
derive_clean=$(clean derive "$WORK/derive")
errcat_yaml=$(rebuild errcat "$WORK/ws" "$WORK/ws/errors.yaml" -p github-oauth-errors)
errcat_none=$(rebuild errcat "$WORK/ws" - -p github-oauth-errors)
derive_lib=$(rebuild derive "$WORK/derive" "$WORK/derive/src/lib.rs")
derive_none=$(rebuild derive "$WORK/derive" -)

# After touching errors.yaml, the build script must run again.
touch "$WORK/ws/errors.yaml"
verbose=$(cd "$WORK/ws" && CARGO_TARGET_DIR="$WORK/target-errcat" cargo build -v -p github-oauth-errors 2>&1)
if ! grep -q 'github-oauth-errors.*build-script-build' <<<"$verbose"; then
    echo "FAIL: touching errors.yaml did not rerun the build script:" >&2
    echo "$verbose" >&2
    exit 1
fi
echo "touching errors.yaml reran the build script" >&2

# After touching nothing, the build script must not run again.
verbose=$(cd "$WORK/ws" && CARGO_TARGET_DIR="$WORK/target-errcat" cargo build -v -p github-oauth-errors 2>&1)
if grep -q 'build-script-build' <<<"$verbose" || ! grep -q 'Fresh github-oauth-errors' <<<"$verbose"; then
    echo "FAIL: the build script reran or the crate was rebuilt with nothing touched:" >&2
    echo "$verbose" >&2
    exit 1
fi
echo "no-op rebuild: github-oauth-errors is Fresh and its build script did not run" >&2

cp -r "$WORK/ws" "$WORK/ws-cli"
sed -i '/^errcat-codegen = /s/, default-features = false//' "$WORK/ws-cli/Cargo.toml"
grep -q '^errcat-codegen = .*default-features' "$WORK/ws-cli/Cargo.toml" && { echo "FAIL: could not switch the cli feature on" >&2; exit 1; }
errcat_cli=$(clean errcat-cli "$WORK/ws-cli" -p github-oauth-errors)

echo "build_cost clean: github-oauth-errors=${errcat_clean}s derive-4=${derive_clean}s ratio=$(ratio "$errcat_clean" "$derive_clean")"
echo "build_cost rebuild: touch-errors.yaml=${errcat_yaml}s touch-nothing=${errcat_none}s | derive touch-lib.rs=${derive_lib}s touch-nothing=${derive_none}s"
echo "build_cost trim: github-oauth-errors clean with errcat-codegen's cli feature (before)=${errcat_cli}s without (after)=${errcat_clean}s"
