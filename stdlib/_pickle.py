# _pickle — what CPython's C accelerator gives pickle.py, for minipy: the same classes and functions
# over pickle.py's own pure-Python Pickler and Unpickler, with the C version's exception types
# (_pickle.PicklingError, ...) and its texts for a global that cannot be pickled ("Can't pickle local
# object ..."), which users see and which differ from the pure-Python texts; and PickleBuffer, the
# native protocol 5 buffer wrapper (from minipy's _picklebuffer module).
#
# pickle.py imports this module twice while it runs. First, near its top, for PickleBuffer alone:
# pickle.py's own classes do not exist yet, so this module gives PickleBuffer and leaves
# sys.modules (minipy's import hands the module to the `from` import all the same). Then at its very
# end, when `import pickle` here finds everything this file needs; the names imported back into
# pickle replace its own.
from _picklebuffer import PickleBuffer
import struct
import sys
import pickle as _py

if not hasattr(_py, "_Pickler"):
    del sys.modules[__name__]
else:
    class PickleError(Exception):
        pass


    class PicklingError(PickleError):
        pass


    class UnpicklingError(PickleError):
        pass


    def _check_global(obj, name):
        # The C pickler's checks and messages for a function or class saved by reference (3.11's
        # save_global: local objects first, then the import, then the attribute walk, then identity).
        if name is None:
            name = getattr(obj, "__qualname__", None)
        if name is None:
            name = obj.__name__
        path = name.split(".")
        if "<locals>" in path:
            raise AttributeError("Can't pickle local object %r" % (name,))
        module_name = _py.whichmodule(obj, name)
        try:
            __import__(module_name, level=0)
            module = sys.modules[module_name]
        except (ImportError, KeyError):
            raise PicklingError("Can't pickle %r: import of module %r failed" % (obj, module_name)) from None
        found = module
        for part in path:
            try:
                found = getattr(found, part)
            except AttributeError:
                raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed" %
                                    (obj, name, module_name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" %
                                (obj, module_name, name))


    class Pickler(_py._Pickler):
        def save_global(self, obj, name=None):
            _check_global(obj, name)
            _py._Pickler.save_global(self, obj, name)


    # pickle.py's dispatch table holds its own save_global; ours must be the one it calls.
    Pickler.dispatch = {t: (Pickler.save_global if f is _py._Pickler.save_global else f)
                        for t, f in _py._Pickler.dispatch.items()}


    class Unpickler(_py._Unpickler):
        # pickle.py's Unpickler with the C unpickler's errors: input that ends between two opcodes is an
        # EOFError ("Ran out of input"); input that ends inside an opcode's argument, and an opcode that
        # finds too little on the stack, are UnpicklingErrors where pickle.py lets an IndexError,
        # struct.error or ValueError through.
        def load(self):
            try:
                file_read, file_readline = self._file_read, self._file_readline
            except AttributeError:
                raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                      % type(self).__name__) from None
            short_reads = []

            def read(*n):
                data = file_read(*n)
                if n and len(data) < n[0]:
                    short_reads.append(n)
                return data

            def readline():
                line = file_readline()
                if not line.endswith(b"\n"):
                    short_reads.append(line)
                return line

            self._file_read, self._file_readline = read, readline
            try:
                return _py._Unpickler.load(self)
            except UnpicklingError:
                if short_reads:
                    raise UnpicklingError("pickle data was truncated") from None
                raise
            except EOFError:
                # The one short read was the next opcode's: the input ended between two opcodes.
                if len(short_reads) <= 1:
                    raise EOFError("Ran out of input") from None
                raise UnpicklingError("pickle data was truncated") from None
            except (IndexError, ValueError, struct.error) as e:
                if short_reads:
                    raise UnpicklingError("pickle data was truncated") from None
                if not isinstance(e, IndexError):
                    raise
                functions = []
                tb = e.__traceback__
                while tb is not None:
                    functions.append(tb.tb_frame.f_code.co_name)
                    tb = tb.tb_next
                if functions[-2:] == ["load_pop", "pop_mark"]:
                    message = "unpickling stack underflow"
                elif functions[-1] == "pop_mark":
                    message = "could not find MARK"
                elif self.metastack and not self.stack:
                    message = "unexpected MARK found"
                else:
                    message = "unpickling stack underflow"
                raise UnpicklingError(message) from None
            finally:
                self._file_read, self._file_readline = file_read, file_readline


    def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


    def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
        f = _py.io.BytesIO()
        Pickler(f, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
        return f.getvalue()


    def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors, buffers=buffers).load()


    def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        return Unpickler(_py.io.BytesIO(data), fix_imports=fix_imports, encoding=encoding, errors=errors,
                         buffers=buffers).load()


    # Imported before pickle (`import _pickle, pickle`), this module was half made when pickle.py's last
    # lines imported it back, so pickle kept its pure-Python fallbacks: they are replaced now.
    if getattr(_py, "Pickler", None) is _py._Pickler:
        for _name in ("PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler", "dump", "dumps",
                      "load", "loads"):
            setattr(_py, _name, globals()[_name])
