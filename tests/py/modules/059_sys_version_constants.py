# The sys constants and builtins aliases CPython 3.11 has that dir() comparisons found missing:
# sys.hexversion (version_info packed), api_version, float_repr_style, getdefaultencoding(), and
# IOError/EnvironmentError, old names of OSError.
import sys

print(sys.hexversion >> 24, (sys.hexversion >> 16) & 0xFF, sys.hexversion & 0xFF)
print(sys.hexversion == (sys.version_info[0] << 24 | sys.version_info[1] << 16 | sys.version_info[2] << 8 | 0xF0))
print(sys.api_version, sys.float_repr_style, sys.getdefaultencoding())
try:
    sys.getdefaultencoding(1)
except TypeError as e:
    print("TypeError", e)
print(IOError is OSError, EnvironmentError is OSError, IOError.__name__)
try:
    open("/no/such/file")
except IOError as e:
    print(type(e).__name__, e.errno)
