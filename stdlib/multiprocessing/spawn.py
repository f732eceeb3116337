# spawn.py — the child's side of the 'spawn' start method (popen_spawn.py is the parent's): a fresh
# minipy of the same flavor runs spawn_main(), which reads what the parent wrote to a pipe — the
# preparation data, then the pickled process object — sets up sys.path, argv and the working
# folder, runs the parent's main script as the module __mp_main__ (so its `if __name__ ==
# "__main__":` block does not run again), and runs the process.
import io
import os
import sys
import types
from multiprocessing import process, reduction

_executable = sys.executable


def set_executable(exe):
    global _executable
    _executable = exe


def get_executable():
    return _executable


def interpreter_command(prog):
    # The same interpreter with the same -X options (sys._xoptions), as CPython passes them,
    # running prog.
    options = []
    for key, value in sys._xoptions.items():
        options.append("-X" + (key if value is True else "%s=%s" % (key, value)))
    return [_executable] + options + ["-c", prog]


def get_command_line(pipe_fd):
    prog = "from multiprocessing.spawn import spawn_main; spawn_main(%d)" % pipe_fd
    return interpreter_command(prog) + ["--multiprocessing-fork"]


def get_preparation_data(name):
    data = {
        "name": name,
        "sys_path": list(sys.path),
        "sys_argv": list(sys.argv),
        "dir": os.getcwd(),
        "authkey": process.current_process().authkey,
    }
    main_path = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_path is not None and os.path.exists(main_path):
        data["init_main_from_path"] = os.path.normpath(os.path.abspath(main_path))
    return data


def prepare(data):
    process.current_process().name = data["name"]
    if "authkey" in data:
        process.current_process().authkey = data["authkey"]
    sys.path[:] = data["sys_path"]
    sys.argv[:] = data["sys_argv"]
    os.chdir(data["dir"])
    if "init_main_from_path" in data:
        _fixup_main_from_path(data["init_main_from_path"])


def _fixup_main_from_path(main_path):
    # runpy.run_path(main_path, run_name="__mp_main__"), written out: the module is registered
    # under both names before its code runs, so what it pickles and unpickles finds it.
    code = main_code(main_path)
    main_module = types.ModuleType("__mp_main__")
    main_module.__file__ = main_path
    sys.modules["__main__"] = sys.modules["__mp_main__"] = main_module
    exec(code, main_module.__dict__)


# Main scripts compiled in this process, by path: (modification time, size, code). A fork server
# compiles its parent's main script once, and its children, forked with this, skip the parser.
_compiled_mains = {}


def main_code(main_path):
    stat = os.stat(main_path)
    stamp = (stat.st_mtime_ns, stat.st_size)
    known = _compiled_mains.get(main_path)
    if known is not None and known[0] == stamp:
        return known[1]
    with open(main_path) as f:
        source = f.read()
    code = compile(source, main_path, "exec")
    _compiled_mains[main_path] = (stamp, code)
    return code


def read_all(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def spawn_main(pipe_fd):
    data = read_all(pipe_fd)
    os.close(pipe_fd)
    stream = io.BytesIO(data)
    prepare(reduction.pickle.load(stream))
    process_obj = reduction.pickle.load(stream)
    sys.exit(process_obj._bootstrap())
