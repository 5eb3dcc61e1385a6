#!/usr/bin/python3
"""Writes DIST/sw.js from web/sw.js: the list of files the service worker caches (every file of
DIST except the precompressed .br/.gz copies, sw.js itself and the single-file page) and a version
that is a hash of their paths and bytes, so a changed file makes browsers install a new worker.

Usage: make_sw.py DIST TEMPLATE
"""
import hashlib
import json
import os
import sys

SKIPPED = {"sw.js", "kefu-score.html"}


def page_files(dist):
    files = []
    for folder, _, names in os.walk(dist):
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), dist).replace(os.sep, "/")
            if rel in SKIPPED or name.endswith((".br", ".gz")):
                continue
            files.append(rel)
    return sorted(files)


def main() -> int:
    dist, template = sys.argv[1], sys.argv[2]
    files = page_files(dist)
    if "index.html" not in files:
        print(f"make_sw.py: {dist} has no index.html", file=sys.stderr)
        return 1
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode() + b"\0")
        with open(os.path.join(dist, rel), "rb") as f:
            digest.update(f.read())
    version = digest.hexdigest()[:16]
    text = open(template, encoding="utf-8").read()
    for marker in ("@KEFU_SW_VERSION@", "/* @KEFU_SW_FILES@ */ []"):
        if marker not in text:
            print(f"make_sw.py: {template} lacks {marker}", file=sys.stderr)
            return 1
    text = text.replace("@KEFU_SW_VERSION@", version).replace("/* @KEFU_SW_FILES@ */ []", json.dumps(files))
    out = os.path.join(dist, "sw.js")
    for stale in (out + ".br", out + ".gz"):
        if os.path.exists(stale):
            os.remove(stale)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"sw.js: version {version}, {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
