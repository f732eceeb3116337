# sys's 3.11 hooks and functions: excepthook/__excepthook__ (called for an uncaught exception; a hook
# that raises gets both tracebacks), exception(), breakpointhook and PYTHONBREAKPOINT, audit hooks,
# call_tracing, thread_info, orig_argv, meta_path, copyright, _clear_type_cache.
import os
import sys
import warnings

print(sys.excepthook is sys.__excepthook__, sys.excepthook, sys.breakpointhook is sys.__breakpointhook__)
try:
    sys.excepthook(1, 2)
except TypeError as e:
    print(e)
sys.stderr = sys.stdout
sys.excepthook(str, "x", None)
sys.excepthook(ValueError, ValueError("v"), None)
try:
    raise KeyError(1)
except KeyError:
    print(repr(sys.exception()), sys.exception() is sys.exc_info()[1])
print(sys.exception())

os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint(), sys.breakpointhook(1, x=2))
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
breakpoint("via", "print", sep="-")
os.environ["PYTHONBREAKPOINT"] = "print"
sys.breakpointhook("bare", "name")
for target in ["nosuch.module.func", "os.nosuchfunction"]:
    os.environ["PYTHONBREAKPOINT"] = target
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print(breakpoint())
    print([(w.category.__name__, str(w.message)) for w in caught])
saved = sys.breakpointhook
sys.breakpointhook = lambda *a, **k: print("custom hook", a, k)
breakpoint(1, k=2)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
sys.breakpointhook = saved

# CPython raises events of its own (open, compile, ...); minipy only sys.audit()'s: the hooks show ours.
print(sys.audit("x", 1), sys.addaudithook(lambda e, a: e.startswith("my.") and print("audit", e, a)),
      sys.audit("my.event", 1, 2))
sys.addaudithook(lambda e, a: e.startswith("my.") and print("second", e))
sys.audit("my.again")
for call in [lambda: sys.audit(), lambda: sys.audit(1), lambda: sys.call_tracing(max, [1])]:
    try:
        call()
    except TypeError as e:
        print(e)
print(sys.call_tracing(max, (1, 2)), sys.call_tracing(sorted, ([3, 1, 2],)))
print(type(sys.thread_info).__name__, sys.thread_info.name, sys.thread_info.lock, len(sys.thread_info))
print(type(sys.orig_argv), sys.orig_argv[-1].endswith("067_sys_hooks.py"), type(sys.meta_path))
print(type(sys.copyright), sys._clear_type_cache(), isinstance(sys.getallocatedblocks(), int))


def hook(t, v, tb):
    print("hook", t.__name__, v, tb.tb_lineno)
    raise RuntimeError("in hook")


sys.excepthook = hook
raise ValueError("boom")
