"""dis — disassembles minipy's bytecode, with CPython 3.11's interface.

CPython's Lib/dis.py decodes CPython's own bytecode format; minipy's instructions are different
(one 32-bit word each; see `minipy --dis`), so this module takes them from the native `_dis` and
keeps CPython's functions and classes around them: dis, disassemble, distb, get_instructions,
Bytecode, Instruction, Positions, code_info, show_code, findlinestarts, findlabels, opname, opmap
and the has* lists. `dis.dis(f)` prints exactly what `minipy --dis` prints for the same code.
Offsets count two bytes per instruction, as CPython's do.
"""
import collections
import io
import sys
import types

import _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts", "findlabels",
           "show_code", "get_instructions", "Instruction", "Bytecode", "opname", "opmap",
           "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare", "hasfree",
           "cmp_op", "pretty_flags", "COMPILER_FLAG_NAMES"]

opname = list(_dis.opname)
opmap = {name: op for op, name in enumerate(opname)}
_argkind = _dis.argkind
hasconst = [op for op, kind in enumerate(_argkind) if kind == "const"]
hasname = [op for op, kind in enumerate(_argkind) if kind in ("name", "global")]
# minipy's jumps carry the target's index, not a distance: all of them are absolute.
hasjabs = [op for op, kind in enumerate(_argkind) if kind == "jump"]
hasjrel = []
haslocal = [op for op, kind in enumerate(_argkind) if kind == "local"]
hascompare = [op for op, kind in enumerate(_argkind) if kind == "compare"]
hasfree = [op for op, kind in enumerate(_argkind) if kind == "free"]
hasarg = [op for op, kind in enumerate(_argkind) if kind != "none"]
cmp_op = ('<', '<=', '==', '!=', '>', '>=')

# The inspect module builds its CO_* constants from this table, as from CPython's.
COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                return ", ".join(names)
    names.append(hex(flags))
    return ", ".join(names)


Positions = collections.namedtuple(
    "Positions", ["lineno", "end_lineno", "col_offset", "end_col_offset"], defaults=[None] * 4)

_Instruction = collections.namedtuple(
    "_Instruction",
    ["opname", "opcode", "arg", "argval", "argrepr", "offset", "starts_line", "is_jump_target",
     "positions"],
    defaults=[None])


class Instruction(_Instruction):
    """Details for a bytecode operation

       Defined fields:
         opname - human readable name for operation
         opcode - numeric code for operation
         arg - numeric argument to operation (if any), otherwise None
         argval - resolved arg value (if known), otherwise same as arg
         argrepr - human readable description of operation argument
         offset - start index of operation within bytecode sequence
         starts_line - line started by this opcode (if any), otherwise None
         is_jump_target - True if other code jumps to here, otherwise False
         positions - Optional dis.Positions object holding the span of source code
                     covered by this instruction
    """

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """Format instruction details for inclusion in disassembly output."""
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(str(self.starts_line).rjust(lineno_width))
            else:
                fields.append(" " * lineno_width)
        fields.append("-->" if mark_as_current else "   ")
        fields.append(">>" if self.is_jump_target else "  ")
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(20))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(5))
            if self.argrepr:
                fields.append("(" + self.argrepr + ")")
        return " ".join(fields).rstrip()


def _unwrap(x):
    """The code object behind a method, function, generator or coroutine; anything else as it is."""
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        return x.__code__
    for attribute in ("gi_code", "ag_code", "cr_code"):
        if hasattr(x, attribute):
            return getattr(x, attribute)
    return x


def _get_code_object(x):
    """The code object of a method, function, generator, coroutine, source text or code object."""
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if isinstance(x, types.CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _try_compile(source, name):
    """Compiles source text as an expression, or failing that as statements."""
    try:
        return compile(source, name, "eval")
    except SyntaxError:
        return compile(source, name, "exec")


def _instructions(co, first_line=None):
    shift = 0 if first_line is None else first_line - co.co_firstlineno
    for op, arg, argval, argrepr, offset, starts, target, span in _dis.instructions(co):
        if starts is not None:
            starts += shift
        yield Instruction(opname[op], op, arg, argval, argrepr, offset, starts, target, Positions(*span))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code

    Generates a series of Instruction named tuples giving the details of
    each operations in the supplied code.

    If *first_line* is not None, it indicates the line number that should
    be reported for the first source line in the disassembled code.
    Otherwise, the source line information (if any) is taken directly from
    the disassembled code object.
    """
    return _instructions(_get_code_object(x), first_line)


def _write(text, file):
    (sys.stdout if file is None else file).write(text)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    _write(_dis.disassemble(co, 0, lasti), file)


disco = disassemble  # CPython's old name


def _disassemble_recursive(co, *, file=None, depth=None):
    _write(_dis.disassemble(co, -1 if depth is None else depth), file)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects.

    With no argument, disassemble the last traceback.

    Compiled objects currently include generator objects, async generator
    objects, and coroutine objects, all of which store their code object
    in a special attribute.
    """
    if x is None:
        distb(file=file)
        return
    x = _unwrap(x)
    if hasattr(x, "__dict__"):  # a class or module: each of its functions, classes and methods
        for name, member in sorted(x.__dict__.items()):
            if isinstance(member, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(member, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif isinstance(x, types.CodeType):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, "<dis>"), file=file, depth=depth)
    elif isinstance(x, (bytes, bytearray)):
        raise TypeError("minipy cannot disassemble raw bytes: its instructions need their code object")
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


_have_code = (types.MethodType, types.FunctionType, types.CodeType, classmethod, staticmethod, type)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def _format_code_info(co):
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %s" % co.co_argcount,
        "Positional-only arguments: %s" % co.co_posonlyargcount,
        "Kw-only arguments: %s" % co.co_kwonlyargcount,
        "Number of locals:  %s" % co.co_nlocals,
        "Stack size:        %s" % co.co_stacksize,
        "Flags:             %s" % pretty_flags(co.co_flags),
    ]
    sections = [("Constants:", co.co_consts, "%4d: %r"), ("Names:", co.co_names, "%4d: %s"),
                ("Variable names:", co.co_varnames, "%4d: %s"),
                ("Free variables:", co.co_freevars, "%4d: %s"),
                ("Cell variables:", co.co_cellvars, "%4d: %s")]
    for title, items, layout in sections:
        if items:
            lines.append(title)
            lines.extend(layout % pair for pair in enumerate(items))
    return "\n".join(lines)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*.

    If *file* is not provided, the output is printed on stdout.
    """
    print(code_info(co), file=file)


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets.

    Return the list of offsets.
    """
    return [i.offset for i in _instructions(_get_code_object(code)) if i.is_jump_target]


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source.

    Generate pairs (offset, lineno)
    """
    last = None
    for start, _end, line in code.co_lines():
        if line is not None and line != last:
            last = line
            yield start, line


def _find_imports(co):
    """(name, level, fromlist) of each `import` in the code (modulefinder scans with it)."""
    found = list(_instructions(co))
    for i, instr in enumerate(found):
        if instr.opname == "IMPORT_NAME" and i >= 2:
            level, fromlist = found[i - 2], found[i - 1]
            if level.opname == "LOAD_CONST" and fromlist.opname == "LOAD_CONST":
                yield instr.argval, level.argval, fromlist.argval


def _find_store_names(co):
    """The names the code stores to or deletes from its module's namespace."""
    for instr in _instructions(co):
        if instr.opname in ("STORE_NAME", "STORE_GLOBAL", "DELETE_NAME", "DELETE_GLOBAL"):
            yield instr.argval


class Bytecode:
    """The bytecode operations of a piece of code

    Instantiate this with a function, method, other compiled object, string of
    code, or a code object (as returned by compile()).

    Iterating over this yields the bytecode operations as Instruction instances.
    """

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        self.first_line = co.co_firstlineno if first_line is None else first_line
        self._line_offset = self.first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = list(_dis.exception_table(co))
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _instructions(self.codeobj, self.first_line if self._line_offset else None)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """ Construct a Bytecode from the given traceback """
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        offset = -1 if self.current_offset is None else self.current_offset
        return _dis.disassemble(self.codeobj, 0, offset)


def _test():
    """Simple test program to disassemble a file."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("infile", type=argparse.FileType("rb"), nargs="?", default="-")
    args = parser.parse_args()
    with args.infile as infile:
        source = infile.read()
    dis(compile(source, args.infile.name, "exec"))


if __name__ == "__main__":
    _test()
