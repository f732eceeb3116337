# collections/abc.py — the abstract base classes of collections (Iterable, Mapping, ...), which live
# in CPython's _collections_abc; collections.abc re-exports them, as CPython's does.
from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _CallableGenericAlias
