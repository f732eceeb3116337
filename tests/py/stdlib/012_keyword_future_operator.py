# keyword, __future__ and operator from CPython's Lib, unchanged.
from __future__ import annotations
import __future__
import keyword
import operator


def f(x: SomeUndefinedName) -> list[int]:
    return x


print(f.__annotations__)
print(keyword.iskeyword("async"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist))
print(__future__.annotations.getMandatoryRelease(), __future__.all_feature_names[:3])
print(operator.add(2, 3), operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(5))
print(operator.methodcaller("split", ",")("a,b,c"), operator.index(7), operator.neg(3), operator.contains([1], 1))
rows = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(rows, key=operator.itemgetter(1, 0)))
print(operator.lt(1, 2), operator.truth([]), operator.concat([1], [2]), operator.length_hint([1, 2, 3]))
x = [1]
print(operator.iadd(x, [2]), x, operator.is_(None, None), operator.countOf([1, 2, 1], 1))
