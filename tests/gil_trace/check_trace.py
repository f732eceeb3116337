#!/usr/bin/python3
"""check_trace.py STEM [--screenshot PNG] — validates what `minipy --gil-trace STEM` wrote for
tests/gil_trace/trace_demo.py: STEM.json against the Chrome/Perfetto trace-event format and the
states the demo's threads must show; STEM.svg as XML with one lane per thread; and, given a PNG
screenshot of the SVG taken by headless Chromium, that the browser drew every lane in colour.
Runs under /usr/bin/python3 (CPython), independent of the interpreter it checks."""
import json
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

RUNNING = {"running Python", "running Python (holds the GIL)"}
STATES = RUNNING | {"waiting for the GIL", "blocked: sleep", "blocked: lock", "blocked: join",
                    "blocked: queue", "blocked: I/O", "blocked: import lock", "C code without the GIL",
                    "blocked"}
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


def check_json(path):
    with open(path) as f:
        trace = json.load(f)
    check(isinstance(trace.get("traceEvents"), list), "traceEvents is not a list")
    gil = trace["otherData"]["gil"]
    duration = trace["otherData"]["duration_us"]
    names, slices, instants, counters = {}, {}, [], []
    for e in trace["traceEvents"]:
        ph = e.get("ph")
        check(ph in ("X", "i", "C", "M"), f"unexpected ph {ph!r}")
        check(isinstance(e.get("name"), str) and isinstance(e.get("pid"), int) and isinstance(e.get("tid"), int),
              f"event without name/pid/tid: {e}")
        if ph == "M":
            check(e["name"] in ("process_name", "thread_name", "thread_sort_index"), f"metadata {e['name']}")
            if e["name"] == "thread_name":
                names[e["tid"]] = e["args"]["name"]
        elif ph == "X":
            check(isinstance(e["ts"], (int, float)) and isinstance(e["dur"], (int, float)), f"X without ts/dur: {e}")
            check(e["dur"] >= 0 and 0 <= e["ts"] <= duration + 1, f"slice out of range: {e}")
            check(e["name"] in STATES, f"unknown state {e['name']!r}")
            slices.setdefault(e["tid"], []).append(e)
        elif ph == "i":
            check(e.get("s") in ("t", "p", "g"), f"instant without scope: {e}")
            check(e["name"] in ("drop request", "forced switch"), f"unknown instant {e['name']!r}")
            instants.append(e)
        else:
            check(isinstance(e.get("args"), dict) and all(isinstance(v, int) for v in e["args"].values()),
                  f"counter without numeric args: {e}")
            counters.append(e)
    check(set(slices) <= set(names), "a thread with slices has no thread_name")
    by_name = {names[tid]: {e["name"] for e in evs} for tid, evs in slices.items()}
    for tid, evs in slices.items():
        evs.sort(key=lambda e: e["ts"])
        for a, b in zip(evs, evs[1:]):
            check(a["ts"] + a["dur"] <= b["ts"] + 0.01, f"overlapping slices on {names[tid]}: {a} {b}")
    running = "running Python (holds the GIL)" if gil else "running Python"
    expect = {"MainThread": {running, "blocked: join", "blocked: sleep"},
              "spinner-1": {running}, "spinner-2": {running}, "sleeper": {"blocked: sleep"},
              "consumer": {"blocked: queue"}, "locker": {"blocked: lock"}, "hasher": {"C code without the GIL"}}
    for thread, states in expect.items():
        check(thread in by_name, f"no lane for {thread}")
        missing = states - by_name.get(thread, set())
        check(not missing, f"{thread} never shows {sorted(missing)}")
    if gil:
        check(any("waiting for the GIL" in s for s in by_name.values()), "nobody waited for the GIL")
        check(any(e["name"] == "drop request" for e in instants), "no drop request")
        check(any(e["name"] == "forced switch" for e in instants), "no forced switch")
        check(counters and max(c["args"]["waiting"] for c in counters) >= 1, "the waiting counter never rose")
        # With a GIL, no two threads run Python at once.
        runs = sorted((e["ts"], e["ts"] + e["dur"], names[e["tid"]]) for evs in slices.values()
                      for e in evs if e["name"] == running)
        for (a0, a1, ta), (b0, b1, tb) in zip(runs, runs[1:]):
            check(a1 <= b0 + 0.05, f"{ta} and {tb} both hold the GIL at {b0} us")
    else:
        check(not instants and not counters, "GIL events in a run without a GIL")
        check(all("waiting for the GIL" not in s for s in by_name.values()), "a wait for a GIL that is off")
    return names


def check_svg(path, names, gil):
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    check(root.tag == ns + "svg", "root is not <svg>")
    lanes = [g for g in root.iter(ns + "g") if g.get("class") == "lane"]
    check(sorted(g.get("data-thread") for g in lanes) == sorted(names.values()), "lanes differ from the threads")
    for g in lanes:
        check(len(g.findall(ns + "rect")) >= 2, f"lane {g.get('data-thread')} has no coloured runs")
        # The tooltip: the thread's name, then one line per state with its total time, named as
        # the JSON names them (no "holds the GIL" without one).
        tip = (g.findtext(ns + "title") or "").split("\n")
        check(tip[0] == g.get("data-thread"), f"tooltip of {g.get('data-thread')} starts {tip[0]!r}")
        running = "running Python (holds the GIL)" if gil else "running Python"
        for line in tip[1:]:
            state, _, time = line.rpartition(": ")
            check(state in STATES and (state == running or not state.startswith("running")) and
                  time.endswith(" ms"), f"tooltip line {line!r} of {g.get('data-thread')}")
    legend = [g for g in root.iter(ns + "g") if g.get("class") == "legend"]
    check(legend and len(legend[0].findall(ns + "text")) >= 3, "no legend")
    axis = [g for g in root.iter(ns + "g") if g.get("class") == "axis"]
    check(axis and any(t.text.endswith(" ms") for t in axis[0].iter(ns + "text")), "no time axis")
    return lanes


def read_png(path):
    """Decodes an 8-bit RGB or RGBA PNG (what Chromium writes) into rows of (r, g, b)."""
    data = open(path, "rb").read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {2: 3, 6: 4}[color]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        prev = line
    return rows


def check_screenshot(path, lanes):
    rows = read_png(path)
    ns = "{http://www.w3.org/2000/svg}"
    for g in lanes:
        background = g.findall(ns + "rect")[0]
        y = int(float(background.get("y")) + float(background.get("height")) / 2)
        x0 = int(float(background.get("x")))
        x1 = x0 + int(float(background.get("width")))
        pixels = rows[y][x0:x1] if y < len(rows) else []
        coloured = sum(1 for p in pixels if max(p) - min(p) > 40)  # not white or grey
        check(coloured >= 3, f"the browser drew no colour in lane {g.get('data-thread')} (row {y})")


def main():
    stem = sys.argv[1]
    names = check_json(stem + ".json")
    with open(stem + ".json") as f:
        gil = json.load(f)["otherData"]["gil"]
    lanes = check_svg(stem + ".svg", names, gil)
    if "--screenshot" in sys.argv:
        check_screenshot(sys.argv[sys.argv.index("--screenshot") + 1], lanes)
    for f in failures:
        print("FAIL:", f)
    print(f"{stem}: {len(names)} threads, {'ok' if not failures else str(len(failures)) + ' problems'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
