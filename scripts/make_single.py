#!/usr/bin/python3
"""Writes the single-file page: DIST/index.html with kefu-store.js and kefu-pieces.js inlined and kefu.js, kefu.wasm
and both font subsets embedded as base64 (window.kefuEmbedded, which shell.html reads instead of
fetching); the demo shop is inside kefu.wasm. Opened from disk (file://) it needs nothing else; no
manifest or icon links, since a file has no service worker or installation.

Usage: make_single.py DIST OUT.html
"""
import base64
import json
import os
import re
import sys

EMBEDDED = ["kefu.js", "kefu.wasm", "fonts/kefu-gb2312.ttf", "fonts/kefu-gbk.ttf"]


def fail(message):
    print(f"make_single.py: {message}", file=sys.stderr)
    sys.exit(1)


def inline_script(text, what):
    if "</script" in text.lower():
        fail(f"{what} contains '</script' and cannot be inlined")
    return "<script>\n" + text + "\n</script>"


def main() -> int:
    dist, out = sys.argv[1], sys.argv[2]
    html = open(os.path.join(dist, "index.html"), encoding="utf-8").read()
    for name in ("kefu-store.js", "kefu-pieces.js"):
        text = open(os.path.join(dist, name), encoding="utf-8").read()
        html, n = re.subn(r'<script src="' + re.escape(name) + r'[^"]*"></script>', lambda _: inline_script(text, name), html)
        if n != 1:
            fail(f"index.html does not load {name} with one <script src>")
    html, n = re.subn(r'\s*<link rel="(manifest|icon)"[^>]*>', "", html)
    if n != 2:
        fail(f"index.html has {n} manifest/icon links, expected 2")
    files = {}
    for rel in EMBEDDED:
        path = os.path.join(dist, rel)
        if not os.path.isfile(path):
            fail(f"{path} is missing")
        files[rel] = base64.b64encode(open(path, "rb").read()).decode("ascii")
    embedded = "<script>window.kefuEmbedded = " + json.dumps(files) + ";</script>\n"
    at = html.find("<script>")
    if at < 0:
        fail("index.html has no inline <script>")
    html = html[:at] + embedded + html[at:]
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(tmp, out)
    print(f"{os.path.basename(out)}: {os.path.getsize(out) / 1048576:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
