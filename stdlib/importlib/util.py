# importlib.util — minipy's own, for the code that asks a question of the import system rather than
# changing it (test.support.import_helper, pkgutil-style lookups): find_spec, spec and module
# factories, source_hash, and the __pycache__ naming CPython uses. minipy's import system is native
# (src/interpreter/import.cpp) and keeps no specs or loaders for source modules, so find_spec looks
# on sys.path itself, in the order the native finder does, and their specs carry no loader.
import _imp
import os
import sys

from importlib import _resolve_name
from importlib._bootstrap import module_from_spec, spec_from_loader  # noqa: F401
from importlib.machinery import BuiltinImporter, ModuleSpec

__all__ = ["MAGIC_NUMBER", "cache_from_source", "decode_source", "find_spec", "module_from_spec",
           "resolve_name", "source_from_cache", "source_hash", "spec_from_file_location",
           "spec_from_loader"]

# CPython 3.11's bytecode magic: minipy writes no .pyc files, but hash-based ones are keyed by it.
MAGIC_NUMBER = (3495).to_bytes(2, "little") + b"\r\n"
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, "little")


def source_hash(source_bytes):
    """The hash a hash-based .pyc file records for `source_bytes`."""
    return _imp.source_hash(_RAW_MAGIC_NUMBER, source_bytes)


def resolve_name(name, package):
    """The absolute name of `name`, which may be relative ('..mod') to `package`."""
    if not name.startswith("."):
        return name
    if not package:
        raise ImportError(f"no package specified for {repr(name)} (required for relative module names)")
    level = len(name) - len(name.lstrip("."))
    return _resolve_name(name[level:], package, level)


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=None):
    location = os.fspath(location) if location is not None else None
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = location is not None
    if submodule_search_locations is not None:
        spec.submodule_search_locations = list(submodule_search_locations)
    elif location is not None and os.path.basename(location) == "__init__.py":
        spec.submodule_search_locations = [os.path.dirname(location)]
    return spec


def _search(name, paths):
    """The spec of module `name` (its last part searched in `paths`), or None."""
    last = name.rpartition(".")[2]
    for folder in paths:
        folder = folder or "."
        package_init = os.path.join(folder, last, "__init__.py")
        if os.path.isfile(package_init):
            return spec_from_file_location(name, package_init)
        source = os.path.join(folder, last + ".py")
        if os.path.isfile(source):
            return spec_from_file_location(name, source)
    return None


def find_spec(name, package=None):
    """The spec of the module `name` would import, or None when there is none. A module already
    imported answers from itself; a submodule's parent package is imported first, as CPython's."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    module = sys.modules.get(fullname)
    if module is not None:
        spec = getattr(module, "__spec__", None)
        if spec is None:
            spec = _spec_of_module(module)
        return spec
    if fullname in sys.builtin_module_names:
        return BuiltinImporter.find_spec(fullname)
    parent = fullname.rpartition(".")[0]
    if parent:
        parent_module = __import__(parent, fromlist=["__name__"])
        paths = getattr(parent_module, "__path__", None)
        if paths is None:
            raise ModuleNotFoundError(f"__path__ attribute not found on {parent!r} while trying to find "
                                      f"{fullname!r}", name=fullname)
        return _search(fullname, paths)
    return _search(fullname, sys.path)


def _spec_of_module(module):
    name = module.__name__
    location = getattr(module, "__file__", None)
    if location is None:
        if name in sys.builtin_module_names:
            return BuiltinImporter.find_spec(name)
        return ModuleSpec(name, None)
    return spec_from_file_location(name, location)


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The __pycache__ file CPython would write for the source file `path`."""
    head, tail = os.path.split(os.fspath(path))
    base, _, _ = tail.rpartition(".")
    tag = sys.implementation.cache_tag
    if tag is None:
        raise NotImplementedError("sys.implementation.cache_tag is None")
    name = f"{base}.{tag}"
    if optimization is None:
        optimization = "" if sys.flags.optimize == 0 else str(sys.flags.optimize)
    if optimization != "":
        name += f".opt-{optimization}"
    return os.path.join(head, "__pycache__", name + ".pyc")


def source_from_cache(path):
    """The source file of a __pycache__ file named as cache_from_source names it."""
    head, pycache_filename = os.path.split(os.fspath(path))
    head, pycache = os.path.split(head)
    if pycache != "__pycache__":
        raise ValueError(f"__pycache__ not bottom-level directory in {path!r}")
    base = pycache_filename.split(".")[0]
    return os.path.join(head, base + ".py")


def decode_source(source_bytes):
    """Source bytes as text, in the encoding their coding cookie names, with universal newlines."""
    import io
    import tokenize
    encoding = tokenize.detect_encoding(io.BytesIO(source_bytes).readline)[0]
    return source_bytes.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
