# A float too large for the half format 'e' is an OverflowError, in every byte order; 'f' raises it
# in the standard sizes ('<', '>', '=', '!') and is C's cast, giving inf, in the native one.
import array
import struct

for fmt in ("e", "<e", ">e", "@e", "f", "@f", "<f", ">f", "=f", "!f", "d", "<d"):
    for value in (1e15, 65504.0, 65520.0, 1e300, float("inf")):
        try:
            print(fmt, value, struct.pack(fmt, value))
        except (OverflowError, struct.error) as e:
            print(fmt, value, type(e).__name__, e)
print(array.array("f", [1e300]), array.array("d", [1e300]))
