# importlib._bootstrap — minipy's own, small: _load(spec), which runs a module from a spec whose
# loader was made by hand (pydoc's importfile), and the spec helpers. CPython's module is its frozen
# import system itself; minipy's import system is native (src/interpreter/import.cpp).
import sys

from importlib.util import module_from_spec, spec_from_loader  # noqa: F401


def _load(spec):
    """Creates the module of `spec`, puts it in sys.modules and runs it with the spec's loader; on
    failure the module is taken out of sys.modules again, as CPython's."""
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    if module is None:
        module = module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise
    return sys.modules[spec.name]
