# hashlib: every guaranteed digest over OpenSSL, fed in one piece, in pieces, and across the 2 KiB
# size above which update() lets go of the GIL; copy(), names and sizes.
import hashlib

data = b"The quick brown fox jumps over the lazy dog"
big = bytes(range(256)) * 40  # 10 KiB: update() runs without the GIL
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, data)
    if name.startswith("shake"):
        print(name, h.hexdigest(16), h.digest(8), h.digest_size, h.block_size)
    else:
        print(name, h.hexdigest(), h.digest_size, h.block_size, h.name)
        assert h.digest().hex() == h.hexdigest()
    pieces = hashlib.new(name)
    for i in range(0, len(big), 1000):
        pieces.update(big[i:i + 1000])
    whole = hashlib.new(name, big)
    n = 20 if name.startswith("shake") else None
    args = (n,) if n else ()
    print("  pieces == whole:", pieces.hexdigest(*args) == whole.hexdigest(*args), whole.hexdigest(*args)[:16])

for name in sorted(hashlib.algorithms_available - hashlib.algorithms_guaranteed):
    print(name, hashlib.new(name, data).hexdigest())

# The named constructors and their keyword arguments.
print(hashlib.md5(data).hexdigest())
print(hashlib.sha1(string=data).hexdigest())
print(hashlib.sha256(data, usedforsecurity=False).hexdigest())
print(hashlib.sha512(bytearray(data)).hexdigest()[:32])
print(hashlib.blake2b(data).hexdigest()[:32], hashlib.blake2s(data).hexdigest()[:32])
print(hashlib.new("SHA256", data).name, hashlib.new("sha3-512").name, hashlib.new("blake2b512").name)

# copy() forks the state: both go on independently.
a = hashlib.sha256(b"common prefix ")
b = a.copy()
a.update(b"one")
b.update(b"two")
print(a.hexdigest() == hashlib.sha256(b"common prefix one").hexdigest(),
      b.hexdigest() == hashlib.sha256(b"common prefix two").hexdigest())
# digest() does not end the hash: more data may follow.
h = hashlib.md5(b"a")
first = h.hexdigest()
h.update(b"b")
print(first, h.hexdigest(), hashlib.md5(b"ab").hexdigest())

print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 10).hex())
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.__all__)
