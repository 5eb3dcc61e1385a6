#!/usr/bin/env python3
"""Turns the benchmark lines of one `./build-wasm.sh bench` run into bench/results.json and a
readable bench/RESULTS.md. Every figure comes from the run; targets print as met or missed.

Usage: report.py RAW.jsonl RESULTS.json RESULTS.md
"""
import json
import platform
import statistics
import sys
import time

TARGET_EVALUATE_MS = 50.0


def main():
    raw, out_json, out_md = sys.argv[1:4]
    rows = [json.loads(line) for line in open(raw, encoding="utf-8") if line.strip()]
    by_engine = {}
    for r in rows:
        by_engine.setdefault(r["engine"], []).append(r)
    med = {e: statistics.median(r["median_ms"] for r in rs) for e, rs in by_engine.items()}
    checks = {e: {r["total_fen"] for r in rs} for e, rs in by_engine.items()}
    same_result = len(set().union(*checks.values())) == 1
    ratios = []
    nat, wasm = by_engine.get("native", []), by_engine.get("wasm-node", [])
    for a, b in zip(sorted(wasm, key=lambda r: r["round"]), sorted(nat, key=lambda r: r["round"])):
        ratios.append(a["median_ms"] / b["median_ms"])
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {"cpu_count": __import__("os").cpu_count(), "platform": platform.platform()},
        "evaluate": {
            "agents": rows[0]["agents"], "metrics": rows[0]["metrics"], "preset": rows[0]["preset"],
            "median_ms": med, "wasm_over_native": statistics.median(ratios) if ratios else None,
            "rounds": rows, "same_total_fen_everywhere": same_result,
            "target_native_ms": TARGET_EVALUATE_MS,
            "target_met": med.get("native", 1e9) < TARGET_EVALUATE_MS,
        },
    }
    json.dump(result, open(out_json, "w", encoding="utf-8"), indent=2, ensure_ascii=False)
    ev = result["evaluate"]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `./build-wasm.sh bench` (bench/report.py) on {result['date']}, "
        f"{result['machine']['cpu_count']} cores, {result['machine']['platform']}. Do not edit by hand.",
        "",
        f"## evaluate(): {ev['agents']:,} agents x {ev['metrics']} metric columns, preset `{ev['preset']}`",
        "",
        "Explanations are kept as data and not formatted. Median of 15 timed runs per round, 3 rounds;",
        "native and wasm (Node) rounds alternate in one run.",
        "",
        "| engine | median ms (median of rounds) | rounds |",
        "|---|---|---|",
    ]
    for e, rs in by_engine.items():
        rounds = ", ".join("%.1f" % r["median_ms"] for r in rs)
        lines.append(f"| {e} | {med[e]:.1f} | {rounds} |")
    lines += [
        "",
        f"- wasm / native (pairwise by round, median): {ev['wasm_over_native']:.2f}" if ev["wasm_over_native"] else "- wasm / native: not measured",
        f"- same money totals natively and in wasm: {'yes' if same_result else 'NO'}",
        f"- target: native median under {TARGET_EVALUATE_MS:.0f} ms: "
        + ("**met**" if ev["target_met"] else f"**missed** ({med.get('native', float('nan')):.1f} ms)"),
        "",
    ]
    if not ev["target_met"]:
        lines += [
            "Why it is missed: every rule writes its explanation lines (about 40 per agent for",
            "shop-default: inputs, formula arguments, thresholds) as data, so 10,000 agents make about",
            "400,000 small records per evaluation; allocation of those records dominates the profile.",
            "",
        ]
    open(out_md, "w", encoding="utf-8").write("\n".join(lines))


if __name__ == "__main__":
    main()
