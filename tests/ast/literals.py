# Numbers, strings, bytes, f-strings.
i = 0, 1, 42, 1_000_000, 0x1F, 0o17, 0b1010, 0XFF, 123456789012345678901234567890
big = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
fl = 1.5, 0.1, 1e10, 1.5e-3, .5, 5., 1_0.0_1, 1e100, 2.5e-10, 1e16, 123456789.0
im = 1j, 2.5j, 1e3j, 0j
s = 'single', "double", '''triple''', """triple
double""", 'it\'s', "say \"hi\""
esc = '\n\t\\\x41\101\u00e9\U0001F600\r\a\b\f\v\0'
raw = r'\n\t', R"\d+", rb'\x00', Br"x"
by = b'bytes', b'\x00\xff', B"abc"
cat = 'a' 'b' "c"
bcat = b'a' b'b'
u = u'unicode'
uni = 'é€😀'
multi = ('first '
         'second')
fs = f'plain', f'{x}', f'{x!r}', f'{x!s:>10}', f'{x!a}', f'{x:{w}.{p}}'
fs2 = f'a{x}b{y}c', f'{{literal}}', f"{x + 1:04d}", f'{d["k"]}', 'pre' f'{x}' 'post'
fs3 = f'{x=}', f'{x = }', f'{x=:>5}', f'{x=!s}', F'{a}{b}', rf'\n{x}'
fs4 = f'{x:}', f'{"nested"}', f'{f"{y}"}', f'{a, b}', f'{lambda_:2}'
e = ..., None, True, False
