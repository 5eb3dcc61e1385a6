#!/usr/bin/env python3
"""Turns the benchmark lines of one `./build-wasm.sh bench` run into bench/results.json and a
readable bench/RESULTS.md. Every figure comes from the run; targets print as met or missed.

Usage: report.py RAW.jsonl RESULTS.json RESULTS.md
"""
import json
import os
import platform
import statistics
import sys
import time

TARGET_EVALUATE_MS = 50.0
TARGET_SNAPSHOT_MS = 100.0  # browser median, each of save and load (the issue's requirement)
TARGET_RUN_MINUTES = 20  # the whole ./build-wasm.sh bench


def evaluate_section(rows):
    """results.json's "evaluate" and its RESULTS.md lines, from the bench_evaluate lines."""
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
    ev = {
        "agents": rows[0]["agents"], "metrics": rows[0]["metrics"], "preset": rows[0]["preset"],
        "median_ms": med, "wasm_over_native": statistics.median(ratios) if ratios else None,
        "rounds": rows, "same_total_fen_everywhere": same_result,
        "target_native_ms": TARGET_EVALUATE_MS,
        "target_met": med.get("native", 1e9) < TARGET_EVALUATE_MS,
    }
    lines = [
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
    return ev, lines


# Steps of one snapshot save and one load, as bench_snapshot.cpp and bench/browser/snapshot.html name
# them; (name, label, whether MB/s of the snapshot means something for it).
SNAPSHOT_STEPS = [
    ("save", "**save** = encode + write", True),
    ("encode", "encode (browser: with the copy out of the wasm heap)", True),
    ("write", "write: kefuStore.save (add, move current, prune; 50 versions kept) / file + rename", True),
    ("load", "**load** = read + decode + stateFromShop", True),
    ("read", "read: kefuStore.loadCurrent (one readonly tx) / file", True),
    ("decode", "decode (browser: with the copy into the wasm heap)", True),
    ("state", "stateFromShop (rebuilds the months, recomputes results)", False),
]


TARGET_SAVE_MB_S = 300.0  # snapshot save in Chromium, encode + IndexedDB write
TARGET_LOAD_MB_S = 500.0  # snapshot load in Chromium, read + decode + rebuild


def snapshot_section(rows):
    """results.json's "snapshot" and its RESULTS.md lines, from the bench_snapshot lines."""
    samples = {}
    for r in rows:
        samples.setdefault(r["engine"], {})[r["name"]] = r["samples_ms"]
    first = rows[0]
    size = first["bytes"]
    med = {e: {n: statistics.median(v) for n, v in by.items()} for e, by in samples.items()}
    rated = {name for name, _, rate in SNAPSHOT_STEPS if rate}
    mbps = {e: {n: round(size / 1e3 / m, 1) for n, m in by.items() if m > 0 and n in rated} for e, by in med.items()}
    br, nat = med.get("browser", {}), med.get("native", {})
    ratio = {n: br[n] / nat[n] for n in br if nat.get(n)}
    fens = {r["total_fen"] for r in rows}
    sizes = {r["bytes"] for r in rows}
    snap = {
        "shop": first.get("shop"),
        "agents": first["agents"], "months": first["months"], "cells": first["cells"],
        "closed_months": first["closed_months"], "bytes": size, "same_bytes_everywhere": len(sizes) == 1,
        "versions_kept": next((r["versions_kept"] for r in rows if "versions_kept" in r), None),
        "browser": next((r["browser"] for r in rows if r.get("browser")), None),
        "rounds": {e: len(by.get("save", [])) for e, by in samples.items()},
        "median_ms": med, "mb_per_s": mbps, "browser_over_native": ratio,
        "same_total_fen_everywhere": len(fens) == 1, "samples_ms": samples,
        "target_browser_ms": TARGET_SNAPSHOT_MS,
        "save_target_met": br.get("save", 1e9) < TARGET_SNAPSHOT_MS,
        "load_target_met": br.get("load", 1e9) < TARGET_SNAPSHOT_MS,
        "target_save_mb_s": TARGET_SAVE_MB_S, "target_load_mb_s": TARGET_LOAD_MB_S,
        "save_rate_met": mbps.get("browser", {}).get("save", 0) >= TARGET_SAVE_MB_S,
        "load_rate_met": mbps.get("browser", {}).get("load", 0) >= TARGET_LOAD_MB_S,
    }
    return snap, snapshot_lines(snap)


def snapshot_lines(snap):
    br, nat = snap["median_ms"].get("browser", {}), snap["median_ms"].get("native", {})
    fmt = lambda v, f="%.1f": f % v if v is not None else "-"
    size = f"Snapshot: {snap['bytes']:,} bytes ({snap['bytes'] / 1e6:.2f} MB)."
    if snap["shop"]:
        lines = [
            "## Snapshot save/load, a shop whose month came from the 1 GB chat log",
            "",
            "`kefu metrics` read the generated 1 GB chat log and its orders (the chat-log section) into March 2024's "
            f"metrics and `kefu snapshot create` made the shop of them (shop-default): {snap['agents']} agents, "
            f"{snap['months']} month, {snap['cells']:,} metric cells. The shop keeps the month's metrics, not the log. "
            f"{size}",
            "",
        ]
    else:
        lines = [
            f"## Snapshot save/load, {snap['agents']} agents x {snap['months']} months",
            "",
            f"A generated shop (bench/bench_shop.h): {snap['agents']} agents, {snap['months']} months, "
            f"{snap['cells']:,} metric cells with provenance and stamps, a few events a month, "
            f"{snap['closed_months']} closed months with frozen scheme, inputs and results. {size}",
            "",
        ]
    lines += [
        f"Browser: {snap['browser'] or 'headless Chromium'} (headless, on-disk profile), the wasm build of "
        "bench/bench_snapshot.cpp and the app's IndexedDB code (web/kefu-store.js), timed in the page with "
        f"performance.now(); the store holds its steady {snap['versions_kept']} versions, so every save also prunes; "
        "save ends at the IndexedDB transaction's oncomplete. Native: the same C++ (Release), a file in build/bench written and renamed "
        f"without fsync. Median of {snap['rounds'].get('browser', 0)} (browser) and {snap['rounds'].get('native', 0)} "
        "(native) timed rounds after 3 warm-up rounds.",
        "",
        "| step | browser median ms | native median ms | browser / native | browser MB/s |",
        "|---|---|---|---|---|",
    ]
    for name, label, rate in SNAPSHOT_STEPS:
        b, n = br.get(name), nat.get(name)
        r = snap["browser_over_native"].get(name)
        mb = snap["mb_per_s"].get("browser", {}).get(name) if rate else None
        lines.append(f"| {label} | {fmt(b)} | {fmt(n)} | {fmt(r, '%.2f')} | {fmt(mb, '%.0f')} |")
    target = snap["target_browser_ms"]
    verdict = lambda met, v: "**met**" if met else f"**not met** ({fmt(v)} ms)"
    rates = snap["mb_per_s"].get("browser", {})
    rate_verdict = lambda met, step: "**met**" if met else f"**not met** ({fmt(rates.get(step), '%.0f')} MB/s)"
    lines += [
        "",
        f"- target: browser save median under {target:.0f} ms: " + verdict(snap["save_target_met"], br.get("save")),
        f"- target: browser load median under {target:.0f} ms: " + verdict(snap["load_target_met"], br.get("load")),
        f"- target: browser save >= {snap['target_save_mb_s']:.0f} MB/s: " + rate_verdict(snap["save_rate_met"], "save"),
        f"- target: browser load >= {snap['target_load_mb_s']:.0f} MB/s: " + rate_verdict(snap["load_rate_met"], "load"),
        f"- same snapshot bytes and money totals after load natively and in the browser: "
        + ("yes" if snap["same_total_fen_everywhere"] and snap["same_bytes_everywhere"] else "NO"),
        "",
    ]
    if not (snap["save_rate_met"] and snap["load_rate_met"]):
        part = lambda step: f"{fmt(br.get(step))} ms ({fmt(rates.get(step), '%.0f')} MB/s)"
        lines += [
            "Why a rate target is missed: the rates count the whole step against the snapshot's size. Encoding "
            f"alone runs at {fmt(rates.get('encode'), '%.0f')} MB/s and decoding at {fmt(rates.get('decode'), '%.0f')} MB/s; "
            f"the save also waits for IndexedDB's transaction to commit (write: {part('write')}), and the load "
            f"rebuilds every month and scores it again (stateFromShop: {fmt(br.get('state'))} ms, which is scoring "
            f"work, not bytes) after IndexedDB's read ({part('read')})."
            + (" For a snapshot this small the fixed cost of an IndexedDB transaction and of a month's scoring "
               "decide the time, not its bytes." if snap["bytes"] < 1_000_000 else ""),
            "",
        ]
    return lines


TARGET_FRAME_P95_MS = 16.0  # the web-app issue's bar; the performance issue asks p95 <= 4 ms
TARGET_FRAME_P99_MS = 33.0
TARGET_FRAME_P95_STRICT_MS = 4.0


def frames_section(rows):
    """results.json's "frames" and its RESULTS.md lines, from browser_frames.mjs's lines."""
    sizes = [{k: r[k] for k in ("width", "height", "frames", "p50_ms", "p95_ms", "p99_ms", "max_ms")} for r in rows]
    met = all(r["p95_ms"] <= TARGET_FRAME_P95_MS and r["p99_ms"] <= TARGET_FRAME_P99_MS for r in sizes)
    strict = all(r["p95_ms"] <= TARGET_FRAME_P95_STRICT_MS for r in sizes)
    frames = {"browser": rows[0].get("browser"), "sizes": sizes, "target_p95_ms": TARGET_FRAME_P95_MS,
              "target_p99_ms": TARGET_FRAME_P99_MS, "target_met": met,
              "target_p95_strict_ms": TARGET_FRAME_P95_STRICT_MS, "strict_target_met": strict}
    lines = [
        "## Frame CPU time of the page, demo shop",
        "",
        f"{frames['browser'] or 'headless Chromium'} (headless, SwiftShader): the time of each frame from event polling "
        "to the end of the GL calls (web/main.cpp), the first frame and glyph-atlas rebuilds left out, while a "
        "scripted session switches tabs, scrolls the data grid, opens scorecards and moves the mouse "
        "(bench/browser_frames.mjs). No peer is measured for this one.",
        "",
        "| window | frames | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
    ]
    for r in sizes:
        lines.append(f"| {r['width']}x{r['height']} | {r['frames']} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
                     f"{r['p99_ms']:.1f} | {r['max_ms']:.1f} |")
    lines += [
        "",
        f"- target: p95 <= {TARGET_FRAME_P95_MS:.0f} ms and p99 <= {TARGET_FRAME_P99_MS:.0f} ms: "
        + ("**met**" if met else "**not met**"),
        f"- stricter target: p95 <= {TARGET_FRAME_P95_STRICT_MS:.0f} ms: " + ("**met**" if strict else "**not met**"),
        "",
    ]
    if not strict:
        worst = max(sizes, key=lambda r: r["p95_ms"])
        lines += [
            f"Why the {TARGET_FRAME_P95_STRICT_MS:.0f} ms p95 is missed: the median frame takes "
            f"{min(r['p50_ms'] for r in sizes):.1f}-{max(r['p50_ms'] for r in sizes):.1f} ms, but the slowest 5% "
            f"(up to {worst['p95_ms']:.1f} ms at {worst['width']}x{worst['height']}) are the frames where the scripted "
            "session does something: a tab switch builds its table, a scorecard lays out its explanation lines, the "
            "grid lays out a new set of rows. A frame's CPU time here also holds the WebGL calls handed to "
            "SwiftShader's command buffer. These heavy frames have not been split or cached yet; the 16 ms bar (60 "
            "frames a second) holds with room to spare.",
            "",
        ]
    return frames, lines


TARGET_COLD_MS = 1000.0
TARGET_WARM_MS = 300.0
TARGET_FIRST_FRAME_BROTLI = 1_500_000  # bytes loaded before the first frame with text, brotli
TARGET_GRID_P95_MS = 16.7  # 60 frames a second
# shell.html's performance marks, in the order they happen (browser_start.mjs reads them).
START_PHASES = [("html-arrived", "index.html arrived"), ("wasm-downloaded", "kefu.wasm downloaded"),
                ("wasm-compiled", "kefu.wasm compiled"), ("wasm-instantiated", "instantiated (kefu.js ran)"),
                ("first-frame", "first frame drawn"), ("first-text", "first frame with Chinese text")]


def start_phase_lines(cold, warm):
    """The phases table and, when a start target is missed, where the time went."""
    cp, wp = cold.get("phases_ms", {}), warm.get("phases_ms", {})
    fmt = lambda d, k: f"{d[k]:.0f}" if k in d else "-"
    lines = ["Median time of each phase from the navigation's start (shell.html's performance marks):", "",
             "| phase | cold ms | warm ms |", "|---|---|---|"]
    lines += [f"| {label} | {fmt(cp, k)} | {fmt(wp, k)} |" for k, label in START_PHASES]
    lines.append("")
    if cold["median_ms"] <= TARGET_COLD_MS and warm["median_ms"] <= TARGET_WARM_MS:
        return lines
    if not all(k in cp for k, _ in START_PHASES):
        return lines + ["A start target is missed; the page did not report all its phases.", ""]
    step = lambda a, b: cp[b] - cp[a]
    lines += [
        f"Why a start target is missed, from the cold medians: index.html arrived at {cp['html-arrived']:.0f} ms; "
        f"kefu.wasm was downloaded {step('html-arrived', 'wasm-downloaded'):.0f} ms later and compiled in "
        f"{step('wasm-downloaded', 'wasm-compiled'):.0f} ms; instantiating took {step('wasm-compiled', 'wasm-instantiated'):.0f} ms; "
        f"the app's start to its first frame (reading the font, the shop, WebGL on SwiftShader, Chromium's software "
        f"renderer here) {step('wasm-instantiated', 'first-frame'):.0f} ms; "
        + ("that first frame already drew Chinese glyphs. " if step('first-frame', 'first-text') <= 1 else
           f"and the frame with Chinese glyphs (the atlas rebuilt with the characters the first frame asked for) "
           f"{step('first-frame', 'first-text'):.0f} ms more. ") +
        f"A warm start skips the download: its first frame with text came at {wp.get('first-text', float('nan')):.0f} ms. "
        "These runs share 2 cores with other work, so the times vary from run to run (see the runs above).",
        "",
    ]
    return lines


def start_section(rows):
    """results.json's "start" and its RESULTS.md lines, from browser_start.mjs's lines."""
    cold = next(r for r in rows if r.get("kind") == "cold")
    warm = next(r for r in rows if r.get("kind") == "warm")
    tr = next(r for r in rows if r["bench"] == "transfer")
    before = tr["before_first_frame"]
    start = {
        "browser": cold["browser"], "cold_ms": cold["samples_ms"], "cold_median_ms": cold["median_ms"],
        "warm_ms": warm["samples_ms"], "warm_median_ms": warm["median_ms"], "warm_service_worker": warm["service_worker"],
        "transfer": tr, "target_cold_ms": TARGET_COLD_MS, "target_warm_ms": TARGET_WARM_MS,
        "target_first_frame_brotli_bytes": TARGET_FIRST_FRAME_BROTLI,
        "cold_target_met": cold["median_ms"] <= TARGET_COLD_MS, "warm_target_met": warm["median_ms"] <= TARGET_WARM_MS,
        "transfer_target_met": before["brotli"] <= TARGET_FIRST_FRAME_BROTLI,
    }
    kb = lambda b: f"{b / 1000:,.0f} kB"
    ms = lambda v: ", ".join(f"{x:.0f}" for x in v)
    verdict = lambda met, text: "**met**" if met else f"**not met** ({text})"
    lines = [
        "## Start-up: cold and warm start, transfer size",
        "",
        f"{start['browser']} (headless, SwiftShader WebGL), the page served on localhost by scripts/serve.py with its "
        "precompressed files (bench/browser_start.mjs). Time from the navigation's start to the end of the first frame "
        "that drew Chinese text with real glyphs (window.kefu.firstTextAt, web/test_hook.cpp): the page downloads, "
        "compiles kefu.wasm and the GB2312 font, starts, and the glyph atlas learns the first frame's characters. "
        "Cold: a new profile each run (empty HTTP cache, no service worker); warm: the next visits of that profile, "
        "once its service worker controls it.",
        "",
        "| start | median ms | runs (ms) |",
        "|---|---|---|",
        f"| cold | {cold['median_ms']:.0f} | {ms(cold['samples_ms'])} |",
        f"| warm ({'service worker' if warm['service_worker'] else 'HTTP cache only'}) | {warm['median_ms']:.0f} | {ms(warm['samples_ms'])} |",
        "",
        "What the first cold visit loaded; sizes of the files (gzip -9 and brotli -q 11, the build's .gz/.br), "
        "the time each arrived, and whether it arrived before the first frame with text:",
        "",
        "| file | raw | gzip | brotli | arrived at ms | before first frame |",
        "|---|---|---|---|---|---|",
    ]
    for f in sorted(tr["files"], key=lambda f: f["end_ms"]):
        lines.append(f"| {f['file']} | {kb(f['raw'])} | {kb(f['gzip'])} | {kb(f['brotli'])} | {f['end_ms']} | "
                     f"{'yes' if f['before_first_frame'] else 'no (loaded later)'} |")
    after = tr["after_first_frame"]
    lines += [
        f"| **before the first frame** | {kb(before['raw'])} | {kb(before['gzip'])} | **{kb(before['brotli'])}** | | |",
        f"| after it (the fuller GBK font, ...) | {kb(after['raw'])} | {kb(after['gzip'])} | {kb(after['brotli'])} | | |",
        "",
        f"- target: cold start <= {TARGET_COLD_MS:.0f} ms: " + verdict(start["cold_target_met"], f"{cold['median_ms']:.0f} ms"),
        f"- target: warm start <= {TARGET_WARM_MS:.0f} ms: " + verdict(start["warm_target_met"], f"{warm['median_ms']:.0f} ms"),
        f"- target: everything before the first frame <= {kb(TARGET_FIRST_FRAME_BROTLI)} brotli: "
        + verdict(start["transfer_target_met"], kb(before["brotli"])),
        "",
    ]
    lines += start_phase_lines(cold, warm)
    return start, lines


TARGET_GRID_AGENTS = 100_000


def growth_sentence(measured):
    """How making and opening the month grew between the two largest measured sizes."""
    if len(measured) < 2:
        return ""
    a, b = sorted(measured, key=lambda r: r["agents"])[-2:]
    n = b["agents"] / a["agents"]
    return (f" From {a['agents']:,} to {b['agents']:,} agents ({n:.1f}x), making the snapshot took "
            f"{b['snapshot_create_ms'] / a['snapshot_create_ms']:.1f}x and opening it {b['open_ms'] / a['open_ms']:.1f}x "
            "as long: these steps in the scoring core grow faster than the number of agents.")


def grid_section(rows):
    """results.json's "grid" and its RESULTS.md lines, from browser_grid.mjs's lines (one per size;
    a size that could not be made or opened in time carries `failed`)."""
    measured = [r for r in rows if "failed" not in r]
    failed = [r for r in rows if "failed" in r]
    met = any(r["agents"] >= TARGET_GRID_AGENTS and r["p95_ms"] <= TARGET_GRID_P95_MS for r in measured)
    grid = {"sizes": rows, "target_agents": TARGET_GRID_AGENTS, "target_p95_ms": TARGET_GRID_P95_MS, "target_met": met}
    lines = [
        "## Data grid with many agents",
        "",
        "A generated month (bench/browser_grid.mjs) made into a snapshot by `kefu snapshot create`, saved as the "
        "shop in the page's IndexedDB and opened; then 数据录入's grid is scrolled by dragging its scrollbar from top "
        "to bottom and back while each frame's CPU time is recorded (headless Chromium, SwiftShader). The grid "
        "draws only the rows in view (ImGuiListClipper).",
        "",
        "| agents | snapshot | made in | opened in | frames | deepest row | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in measured:
        lines.append(f"| {r['agents']:,} | {r['snapshot_bytes'] / 1e6:.1f} MB | {r['snapshot_create_ms'] / 1000:.1f} s | "
                     f"{r['open_ms'] / 1000:.1f} s | {r['frames']} | {r['deepest_row']:,} | {r['p50_ms']:.1f} | "
                     f"{r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.1f} |")
    for r in failed:
        lines.append(f"| {r['agents']:,} | failed: {r['failed']} | | | | | | | | |")
    lines += [
        "",
        f"- target: {TARGET_GRID_AGENTS:,} rows at 60 frames a second, p95 <= {TARGET_GRID_P95_MS} ms: "
        + ("**met**" if met else "**not met**"),
        "",
    ]
    if not met and failed:
        largest = max(measured, key=lambda r: r["agents"]) if measured else None
        sizes = ", ".join(f"{r['agents']:,}" for r in failed)
        lines += [
            f"Why it is not met: the {sizes}-agent month could not be "
            f"{'made' if failed[0]['failed_step'] == 'create' else 'opened'} ({failed[0]['failed']}; limit "
            f"{failed[0]['limit_s']} s), so the grid could not be shown at that size."
            + growth_sentence(measured)
            + (f" The largest size measured, {largest['agents']:,} agents, scrolls with p95 {largest['p95_ms']:.1f} ms per "
               "frame: the clipper keeps a frame's work to the rows in view." if largest else ""),
            "",
        ]
    return grid, lines


TARGET_STABILITY_MS = 200.0


def stability_section(rows):
    """results.json's "stability" and its RESULTS.md lines, from bench_stability (native) and
    browser_stability.mjs (wasm in Chromium): one line each, with every timed run."""
    by = {r["engine"]: r for r in rows}
    nat, br = by.get("native"), by.get("browser")
    same = nat is not None and br is not None and nat["checksum"] == br["checksum"]
    met = br is not None and br["median_ms"] < TARGET_STABILITY_MS
    first = br or nat
    result = {"agents": first["agents"], "samples": first["samples"], "seed": first["seed"],
              "median_ms": {e: r["median_ms"] for e, r in by.items()},
              "browser_over_native": br["median_ms"] / nat["median_ms"] if nat and br else None,
              "same_checksum": same, "target_browser_ms": TARGET_STABILITY_MS, "target_met": met}
    lines = [
        f"## Rank stability: {first['agents']} agents x {first['samples']:,} samples",
        "",
        "`stabilityAnalysis` (core/stability.h) on one generated month scored by `shop-default`: every sample "
        f"scales each weight by a seeded uniform factor and ranks again (seed {first['seed']}, our own PRNG, so both "
        "engines draw the same numbers). Native: bench/bench_stability (Release); browser: its wasm build in headless "
        f"Chromium, timed in the page. Median of {first['rounds']} timed runs after 3 warm-up runs.",
        "",
        "| engine | median ms | fastest | slowest |",
        "|---|---|---|---|",
    ]
    for e, r in by.items():
        lines.append(f"| {e} | {r['median_ms']:.1f} | {min(r['samples_ms']):.1f} | {max(r['samples_ms']):.1f} |")
    lines += [
        "",
        f"- browser / native: {result['browser_over_native']:.2f}" if result["browser_over_native"] else "- browser / native: -",
        "- same rank counts natively and in the browser (checksum): " + ("yes" if same else "NO"),
        f"- target: under {TARGET_STABILITY_MS:.0f} ms in the browser: "
        + ("**met**" if met else f"**not met** ({br['median_ms']:.1f} ms)" if br else "**not met** (no browser result)"),
        "",
    ]
    return result, lines


def main():
    raw, out_json, out_md = sys.argv[1:4]
    rows = [json.loads(line) for line in open(raw, encoding="utf-8") if line.strip()]
    evaluate_rows = [r for r in rows if r.get("name") == "evaluate"]
    snapshot_rows = [r for r in rows if r.get("bench") == "snapshot" and "shop" not in r]
    log_shop_rows = [r for r in rows if r.get("bench") == "snapshot" and "shop" in r]
    frame_rows = [r for r in rows if r.get("bench") == "frames"]
    start_rows = [r for r in rows if r.get("bench") in ("start", "transfer")]
    grid_rows = [r for r in rows if r.get("bench") == "grid"]
    stability_rows = [r for r in rows if r.get("bench") == "stability"]
    run_rows = [r for r in rows if r.get("bench") == "run"]
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform()},
    }
    lines = [
        "# Benchmark results",
        "",
        f"Written by `./build-wasm.sh bench` (bench/report.py) on {result['date']}, "
        f"{result['machine']['cpu_count']} cores, {result['machine']['platform']}. Do not edit by hand.",
        "",
    ]
    if run_rows:
        seconds = run_rows[-1]["seconds"]
        result["run_seconds"] = seconds
        lines += [f"The whole run took {seconds // 60} min {seconds % 60} s (builds, package installs and generated "
                  f"files included). Target: under {TARGET_RUN_MINUTES} minutes: "
                  + ("**met**" if seconds < TARGET_RUN_MINUTES * 60 else "**not met**"), ""]
    if evaluate_rows:
        result["evaluate"], more = evaluate_section(evaluate_rows)
        lines += more
    if snapshot_rows:
        result["snapshot"], more = snapshot_section(snapshot_rows)
        lines += more
    if log_shop_rows:
        result["snapshot_chatlog_shop"], more = snapshot_section(log_shop_rows)
        lines += more
    if frame_rows:
        result["frames"], more = frames_section(frame_rows)
        lines += more
    if start_rows:
        result["start"], more = start_section(start_rows)
        lines += more
    if grid_rows:
        result["grid"], more = grid_section(grid_rows)
        lines += more
    if stability_rows:
        result["stability"], more = stability_section(stability_rows)
        lines += more
    chatlog_rows = [r for r in rows if str(r.get("bench", "")).startswith("chatlog")]
    if chatlog_rows:
        from report_chatlog import chatlog_section  # bench/report_chatlog.py
        result["chatlog"], more = chatlog_section(chatlog_rows)
        lines += more
    json.dump(result, open(out_json, "w", encoding="utf-8"), indent=2, ensure_ascii=False)
    open(out_md, "w", encoding="utf-8").write("\n".join(lines))


if __name__ == "__main__":
    main()
