# importlib.util — minipy's own, for the code that asks a question of the import system rather than
# changing it (test.support.import_helper, pkgutil-style lookups): find_spec, spec and module
# factories, source_hash, and the __pycache__ naming CPython uses. minipy's import system is native
# (src/interpreter/import.cpp); find_spec asks the Python side of its finders (importlib._bootstrap),
# which search as the native ones do.
import _imp
import os
import sys

from importlib import _resolve_name
from importlib._bootstrap import _find_spec, module_from_spec, spec_from_loader  # noqa: F401
from importlib.machinery import ModuleSpec

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


_POPULATE = object()  # spec_from_file_location: ask the loader whether the module is a package


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=_POPULATE):
    """The spec of the module `name` in the file `location` (made absolute). With no loader given, the
    loader of the file's suffix (a .py file's SourceFileLoader), or None for another suffix. A
    package's spec searches the file's folder unless submodule_search_locations says otherwise."""
    if location is None:
        location = "<unknown>"
        if hasattr(loader, "get_filename"):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = os.fspath(location)
        if not location.startswith("/"):
            try:
                location = os.path.join(os.getcwd(), location)
            except OSError:
                pass
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        from importlib.machinery import SOURCE_SUFFIXES, SourceFileLoader
        if not location.endswith(tuple(SOURCE_SUFFIXES)):
            return None
        loader = spec.loader = SourceFileLoader(name, location)
    if submodule_search_locations is _POPULATE:
        try:
            if hasattr(loader, "is_package") and loader.is_package(name):
                spec.submodule_search_locations = []
        except ImportError:
            pass
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == [] and location:
        spec.submodule_search_locations.append(os.path.dirname(location))
    return spec


def find_spec(name, package=None):
    """The spec of the module `name` would import, or None when there is none: asked of the
    finders of sys.meta_path, as CPython's. A module already imported answers from its __spec__;
    a submodule's parent package is imported first."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    if fullname in sys.modules:
        module = sys.modules[fullname]
        if module is None:
            return None
        try:
            spec = module.__spec__
        except AttributeError:
            raise ValueError(f"{name}.__spec__ is not set") from None
        if spec is None:
            raise ValueError(f"{name}.__spec__ is None")
        return spec
    parent = fullname.rpartition(".")[0]
    path = None
    if parent:
        parent_module = __import__(parent, fromlist=["__path__"])
        try:
            path = parent_module.__path__
        except AttributeError as error:
            raise ModuleNotFoundError(f"__path__ attribute not found on {parent!r} while trying to find "
                                      f"{fullname!r}", name=fullname) from error
    return _find_spec(fullname, path)


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
