# sqlite3's Python callbacks called from SQLite: functions, aggregates, collations, the authorizer,
# the progress handler and the trace callback; exceptions inside them come back as SQLite errors.
import sqlite3


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
con.create_function("double", 1, lambda x: x * 2)
con.create_function("concat", -1, lambda *a: "".join(map(str, a)), deterministic=True)
print(con.execute("select double(21), double('ab'), concat(1, 'x', 2.5, NULL)").fetchone())
con.create_function("kinds", 5, lambda *a: ",".join(type(v).__name__ for v in a))
print(con.execute("select kinds(1, 1.5, 'a', x'00', NULL)").fetchone())
con.create_function("boom", 0, lambda: 1 / 0)
attempt("raises", lambda: con.execute("select boom()").fetchone())
con.create_function("big", 0, lambda: 2**70)
attempt("big result", lambda: con.execute("select big()").fetchone())
con.create_function("obj", 0, lambda: object())
attempt("object result", lambda: con.execute("select obj()").fetchone())
con.create_function("blob", 0, lambda: b"\x01\x02")
print(con.execute("select blob(), typeof(blob())").fetchone())


class Sum:
    def __init__(self):
        self.total = 0

    def step(self, value):
        self.total += value

    def finalize(self):
        return self.total


class NoStep:
    def finalize(self):
        return 1


class BadFinal:
    def step(self, v):
        pass

    def finalize(self):
        raise ValueError("no")


con.execute("create table n(v)")
con.executemany("insert into n values (?)", [(i,) for i in range(1, 6)])
con.create_aggregate("mysum", 1, Sum)
con.create_aggregate("nostep", 1, NoStep)
con.create_aggregate("badfinal", 1, BadFinal)
print("aggregate", con.execute("select mysum(v) from n").fetchone(),
      con.execute("select mysum(v) from n where v > 10").fetchone())
attempt("no step", lambda: con.execute("select nostep(v) from n").fetchone())
attempt("bad finalize", lambda: con.execute("select badfinal(v) from n").fetchone())

con.create_collation("reverse", lambda a, b: (a < b) - (a > b))
con.execute("create table w(s)")
con.executemany("insert into w values (?)", [("b",), ("a",), ("c",)])
print("collation", con.execute("select s from w order by s collate reverse").fetchall())
attempt("not callable", lambda: con.create_collation("x", 1))

seen = []


def authorizer(action, arg1, arg2, db, source):
    if action == sqlite3.SQLITE_READ and arg2 == "s":
        seen.append((arg1, arg2))
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


con.set_authorizer(authorizer)
attempt("denied", lambda: con.execute("select s from w").fetchall())
print(seen[:1])
con.set_authorizer(None)
print(con.execute("select count(*) from w").fetchone())

statements = []
con.set_trace_callback(statements.append)
con.execute("select ?", (5,))
con.set_trace_callback(None)
con.execute("select 6")
print("trace", statements)

calls = []


def progress():
    calls.append(1)
    return 1


con.set_progress_handler(progress, 1)
attempt("progress abort", lambda: con.execute("select count(*) from n a, n b").fetchone())
con.set_progress_handler(None, 1)
print("progress called", bool(calls), con.execute("select count(*) from n a, n b").fetchone())

# A function that reads from the same connection while a statement runs.
con.create_function("count_n", 0, lambda: con.execute("select count(*) from n").fetchone()[0])
print("reentrant", con.execute("select count_n()").fetchone())

target = sqlite3.connect(":memory:")
con.commit()
con.backup(target)
print("backup", target.execute("select count(*) from n").fetchone())
