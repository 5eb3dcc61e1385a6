#!/usr/bin/python3
"""Smoke test of the desktop build of web/main.cpp (the same panels as the page), run by
build-wasm.sh test under address and undefined-behaviour sanitizers with SDL's offscreen video
driver: it opens the demo shop, draws some frames, and prints its state and items as JSON.

Usage: smoke.py PATH/TO/kefu-desktop     Last line: "N passed, M failed".
"""
import json
import os
import subprocess
import sys
import tempfile


def run(exe: str):
    home = tempfile.mkdtemp(prefix="kefu-desktop-")
    env = dict(os.environ, SDL_VIDEODRIVER="offscreen", HOME=home, ASAN_OPTIONS="detect_leaks=0")
    return subprocess.run([exe, "--demo", "--frames", "20", "--print-state"], env=env, capture_output=True,
                          text=True, timeout=120)


def main() -> int:
    proc = run(sys.argv[1])
    lines = [l for l in proc.stdout.splitlines() if l.startswith(("{", "["))]
    state = json.loads(lines[0]) if lines else {}
    items = json.loads(lines[1]) if len(lines) > 1 else []
    labels = {i["id"]: i["label"] for i in items}
    checks = [
        ("exits cleanly after 20 frames", proc.returncode == 0),
        ("opens the demo shop", state.get("demo") is True and len(state.get("roster", [])) >= 3),
        ("computes results", any(r.get("score") is not None for r in state.get("results", []))),
        ("draws the main menu in Chinese", labels.get("menu.file") == "文件" and labels.get("menu.help") == "帮助"),
        ("draws the roster and results panels", "panel.roster" in labels and "panel.results" in labels),
    ]
    passed = sum(1 for _, ok in checks if ok)
    for name, ok in checks:
        print(("ok   " if ok else "FAIL ") + name)
    if proc.returncode != 0:
        print(proc.stderr[-3000:])
    print(f"{passed} passed, {len(checks) - passed} failed")
    return 0 if passed == len(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
