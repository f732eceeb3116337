# tokenize from Python: generate_tokens and tokenize over every kind of token (names, numbers of
# every form, strings with prefixes and triple quotes, f-strings, operators, comments, blank lines,
# continuation lines, INDENT/DEDENT, an encoding cookie), tok_name and exact_type, untokenize, and
# the errors CPython's tokenize raises; each token printed as `python3 -m tokenize` lays it out.
import io
import token
import tokenize

SOURCES = [
    "x = 1\n",
    "def f(a, *, b=2, **kw):\n    '''doc'''\n    return a @ b  # comment\n\n",
    "n = [0x1F, 0o17, 0b101, 1_000, 3.14, 1e-3, 2j, .5, 5.]\n",
    "s = r'\\d' + b\"b\" + rb'x' + u'u' + f'{a!r:>{w}}' + F\"\"\"t\n{x}\"\"\"\n",
    "if a:\n    if b:\n        pass\n\n# dedent comment\nelse:\n\tz = (1,\n         2)\n",
    "total = price \\\n    + tax\n",
    "a //= b; c **= d; e >>= 1; f <<= 2; g != h; i -> j; k := 3; l ... m\n",
    "async def g():\n    await x\n    async for i in y: yield i\n",
    "x = 1",
    "\n\n   \n# only a comment",
    "lambda: (yield)\n@dec\nclass C: pass\n",
]


def show(tokens):
    for tok in tokens:
        where = "%d,%d-%d,%d:" % (tok.start + tok.end)
        exact = "" if tok.exact_type == tok.type else token.tok_name[tok.exact_type]
        print(("%-20s%-15s%-15r%s" % (where, tokenize.tok_name[tok.type], tok.string, exact)).rstrip())


for source in SOURCES:
    print("---", repr(source[:30]))
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    show(tokens)
    # The token stream holds the source: untokenize gives text that tokenizes the same way.
    again = list(tokenize.generate_tokens(io.StringIO(tokenize.untokenize(tokens)).readline))
    print("roundtrip:", [(t.type, t.string) for t in again] == [(t.type, t.string) for t in tokens])
    lines = [tok.line for tok in tokens]
    print("lines:", lines[:3])

# tokenize() reads bytes: an ENCODING token first, the cookie honoured.
encoded = "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n".encode("latin-1")
show(tokenize.tokenize(io.BytesIO(encoded).readline))
print(tokenize.detect_encoding(io.BytesIO(encoded).readline))
print(tokenize.detect_encoding(io.BytesIO(b"\xef\xbb\xbfx = 1\n").readline))

# tok_name and the token constants.
print(tokenize.tok_name[tokenize.NAME], tokenize.tok_name[tokenize.OP], tokenize.tok_name[tokenize.COMMENT],
      tokenize.tok_name[tokenize.NL], tokenize.tok_name[tokenize.ENCODING], token.tok_name[token.LPAR])
print(sorted(token.EXACT_TOKEN_TYPES.items())[:5], len(token.tok_name))
print(token.ISTERMINAL(token.NAME), token.ISNONTERMINAL(token.NT_OFFSET), token.ISEOF(token.ENDMARKER))

# What CPython's tokenize raises on broken input.
for bad in ["s = '''never closed\n", "x = (1,\n", "  x = 1\n y = 2\n"]:
    try:
        show(tokenize.generate_tokens(io.StringIO(bad).readline))
    except (tokenize.TokenError, IndentationError) as e:
        print(type(e).__name__, e.args)
