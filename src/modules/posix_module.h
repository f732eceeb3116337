// posix_module.h — what the two halves of the native `posix` module share (CPython's
// posixmodule.c, under which its Lib/os.py runs): path arguments, file-name decoding, OSError.
#pragma once

#include <fcntl.h>

#include <cerrno>
#include <string>

#include "modules/signals.h"
#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/object.h"
#include "runtime/thread_state.h"

namespace minipy {

// A path argument as CPython's path_converter reads it: str, bytes or os.PathLike (its
// __fspath__), or an open file descriptor where the function accepts one.
struct PathArg {
    Ref object;             // OSError.filename: the str or bytes os.fspath gave, or the fd
    std::string path;       // the encoded name (UTF-8, surrogates escaped back to bytes)
    bool is_bytes = false;  // names read from it come back as bytes
    int fd = -1;            // set when an int was passed and allowed
};

// `o` as a path for function `fname`, argument `arg`; allow_fd/allow_none widen what it accepts
// (None gives "."). Raises CPython's TypeError otherwise, ValueError for an embedded null.
PathArg path_arg(const char* fname, const char* arg, Object* o, bool allow_fd = false,
                 bool allow_none = false);

// os.fspath(o): str and bytes as they are, else type(o).__fspath__(o).
Ref fspath(Object* o);

// A file name read from the system, as str (UTF-8, bad bytes escaped) or as bytes.
Ref decode_name(const std::string& name, bool as_bytes);

// Raises the OSError subclass for the current errno, with filename (and filename2) when given.
[[noreturn]] void raise_errno(Object* filename = nullptr, Object* filename2 = nullptr);

// Runs a blocking system call with the GIL released, again when a signal interrupts it (PEP 475),
// once the signal's Python handlers have run; returns its result, or -1 with errno set.
template <typename Call>
auto retry_on_eintr(Call call) {
    for (;;) {
        decltype(call()) result;
        {
            AllowThreads unblocked(BlockReason::IO);
            result = call();
        }
        if (result >= 0 || errno != EINTR) return result;
        check_signals();  // the handlers run (and may raise) before the retry, as PEP 475 asks
    }
}

// The `fd` argument as a C int, with CPython's range errors.
int fd_arg(Object* o);
// CPython's PyObject_AsFileDescriptor, with its errors: an int, or an object with fileno() (select,
// termios).
int object_as_fd(Object* o);

// An int argument as a C int, with CPython's "signed integer is greater than maximum".
int posix_int_arg(Object* o);
// (a, b) as a tuple of ints: pipe's fds, waitpid's (pid, status).
Ref int_pair(int64_t a, int64_t b);

// dir_fd=None or a directory's fd, to which a relative path is taken: every path function runs on
// the *at() system call, with AT_FDCWD (the current directory) when no dir_fd is given.
int dir_fd_arg(Object* o);
// Raises ValueError when a path given as an fd comes with a dir_fd too.
void check_dir_fd_path(const char* fname, const PathArg& p, int dir_fd);
// The *at() flag for follow_symlinks.
inline int follow_flag(bool follow) { return follow ? 0 : AT_SYMLINK_NOFOLLOW; }

// Small helpers each posix_*.cpp file uses.
inline int int_arg(Object* o) { return posix_int_arg(o); }
// Raises OSError (from errno) unless a system call's result says it succeeded.
inline void check(int result) {
    if (result < 0) raise_errno();
}

// fsync, fdatasync, fchdir: one file descriptor (an int or an object with fileno(), also by the
// keyword `fd`, as CPython's argument clinic takes it) to a call that returns -1 with errno set.
template <int (*Call)(int), const char* const* Name>
Ref fd_call(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd"};
    Object* a[1];
    bind_args(*Name, args, nargs, kw, kNames, 1, 1, a);
    int fd = object_as_fd(a[0]);
    check(retry_on_eintr([&] { return Call(fd); }));
    return Ref::borrow(None);
}

// A function of one int argument whose result is an int, or -1 with errno set: getpgid, getsid,
// sched_get_priority_min/max. `Name` (a pointer to the function's name) is for argument errors.
template <int (*Query)(int), const char* const* Name>
Ref int_query(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional(*Name, nargs, kw, 1, 1);
    int result = Query(int_arg(args[0]));
    check(result);
    return int_from_i64(result);
}

// Adds the stat family, listdir, scandir/DirEntry and the other path functions (posix_files.cpp).
void add_posix_file_functions(Object* module);
// Adds fork, wait, exec, kill, system and the process ids (posix_process.cpp).
void add_posix_process_functions(Object* module);
// Adds chown and kin, statvfs, mkfifo/mknod and the device-number functions (posix_nodes.cpp).
void add_posix_node_functions(Object* module);
// Adds the set*id family, scheduling, pread/pwrite, sendfile, eventfd and kin (posix_system.cpp).
void add_posix_system_functions(Object* module);

}  // namespace minipy
