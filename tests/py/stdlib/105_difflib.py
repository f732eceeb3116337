# CPython's difflib, unchanged from its Lib: SequenceMatcher (ratios, matching blocks, opcodes, junk),
# unified and context diffs, ndiff with its intraline hints, get_close_matches, HtmlDiff's table.
import difflib

a = "the quick brown fox jumps over the lazy dog".split()
b = "the quick red fox jumped over the very lazy dog".split()
sm = difflib.SequenceMatcher(None, a, b)
print(round(sm.ratio(), 4), round(sm.quick_ratio(), 4), round(sm.real_quick_ratio(), 4))
print(sm.get_matching_blocks())
for op in sm.get_opcodes():
    print(op, a[op[1]:op[2]], b[op[3]:op[4]])
print(list(sm.get_grouped_opcodes(1)))

s = difflib.SequenceMatcher(lambda c: c == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s.ratio(), 4), s.find_longest_match(0, 29, 0, 38))
s2 = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s2.get_matching_blocks(), s2.find_longest_match())

old = ["one\n", "two\n", "three\n", "four\n", "five\n", "six\n", "seven\n"]
new = ["zero\n", "one\n", "two\n", "3\n", "four\n", "five\n", "six\n", "seven\n", "eight\n"]
print("".join(difflib.unified_diff(old, new, "old.txt", "new.txt", "2020-01-01", "2020-01-02")), end="")
print("".join(difflib.context_diff(old, new, "old.txt", "new.txt", n=1)), end="")
print("".join(difflib.ndiff(["one\n", "tree\n", "emu\n"], ["ore\n", "three\n", "emu\n"])), end="")
diff = list(difflib.ndiff(["abcDefghiJkl\n"], ["abcdefGhijkl\n"]))
print("".join(diff), end="")
print("".join(difflib.restore(diff, 1)), end="")
print("".join(difflib.restore(diff, 2)), end="")
print(list(difflib.unified_diff(["a"], ["b"], lineterm="")))
print(list(difflib.diff_bytes(difflib.unified_diff, [b"x\n"], [b"y\n"], b"a", b"b")))

words = ["ape", "apple", "peach", "puppy", "applet", "maple"]
print(difflib.get_close_matches("appel", words), difflib.get_close_matches("appel", words, n=2, cutoff=0.8))
print(difflib.get_close_matches("wheel", ["while", "whale", "wheat", "heel"]))
print(difflib.IS_CHARACTER_JUNK(" "), difflib.IS_LINE_JUNK("  #  \n"), difflib.IS_LINE_JUNK("x\n"))
try:
    difflib.get_close_matches("x", words, n=0)
except ValueError as e:
    print(e)

html = difflib.HtmlDiff(wrapcolumn=20).make_table(["one two three\n", "four\n"], ["one 2 three\n", "four\n", "five\n"],
                                                 "a", "b", context=True, numlines=1)
print(html.count("<tr>"), html.count('class="diff_chg"'), html.count('class="diff_add"'))
print(html.splitlines()[0])
