# Decoding no data gives '' whatever the codec (CPython's PyUnicode_FromEncodedObject); in
# development mode (-X dev) every encode and decode checks that its encoding and error handler
# exist, used or not (bpo-37388).
import subprocess
import sys

code = r"""
for d in (b'', b'ab', bytearray(), memoryview(b'')):
    for f in (lambda: str(d, errors='Boom'), lambda: str(d, 'ascii', 'Boom'),
              lambda: bytes(d).decode('utf8', 'Boom'), lambda: 'x'.encode('latin1', 'Boom'),
              lambda: ''.encode('ascii', errors='Boom'), lambda: str(d, 'nope'),
              lambda: str(d, 'utf-8', 'ignore'), lambda: ''.encode('nope')):
        try:
            print(repr(f()))
        except LookupError as e:
            print('LookupError', e)
"""
for flags in ([], ["-X", "dev"]):
    print("flags", flags)
    p = subprocess.run([sys.executable, *flags, "-c", code], capture_output=True, text=True)
    print(p.stdout, end="")
    print("rc", p.returncode)
