# Future statements as CPython 3.11's compiler checks them (known features only, "not a chance" for
# braces, only at the top of the module), `import *` inside a function reported at the `*`, and a
# coding declaration after a UTF-8 BOM that names another encoding.
SOURCES = [
    "from __future__ import doesnt_exist",
    "from __future__ import braces",
    "x = 1\nfrom __future__ import division",
    '"doc"\nfrom __future__ import annotations\nfrom __future__ import division\nx = 1',
    "def f():\n  from _ import *",
    "from __future__ import (annotations, nope)",
    "import __future__",
    "if 1:\n  from __future__ import division",
    "from __future__ import generator_stop, nested_scopes as n, with_statement",
    "from .__future__ import x",
    "class C:\n  from __future__ import annotations",
    b"\xef\xbb\xbf# coding: utf8\nx = 1\n",
    b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    b"\xef\xbb\xbf# coding: utf-8\nx = 1\n",
    b"\xef\xbb\xbf# coding: UTF_8\nx = 1\n",
    b"\xef\xbb\xbf# -*- coding: utf-8-unix -*-\nx = 1\n",
]
for source in SOURCES:
    try:
        compile(source, "<s>", "exec")
        print(repr(source), "ok")
    except SyntaxError as e:
        print(repr(source), repr(e.msg), e.lineno, e.offset, e.text)
