# str, bytes and bytearray repetition (built by doubling copies): every count and piece size.
class S(str): pass
class B(bytes): pass
for piece in ('', 'a', 'ab', 'é{', '日本語', S('xy')):
    for n in (-3, 0, 1, 2, 3, 5, 8, 13, 64, 1000):
        r = piece * n
        assert r == ''.join([piece] * max(n, 0)), (piece, n)
        print(repr(piece), n, len(r), type(r).__name__, r[:7], r[-7:])
for piece in (b'', b'a', b'\x00\xff', B(b'xyz'), bytearray(b'qr')):
    for n in (-1, 0, 1, 3, 7, 100):
        r = piece * n
        r2 = n * piece
        assert r == r2
        print(repr(piece), n, len(r), type(r).__name__, r[:5])
ba = bytearray(b'abc')
ba *= 4
print(ba)
ba *= 0
print(ba)
ba = bytearray(b'xy')
ba *= -2
print(ba)
s = 'ab' * (2**20 + 3)
print(len(s), s.count('ab'), s[-5:])
try:
    'x' * (2**62)
except MemoryError:
    print('MemoryError')
try:
    b'xy' * (2**63 - 1)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    'x' * 2**64
except OverflowError as e:
    print('OverflowError', e)
for piece, n in (('xy', 2**62), ('é', 2**62), ('x', 2**62), (b'xy', 2**62), (b'x', 2**62)):
    try:
        piece * n
    except (MemoryError, OverflowError) as e:
        print(repr(piece), type(e).__name__, e)
ba = bytearray(b'xy')
try:
    ba *= 2**62
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, e, ba)
