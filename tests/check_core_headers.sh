#!/usr/bin/env bash
# core/ is UI- and platform-free: no ImGui, SDL, GL or emscripten header may be included there.
set -u
cd "$(dirname "$0")/.."
bad=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?(imgui[^>"]*|SDL[^>"]*|GL/[^>"]*|GLES[^>"]*|gl[0-9a-z]*\.h|emscripten[^>"]*)[>"]' core/ || true)
if [ -n "$bad" ]; then
  echo "core/ includes UI or platform headers:"
  echo "$bad"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "core/ includes no ImGui, SDL, GL or emscripten header"
echo "1 passed, 0 failed"
