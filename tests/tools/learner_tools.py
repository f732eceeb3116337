# learner_tools.py EXE CHECK — property tests of the tools a learner uses to look inside minipy:
# --dis, --trace (and -X trace=FUNC with threads), --gil-stats, -X gil=0/1 and MINIPY_GIL, and what differs between the two flavors.
# Run by /usr/bin/python3; EXE is minipy or minipy-ft (the flavor is read from its name, so a
# test fails if a flavor starts behaving like the other). Exit status 0 when every check holds.
import os
import re
import subprocess
import sys

EXE, CHECK = os.path.abspath(sys.argv[1]), sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
FREE_THREADED = os.path.basename(EXE).endswith("-ft")
failures = []


def run(*args, env=None, timeout=60):
    full_env = dict(os.environ)
    full_env.pop("MINIPY_GIL", None)
    full_env.update(env or {})
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=timeout, env=full_env, cwd=HERE)


def check(condition, what):
    if not condition:
        failures.append(what)


INSTR = re.compile(r"^\s*(\d+)?\s+(>>)?\s+(\d+) ([A-Z_]+)(?:\s+(\d+)(?: \((.*)\))?)?$")


def check_dis():
    r = run("--dis", "program.py")
    check(r.returncode == 0 and r.stderr == "", f"--dis failed: {r.returncode} {r.stderr}")
    blocks = re.split(r"\nDisassembly of (<code object \w+ at 0x[0-9a-f]+, file \"[^\"]+\", line \d+>):\n", r.stdout)
    names = [re.search(r"object (\w+)", b).group(1) for b in blocks[1::2]]
    check(names == ["total", "Point", "__init__", "__repr__"], f"--dis code objects: {names}")
    source_lines = {i + 1 for i, line in enumerate(open(os.path.join(HERE, "program.py"))) if line.strip()}
    for body in [blocks[0]] + blocks[2::2]:
        offsets, targets, marked = [], [], set()
        for line in body.splitlines():
            if not line.strip() or line == "ExceptionTable:" or re.match(r"  \d+ to \d+ -> \d+ \[\d+\]", line):
                continue
            m = INSTR.match(line)
            check(m is not None, f"--dis line not in dis's layout: {line!r}")
            if not m:
                continue
            lineno, mark, offset, op, arg, meaning = m.groups()
            if lineno:
                check(int(lineno) in source_lines, f"--dis names line {lineno}, which has no code")
            offsets.append(int(offset))
            if mark:
                marked.add(int(offset))
            if meaning and meaning.startswith("to "):
                targets.append(int(meaning[3:]))
        check(offsets == list(range(0, 2 * len(offsets), 2)), f"--dis offsets are not 0, 2, 4...: {offsets}")
        check(set(targets) <= marked, f"--dis jump targets {sorted(set(targets) - marked)} not marked >>")
    check("FOR_ITER" in r.stdout and "RETURN_VALUE" in r.stdout, "--dis lacks FOR_ITER/RETURN_VALUE")
    check("(+=)" in r.stdout and "(i)" in r.stdout, "--dis does not name the operator and the local")


def check_dis_module():
    # dis.dis() from Python prints what --dis prints, for the whole module and for one function;
    # get_instructions() agrees with the listing line by line; the rest of CPython's interface works.
    listing = run("--dis", "program.py").stdout
    script = """
import dis, io, sys
source = open('program.py').read()
module = compile(source, 'program.py', 'exec')
out = io.StringIO()
dis.dis(module, file=out)
print(out.getvalue(), end='')
print('=====')
total = [c for c in module.co_consts if hasattr(c, 'co_code')][0]
out = io.StringIO()
dis.dis(total, file=out)
print(out.getvalue(), end='')
print('=====')
for i in dis.get_instructions(total):
    print(i._disassemble())
print('=====')
print(dis.Bytecode(total).dis() == out.getvalue())
print(dis.opname[dis.opmap['LOAD_FAST']], dis.opmap['LOAD_FAST'] in dis.haslocal)
print([line for _, line in dis.findlinestarts(total)])
print(dis.code_info(total).splitlines()[0], dis.pretty_flags(total.co_flags))
print('LOAD_FAST' in [i.opname for i in dis.Bytecode(total)])
try:
    dis.dis(42)
except TypeError as e:
    print(e)
"""
    r = run("-c", script)
    check(r.returncode == 0 and r.stderr == "", f"dis module: {r.returncode} {r.stderr[-800:]}")
    parts = r.stdout.split("=====\n")
    check(len(parts) == 4, f"dis module output: {r.stdout[-500:]!r}")
    if len(parts) != 4:
        return
    # Code objects are named with their address, which differs from run to run.
    whole, one, by_instruction, rest = [re.sub(r"0x[0-9a-f]+", "0x?", p) for p in parts]
    listing = re.sub(r"0x[0-9a-f]+", "0x?", listing)
    check(whole == listing, "dis.dis(module) differs from --dis")
    blocks = re.split(r"\nDisassembly of <code object (\w+) [^\n]*\n", listing)
    total_block = blocks[blocks.index("total") + 1] if "total" in blocks else None
    check(total_block is not None and one == total_block, f"dis.dis(total) differs from --dis: {one!r}")
    check([line.rstrip() for line in one.splitlines() if INSTR.match(line)] == by_instruction.splitlines(),
          "Instruction._disassemble() differs from the listing")
    lines = rest.splitlines()
    check(lines[0] == "True", "Bytecode.dis() differs from dis.dis()")
    check(lines[1] == "LOAD_FAST True", f"opname/opmap/haslocal: {lines[1]!r}")
    check(lines[2] == "[4, 5, 6, 7]", f"findlinestarts: {lines[2]!r}")
    check(lines[3] == "Name:              total OPTIMIZED, NEWLOCALS", f"code_info/pretty_flags: {lines[3]!r}")
    check(lines[4] == "True", "Bytecode iteration")
    check(lines[5] == "don't know how to disassemble int objects", f"dis.dis(42): {lines[5]!r}")


def check_trace():
    r = run("--trace", "program.py", timeout=30)
    check(r.returncode == 0, f"--trace exit status {r.returncode}: {r.stderr[-500:]}")
    check(r.stdout == "Point(3)\n", f"--trace changed the program's output: {r.stdout!r}")
    steps = [line for line in r.stderr.splitlines() if INSTR.match(line.rsplit("    (", 1)[0])]
    where = [line.rsplit("(", 1)[1].rstrip(")") for line in steps]
    # The trace starts at the program's first instruction, not in start-up code.
    check(steps and re.match(r"\s+\d+\s+0 ", steps[0]) and where[0] == "<module>", f"--trace starts at {steps[:1]}")
    check(set(where) == {"<module>", "total", "Point", "Point.__init__", "Point.__repr__"},
          f"--trace ran in {sorted(set(where))}")
    # print(p) runs __repr__ once; the tracer's own calls of it, to show the stack, are not traced.
    entries = sum(1 for s, w in zip(steps, where) if w == "Point.__repr__" and re.match(r"\s+\d+\s+0 ", s))
    check(entries == 1, f"--trace entered Point.__repr__ {entries} times, not once")
    # range(3): three iterations and the exhausted one.
    check(sum(1 for s, w in zip(steps, where) if w == "total" and " FOR_ITER " in s) == 4, "--trace FOR_ITER count")
    check("[ Point(3) ]" in r.stderr, "--trace does not show the instance by its __repr__")
    check(any("BINARY_OP" in s and "(//)" in s for s in steps), "--trace lacks the failing 1 // 0")


def check_trace_threads():
    for args in ([], ["-X", "gil=1"]):
        r = run(*args, "-X", "trace=work", "trace_threads.py", timeout=60)
        check(r.returncode == 0 and r.stdout == "done\n", f"-X trace=work {args}: {r.returncode} {r.stdout!r}")
        steps = [line for line in r.stderr.splitlines() if INSTR.match(line.rsplit("    (", 1)[0])]
        tails = {line.rsplit("    (", 1)[1] for line in steps}
        # Only work's instructions, each naming the thread that ran it.
        check(tails == {"work) [Thread-1 (work)]", "work) [Thread-2 (work)]"}, f"-X trace=work {args}: {sorted(tails)[:4]}")
        handoffs = [line for line in r.stderr.splitlines() if line.startswith("--- ")]
        gil = not FREE_THREADED or args
        if gil:
            check(any(re.fullmatch(r"--- .+ takes the GIL .+; waited \d+\.\d ms", h) for h in handoffs),
                  f"-X trace=work {args}: no GIL hand-off line in {handoffs[:3]}")
        else:
            check(handoffs == [], f"hand-offs reported without a GIL: {handoffs[:3]}")


def gil_enabled_output(*args, env=None):
    r = run(*args, "-c", "import sys; print(sys._is_gil_enabled())", env=env)
    return r.returncode, r.stdout.strip(), r.stderr.strip()


def check_gil_option():
    if FREE_THREADED:
        check(gil_enabled_output() == (0, "False", ""), "minipy-ft runs without the GIL by default")
        check(gil_enabled_output("-X", "gil=1") == (0, "True", ""), "minipy-ft -X gil=1 turns the GIL on")
        check(gil_enabled_output("-X", "gil=0") == (0, "False", ""), "minipy-ft -X gil=0")
        check(gil_enabled_output(env={"MINIPY_GIL": "1"}) == (0, "True", ""), "MINIPY_GIL=1 turns the GIL on")
        check(gil_enabled_output(env={"MINIPY_GIL": "0"}) == (0, "False", ""), "MINIPY_GIL=0")
        check(gil_enabled_output("-X", "gil=0", env={"MINIPY_GIL": "1"}) == (0, "False", ""),
              "-X gil wins over MINIPY_GIL")
    else:
        check(gil_enabled_output() == (0, "True", ""), "minipy runs with the GIL")
        check(gil_enabled_output("-X", "gil=1") == (0, "True", ""), "minipy -X gil=1")
        refused = (2, "", "minipy: the GIL flavor cannot run without the GIL; use minipy-ft")
        check(gil_enabled_output("-X", "gil=0") == refused, "minipy -X gil=0 is a usage error")
        check(gil_enabled_output(env={"MINIPY_GIL": "0"}) == refused, "minipy with MINIPY_GIL=0 is a usage error")


def check_gil_stats():
    for args in (["--gil-stats"], ["-X", "gilstats"], ["-X", "gil=1", "--gil-stats"]):
        r = run(*args, "two_threads.py")
        gil = not FREE_THREADED or "gil=1" in args
        check(r.returncode == 0 and r.stdout == f"{gil}\n", f"{args}: {r.returncode} {r.stdout!r}")
        lines = r.stderr.splitlines()
        want_title = "GIL statistics (GIL enabled):" if gil else "GIL statistics (no GIL: all zero):"
        check(lines[:1] == [want_title], f"{args}: title {lines[:1]}")
        rows = {line.split()[0]: [float(x) for x in line.split()[1:]] for line in lines[2:]}
        check(sorted(rows) == ["MainThread", "Thread-1", "Thread-2"], f"{args}: rows {sorted(rows)}")
        if gil:
            # Every thread takes the GIL at least once to run at all.
            check(all(v[0] >= 1 for v in rows.values()), f"{args}: acquisitions {rows}")
        else:
            check(all(x == 0 for v in rows.values() for x in v), f"{args}: counters without a GIL {rows}")


def check_flavor():
    r = run("--version")
    want = "(free-threaded)" if FREE_THREADED else "(GIL)"
    check(r.returncode == 0 and r.stdout.startswith(os.path.basename(EXE) + " ") and r.stdout.strip().endswith(want),
          f"--version: {r.stdout!r}")
    r = run("-c", "import sys; print(sys.flags.__class__.__name__, hasattr(sys, '_is_gil_enabled'))")
    check(r.stdout.split()[-1:] == ["True"], f"sys._is_gil_enabled missing: {r.stdout!r} {r.stderr!r}")


{"dis": check_dis, "dis_module": check_dis_module, "trace": check_trace, "trace_threads": check_trace_threads, "gil_option": check_gil_option, "gil_stats": check_gil_stats,
 "flavor": check_flavor}[CHECK]()
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
