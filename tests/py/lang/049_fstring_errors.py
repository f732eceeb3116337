# CPython 3.11's messages for broken f-string fields: a missing expression names the character
# after it, an unmatched bracket is named, and errors from parsing the expression start "f-string: ".
cases = ["f'{!r}'", "f'{=}'", "f'{:x}'", "f'{ }'", "f'{}'", "f'{ !r}'", "f'{ :}'", "f'{a!}'", "f'{3!'",
         "f'{a b}'", "f'{)}'", "f'{]}'", "f'{x = 1}'", "f'{yield}'", "f'{a:=1}'", "f'{lambda x:x}'",
         "f'{f\"{1 +}\"}'", "f'{1 +}'", "f'{a!x}'", "f'}'", "f'{'"]
for s in cases:
    try:
        compile(s, "<s>", "exec")
        print(s, "compiles")
    except SyntaxError as e:
        print(s, "->", e.msg)
