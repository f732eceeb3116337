# _pickle — what CPython's C accelerator gives pickle.py, for minipy: the same classes and functions
# over pickle.py's own pure-Python Pickler and Unpickler, with the C version's exception types
# (_pickle.PicklingError, ...) and its texts for a global that cannot be pickled ("Can't pickle local
# object ..."), which users see and which differ from the pure-Python texts.
#
# pickle.py imports this module twice while it runs. First, near its top, for PickleBuffer (the
# protocol 5 out-of-band buffer, which needs a buffer protocol minipy lacks): this module refuses
# that import with ImportError, which pickle.py expects, and is forgotten. Then at its very end,
# when `import pickle` here finds everything this file needs; the names imported back into pickle
# replace its own.
import sys
import pickle as _py

if not hasattr(_py, "_Pickler"):
    raise ImportError("cannot import name 'PickleBuffer' from '_pickle'")


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


def _check_global(obj, name):
    # The C pickler's checks and messages for a function or class saved by reference (3.11's
    # save_global: local objects first, then the import, then the attribute walk, then identity).
    if name is None:
        name = getattr(obj, "__qualname__", None)
    if name is None:
        name = obj.__name__
    path = name.split(".")
    if "<locals>" in path:
        raise AttributeError("Can't pickle local object %r" % (name,))
    module_name = _py.whichmodule(obj, name)
    try:
        __import__(module_name, level=0)
        module = sys.modules[module_name]
    except (ImportError, KeyError):
        raise PicklingError("Can't pickle %r: import of module %r failed" % (obj, module_name)) from None
    found = module
    for part in path:
        try:
            found = getattr(found, part)
        except AttributeError:
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed" %
                                (obj, name, module_name)) from None
    if found is not obj:
        raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" %
                            (obj, module_name, name))


class Pickler(_py._Pickler):
    def save_global(self, obj, name=None):
        _check_global(obj, name)
        _py._Pickler.save_global(self, obj, name)


# pickle.py's dispatch table holds its own save_global; ours must be the one it calls.
Pickler.dispatch = {t: (Pickler.save_global if f is _py._Pickler.save_global else f)
                    for t, f in _py._Pickler.dispatch.items()}


Unpickler = _py._Unpickler


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = _py.io.BytesIO()
    Pickler(f, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
    return f.getvalue()


load = _py._load
loads = _py._loads
