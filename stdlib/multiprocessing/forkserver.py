# forkserver.py — the 'forkserver' start method's server. On first use a parent starts one fresh
# minipy (as spawn would) that imports multiprocessing and the set_forkserver_preload() modules
# once, then waits on a unix socket. For each new process the parent connects and hands over, with
# SCM_RIGHTS, a data pipe, a status pipe, and every descriptor the pickled process object names
# (queues, locks, connections); the server forks, the child puts those descriptors back under
# their numbers in the parent, reads the pickles from the data pipe and runs the process
# (spawn.py's steps). The server writes the child's pid, and later its exit code, to the status
# pipe, whose read end is the parent's sentinel (popen_forkserver.py). Forking an interpreter that
# has already started is much cheaper than starting one; a fork of a process with no threads and
# none of the parent's state is safer than 'fork'. The server ends when the parent does (the
# alive pipe).
import io
import os
import pickle
import select
import signal
import socket
import struct
import sys
import threading
from multiprocessing import connection, process, reduction, spawn

# How many descriptors one process may take along (the server's recvmsg buffer).
MAXFDS_TO_SEND = 256
_SIGNED = struct.Struct("q")


def write_signed(fd, n):
    connection.write_all(fd, _SIGNED.pack(n))


def read_signed(fd):
    data = b""
    while len(data) < _SIGNED.size:
        chunk = os.read(fd, _SIGNED.size - len(data))
        if not chunk:
            raise EOFError("unexpected EOF")
        data += chunk
    return _SIGNED.unpack(data)[0]


class ForkServer:
    # The parent's handle on its fork server: started on first use, again if it died.
    def __init__(self):
        self._address = None
        self._alive_w = None
        self._pid = None
        self._preload_modules = ["__main__"]
        self._lock = threading.Lock()

    def set_forkserver_preload(self, modules_names):
        if not all(type(name) is str for name in modules_names):
            raise TypeError("module_names must be a list of strings")
        self._preload_modules = modules_names

    def connect_to_new_process(self, fds):
        # Asks the server for a child that receives fds under their numbers here; returns the
        # sentinel (status pipe's read end) and the data pipe's write end.
        originals = sorted(set(fds))
        if len(originals) + 2 >= MAXFDS_TO_SEND:
            raise ValueError("too many fds")
        self.ensure_running()
        data_r, data_w = os.pipe()
        status_r, status_w = os.pipe()
        try:
            with socket.socket(socket.AF_UNIX) as client:
                client.connect(self._address)
                # The numbers travel as text; the message is never empty, so the descriptors
                # (which ride on data) always arrive.
                message = ("fds " + " ".join(map(str, originals))).encode()
                socket.send_fds(client, [message], [data_r, status_w] + originals)
        except BaseException:
            os.close(data_w)
            os.close(status_r)
            raise
        finally:
            os.close(data_r)
            os.close(status_w)
        return status_r, data_w

    def ensure_running(self):
        with self._lock:
            if self._pid is not None:
                try:
                    pid, status = os.waitpid(self._pid, os.WNOHANG)
                except ChildProcessError:
                    pid = 0  # a forked child of the parent shares its server
                if not pid:
                    return
                # It died (killed, or its preloading failed): start another.
                os.close(self._alive_w)
                self._address = self._alive_w = self._pid = None
            self._start()

    def _start(self):
        address = connection.arbitrary_address("AF_UNIX")
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(address)
        listener.listen()
        alive_r, alive_w = os.pipe()
        data_r, data_w = os.pipe()
        # The server needs the parent's paths and folder. Not to run its main module: CPython
        # 3.11's server looks for it under a key its preparation data never has, so '__main__' in
        # the preload list does nothing there and each child runs the main module itself, as
        # under spawn; minipy does the same, but compiles it once in the server for them. The
        # authentication key goes to each child with its own preparation data.
        prep_data = spawn.get_preparation_data("ForkServer")
        del prep_data["authkey"]
        main_path = prep_data.pop("init_main_from_path", None)
        setup = pickle.dumps((prep_data, list(self._preload_modules), main_path))
        inherited = [listener.fileno(), alive_r, data_r]
        cmd = spawn.interpreter_command(
            "from multiprocessing.forkserver import main; main(%d, %d, %d)" % tuple(inherited))
        pid = os.fork()
        if pid == 0:
            try:
                for fd in inherited:
                    os.set_inheritable(fd, True)
                os.execv(cmd[0], cmd)
            finally:
                os._exit(127)
        listener.close()
        os.close(alive_r)
        os.close(data_r)
        try:
            connection.write_all(data_w, setup)
        finally:
            os.close(data_w)
        self._address, self._alive_w, self._pid = address, alive_w, pid


# ---- the server process ----

def main(listener_fd, alive_r, data_fd):
    # Preloads, then serves requests until the parent is gone (EOF on alive_r). Children are
    # reaped as SIGCHLD says they ended, and their exit codes sent to their parents.
    prep_data, preload, main_path = pickle.loads(spawn.read_all(data_fd))
    os.close(data_fd)
    spawn.prepare(prep_data)
    if main_path is not None:
        try:
            spawn.main_code(main_path)
        except Exception:
            pass  # each child meets the error itself, as under spawn
    for name in preload:
        if name != "__main__":
            try:
                __import__(name)
            except ImportError:
                pass
    # Whatever preloading printed is written now, not once more by every child.
    sys.stdout.flush()
    sys.stderr.flush()
    listener = socket.socket(socket.AF_UNIX, fileno=listener_fd)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    old_handlers = {signal.SIGCHLD: signal.signal(signal.SIGCHLD, lambda *args: None),
                    signal.SIGINT: signal.signal(signal.SIGINT, signal.SIG_IGN)}
    signal.set_wakeup_fd(wake_w)
    status_of = {}  # pid -> the write end of that child's status pipe
    server_fds = [alive_r, wake_r, wake_w]
    while True:
        try:
            ready = select.select([listener_fd, alive_r, wake_r], [], [])[0]
        except InterruptedError:
            continue
        if alive_r in ready:
            os._exit(0)
        if wake_r in ready:
            try:
                while os.read(wake_r, 512):
                    pass
            except BlockingIOError:
                pass
            _report_ended_children(status_of)
        if listener_fd in ready:
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                try:
                    message, fds, _, _ = socket.recv_fds(conn, 4096, MAXFDS_TO_SEND)
                except OSError:
                    continue
            if len(fds) < 2 or not message.startswith(b"fds"):
                for fd in fds:
                    os.close(fd)
                continue
            data_r, status_w, passed = fds[0], fds[1], fds[2:]
            originals = [int(n) for n in message[3:].split()]
            pid = os.fork()
            if pid == 0:
                signal.set_wakeup_fd(-1)
                for signum, handler in old_handlers.items():
                    signal.signal(signum, handler)
                listener.close()
                for fd in server_fds + list(status_of.values()) + [status_w]:
                    os.close(fd)
                code = 1
                try:
                    code = _run_child(data_r, passed, originals)
                except SystemExit as e:
                    code = process._exit_status(e)  # the main script called sys.exit()
                except BaseException:
                    import traceback
                    traceback.print_exc()
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(code)
            for fd in [data_r] + passed:
                os.close(fd)
            try:
                write_signed(status_w, pid)
                status_of[pid] = status_w
            except OSError:
                os.close(status_w)  # the parent gave up; the child is still reaped below


def _report_ended_children(status_of):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            return
        status_w = status_of.pop(pid, None)
        if status_w is not None:
            try:
                write_signed(status_w, os.waitstatus_to_exitcode(status))
            except OSError:
                pass
            os.close(status_w)


def _run_child(data_r, passed, originals):
    # In the forked child: the descriptors the parent's pickles name go back under their
    # numbers there (any of ours in the way moves first); then spawn's steps.
    keep = [data_r] + list(passed)
    for index, target in enumerate(originals):
        for other in range(len(keep)):
            if keep[other] == target and other != index + 1:
                keep[other] = os.dup(keep[other])
                os.close(target)
        source = keep[index + 1]
        if source != target:
            os.dup2(source, target)
            os.close(source)
            keep[index + 1] = target
    data_r = keep[0]
    data = spawn.read_all(data_r)
    os.close(data_r)
    stream = io.BytesIO(data)
    spawn.prepare(reduction.pickle.load(stream))
    process_obj = reduction.pickle.load(stream)
    return process_obj._bootstrap()


_forkserver = ForkServer()
ensure_running = _forkserver.ensure_running
connect_to_new_process = _forkserver.connect_to_new_process
set_forkserver_preload = _forkserver.set_forkserver_preload
