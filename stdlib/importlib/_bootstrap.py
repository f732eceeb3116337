# importlib._bootstrap — minipy's own, small: ModuleSpec, the meta path finders (BuiltinImporter, the
# loader of the native modules; FrozenImporter; PathFinder), the spec helpers, _find_spec (the meta
# path walk reload and find_spec use) and _load(spec), which runs a module from a spec (a finder's of
# sys.meta_path, or one made by hand as pydoc's importfile does). CPython's module is its frozen
# import system itself; minipy's import system is native (src/interpreter/import.cpp): it walks
# sys.meta_path too, and where it meets one of the three finders below (their _minipy_native says
# which) it does that finder's search itself. The native module registry imports this module when
# the first native module is imported, so every native module gets __spec__, __loader__ and
# __package__ as CPython's built-in modules have them (_describe_builtin), and from then on every
# module loaded from a .py file gets its __spec__ and __loader__ (_describe_source) before its code
# runs. Keep its imports to sys and _imp: it loads before anything else a program asks for.
import sys

import _imp


class ModuleSpec:
    """What the import system knows of a module: its name, its loader, where it comes from, and for
    a package the folders its submodules are found in (CPython's importlib.machinery.ModuleSpec)."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = [f"name={self.name!r}", f"loader={self.loader!r}"]
        if self.origin is not None:
            args.append(f"origin={self.origin!r}")
        if self.submodule_search_locations is not None:
            args.append(f"submodule_search_locations={self.submodule_search_locations}")
        return f"{self.__class__.__name__}({', '.join(args)})"

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and self.origin == other.origin
                    and smsl == other.submodule_search_locations and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        """Where CPython would cache the module's bytecode: worked out from a .py origin on first
        use, the origin itself for a .pyc file."""
        if self._cached is None and self.origin is not None and self._set_fileattr:
            from importlib.machinery import BYTECODE_SUFFIXES, SOURCE_SUFFIXES
            if self.origin.endswith(tuple(SOURCE_SUFFIXES)):
                from importlib.util import cache_from_source
                try:
                    self._cached = cache_from_source(self.origin)
                except NotImplementedError:
                    pass
            elif self.origin.endswith(tuple(BYTECODE_SUFFIXES)):
                self._cached = self.origin
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The package the module belongs to: itself for a package."""
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


def _object_name(thing):
    try:
        return thing.__qualname__
    except AttributeError:
        return type(thing).__qualname__


def _verbose_message(message, *args, verbosity=1):
    """The trace `-v` prints (zipimport calls it)."""
    if sys.flags.verbose >= verbosity:
        if not message.startswith(("#", "import ")):
            message = "# " + message
        print(message.format(*args), file=sys.stderr)


def _warn(message, category):
    import _warnings
    _warnings.warn(message, category)


def _loader_found(finder, fullname, path):
    """A meta path finder's find_module of old: the loader of its find_spec's spec, or None."""
    _warn(f"{finder.__name__}.find_module() is deprecated and slated for removal in Python 3.12; use "
          "find_spec() instead", DeprecationWarning)
    spec = finder.find_spec(fullname, path)
    return spec.loader if spec is not None else None


class BuiltinImporter:
    """Meta path import for built-in modules: the loader that every native module names as its
    __loader__. All methods are class or static methods, so the class need not be instantiated."""

    _ORIGIN = "built-in"
    _minipy_native = "builtin"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None:
            return None
        if _imp.is_builtin(fullname):
            return spec_from_loader(fullname, cls, origin=cls._ORIGIN)
        return None

    @classmethod
    def find_module(cls, fullname, path=None):
        """The loader of a built-in module `fullname`, or None (deprecated: use find_spec)."""
        return _loader_found(cls, fullname, path)

    @classmethod
    def load_module(cls, fullname):
        return _load_module_shim(cls, fullname)

    @staticmethod
    def create_module(spec):
        """Create a built-in module"""
        if spec.name not in sys.builtin_module_names:
            raise ImportError(f"{spec.name!r} is not a built-in module", name=spec.name)
        return _imp.create_builtin(spec)

    @staticmethod
    def exec_module(module):
        """Exec a built-in module"""
        _imp.exec_builtin(module)

    @classmethod
    def get_code(cls, fullname):
        """Return None as built-in modules do not have code objects."""
        return None

    @classmethod
    def get_source(cls, fullname):
        """Return None as built-in modules do not have source code."""
        return None

    @classmethod
    def is_package(cls, fullname):
        """Return False as built-in modules are never packages."""
        return False


class FrozenImporter:
    """Meta path import for frozen modules. minipy freezes none, so it finds nothing."""

    _ORIGIN = "frozen"
    _minipy_native = "frozen"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @classmethod
    def find_module(cls, fullname, path=None):
        _warn("FrozenImporter.find_module() is deprecated and slated for removal in Python 3.12; use "
              "find_spec() instead", DeprecationWarning)
        return None

    @classmethod
    def load_module(cls, fullname):
        raise ImportError(f"{fullname!r} is not a frozen module", name=fullname)

    @staticmethod
    def create_module(spec):
        """Use default semantics for module creation."""

    @staticmethod
    def exec_module(module):
        raise ImportError(f"{module.__name__!r} is not a frozen module", name=module.__name__)

    @classmethod
    def get_code(cls, fullname):
        raise ImportError(f"{fullname!r} is not a frozen module", name=fullname)

    get_source = is_package = get_code


_finders_being_made = set()  # (thread, path entry) pairs whose path entry finder is being made


class PathFinder:
    """Meta path finder for sys.path (or a package's __path__): asks each entry's path entry finder,
    made by the first of sys.path_hooks that takes the entry and kept in sys.path_importer_cache."""

    _minipy_native = "path"

    @staticmethod
    def invalidate_caches():
        for name, finder in list(sys.path_importer_cache.items()):
            if finder is None:
                del sys.path_importer_cache[name]
            elif hasattr(finder, "invalidate_caches"):
                finder.invalidate_caches()

    @staticmethod
    def _path_hooks(path):
        if not sys.path_hooks:
            # The hook for .py folders lives in importlib.machinery, which installs it.
            import importlib.machinery  # noqa: F401
        for hook in sys.path_hooks:
            try:
                return hook(path)
            except ImportError:
                continue
        return None

    @classmethod
    def _path_importer_cache(cls, path):
        if path == "":
            try:
                import posix
                path = posix.getcwd()
            except (FileNotFoundError, ImportError):
                return None
        if path in sys.path_importer_cache:
            return sys.path_importer_cache[path]
        # A hook's own imports search this entry too (zipimport is imported the first time a zip
        # archive on sys.path is asked): while this thread makes the entry's finder, it has none.
        import _thread
        key = (_thread.get_ident(), path)
        if key in _finders_being_made:
            return None
        _finders_being_made.add(key)
        try:
            finder = cls._path_hooks(path)
        finally:
            _finders_being_made.discard(key)
        sys.path_importer_cache[path] = finder
        return finder

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        """The spec of `fullname` from the first entry of `path` (default sys.path) that has it; a
        folder of that name without __init__.py in some entries makes a namespace package."""
        spec = cls._get_spec(fullname, path, target)
        if spec is None or spec.loader is not None:
            return spec
        if not spec.submodule_search_locations:
            return None
        from importlib._bootstrap_external import NamespaceLoader, _NamespacePath
        portions = _NamespacePath(fullname, spec.submodule_search_locations, cls._get_spec)
        spec.loader = NamespaceLoader(fullname, portions, cls._get_spec)
        spec.submodule_search_locations = portions
        return spec

    @classmethod
    def find_module(cls, fullname, path=None):
        """The loader of `fullname`, or None (deprecated: use find_spec)."""
        return _loader_found(cls, fullname, path)

    @classmethod
    def _get_spec(cls, fullname, path, target=None):
        """find_spec's search: a namespace package's spec has no loader, only its portions."""
        portions = []
        for entry in sys.path if path is None else path:
            if not isinstance(entry, (str, bytes)):
                continue
            finder = cls._path_importer_cache(entry)
            if finder is None:
                continue
            spec = finder.find_spec(fullname, target)
            if spec is None:
                continue
            if spec.loader is not None:
                return spec
            portions.extend(spec.submodule_search_locations or [])
        spec = ModuleSpec(fullname, None)
        spec.submodule_search_locations = portions
        return spec

    @staticmethod
    def find_distributions(*args, **kwargs):
        """The distributions (importlib.metadata) found on the path a Context names."""
        from importlib.metadata import MetadataPathFinder
        return MetadataPathFinder.find_distributions(*args, **kwargs)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for `loader`'s module `name`: a file location's (spec_from_file_location) when the
    loader can name its file; whether it is a package as the loader says, unless told."""
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if not origin and hasattr(loader, "get_filename"):
        from importlib.util import spec_from_file_location
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        return spec_from_file_location(name, loader=loader, submodule_search_locations=[] if is_package else None)
    if is_package is None:
        is_package = False
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def module_from_spec(spec):
    """A new, empty module for `spec`, its attributes set as the import system sets them."""
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, "exec_module"):
        raise ImportError("loaders that define exec_module() must also define create_module()")
    if module is None:
        module = type(sys)(spec.name)
    _set_module_attrs(spec, module)
    return module


def _set_module_attrs(spec, module):
    """The attributes the import system gives a module from its spec."""
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        module.__file__ = spec.origin


def _load(spec):
    """Creates the module of `spec`, puts it in sys.modules and runs it with the spec's loader; on
    failure the module is taken out of sys.modules again, as CPython's. A loader with no
    exec_module is asked to load_module, with CPython's ImportWarning."""
    name = spec.name
    if spec.loader is not None and not hasattr(spec.loader, "exec_module"):
        _warn(f"{_object_name(spec.loader)}.exec_module() not found; falling back to load_module()",
              ImportWarning)
        return _load_by_loader(spec)
    module = module_from_spec(spec)
    sys.modules[name] = module
    try:
        if spec.loader is not None:
            spec.loader.exec_module(module)
        elif spec.submodule_search_locations is None:
            raise ImportError("missing loader", name=name)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    # Last in sys.modules; the module may have put something else there in its place.
    module = sys.modules.pop(name)
    sys.modules[name] = module
    return module


def _load_by_loader(spec):
    """The load_module() path of a loader written before exec_module: the loader puts the module in
    sys.modules; the attributes it left unset are set from the spec."""
    name = spec.name
    try:
        spec.loader.load_module(name)
    except BaseException:
        if name in sys.modules:
            sys.modules[name] = sys.modules.pop(name)
        raise
    module = sys.modules.pop(name)
    sys.modules[name] = module
    for attribute, value in (("__loader__", spec.loader), ("__spec__", spec)):
        if getattr(module, attribute, None) is None:
            try:
                setattr(module, attribute, value)
            except AttributeError:
                pass
    if getattr(module, "__package__", None) is None:
        try:
            module.__package__ = name if hasattr(module, "__path__") else name.rpartition(".")[0]
        except AttributeError:
            pass
    return module


def _load_module_shim(self, fullname):
    """A loader's deprecated load_module(): runs `fullname` anew, in its module if it has one."""
    _warn("the load_module() method is deprecated and slated for removal in Python 3.12; use "
          "exec_module() instead", DeprecationWarning)
    spec = spec_from_loader(fullname, self)
    if fullname in sys.modules:
        _exec(spec, sys.modules[fullname])
        return sys.modules[fullname]
    return _load(spec)


def _exec(spec, module):
    """Runs the module of `spec` again in `module`, which must be the one in sys.modules (reload)."""
    name = spec.name
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name!r} not in sys.modules", name=name)
    try:
        if spec.loader is None and spec.submodule_search_locations is None:
            raise ImportError("missing loader", name=name)
        _set_module_attrs(spec, module)
        if spec.loader is None:
            pass
        elif hasattr(spec.loader, "exec_module"):
            spec.loader.exec_module(module)
        else:
            _warn(f"{_object_name(spec.loader)}.exec_module() not found; falling back to load_module()",
                  ImportWarning)
            spec.loader.load_module(name)
    finally:
        module = sys.modules.pop(name)
        sys.modules[name] = module
    return module


def _find_spec_in(finder, name, path, target=None):
    """One meta path finder's answer: its find_spec, or for a finder that only has the find_module of
    old, the loader it names, with CPython's ImportWarning."""
    try:
        find_spec = finder.find_spec
    except AttributeError:
        _warn(f"{_object_name(finder)}.find_spec() not found; falling back to find_module()", ImportWarning)
        loader = finder.find_module(name, path)
        return None if loader is None else spec_from_loader(name, loader)
    return find_spec(name, path, target)


def _find_spec(name, path, target=None):
    """The spec the first finder of sys.meta_path has for `name`, or None. If the module got into
    sys.modules meanwhile (its parent imported it), the spec of that module."""
    meta_path = sys.meta_path
    if meta_path is None:
        raise ImportError("sys.meta_path is None, Python is likely shutting down")
    if not meta_path:
        _warn("sys.meta_path is empty", ImportWarning)
    reloading = name in sys.modules
    for finder in meta_path:
        spec = _find_spec_in(finder, name, path, target)
        if spec is None:
            continue
        if not reloading and name in sys.modules:
            found = getattr(sys.modules[name], "__spec__", None)
            return spec if found is None else found
        return spec
    return None


# The import error's text, as CPython's module names it (imp imports it).
_ERR_MSG_PREFIX = "No module named "
_ERR_MSG = _ERR_MSG_PREFIX + "{!r}"


def _builtin_from_name(name):
    """The native module `name`, loaded through BuiltinImporter (imp.init_builtin's way)."""
    spec = BuiltinImporter.find_spec(name)
    if spec is None:
        raise ImportError("no built-in module named " + name)
    return _load(spec)


def _load_from_entry(name, entry):
    """What the native import asks of a sys.path entry that is a file (a zip archive): the module
    `name` from the path entry finder a hook of sys.path_hooks made for it, or None."""
    finder = PathFinder._path_importer_cache(entry)
    if finder is None:
        return None
    spec = finder.find_spec(name)
    if spec is None or spec.loader is None:
        return None
    return _load(spec)


def _load_with(finder, name, path):
    """What the native import asks of a meta path finder it does not know: the module `name` loaded
    from the finder's spec, or None when the finder has none."""
    spec = _find_spec_in(finder, name, path)
    if spec is None:
        return None
    if name in sys.modules:  # the parent's import brought it in
        return sys.modules[name]
    return _load(spec)


def _describe_builtin(module):
    """Gives a native module the attributes CPython's import system gives a built-in one."""
    name = module.__name__
    module.__package__ = ""
    module.__loader__ = BuiltinImporter
    module.__spec__ = ModuleSpec(name, BuiltinImporter, origin=BuiltinImporter._ORIGIN)


def _describe_source(module):
    """Gives a module run from a .py file (its __file__, and __path__ for a package, already set)
    the __spec__ and __loader__ CPython's path finder gives it; a namespace package (no file) gets
    a spec without origin."""
    # machinery first: it and _bootstrap_external import each other, and this order works.
    from importlib.machinery import SourceFileLoader
    from importlib._bootstrap_external import NamespaceLoader
    name = module.__name__
    file = module.__dict__.get("__file__")
    path = module.__dict__.get("__path__")
    if file is None:
        from importlib._bootstrap_external import _NamespacePath
        path = module.__path__ = _NamespacePath(name, list(path), PathFinder._get_spec)
        loader = NamespaceLoader(name, path)
        spec = ModuleSpec(name, loader, is_package=True)
    else:
        loader = SourceFileLoader(name, file)
        spec = ModuleSpec(name, loader, origin=file, is_package=path is not None)
        spec.cached = module.__dict__.get("__cached__")
        spec.has_location = True
    if path is not None:
        spec.submodule_search_locations = path
    module.__spec__ = spec
    module.__loader__ = loader


def _describe_main(module):
    """The __loader__ CPython gives the __main__ of a script (a SourceFileLoader), of -c, stdin or
    the REPL (BuiltinImporter); -m's and runpy's __main__ have theirs already."""
    if "__loader__" in module.__dict__:
        return
    file = module.__dict__.get("__file__")
    if file is None or file.startswith("<"):
        module.__loader__ = BuiltinImporter
    else:
        from importlib.machinery import SourceFileLoader
        module.__loader__ = SourceFileLoader("__main__", file)


# The modules made before this one was imported (sys, builtins, the start-up's own modules, and
# those imported while it loaded), as CPython's _setup does for the modules its start-up created.
for _module in list(sys.modules.values()):
    if type(_module) is not type(sys):
        continue
    if getattr(_module, "__name__", None) == "__main__":
        _describe_main(_module)
    elif "__spec__" in _module.__dict__:
        continue
    elif getattr(_module, "__name__", None) in sys.builtin_module_names:
        _describe_builtin(_module)
    elif "__file__" in _module.__dict__:
        _describe_source(_module)
del _module

# The finders CPython's sys.meta_path starts with, before any a program added.
sys.meta_path[:0] = [_finder for _finder in (BuiltinImporter, FrozenImporter, PathFinder)
                     if _finder not in sys.meta_path]
