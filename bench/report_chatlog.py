"""The chat-log section of bench/results.json and bench/RESULTS.md (bench/report.py calls it): KefuScore
native vs DuckDB native and KefuScore wasm vs DuckDB-WASM in one Chromium, on the generated files of
bench/gen_chatlog.cpp, from the lines scripts/bench.sh's run_bench_chatlog wrote. Every figure comes
from the run; targets print as met or not met, and a miss says why with the measured numbers."""

TARGET_BROWSER_MB_S = 600.0
TARGET_OVER_DUCKDB_WASM = 5.0
TARGET_KERNEL_RATIO = 0.75
TARGET_HEAP_PER_BYTE = 0.5
TARGET_RECOMPUTE_MS = 200.0
RECOMPUTE_MESSAGES = 25_000_000
ENGINES = [("kefu-native", "KefuScore native"), ("duckdb-native", "DuckDB native"),
           ("file-read", "the File read alone, no parsing, Chromium"),
           ("kefu-wasm", "KefuScore wasm, Chromium"), ("duckdb-wasm", "DuckDB-WASM, Chromium")]


def mb_s(r):
    return r["bytes"] / 1e6 / (r["total_ms"] / 1e3) if r.get("total_ms") else None


def kernel_ms(r):
    return r["feed_ms"] + r["finish_ms"] + r["compute_ms"]


def per_file(rows):
    files = {}
    for r in rows:
        if r.get("bench") in ("chatlog", "chatlog-check", "chatlog-gen"):
            files.setdefault(r["file"], {}).setdefault(r["bench"], []).append(r)
    return files


def fmt(v, f="%.1f"):
    return f % v if v is not None else "-"


def chatlog_section(rows):
    files = per_file(rows)
    order = sorted(files, key=lambda f: max(r.get("bytes", 0) for r in files[f]["chatlog"]))
    loads = [r["loadavg"] for r in rows if r.get("bench") == "chatlog-load"]
    result = {"files": {}, "targets": {}, "load_average": loads}
    lines = [
        "## Chat-log metrics: KefuScore vs DuckDB, native and in Chromium",
        "",
        "Files: bench/gen_chatlog.cpp (deterministic; March 2024, 72 agents of three teams, the robot 店小蜜, system "
        "rows, transfers, 22% after-sales sessions, Chinese texts with commas, quotes and line breaks, quoted; "
        "orders beside them). The metrics of docs/chatlog-metrics.md with the default settings for March 2024: "
        "KefuScore's streaming reader (core/csv_stream, chatlog_read, chat_metrics) natively (bench/bench_chatlog.cpp, "
        "4 MB reads) and in Chromium (bench/bench_chatlog_wasm.cpp; the File picked by the page's file input, "
        "read in 4 MB pieces by the app's own reader, web/kefu-pieces.js: a Worker reads two pieces ahead and "
        "hands each over as a transferred buffer while the page parses); DuckDB with bench/duckdb/chatlog.sql (the same definitions in SQL, reading the CSV inside the "
        "query) natively (npm @duckdb/node-api, 2 threads) and in the same Chromium (npm @duckdb/duckdb-wasm, "
        "async eh bundle from local files, the File registered as a file handle).",
        "",
        "Compared metrics, agent by agent: receptions, replied_customers, reply_rate, inquiries, slow_response_count, "
        "slow_response_share, first_response_s, avg_response_s, response_3min_rate, buyer_messages, agent_messages, "
        "qa_ratio, working_days, online_hours_per_day, forbidden_phrases. Not compared: the order metrics and the "
        "greeting check (no SQL for them). Tolerance: counts equal; other values within 1e-9 relative "
        "(absolute below 1).",
        "",
        "Times are wall-clock from the start of reading to the metrics (module start-up excluded for both peers "
        "in the browser); CPU time is the process's (native) or the browser's process tree's (Chromium). "
        "Memory: peak RSS (native), the wasm heap size and the browser's RSS gained during the run (Chromium).",
        "",
    ]
    versions = sorted({f"{r['engine']} {r['version']}" for r in rows if r.get("version")} |
                      {r["browser"] for r in rows if r.get("browser")})
    if versions:
        lines += ["Versions: " + ", ".join(versions) + ".", ""]
    took = [r for r in rows if r.get("bench") == "chatlog-time"]
    if took:
        result["seconds"] = took[-1]["seconds"]
        lines += [f"This part took {took[-1]['seconds']} s for the files of {took[-1]['sizes']} MB (generation included "
                  "when a file was made; a peer that gives no result is stopped after 420 s and reported as failed)."
                  + ("" if "3000" in took[-1]["sizes"] else
                     " The 3 GB file was left out (KEFU_BENCH_3GB=0)."), ""]
    if loads:
        lines += [f"Load average (1 min) at the start and end of this part: {', '.join('%.1f' % x for x in loads)} "
                  "on 2 cores: wall-clock times include waiting for other work; ratios are of runs in this run.", ""]
    lines += ["| file | engine | MB/s | total ms | CPU ms | MB per CPU s | peak memory / CSV byte | agents | equal to KefuScore native |",
              "|---|---|---|---|---|---|---|---|---|"]
    for f in order:
        by = {r["engine"]: r for r in files[f]["chatlog"]}
        checks = {r["engine"]: r for r in files[f].get("chatlog-check", [])}
        entry = {"bytes": max(r.get("bytes", 0) for r in by.values()), "engines": by, "checks": checks}
        result["files"][f] = entry
        for e, label in ENGINES:
            r = by.get(e)
            if r is None:
                continue
            if r.get("error"):
                lines.append(f"| {f} | {label} | failed | - | - | - | - | - | **failed: {r['error']}** |")
                continue
            mem = r.get("heap_bytes") or r.get("peak_bytes") or r.get("rss_gained_bytes")
            memtxt = f"{mem / r['bytes']:.2f}" + (" (wasm heap)" if r.get("heap_bytes") else " (RSS gained)" if e in ("duckdb-wasm", "file-read") else "")
            c = checks.get(e)
            eq = "reference" if e == "kefu-native" else "- (no metrics)" if e == "file-read" else ("yes" if c and c.get("equal") else
                                                         "**NO**: " + "; ".join(c.get("differences", [])) if c else "not checked")
            cpu_rate = r["bytes"] / 1e3 / r["cpu_ms"] if r.get("cpu_ms") else None
            lines.append(f"| {f} | {label} | {fmt(mb_s(r), '%.0f')} | {r['total_ms']:.0f} | {fmt(r.get('cpu_ms'), '%.0f')} | {fmt(cpu_rate, '%.0f')} | "
                         f"{memtxt} | {r.get('agents', '-')} | {eq} |")
    lines.append("")
    lines += targets(result, files, order)
    return result, lines


def targets(result, files, order):
    t = result["targets"]
    lines = []
    verdict = lambda ok: "**met**" if ok else "**not met**"
    ok_runs = lambda f, e: next((r for r in files[f]["chatlog"] if r["engine"] == e and not r.get("error")), None)
    browser = [(f, ok_runs(f, "kefu-wasm")) for f in order if ok_runs(f, "kefu-wasm")]
    if browser:
        speeds = {f: mb_s(r) for f, r in browser}
        t["browser_mb_s"] = {"values": speeds, "target": TARGET_BROWSER_MB_S, "met": all(v >= TARGET_BROWSER_MB_S for v in speeds.values())}
        cpu_speeds = {f: r["bytes"] / 1e3 / r["cpu_ms"] for f, r in browser if r.get("cpu_ms")}
        t["browser_mb_s"]["per_cpu_second"] = cpu_speeds
        lines.append(f"- target: KefuScore in Chromium >= {TARGET_BROWSER_MB_S:.0f} MB/s end to end: " + verdict(t["browser_mb_s"]["met"])
                     + " (" + ", ".join(f"{f}: {v:.0f} MB/s, {cpu_speeds.get(f, 0):.0f} MB per CPU second" for f, v in speeds.items()) + ")")
        ratios, notes, cpu_notes = {}, [], []
        for f, r in browser:
            d = next((x for x in files[f]["chatlog"] if x["engine"] == "duckdb-wasm"), None)
            if d is None:
                continue
            if d.get("error"):
                notes.append(f"{f}: DuckDB-WASM failed ({d['error']})")
            else:
                ratios[f] = d["total_ms"] / r["total_ms"]
                if d.get("cpu_ms") and r.get("cpu_ms"):
                    cpu_notes.append(f"{f}: {d['cpu_ms'] / r['cpu_ms']:.1f}x in CPU time")
        t["over_duckdb_wasm"] = {"values": ratios, "failed": notes, "target": TARGET_OVER_DUCKDB_WASM,
                                 "met": bool(ratios) and all(v >= TARGET_OVER_DUCKDB_WASM for v in ratios.values())}
        lines.append(f"- target: >= {TARGET_OVER_DUCKDB_WASM:.0f}x DuckDB-WASM in the same run: " + verdict(t["over_duckdb_wasm"]["met"])
                     + " (" + ", ".join([f"{f}: {v:.1f}x" for f, v in ratios.items()] + cpu_notes + notes) + ")")
        kr, cpu_kr = {}, {}
        for f, r in browser:
            n = ok_runs(f, "kefu-native")
            if n:
                kr[f] = kernel_ms(n) / kernel_ms(r)
                if n.get("cpu_ms") and r.get("cpu_ms"):
                    cpu_kr[f] = n["cpu_ms"] / r["cpu_ms"]
        t["kernel_ratio"] = {"values": kr, "target": TARGET_KERNEL_RATIO, "met": bool(kr) and all(v >= TARGET_KERNEL_RATIO for v in kr.values())}
        lines.append(f"- target: wasm kernel (feed + finish + compute, wall) >= {TARGET_KERNEL_RATIO}x native speed: "
                     + verdict(t["kernel_ratio"]["met"]) + " (" + ", ".join(f"{f}: {v:.2f}x" for f, v in kr.items())
                     + "; end to end in CPU time, the browser's processes against the native process: "
                     + ", ".join(f"{f}: {v:.2f}x" for f, v in cpu_kr.items()) + ")")
        t["kernel_ratio"]["cpu_end_to_end"] = cpu_kr
        heap = {f: r["heap_bytes"] / r["bytes"] for f, r in browser}
        t["heap_per_byte"] = {"values": heap, "target": TARGET_HEAP_PER_BYTE, "met": all(v <= TARGET_HEAP_PER_BYTE for v in heap.values())}
        lines.append(f"- target: wasm heap <= {TARGET_HEAP_PER_BYTE} byte per CSV byte: " + verdict(t["heap_per_byte"]["met"])
                     + " (" + ", ".join(f"{f}: {v:.2f}" for f, v in heap.items()) + ")")
        f, r = browser[-1]
        worst = max(r["recompute_ms"].values())
        scaled = worst * RECOMPUTE_MESSAGES / r["messages"]
        direct = r["messages"] >= RECOMPUTE_MESSAGES
        est = worst if direct else scaled
        t["recompute"] = {"file": f, "messages": r["messages"], "ms": r["recompute_ms"], "ms_at_25m": est,
                          "scaled": not direct, "target": TARGET_RECOMPUTE_MS, "met": est <= TARGET_RECOMPUTE_MS}
        n = ok_runs(f, "kefu-native")
        lines.append(f"- target: a settings change recomputes 25 M messages in <= {TARGET_RECOMPUTE_MS:.0f} ms (in Chromium, "
                     "from the parsed log, best of 5 per change): " + verdict(t["recompute"]["met"])
                     + f" ({f}: {r['messages']:,.0f} messages, " + ", ".join(f"{k} {v:.0f} ms" for k, v in r["recompute_ms"].items())
                     + ("" if direct else f"; the slowest scaled linearly to 25 M: {scaled:.0f} ms")
                     + (f"; natively " + ", ".join(f"{k} {v:.0f} ms" for k, v in n["recompute_ms"].items())
                        + " wall, " + ", ".join(f"{k} {v:.0f} ms" for k, v in n.get("recompute_cpu_ms", {}).items()) + " CPU" if n else "") + ")")
    else:
        lines.append("- targets: **not met**: KefuScore in Chromium gave no result")
    lines.append("")
    lines += explain_misses(t, files, order)
    return lines


def read_ceiling(files, order):
    """The sentence on how fast Chromium hands the page the File at all, from the file-read runs."""
    reads = [(f, r) for f in order for r in files[f]["chatlog"] if r["engine"] == "file-read" and not r.get("error")]
    if not reads:
        return ""
    kefu = {f: r for f in order for r in files[f]["chatlog"] if r["engine"] == "kefu-wasm" and not r.get("error")}
    parts = [f"{f}: {mb_s(r):.0f} MB/s" + (f", KefuScore at {mb_s(kefu[f]) / mb_s(r):.0%} of it" if f in kefu else "")
             for f, r in reads]
    fastest = max(mb_s(r) for _, r in reads)
    return (" Reading the same File with the same reader (web/kefu-pieces.js) and nothing parsed runs at " + "; ".join(parts)
            + " here (Chromium moves the bytes from its browser process to the page, on the same two cores)"
            + (f", so no reader in the page reaches {TARGET_BROWSER_MB_S:.0f} MB/s on this machine."
               if fastest < TARGET_BROWSER_MB_S else
               f": the input alone is faster than {TARGET_BROWSER_MB_S:.0f} MB/s, the parsing is what is missing."))


def warm_sentence(files, order):
    """KefuScore's second reading of each file in the same page, against DuckDB-WASM's one run."""
    parts = []
    for f in order:
        k = next((r for r in files[f]["chatlog"] if r["engine"] == "kefu-wasm" and r.get("warm_total_ms")), None)
        d = next((r for r in files[f]["chatlog"] if r["engine"] == "duckdb-wasm" and not r.get("error")), None)
        if k:
            parts.append(f"{f}: {k['total_ms']:.0f} ms the first time, {k['warm_total_ms']:.0f} ms the second"
                         + (f" ({d['total_ms'] / k['warm_total_ms']:.1f}x DuckDB-WASM)" if d else ""))
    if not parts:
        return ""
    return (" A first reading in a fresh page also pays for V8 optimizing the reader's code while it runs and for "
            "growing the wasm heap; the same file read again in the same page (a second import in the app) takes "
            + "; ".join(parts) + ".")


def explain_misses(t, files, order):
    lines = []
    nat = [r for f in order for r in files[f]["chatlog"] if r["engine"] == "kefu-native" and not r.get("error")]
    if t.get("browser_mb_s") and not t["browser_mb_s"]["met"] and nat:
        big = nat[-1]
        cpu_rate = big["bytes"] / 1e6 / (big["feed_cpu_ms"] / 1e3)
        lines += [f"Why {TARGET_BROWSER_MB_S:.0f} MB/s is missed: the reader itself (CSV tokenizer, time parsing, three name "
                  f"look-ups and a phrase search per row, on one thread) parses {cpu_rate:.0f} MB per second of CPU natively "
                  f"here ({big['file'] if 'file' in big else ''}: {big['feed_cpu_ms']:.0f} ms CPU in feed for {big['bytes'] / 1e6:.0f} MB), "
                  "and indexing (sort by session, blocks, day counts) comes on top; the wasm build is slower still. Reaching "
                  "the target needs a reader about "
                  f"{TARGET_BROWSER_MB_S / cpu_rate:.1f}x faster per core or parsing split over workers; on this shared 2-core "
                  "machine wall-clock times also include waiting for other work."
                  + read_ceiling(files, order), ""]
    if t.get("kernel_ratio") and not t["kernel_ratio"]["met"]:
        kr = t["kernel_ratio"]["values"]
        phases = []
        for f in order:
            n = next((r for r in files[f]["chatlog"] if r["engine"] == "kefu-native" and not r.get("error")), None)
            w = next((r for r in files[f]["chatlog"] if r["engine"] == "kefu-wasm" and not r.get("error")), None)
            if n and w:
                phases.append(f"{f}: reading {w['feed_ms'] / n['feed_ms']:.1f}x, indexing {w['finish_ms'] / n['finish_ms']:.1f}x, "
                              f"metrics {w['compute_ms'] / n['compute_ms']:.1f}x as long")
        lines += ["Why the wasm/native kernel ratio is missed: the same C++ runs in both; per phase the wasm build takes "
                  + "; ".join(phases) + ". Most of the gap is in reading, the byte loops of the CSV tokenizer and the "
                  "field checks. The tokenizer's byte scan uses SIMD in both builds (SSE2 natively, wasm SIMD in the "
                  "page, core/byte_scan.h), but the rest is 32-bit scalar code in wasm against 64-bit code and glibc's "
                  "vectorised string functions natively, and every wasm memory access is bounds-checked."
                  + (" The smallest file shows the largest gap: its whole reading falls in the time V8 still runs the "
                     "reader's unoptimized code (see the second readings below)."
                     if len(kr) > 1 and min(kr, key=kr.get) == order[0] else ""), ""]
    if t.get("heap_per_byte") and not t["heap_per_byte"]["met"]:
        lines += ["Why the heap target is missed: the wasm memory grows in steps and never shrinks, so its size is the peak of "
                  "reading plus indexing (the sort needs a spare column per message) plus allocator slack.", ""]
    if t.get("recompute") and not t["recompute"]["met"]:
        r = t["recompute"]
        lines += ["Why the recompute target is missed: a recompute scans every buyer block, the per-agent-day message "
                  "counts and each agent's message times (core/chat_metrics.cpp, the compact tables core/chatlog_blocks.cpp "
                  "builds once), never the file; its time grows with the log. The native line above gives its CPU time "
                  "beside the wall-clock time: where the CPU time is under the target and the wall-clock time is not, "
                  "the process was waiting for the shared cores.", ""]
    if t.get("over_duckdb_wasm") and not t["over_duckdb_wasm"]["met"]:
        o = t["over_duckdb_wasm"]
        lines += ["Why the DuckDB-WASM ratio is missed: the ratios per file are "
                  + (", ".join(f"{f} {v:.1f}x" for f, v in o["values"].items()) or "not measurable")
                  + (" (" + "; ".join(o["failed"]) + ")" if o["failed"] else "")
                  + ". KefuScore's time in the page is its reader on one thread (see the 600 MB/s paragraph); DuckDB-WASM "
                  "reads the File and runs the query in its worker. A failed peer gives no ratio." + warm_sentence(files, order), ""]
    return lines
