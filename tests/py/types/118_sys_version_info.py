# sys.version_info is a struct sequence (named fields, a tuple still), and sys.implementation carries
# a version of the same type, a hexversion and the multiarch triplet, as CPython's.
import sys

v = sys.version_info
print(type(v).__name__, type(v).__module__, isinstance(v, tuple), len(v))
print(v[:2] == (v.major, v.minor), v >= (3, 8), v < (4,), v.releaselevel, v.serial)
print(repr(v).startswith("sys.version_info(major=3, minor=11, micro="))
impl = sys.implementation
print(type(impl.version) is type(v), isinstance(impl.hexversion, int), impl.cache_tag.endswith("-311"))
print("version=" in str(impl), impl._multiarch)
print(sorted(k for k in vars(impl) if k in ("name", "cache_tag", "version", "hexversion", "_multiarch")))
