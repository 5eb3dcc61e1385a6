#!/usr/bin/env bash
# The chat-log part of `./build-wasm.sh bench` on already built binaries (scripts/bench.sh builds
# them and calls this): generates the files when missing or when the generator changed, installs
# the DuckDB peers when missing, then runs KefuScore native and DuckDB native on each file,
# KefuScore wasm and DuckDB-WASM in one headless Chromium, and checks every peer's agent x metric
# table against KefuScore native's. JSON lines are appended to OUT/raw.jsonl.
#
# Usage: bench/chatlog_run.sh NATIVE_BUILD_DIR WASM_BUILD_DIR OUT_DIR
# Sizes: 100 MB, 1 GB and 3 GB; KEFU_BENCH_3GB=0 leaves the 3 GB file out (it needs 3.5 GB of disk).
# Data: KEFU_BENCH_DATA (default build/bench/chatlog) holds the files and the npm install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
native="$1" wasm="$2" out="$3"
data="${KEFU_BENCH_DATA:-$ROOT/build/bench/chatlog}"
mkdir -p "$data" "$out"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
raw="$out/raw.jsonl"
load() { echo "{\"bench\":\"chatlog-load\",\"loadavg\":$(cut -d' ' -f1 /proc/loadavg)}" >> "$raw"; }
tag() { sed "s/^{/{\"file\":\"$1\",/"; }

npm_dir="$data/npm"
if [ ! -f "$npm_dir/node_modules/@duckdb/node-api/package.json" ] || [ ! -f "$npm_dir/node_modules/@duckdb/duckdb-wasm/package.json" ]; then
    say "npm install @duckdb/node-api @duckdb/duckdb-wasm into $npm_dir"
    mkdir -p "$npm_dir"
    cp "$ROOT/bench/duckdb/package.json" "$npm_dir/package.json"
    (cd "$npm_dir" && npm install --no-audit --no-fund --loglevel=error >&2)
fi

sizes="100 1000"
[ "${KEFU_BENCH_3GB:-1}" = 0 ] || sizes="$sizes 3000"
gen_id="$(cat "$ROOT/bench/gen_chatlog.cpp" "$ROOT/core/random.h" | sha256sum | cut -c1-16)"
files=()
started=$SECONDS
load
for mb in $sizes; do
    name="${mb}mb" csv="$data/messages-${mb}mb.csv"
    if [ ! -f "$csv" ] || [ "$(cat "$csv.gen" 2>/dev/null)" != "$gen_id" ]; then
        say "bench: generating $csv (bench/gen_chatlog.cpp)"
        rm -f "$csv.gen"
        "$native/bench/gen_chatlog" "$csv" "$data/orders-${mb}mb.csv" "$mb" | tag "$name" >> "$raw"
        echo "$gen_id" > "$csv.gen"
    fi
    files+=("$csv")
    cat "$csv" > /dev/null # into the page cache: every engine reads the file from memory, the first one too
    rm -f "$out/"*"-$name.tsv"
    say "bench: chat-log metrics of $name, KefuScore native"
    "$native/bench/bench_chatlog" "$csv" "$out/kefu-native-$name.tsv" 5 | tag "$name" >> "$raw"
    say "bench: chat-log metrics of $name, DuckDB native (@duckdb/node-api)"
    node "$ROOT/bench/chatlog_duckdb.mjs" "$npm_dir/node_modules" "$csv" "$out/duckdb-native-$name.tsv" 2 | tag "$name" >> "$raw"
done
say "bench: chat-log metrics in headless Chromium, the File read alone, KefuScore wasm, then DuckDB-WASM on each file"
node "$ROOT/bench/browser_chatlog.mjs" "$wasm/bench" "$npm_dir/node_modules" "$out" "${files[@]}" >> "$raw"
for mb in $sizes; do
    name="${mb}mb"
    node "$ROOT/bench/chatlog_compare.mjs" "$name" "$out/kefu-native-$name.tsv" \
        "duckdb-native=$out/duckdb-native-$name.tsv" "kefu-wasm=$out/kefu-wasm-$name.tsv" "duckdb-wasm=$out/duckdb-wasm-$name.tsv" >> "$raw"
done
load
echo "{\"bench\":\"chatlog-time\",\"seconds\":$((SECONDS - started)),\"sizes\":\"${sizes// /, }\"}" >> "$raw"
