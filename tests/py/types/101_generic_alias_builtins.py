# PEP 585 aliases of the built-in and library types that have __class_getitem__ in CPython 3.11,
# what an alias forwards to its origin, and pickling of aliases, starred aliases and the singletons.
import asyncio
import collections
import contextvars
import copy
import itertools
import multiprocessing.pool
import multiprocessing.queues
import os
import pickle
import queue
import re
import types
import weakref
from types import GenericAlias

for t in [enumerate, types.MappingProxyType, types.AsyncGeneratorType, collections.defaultdict,
          weakref.ref, queue.Queue, queue.SimpleQueue, re.Pattern, re.Match, os.DirEntry,
          contextvars.ContextVar, contextvars.Token, itertools.chain, asyncio.Task,
          multiprocessing.pool.ApplyResult, multiprocessing.queues.SimpleQueue]:
    alias = t[int]
    # (the origin's name only: CPython's queue.SimpleQueue is _queue's, minipy's queue.py's)
    print(alias.__origin__.__name__, alias.__origin__ is t, alias.__args__, type(alias) is GenericAlias)
print(contextvars.Token[str], multiprocessing.pool.ApplyResult[int], re.Pattern[str])

# Every attribute but the alias's own comes from the origin: list[int].append is list.append.
t = list[int]
a = t()
t.append(a, "foo")
print(a, t.__getitem__(a, 0), t.__len__(a), t.__doc__ == list.__doc__, t.__name__, t.__module__)
print(set(dir(list)) <= set(dir(t)), sorted(set(dir(t)) - set(dir(list))))
print(t.__class__, t.__origin__, t.__parameters__, t.__unpacked__)
try:
    t.nothing
except AttributeError as e:
    print("AttributeError", e)


class SubAlias(GenericAlias):
    pass


print(SubAlias(list, int) == list[int], list[int] == SubAlias(list, int), SubAlias(list, int) != dict[int])

# Unpacked aliases: iterating tuple[int] gives *tuple[int]; its iterator and the starred alias pickle.
it = iter(tuple[int, str])
print(type(it).__name__, next(it), list(it))
for alias in [tuple[int], *tuple[int, ...], tuple[*tuple[int, ...]], tuple[str, *tuple[int, ...]]]:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(alias, proto))
        assert back == alias and back.__unpacked__ == alias.__unpacked__, (alias, proto)
    print(alias, copy.copy(alias) == alias, copy.deepcopy(alias), alias.__reduce__()[0].__name__)
it = iter(list[int])
print(it.__reduce__()[0].__name__, it.__reduce__()[1], next(pickle.loads(pickle.dumps(it))))

print(Ellipsis.__reduce__(), NotImplemented.__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    assert pickle.loads(pickle.dumps(..., proto)) is ...
    assert pickle.loads(pickle.dumps(NotImplemented, proto)) is NotImplemented
    assert pickle.loads(pickle.dumps([..., list[int], (NotImplemented,)], proto)) == [..., list[int], (NotImplemented,)]
print(copy.deepcopy([..., NotImplemented]), pickle.loads(pickle.dumps(type(...))))
