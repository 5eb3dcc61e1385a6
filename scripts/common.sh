# Shared helpers of build-wasm.sh: logging, the Emscripten environment, apt installs.
# Sourced, never run. ROOT is the repository root; every build output goes under build/ and dist/.

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BUILD="$ROOT/build"
DEPS="$BUILD/deps"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build-wasm.sh: %s\n' "$*" >&2; exit 1; }

# Debian's python has the modules Emscripten and fontTools need (a pyenv shim may not).
host_python() { if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi; }

is_debian() { command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; }

# Emscripten: emcc from PATH (emsdk or Debian). Debian's build needs Debian's node modules and
# python; emsdk brings its own, so those two variables are only set for Debian's emcc.
setup_emscripten() {
    command -v emcc >/dev/null 2>&1 || die "emcc not found: install Debian's 'emscripten' or activate emsdk (source emsdk_env.sh)"
    local real
    real="$(readlink -f "$(command -v emcc)")"
    case "$real" in
        /usr/share/emscripten/*)
            export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
            export EMSDK_PYTHON="${EMSDK_PYTHON:-/usr/bin/python3}"
            KEFU_DEBIAN_EMSCRIPTEN=1 ;;
        *) KEFU_DEBIAN_EMSCRIPTEN=0 ;;
    esac
}

APT_UPDATED=0
apt_update_once() {
    [ "$APT_UPDATED" = 1 ] && return 0
    log "apt-get update"
    apt-get update -qq >&2 || die "apt-get update failed"
    APT_UPDATED=1
}

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# Installs the packages that are missing (as root), or prints the exact command and stops.
apt_install_missing() {
    local missing=() p
    for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        die "missing packages; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    fi
    apt_update_once
    log "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
        || die "apt-get install ${missing[*]} failed"
}

# Runs "$@" and prints its duration; used for the summary of long steps.
timed() {
    local t0=$SECONDS
    "$@"
    local rc=$?
    log "$1 took $((SECONDS - t0)) s"
    return $rc
}

# Configures (once) and builds a CMake tree. Usage: cmake_build DIR "configure args..." targets...
# An existing tree keeps its generator; new trees use Ninja when present.
cmake_build() {
    local dir="$1" args="$2"; shift 2
    local gen=()
    if [ ! -f "$dir/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then gen=(-G Ninja); fi
    # Where cereal/rapidjson/doctest live when not under /usr/include (emsdk machines).
    if [ -n "${KEFU_HEADER_ROOT:-}" ]; then args="$args -DKEFU_HEADER_ROOT=$KEFU_HEADER_ROOT"; fi
    # shellcheck disable=SC2086
    ${CMAKE_WRAPPER:-} cmake -S "$ROOT" -B "$dir" "${gen[@]}" $args >"$dir.configure.log" 2>&1 \
        || { cat "$dir.configure.log" >&2; die "configuring $dir failed"; }
    local t
    for t in "$@"; do
        cmake --build "$dir" --target "$t" -j "$JOBS" || die "building $t in $dir failed"
    done
}
