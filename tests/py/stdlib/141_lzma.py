# _lzma under CPython's lzma.py: the formats (xz, alone, raw) with presets and filter chains,
# incremental decompression with max_length, check, unused_data, filter properties, the
# constants, CPython's errors, and lzma.open on files.
import array
import hashlib
import lzma
import os
import tempfile
import _lzma


def digest(b):
    return hashlib.sha256(b).hexdigest()[:16]


def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)


print(lzma.LZMACompressor.__module__, lzma.LZMAError.__module__, lzma.LZMAError.__doc__)
print(lzma.FORMAT_AUTO, lzma.FORMAT_XZ, lzma.FORMAT_ALONE, lzma.FORMAT_RAW)
print(lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256, lzma.CHECK_ID_MAX, lzma.CHECK_UNKNOWN)
print(hex(lzma.FILTER_LZMA1), lzma.FILTER_LZMA2, lzma.FILTER_DELTA, lzma.FILTER_X86, lzma.FILTER_IA64,
      lzma.FILTER_ARM, lzma.FILTER_ARMTHUMB, lzma.FILTER_SPARC, lzma.FILTER_POWERPC)
print(lzma.MF_HC3, lzma.MF_HC4, lzma.MF_BT2, lzma.MF_BT3, lzma.MF_BT4, lzma.MODE_FAST, lzma.MODE_NORMAL)
print(lzma.PRESET_DEFAULT, hex(lzma.PRESET_EXTREME))
print([lzma.is_check_supported(c) for c in (0, 1, 4, 10, 15)])

data = b"".join(b"record %05d: %s\n" % (i, b"xyz" * (i % 11)) for i in range(4000))
for size in (0, 1, 1000, len(data)):
    chunk = data[:size]
    for preset in (0, 6, 9 | lzma.PRESET_EXTREME):
        c = lzma.compress(chunk, preset=preset)
        assert lzma.decompress(c) == chunk
        print(size, preset, len(c), digest(c))
    for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_SHA256):
        c = lzma.compress(chunk, check=check)
        d = lzma.LZMADecompressor()
        print(check, d.check, d.decompress(c) == chunk, d.check, len(c), digest(c))

# The alone and raw formats, filter chains.
alone = lzma.compress(data, format=lzma.FORMAT_ALONE)
print(len(alone), digest(alone), lzma.decompress(alone) == data)
d = lzma.LZMADecompressor()
print(d.decompress(alone) == data, d.check, d.eof)
chains = [
    [{"id": lzma.FILTER_LZMA2, "preset": 1}],
    [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 6 | lzma.PRESET_EXTREME}],
    [{"id": lzma.FILTER_X86, "start_offset": 16}, {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20, "lc": 2,
                                                   "lp": 1, "pb": 1, "mode": lzma.MODE_FAST, "nice_len": 64,
                                                   "mf": lzma.MF_HC4, "depth": 8}],
]
for chain in chains:
    raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=chain)
    xz = lzma.compress(data, filters=chain)
    print(len(raw), digest(raw), lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=chain) == data,
          len(xz), digest(xz), lzma.decompress(xz) == data)
lzma1 = [{"id": lzma.FILTER_LZMA1, "preset": 3, "lc": 1}]
raw1 = lzma.compress(data, format=lzma.FORMAT_RAW, filters=lzma1)
alone1 = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=lzma1)
print(len(raw1), len(alone1), lzma.decompress(raw1, lzma.FORMAT_RAW, filters=lzma1) == data,
      lzma.decompress(alone1) == data)

# Incremental decompression with max_length.
stream = lzma.compress(data)
d = lzma.LZMADecompressor()
print(d.needs_input, d.eof, d.check, d.unused_data)
out, pos = [], 0
while not d.eof:
    if d.needs_input:
        chunk, pos = stream[pos:pos + 500], pos + 500
    else:
        chunk = b""
    out.append(d.decompress(chunk, max_length=3000))
print(b"".join(out) == data, len(out) > 10, d.eof, d.needs_input, d.check)
show(lambda: d.decompress(b"x"))
d = lzma.LZMADecompressor()
print(d.decompress(lzma.compress(b"hi") + b"extra"), d.unused_data, d.eof)
print(lzma.decompress(lzma.compress(b"a") + lzma.compress(b"b")))
comp = lzma.LZMACompressor(preset=2)
pieces = [comp.compress(data[i:i + 3333]) for i in range(0, len(data), 3333)] + [comp.flush()]
print(lzma.decompress(b"".join(pieces)) == data, b"".join(pieces) == lzma.compress(data, preset=2))
for arg in (bytearray(b"bytearray"), memoryview(b"memoryview"), array.array("B", b"array")):
    print(lzma.decompress(lzma.compress(arg)), lzma.LZMADecompressor().decompress(data=lzma.compress(arg)))

# Filter properties.
props = _lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "preset": 6})
print(props, _lzma._decode_filter_properties(lzma.FILTER_LZMA1, props))
print(_lzma._encode_filter_properties({"id": lzma.FILTER_LZMA2, "dict_size": 1 << 22}))
print(_lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"\x14"))
print(_lzma._decode_filter_properties(lzma.FILTER_DELTA, b"\x03"))
print(_lzma._encode_filter_properties({"id": lzma.FILTER_X86, "start_offset": 4096}))
print(_lzma._decode_filter_properties(lzma.FILTER_X86, b"\0\x10\0\0"))

# Errors.
show(lambda: lzma.decompress(b"not xz data"))
show(lambda: lzma.decompress(stream[:-20]))
show(lambda: lzma.decompress(stream[:40] + b"\xff" * 40 + stream[80:]))
show(lambda: lzma.LZMACompressor(format=7))
show(lambda: lzma.LZMADecompressor(format=7))
show(lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW))
show(lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32))
show(lambda: lzma.LZMACompressor(preset=6, filters=chains[0]))
show(lambda: lzma.LZMACompressor(preset=10))
show(lambda: lzma.LZMACompressor(preset=-1))
show(lambda: lzma.LZMACompressor(preset=2 ** 40))
show(lambda: lzma.LZMACompressor(preset="6"))
show(lambda: lzma.LZMACompressor(check=lzma.CHECK_ID_MAX + 1))
show(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2}] * 5))
show(lambda: lzma.LZMACompressor(filters=[{"preset": 1}]))
show(lambda: lzma.LZMACompressor(filters=[{"id": 98765}]))
show(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "foo": 0}]))
show(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "lc": -1}]))
show(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_DELTA, "foo": 0}]))
show(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_X86, "foo": 0}]))
show(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "preset": 42}]))
show(lambda: lzma.LZMACompressor(filters=[3]))
show(lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, filters=chains[0]))
show(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW))
show(lambda: lzma.LZMADecompressor(filters=chains[0]))
show(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, memlimit=1 << 20, filters=chains[0]))
show(lambda: lzma.LZMADecompressor(memlimit=-1))
show(lambda: lzma.LZMADecompressor(memlimit=1024).decompress(stream))
show(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_ALONE).decompress(stream))
show(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(alone))
show(lambda: lzma.compress("text"))
show(lambda: _lzma._encode_filter_properties({"id": lzma.FILTER_DELTA, "dist": 0}))
show(lambda: _lzma._decode_filter_properties(lzma.FILTER_LZMA1, b"\xff"))
show(lambda: _lzma._decode_filter_properties(12345, b""))
c = lzma.LZMACompressor()
c.flush()
show(lambda: c.compress(b"x"))
show(lambda: c.flush())

# lzma.open in binary and text modes.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.xz")
    with lzma.open(path, "wb", preset=1) as f:
        f.write(data)
    with lzma.open(path) as f:
        print(f.read(15), f.tell())
        f.seek(50000)
        print(f.read(12))
    with lzma.open(path, "at", encoding="utf-8") as f:
        f.write("\u00fcber appended\n")
    with lzma.open(path, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    print(len(lines), lines[1], lines[-1])
    with open(path, "rb") as raw:
        print(raw.read(6))
    path = os.path.join(tmp, "t.lzma")
    with lzma.LZMAFile(path, "w", format=lzma.FORMAT_ALONE) as f:
        f.write(b"alone file")
    with lzma.LZMAFile(path) as f:
        print(f.read())
