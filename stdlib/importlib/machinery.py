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


# ModuleSpec and the loader of the native modules live in _bootstrap, as in CPython.
from importlib._bootstrap import BuiltinImporter, FrozenImporter, ModuleSpec, PathFinder  # noqa: E402

# The file loaders and the folder finder live in _bootstrap_external, as in CPython; imported last,
# as that module imports the suffix lists above.
from importlib._bootstrap_external import (  # noqa: E402
    ExtensionFileLoader, FileFinder, NamespaceLoader, SourceFileLoader, SourcelessFileLoader,
    WindowsRegistryFinder)

# pkgutil finds a folder's modules through sys.path_hooks: the hooks for zip archives and .py source
# folders, in CPython's order.
import sys  # noqa: E402

if not sys.path_hooks:
    from importlib._bootstrap_external import _zip_path_hook  # noqa: E402

    sys.path_hooks.extend([_zip_path_hook, FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES))])
