// os_module.cpp — a minimal native `os`: the process calls multiprocessing is built on (fork, waitpid,
// kill, pipes over raw file descriptors) plus getpid/cpu_count/remove. Blocking calls let go of the GIL.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/thread_state.h"
#include "vm/module.h"

namespace minipy {

namespace {

using Args = Object* const*;

[[noreturn]] void raise_errno(const std::string& filename = "") {
    raise_object(os_error_new(errno, filename));
}

int int_arg(Object* o) { return static_cast<int>(as_index(o)); }

// Runs a blocking system call with the GIL released, again when a signal interrupts it (PEP 475),
// and raises OSError when it fails.
template <typename Call>
auto blocking_call(Call call) {
    for (;;) {
        decltype(call()) result;
        {
            AllowThreads unblocked(BlockReason::IO);
            result = call();
        }
        if (result >= 0) return result;
        if (errno != EINTR) raise_errno();
    }
}

Ref int_pair(int64_t a, int64_t b) {
    Ref first = int_from_i64(a);
    Ref second = int_from_i64(b);
    Object* items[] = {first.get(), second.get()};
    return tuple_from(items, 2);
}

Ref os_getpid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getpid", nargs, kw, 0, 0);
    return int_from_i64(getpid());
}

Ref os_getppid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getppid", nargs, kw, 0, 0);
    return int_from_i64(getppid());
}

// The C streams are flushed first so text buffered before the fork is written once, by the parent,
// not a second time by the child when it exits. Other threads are held still across the fork.
Ref os_fork(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("fork", nargs, kw, 0, 0);
    std::fflush(nullptr);
    stop_the_world();  // no other thread may hold an object's lock at the moment of the fork
    pid_t pid = fork();
    if (pid == 0) {
        after_fork_child();
    } else {
        int error = errno;
        start_the_world();
        errno = error;
        if (pid < 0) raise_errno();
    }
    return int_from_i64(pid);
}

// Ends the process at once: no atexit handlers, no flush of the C streams (CPython's os._exit).
Ref os_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_exit", nargs, kw, 1, 1);
    _exit(int_arg(args[0]));
}

// waitpid(pid, options) -> (pid, status); (0, 0) with WNOHANG while the child still runs.
Ref os_waitpid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("waitpid", nargs, kw, 2, 2);
    pid_t pid = int_arg(args[0]);
    int options = int_arg(args[1]);
    int status = 0;
    pid_t done = blocking_call([&] { return waitpid(pid, &status, options); });
    return int_pair(done, status);
}

// The exit code CPython's os.waitstatus_to_exitcode gives: the status, or minus the signal number.
Ref os_waitstatus_to_exitcode(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("waitstatus_to_exitcode", nargs, kw, 1, 1);
    int status = int_arg(args[0]);
    if (WIFEXITED(status)) return int_from_i64(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return int_from_i64(-WTERMSIG(status));
    raise(&ValueError_type, format("invalid wait status: %d", status));
}

Ref os_kill(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("kill", nargs, kw, 2, 2);
    if (kill(int_arg(args[0]), int_arg(args[1])) < 0) raise_errno();
    return Ref::borrow(None);
}

// Both ends are close-on-exec, as CPython makes them (PEP 446).
Ref os_pipe(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("pipe", nargs, kw, 0, 0);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) raise_errno();
    return int_pair(fds[0], fds[1]);
}

Ref os_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs, kw, 2, 2);
    int fd = int_arg(args[0]);
    int64_t n = as_index(args[1]);
    if (n < 0) raise(&ValueError_type, "negative count");
    std::string buffer(static_cast<size_t>(n), '\0');
    ssize_t got = blocking_call([&] { return read(fd, buffer.data(), buffer.size()); });
    buffer.resize(static_cast<size_t>(got));
    return bytes_new(buffer);
}

Ref os_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs, kw, 2, 2);
    int fd = int_arg(args[0]);
    std::string data = bytes_like_data(args[1]);
    ssize_t put = blocking_call([&] { return write(fd, data.data(), data.size()); });
    return int_from_i64(put);
}

Ref os_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    if (close(int_arg(args[0])) < 0) raise_errno();
    return Ref::borrow(None);
}

Ref os_cpu_count(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("cpu_count", nargs, kw, 0, 0);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? int_from_i64(n) : Ref::borrow(None);
}

Ref os_remove(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("remove", nargs, kw, 1, 1);
    const std::string& path = expect_str(args[0], "remove")->utf8;
    if (unlink(path.c_str()) < 0) raise_errno(path);
    return Ref::borrow(None);
}

Ref os_getcwd(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getcwd", nargs, kw, 0, 0);
    char buffer[4096];
    if (!getcwd(buffer, sizeof buffer)) raise_errno();
    return str_new(buffer);
}

const MethodDef kOsFunctions[] = {
    {"getpid", os_getpid, "Return the current process id."},
    {"getppid", os_getppid, "Return the parent's process id."},
    {"fork", os_fork, "Fork a child process: 0 in the child, the child's pid in the parent."},
    {"_exit", os_exit, "Exit to the system with the given status, without cleanup."},
    {"waitpid", os_waitpid, "Wait for a child process to finish: (pid, status)."},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, "Convert a wait status to an exit code."},
    {"kill", os_kill, "Send a signal to a process."},
    {"pipe", os_pipe, "Create a pipe: a pair of file descriptors (r, w)."},
    {"read", os_read, "Read at most n bytes from a file descriptor."},
    {"write", os_write, "Write a bytes-like object to a file descriptor; return the count written."},
    {"close", os_close, "Close a file descriptor."},
    {"cpu_count", os_cpu_count, "Return the number of CPUs online, or None."},
    {"remove", os_remove, "Remove a file."},
    {"getcwd", os_getcwd, "Return the current working directory."},
    {nullptr, nullptr, nullptr},
};

const struct {
    const char* name;
    int value;
} kOsConstants[] = {{"WNOHANG", WNOHANG}};

}  // namespace

Ref init_os_module() {
    Ref module = native_module_new("os", kOsFunctions);
    Dict* d = module_dict(module.get());
    for (const auto& c : kOsConstants) dict_set(d, intern(c.name), int_from_i64(c.value).get());
    dict_set(d, intern("name"), str_new("posix").get());
    dict_set(d, intern("sep"), str_new("/").get());
    return module;
}

}  // namespace minipy
