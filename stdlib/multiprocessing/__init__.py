# multiprocessing — CPython's multiprocessing API for minipy: each process has its own interpreter
# and GIL, so CPU-bound work runs in parallel in both flavors. The start methods are 'fork' (the
# default on Linux, as in CPython 3.11), 'spawn' and 'forkserver' (context.py). Objects travel
# between processes pickled (reduction.py); Value, Array and the locks live in memory the processes
# share (docs/shared_memory.md). As in CPython, the module's functions are the default context's
# methods, and the submodules they need are imported when first called.
import os as _os
import sys as _sys

# The submodules minipy does not write itself (managers, dummy, heap...) come from CPython's own
# multiprocessing folder, the next one on sys.path, and run unchanged on this package's modules.
for _entry in _sys.path:
    _folder = _os.path.join(_entry or ".", "multiprocessing")
    if _os.path.abspath(_folder) != _os.path.abspath(__path__[0]) and \
            _os.path.isfile(_os.path.join(_folder, "managers.py")):
        __path__.append(_folder)
        break
del _entry, _folder

from multiprocessing import context, util

__all__ = [name for name in dir(context._default_context) if not name.startswith("_")]
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = util.SUBDEBUG
SUBWARNING = util.SUBWARNING

# Classes a spawned child defines in the main module it runs as __mp_main__ come back pickled
# under that name; in the parent it is the main module (CPython's alias).
if "__main__" in _sys.modules:
    _sys.modules["__mp_main__"] = _sys.modules["__main__"]
