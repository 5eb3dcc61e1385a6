#!/usr/bin/env python3
"""LibreOffice reads what `kefu export --format xlsx` writes, and sees the same sheet as the CSV export
and the same numbers as `kefu score --format json`.

For the inputs of golden cases (and a metrics file of names that look like formulas or markup),
every `--what` is exported as XLSX and as CSV; one headless soffice run converts all the XLSX files
to CSV (UTF-8, raw values) and one re-saves them as XLSX. Checks:
  - the ZIP is sound (every CRC) and LibreOffice opens it;
  - LibreOffice's CSV equals kefu's CSV cell by cell (numbers as numbers, the ' guard of kefu's CSV
    aside: texts such as =1+1 arrive as typed and are never evaluated);
  - in LibreOffice's re-saved workbook a cell is a number exactly where kefu wrote a number, every
    value that reads as a number (fines of -100 included) is a number cell, and there is no formula;
  - results: score, rank and the money total equal the JSON of `kefu score`; payroll: every agent's
    total and fines equal the JSON's money lines, and the totals row is their sum.
Prints PASS or FAIL (exit 1) at the end; SKIP (exit 0) when soffice is not installed.

usage: tests/export/check_xlsx_libreoffice.py --kefu build/native/kefu [--soffice soffice]
"""
import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join(ROOT, "tests", "golden", "cases")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false"  # UTF-8, values not as shown
XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML"

TRICKY_METRICS = (
    "客服,组别,3分钟响应率,回复率,接待人数\n"
    "=1+1,售前A组,0.9,0.95,100\n"
    "<img src=x onerror=alert(1)>,售前A组,0.8,0.99,120\n"
    "-王芳,售前A组,0.853333,0.97,90\n"
    "@SUM(A1),售前B组,0.7,0.9,80\n"
)


def case(name, *parts):
    return os.path.join(CASES, name, *parts)


def inputs(tmp):
    """(name, lang, the `kefu score` input arguments)."""
    tricky = os.path.join(tmp, "tricky.csv")
    with open(tricky, "w", encoding="utf-8") as f:
        f.write(TRICKY_METRICS)
    pay = ["--metrics", case("pay-worked-example", "metrics.csv"), "--events", case("pay-worked-example", "events.csv"),
           "--scheme", case("pay-worked-example", "scheme.json"), "--period", "2024-03"]
    qianniu = ["--metrics", case("xlsx-qianniu-roster", "qianniu.xlsx"), "--roster", case("xlsx-qianniu-roster", "roster.csv"),
               "--scheme", case("xlsx-qianniu-roster", "scheme.json")]
    return [("pay", "zh", pay), ("pay-en", "en", pay), ("qianniu", "zh", qianniu),
            ("tricky", "zh", ["--metrics", tricky, "--scheme", case("xlsx-qianniu-roster", "scheme.json")])]


def run(cmd, **kw):
    proc = subprocess.run(cmd, capture_output=True, timeout=300, **kw)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[:400]}")
    return proc.stdout


def read_csv(path, kefu):
    with open(path, encoding="utf-8-sig" if kefu else "utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if kefu:  # undo the CSV-only guard: kefu writes '=1+1 so that Excel does not evaluate it
        rows = [[c[1:] if c[:1] == "'" and c[1:2] in ("=", "+", "-", "@", "\t", "\r") else c for c in r] for r in rows]
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def compare_csv(ours, theirs):
    problems = []
    if len(ours) != len(theirs):
        return [f"{len(theirs)} rows in LibreOffice's CSV, {len(ours)} in kefu's"]
    for r, (a, b) in enumerate(zip(ours, theirs)):
        b = b + [""] * (len(a) - len(b))
        for c, (x, y) in enumerate(zip(a, b)):
            nx, ny = number(x), number(y)
            same = (nx is not None and ny is not None and abs(nx - ny) <= 1e-9 * max(1.0, abs(nx))) or x == y
            if not same:
                problems.append(f"row {r + 1} column {c + 1}: kefu {x!r}, LibreOffice {y!r}")
    return problems


def cell_types(xlsx_path):
    """{(row, col): 'n' or 's'} of the first sheet, and whether any cell holds a formula."""
    with zipfile.ZipFile(xlsx_path) as z:
        bad = z.testzip()
        if bad:
            raise RuntimeError(f"{xlsx_path}: CRC mismatch in {bad}")
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        rid = workbook.find("m:sheets/m:sheet", NS).get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        target = next(r.get("Target") for r in rels if r.get("Id") == rid)
        sheet = ET.fromstring(z.read(target.lstrip("/") if target.startswith("/") else "xl/" + target))
    types, formulas = {}, False
    for c in sheet.iter("{%s}c" % NS["m"]):
        formulas = formulas or c.find("m:f", NS) is not None
        if c.find("m:v", NS) is None and c.find("m:is", NS) is None:
            continue  # an empty, styled cell
        types[c.get("r")] = "n" if c.get("t") in (None, "n") else "s"
    return types, formulas


def check_money(what, rows, result):
    """Results and payroll sheets against the JSON of `kefu score` (zh headers)."""
    head, body = rows[0], rows[1:]
    agents = result["agents"]
    problems = []
    col = {h: i for i, h in enumerate(head)}

    def expect(row, header, want):
        got = number(row[col[header]])
        if (want is None and row[col[header]] != "") or (want is not None and (got is None or abs(got - want) > 1e-9)):
            problems.append(f"{row[0]} {header}: sheet {row[col[header]]!r}, kefu score {want}")

    if what == "results":
        for row, a in zip(body, agents):
            expect(row, "得分", a["score"])
            expect(row, "排名", a["rank"])
            expect(row, "金额合计（元）", a["money"]["total_fen"] / 100)
    if what == "payroll":
        for row, a in zip(body, agents):
            expect(row, "实发合计（元）", a["money"]["total_fen"] / 100)
            expect(row, "罚款（元）", sum(i["amount_fen"] for i in a["money"]["items"] if i["kind"] == "fine") / 100)
        expect(body[-1], "实发合计（元）", sum(a["money"]["total_fen"] for a in agents) / 100)
        body = body[:-1]
    if [r[0] for r in body] != [a["agent"] for a in agents]:
        problems.append(f"agents {[r[0] for r in body]}, kefu score {[a['agent'] for a in agents]}")
    return problems


def check_file(name, what, tmp, result):
    ours = read_csv(os.path.join(tmp, f"{name}-{what}.csv"), kefu=True)
    theirs = read_csv(os.path.join(tmp, "lo-csv", f"{name}-{what}.csv"), kefu=False)
    problems = compare_csv(ours, theirs)
    written, _ = cell_types(os.path.join(tmp, f"{name}-{what}.xlsx"))
    seen, formulas = cell_types(os.path.join(tmp, "lo-xlsx", f"{name}-{what}.xlsx"))
    if formulas:
        problems.append("LibreOffice found a formula")
    for ref, t in written.items():
        if seen.get(ref) != t:
            problems.append(f"cell {ref}: kefu wrote {'a number' if t == 'n' else 'a text'}, LibreOffice read {seen.get(ref)}")
    # What reads as a number is a number cell (names in column A aside: a name may be digits).
    for r, row in enumerate(ours[1:], start=2):
        for c, text in enumerate(row[1:], start=1):
            ref = f"{chr(ord('A') + c)}{r}"
            if number(text) is not None and seen.get(ref) != "n":
                problems.append(f"cell {ref} ({text}) is not a number cell in LibreOffice")
    if not name.endswith("-en") and what != "metrics":
        problems += check_money(what, ours, result)
    return problems


def convert(soffice, tmp, files, filt, outdir):
    profile = "file://" + os.path.join(tmp, "lo-profile")  # private: runs in parallel, no first-start dialogs
    run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", filt,
         "--outdir", os.path.join(tmp, outdir)] + files)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kefu", default=os.path.join(ROOT, "build", "native", "kefu"))
    ap.add_argument("--soffice", default="soffice")
    args = ap.parse_args()
    soffice = shutil.which(args.soffice)
    if not soffice:
        print(f"SKIP: {args.soffice} not found (install libreoffice-calc to run the LibreOffice read-back test)")
        return 0
    kefu = os.path.abspath(args.kefu)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kefu-lo-") as tmp:
        try:
            files, results = [], {}
            for name, lang, inp in inputs(tmp):
                results[name] = json.loads(run([kefu, "score", "--format", "json", "--lang", lang] + inp))
                for what in ("results", "payroll", "metrics"):
                    for fmt in ("xlsx", "csv"):
                        run([kefu, "export", "--what", what, "--format", fmt, "--lang", lang,
                             "-o", os.path.join(tmp, f"{name}-{what}.{fmt}")] + inp)
                    files.append(os.path.join(tmp, f"{name}-{what}.xlsx"))
            convert(soffice, tmp, files, CSV_FILTER, "lo-csv")
            convert(soffice, tmp, files, XLSX_FILTER, "lo-xlsx")
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            print(f"FAIL: {e}")
            return 1
        for path in files:
            name, what = os.path.basename(path)[:-5].rsplit("-", 1)
            try:
                problems = check_file(name, what, tmp, results[name])
            except (RuntimeError, OSError, KeyError, ET.ParseError, zipfile.BadZipFile) as e:
                problems = [f"{type(e).__name__}: {e}"]
            print(f"{'FAIL' if problems else 'ok  '} {os.path.basename(path)}")
            for p in problems[:10]:
                print(f"     {p}")
            failed += bool(problems)
    print(f"FAIL: {failed} of {len(files)} workbooks" if failed else f"PASS: {len(files)} workbooks read back by LibreOffice")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
