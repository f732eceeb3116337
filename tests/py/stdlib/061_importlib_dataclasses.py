# minipy's importlib (import_module, machinery's suffixes), then what it unblocks: inspect and
# dataclasses from CPython's Lib; and `from pkg import sub` reporting the module sub failed to import.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))

import importlib
import importlib.machinery
print(importlib.import_module("json.decoder").__name__, importlib.import_module(".encoder", "json").__name__)
print(importlib.machinery.SOURCE_SUFFIXES, ".py" in importlib.machinery.all_suffixes())
try:
    importlib.import_module(".x")
except TypeError as e:
    print("TypeError:", e)

try:
    from brokenpkg import sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e.name)

import dataclasses
import inspect


@dataclasses.dataclass
class Point:
    x: int
    y: int = 2


@dataclasses.dataclass(frozen=True, order=True)
class Tagged:
    a: int
    tags: tuple = dataclasses.field(default_factory=tuple)


p = Point(1)
print(p, p == Point(1, 2), dataclasses.asdict(p), inspect.signature(Point))
q = Tagged(1)
print(q, q < Tagged(2), hash(q) == hash(Tagged(1)), dataclasses.replace(q, a=5))
print([f.name for f in dataclasses.fields(Tagged)], dataclasses.is_dataclass(q))
try:
    q.a = 3
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


def f(a, b=1, *args, c, **kw):
    return a


print(inspect.signature(f), inspect.isfunction(f), inspect.getmodule(f).__name__)
