# sys.implementation.cache_tag names the __pycache__ files, so importlib.util.cache_from_source and
# source_from_cache work (minipy's tag is its own; CPython's is "cpython-311").
import importlib.util
import os
import sys

# The test harness sets a cache prefix (MINIPYCACHEPREFIX); CPython's default has none.
sys.pycache_prefix = None
tag = sys.implementation.cache_tag
print(type(tag).__name__, tag.endswith("-311"))
cached = importlib.util.cache_from_source(os.path.join("pkg", "mod.py"))
print(cached.replace(tag, "TAG"))
print(importlib.util.source_from_cache(cached))
print(importlib.util.cache_from_source("x.py", optimization=2).replace(tag, "TAG"))

sys.pycache_prefix = "/tmp/bytecode/"
cached = importlib.util.cache_from_source("/srv/app/mod.py")
print(cached.replace(tag, "TAG"), importlib.util.source_from_cache(cached))
try:
    importlib.util.source_from_cache("/srv/app/mod.py")
except ValueError as e:
    print("ValueError:", e)
sys.pycache_prefix = None
for bad in ["a/__pycache__/mod.py", "a/__pycache__/m.x.y.z.pyc", f"a/__pycache__/m.{tag}.o-1.pyc"]:
    try:
        importlib.util.source_from_cache(bad)
    except ValueError as e:
        print("ValueError:", str(e).replace(tag, "TAG"))
print(importlib.util.source_from_cache(f"a/__pycache__/m.{tag}.opt-1.pyc"))
print(importlib.util.cache_from_source("foo.bar/file", optimization="").replace(tag, "TAG"))
try:
    importlib.util.cache_from_source("x.py", optimization="a-b")
except ValueError as e:
    print("ValueError:", e)
