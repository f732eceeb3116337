# sqlite3's Blob (Connection.blobopen: file-like and indexed access to one BLOB), window functions,
# and one connection shared by several threads (check_same_thread=False): each statement runs whole.
import sqlite3
import threading


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
con.execute("create table b(data blob)")
con.execute("insert into b values (zeroblob(10))")
with con.blobopen("b", "data", 1) as blob:
    print(len(blob), blob.tell())
    blob.write(b"hello")
    print(blob.tell(), blob[0], blob[-1], blob[0:5], blob[::2])
    blob.seek(0)
    print(blob.read(3), blob.read())
    blob[5:10] = b"world"
    blob[0] = ord("H")
    attempt("too long", lambda: blob.write(b"x"))
    attempt("bad seek", lambda: blob.seek(100))
    attempt("bad index", lambda: blob[10])
    attempt("bad byte", lambda: blob.__setitem__(0, 256))
    attempt("del", lambda: blob.__delitem__(0))
    attempt("wrong size", lambda: blob.__setitem__(slice(0, 2), b"abc"))
print(con.execute("select data from b").fetchone())
attempt("closed", lambda: blob.read())
attempt("no such row", lambda: con.blobopen("b", "data", 99))
ro = con.blobopen("b", "data", 1, readonly=True)
attempt("readonly", lambda: ro.write(b"x"))
ro.close()


class WindowSum:
    def __init__(self):
        self.total = 0

    def step(self, v):
        self.total += v

    def inverse(self, v):
        self.total -= v

    def value(self):
        return self.total

    def finalize(self):
        return self.total


con.execute("create table w(x)")
con.executemany("insert into w values (?)", [(i,) for i in range(1, 6)])
con.create_window_function("wsum", 1, WindowSum)
print(con.execute("select x, wsum(x) over (order by x rows between 1 preceding and 1 following) from w").fetchall())

shared = sqlite3.connect(":memory:", check_same_thread=False)
shared.execute("create table t(thread, i)")
shared.commit()


def work(n):
    for i in range(50):
        shared.execute("insert into t values (?, ?)", (n, i))
    shared.commit()


threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(shared.execute("select thread, count(*), sum(i) from t group by thread order by thread").fetchall())
