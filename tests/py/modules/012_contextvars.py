# contextvars over minipy's native _contextvars: get/set/reset, tokens, copied contexts, Context.run.
import contextvars
v = contextvars.ContextVar("v", default=0)
w = contextvars.ContextVar("w")
print(v.name, v.get(), w.get("dflt"))
t = v.set(5)
ctx = contextvars.copy_context()
v.set(6)
print(v.get(), ctx[v], ctx.get(w, "none"), v in ctx, len(ctx) >= 1)
v.reset(t)
print(v.get(), t.old_value is contextvars.Token.MISSING, t.var is v)
def inside(x):
    v.set(x)
    return v.get()
print(ctx.run(inside, 42), ctx[v], v.get())
try:
    w.get()
except LookupError as e:
    print("LookupError", e.args[0] is w)
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError")
