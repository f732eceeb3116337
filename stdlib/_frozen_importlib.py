# _frozen_importlib — CPython's name for its frozen importlib._bootstrap, which code outside
# importlib imports (zipimport, site): in minipy it is importlib._bootstrap itself, as it is in
# CPython once importlib is imported.
import sys

import importlib._bootstrap

sys.modules[__name__] = importlib._bootstrap
