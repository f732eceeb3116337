# Builtins that are not a dict: a module (its dict), any mapping asked through __getitem__, or
# anything else, which raises at the first builtin looked up, as CPython 3.11.
code = compile("print('hi')", "test", "exec")
try:
    exec(code, {'__builtins__': 123})
except TypeError as e:
    print("TypeError", e)
try:
    exec("x = 1", {'__builtins__': 123})
    print("no error for no lookup")
except TypeError as e:
    print("TypeError2", e)
class M:
    def __getitem__(self, k):
        if k == 'print': return lambda *a: __builtins__.print("M:", *a)
        raise KeyError(k)
    def keys(self): return []
exec("print('via mapping')", {'__builtins__': M()})
try:
    exec("len", {'__builtins__': M()})
except NameError as e:
    print("NameError", e)
try:
    eval("abs(-1)", {'__builtins__': "abc"})
except TypeError as e:
    print("TypeError3", e)
try:
    exec("class A: pass", {'__builtins__': M()})
except NameError as e:
    print("NameError", e)
g = {'__builtins__': M()}
exec("def f():\n    print('from f')\n    return len", g)
try:
    g['f']()
except NameError as e:
    print("NameError in f:", e)
print(type(g['f'].__builtins__).__name__)
def show_frame_builtins():
    ns = {'__builtins__': {'__import__': __import__}}
    exec("import sys\nb = sys._getframe().f_builtins", ns)
    print(sorted(ns['b']))
show_frame_builtins()
