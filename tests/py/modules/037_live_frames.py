# A frame object kept from sys._getframe() follows its frame while it runs, as CPython's does:
# f_lineno and f_lasti are where the frame is now (read from the same frame, from a callee, on each
# round of a loop), f_locals is re-synced at each access into the same dict (new names appear,
# deleted ones go, keys added by hand stay); after the frame ends it keeps the last line and
# locals, also for a frame left by an exception; a generator's frame follows it across yields and
# has no f_back while suspended.
import sys

def inner(fr):
    return fr.f_lineno, sorted(fr.f_locals)

def running(a):
    fr = sys._getframe()
    x = 1
    print("same frame", fr.f_lineno)
    y = 2
    print("from callee", inner(fr))
    d = fr.f_locals
    z = 3
    print("dict before access", sorted(d))
    fr.f_locals
    print("dict after access", sorted(d), d is fr.f_locals)
    del x
    print("after del", sorted(fr.f_locals))
    d["extra"] = 1
    fr.f_locals
    print("extra kept", sorted(d))
    first = fr.f_lasti
    print("lasti moves", fr.f_lasti > first > 0)
    return fr

fr = running(10)
print("finished", fr.f_lineno, sorted(fr.f_locals), fr.f_back.f_code.co_name)
print("finished locals", fr.f_locals["a"], fr.f_locals["z"])

def caller():
    me = sys._getframe()
    def cb():
        return me.f_lineno, me.f_back is not None
    a = cb()
    b = cb()
    return a, b

print(caller())

def loop():
    fr = sys._getframe()
    out = []
    for i in range(3):
        out.append(fr.f_lineno)
        out.append(fr.f_lineno)
    return out

print(loop())

def raises():
    fr = sys._getframe()
    q = 7
    raise ValueError(fr)

try:
    raises()
except ValueError as e:
    fr = e.args[0]
    print("after raise", fr.f_lineno, sorted(fr.f_locals))
    print("tb frame", e.__traceback__.tb_next.tb_frame is fr)

def gen():
    fr = sys._getframe()
    yield fr
    a = 5
    yield fr.f_back is not None
    b = 6

g = gen()
gf = next(g)
print("suspended", gf.f_lineno, sorted(gf.f_locals), gf.f_back)
print("running sees f_back", next(g))
print("suspended again", gf.f_lineno, sorted(gf.f_locals), gf.f_back)
for _ in g:
    pass
print("generator done", gf.f_lineno, sorted(gf.f_locals))

def closure_frame():
    cell = "c"
    fr = sys._getframe()
    def use():
        return cell
    before = sorted(fr.f_locals)
    del cell
    return before, sorted(fr.f_locals)

print(closure_frame())

class Body:
    fr = sys._getframe()
    k = 1
    names = sorted(n for n in fr.f_locals if not n.startswith("__"))
    line = fr.f_lineno

print(Body.names, Body.line, Body.fr.f_locals is Body.__dict__)

mod = sys._getframe()
print(mod.f_lineno)
print(mod.f_lineno, mod.f_locals is globals())

# A trace function sees f_lineno as the event's line, and f_locals as they are at the event.
def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        print(event, frame.f_lineno, sorted(frame.f_locals))
    return tracer

def traced():
    p = 1
    q = p + 1
    return q

sys.settrace(tracer)
traced()
sys.settrace(None)
