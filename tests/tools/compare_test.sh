#!/usr/bin/env bash
# compare_test.sh — runs tools/compare (minipy-compare) on a small job at 1 and 2 threads and checks
# its table (every interpreter and thread count, no failed cell), its SVG chart (well-formed, one
# line per interpreter) and its GIL timelines. Times are never checked. $1: the build folder under test.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$here/../../tools/compare" "$here/compare_job.py" --build "$1" --threads 1,2 --svg "$out/chart.svg" --gil-trace "$out/traces" \
    >"$out/table" 2>"$out/stderr" || { echo "compare failed:"; cat "$out/stderr"; exit 1; }
cat "$out/table"
/usr/bin/python3 - "$out" <<'PY' || exit 1
import os, sys, xml.etree.ElementTree as ET
out = sys.argv[1]
rows = [line.split() for line in open(os.path.join(out, "table")).read().splitlines()[2:] if line and not line.startswith(("chart:", "GIL"))]
labels = {"minipy": 4, "minipy-ft": 4, "python3": 4, "minipy-ft -X gil=1": 6}
seen = {}
for r in rows:
    label = " ".join(r[:-4])
    seen.setdefault(label, []).append(r[-4])
    assert r[-3] != "-" and not r[-4].startswith(("exit", "timeout")), f"failed cell: {r}"
    assert r[-1].endswith("x"), r
assert sorted(seen) == sorted(labels), sorted(seen)
assert all(v == ["1", "2"] for v in seen.values()), seen
svg = ET.parse(os.path.join(out, "chart.svg")).getroot()
ns = "{http://www.w3.org/2000/svg}"
series = [p.get("data-label") for p in svg.iter(ns + "polyline") if p.get("class") == "series"]
assert sorted(series) == sorted(labels), series
traces = sorted(os.listdir(os.path.join(out, "traces")))
for name in ("minipy-1", "minipy-2", "minipy-ft-1", "minipy-ft-2", "minipy-ft-Xgil1-1", "minipy-ft-Xgil1-2"):
    assert name + ".json" in traces and name + ".svg" in traces, (name, traces)
print("ok")
PY
