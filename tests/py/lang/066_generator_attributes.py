# gi_code/gi_frame/gi_running/gi_suspended/gi_yieldfrom, cr_* and ag_* as CPython 3.11: values in
# each state, settable __name__/__qualname__, read-only errors, dir() and the type's descriptors.
import inspect, sys
def f():
    x = 1
    yield x
    yield 2
g = f()
print(g.__name__, g.__qualname__, g.gi_running, g.gi_code.co_name, g.gi_suspended, g.gi_yieldfrom)
fr = g.gi_frame
print(type(fr).__name__, fr.f_back, fr.f_lineno, fr.f_code is g.gi_code, fr.f_locals)
print(next(g), g.gi_frame.f_lineno, g.gi_frame.f_locals, g.gi_suspended, inspect.getgeneratorstate(g))
def a():
    print("in a", gen_b.gi_running, gen_b.gi_yieldfrom, inspect.getgeneratorstate(gen_b))
    print("frame back is caller:", gen_b.gi_frame.f_back.f_code.co_name)
    yield 5
def b():
    yield from a()
    yield 6
gen_b = b()
print(next(gen_b), gen_b.gi_yieldfrom.gi_code.co_name, gen_b.gi_frame.f_back)
print(list(gen_b), gen_b.gi_frame, gen_b.gi_yieldfrom, gen_b.gi_code.co_name, inspect.getgeneratorstate(gen_b))
g.__name__ = "n"; g.__qualname__ = "q"
print(g.__name__, g.__qualname__, repr(g)[:25])
for a_ in ['gi_code','gi_frame','gi_running','gi_suspended','gi_yieldfrom','x', '__name__', '__qualname__']:
    try: setattr(g,a_,1)
    except Exception as e: print(a_, type(e).__name__, e)
    try: delattr(g,a_)
    except Exception as e: print(a_, type(e).__name__, e)
print([x for x in dir(g) if not x.startswith('__') or x in ('__name__','__qualname__')])
print(type(g).__dict__['gi_code'], type(g).__dict__['gi_frame'], type(g).__dict__['__name__'])
async def c():
    return 1
co = c()
print([x for x in dir(co) if not x.startswith('__') or x in ('__name__','__qualname__')])
print(co.cr_await, co.cr_running, co.cr_suspended, co.cr_origin, co.cr_code.co_name, co.cr_frame.f_code.co_name, co.__name__)
class Aw:
    def __await__(self):
        yield 7
async def d():
    await Aw()
co2 = d()
print(co2.send(None), type(co2.cr_await).__name__, inspect.getcoroutinestate(co2))
co2.close(); co.close()
print(co2.cr_frame, inspect.getcoroutinestate(co2))
async def ag():
    yield 1
x = ag()
print([x_ for x_ in dir(x) if not x_.startswith('__') or x_ in ('__name__','__qualname__')])
print(x.ag_await, x.ag_running, x.ag_code.co_name, x.ag_frame.f_code.co_name, x.__qualname__)
for a_ in ['ag_code', 'ag_running', 'ag_frame']:
    try: setattr(x,a_,1)
    except Exception as e: print(a_, type(e).__name__, e)
ge = (i for i in range(3))
print(ge.__name__, ge.__qualname__, ge.gi_frame.f_locals.keys())
def unstarted(): yield
print(unstarted().gi_frame.f_back)
