// posix_module.cpp — the native `posix` module with CPython's interface, under which CPython's own
// Lib/os.py runs: file descriptors, the environment, system facts, and the module's table. The path
// functions (stat, listdir, scandir, mkdir, ...) are in posix_files.cpp and posix_nodes.cpp, the
// processes in posix_process.cpp. Blocking calls let go of the GIL.
#include "modules/posix_module.h"

#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <vector>

#include "modules/registry.h"
#include "modules/structseq.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

extern char** environ;

namespace minipy {

// ---- shared with posix_files.cpp ----

// A str or bytes, or an instance of a subclass (pdb's _ScriptTarget is a str subclass), as CPython's
// os.fspath accepts.
namespace {
bool is_path_string(Object* o) { return is_instance(o, &str_type) || is_instance(o, &bytes_type); }
}  // namespace

Ref fspath(Object* o) {
    if (is_path_string(o)) return Ref::borrow(o);
    Ref method = type_lookup(type_of(o), intern("__fspath__"));
    if (!method || method.get() == None)
        raise(&TypeError_type,
              format("expected str, bytes or os.PathLike object, not %s", type_of(o)->name.c_str()));
    Ref result = call(method.get(), &o, 1);
    if (!is_path_string(result.get()))
        raise(&TypeError_type, format("expected %s.__fspath__() to return str or bytes, not %s",
                                      type_of(o)->name.c_str(), type_of(result.get())->name.c_str()));
    return result;
}

PathArg path_arg(const char* fname, const char* arg, Object* o, bool allow_fd, bool allow_none) {
    PathArg p;
    p.object = Ref::borrow(o && o != None ? o : nullptr);
    if (allow_none && (!o || o == None)) {
        p.path.push_back('.');  // None: the current directory
        return p;
    }
    if (allow_fd && is_int(o)) {
        p.fd = fd_arg(o);
        return p;
    }
    bool path_like = is_path_string(o) || type_lookup(type_of(o), intern("__fspath__"));
    if (!path_like) {
        const char* what = allow_fd && allow_none ? "string, bytes, os.PathLike, integer or None"
                           : allow_fd             ? "string, bytes, os.PathLike or integer"
                           : allow_none           ? "string, bytes, os.PathLike or None"
                                                  : "string, bytes or os.PathLike";
        raise(&TypeError_type,
              format("%s: %s should be %s, not %s", fname, arg, what, type_of(o)->name.c_str()));
    }
    Ref name = fspath(o);
    p.object = name;
    p.is_bytes = is_instance(name.get(), &bytes_type);
    p.path = p.is_bytes ? bytes_data(name.get()) : str_encode(name.get(), nullptr, intern("surrogateescape"));
    if (p.path.find('\0') != std::string::npos) raise(&ValueError_type, "embedded null byte");
    return p;
}

Ref decode_name(const std::string& name, bool as_bytes) {
    if (as_bytes) return bytes_new(name);
    return bytes_decode(name, nullptr, intern("surrogateescape"));
}

void raise_errno(Object* filename, Object* filename2) {
    int error = errno;
    Ref exc = os_error_new(error, "");
    if (filename) set_attr(exc.get(), intern("filename"), filename);
    if (filename2) set_attr(exc.get(), intern("filename2"), filename2);
    raise_object(exc);
}

int fd_arg(Object* o) {
    int64_t v = as_index(o);
    if (v > INT_MAX) raise(&OverflowError_type, "fd is greater than maximum");
    if (v < INT_MIN) raise(&OverflowError_type, "fd is less than minimum");
    return static_cast<int>(v);
}

int object_as_fd(Object* o) {
    int64_t fd;
    if (is_int(o)) {
        fd = as_index(o);
    } else if (Ref fileno = get_attr_opt(o, intern("fileno"))) {
        fd = as_index(call0(fileno.get()).get());
    } else {
        raise(&TypeError_type, "argument must be an int, or have a fileno() method.");
    }
    if (fd < 0)
        raise(&ValueError_type,
              format("file descriptor cannot be a negative integer (%lld)", static_cast<long long>(fd)));
    return static_cast<int>(fd);
}

int dir_fd_arg(Object* o) {
    if (!o || o == None) return AT_FDCWD;
    if (!is_int(o))
        raise(&TypeError_type,
              format("argument should be integer or None, not %s", type_of(o)->name.c_str()));
    return fd_arg(o);
}

void check_dir_fd_path(const char* fname, const PathArg& p, int dir_fd) {
    if (p.fd >= 0 && dir_fd != AT_FDCWD)
        raise(&ValueError_type, format("%s: can't specify dir_fd without matching path", fname));
}

int posix_int_arg(Object* o) {
    int64_t v = as_index(o);
    if (v > INT_MAX || v < INT_MIN)
        raise(&OverflowError_type,
              v > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
    return static_cast<int>(v);
}

Ref int_pair(int64_t a, int64_t b) {
    Object* items[] = {int_from_i64(a).release(), int_from_i64(b).release()};
    Ref t = tuple_from(items, 2);
    decref(items[0]);
    decref(items[1]);
    return t;
}

namespace {

using Args = Object* const*;
Ref none() { return Ref::borrow(None); }

// ---- file descriptors ----

// Both ends are close-on-exec, as CPython makes them (PEP 446).
Ref posix_pipe(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("pipe", nargs, kw, 0, 0);
    int fds[2];
    check(pipe2(fds, O_CLOEXEC));
    return int_pair(fds[0], fds[1]);
}

// A pseudo-terminal: (master, slave), both close-on-exec (PEP 446), for pty.py and tty tests.
Ref posix_openpty(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("openpty", nargs, kw, 0, 0);
    int master, slave;
    check(openpty(&master, &slave, nullptr, nullptr, nullptr));
    for (int fd : {master, slave}) fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
    return int_pair(master, slave);
}

Ref posix_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs, kw, 2, 2);
    int fd = fd_arg(args[0]);
    int64_t n = as_index(args[1]);
    if (n < 0) {
        errno = EINVAL;
        raise_errno();
    }
    std::string buffer(static_cast<size_t>(n), '\0');
    ssize_t got = retry_on_eintr([&] { return read(fd, buffer.data(), buffer.size()); });
    check(static_cast<int>(got));
    buffer.resize(static_cast<size_t>(got));
    return bytes_new(buffer);
}

Ref posix_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs, kw, 2, 2);
    int fd = fd_arg(args[0]);
    // Any buffer, as CPython's: a memoryview is written as the bytes it shows.
    Ref shown = is_instance(args[1], &memoryview_type) ? call0(get_attr(args[1], intern("tobytes")).get())
                                                       : Ref::borrow(args[1]);
    std::string data = bytes_like_data(shown.get());
    ssize_t put = retry_on_eintr([&] { return write(fd, data.data(), data.size()); });
    check(static_cast<int>(put));
    return int_from_i64(put);
}

Ref posix_close(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd"};
    Object* a[1];
    bind_args("close", args, nargs, kw, kNames, 1, 1, a);
    check(close(fd_arg(a[0])));
    return none();
}

Ref posix_closerange(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("closerange", nargs, kw, 2, 2);
    for (int fd = fd_arg(args[0]), end = fd_arg(args[1]); fd < end; ++fd) close(fd);
    return none();
}

Ref posix_dup(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("dup", nargs, kw, 1, 1);
    int fd = fcntl(fd_arg(args[0]), F_DUPFD_CLOEXEC, 0);
    check(fd);
    return int_from_i64(fd);
}

// dup2(fd, fd2, inheritable=True): unlike dup, the copy is inheritable unless asked otherwise.
Ref posix_dup2(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd", "fd2", "inheritable"};
    Object* a[3];
    bind_args("dup2", args, nargs, kw, kNames, 3, 2, a);
    bool inheritable = !a[2] || is_true(a[2]);
    int fd = dup3(fd_arg(a[0]), fd_arg(a[1]), inheritable ? 0 : O_CLOEXEC);
    if (fd < 0 && errno == EINVAL && fd_arg(a[0]) == fd_arg(a[1]))
        fd = fd_arg(a[1]);  // dup3 refuses fd == fd2
    check(fd);
    return int_from_i64(fd);
}

Ref posix_lseek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("lseek", nargs, kw, 3, 3);
    off_t at = lseek(fd_arg(args[0]), static_cast<off_t>(as_index(args[1])), int_arg(args[2]));
    if (at < 0) raise_errno();
    return int_from_i64(at);
}

Ref posix_ftruncate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("ftruncate", nargs, kw, 2, 2);
    int fd = fd_arg(args[0]);
    off_t length = static_cast<off_t>(as_index(args[1]));
    check(retry_on_eintr([&] { return ftruncate(fd, length); }));
    return none();
}

Ref posix_isatty(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("isatty", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(isatty(fd_arg(args[0])) == 1));
}

// The encoding of a terminal (the locale's, UTF-8 here), None for anything else.
Ref posix_device_encoding(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd"};
    Object* a[1];
    bind_args("device_encoding", args, nargs, kw, kNames, 1, 1, a);
    return isatty(fd_arg(a[0])) == 1 ? str_new("UTF-8") : none();
}

int fd_flags(Object* fd_object, int get, const char* fname, size_t nargs, Tuple* kw, size_t want) {
    check_positional(fname, nargs, kw, want, want);
    int flags = fcntl(fd_arg(fd_object), get);
    check(flags);
    return flags;
}

Ref posix_get_inheritable(Object*, Args args, size_t nargs, Tuple* kw) {
    int flags = fd_flags(nargs ? args[0] : None, F_GETFD, "get_inheritable", nargs, kw, 1);
    return Ref::borrow(bool_obj(!(flags & FD_CLOEXEC)));
}

Ref posix_set_inheritable(Object*, Args args, size_t nargs, Tuple* kw) {
    int flags = fd_flags(nargs ? args[0] : None, F_GETFD, "set_inheritable", nargs, kw, 2);
    flags = is_true(args[1]) ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
    check(fcntl(fd_arg(args[0]), F_SETFD, flags));
    return none();
}

Ref posix_get_blocking(Object*, Args args, size_t nargs, Tuple* kw) {
    int flags = fd_flags(nargs ? args[0] : None, F_GETFL, "get_blocking", nargs, kw, 1);
    return Ref::borrow(bool_obj(!(flags & O_NONBLOCK)));
}

Ref posix_set_blocking(Object*, Args args, size_t nargs, Tuple* kw) {
    int flags = fd_flags(nargs ? args[0] : None, F_GETFL, "set_blocking", nargs, kw, 2);
    flags = is_true(args[1]) ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    check(fcntl(fd_arg(args[0]), F_SETFL, flags));
    return none();
}

// ---- the environment ----

Ref posix_putenv(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("putenv", nargs, kw, 2, 2);
    PathArg name = path_arg("putenv", "name", args[0]);
    PathArg value = path_arg("putenv", "value", args[1]);
    if (name.path.empty() || name.path.find('=') != std::string::npos)
        raise(&ValueError_type, "illegal environment variable name");
    check(setenv(name.path.c_str(), value.path.c_str(), 1));
    return none();
}

Ref posix_unsetenv(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unsetenv", nargs, kw, 1, 1);
    PathArg name = path_arg("unsetenv", "name", args[0]);
    if (name.path.empty() || name.path.find('=') != std::string::npos)
        raise(&ValueError_type, "illegal environment variable name");
    check(unsetenv(name.path.c_str()));
    return none();
}

// posix.environ: the environment at start-up as a dict of bytes to bytes; os.py wraps it.
Ref environ_dict() {
    Ref d = dict_new();
    for (char** e = environ; e && *e; ++e) {
        const char* eq = std::strchr(*e, '=');
        if (!eq || eq == *e) continue;
        Ref key = bytes_new(std::string_view(*e, static_cast<size_t>(eq - *e)));
        if (dict_get(as_dict(d.get()), key.get())) continue;  // the first of duplicates wins, as CPython
        dict_set(as_dict(d.get()), key.get(), bytes_new(eq + 1).get());
    }
    return d;
}

// ---- facts about the system ----

Ref posix_cpu_count(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("cpu_count", nargs, kw, 0, 0);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? int_from_i64(n) : none();
}

Ref posix_urandom(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("urandom", nargs, kw, 1, 1);
    int64_t n = as_index(args[0]);
    if (n < 0) raise(&ValueError_type, "negative argument not allowed");
    std::string buffer(static_cast<size_t>(n), '\0');
    for (size_t done = 0; done < buffer.size();) {
        ssize_t got = getrandom(buffer.data() + done, buffer.size() - done, 0);
        if (got < 0 && errno == EINTR) continue;
        check(static_cast<int>(got));
        done += static_cast<size_t>(got);
    }
    return bytes_new(buffer);
}

Ref posix_strerror(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("strerror", nargs, kw, 1, 1);
    return str_new(std::strerror(int_arg(args[0])));
}

Ref posix_umask(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("umask", nargs, kw, 1, 1);
    return int_from_i64(umask(static_cast<mode_t>(int_arg(args[0]))));
}

const char* const kUnameFields[] = {"sysname", "nodename", "release", "version", "machine"};
StructSeqType uname_result_type{"posix", "uname_result", kUnameFields, 5, 5};

Ref posix_uname(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("uname", nargs, kw, 0, 0);
    struct utsname u;
    check(uname(&u));
    Object* values[] = {str_new(u.sysname).release(), str_new(u.nodename).release(),
                        str_new(u.release).release(), str_new(u.version).release(),
                        str_new(u.machine).release()};
    return structseq_new(uname_result_type, values);
}

const char* const kTimesFields[] = {"user", "system", "children_user", "children_system", "elapsed"};
StructSeqType times_result_type{"posix", "times_result", kTimesFields, 5, 5};

Ref posix_times(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("times", nargs, kw, 0, 0);
    struct tms t;
    clock_t elapsed = times(&t);
    if (elapsed == static_cast<clock_t>(-1)) raise_errno();
    double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    Object* values[] = {float_new(static_cast<double>(t.tms_utime) / tick).release(),
                        float_new(static_cast<double>(t.tms_stime) / tick).release(),
                        float_new(static_cast<double>(t.tms_cutime) / tick).release(),
                        float_new(static_cast<double>(t.tms_cstime) / tick).release(),
                        float_new(static_cast<double>(elapsed) / tick).release()};
    return structseq_new(times_result_type, values);
}

const char* const kTerminalSizeFields[] = {"columns", "lines"};
StructSeqType terminal_size_type{"os", "terminal_size", kTerminalSizeFields, 2, 2};

Ref posix_get_terminal_size(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_terminal_size", nargs, kw, 0, 1);
    int fd = nargs ? fd_arg(args[0]) : STDOUT_FILENO;
    struct winsize w;
    check(ioctl(fd, TIOCGWINSZ, &w));
    Object* values[] = {int_from_i64(w.ws_col).release(), int_from_i64(w.ws_row).release()};
    return structseq_new(terminal_size_type, values);
}

struct NamedInt {
    const char* name;
    long value;
};

// The sysconf names CPython's posix.sysconf_names offers that scripts ask for.
const NamedInt kSysconfNames[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX},
    {"SC_CHILD_MAX", _SC_CHILD_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK},
    {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
    {"SC_OPEN_MAX", _SC_OPEN_MAX},
    {"SC_PAGESIZE", _SC_PAGESIZE},
    {"SC_PAGE_SIZE", _SC_PAGE_SIZE},
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
    {"SC_LINE_MAX", _SC_LINE_MAX},
    {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX},
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},
};

Ref posix_sysconf(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("sysconf", nargs, kw, 1, 1);
    int name = -1;
    if (is_str(args[0])) {
        for (const NamedInt& n : kSysconfNames)
            if (str_utf8_of(args[0]) == n.name) name = static_cast<int>(n.value);
        if (name < 0) raise(&ValueError_type, "unrecognized configuration name");
    } else {
        name = int_arg(args[0]);
    }
    errno = 0;
    long value = sysconf(name);
    if (value == -1 && errno) raise_errno();
    return int_from_i64(value);
}

const NamedInt kConfstrNames[] = {
    {"CS_PATH", _CS_PATH},
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
};

// confstr(name): a string-valued system configuration value, or None when it has none.
Ref posix_confstr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("confstr", nargs, kw, 1, 1);
    int name = -1;
    if (is_str(args[0])) {
        for (const NamedInt& n : kConfstrNames)
            if (str_utf8_of(args[0]) == n.name) name = static_cast<int>(n.value);
        if (name < 0) raise(&ValueError_type, "unrecognized configuration name");
    } else {
        name = int_arg(args[0]);
    }
    errno = 0;
    size_t size = confstr(name, nullptr, 0);
    if (size == 0) {
        if (errno) raise_errno();
        return none();
    }
    std::string value(size, '\0');
    confstr(name, value.data(), size);
    value.resize(size - 1);
    return str_new(value);
}

const char* const kFsyncName = "fsync";

const MethodDef kPosixFunctions[] = {
    {"pipe", posix_pipe, "Create a pipe: a pair of file descriptors (r, w)."},
    {"openpty", posix_openpty, "Open a pseudo-terminal, returning open fd's for both master and slave end."},
    {"read", posix_read, "Read from a file descriptor."},
    {"write", posix_write, "Write a bytes object to a file descriptor."},
    {"close", posix_close, "Close a file descriptor."},
    {"closerange", posix_closerange, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"dup", posix_dup, "Return a duplicate of a file descriptor."},
    {"dup2", posix_dup2, "Duplicate file descriptor."},
    {"lseek", posix_lseek, "Set the position of a file descriptor."},
    {"fsync", fd_call<fsync, &kFsyncName>, "Force write of fd to disk."},
    {"ftruncate", posix_ftruncate, "Truncate a file, specified by file descriptor, to a specific length."},
    {"isatty", posix_isatty, "Return True if the fd is connected to a terminal."},
    {"device_encoding", posix_device_encoding, "Return a string describing the encoding of a terminal's fd."},
    {"get_inheritable", posix_get_inheritable, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", posix_set_inheritable, "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking", posix_get_blocking, "Get the blocking mode of the file descriptor."},
    {"set_blocking", posix_set_blocking, "Set the blocking mode of the specified file descriptor."},
    {"putenv", posix_putenv, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, "Delete an environment variable."},
    {"cpu_count", posix_cpu_count, "Return the number of CPUs in the system; return None if indeterminable."},
    {"urandom", posix_urandom,
     "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"strerror", posix_strerror, "Translate an error code to a message string."},
    {"umask", posix_umask, "Set the current numeric umask and return the previous umask."},
    {"uname", posix_uname, "Return an object identifying the current operating system."},
    {"times", posix_times, "Return a collection containing process timing information."},
    {"get_terminal_size", posix_get_terminal_size,
     "Return the size of the terminal window as (columns, lines)."},
    {"sysconf", posix_sysconf, "Return an integer-valued system configuration variable."},
    {"confstr", posix_confstr, "Return a string-valued system configuration variable."},
    {nullptr, nullptr, nullptr},
};

const NamedInt kPosixConstants[] = {
    {"F_OK", F_OK},
    {"R_OK", R_OK},
    {"W_OK", W_OK},
    {"X_OK", X_OK},
    {"O_RDONLY", O_RDONLY},
    {"O_WRONLY", O_WRONLY},
    {"O_RDWR", O_RDWR},
    {"O_APPEND", O_APPEND},
    {"O_CREAT", O_CREAT},
    {"O_EXCL", O_EXCL},
    {"O_TRUNC", O_TRUNC},
    {"O_NONBLOCK", O_NONBLOCK},
    {"O_NDELAY", O_NDELAY},
    {"O_SYNC", O_SYNC},
    {"O_DSYNC", O_DSYNC},
    {"O_NOCTTY", O_NOCTTY},
    {"O_CLOEXEC", O_CLOEXEC},
    {"O_DIRECTORY", O_DIRECTORY},
    {"O_NOFOLLOW", O_NOFOLLOW},
    {"O_ACCMODE", O_ACCMODE},
    {"O_NOATIME", O_NOATIME},
    {"O_PATH", O_PATH},
    {"O_TMPFILE", O_TMPFILE},
    {"O_LARGEFILE", O_LARGEFILE},
    {"O_ASYNC", O_ASYNC},
    {"O_DIRECT", O_DIRECT},
    {"O_RSYNC", O_RSYNC},
    {"SEEK_SET", SEEK_SET},
    {"SEEK_CUR", SEEK_CUR},
    {"SEEK_END", SEEK_END},
    {"SEEK_DATA", SEEK_DATA},
    {"SEEK_HOLE", SEEK_HOLE},
    {"WNOHANG", WNOHANG},
    {"WUNTRACED", WUNTRACED},
    {"WCONTINUED", WCONTINUED},
    {"WEXITED", WEXITED},
    {"WSTOPPED", WSTOPPED},
    {"WNOWAIT", WNOWAIT},
    {"F_LOCK", F_LOCK},
    {"F_TLOCK", F_TLOCK},
    {"F_ULOCK", F_ULOCK},
    {"F_TEST", F_TEST},
    {"EX_OK", 0},
    {"EX_USAGE", 64},
    {"EX_DATAERR", 65},
    {"EX_NOINPUT", 66},
    {"EX_NOUSER", 67},
    {"EX_NOHOST", 68},
    {"EX_UNAVAILABLE", 69},
    {"EX_SOFTWARE", 70},
    {"EX_OSERR", 71},
    {"EX_OSFILE", 72},
    {"EX_CANTCREAT", 73},
    {"EX_IOERR", 74},
    {"EX_TEMPFAIL", 75},
    {"EX_PROTOCOL", 76},
    {"EX_NOPERM", 77},
    {"EX_CONFIG", 78},
    {"GRND_NONBLOCK", GRND_NONBLOCK},
    {"GRND_RANDOM", GRND_RANDOM},
};

// The HAVE_* names os.py reads to build supports_fd, supports_dir_fd and supports_follow_symlinks:
// those of CPython's Linux build whose argument this module takes (every path function runs on its
// *at() call; listdir/scandir/chdir/chmod/truncate/utime take an fd).
const char* const kHaveFunctions[] = {
    "HAVE_FACCESSAT",  "HAVE_FCHDIR",   "HAVE_FCHMOD",    "HAVE_FCHMODAT",  "HAVE_FCHOWN",   "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",  "HAVE_FSTATAT",  "HAVE_FSTATVFS",  "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LCHOWN",
    "HAVE_LINKAT",     "HAVE_LSTAT",    "HAVE_MKDIRAT",   "HAVE_MKFIFOAT",  "HAVE_MKNODAT",  "HAVE_OPENAT",
    "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT",  "HAVE_UTIMENSAT"};

void set(Dict* d, const char* name, Ref value) { dict_set(d, intern(name), value.get()); }

}  // namespace

Ref init_posix_module() {
    for (StructSeqType* t : {&uname_result_type, &times_result_type, &terminal_size_type}) structseq_init(*t);
    Ref module = native_module_new("posix", kPosixFunctions);
    Dict* d = module_dict(module.get());
    for (const NamedInt& c : kPosixConstants) set(d, c.name, int_from_i64(c.value));
    Ref sysconf_names = dict_new();
    for (const NamedInt& n : kSysconfNames)
        dict_set(as_dict(sysconf_names.get()), intern(n.name), int_from_i64(n.value).get());
    set(d, "sysconf_names", sysconf_names);
    Ref confstr_names = dict_new();
    for (const NamedInt& n : kConfstrNames)
        dict_set(as_dict(confstr_names.get()), intern(n.name), int_from_i64(n.value).get());
    set(d, "confstr_names", confstr_names);
    set(d, "environ", environ_dict());
    Ref have = list_new();
    for (const char* name : kHaveFunctions) list_append(have.get(), intern(name));
    set(d, "_have_functions", have);
    set(d, "uname_result", Ref::borrow(&uname_result_type));
    set(d, "times_result", Ref::borrow(&times_result_type));
    set(d, "terminal_size", Ref::borrow(&terminal_size_type));
    set(d, "error", Ref::borrow(&OSError_type));
    add_posix_file_functions(module.get());
    add_posix_node_functions(module.get());
    add_posix_system_functions(module.get());
    add_posix_process_functions(module.get());
    return module;
}

}  // namespace minipy
