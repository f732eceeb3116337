# Python 2's print and exec statements get CPython's hint wherever an expression starts, covering
# the name and the longest expression list after it; when no expression list follows, or the list
# has a mistake of its own, the error is that one instead.
SOURCES = [
    "print foo",
    "x = print foo",
    "if 1: print foo",
    "if 1:\n    print foo",
    "print {1:(foo.)}",
    "if 1:\n    print {1:(foo.)}",
    "exec foo",
    "exec {1:foo}",
    'exec "x" in d',
    "print foo, bar",
    'print "a" % b',
    "f(print x)",
    "print foo bar",
    "print not x",
    "print ~x",
    "print lambda: 1",
    "print x; y = 1",
    "x.print foo",
    "return print x",
    "print -1",
    "print *a",
    "print(x)",
]
for source in SOURCES:
    try:
        compile(source, "<s>", "exec")
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
