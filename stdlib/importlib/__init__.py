# importlib — minipy's own, small importlib: CPython's package is built on its frozen import system
# (_imp, _bootstrap, _bootstrap_external), which minipy replaces with its native one
# (src/interpreter/import.cpp). Here: import_module, reload and invalidate_caches; importlib.machinery
# and importlib.util are minipy's too. The rest of the package (abc, resources, metadata, readers,
# simple) is CPython's own, unchanged: its folder in CPython's Lib comes after this one in __path__.
import sys

from importlib import _bootstrap  # noqa: F401 (CPython's importlib has it as an attribute)


def _cpython_folder():
    """importlib's folder in CPython's Lib, the sys.path entry minipy's start-up put last."""
    import posix
    here = __path__[0]
    for entry in reversed(sys.path):
        if not isinstance(entry, str) or not entry:
            continue
        folder = entry.rstrip("/") + "/importlib"
        if folder == here:
            continue
        try:
            posix.stat(folder + "/abc.py")
        except OSError:
            continue
        return folder
    return None


if (_folder := _cpython_folder()) is not None:
    __path__.append(_folder)
del _folder

__all__ = ["import_module", "invalidate_caches", "reload"]


def _resolve_name(name, package, level):
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def import_module(name, package=None):
    """Import a module; `name` may be relative ('.mod') to `package`. Returns the module itself,
    not the top-level package as `import a.b` binds."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative import for "
                            f"{name!r}")
        for character in name:
            if character != ".":
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def find_loader(name, path=None):
    """The loader of the module `name` (deprecated: use importlib.util.find_spec)."""
    import warnings
    warnings.warn("Deprecated since Python 3.4 and slated for removal in Python 3.12; use "
                  "importlib.util.find_spec() instead", DeprecationWarning, stacklevel=2)
    if name in sys.modules:
        try:
            loader = sys.modules[name].__loader__
        except AttributeError:
            raise ValueError(f"{name}.__loader__ is not set") from None
        if loader is None:
            raise ValueError(f"{name}.__loader__ is None")
        return loader
    spec = _bootstrap._find_spec(name, path)
    if spec is None:
        return None
    if spec.loader is None:
        if spec.submodule_search_locations is None:
            raise ImportError(f"spec for {name} missing loader", name=name)
        raise ImportError("namespace packages do not have loaders", name=name)
    return spec.loader


def invalidate_caches():
    """Asks each finder of sys.meta_path that can to drop its caches."""
    for finder in sys.meta_path:
        if hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()


_RELOADING = {}


def reload(module):
    """Runs a module that was imported before again, in the same module object, and returns the
    module (which the code may have replaced in sys.modules)."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition(".")[0]
        path = None
        if parent_name:
            try:
                path = sys.modules[parent_name].__path__
            except KeyError:
                raise ImportError(f"parent {parent_name!r} not in sys.modules", name=parent_name) from None
        spec = module.__spec__ = _bootstrap._find_spec(name, path, module)
        if spec is None:
            raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
        _bootstrap._exec(spec, module)
        return sys.modules[name]
    finally:
        _RELOADING.pop(name, None)


def __import__(name, globals=None, locals=None, fromlist=(), level=0):
    """The import statement's function, as CPython's importlib has it: here the native one."""
    import builtins
    return builtins.__import__(name, globals, locals, fromlist, level)
