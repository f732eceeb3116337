# Inputs the fuzzer found (December 2026): the hint for Python 2's print statement looked for the
# end of the statement past a bracket never closed, and never stopped; bytes F5-FF were taken for
# the start of a UTF-8 sequence, and ANTLR's decoder aborted. Each is a SyntaxError now.
sources = [
    "match y:\n    print(j + 1:\n        pass\n",
    'print "a" (1,\n',
    "print (j + 1, [2,\n",
    b"x = 1\n\xf6\x86\x86\n",
    b"\xf8\x88\x80\x80\x80\n",
]
for source in sources:
    try:
        compile(source, "fuzzed.py", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.lineno if isinstance(source, str) else "")
