# The builds of build-wasm.sh. Sourced after common.sh and deps.sh.
#   build/native       release: the kefu CLI (golden suite) and native tests
#   build/native-asan  debug + address/undefined sanitizers: the core unit tests
#   build/wasm         Emscripten: the page (kefu.js/kefu.wasm) and the core tests for Node
#   build/fonts        the font subsets (assets/fonts/make_fonts.py)
#   dist/              the page: index.html, kefu.js, kefu.wasm, fonts/, demo/, the offline files
#                      (sw.js, manifest.webmanifest, icons/) and the single-file page kefu-score.html
# KEFU_WASM_DIR and KEFU_DIST move the wasm tree and dist/ elsewhere (defaults as above).

WASM_DIR="${KEFU_WASM_DIR:-$BUILD/wasm}"
FONT_DIR="$BUILD/fonts"
DIST="${KEFU_DIST:-$ROOT/dist}"

build_native() {
    mkdir -p "$BUILD"
    cmake_build "$BUILD/native" "-DCMAKE_BUILD_TYPE=Release -DKEFU_SANITIZE=OFF" kefu
}

build_native_asan() {
    mkdir -p "$BUILD"
    cmake_build "$BUILD/native-asan" "-DCMAKE_BUILD_TYPE=Debug -DKEFU_SANITIZE=ON" kefu_tests
}

# Usage: build_wasm TARGET...   (app, kefu_tests)
build_wasm() {
    setup_emscripten
    ensure_imgui
    ensure_sdl_wasm
    mkdir -p "$BUILD"
    CMAKE_WRAPPER=emcmake cmake_build "$WASM_DIR" \
        "-DCMAKE_BUILD_TYPE=Release -DIMGUI_DIR=$IMGUI_DIR -DKEFU_SDL=$KEFU_SDL -DKEFU_SDL_PREFIX=$SDL_WASM_PREFIX" "$@"
}

# The desktop window of web/main.cpp (not part of dist/; for gdb and sanitizers).
build_desktop() {
    ensure_imgui
    mkdir -p "$BUILD"
    cmake_build "$BUILD/desktop" "-DCMAKE_BUILD_TYPE=Debug -DKEFU_DESKTOP=ON -DIMGUI_DIR=$IMGUI_DIR" app
}

# Font subsets, regenerated only when the recipe changed.
build_fonts() {
    local recipe="$ROOT/assets/fonts"
    if [ -f "$FONT_DIR/kefu-gbk.ttf" ] && [ -z "$(find "$recipe" -newer "$FONT_DIR/kefu-gbk.ttf" -type f)" ]; then
        return 0
    fi
    log "generating the font subsets (assets/fonts/make_fonts.py)"
    "$(host_python)" "$recipe/make_fonts.py" "$FONT_DIR" >&2 || die "font subsetting failed"
}

# Copies SRC to dist path DST when it changed, with .br and .gz next to it for servers that
# send precompressed files (scripts/serve.py does).
dist_copy() {
    local src="$1" dst="$2"
    if [ -f "$dst" ] && cmp -s "$src" "$dst"; then return 0; fi
    mkdir -p "$(dirname "$dst")"
    cp "$src" "$dst"
    rm -f "$dst.br" "$dst.gz"
    case "$dst" in
        *.wasm|*.js|*.ttf|*.html)
            if command -v brotli >/dev/null 2>&1; then brotli -q 11 -f -o "$dst.br" "$dst"; fi
            gzip -9 -k -f "$dst" ;;
    esac
}

# The app icons (manifest and tab), rendered from assets/icon.svg when it changed.
make_icons() {
    command -v rsvg-convert >/dev/null 2>&1 || die "rsvg-convert not found (Debian package librsvg2-bin)"
    local size png
    for size in 192 512; do
        png="$WASM_DIR/icon-$size.png"
        if [ ! -f "$png" ] || [ "$ROOT/assets/icon.svg" -nt "$png" ]; then
            rsvg-convert -w "$size" -h "$size" "$ROOT/assets/icon.svg" -o "$png" || die "rendering assets/icon.svg failed"
        fi
        dist_copy "$png" "$DIST/icons/icon-$size.png"
    done
}

make_dist() {
    local out="$WASM_DIR/web"
    [ -f "$out/kefu.wasm" ] || die "no $out/kefu.wasm"
    mkdir -p "$DIST/fonts" "$DIST/demo"
    dist_copy "$out/kefu.js" "$DIST/kefu.js"
    dist_copy "$out/kefu.wasm" "$DIST/kefu.wasm"
    dist_copy "$ROOT/web/kefu-store.js" "$DIST/kefu-store.js"
    dist_copy "$ROOT/web/kefu-pieces.js" "$DIST/kefu-pieces.js"
    dist_copy "$FONT_DIR/kefu-gb2312.ttf" "$DIST/fonts/kefu-gb2312.ttf"
    dist_copy "$FONT_DIR/kefu-gbk.ttf" "$DIST/fonts/kefu-gbk.ttf"
    local f
    for f in "$ROOT"/assets/demo/*.csv; do [ -f "$f" ] && dist_copy "$f" "$DIST/demo/$(basename "$f")"; done
    make_icons
    dist_copy "$ROOT/web/manifest.webmanifest" "$DIST/manifest.webmanifest"
    local size id
    size=$(wc -c <"$out/kefu.wasm")
    id=$(cat "$out/kefu.wasm" "$out/kefu.js" "$FONT_DIR/kefu-gbk.ttf" "$ROOT/shell.html" "$ROOT/web/kefu-store.js" "$ROOT/web/kefu-pieces.js" | cksum | cut -d' ' -f1)
    sed -e "s/@KEFU_WASM_SIZE@/$size/" -e "s/@KEFU_BUILD_ID@/$id/" "$ROOT/shell.html" >"$WASM_DIR/index.html"
    dist_copy "$WASM_DIR/index.html" "$DIST/index.html"
    # Offline: the service worker's file list and version from what is in dist/ now; then the page
    # as one file for opening from disk.
    "$(host_python)" "$ROOT/scripts/make_sw.py" "$DIST" "$ROOT/web/sw.js" >&2 || die "writing sw.js failed"
    "$(host_python)" "$ROOT/scripts/make_single.py" "$DIST" "$DIST/kefu-score.html" >&2 || die "writing kefu-score.html failed"
    log "dist/ is ready ($(du -sh "$DIST" | cut -f1); kefu.wasm $((size / 1024)) KiB)"
}

build_page() {
    build_wasm app
    build_fonts
    make_dist
}
