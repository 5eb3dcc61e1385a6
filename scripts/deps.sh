# What the builds need, installed once: Debian packages, the Dear ImGui 1.86 and SDL2 2.26.5
# source packages (unpacked under build/deps/), SDL2 compiled for WebAssembly (cached there).
# Sourced by build-wasm.sh after common.sh.
#
# Off Debian (emsdk elsewhere): set IMGUI_DIR=/path/to/imgui-1.86 (a checkout with imgui.cpp and
# backends/) and KEFU_SDL=port to use emsdk's SDL2 port (-sUSE_SDL=2) instead of the source packages.

IMGUI_VERSION=1.86
SDL_VERSION=2.26.5
SDL_WASM_PREFIX="$DEPS/sdl2-wasm"

# Binary packages of ../shared/TOOLCHAIN.md plus the build tools themselves.
BASE_PACKAGES=(cmake ninja-build g++ make xz-utils python3 emscripten libcereal-dev doctest-dev libsdl2-dev
               fonts-wqy-microhei python3-fonttools python3-brotli brotli librsvg2-bin)
# libreoffice-calc-nogui reads our XLSX back; poppler-utils counts the report's PDF pages.
TEST_PACKAGES=(chromium clang libclang-rt-14-dev libreoffice-calc-nogui poppler-utils)

ensure_packages() {
    is_debian || { log "not Debian: skipping apt (needs emcc, cmake, cereal, doctest, fontTools, chromium)"; return 0; }
    local pkgs=("${BASE_PACKAGES[@]}" "$@")
    command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
    command -v npm >/dev/null 2>&1 || pkgs+=(npm)
    apt_install_missing "${pkgs[@]}"
}

# A deb-src entry mirroring the binary sources, so `apt-get source` finds imgui and libsdl2.
ensure_deb_src() {
    local f=/etc/apt/sources.list.d/kefu-deb-src.sources
    if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then return 0; fi
    [ "$(id -u)" = 0 ] || die "no deb-src entry; run: sudo sh -c \"sed 's/^Types: deb\$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > $f\" && sudo apt-get update"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$f"
    else
        grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' >/etc/apt/sources.list.d/kefu-deb-src.list
    fi
    APT_UPDATED=0
    apt_update_once
}

# Downloads a source package's orig tarball into build/deps/src and unpacks it once.
# Usage: fetch_source PACKAGE TARBALL-GLOB UNPACKED-DIR
fetch_source() {
    local pkg="$1" glob="$2" dir="$3"
    [ -d "$dir" ] && return 0
    mkdir -p "$DEPS/src"
    # shellcheck disable=SC2086
    if ! ls "$DEPS/src/"$glob >/dev/null 2>&1; then
        ensure_deb_src
        # As root apt would hand the download to its _apt user, who cannot write here.
        local sandbox=()
        [ "$(id -u)" = 0 ] && sandbox=(-o APT::Sandbox::User=root)
        log "apt-get source --download-only $pkg"
        (cd "$DEPS/src" && apt-get source --download-only -qq "${sandbox[@]}" "$pkg" >&2) || {
            APT_UPDATED=0; apt_update_once
            (cd "$DEPS/src" && apt-get source --download-only -qq "${sandbox[@]}" "$pkg" >&2) || die "apt-get source $pkg failed"
        }
    fi
    local tarball
    # shellcheck disable=SC2086
    tarball="$(ls "$DEPS/src/"$glob | head -1)"
    local tmp="$dir.tmp"
    rm -rf "$tmp" && mkdir -p "$tmp"
    tar -xf "$tarball" -C "$tmp" || die "unpacking $tarball failed"
    # The tarball holds one top folder; move it into place atomically.
    mv "$tmp"/* "$dir" && rmdir "$tmp"
}

# Sets IMGUI_DIR (ImGui sources with backends/).
ensure_imgui() {
    if [ -n "${IMGUI_DIR:-}" ]; then
        [ -f "$IMGUI_DIR/imgui.cpp" ] || die "IMGUI_DIR=$IMGUI_DIR has no imgui.cpp"
        return 0
    fi
    is_debian || die "set IMGUI_DIR to a Dear ImGui $IMGUI_VERSION checkout (no Debian source package here)"
    IMGUI_DIR="$DEPS/imgui-$IMGUI_VERSION"
    fetch_source imgui "imgui_${IMGUI_VERSION}*.orig.tar.*" "$IMGUI_DIR"
    [ -f "$IMGUI_DIR/backends/imgui_impl_sdl.cpp" ] || die "$IMGUI_DIR lacks backends/imgui_impl_sdl.cpp"
}

# SDL2 for wasm: Debian's source package compiled once with emcmake (scripts/sdl2-wasm/: video,
# events, timers and joystick only) into build/deps/sdl2-wasm. KEFU_SDL=port (or no Debian) uses
# emsdk's -sUSE_SDL=2 port instead.
ensure_sdl_wasm() {
    if [ "${KEFU_SDL:-}" = port ] || ! is_debian; then KEFU_SDL=port; return 0; fi
    KEFU_SDL=source
    local recipe="$ROOT/scripts/sdl2-wasm"
    local stamp="$SDL_WASM_PREFIX/.built"
    local want
    want="$SDL_VERSION $(cat "$recipe/CMakeLists.txt" "$recipe/SDL_config.h" | cksum) $(emcc -dumpversion 2>/dev/null)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
    local src="$DEPS/SDL2-$SDL_VERSION"
    fetch_source libsdl2 "libsdl2_${SDL_VERSION}*.orig.tar.*" "$src"
    log "building SDL2 $SDL_VERSION for wasm (once; cached in $SDL_WASM_PREFIX)"
    local bdir="$DEPS/sdl2-wasm-build"
    rm -rf "$bdir" "$SDL_WASM_PREFIX"
    local gen=()
    command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
    { emcmake cmake -S "$recipe" -B "$bdir" "${gen[@]}" -DCMAKE_BUILD_TYPE=Release -DSDL_SOURCE_DIR="$src" \
          -DCMAKE_INSTALL_PREFIX="$SDL_WASM_PREFIX" &&
      cmake --build "$bdir" -j "$JOBS" && cmake --install "$bdir"; } >"$bdir.log" 2>&1 \
        || { tail -40 "$bdir.log" >&2; die "building SDL2 for wasm failed (log: $bdir.log)"; }
    echo "$want" >"$stamp"
}

# npm playwright-core for the browser tests (Chromium comes from Debian, never downloaded).
ensure_playwright() {
    local dir="$ROOT/tests/browser"
    [ -f "$dir/node_modules/playwright-core/package.json" ] && return 0
    log "npm install playwright-core"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error >&2) || die "npm install in tests/browser failed"
}
