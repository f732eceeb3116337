# popen_spawn.py — the parent's side of the 'spawn' start method (spawn.py is the child's): pickle
# the preparation data and the process object, collecting the descriptors that pickled queues, locks
# and connections name (pass_fd), then fork and at once exec a fresh interpreter that keeps exactly
# those descriptors, and write the pickles to it through a pipe. 'forkserver' sends the same
# pickles to a child of the fork server (popen_forkserver.py).
import io
import os
from multiprocessing import context, popen_fork, reduction, spawn
from multiprocessing.connection import write_all


class Popen(popen_fork.Popen):
    method = "spawn"

    def __init__(self, process_obj):
        self._fds = []
        popen_fork.Popen.__init__(self, process_obj)

    def pass_fd(self, fd):
        # The child inherits fd under the same number.
        if fd is not None:
            self._fds.append(fd)
        return fd

    def _pickled(self, process_obj):
        # What the child reads: the preparation data, then the process object.
        prep_data = spawn.get_preparation_data(process_obj._name)
        buf = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            context.set_spawning_popen(None)
        return buf.getvalue()

    def _launch(self, process_obj):
        data = self._pickled(process_obj)
        data_r, data_w = os.pipe()
        parent_r, child_w = os.pipe()
        cmd = spawn.get_command_line(data_r)
        pid = os.fork()
        if pid == 0:
            try:
                for fd in self._fds + [data_r, child_w]:
                    os.set_inheritable(fd, True)
                os.execv(cmd[0], cmd)
            finally:
                os._exit(127)
        os.close(data_r)
        os.close(child_w)
        self.pid = pid
        self.sentinel = parent_r
        try:
            write_all(data_w, data)
        except BrokenPipeError:
            pass  # the child died at start-up; its exit code says so
        finally:
            os.close(data_w)
