// posix_system.cpp — the thin wrappers of Linux system calls in CPython's posix module that the
// rest of it does not need: user and group ids, scheduling and priorities, positioned and
// zero-copy I/O, file advice, eventfd/memfd/getrandom, terminal names; and their constants.
#include <dlfcn.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/memfd.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <string>
#include <vector>

#include "modules/posix_module.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/set.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;
Ref none() { return Ref::borrow(None); }

// A uid or gid as CPython's _Py_Uid_Converter reads it: an int, -1 meaning "unchanged".
uint32_t id_arg(Object* o, const char* kind) {
    if (!is_int(o))
        raise(&TypeError_type, format("%s should be integer, not %s", kind, type_of(o)->name.c_str()));
    int64_t v;
    if (!int_to_i64(o, &v) || v > static_cast<int64_t>(UINT32_MAX) - 1)
        raise(&OverflowError_type, format("%s is greater than maximum", kind));
    if (v == -1) return static_cast<uint32_t>(-1);
    if (v < 0) raise(&OverflowError_type, format("%s is less than minimum", kind));
    return static_cast<uint32_t>(v);
}

// ---- user and group ids ----
template <int (*Set)(uid_t), const char* const* Name>
Ref set_uid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional(*Name, nargs, kw, 1, 1);
    check(Set(id_arg(args[0], "uid")));
    return none();
}
template <int (*Set)(gid_t), const char* const* Name>
Ref set_gid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional(*Name, nargs, kw, 1, 1);
    check(Set(id_arg(args[0], "gid")));
    return none();
}
const char* const kSetuid = "setuid";
const char* const kSeteuid = "seteuid";
const char* const kSetgid = "setgid";
const char* const kSetegid = "setegid";

Ref posix_setreuid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setreuid", nargs, kw, 2, 2);
    check(setreuid(id_arg(args[0], "uid"), id_arg(args[1], "uid")));
    return none();
}
Ref posix_setregid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setregid", nargs, kw, 2, 2);
    check(setregid(id_arg(args[0], "gid"), id_arg(args[1], "gid")));
    return none();
}
Ref posix_setresuid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setresuid", nargs, kw, 3, 3);
    check(setresuid(id_arg(args[0], "uid"), id_arg(args[1], "uid"), id_arg(args[2], "uid")));
    return none();
}
Ref posix_setresgid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setresgid", nargs, kw, 3, 3);
    check(setresgid(id_arg(args[0], "gid"), id_arg(args[1], "gid"), id_arg(args[2], "gid")));
    return none();
}

Ref id_triple(uint32_t a, uint32_t b, uint32_t c) {
    Object* items[] = {int_from_i64(a).release(), int_from_i64(b).release(), int_from_i64(c).release()};
    Ref t = tuple_from(items, 3);
    for (Object* o : items) decref(o);
    return t;
}
Ref posix_getresuid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getresuid", nargs, kw, 0, 0);
    uid_t r, e, s;
    check(getresuid(&r, &e, &s));
    return id_triple(r, e, s);
}
Ref posix_getresgid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getresgid", nargs, kw, 0, 0);
    gid_t r, e, s;
    check(getresgid(&r, &e, &s));
    return id_triple(r, e, s);
}

Ref posix_setgroups(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setgroups", nargs, kw, 1, 1);
    if (!type_of(args[0])->getitem || !type_of(args[0])->len)
        raise(&TypeError_type, "setgroups argument must be a sequence");
    std::vector<gid_t> groups;
    for_each_item(args[0], [&](Object* g) {
        if (!is_int(g)) raise(&TypeError_type, "groups must be integers");
        groups.push_back(id_arg(g, "gid"));
    });
    check(setgroups(groups.size(), groups.data()));
    return none();
}

Ref posix_getgrouplist(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getgrouplist", nargs, kw, 2, 2);
    std::string user = expect_str(args[0], "getgrouplist() argument 1")->utf8;
    gid_t base = id_arg(args[1], "gid");
    std::vector<gid_t> groups(64);
    int count = static_cast<int>(groups.size());
    while (getgrouplist(user.c_str(), base, groups.data(), &count) == -1) {
        groups.resize(groups.size() * 2 > static_cast<size_t>(count) ? groups.size() * 2 : count);
        count = static_cast<int>(groups.size());
    }
    Ref list = list_new();
    for (int i = 0; i < count; ++i) list_append(list.get(), int_from_i64(groups[i]).get());
    return list;
}

Ref posix_initgroups(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("initgroups", nargs, kw, 2, 2);
    Ref named = fspath(args[0]);
    PathArg user = path_arg("initgroups", "username", named.get());
    check(initgroups(user.path.c_str(), id_arg(args[1], "gid")));
    return none();
}

// ---- scheduling and priority ----
Ref posix_sched_yield(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("sched_yield", nargs, kw, 0, 0);
    check(sched_yield());
    return none();
}

Ref posix_sched_getaffinity(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("sched_getaffinity", nargs, kw, 1, 1);
    pid_t pid = static_cast<pid_t>(as_index(args[0]));
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    check(sched_getaffinity(pid, sizeof cpus, &cpus));
    Ref result = set_new_basetype(&set_type);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (!CPU_ISSET(cpu, &cpus)) continue;
        Ref n = int_from_i64(cpu);
        set_add_hashed(result.get(), n.get(), hash(n.get()));
    }
    return result;
}

Ref posix_sched_setaffinity(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("sched_setaffinity", nargs, kw, 2, 2);
    pid_t pid = static_cast<pid_t>(as_index(args[0]));
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    bool too_big = false;
    for_each_item(args[1], [&](Object* c) {
        if (!is_int(c))
            raise(&TypeError_type, format("expected an iterator of ints, but iterator yielded %s",
                                          repr_utf8(type_of(c)).c_str()));
        int64_t cpu = as_index(c);
        if (cpu < 0) raise(&ValueError_type, "negative CPU number");
        if (cpu >= CPU_SETSIZE)
            too_big = true;
        else
            CPU_SET(cpu, &cpus);
    });
    if (too_big) {
        errno = EINVAL;
        raise_errno();
    }
    check(sched_setaffinity(pid, sizeof cpus, &cpus));
    return none();
}

const char* const kPriorityMax = "sched_get_priority_max";
const char* const kPriorityMin = "sched_get_priority_min";

Ref posix_getpriority(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getpriority", nargs, kw, 2, 2);
    errno = 0;
    int value =
        getpriority(static_cast<__priority_which_t>(int_arg(args[0])), static_cast<id_t>(int_arg(args[1])));
    if (value == -1 && errno) raise_errno();
    return int_from_i64(value);
}

Ref posix_setpriority(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setpriority", nargs, kw, 3, 3);
    check(setpriority(static_cast<__priority_which_t>(int_arg(args[0])), static_cast<id_t>(int_arg(args[1])),
                      int_arg(args[2])));
    return none();
}

// ---- file descriptors ----
Ref posix_pread(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("pread", nargs, kw, 3, 3);
    int fd = fd_arg(args[0]);
    int64_t length = as_index(args[1]);
    off_t offset = as_index(args[2]);
    if (length < 0) {
        errno = EINVAL;
        raise_errno();
    }
    std::string buffer(static_cast<size_t>(length), '\0');
    ssize_t got = retry_on_eintr([&] { return pread(fd, buffer.data(), buffer.size(), offset); });
    check(static_cast<int>(got));
    buffer.resize(static_cast<size_t>(got));
    return bytes_new(buffer);
}

Ref posix_pwrite(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("pwrite", nargs, kw, 3, 3);
    int fd = fd_arg(args[0]);
    std::string data = bytes_like_data(args[1]);
    off_t offset = as_index(args[2]);
    ssize_t put = retry_on_eintr([&] { return pwrite(fd, data.data(), data.size(), offset); });
    check(static_cast<int>(put));
    return int_from_i64(put);
}

Ref posix_fchmod(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd", "mode"};
    Object* a[2];
    bind_args("fchmod", args, nargs, kw, kNames, 2, 2, a);
    int fd = fd_arg(a[0]);
    int mode = int_arg(a[1]);
    check(retry_on_eintr([&] { return fchmod(fd, static_cast<mode_t>(mode)); }));
    return none();
}

Ref posix_sync(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("sync", nargs, kw, 0, 0);
    retry_on_eintr([] {
        sync();
        return 0;
    });
    return none();
}

Ref posix_pipe2(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 1)
        raise(&TypeError_type, format("posix.pipe2() takes exactly one argument (%zu given)", nargs));
    int fds[2];
    check(pipe2(fds, int_arg(args[0])));
    return int_pair(fds[0], fds[1]);
}

Ref posix_sendfile(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"out_fd", "in_fd", "offset", "count"};
    Object* a[4];
    bind_args("sendfile", args, nargs, kw, kNames, 4, 4, a);
    int out_fd = fd_arg(a[0]), in_fd = fd_arg(a[1]);
    int64_t count = as_index(a[3]);
    if (count < 0) count = 0;
    ssize_t sent;
    if (a[2] == None) {
        sent = retry_on_eintr([&] { return sendfile(out_fd, in_fd, nullptr, static_cast<size_t>(count)); });
    } else {
        off_t offset = as_index(a[2]);
        sent = retry_on_eintr([&] { return sendfile(out_fd, in_fd, &offset, static_cast<size_t>(count)); });
    }
    check(static_cast<int>(sent));
    return int_from_i64(sent);
}

Ref posix_lockf(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("lockf", nargs, kw, 3, 3);
    int fd = fd_arg(args[0]), command = int_arg(args[1]);
    off_t length = as_index(args[2]);
    check(retry_on_eintr([&] { return lockf(fd, command, length); }));
    return none();
}

// posix_fadvise and posix_fallocate return the error number rather than setting errno: `call`'s
// result is checked as one that did, retried on EINTR.
template <typename Call>
void check_returned_error(Call call) {
    check(retry_on_eintr([&] {
        errno = call();
        return errno ? -1 : 0;
    }));
}

Ref posix_fadvise_call(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("posix_fadvise", nargs, kw, 4, 4);
    int fd = fd_arg(args[0]);
    off_t offset = as_index(args[1]), length = as_index(args[2]);
    int advice = int_arg(args[3]);
    check_returned_error([&] { return posix_fadvise(fd, offset, length, advice); });
    return none();
}

Ref posix_fallocate_call(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("posix_fallocate", nargs, kw, 3, 3);
    int fd = fd_arg(args[0]);
    off_t offset = as_index(args[1]), length = as_index(args[2]);
    check_returned_error([&] { return posix_fallocate(fd, offset, length); });
    return none();
}

Ref posix_ttyname(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("ttyname", nargs, kw, 1, 1);
    char name[256];
    int err = ttyname_r(int_arg(args[0]), name, sizeof name);
    if (err) {
        errno = err;
        raise_errno();
    }
    return decode_name(name, false);
}

Ref posix_ctermid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("ctermid", nargs, kw, 0, 0);
    char name[L_ctermid];
    if (!ctermid(name)) raise_errno();
    return decode_name(name, false);
}

// ---- kernel objects and randomness ----
Ref posix_getrandom(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"size", "flags"};
    Object* a[2] = {};
    bind_args("getrandom", args, nargs, kw, kNames, 2, 1, a);
    int64_t size = as_index(a[0]);
    int flags = a[1] ? int_arg(a[1]) : 0;
    if (size < 0) {
        errno = EINVAL;
        raise_errno();
    }
    std::string buffer(static_cast<size_t>(size), '\0');
    ssize_t got = retry_on_eintr([&] { return getrandom(buffer.data(), buffer.size(), flags); });
    check(static_cast<int>(got));
    buffer.resize(static_cast<size_t>(got));
    return bytes_new(buffer);
}

Ref posix_memfd_create(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"name", "flags"};
    Object* a[2] = {};
    bind_args("memfd_create", args, nargs, kw, kNames, 2, 1, a);
    Ref named = fspath(a[0]);  // PyUnicode_FSConverter's TypeError, not path_converter's
    PathArg name = path_arg("memfd_create", "name", named.get());
    unsigned flags = a[1] ? static_cast<unsigned>(int_arg(a[1])) : MFD_CLOEXEC;
    int fd = memfd_create(name.path.c_str(), flags);
    check(fd);
    return int_from_i64(fd);
}

Ref posix_eventfd(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"initval", "flags"};
    Object* a[2] = {};
    bind_args("eventfd", args, nargs, kw, kNames, 2, 1, a);
    int64_t initval = as_index(a[0]);
    if (initval < 0 || initval > UINT_MAX)
        raise(&OverflowError_type, "Python int too large to convert to C unsigned int");
    int flags = a[1] ? int_arg(a[1]) : EFD_CLOEXEC;
    int fd = eventfd(static_cast<unsigned>(initval), flags);
    check(fd);
    return int_from_i64(fd);
}

Ref posix_eventfd_read(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd"};
    Object* a[1];
    bind_args("eventfd_read", args, nargs, kw, kNames, 1, 1, a);
    int fd = object_as_fd(a[0]);
    eventfd_t value;
    check(retry_on_eintr([&] { return eventfd_read(fd, &value); }));
    mpz_t m;
    mpz_init_set_ui(m, value);
    Ref result = int_from_mpz(m);
    mpz_clear(m);
    return result;
}

Ref posix_eventfd_write(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd", "value"};
    Object* a[2];
    bind_args("eventfd_write", args, nargs, kw, kNames, 2, 2, a);
    int fd = object_as_fd(a[0]);
    // The counter is 64 bits unsigned (up to 2**64 - 2 may be added).
    if (!is_int(a[1])) raise(&TypeError_type, "an integer is required");
    mpz_t m;
    mpz_init(m);
    int_to_mpz(a[1], m);
    bool negative = mpz_sgn(m)<0, too_big = mpz_sizeinbase(m, 2)> 64;
    auto value = static_cast<eventfd_t>(mpz_get_ui(m));
    mpz_clear(m);
    if (negative) raise(&ValueError_type, "value must be positive");
    if (too_big) raise(&OverflowError_type, "int too big to convert");
    check(retry_on_eintr([&] { return eventfd_write(fd, value); }));
    return none();
}

// ---- wait status ----
Ref posix_wcoredump(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"status"};
    Object* a[1];
    bind_args("WCOREDUMP", args, nargs, kw, kNames, 1, 1, a);
    int status = int_arg(a[0]);
    return Ref::borrow(bool_obj(WCOREDUMP(status)));
}

Ref posix_wifcontinued(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"status"};
    Object* a[1];
    bind_args("WIFCONTINUED", args, nargs, kw, kNames, 1, 1, a);
    int status = int_arg(a[0]);
    return Ref::borrow(bool_obj(WIFCONTINUED(status)));
}

const char* const kFchdirName = "fchdir";
const char* const kFdatasyncName = "fdatasync";

const MethodDef kSystemFunctions[] = {
    {"setuid", set_uid<setuid, &kSetuid>, "Set the current process's user id."},
    {"seteuid", set_uid<seteuid, &kSeteuid>, "Set the current process's effective user id."},
    {"setgid", set_gid<setgid, &kSetgid>, "Set the current process's group id."},
    {"setegid", set_gid<setegid, &kSetegid>, "Set the current process's effective group id."},
    {"setreuid", posix_setreuid, "Set the current process's real and effective user ids."},
    {"setregid", posix_setregid, "Set the current process's real and effective group ids."},
    {"setresuid", posix_setresuid, "Set the current process's real, effective, and saved user ids."},
    {"setresgid", posix_setresgid, "Set the current process's real, effective, and saved group ids."},
    {"getresuid", posix_getresuid,
     "Return a tuple of the current process's real, effective, and saved user ids."},
    {"getresgid", posix_getresgid,
     "Return a tuple of the current process's real, effective, and saved group ids."},
    {"setgroups", posix_setgroups, "Set the groups of the current process to list."},
    {"getgrouplist", posix_getgrouplist, "Returns a list of groups to which a user belongs."},
    {"initgroups", posix_initgroups, "Initialize the group access list."},
    {"sched_yield", posix_sched_yield, "Voluntarily relinquish the CPU."},
    {"sched_getaffinity", posix_sched_getaffinity,
     "Return the affinity of the process identified by pid (or the current process if zero)."},
    {"sched_setaffinity", posix_sched_setaffinity,
     "Set the CPU affinity of the process identified by pid to mask."},
    {"sched_get_priority_max", int_query<sched_get_priority_max, &kPriorityMax>,
     "Get the maximum scheduling priority for policy."},
    {"sched_get_priority_min", int_query<sched_get_priority_min, &kPriorityMin>,
     "Get the minimum scheduling priority for policy."},
    {"getpriority", posix_getpriority, "Return program scheduling priority."},
    {"setpriority", posix_setpriority, "Set program scheduling priority."},
    {"pread", posix_pread, "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"pwrite", posix_pwrite, "Write bytes to a file descriptor starting at a particular offset."},
    {"fchmod", posix_fchmod, "Change the access permissions of the file given by file descriptor fd."},
    {"fchdir", fd_call<fchdir, &kFchdirName>, "Change to the directory of the given file descriptor."},
    {"sync", posix_sync, "Force write of everything to disk."},
    {"fdatasync", fd_call<fdatasync, &kFdatasyncName>,
     "Force write of fd to disk without forcing update of metadata."},
    {"pipe2", posix_pipe2, "Create a pipe with flags set atomically."},
    {"sendfile", posix_sendfile, "Copy count bytes from file descriptor in_fd to file descriptor out_fd."},
    {"lockf", posix_lockf, "Apply, test or remove a POSIX lock on an open file descriptor."},
    {"posix_fadvise", posix_fadvise_call, "Announce an intention to access data in a specific pattern."},
    {"posix_fallocate", posix_fallocate_call,
     "Ensure a file has allocated at least a particular number of bytes on disk."},
    {"ttyname", posix_ttyname, "Return the name of the terminal device connected to 'fd'."},
    {"ctermid", posix_ctermid, "Return the name of the controlling terminal for this process."},
    {"getrandom", posix_getrandom, "Obtain a series of random bytes."},
    {"memfd_create", posix_memfd_create, "Create an anonymous file."},
    {"eventfd", posix_eventfd, "Creates and returns an event notification file descriptor."},
    {"eventfd_read", posix_eventfd_read, "Read eventfd value"},
    {"eventfd_write", posix_eventfd_write, "Write eventfd value."},
    {"WCOREDUMP", posix_wcoredump, "Return True if the process returning status was dumped to a core file."},
    {"WIFCONTINUED", posix_wifcontinued,
     "Return True if a particular process was continued from a job control stop."},
    {nullptr, nullptr, nullptr},
};

struct SystemConstant {
    const char* name;
    long value;
};

const SystemConstant kSystemConstants[] = {
    {"TMP_MAX", TMP_MAX},
    {"NGROUPS_MAX", NGROUPS_MAX},
    {"O_FSYNC", O_FSYNC},
    {"P_ALL", P_ALL},
    {"P_PID", P_PID},
    {"P_PGID", P_PGID},
    {"P_PIDFD", 3},
    {"PRIO_PROCESS", PRIO_PROCESS},
    {"PRIO_PGRP", PRIO_PGRP},
    {"PRIO_USER", PRIO_USER},
    {"SCHED_OTHER", SCHED_OTHER},
    {"SCHED_FIFO", SCHED_FIFO},
    {"SCHED_RR", SCHED_RR},
    {"SCHED_BATCH", SCHED_BATCH},
    {"SCHED_IDLE", SCHED_IDLE},
    {"SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK},
    {"RTLD_LAZY", RTLD_LAZY},
    {"RTLD_NOW", RTLD_NOW},
    {"RTLD_GLOBAL", RTLD_GLOBAL},
    {"RTLD_LOCAL", RTLD_LOCAL},
    {"RTLD_NODELETE", RTLD_NODELETE},
    {"RTLD_NOLOAD", RTLD_NOLOAD},
    {"RTLD_DEEPBIND", RTLD_DEEPBIND},
    {"CLD_EXITED", CLD_EXITED},
    {"CLD_KILLED", CLD_KILLED},
    {"CLD_DUMPED", CLD_DUMPED},
    {"CLD_TRAPPED", CLD_TRAPPED},
    {"CLD_STOPPED", CLD_STOPPED},
    {"CLD_CONTINUED", CLD_CONTINUED},
    {"ST_RDONLY", ST_RDONLY},
    {"ST_NOSUID", ST_NOSUID},
    {"ST_NODEV", ST_NODEV},
    {"ST_NOEXEC", ST_NOEXEC},
    {"ST_SYNCHRONOUS", ST_SYNCHRONOUS},
    {"ST_MANDLOCK", ST_MANDLOCK},
    {"ST_WRITE", ST_WRITE},
    {"ST_APPEND", ST_APPEND},
    {"ST_NOATIME", ST_NOATIME},
    {"ST_NODIRATIME", ST_NODIRATIME},
    {"ST_RELATIME", ST_RELATIME},
    {"POSIX_FADV_NORMAL", POSIX_FADV_NORMAL},
    {"POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL},
    {"POSIX_FADV_RANDOM", POSIX_FADV_RANDOM},
    {"POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE},
    {"POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED},
    {"POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED},
    {"EFD_CLOEXEC", EFD_CLOEXEC},
    {"EFD_NONBLOCK", EFD_NONBLOCK},
    {"EFD_SEMAPHORE", EFD_SEMAPHORE},
    {"MFD_CLOEXEC", MFD_CLOEXEC},
    {"MFD_ALLOW_SEALING", MFD_ALLOW_SEALING},
    {"MFD_HUGETLB", MFD_HUGETLB},
    {"MFD_HUGE_SHIFT", MFD_HUGE_SHIFT},
    {"MFD_HUGE_MASK", MFD_HUGE_MASK},
    {"MFD_HUGE_64KB", MFD_HUGE_64KB},
    {"MFD_HUGE_512KB", MFD_HUGE_512KB},
    {"MFD_HUGE_1MB", MFD_HUGE_1MB},
    {"MFD_HUGE_2MB", MFD_HUGE_2MB},
    {"MFD_HUGE_8MB", MFD_HUGE_8MB},
    {"MFD_HUGE_16MB", MFD_HUGE_16MB},
    {"MFD_HUGE_32MB", MFD_HUGE_32MB},
    {"MFD_HUGE_256MB", MFD_HUGE_256MB},
    {"MFD_HUGE_512MB", MFD_HUGE_512MB},
    {"MFD_HUGE_1GB", MFD_HUGE_1GB},
    {"MFD_HUGE_2GB", MFD_HUGE_2GB},
    {"MFD_HUGE_16GB", MFD_HUGE_16GB},
};

}  // namespace

void add_posix_system_functions(Object* module) {
    Dict* d = module_dict(module);
    for (const MethodDef* m = kSystemFunctions; m->name; ++m)
        dict_set(d, intern(m->name), native_function_new(m, nullptr).get());
    for (const SystemConstant& c : kSystemConstants) dict_set(d, intern(c.name), int_from_i64(c.value).get());
}

}  // namespace minipy
