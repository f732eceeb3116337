# popen_forkserver.py — the parent's side of the 'forkserver' start method: the same pickles as
# spawn's (popen_spawn.py), written to a child that the fork server forks (forkserver.py). The
# child is the server's, not ours: its pid and then its exit code come through the sentinel.
import os
from multiprocessing import forkserver, popen_spawn
from multiprocessing.connection import wait_readable, write_all


class Popen(popen_spawn.Popen):
    method = "forkserver"

    def _launch(self, process_obj):
        data = self._pickled(process_obj)
        self.sentinel, data_w = forkserver.connect_to_new_process(self._fds)
        try:
            write_all(data_w, data)
        except BrokenPipeError:
            pass  # the child died at start-up; its exit code says so
        finally:
            os.close(data_w)
        self.pid = forkserver.read_signed(self.sentinel)

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            if flag == os.WNOHANG and not wait_readable(self.sentinel, 0):
                return None
            try:
                self.returncode = forkserver.read_signed(self.sentinel)
            except (OSError, EOFError):
                # The server died before it could say.
                self.returncode = 255
        return self.returncode
