# CPython's own re/_constants.py, run as it stands: _NamedIntConstant(int) with __new__ and __repr__.
path = "/usr/lib/python3.11/re/_constants.py"
ns = {"__name__": "re_constants_test"}
with open(path) as f:
    exec(compile(f.read(), path, "exec"), ns)
ops = ns["OPCODES"]
print(ops[:5], ns["MAXREPEAT"], int(ns["MAXREPEAT"]) == ns["MAXREPEAT"])
print(ns["ATCODES"][2], sorted(ns["CH_UNICODE"].items())[:2], ns["SRE_FLAG_IGNORECASE"], ns["AT_MULTILINE"])
print(ops[3] + 1, ops[3] == 3, {ops[3]: "x"}, sorted(ops[:4], reverse=True))
print(sorted(ns["OP_IGNORE"].items())[:2], ns["error"]("bad", "ab", 1))
