# At the program's end, as in CPython's finalization: threads are joined and atexit functions run,
# then every module leaves sys.modules and a collection frees what they held, running __del__
# methods (here: __main__'s objects and a cycle's; 054 a helper module's) and finalizers (a coroutine
# never awaited warns, filed under "sys", line 1: 053_exit_finalizers.err). Nothing can be
# imported by then. The __del__ methods here read no globals: minipy-ft clears a module's globals
# one by one before collecting them (its functions are immortal), so they would see None there.
import atexit
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


class Importer:
    def __del__(self):
        try:
            import json
        except ImportError as e:
            print(type(e).__name__, e)


async def never():
    pass


first = Noisy("first")
second = Noisy("second")
importer = Importer()
ring = [Noisy("in a cycle")]
ring.append(ring)
pending = never()
atexit.register(print, "atexit runs before the modules are released")

# A blocked import, as every import is at exit.
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
print("end of the script")
