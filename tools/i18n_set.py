#!/usr/bin/env python3
"""Sets translation keys in assets/i18n/zh.json and en.json (adds or replaces), keeping order.

Usage: tools/i18n_set.py KEY ZH EN [KEY ZH EN ...]
Holds a lock on assets/i18n/ so that two edits at once do not lose each other's keys.
"""
import collections
import fcntl
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "assets", "i18n")


def main(args):
    if not args or len(args) % 3:
        sys.exit("usage: tools/i18n_set.py KEY ZH EN [KEY ZH EN ...]")
    with open(os.path.join(DIR, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for lang, idx in (("zh", 1), ("en", 2)):
            path = os.path.join(DIR, lang + ".json")
            with open(path, encoding="utf-8") as f:
                d = json.load(f, object_pairs_hook=collections.OrderedDict)
            for i in range(0, len(args), 3):
                d[args[i]] = args[i + idx]
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(d, f, ensure_ascii=False, indent=2)
                f.write("\n")
            os.replace(tmp, path)


if __name__ == "__main__":
    main(sys.argv[1:])
