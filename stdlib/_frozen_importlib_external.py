# _frozen_importlib_external — CPython's name for its frozen importlib._bootstrap_external, which
# zipimport imports: in minipy it is importlib._bootstrap_external itself.
import sys

import importlib._bootstrap_external

sys.modules[__name__] = importlib._bootstrap_external
