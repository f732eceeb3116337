# importlib._bootstrap_external — minipy's own, small: the file loaders code outside the import
# system builds by hand (pydoc loads a module from a path with SourceFileLoader). CPython's module is
# the path-based half of its frozen import system; minipy's import system is native.
import sys

from importlib.machinery import BYTECODE_SUFFIXES, EXTENSION_SUFFIXES, SOURCE_SUFFIXES  # noqa: F401


class FileLoader:
    """A loader for the module `name` found at `path`."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as file:
            return file.read()

    def is_package(self, fullname):
        return self.path.rpartition("/")[2].rpartition(".")[0] == "__init__"

    def create_module(self, spec):
        return None

    def load_module(self, fullname=None):
        from importlib._bootstrap import _load
        from importlib.util import spec_from_file_location
        return _load(spec_from_file_location(fullname or self.name, self.path, loader=self))


class SourceFileLoader(FileLoader):
    """Runs a .py file's source as the module's code."""

    def get_source(self, fullname):
        from importlib.util import decode_source
        return decode_source(self.get_data(self.path))

    def get_code(self, fullname):
        return compile(self.get_source(fullname), self.path, "exec", dont_inherit=True)

    def exec_module(self, module):
        exec(self.get_code(module.__name__), module.__dict__)


class SourcelessFileLoader(FileLoader):
    """CPython runs a .pyc file's bytecode; minipy's bytecode is its own, so it cannot."""

    def get_source(self, fullname):
        return None

    def get_code(self, fullname):
        raise ImportError(f"minipy cannot load CPython bytecode: {self.path!r}", name=fullname, path=self.path)

    def exec_module(self, module):
        self.get_code(module.__name__)


class NamespaceLoader:
    """The loader of a namespace package (PEP 420): a folder without __init__.py, whose module
    has no code to run."""

    def __init__(self, name, path, path_finder=None):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def get_code(self, fullname):
        return compile("", "<string>", "exec", dont_inherit=True)

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        pass


def cache_from_source(path, debug_override=None, *, optimization=None):
    from importlib.util import cache_from_source as cache
    return cache(path, debug_override, optimization=optimization)


def source_from_cache(path):
    from importlib.util import source_from_cache as source
    return source(path)


def _get_sourcefile(bytecode_path):
    """The source file of a bytecode file's path when it exists, else the path itself (CPython keeps
    this for PyImport_ExecCodeModuleWithFilenames; test.test_import imports it)."""
    import os
    if not bytecode_path:
        return None
    rest, _, extension = bytecode_path.rpartition(".")
    if not rest or extension.lower()[-3:-1] != "py":
        return bytecode_path
    try:
        source_path = source_from_cache(bytecode_path)
    except (NotImplementedError, ValueError):
        source_path = bytecode_path[:-1]
    return source_path if os.path.isfile(source_path) else bytecode_path


class FileFinder:
    """Finds the modules of one folder (a sys.path entry) for code that asks (pkgutil walks these);
    minipy's native import system does its own finding. Each loader detail is (loader class,
    suffixes); a finder without details finds nothing, as CPython's."""

    def __init__(self, path, *loader_details):
        self.path = path or "."
        self._loaders = [(suffix, loader) for loader, suffixes in loader_details for suffix in suffixes]

    def invalidate_caches(self):
        """minipy's finders keep no caches."""

    def find_spec(self, fullname, target=None):
        import os
        from importlib.util import spec_from_file_location
        last = fullname.rpartition(".")[2]
        package = os.path.join(self.path, last)
        if os.path.isdir(package):
            for suffix, loader in self._loaders:
                init = os.path.join(package, "__init__" + suffix)
                if os.path.isfile(init):
                    return spec_from_file_location(fullname, init, loader=loader(fullname, init),
                                                   submodule_search_locations=[package])
        for suffix, loader in self._loaders:
            file = os.path.join(self.path, last + suffix)
            if os.path.isfile(file):
                return spec_from_file_location(fullname, file, loader=loader(fullname, file))
        return None

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            import os
            if not os.path.isdir(path):
                raise ImportError("only directories are supported", path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return f"FileFinder({self.path!r})"
