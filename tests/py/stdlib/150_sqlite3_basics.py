# sqlite3 over the native _sqlite3: connecting, executing with qmark and named parameters,
# fetching, description/rowcount/lastrowid, transactions (implicit BEGIN, commit, rollback, the
# connection as a context manager), executescript, iterdump and CPython's error texts.
import os
import sqlite3
import tempfile


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.threadsafety in (0, 1, 3))
print(isinstance(sqlite3.sqlite_version, str), len(sqlite3.sqlite_version_info), sqlite3.version)
print([c.__name__ for c in sqlite3.OperationalError.__mro__])
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))

con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("create table t(id integer primary key, name text, score real)")
print("rowcount after create", cur.rowcount, cur.description)
cur.execute("insert into t(name, score) values (?, ?)", ("ann", 1.5))
print("lastrowid", cur.lastrowid, "rowcount", cur.rowcount, "in_transaction", con.in_transaction)
cur.execute("insert into t(name, score) values (:n, :s)", {"n": "bob", "s": 2.5})
cur.executemany("insert into t(name, score) values (?, ?)", [("cy", 3.0), ("di", None), ("ed", 5)])
print("executemany rowcount", cur.rowcount, "lastrowid", cur.lastrowid)
con.commit()
print("after commit in_transaction", con.in_transaction, "total_changes", con.total_changes)
cur.execute("select id, name, score from t order by id")
print([d[0] for d in cur.description], len(cur.description[0]))
print("fetchone", cur.fetchone())
print("fetchmany", cur.fetchmany(2))
cur.arraysize = 3
print("fetchmany default", cur.fetchmany())
print("fetchall", cur.fetchall(), cur.fetchone())
print("iterate", [row for row in con.execute("select name from t where score > ?", (2,))])
print("count", con.execute("select count(*) from t").fetchone()[0])

con.execute("update t set score = score + 1 where score is not null")
print("in_transaction", con.in_transaction)
con.rollback()
print("after rollback", con.execute("select sum(score) from t").fetchone())

with con:
    con.execute("delete from t where name = 'ed'")
print("with commits", con.in_transaction, con.execute("select count(*) from t").fetchone())
try:
    with con:
        con.execute("delete from t")
        raise KeyError("boom")
except KeyError as e:
    print("with rolled back", repr(e), con.execute("select count(*) from t").fetchone())

print("isolation_level", repr(con.isolation_level))
con.isolation_level = None
con.execute("insert into t(name) values ('auto')")
print("autocommit", con.in_transaction, con.isolation_level)
con.isolation_level = "IMMEDIATE"
attempt("bad level", lambda: setattr(con, "isolation_level", "foo"))
attempt("bad level type", lambda: setattr(con, "isolation_level", 1))

cur.executescript("""
    create table u(x);
    insert into u values (1);
    insert into u values (2); -- a comment
""")
print("script", con.execute("select * from u").fetchall())
print("dump", list(con.iterdump())[:3])

attempt("no table", lambda: con.execute("select * from nosuch"))
attempt("syntax", lambda: con.execute("selec 1"))
attempt("bindings", lambda: con.execute("select ?", (1, 2)))
attempt("missing name", lambda: con.execute("select :a", {"b": 1}))
attempt("no name", lambda: con.execute("select ?", {"b": 1}))
attempt("unsupported params", lambda: con.execute("select ?", 3))
attempt("two statements", lambda: con.execute("select 1; select 2"))
attempt("executemany select", lambda: con.executemany("select ?", [(1,)]))
attempt("not str", lambda: con.execute(5))
attempt("null char", lambda: con.execute("select 'a\x00b'"))
con.execute("create table uniq(a unique)")
con.execute("insert into uniq values (1)")
try:
    con.execute("insert into uniq values (1)")
except sqlite3.IntegrityError as e:
    print("integrity", e, e.sqlite_errorcode, e.sqlite_errorname)
print("empty", con.execute("  ").fetchall(), con.execute("-- only a comment").description)

c2 = con.cursor()
c2.close()
attempt("closed cursor", lambda: c2.execute("select 1"))
con.close()
attempt("closed db", lambda: con.execute("select 1"))
attempt("closed cursor()", lambda: con.cursor())
attempt("close twice", lambda: con.close())

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "test.db")
    a = sqlite3.connect(path)
    a.execute("create table f(x)")
    a.execute("insert into f values ('persisted')")
    a.commit()
    a.close()
    b = sqlite3.connect(path)
    print("file", b.execute("select x from f").fetchall())
    b.close()

import threading
c3 = sqlite3.connect(":memory:")
out = []
def other():
    try:
        c3.execute("select 1")
    except sqlite3.ProgrammingError as e:
        out.append(str(e).split(".")[0])
t = threading.Thread(target=other)
t.start()
t.join()
print("thread", out)
c4 = sqlite3.connect(":memory:", check_same_thread=False)
def other2():
    out.append(c4.execute("select 42").fetchone())
t = threading.Thread(target=other2)
t.start()
t.join()
print("thread ok", out[-1])
