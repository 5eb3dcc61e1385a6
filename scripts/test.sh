# The test suites of `build-wasm.sh test`. Each suite adds to PASSED/FAILED and prints its own
# line; a suite that cannot build or crashes counts as one failure, and the others still run.
# Sourced after common.sh, deps.sh and build.sh.

PASSED=0
FAILED=0
SUITE_LINES=()

# Adds "N passed, M failed" from the last such line of a log; no line = one failure.
count_from_log() {
    local name="$1" log="$2" rc="$3" line p f
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
    if [ -z "$line" ]; then
        p=0; f=1
    else
        p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
    fi
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    add_result "$name" "$p" "$f"
}

# Adds the counts of doctest's summary ("test cases: 71 | 70 passed | 1 failed").
count_doctest() {
    local name="$1" log="$2" rc="$3" line p f
    line=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\[doctest\] test cases:' | tail -1)
    if [ -z "$line" ]; then
        p=0; f=1
    else
        p=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line")
        f=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
    fi
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    add_result "$name" "$p" "$f"
}

add_result() {
    PASSED=$((PASSED + $2))
    FAILED=$((FAILED + $3))
    SUITE_LINES+=("$(printf '%-40s %4d passed, %d failed' "$1" "$2" "$3")")
    log "$1: $2 passed, $3 failed"
}

# Runs "$@" with output in a log (shown when it fails). Usage: run_logged LOG cmd...
run_logged() {
    local log="$1"; shift
    "$@" >"$log" 2>&1
    local rc=$?
    if [ $rc != 0 ]; then tail -60 "$log" >&2; fi
    return $rc
}

suite_native_asan() {
    local log="$BUILD/test-native-asan.log"
    if ! (build_native_asan); then add_result "core tests (native, ASan+UBSan)" 0 1; return; fi
    run_logged "$log" env ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$BUILD/native-asan/kefu_tests" --no-colors=true
    count_doctest "core tests (native, ASan+UBSan)" "$log" $?
}

suite_wasm_core() {
    local log="$BUILD/test-wasm-core.log"
    if ! (build_wasm kefu_tests); then add_result "core tests (wasm, Node)" 0 1; return; fi
    setup_emscripten
    run_logged "$log" node --no-experimental-fetch "$WASM_DIR/kefu_tests.js" --no-colors=true
    count_doctest "core tests (wasm, Node)" "$log" $?
}

# The desktop window of web/main.cpp, built in the sanitizer tree, run offscreen for 20 frames.
suite_desktop_smoke() {
    local log="$BUILD/test-desktop.log"
    if ! (ensure_imgui && cmake_build "$BUILD/native-asan" \
            "-DCMAKE_BUILD_TYPE=Debug -DKEFU_SANITIZE=ON -DKEFU_DESKTOP=ON -DIMGUI_DIR=$IMGUI_DIR" app); then
        add_result "desktop smoke (ASan, offscreen)" 0 1
        return
    fi
    run_logged "$log" "$(host_python)" "$ROOT/tests/desktop/smoke.py" "$BUILD/native-asan/web/kefu-desktop"
    count_from_log "desktop smoke (ASan, offscreen)" "$log" $?
}

# Panel smoke tests on ImGui's null backend (tests/ui/): every panel of web/ui/ drawn with no window
# or renderer in every test state, clicks checked at the action queue; an ImGui assert is a failure.
# Built in the sanitizer tree next to the desktop app (the same configure as suite_desktop_smoke).
suite_panels() {
    local log="$BUILD/test-panels.log" name="panel smoke tests (ImGui null backend)"
    if ! (ensure_imgui && cmake_build "$BUILD/native-asan" \
            "-DCMAKE_BUILD_TYPE=Debug -DKEFU_SANITIZE=ON -DKEFU_DESKTOP=ON -DIMGUI_DIR=$IMGUI_DIR" kefu_panel_tests); then
        add_result "$name" 0 1
        return
    fi
    run_logged "$log" env ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$BUILD/native-asan/tests/ui/kefu_panel_tests" --no-colors=true
    count_doctest "$name" "$log" $?
}

suite_golden() {
    [ -f "$ROOT/tests/golden/run.py" ] || return 0
    local log="$BUILD/test-golden.log"
    if ! (build_native); then add_result "golden CLI cases" 0 1; return; fi
    run_logged "$log" "$(host_python)" "$ROOT/tests/golden/run.py" --kefu "$BUILD/native/kefu"
    count_from_log "golden CLI cases" "$log" $?
}

# Exported files read by other programs: our XLSX opened by LibreOffice (numbers read back equal,
# nothing became a formula) and the monthly report printed to PDF by Chromium (a page per slip).
# The packages are installed above, so a SKIP here is a failure.
suite_documents() {
    local name="exports read back (LibreOffice, PDF)" p=0 f=0 check log
    if ! (build_native); then add_result "$name" 0 1; return; fi
    for check in xlsx pdf; do
        log="$BUILD/test-documents-$check.log"
        if [ $check = xlsx ]; then
            run_logged "$log" "$(host_python)" "$ROOT/tests/export/check_xlsx_libreoffice.py" --kefu "$BUILD/native/kefu"
        else
            run_logged "$log" bash "$ROOT/tests/report/check_pdf.sh" "$BUILD/native/kefu"
        fi
        if [ $? = 0 ] && grep -q '^PASS' "$log"; then p=$((p + 1)); else f=$((f + 1)); tail -5 "$log" >&2; fi
    done
    add_result "$name" $p $f
}

suite_header_check() {
    local log="$BUILD/test-headers.log"
    if [ -f "$ROOT/tests/check_core_headers.sh" ]; then
        run_logged "$log" bash "$ROOT/tests/check_core_headers.sh"
    else
        run_logged "$log" check_core_headers
    fi
    count_from_log "core/ header check" "$log" $?
}

# Fallback when tests/check_core_headers.sh is absent: core/ must not include UI or platform headers.
check_core_headers() {
    local bad
    bad=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"][^>"]*(imgui|SDL|GL/|GLES|emscripten)' "$ROOT/core" || true)
    if [ -n "$bad" ]; then echo "$bad"; echo "0 passed, 1 failed"; return 1; fi
    echo "1 passed, 0 failed"
}

# libFuzzer on the snapshot decoder (clang), for a bounded time from the committed seed corpus;
# any crash it finds is a failure (the input lands in build/fuzz-artifacts/ for a regression test).
suite_fuzz() {
    local log="$BUILD/test-fuzz.log" dir="$BUILD/fuzz"
    if ! command -v clang++ >/dev/null 2>&1; then add_result "snapshot fuzzing (libFuzzer)" 0 1; return; fi
    if ! (CC=clang CXX=clang++ cmake_build "$dir" "-DCMAKE_BUILD_TYPE=RelWithDebInfo -DKEFU_FUZZ=ON" fuzz_snapshot); then
        add_result "snapshot fuzzing (libFuzzer)" 0 1
        return
    fi
    mkdir -p "$BUILD/fuzz-corpus" "$BUILD/fuzz-artifacts"
    run_logged "$log" "$dir/tests/fuzz/fuzz_snapshot" -max_total_time="${KEFU_FUZZ_SECONDS:-60}" -rss_limit_mb=2048 \
        -malloc_limit_mb=1024 -artifact_prefix="$BUILD/fuzz-artifacts/" "$BUILD/fuzz-corpus" "$ROOT/tests/fuzz/corpus/snapshot"
    if [ $? = 0 ]; then add_result "snapshot fuzzing (libFuzzer)" 1 0; else add_result "snapshot fuzzing (libFuzzer)" 0 1; fi
}

suite_browser() {
    local log="$BUILD/test-browser.log"
    if ! (build_page && ensure_playwright); then add_result "browser tests (Chromium)" 0 1; return; fi
    run_logged "$log" node "$ROOT/tests/browser/run.mjs" --dist "$DIST" --screenshots "$BUILD/screenshots" \
        --kefu "$BUILD/native/kefu"
    local rc=$?
    grep -E '^(ok|FAIL|  )' "$log" >&2
    count_from_log "browser tests (Chromium)" "$log" $rc
}

print_summary() {
    local line
    echo
    for line in "${SUITE_LINES[@]}"; do echo "$line"; done
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" = 0 ]
}

run_tests() {
    local t0=$SECONDS
    if [ "${1:-}" = quick ]; then
        suite_native_asan
    else
        ensure_packages "${TEST_PACKAGES[@]}"
        # Single-threaded, network- or python-bound steps overlap the compiles; build_page and the
        # browser suite redo them (a no-op when these finished) so their errors still surface.
        mkdir -p "$BUILD"
        (build_fonts) >"$BUILD/fonts.log" 2>&1 &
        (ensure_playwright) >"$BUILD/npm.log" 2>&1 &
        suite_header_check
        suite_native_asan
        suite_desktop_smoke
        suite_panels
        suite_golden
        suite_documents
        suite_wasm_core
        suite_fuzz
        wait
        suite_browser
    fi
    log "tests took $((SECONDS - t0)) s"
    print_summary
}
