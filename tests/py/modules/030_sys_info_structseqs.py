# sys.flags, sys.float_info, sys.int_info and sys.hash_info are struct sequences, as in CPython:
# tuples with named fields, each of a type named after it, read-only.
import sys

for name in ("flags", "float_info", "int_info", "hash_info"):
    info = getattr(sys, name)
    t = type(info)
    print(name, t.__name__, t.__module__, isinstance(info, tuple), len(info), t.n_fields, t.n_sequence_fields)
    print(" ", t.__qualname__ if hasattr(t, "__qualname__") else "", repr(t)[:40])
    try:
        setattr(info, "x", 1)
    except (AttributeError, TypeError) as e:
        print("  set:", type(e).__name__)

print(sys.float_info)
print(sys.float_info.max == sys.float_info[0], sys.float_info.epsilon, sys.float_info.dig)
print(sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.algorithm in ("siphash13", "siphash24"))
print(sys.hash_info[:5])
print(sys.int_info.bits_per_digit, sys.int_info[1], tuple(sys.int_info)[2:])
f = sys.flags
print(f.optimize, f.verbose, f.bytes_warning, f.int_max_str_digits)
print(f[0], f[3], f[-1], f.index(f.int_max_str_digits) >= 0)
print(sys.maxunicode, hex(sys.maxunicode))
print(sys.warnoptions)
