"""minipy's own _posixsubprocess: fork_exec, what CPython's subprocess.Popen starts a child with.

CPython writes it in C (Modules/_posixsubprocess.c) so that nothing runs in the child between
fork and exec but system calls; here the child runs a few lines of Python over the os module,
which is enough for subprocess (and asyncio, which imports subprocess) to work.
"""

import os
import signal


def _child_failed(errpipe_write, err, where):
    # The parent's Popen reads "ExceptionName:hex errno:detail" from the pipe and raises it;
    # "noexec" says the failure came before exec (the parent then names cwd in the error).
    if where == "preexec_fn":
        message = b"SubprocessError:0:Exception occurred in preexec_fn."
    else:
        message = ("OSError:%x:%s" % (err, where)).encode()
    try:
        os.write(errpipe_write, message)
    finally:
        os._exit(255)


def _move_to(fd, target):
    if fd == target:
        os.set_inheritable(fd, True)
    elif fd != -1:
        os.dup2(fd, target)


def _run_child(args, executable_list, close_fds, pass_fds, cwd, env_list, p2cread, p2cwrite,
               c2pread, c2pwrite, errread, errwrite, errpipe_write, restore_signals, call_setsid,
               pgid_to_set, umask, preexec_fn):
    # pass_fds are the child's to keep: inheritable across exec, as CPython's make_inheritable.
    try:
        for fd in pass_fds:
            if fd != errpipe_write:
                os.set_inheritable(fd, True)
    except OSError as e:
        _child_failed(errpipe_write, e.errno, "noexec")
    for fd in (p2cwrite, c2pread, errread):
        if fd != -1:
            os.close(fd)
    # Keep the child's ends clear of 0-2 before dup2 puts them there.
    if c2pwrite == 0:
        c2pwrite = os.dup(c2pwrite)
    while errwrite in (0, 1):
        errwrite = os.dup(errwrite)
    _move_to(p2cread, 0)
    _move_to(c2pwrite, 1)
    _move_to(errwrite, 2)
    try:
        if cwd is not None:
            os.chdir(cwd)
        if umask >= 0:
            os.umask(umask)
        if restore_signals:
            for name in ("SIGPIPE", "SIGXFSZ"):
                if hasattr(signal, name):
                    signal.signal(getattr(signal, name), signal.SIG_DFL)
        if call_setsid:
            os.setsid()
        if pgid_to_set >= 0:
            os.setpgid(0, pgid_to_set)
    except OSError as e:
        _child_failed(errpipe_write, e.errno, "noexec")
    if preexec_fn is not None:
        try:
            preexec_fn()
        except BaseException:
            _child_failed(errpipe_write, 0, "preexec_fn")
    if close_fds:
        keep = set(pass_fds)
        for fd in range(3, 1024):
            if fd not in keep and fd != errpipe_write:
                try:
                    os.close(fd)
                except OSError:
                    pass
    env = None
    if env_list is not None:
        env = dict(entry.split(b"=", 1) for entry in env_list)
    # As CPython: report the first error that is not "not found here", else the last one.
    first_error = last_error = 0
    for executable in executable_list:
        try:
            if env is None:
                os.execv(executable, args)
            else:
                os.execve(executable, args, env)
        except OSError as e:
            last_error = e.errno
            if first_error == 0 and e.errno not in (2, 20):  # ENOENT, ENOTDIR
                first_error = e.errno
    _child_failed(errpipe_write, first_error or last_error, "")


def fork_exec(args, executable_list, close_fds, pass_fds, cwd, env_list, p2cread, p2cwrite,
              c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals,
              call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn,
              allow_vfork=False):
    """Fork a child and exec the program in it; return the child's pid."""
    if gid is not None or extra_groups is not None or uid is not None:
        raise NotImplementedError("minipy's subprocess cannot change user or group ids")
    pid = os.fork()
    if pid == 0:
        try:
            _run_child(args, executable_list, close_fds, pass_fds, cwd, env_list, p2cread,
                       p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_write,
                       restore_signals, call_setsid, pgid_to_set, child_umask, preexec_fn)
        finally:
            os._exit(255)
    return pid
