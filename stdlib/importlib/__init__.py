# importlib — minipy's own, small importlib: CPython's package is built on its frozen import system
# (_imp, _bootstrap, _bootstrap_external), which minipy replaces with its native one
# (src/interpreter/import.cpp). Here: import_module and invalidate_caches, importlib.machinery's
# suffix lists and ModuleSpec, and importlib.util's questions (find_spec, ...), what inspect,
# unittest, test.support and pkgutil-style code ask for. Not here: reload, resources, metadata, abc.
import sys

__all__ = ["import_module", "invalidate_caches"]


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


def invalidate_caches():
    """minipy's finders keep no caches: every import looks at the folders again."""


def __import__(name, globals=None, locals=None, fromlist=(), level=0):
    """The import statement's function, as CPython's importlib has it: here the native one."""
    import builtins
    return builtins.__import__(name, globals, locals, fromlist, level)
