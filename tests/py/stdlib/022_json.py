# CPython's json package (its pure-Python scanner and encoder; no _json): dumps/loads with indent,
# sort_keys, separators, ensure_ascii, default, object_hook, and the errors with their messages
# (not allow_nan, whose text differs between CPython's C and Python encoders).
import json
from collections import OrderedDict

data = {"name": "Zoë", "n": [1, 2.5, -3e20, True, None], "nested": {"b": 1, "a": [{}]}, "t": (1, 2)}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, [2, [3]]], indent="\t"))
print(json.dumps({1: "a", 2.5: "b", None: "c", True: "d"}))
print(json.dumps("\u2028\ud83d\ude00\n\"\\"), json.dumps(float("inf")), json.dumps(1e-7), json.dumps(10**20))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])), json.dumps({"s": {1, 2}} if False else []))
print(json.dumps(complex(1, 2), default=lambda o: [o.real, o.imag]))
print(json.loads('{"a": [1, 2.0, "x\\u00e9\\ud83d\\ude00", true, false, null], "b": {"c": -0.5e3}}'))
print(json.loads("[1, 2]", object_hook=None), json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=OrderedDict), json.loads("1.5", parse_float=str))
print(json.loads('"\\t\\n\\/"'), json.loads(b'{"bytes": 1}'), json.loads("NaN"), json.loads(" [ ] "))
for bad in ['{"a" 1}', "[1, 2", "", '{"a": 1,}', "[1,]", '"abc', "tru", '{"a": 1} x', "'single'", '"\\x"', '"\\u12"', '"\\u12x4"', '"\\ud834\\u12"', '"a\nb"', '"abc\\']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, e.pos, e.lineno, e.colno)
for bad in [{"s": {1, 2}}, {(1, 2): 3}]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as e:
    print("ValueError", e)
print(json.JSONEncoder(sort_keys=True).encode({"b": 1, "a": 2}), list(json.JSONEncoder().iterencode([1, "x"])))
print(json.JSONDecoder().raw_decode('{"a": 1} rest'))
print(ascii(json.loads('"\\ud834\\udd1e \\ud834 \\ud834\\u0041 \\u00e9\\/"')), json.loads('"a\tb"', strict=False))
print(json.dumps("\x7f\x00\u20ac\U0001d11e"), json.dumps("\x7f\x00\u20ac", ensure_ascii=False))
from json.decoder import scanstring
print(scanstring('"abc" x', 1), scanstring('x"\\n"', 2))
