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
from importlib.machinery import BYTECODE_SUFFIXES, SOURCE_SUFFIXES, ModuleSpec

__all__ = ["LazyLoader", "MAGIC_NUMBER", "cache_from_source", "decode_source", "find_spec",
           "module_for_loader", "module_from_spec", "resolve_name", "set_loader", "set_package",
           "source_from_cache", "source_hash", "spec_from_file_location", "spec_from_loader"]

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
        return _spec_of_imported(fullname, name)
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
    """The __pycache__ file CPython would write for the source file `path` (under
    sys.pycache_prefix when that is set). `optimization` names the .opt-N part; debug_override is
    its deprecated form (true: none, false: opt-1)."""
    if debug_override is not None:
        import warnings
        warnings.warn("the debug_override parameter is deprecated; use 'optimization' instead",
                      DeprecationWarning)
        if optimization is not None:
            raise TypeError("debug_override or optimization must be set to None")
        optimization = "" if debug_override else 1
    head, tail = os.path.split(os.fspath(path))
    stem, dot, suffix = tail.rpartition(".")
    tag = sys.implementation.cache_tag
    if tag is None:
        raise NotImplementedError("sys.implementation.cache_tag is None")
    name = (stem or suffix) + dot + tag
    if optimization is None:
        optimization = "" if sys.flags.optimize == 0 else sys.flags.optimize
    optimization = str(optimization)
    if optimization:
        if not optimization.isalnum():
            raise ValueError(f"{optimization!r} is not alphanumeric")
        name += ".opt-" + optimization
    name += BYTECODE_SUFFIXES[0]
    if sys.pycache_prefix is None:
        return os.path.join(head, "__pycache__", name)
    if not os.path.isabs(head):
        head = os.path.join(os.getcwd(), head)
    return os.path.join(sys.pycache_prefix, head.lstrip("/"), name)


def source_from_cache(path):
    """The source file of a file named as cache_from_source names it; ValueError for another."""
    if sys.implementation.cache_tag is None:
        raise NotImplementedError("sys.implementation.cache_tag is None")
    path = os.fspath(path)
    head, filename = os.path.split(path)
    prefix = sys.pycache_prefix.rstrip("/") if sys.pycache_prefix is not None else None
    if prefix is not None and head.startswith(prefix + "/"):
        head = head[len(prefix):]
    else:
        head, folder = os.path.split(head)
        if folder != "__pycache__":
            raise ValueError(f"__pycache__ not bottom-level directory in {path!r}")
    dots = filename.count(".")
    if dots not in (2, 3):
        raise ValueError(f"expected only 2 or 3 dots in {filename!r}")
    if dots == 3:
        optimization = filename.rsplit(".", 2)[-2]
        if not optimization.startswith("opt-"):
            raise ValueError("optimization portion of filename does not start with 'opt-'")
        if not optimization[4:].isalnum():
            raise ValueError(f"optimization level {optimization!r} is not an alphanumeric value")
    return os.path.join(head, filename.partition(".")[0] + SOURCE_SUFFIXES[0])


def decode_source(source_bytes):
    """Source bytes as text, in the encoding their coding cookie names, with universal newlines."""
    import io
    import tokenize
    encoding = tokenize.detect_encoding(io.BytesIO(source_bytes).readline)[0]
    return source_bytes.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def _spec_of_imported(fullname, name):
    """The spec of the module sys.modules has for `fullname` (`name` as the caller wrote it, for
    the errors): None for a None entry, ValueError for a module without one."""
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


def _find_spec_from_path(name, path=None):
    """find_spec for `name` searched in `path` (default sys.path), without importing its parent."""
    if name in sys.modules:
        return _spec_of_imported(name, name)
    return _find_spec(name, path)


def _warn_deprecated():
    import warnings
    warnings.warn("The import system now takes care of this automatically; this decorator is slated "
                  "for removal in Python 3.12", DeprecationWarning, stacklevel=3)


def set_package(function):
    """Deprecated decorator of a load_module: sets the returned module's __package__ if unset."""
    import functools

    @functools.wraps(function)
    def set_package_wrapper(*args, **kwargs):
        _warn_deprecated()
        module = function(*args, **kwargs)
        if getattr(module, "__package__", None) is None:
            module.__package__ = module.__name__
            if not hasattr(module, "__path__"):
                module.__package__ = module.__package__.rpartition(".")[0]
        return module
    return set_package_wrapper


def set_loader(function):
    """Deprecated decorator of a load_module: sets the returned module's __loader__ if unset."""
    import functools

    @functools.wraps(function)
    def set_loader_wrapper(self, *args, **kwargs):
        _warn_deprecated()
        module = function(self, *args, **kwargs)
        if getattr(module, "__loader__", None) is None:
            module.__loader__ = self
        return module
    return set_loader_wrapper


def module_for_loader(function):
    """Deprecated decorator of a load_module(self, module): hands it the module of that name (from
    sys.modules when reloading, else a new one put there and taken out again if loading fails)."""
    import functools
    import warnings
    warnings.warn("The import system now takes care of this automatically; this decorator is slated "
                  "for removal in Python 3.12", DeprecationWarning, stacklevel=2)

    @functools.wraps(function)
    def module_for_loader_wrapper(self, fullname, *args, **kwargs):
        reloading = fullname in sys.modules
        module = sys.modules.get(fullname)
        if not reloading:
            module = type(sys)(fullname)
            module.__initializing__ = True
            sys.modules[fullname] = module
        try:
            module.__loader__ = self
            try:
                is_package = self.is_package(fullname)
            except (ImportError, AttributeError):
                pass
            else:
                module.__package__ = fullname if is_package else fullname.rpartition(".")[0]
            return function(self, module, *args, **kwargs)
        except BaseException:
            if not reloading:
                sys.modules.pop(fullname, None)
            raise
        finally:
            module.__initializing__ = False
    return module_for_loader_wrapper


class _LazyModule(type(sys)):
    """A module LazyLoader has not run yet: the first attribute read (or delete) runs it."""

    def __getattribute__(self, attribute):
        spec = object.__getattribute__(self, "__spec__")
        state = spec.loader_state
        object.__setattr__(self, "__class__", state["__class__"])  # an ordinary module from here on
        name = spec.name
        # What was set on the module after exec_module made it lazy wins over what the code sets.
        before = state["__dict__"]
        set_since = {key: value for key, value in self.__dict__.items()
                     if key not in before or before[key] is not value}
        spec.loader.exec_module(self)
        if name in sys.modules and sys.modules[name] is not self:
            raise ValueError(f"module object for {name!r} substituted in sys.modules during a lazy load")
        self.__dict__.update(set_since)
        return getattr(self, attribute)

    def __delattr__(self, attribute):
        self.__getattribute__(attribute)
        delattr(self, attribute)


class LazyLoader:
    """Wraps a loader so that a module's code runs when one of its attributes is first used."""

    @staticmethod
    def __check_eager_loader(loader):
        if not hasattr(loader, "exec_module"):
            raise TypeError("loader must define exec_module()")

    @classmethod
    def factory(cls, loader):
        """A callable making a LazyLoader of `loader` from the loader's own arguments."""
        cls.__check_eager_loader(loader)
        return lambda *args, **kwargs: cls(loader(*args, **kwargs))

    def __init__(self, loader):
        self.__check_eager_loader(loader)
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        module.__spec__.loader_state = {"__dict__": module.__dict__.copy(), "__class__": module.__class__}
        module.__class__ = _LazyModule
