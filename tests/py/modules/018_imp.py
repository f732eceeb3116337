# _imp, the import machinery's native module (test.support.import_helper imports it): what is built
# in, no frozen modules, no extension suffixes, the import lock, and CPython's keyed source hash.
import _imp
import importlib.util

print(_imp.is_builtin("sys"), _imp.is_builtin("builtins"), _imp.is_builtin("_imp"))
print(_imp.is_builtin("os"), _imp.is_builtin("no_such_module"))
print(_imp.is_frozen("json"), _imp.find_frozen("no_such_module"))
# CPython lists its .so suffixes; minipy loads no extension modules, so only the type is compared.
print(type(_imp.extension_suffixes()).__name__, _imp.check_hash_based_pycs)

print(_imp.lock_held())
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
print(_imp.lock_held())
_imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError:", e)

# Imports still work while this thread holds the lock (it is recursive).
_imp.acquire_lock()
import json
_imp.release_lock()
print(json.dumps([1]))

print(_imp.source_hash(1234, b"hello world"))
print(_imp.source_hash(key=0, source=b""))
print(importlib.util.source_hash(b"x = 1\n") == _imp.source_hash(importlib.util._RAW_MAGIC_NUMBER, b"x = 1\n"))
try:
    _imp.source_hash(1, "text")
except TypeError as e:
    print("TypeError:", e)

made = _imp.create_builtin(importlib.util.spec_from_loader("_imp", None))
print(type(made).__name__, made.__name__, _imp.exec_builtin(made))
print(_imp.create_builtin(importlib.util.spec_from_loader("no_such_module", None)))

from test.support import import_helper
print(import_helper.import_fresh_module("bisect").bisect([1, 2, 3], 2))
