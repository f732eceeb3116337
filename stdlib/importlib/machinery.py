# importlib.machinery — the file suffixes minipy's import system knows (see importlib/__init__.py):
# it runs .py source only; it writes no bytecode and loads no extension modules.
SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = []


def all_suffixes():
    """Every suffix a module file may have, source first (CPython's order)."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


class ModuleSpec:
    """What importlib.util.find_spec reports of a module: its name, where it comes from, and for a
    package the folders its submodules are found in (CPython's importlib.machinery.ModuleSpec)."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self.cached = None
        self._set_fileattr = False

    def __repr__(self):
        args = [f"name={self.name!r}", f"loader={self.loader!r}"]
        if self.origin is not None:
            args.append(f"origin={self.origin!r}")
        if self.submodule_search_locations is not None:
            args.append(f"submodule_search_locations={self.submodule_search_locations}")
        return f"ModuleSpec({', '.join(args)})"

    def __eq__(self, other):
        if not isinstance(other, ModuleSpec):
            return NotImplemented
        return (self.name == other.name and self.loader == other.loader and self.origin == other.origin
                and self.submodule_search_locations == other.submodule_search_locations
                and self.cached == other.cached and self.has_location == other.has_location)

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


# The file loaders and the folder finder live in _bootstrap_external, as in CPython; imported last,
# as that module imports the suffix lists above.
from importlib._bootstrap_external import FileFinder, SourceFileLoader, SourcelessFileLoader  # noqa: E402

# pkgutil finds a folder's modules through sys.path_hooks: the hook for .py source folders.
import sys  # noqa: E402

if not sys.path_hooks:
    sys.path_hooks.append(FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES)))
