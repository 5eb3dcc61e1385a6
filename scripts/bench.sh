# ./build-wasm.sh bench: builds the benchmarks natively and to wasm, runs them in the same run,
# and writes bench/results.json and bench/RESULTS.md (bench/report.py). Sourced after build.sh.

run_bench() {
    local out="$BUILD/bench" started
    started=$(date +%s)
    mkdir -p "$out"
    cmake_build "$BUILD/native" "-DCMAKE_BUILD_TYPE=Release -DKEFU_SANITIZE=OFF" bench_evaluate bench_snapshot bench_stability
    build_wasm bench_evaluate bench_snapshot bench_stability
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
    run_bench_stability "$out"
    log "bench: frame CPU time of the page on the demo shop (headless Chromium, 1280x720 and 1920x1080)"
    build_page
    ensure_playwright
    node "$ROOT/bench/browser_frames.mjs" "$DIST" 8 >> "$out/raw.jsonl" || die "frame-time bench failed"
    run_bench_start "$out"
    run_bench_chatlog "$out"
    # The whole run, builds, installs and generated files included (the 20-minute bar).
    echo "{\"bench\":\"run\",\"seconds\":$(( $(date +%s) - started ))}" >> "$out/raw.jsonl"
    "$(host_python)" "$ROOT/bench/report.py" "$out/raw.jsonl" "$ROOT/bench/results.json" "$ROOT/bench/RESULTS.md" \
        || die "bench/report.py could not write the results"
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

# Start-up and the 100,000-row grid on the built dist/ (bench/browser_start.mjs, browser_grid.mjs):
# cold and warm start to the first frame with Chinese text, what loads before it (raw, gzip,
# brotli), and the data grid's frame times with up to 100,000 agents; lines go to OUT/raw.jsonl.
run_bench_start() {
    local out="$1"
    build_native
    log "bench: cold and warm start, transfer size (headless Chromium, localhost)"
    node "$ROOT/bench/browser_start.mjs" "$DIST" 5 2 >> "$out/raw.jsonl" || die "start-up bench failed"
    # 100,000 agents as asked, given 120 s to be made and opened (a miss is reported as such), and two
    # smaller months that open here, to show how the grid and the opening scale.
    local agents
    for agents in 2500 5000 100000; do
        log "bench: frame CPU time of the data grid with $agents agents"
        node "$ROOT/bench/browser_grid.mjs" "$DIST" "$BUILD/native/kefu" "$out" "$agents" 8 120 >> "$out/raw.jsonl" || die "grid bench failed"
    done
}

# Rank stability of one month, 50 agents x 1,000 samples (core/stability.h): natively, then in
# headless Chromium (wasm), 21 timed runs each after 3 warm-up runs; lines go to OUT/raw.jsonl.
run_bench_stability() {
    local out="$1"
    log "bench: rank stability, 50 agents x 1,000 samples (native)"
    "$BUILD/native/bench/bench_stability" 21 50 1000 >> "$out/raw.jsonl" || die "native stability bench failed"
    log "bench: rank stability, 50 agents x 1,000 samples (browser: wasm in headless Chromium)"
    node "$ROOT/bench/browser_stability.mjs" "$WASM_DIR/bench" "$out" 21 3 >> "$out/raw.jsonl" || die "browser stability bench failed"
}

# Chat-log metrics against DuckDB on generated files of 100 MB, 1 GB and 3 GB (KEFU_BENCH_3GB=0: not 3 GB):
# KefuScore native vs DuckDB native, KefuScore wasm vs DuckDB-WASM in one headless Chromium, every
# table checked against KefuScore native's (bench/chatlog_run.sh); lines go to OUT/raw.jsonl.
run_bench_chatlog() {
    local out="$1"
    cmake_build "$BUILD/native" "-DCMAKE_BUILD_TYPE=Release -DKEFU_SANITIZE=OFF" gen_chatlog bench_chatlog
    build_wasm bench_chatlog_wasm
    ensure_packages chromium
    ensure_playwright
    "$ROOT/bench/chatlog_run.sh" "$BUILD/native" "$WASM_DIR" "$out" || die "chat-log bench failed"
    run_bench_log_shop "$out"
}

# Snapshot save/load of a shop whose month came from the 1 GB chat log (made by run_bench_chatlog):
# `kefu metrics` reads the log and its orders into a month, `kefu snapshot create` makes the shop,
# then natively and in headless Chromium as run_bench_snapshot; lines (with "shop") go to OUT/raw.jsonl.
run_bench_log_shop() {
    local out="$1" data="${KEFU_BENCH_DATA:-$ROOT/build/bench/chatlog}"
    build_native
    log "bench: snapshot save/load of a shop whose month came from the 1 GB chat log"
    "$BUILD/native/kefu" metrics --messages "$data/messages-1000mb.csv" --orders "$data/orders-1000mb.csv" \
        --period 2024-03 -o "$out/log-month.csv" || die "kefu metrics on the 1 GB chat log failed"
    "$BUILD/native/kefu" snapshot create --metrics "$out/log-month.csv" --period 2024-03 --scheme shop-default \
        --shop-name 聊天记录测试店 -o "$out/log-shop.kefu" || die "kefu snapshot create failed"
    "$BUILD/native/bench/bench_snapshot" 21 "$out" 0 0 "$out/log-shop.kefu" | sed 's/^{/{"shop":"chatlog-1gb",/' >> "$out/raw.jsonl" \
        || die "native snapshot bench of the chat-log shop failed"
    node "$ROOT/bench/browser_snapshot.mjs" "$WASM_DIR/bench" "$out" 21 3 "$out/log-shop.kefu" chatlog-1gb >> "$out/raw.jsonl" \
        || die "browser snapshot bench of the chat-log shop failed"
}
