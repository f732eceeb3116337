# Codec lookups from eight threads at once: the first lookups import encodings and its codec modules
# while other threads ask for the same ones (both flavors; free-threaded for real).
import threading, codecs
errors = []
def work(n):
    try:
        for i in range(200):
            s = "café €%d" % i
            assert s.encode("cp1252").decode("cp1252") == s
            assert str(s.encode("utf-16"), "utf-16") == s
            assert b"\xff".decode("utf-8", "replace") == "\ufffd"
            if i % 50 == 0:
                f = lambda name: None
                codecs.register(f); codecs.unregister(f)
    except Exception as e:
        errors.append(repr(e))
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print("errors:", errors)
