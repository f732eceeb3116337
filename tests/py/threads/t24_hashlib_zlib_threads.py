# hashlib and zlib in threads: update(), compress and decompress let go of the GIL for big inputs,
# so threads hash and compress at once. Each thread's results must equal the one-thread results,
# and threads feeding one shared hash object must lose no update (its lock orders them).
import hashlib
import threading
import zlib

blocks = [bytes([i]) * 65536 for i in range(8)]
expected = [hashlib.sha256(b).hexdigest() for b in blocks]
packed = [zlib.compress(b) for b in blocks]
results = {}

def work(n):
    for rep in range(5):
        h = hashlib.sha256()
        h.update(blocks[n])
        ok = h.hexdigest() == expected[n]
        ok = ok and zlib.compress(blocks[n]) == packed[n]
        ok = ok and zlib.decompress(packed[n]) == blocks[n]
        ok = ok and zlib.crc32(blocks[n]) == zlib.crc32(blocks[n][:30000] + blocks[n][30000:])
        results[(n, rep)] = ok

threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), all(results.values()))

# One hash object, four threads: the order of updates differs from run to run, so compare against a
# digest that does not depend on it (all pieces are equal).
shared = hashlib.sha1()
piece = b"z" * 4096

def feed():
    for _ in range(50):
        shared.update(piece)

threads = [threading.Thread(target=feed) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(shared.hexdigest() == hashlib.sha1(piece * 200).hexdigest())

# One decompressor shared the same way: every piece is fed under the object's lock.
stream = zlib.compress(b"".join(blocks))
d = zlib.decompressobj()
chunks = [stream[i:i + 1000] for i in range(0, len(stream), 1000)]
lock = threading.Lock()
out = []

def inflate_some():
    while True:
        with lock:
            if not chunks:
                return
            out.append(d.decompress(chunks.pop(0)))

threads = [threading.Thread(target=inflate_some) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(b"".join(out) == b"".join(blocks), d.eof)
