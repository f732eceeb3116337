# A function made from a module's code (no CO_NEWLOCALS) runs in its globals, as CPython's: its
# names are stored there. It crashed the interpreter (STORE_NAME with no namespace).
import types
g = {}
f = types.FunctionType(compile('a = 1\nb = a + 1\nprint(a, b)\ndel a', '?', 'exec'), g)
print(f())
print(sorted(k for k in g if k != '__builtins__'))
class_body = compile('x = 5\ndef m(self): return x', '?', 'exec')
g2 = {'__name__': 'mod'}
types.FunctionType(class_body, g2)()
print(g2['x'], g2['m'](None))
print(types.FunctionType(compile('40 + 2', '?', 'eval'), {})())
def outer():
    return types.FunctionType(compile('import math\nr = math.floor(2.5)', '?', 'exec'), globals())()
outer()
print(r)
