# PEP 263: bytes given to exec/compile/eval, a module file and a script declare their encoding on
# line 1 or 2; a str with a lone surrogate cannot be compiled (CPython encodes it to UTF-8 first).
import os
import subprocess
import sys
import tempfile

exec(b'# -*- coding: latin-1 -*-\nx = "\xe9t\xe9"\nprint(x, len(x))')
exec(b'#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nprint("\x80", ord("\x80"))')
print(eval(b"# coding=iso-8859-15\n'\xa4'"))
print(compile(b"# coding: utf-8\nx = 1", "<b>", "exec").co_filename)
exec(b"x = 1\n# coding: latin-1\nprint('a declaration on line 2 counts only below a comment')")
exec(b"\xef\xbb\xbfprint('a BOM is UTF-8')")

for source in ("x = '\udc80'", "\ud800", "x = 1\n'\udc80' + 1 +"):
    try:
        compile(source, "<s>", "exec")
    except UnicodeEncodeError as e:
        print(type(e).__name__, e, e.start, e.end)

# An unknown codec, or bytes the codec cannot decode: a SyntaxError at line 0.
for run in (lambda: compile(b"# coding: no-such-codec\nx = 1", "<s>", "exec"),
            lambda: exec(b"# coding: ascii\nx = '\xe9'")):
    try:
        run()
    except SyntaxError as e:
        print(type(e).__name__, repr(e.args), str(e))

with tempfile.TemporaryDirectory() as folder:
    with open(os.path.join(folder, "latin_mod.py"), "wb") as f:
        f.write(b"# -*- coding: latin-1 -*-\nWORD = 'caf\xe9'\n")
    with open(os.path.join(folder, "latin_main.py"), "wb") as f:
        f.write(b"# coding: latin-1\nimport latin_mod\nprint(latin_mod.WORD, '\xfc')\n")
    sys.path.insert(0, folder)
    import latin_mod

    print(latin_mod.WORD, len(latin_mod.WORD))
    sys.path.remove(folder)
    run = subprocess.run([sys.executable, os.path.join(folder, "latin_main.py")], capture_output=True)
    print(run.returncode, run.stdout.decode())
