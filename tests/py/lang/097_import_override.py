# An import statement calls whatever builtins.__import__ holds, with (name, globals, locals or None,
# fromlist, level), as CPython's import_name; with the original back, imports work as before.
import builtins

original = builtins.__import__


def custom_import(name, globals=None, locals=None, fromlist=(), level=0):
    print("import", name, fromlist, level, type(globals).__name__, type(locals).__name__)

    class M:
        a = 1
        b = 2

    return M


builtins.__import__ = custom_import
try:
    import a
    import a.b
    from a import a
    from a.b import a, b
    from .a import a
    from ..a import a, b

    def inside():
        import zz
        from q import b
        return b

    print(inside())
    try:
        from q import r
    except ImportError as e:
        print("ImportError:", e)
finally:
    builtins.__import__ = original
import json
print(json.dumps([1]))
del builtins.__import__
try:
    import os
except ImportError as e:
    print("ImportError:", e)
finally:
    builtins.__import__ = original
import os
print(os.sep)
