# sys.implementation.cache_tag names the __pycache__ files, so importlib.util.cache_from_source and
# source_from_cache work (minipy's tag is its own; CPython's is "cpython-311").
import importlib.util
import os
import sys

tag = sys.implementation.cache_tag
print(type(tag).__name__, tag.endswith("-311"))
cached = importlib.util.cache_from_source(os.path.join("pkg", "mod.py"))
print(cached.replace(tag, "TAG"))
print(importlib.util.source_from_cache(cached))
print(importlib.util.cache_from_source("x.py", optimization=2).replace(tag, "TAG"))
