# The parts of importlib's internals that CPython's test helpers import (test.test_import,
# test.test_importlib.util, so test_inspect): importlib.__import__, source_from_cache and
# _get_sourcefile in importlib._bootstrap_external.
import importlib
import importlib._bootstrap_external as external
import os
import sys
import tempfile

sys.pycache_prefix = None  # the test harness sets one (MINIPYCACHEPREFIX); CPython's default has none
json = importlib.__import__("json")
print(json.__name__, json is sys.modules["json"])
pkg = importlib.__import__("os.path", fromlist=["join"])
print(pkg is os.path)
top = importlib.__import__("xml.dom")
print(top.__name__)

cached = external.cache_from_source("/tmp/pkg/mod.py")
print(os.path.basename(os.path.dirname(cached)), external.source_from_cache(cached))
try:
    external.source_from_cache("/tmp/pkg/mod.pyc")
except ValueError as e:
    print("ValueError:", e)

print(external._get_sourcefile(""))
print(external._get_sourcefile("/tmp/nowhere/x.txt"))
print(external._get_sourcefile("/tmp/nowhere/missing.pyc"))
with tempfile.TemporaryDirectory() as d:
    source = os.path.join(d, "m.py")
    with open(source, "w") as f:
        f.write("x = 1\n")
    print(external._get_sourcefile(source + "c") == source)
    print(external._get_sourcefile(external.cache_from_source(source)) == source)
