# sqlite3's values both ways (None/int/float/str/bytes), big ints, Row, row_factory, text_factory,
# adapters and converters (PARSE_DECLTYPES, PARSE_COLNAMES), dbapi2's date/datetime adapters.
import datetime
import sqlite3


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
row = con.execute("select ?, ?, ?, ?, ?, ?", (None, 1, 2.5, "text é", b"\x00\x01", bytearray(b"ba"))).fetchone()
print(row, [type(v).__name__ for v in row])
print(con.execute("select ?", (memoryview(b"mv"),)).fetchone())
print(con.execute("select ?, ?", (2**63 - 1, -2**63)).fetchone())
attempt("big int", lambda: con.execute("select ?", (2**63,)))
attempt("object", lambda: con.execute("select ?", (object(),)))
attempt("surrogate", lambda: con.execute("select ?", ("a\ud800",)))
print(con.execute("select typeof(?), typeof(?), typeof(?)", (1, 1.0, True)).fetchone())

con.row_factory = sqlite3.Row
r = con.execute("select 1 as a, 'x' as B").fetchone()
print(type(r).__name__, r[0], r["a"], r["b"], r["B"], r[-1], r[0:2], len(r), list(r), r.keys())
attempt("missing key", lambda: r["zz"])
attempt("bad index", lambda: r[5])
r2 = con.execute("select 1 as a, 'x' as B").fetchone()
print("eq", r == r2, hash(r) == hash(r2), r != r2, tuple(r))
con.row_factory = lambda cur, row: {d[0]: v for d, v in zip(cur.description, row)}
print(con.execute("select 1 as one, 2 as two").fetchone())
con.row_factory = None

con.text_factory = bytes
print(con.execute("select 'abc'").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select 'abc'").fetchone())
con.text_factory = str


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def adapt_point(p):
    return f"{p.x};{p.y}"


def convert_point(b):
    x, y = map(float, b.split(b";"))
    return Point(x, y)


sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)
print((Point, sqlite3.PrepareProtocol) in sqlite3.adapters, "POINT" in sqlite3.converters)
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
con.execute("create table p(pt point, d date, ts timestamp)")
now = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456)
con.execute("insert into p values (?, ?, ?)", (Point(1, 2), now.date(), now))
print(con.execute("select pt, d, ts from p").fetchone())
cur = con.execute('select pt as "p [point]", pt from p')
print(cur.fetchone(), [d[0] for d in cur.description])
print(sqlite3.adapt(Point(3, 4)), sqlite3.adapt(5, sqlite3.PrepareProtocol, "alt"))


class Conforming:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"


print(con.execute("select ?", (Conforming(),)).fetchone())
attempt("can't adapt", lambda: sqlite3.adapt(object()))
print(sqlite3.Row.__module__, sqlite3.Connection.__name__, sqlite3.Cursor.__module__)
attempt("Row()", lambda: sqlite3.Row(1, 2))
attempt("Cursor()", lambda: sqlite3.Cursor(1))


class MyCursor(sqlite3.Cursor):
    pass


class MyConnection(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = "mine"


c = sqlite3.connect(":memory:", factory=MyConnection)
print(type(c).__name__, c.tag, type(c.cursor(MyCursor)).__name__, c.execute("select 7").fetchone())
