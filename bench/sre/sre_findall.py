# sre_findall.py — speed of the _sre engine on its own: findall of a word pattern, a search for a
# literal near the end, and sub with a group over about 1 MB of text. The opcode lists are what
# CPython 3.11's re/_compiler.py makes of each pattern, so both interpreters run the same code.
import _sre
import time

WORD = ('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,))
LITERAL = ('needle', 32, [14, 18, 3, 6, 6, 6, 6, 110, 101, 101, 100, 108, 101, 0, 0, 0, 0, 0, 0, 16, 110, 16, 101, 16, 101, 16, 100, 16, 108, 16, 101, 1], 0, {}, (None,))
DATE = ('(\\d+)-(\\d+)-(\\d+)', 32, [14, 4, 0, 5, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 1, 16, 45, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 16, 45, 17, 4, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 5, 1], 3, {}, (None, None, None, None))

text = ("The quick brown fox jumps over the lazy dog, 2024-05-17; " * 18000)[:1000000] + "needle"
for name, args, run in (
    ("findall \\w+", WORD, lambda p: len(p.findall(text))),
    ("search literal", LITERAL, lambda p: p.search(text).start()),
    ("sub date", DATE, lambda p: len(p.sub(lambda m: m.group(3), text))),
):
    p = _sre.compile(*args)
    start = time.perf_counter()
    result = run(p)
    print("%-16s %8.3f s  %s" % (name, time.perf_counter() - start, result))
