#!/usr/bin/env bash
# KefuScore's one entry point.
#   ./build-wasm.sh               build the page into dist/
#   ./build-wasm.sh serve [port]  build, then serve dist/ on http://127.0.0.1:PORT (default 8080)
#   ./build-wasm.sh test          every test suite; the last line is "N passed, M failed"
#   ./build-wasm.sh test quick    only the native unit tests (the edit-compile loop)
#   ./build-wasm.sh desktop       the same app as a native SDL2 + OpenGL window (build/desktop)
#   ./build-wasm.sh bench         benchmarks; writes bench/results.json and bench/RESULTS.md
#
# On Debian it installs what is missing (apt as root, else it prints the sudo line), fetches the
# Dear ImGui 1.86 and SDL2 2.26.5 source packages into build/deps/ and builds SDL2 for wasm once.
# emcc comes from PATH (emsdk or Debian's emscripten). Elsewhere, with emsdk:
#   IMGUI_DIR=/path/to/imgui-1.86 KEFU_SDL=port ./build-wasm.sh
# (KEFU_SDL=port links emsdk's SDL2 port with -sUSE_SDL=2 instead of the source package.)
# Helpers live in scripts/: common.sh, deps.sh, build.sh, test.sh, serve.py.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"
# shellcheck source=scripts/deps.sh
source "$ROOT/scripts/deps.sh"
# shellcheck source=scripts/build.sh
source "$ROOT/scripts/build.sh"
# shellcheck source=scripts/test.sh
source "$ROOT/scripts/test.sh"
# shellcheck source=scripts/bench.sh
source "$ROOT/scripts/bench.sh"

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }

serve() {
    local port="${1:-8080}"
    case "$port" in *[!0-9]*|'') die "serve: port must be a number, not '$port'" ;; esac
    echo
    echo "KefuScore is served at http://127.0.0.1:$port/?demo=1   (Ctrl+C stops it)"
    echo "  without ?demo=1 the first visit offers the demo shop: http://127.0.0.1:$port/"
    exec "$(host_python)" "$ROOT/scripts/serve.py" "$DIST" "$port"
}

main() {
    local cmd="${1:-build}"
    case "$cmd" in
        build)
            ensure_packages
            build_page ;;
        serve)
            ensure_packages
            build_page
            serve "${2:-8080}" ;;
        test)
            if [ "${2:-}" = quick ]; then ensure_packages; run_tests quick; else run_tests; fi ;;
        desktop)
            ensure_packages
            build_desktop
            echo "run: $BUILD/desktop/web/kefu-desktop --demo" ;;
        bench)
            ensure_packages
            run_bench ;;
        -h|--help|help) usage ;;
        *) usage >&2; exit 2 ;;
    esac
}

main "$@"
