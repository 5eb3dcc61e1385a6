#!/usr/bin/env python3
"""Golden suite: runs the `kefu` binary itself on each case under tests/golden/cases/ and compares
its output with hand-checked expectations.

A case is a folder with `case.json` (run in a temporary copy of the folder; optional "setup" is a
list of kefu argument lists run first, with KEFU_NOW_MS fixed):
  {"description": "...", "args": ["score", "--metrics", "metrics.csv", ...],
   "exit": 0, "expect": {...}, "stderr_contains": ["..."], "stdout_contains": ["..."],
   "absent_files": ["out.json"]}
Paths in args are relative to the case folder. `expect` is matched as a subset of the JSON on
stdout: objects compare only the keys given, arrays element by element with equal length,
numbers exactly (money is integer fen; scores are rounded to 6 decimals by the engine).
Prints one line per case and ends with `N passed, M failed`.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def match(expected, actual, path="$"):
    """Returns a list of mismatch descriptions."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {json.dumps(actual, ensure_ascii=False)[:80]}"]
        out = []
        for k, v in expected.items():
            if k not in actual:
                out.append(f"{path}.{k}: missing")
            else:
                out += match(v, actual[k], f"{path}.{k}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {json.dumps(actual, ensure_ascii=False)[:200]}"]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += match(e, a, f"{path}[{i}]")
        return out
    if isinstance(expected, float) or isinstance(actual, float):
        if not isinstance(actual, (int, float)) or isinstance(actual, bool) or abs(expected - actual) > 1e-9:
            return [f"{path}: expected {expected}, got {actual}"]
        return []
    if expected != actual:
        return [f"{path}: expected {json.dumps(expected, ensure_ascii=False)}, got {json.dumps(actual, ensure_ascii=False)}"]
    return []


def run_case(kefu, source):
    spec = json.load(open(os.path.join(source, "case.json"), encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="kefu-golden-") as tmp:
        folder = os.path.join(tmp, "case")
        shutil.copytree(source, folder)
        return check_case(kefu, folder, spec)


def check_case(kefu, folder, spec):
    env = dict(os.environ, KEFU_NOW_MS=str(spec.get("now_ms", 1711900000000)))
    for step in spec.get("setup", []):
        pre = subprocess.run([kefu] + step, cwd=folder, capture_output=True, timeout=60, env=env)
        if pre.returncode != 0:
            return [f"setup {step} failed: {pre.stderr.decode('utf-8', 'replace')[:300]}"]
    proc = subprocess.run([kefu] + spec["args"], cwd=folder, capture_output=True, timeout=60, env=env)
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    problems = []
    want_exit = spec.get("exit", 0)
    if proc.returncode != want_exit:
        problems.append(f"exit code {proc.returncode}, expected {want_exit}; stderr: {stderr.strip()[:400]}")
    for s in spec.get("stderr_contains", []):
        if s not in stderr:
            problems.append(f"stderr lacks {s!r}; stderr: {stderr.strip()[:400]}")
    for s in spec.get("stdout_contains", []):
        if s not in stdout:
            problems.append(f"stdout lacks {s!r}")
    if want_exit != 0 and stdout.strip():
        problems.append("a failed run must write nothing to stdout")
    for f in spec.get("absent_files", []):
        target = os.path.join(folder, f)
        if os.path.exists(target):
            problems.append(f"{f} was written although the run failed")
    if "expect" in spec and proc.returncode == 0:
        try:
            actual = json.loads(stdout)
        except json.JSONDecodeError as e:
            problems.append(f"stdout is not JSON: {e}")
        else:
            problems += match(spec["expect"], actual)
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kefu", required=True)
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()
    kefu = os.path.abspath(args.kefu)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
    names = args.cases or sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "case.json")))
    passed = failed = 0
    for name in names:
        problems = run_case(kefu, os.path.join(root, name))
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for p in problems[:20]:
                print(f"     {p}")
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
