# Shared by the build-time scripts of errcat-benches: sourced, not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}

# The tools, built once in release mode in the workspace's own target directory.
tools() {
    (cd "$ROOT" && cargo build -q --release -p errcat-codegen --bin errcat -p errcat-benches --bin errcat-synth)
    TARGET=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')
    ERRCAT="$TARGET/release/errcat"
    SYNTH="$TARGET/release/errcat-synth"
}

# `seconds CMD...`: runs CMD quietly and prints its wall-clock time in seconds.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}'
}

# `median X...`: the median of the numbers given.
median() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) printf "%.3f", a[(NR+1)/2]; else printf "%.3f", (a[NR/2]+a[NR/2+1])/2}'
}

# `ratio A B`: A / B to three decimals.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'
}

# `crate DIR NAME DEPS`: a standalone crate (its own workspace) with the root's
# Cargo.lock, so it builds the same dependency versions as errcat's workspace.
crate() {
    local dir=$1 name=$2 deps=$3
    mkdir -p "$dir/src"
    printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n%s\n\n[workspace]\n' \
        "$name" "$deps" >"$dir/Cargo.toml"
    cp "$ROOT/Cargo.lock" "$dir/Cargo.lock"
}

ERRCAT_DEPS='serde = "1.0.229"
serde_json = "1.0.154"'
DERIVE_DEPS='serde = { version = "1.0.229", features = ["derive"] }
strum = { version = "0.28", features = ["derive"] }
thiserror = "2.0.21"'
