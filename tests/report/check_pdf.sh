#!/usr/bin/env bash
# The monthly report prints as it should: renders `kefu report` on a golden case's inputs to PDF
# with headless Chromium and checks that every pay slip got a page of its own, after the report's
# own page(s): pages >= 1 + agents, where the agents are counted by `kefu score` on the same
# inputs (not from the report, so a lost slip fails too). Pages: pdfinfo when present, else the
# PDF's `/Type /Page` objects.
# usage: tests/report/check_pdf.sh [KEFU] [CASE]   (defaults: build/native/kefu, report-small-shop)
# Prints PASS, FAIL or SKIP (no chromium); exits non-zero on FAIL.
set -u
root="$(cd "$(dirname "$0")/../.." && pwd)"
kefu="$(realpath "${1:-$root/build/native/kefu}")"
case_name="${2:-report-small-shop}"
case_dir="$root/tests/golden/cases/$case_name"

fail() { echo "FAIL $case_name: $*"; exit 1; }
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "SKIP $case_name: chromium not found"; exit 0; }
[ -x "$kefu" ] || fail "no kefu binary at $kefu"
[ -f "$case_dir/case.json" ] || fail "no case $case_dir"

tmp="$(mktemp -d /tmp/kefu-report-pdf.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
cp -r "$case_dir" "$tmp/case"
# The case's arguments, one a line (names may hold spaces); the first is the command.
python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["args"]))' "$case_dir/case.json" >"$tmp/args" ||
  fail "cannot read the case's arguments"
mapfile -t args <"$tmp/args"
[ "${args[0]}" = report ] || fail "the case does not run kefu report"

cd "$tmp/case"
"$kefu" "${args[@]}" -o "$tmp/report.html" 2>"$tmp/report.err" || fail "kefu report failed: $(head -c 400 "$tmp/report.err")"
# The same inputs scored; --shop is the report's own option.
score=(score)
for ((i = 1; i < ${#args[@]}; i++)); do
  if [ "${args[i]}" = --shop ]; then i=$((i + 1)); else score+=("${args[i]}"); fi
done
agents=$("$kefu" "${score[@]}" 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["agents"]))') ||
  fail "kefu score on the same inputs failed"
[ "$agents" -ge 1 ] || fail "no agents in the case"

timeout 180 "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" --no-pdf-header-footer \
  --print-to-pdf="$tmp/report.pdf" "file://$tmp/report.html" >"$tmp/chromium.log" 2>&1
[ -s "$tmp/report.pdf" ] || fail "chromium wrote no PDF: $(tail -n 3 "$tmp/chromium.log")"

if command -v pdfinfo >/dev/null; then
  pages=$(pdfinfo "$tmp/report.pdf" | awk '/^Pages:/ {print $2}')
  pdfinfo "$tmp/report.pdf" | grep -q '^Page size:.*(A4)' || fail "the pages are not A4"
else
  pages=$(python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", open(sys.argv[1], "rb").read())))' \
    "$tmp/report.pdf")
fi
want=$((1 + agents))
[ "$pages" -ge "$want" ] || fail "$pages pages for $agents agents, expected at least $want (one per slip after the report)"
echo "PASS $case_name: $pages pages for $agents agents (at least $want)"
