# contextvars: Context() takes no arguments; ContextVar(name, *, default) words its argument errors
# as CPython's parser; a context's keys must be ContextVars for [], `in` and get(); contexts
# compare equal when they hold the same variables and values.
import contextvars

for args, kwargs in [((1,), {}), ((1,), {"a": 1}), ((), {"a": 1})]:
    try:
        contextvars.Context(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
print(len(contextvars.Context(**{})))

for args, kwargs in [((), {}), ((1,), {}), (("a", 1), {}), (("a",), {"default": 1, "x": 2})]:
    try:
        contextvars.ContextVar(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
print(contextvars.ContextVar("n", default=3).get())
try:
    contextvars.ContextVar(name="n")
except TypeError as e:
    print("TypeError:", e)

ctx = contextvars.Context()
for attempt in (lambda: ctx[1], lambda: 1 in ctx, lambda: ctx.get("x", 0)):
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)

var = contextvars.ContextVar("var")
first, second = contextvars.Context(), contextvars.Context()
print(first == second, first != second)
first.run(var.set, "spam")
print(first == second, first != second)
print(first.run(contextvars.copy_context) == first, first == {var: "spam"})
second.run(var.set, "spam")
print(first == second)
