# importlib._bootstrap — minipy's own, small: ModuleSpec, BuiltinImporter (the loader of the native
# modules), the spec helpers and _load(spec), which runs a module from a spec whose loader was made by
# hand (pydoc's importfile). CPython's module is its frozen import system itself; minipy's import
# system is native (src/interpreter/import.cpp). The native module registry imports this module when
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


class BuiltinImporter:
    """Meta path import for built-in modules: the loader that every native module names as its
    __loader__. All methods are class or static methods, so the class need not be instantiated."""

    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None:
            return None
        if _imp.is_builtin(fullname):
            return spec_from_loader(fullname, cls, origin=cls._ORIGIN)
        return None

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


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    if is_package is None and loader is not None and hasattr(loader, "is_package"):
        is_package = loader.is_package(name)
    return ModuleSpec(name, loader, origin=origin, is_package=bool(is_package))


def module_from_spec(spec):
    """A new, empty module for `spec`, its attributes set as the import system sets them."""
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    if module is None:
        module = type(sys)(spec.name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        module.__file__ = spec.origin
    return module


def _load(spec):
    """Creates the module of `spec`, puts it in sys.modules and runs it with the spec's loader; on
    failure the module is taken out of sys.modules again, as CPython's."""
    module = module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise
    return sys.modules[spec.name]


def _describe_builtin(module):
    """Gives a native module the attributes CPython's import system gives a built-in one."""
    name = module.__name__
    module.__package__ = ""
    module.__loader__ = BuiltinImporter
    module.__spec__ = ModuleSpec(name, BuiltinImporter, origin=BuiltinImporter._ORIGIN)


def _describe_source(module, name=None):
    """Gives a module run from a .py file (its __file__, and __path__ for a package, already set)
    the __spec__ and __loader__ CPython's path finder gives it; a namespace package (no file) gets
    a spec without origin. `name`: the module's own name where it runs as __main__ (`-m`)."""
    # machinery first: it and _bootstrap_external import each other, and this order works.
    from importlib.machinery import SourceFileLoader
    from importlib._bootstrap_external import NamespaceLoader
    name = name or module.__name__
    file = module.__dict__.get("__file__")
    path = module.__dict__.get("__path__")
    if file is None:
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


# The modules made before this one was imported (sys, builtins, the start-up's own modules, and
# those imported while it loaded), as CPython's _setup does for the modules its start-up created.
for _module in list(sys.modules.values()):
    if type(_module) is not type(sys) or "__spec__" in _module.__dict__:
        continue
    if getattr(_module, "__name__", None) in sys.builtin_module_names:
        _describe_builtin(_module)
    elif "__file__" in _module.__dict__ and _module.__name__ != "__main__":
        _describe_source(_module)
del _module
