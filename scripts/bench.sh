# ./build-wasm.sh bench: builds the benchmarks natively and to wasm, runs them in the same run,
# and writes bench/results.json and bench/RESULTS.md (bench/report.py). Sourced after build.sh.

run_bench() {
    local out="$BUILD/bench"
    mkdir -p "$out"
    cmake_build "$BUILD/native" "-DCMAKE_BUILD_TYPE=Release -DKEFU_SANITIZE=OFF" bench_evaluate bench_snapshot
    build_wasm bench_evaluate bench_snapshot
    local native="$BUILD/native/bench/bench_evaluate" wasm="$WASM_DIR/bench/bench_evaluate.js"
    : > "$out/raw.jsonl"
    # Interleave native and wasm runs so drift of the machine's speed hits both alike.
    local round
    for round in 1 2 3; do
        log "bench round $round: evaluate() 10,000 agents x 30 metrics, shop-default (native, then wasm under Node)"
        "$native" 10000 15 shop-default | sed "s/^{/{\"engine\":\"native\",\"round\":$round,/" >> "$out/raw.jsonl" || die "native bench failed"
        node --no-experimental-fetch "$wasm" 10000 15 shop-default | sed "s/^{/{\"engine\":\"wasm-node\",\"round\":$round,/" >> "$out/raw.jsonl" || die "wasm bench failed"
    done
    run_bench_snapshot "$out"
    log "bench: frame CPU time of the page on the demo shop (headless Chromium, 1280x720 and 1920x1080)"
    build_page
    ensure_playwright
    node "$ROOT/bench/browser_frames.mjs" "$DIST" 8 >> "$out/raw.jsonl" || die "frame-time bench failed"
    "$(host_python)" "$ROOT/bench/report.py" "$out/raw.jsonl" "$ROOT/bench/results.json" "$ROOT/bench/RESULTS.md"
    cat "$ROOT/bench/RESULTS.md"
}

# Snapshot save/load of 50 agents x 24 months: natively (file + rename) and in headless Chromium
# (wasm + IndexedDB on disk), 21 timed rounds each after 3 warm-up rounds; lines go to OUT/raw.jsonl.
run_bench_snapshot() {
    local out="$1"
    ensure_packages chromium
    ensure_playwright
    log "bench: snapshot save/load, 50 agents x 24 months (native: file + rename)"
    "$BUILD/native/bench/bench_snapshot" 21 "$out" 50 24 >> "$out/raw.jsonl" || die "native snapshot bench failed"
    log "bench: snapshot save/load, 50 agents x 24 months (browser: wasm + IndexedDB in headless Chromium)"
    node "$ROOT/bench/browser_snapshot.mjs" "$WASM_DIR/bench" "$out" 21 3 >> "$out/raw.jsonl" || die "browser snapshot bench failed"
}
