# CPython's pprint, unchanged from its Lib: wrapping nested containers at a width, sorting dict keys,
# depth limits, compact lists, recursion markers, dataclasses, long strings and bytes split over
# lines, pformat/pp/saferepr/isreadable/isrecursive, and PrettyPrinter subclasses.
import collections
import dataclasses
import pprint
import types

data = {"name": "minipy", "versions": [3, 11, (0, "final")], "nested": {"z": list(range(12)), "a": {"deep": {"deeper": [1, 2]}}},
        "flags": {True, False}, "frozen": frozenset({"x"}), "empty": {}, "none": None}
pprint.pprint(data)
pprint.pprint(data, width=40, sort_dicts=False)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(40)), compact=True, width=50)
pprint.pprint(list(range(40)), width=50)
pprint.pp({"b": 1, "a": 2})
print(pprint.pformat("a rather long string that has to be split over several lines " * 2, width=30))
print(pprint.pformat(b"bytes that are long enough to be split into pieces " * 2, width=30))
print(pprint.pformat(bytearray(b"ba" * 30), width=30))

rec = [1, 2]
rec.append(rec)
d = {"self": None}
d["self"] = d
print(pprint.pformat(rec).replace(str(id(rec)), "ID"), pprint.pformat(d).replace(str(id(d)), "ID"))
print(pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable([1, "a"]))
print(pprint.saferepr(rec).replace(str(id(rec)), "ID"), pprint.saferepr({"k": object}))


@dataclasses.dataclass
class Point:
    x: int
    y: int
    tags: list = dataclasses.field(default_factory=list)


pprint.pprint([Point(1, 2, ["a" * 30, "b" * 30]), Point(3, 4)], width=40)
pprint.pprint(collections.OrderedDict((str(i), i * i) for i in range(8)), width=40)
pprint.pprint(collections.defaultdict(list, {"k": list(range(15))}), width=40)
pprint.pprint(collections.Counter("abracadabra"), width=30)
pprint.pprint(collections.deque(range(20), maxlen=25), width=40)
pprint.pprint(collections.ChainMap({"a": 1}, {"b": list(range(20))}), width=40)
pprint.pprint(types.SimpleNamespace(alpha=list(range(10)), beta="b" * 40), width=40)
pprint.pprint(types.MappingProxyType({"m": list(range(20))}), width=40)


class Upper(pprint.PrettyPrinter):
    def format(self, obj, context, maxlevels, level):
        if isinstance(obj, str):
            return repr(obj.upper()), True, False
        return super().format(obj, context, maxlevels, level)


Upper(indent=4, width=30).pprint({"k": ["one", "two", "three", "four", "five"]})
pp = pprint.PrettyPrinter(underscore_numbers=True)
pp.pprint([10**9, 12345.5])
try:
    pprint.PrettyPrinter(width=0)
except ValueError as e:
    print("ValueError:", e)
