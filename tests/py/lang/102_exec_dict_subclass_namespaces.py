# exec/eval with dict subclasses as globals or builtins, as CPython: names are read through the
# subclass's __getitem__ (and __missing__), module-level stores through its __setitem__, inside
# functions too (LOAD_GLOBAL); eval() drops leading spaces and tabs.
class setonlyerror(Exception):
    pass

class setonlydict(dict):
    def __getitem__(self, key):
        raise setonlyerror

for code, ns in [("globalname", setonlydict({'globalname': 1})),
                 ("superglobal", {'__builtins__': setonlydict({'superglobal': 1})}),
                 ("def f():\n    return superglobal\nf()", {'__builtins__': setonlydict({'superglobal': 1})})]:
    try:
        exec(code, ns)
        print("no error")
    except setonlyerror:
        print("setonlyerror")

class frozendict_error(Exception):
    pass

class frozendict(dict):
    def __setitem__(self, key, value):
        raise frozendict_error("frozendict is readonly")

try:
    exec("x=1", frozendict({}))
except frozendict_error as e:
    print("frozen:", e)

class Defaults(dict):
    def __missing__(self, key):
        return "default for " + key

g = Defaults(print=print)
exec("print(undefined_name)\ndef f():\n    return other_name\nprint(f())", g)
exec("print(undefined_name_in_builtins)", {"__builtins__": Defaults(print=print)})

class customdict(dict):
    pass
exec("print(superglobal)", {'__builtins__': customdict({'superglobal': 1, 'print': print})})
try:
    exec("superglobal", {'__builtins__': customdict()})
except NameError as e:
    print("NameError:", e)
print(eval(" \t 1+1\n"), eval(b"  2*3"))
try:
    eval(" \n 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("print('x')", {'__builtins__': {}})
except NameError as e:
    print("NameError:", e)
try:
    exec("class A: pass", {'__builtins__': {}})
except NameError as e:
    print("NameError:", e)
