# importlib._bootstrap_external — minipy's own, small: the file loaders code outside the import
# system builds by hand (pydoc loads a module from a path with SourceFileLoader). CPython's module is
# the path-based half of its frozen import system; minipy's import system is native.
import sys

from importlib.machinery import BYTECODE_SUFFIXES, EXTENSION_SUFFIXES, SOURCE_SUFFIXES  # noqa: F401


class _LoaderBasics:
    """What the source loaders share: a package is a module whose file is __init__; running a
    module runs the code get_code gives."""

    def is_package(self, fullname):
        filename = self.get_filename(fullname).rpartition("/")[2]
        return filename.rsplit(".", 1)[0] == "__init__" and fullname.rpartition(".")[2] != "__init__"

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f"cannot load module {module.__name__!r} when get_code() returns None")
        exec(code, module.__dict__)

    def load_module(self, fullname):
        from importlib._bootstrap import _load_module_shim
        return _load_module_shim(self, fullname)


class SourceLoader(_LoaderBasics):
    """A loader of source a subclass reads (get_data, get_filename). minipy keeps its own compiled
    code cache, so the bytecode hooks (path_stats, set_data) are asked nothing."""

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {"mtime": self.path_mtime(path)}

    def set_data(self, path, data):
        """Writes no bytecode."""

    def get_source(self, fullname):
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as error:
            raise ImportError("source not available through get_data()", name=fullname) from error
        from importlib.util import decode_source
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, "exec", dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(path), path)


class FileLoader:
    """A loader for the module `name` found at `path`."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def _check_name(self, name):
        if name is None:
            return self.name
        if name != self.name:
            raise ImportError(f"loader for {self.name} cannot handle {name}", name=name)
        return name

    def get_filename(self, name=None):
        self._check_name(name)
        return self.path

    def get_data(self, path):
        with open(path, "rb") as file:
            return file.read()

    def get_resource_reader(self, module):
        from importlib.readers import FileReader
        return FileReader(self)

    def load_module(self, fullname=None):
        from importlib._bootstrap import _load_module_shim
        return _load_module_shim(self, self._check_name(fullname))


class SourceFileLoader(FileLoader, SourceLoader):
    """Runs a .py file's source as the module's code."""

    def path_stats(self, path):
        import os
        status = os.stat(path)
        return {"mtime": status.st_mtime, "size": status.st_size}


class SourcelessFileLoader(FileLoader, _LoaderBasics):
    """CPython runs a .pyc file's bytecode; minipy's bytecode is its own, so it cannot."""

    def get_source(self, fullname):
        return None

    def get_code(self, fullname):
        raise ImportError(f"minipy cannot load CPython bytecode: {self.path!r}", name=fullname, path=self.path)


class ExtensionFileLoader(FileLoader, _LoaderBasics):
    """CPython loads C extension modules (.so files); minipy cannot, and lists no suffix for them."""

    def create_module(self, spec):
        raise ImportError(f"minipy cannot load C extension modules: {self.path!r}", name=spec.name,
                          path=self.path)

    def exec_module(self, module):
        """Nothing: create_module failed."""

    def is_package(self, fullname):
        return self.path.rpartition("/")[2].partition(".")[0] == "__init__"

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None


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

    def load_module(self, fullname):
        from importlib._bootstrap import _load_module_shim
        return _load_module_shim(self, fullname)

    def get_resource_reader(self, module):
        from importlib.readers import NamespaceReader
        return NamespaceReader(self._path)


class _NamespacePath:
    """A namespace package's __path__: its portions, found again when the path its parent searches
    (sys.path, or the parent package's __path__) has changed since."""

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path
        self._last_parent_path = tuple(self._parent_path())
        self._path_finder = path_finder

    def _parent_path(self):
        parent, dot, _ = self._name.rpartition(".")
        return sys.path if not dot else getattr(sys.modules[parent], "__path__")

    def _recalculate(self):
        parent_path = tuple(self._parent_path())
        if parent_path != self._last_parent_path:
            spec = self._path_finder(self._name, parent_path)
            if spec is not None and spec.loader is None and spec.submodule_search_locations:
                self._path = spec.submodule_search_locations
            self._last_parent_path = parent_path
        return self._path

    def __iter__(self):
        return iter(self._recalculate())

    def __getitem__(self, index):
        return self._recalculate()[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._recalculate())

    def __repr__(self):
        return f"_NamespacePath({self._path!r})"

    def __contains__(self, item):
        return item in self._recalculate()

    def append(self, item):
        self._path.append(item)


class WindowsRegistryFinder:
    """Meta path finder for modules the Windows registry names: none, on this system."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


# The path and header helpers zipimport takes from here, as from CPython's module.
path_sep = "/"
path_separators = "/"
_RAW_MAGIC_NUMBER = int.from_bytes((3495).to_bytes(2, "little") + b"\r\n", "little")


def _path_join(*parts):
    return path_sep.join(part.rstrip(path_separators) for part in parts if part)


def _path_split(path):
    head, _, tail = path.rpartition(path_sep)
    return head, tail


def _path_stat(path):
    import posix
    return posix.stat(path)


def _unpack_uint32(data):
    assert len(data) == 4
    return int.from_bytes(data, "little")


def _unpack_uint16(data):
    assert len(data) == 2
    return int.from_bytes(data, "little")


def _classify_pyc(data, name, exc_details):
    """CPython checks a .pyc header here; minipy runs no CPython bytecode, so every .pyc is refused
    and zipimport goes on to the module's source."""
    raise ImportError(f"minipy cannot run CPython bytecode: {name!r}", **exc_details)


def _fix_up_module(namespace, name, pathname, cpathname=None):
    """Gives a module namespace run by hand the spec, loader and file of the source at `pathname`."""
    from importlib.util import spec_from_file_location
    loader = namespace.get("__loader__")
    spec = namespace.get("__spec__")
    if loader is None:
        loader = spec.loader if spec is not None else SourceFileLoader(name, pathname)
    if spec is None:
        spec = spec_from_file_location(name, pathname, loader=loader)
    try:
        namespace["__spec__"] = spec
        namespace["__loader__"] = loader
        namespace["__file__"] = pathname
        namespace["__cached__"] = cpathname
    except Exception:
        pass


def _zip_path_hook(path):
    """sys.path_hooks' first hook, as CPython's is zipimport.zipimporter: a path entry inside a zip
    archive. A folder is refused without importing zipimport."""
    import posix
    try:
        if posix.stat(path).st_mode & 0o170000 == 0o040000:
            raise ImportError("not a zip file", path=path)
    except (OSError, ValueError, TypeError):
        pass
    import zipimport
    return zipimport.zipimporter(path)


def _find_module_shim(self, fullname):
    """A path entry finder's find_module of old, through its find_loader."""
    import _warnings
    _warnings.warn("find_module() is deprecated and slated for removal in Python 3.12; use find_spec() "
                   "instead", DeprecationWarning)
    loader, portions = self.find_loader(fullname)
    if loader is None and len(portions):
        _warnings.warn(f"Not importing directory {portions[0]}: missing __init__", ImportWarning)
    return loader


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


from importlib._bootstrap import PathFinder  # noqa: E402,F401 (CPython defines it here)


class FileFinder:
    """Finds the modules of one folder (a sys.path entry) for code that asks (pkgutil walks these);
    minipy's native import system does its own finding. Each loader detail is (loader class,
    suffixes); a finder without details finds nothing, as CPython's."""

    def __init__(self, path, *loader_details):
        import posix
        self.path = path or "."
        if not self.path.startswith("/"):
            self.path = posix.getcwd() + "/" + self.path
        self._loaders = [(suffix, loader) for loader, suffixes in loader_details for suffix in suffixes]

    def invalidate_caches(self):
        """minipy's finders keep no caches."""

    def find_loader(self, fullname):
        """(loader, portions) for `fullname`: a namespace package's portions without a loader
        (deprecated: use find_spec)."""
        import _warnings
        _warnings.warn("FileFinder.find_loader() is deprecated and slated for removal in Python 3.12; "
                       "use find_spec() instead", DeprecationWarning)
        spec = self.find_spec(fullname)
        if spec is None:
            return None, []
        return spec.loader, spec.submodule_search_locations or []

    find_module = _find_module_shim

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
        if os.path.isdir(package):
            from importlib._bootstrap import ModuleSpec
            spec = ModuleSpec(fullname, None)
            spec.submodule_search_locations = [package]
            return spec
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
