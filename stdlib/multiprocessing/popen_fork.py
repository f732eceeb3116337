# popen_fork.py — the 'fork' start method: the child is this interpreter at the moment of the fork,
# runs the process object's run() and leaves through os._exit(), so nothing of the parent's script
# runs twice. The parent follows the child through its pid and a sentinel: the read end of a pipe
# whose only write end the child holds, so it becomes readable when the child ends, however it ends.
import os
import signal
import sys
import time


class Popen:
    method = "fork"

    def __init__(self, process_obj):
        # What this process printed comes out before anything the child prints, whatever the
        # start method (CPython flushes here too).
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, ValueError):
                pass
        self.returncode = None
        self.pid = None
        self.sentinel = None
        self._launch(process_obj)

    def _launch(self, process_obj):
        parent_r, child_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(parent_r)
                code = process_obj._bootstrap()
            finally:
                os._exit(code)
        os.close(child_w)
        self.pid = pid
        self.sentinel = parent_r

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, flag)
            except ChildProcessError:
                # Another thread reaped the child first (Process.start's cleanup of ended children
                # can race a join()): its returncode, or None until that thread has set it, as
                # CPython's poll() answers.
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout=None):
        # With a timeout, the sentinel says when the child has ended; then it is reaped.
        if self.returncode is None and timeout is not None:
            from multiprocessing.connection import wait
            if not wait([self.sentinel], timeout):
                return None
        return self.poll(0)

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self):
        self._send_signal(signal.SIGTERM)

    def kill(self):
        self._send_signal(signal.SIGKILL)

    def close(self):
        if self.sentinel is not None:
            os.close(self.sentinel)
            self.sentinel = None
