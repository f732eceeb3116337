# imports packages: checked against CPython 3.11's output.
import lib.mod_a
import lib.mod_a as ma
from lib.mod_a import hello, pub as p
print(lib.mod_a.pub, ma.hello(), hello(), p, ma is lib.mod_a)
from lib.mod_a import *
print(pub, other, "hidden" in dir())
from lib.mod_b import *
print(x, f(), "_y" in dir())
import lib.pkg.sub.deep
print(lib.pkg.sub.deep.value, lib.pkg.helper())
from lib.pkg import util
print(util.__name__, util.__package__, lib.pkg.__package__, util.__file__.endswith("util.py"))
import sys
print("lib.mod_a" in sys.modules, __name__)
try:
    import nonexistent_mod
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from lib.mod_a import nothing
except ImportError as e:
    # The message ends with the module's absolute path, which depends on the checkout.
    message, _, path = str(e).partition(" (")
    print(message, path.endswith("/lib/mod_a.py)"))
if __name__ == "__main__":
    print("main")
import lib.circ_a
