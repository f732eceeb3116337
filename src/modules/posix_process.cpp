// posix_process.cpp — posix's processes: ids, fork (with register_at_fork's hooks), wait and the
// W* status functions, exec, kill, system and process groups, with CPython's names and errors.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

#include "modules/posix_module.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref none() { return Ref::borrow(None); }

Ref call_method0(Object* o, const char* name) { return call0(get_attr(o, intern(name)).get()); }

template <pid_t (*Get)(), const char* const* Name>
Ref get_id(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional(*Name, nargs, kw, 0, 0);
    return int_from_i64(Get());
}
const char* const kGetpidName = "getpid";
const char* const kGetppidName = "getppid";
const char* const kGetpgrpName = "getpgrp";

Ref posix_getuid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getuid", nargs, kw, 0, 0);
    return int_from_i64(getuid());
}
Ref posix_geteuid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("geteuid", nargs, kw, 0, 0);
    return int_from_i64(geteuid());
}
Ref posix_getgid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getgid", nargs, kw, 0, 0);
    return int_from_i64(getgid());
}
Ref posix_getegid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getegid", nargs, kw, 0, 0);
    return int_from_i64(getegid());
}

// register_at_fork's callables: `before` run last-registered first, the others in order. Kept for
// the life of the process, as CPython's; a lock keeps two threads' registrations apart.
struct ForkHooks {
    std::mutex lock;
    std::vector<Object*> before, after_in_parent, after_in_child;  // owned
};
ForkHooks& fork_hooks() {
    static ForkHooks* hooks = new ForkHooks();  // never freed: forks may run during shutdown
    return *hooks;
}

// Runs one list of hooks; an exception in one is reported, not raised, as CPython's.
void run_hooks(const std::vector<Object*>& hooks, bool reversed) {
    std::vector<Object*> copy;
    {
        std::lock_guard<std::mutex> guard(fork_hooks().lock);
        copy = hooks;
    }
    if (reversed) std::reverse(copy.begin(), copy.end());
    for (Object* hook : copy) {
        try {
            call0(hook);
        } catch (PyException& e) {
            Ref exc = e.take();
            report_unraisable(": " + repr_utf8(hook), exc.get());
        }
    }
}

Ref posix_register_at_fork(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"before", "after_in_child", "after_in_parent"};
    Object* a[3];
    if (nargs) raise(&TypeError_type, format("register_at_fork() takes no positional arguments"));
    bind_args("register_at_fork", args, 0, kw, kNames, 3, 0, a);
    if (!a[0] && !a[1] && !a[2]) raise(&TypeError_type, "At least one argument is required.");
    for (int i = 0; i < 3; ++i)
        if (a[i] && !type_of(a[i])->call)  // callable(), as builtins decides it
            raise(&TypeError_type,
                  format("'%s' must be callable, not %s", kNames[i], type_of(a[i])->name.c_str()));
    ForkHooks& hooks = fork_hooks();
    std::lock_guard<std::mutex> guard(hooks.lock);
    if (a[0]) hooks.before.push_back(newref(a[0]));
    if (a[1]) hooks.after_in_child.push_back(newref(a[1]));
    if (a[2]) hooks.after_in_parent.push_back(newref(a[2]));
    return none();
}

// The C streams are flushed first so text buffered before the fork is written once, by the parent,
// not a second time by the child when it exits. Other threads are held still across the fork.
Ref posix_fork(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("fork", nargs, kw, 0, 0);
    run_hooks(fork_hooks().before, true);
    std::fflush(nullptr);
    stop_the_world();  // no other thread may hold an object's lock at the moment of the fork
    pid_t pid = fork();
    if (pid == 0) {
        after_fork_child();
        run_hooks(fork_hooks().after_in_child, false);
    } else {
        int error = errno;
        start_the_world();
        errno = error;
        if (pid < 0) raise_errno();
        run_hooks(fork_hooks().after_in_parent, false);
    }
    return int_from_i64(pid);
}

// Ends the process at once: no atexit handlers, no flush of the C streams (CPython's os._exit).
Ref posix_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_exit", nargs, kw, 1, 1);
    _exit(int_arg(args[0]));
}

// waitpid(pid, options) -> (pid, status); (0, 0) with WNOHANG while the child still runs.
Ref posix_waitpid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("waitpid", nargs, kw, 2, 2);
    pid_t pid = int_arg(args[0]);
    int options = int_arg(args[1]);
    int status = 0;
    pid_t done = retry_on_eintr([&] { return waitpid(pid, &status, options); });
    check(done);
    return int_pair(done, status);
}

Ref posix_wait(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("wait", nargs, kw, 0, 0);
    int status = 0;
    pid_t done = retry_on_eintr([&] { return wait(&status); });
    check(done);
    return int_pair(done, status);
}

// The exit code CPython's os.waitstatus_to_exitcode gives: the status, or minus the signal number.
Ref posix_waitstatus_to_exitcode(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"status"};
    Object* a[1];
    bind_args("waitstatus_to_exitcode", args, nargs, kw, kNames, 1, 1, a);
    int status = int_arg(a[0]);
    if (WIFEXITED(status)) return int_from_i64(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return int_from_i64(-WTERMSIG(status));
    raise(&ValueError_type, format("invalid wait status: %d", status));
}

// WIFEXITED(status) and its kin: each reads one fact out of a wait status.
template <int (*Read)(int)>
Ref wait_macro(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"status"};
    Object* a[1];
    bind_args("wait status function", args, nargs, kw, kNames, 1, 1, a);
    return int_from_i64(Read(int_arg(a[0])));
}
int if_exited(int s) { return WIFEXITED(s); }
int exit_status(int s) { return WEXITSTATUS(s); }
int if_signaled(int s) { return WIFSIGNALED(s); }
int term_sig(int s) { return WTERMSIG(s); }
int if_stopped(int s) { return WIFSTOPPED(s); }
int stop_sig(int s) { return WSTOPSIG(s); }

template <int (*Read)(int)>
Ref wait_predicate(Object* self, Args args, size_t nargs, Tuple* kw) {
    Ref v = wait_macro<Read>(self, args, nargs, kw);
    return Ref::borrow(bool_obj(is_true(v.get())));
}

Ref posix_kill(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("kill", nargs, kw, 2, 2);
    check(kill(int_arg(args[0]), int_arg(args[1])));
    return none();
}

// execv(path, argv) / execve(path, argv, env): replace the process image.
std::vector<std::string> string_list(const char* fname, Object* seq, bool is_env) {
    std::vector<std::string> out;
    if (is_env) {
        Ref items = call_method0(seq, "items");
        for_each_item(items.get(), [&](Object* pair) {
            Ref k = get_item(pair, make_small_int(0));
            Ref v = get_item(pair, make_small_int(1));
            std::string key = path_arg(fname, "env key", k.get()).path;
            // CPython's parse_envlist: a name may start with '=' but not hold one later.
            if (key.empty() || key.find('=', 1) != std::string::npos)
                raise(&ValueError_type, "illegal environment variable name");
            out.push_back(key + "=" + path_arg(fname, "env value", v.get()).path);
        });
        return out;
    }
    for_each_item(seq, [&](Object* item) { out.push_back(path_arg(fname, "argv", item).path); });
    bool execv = std::string(fname) == "execv";
    if (out.empty())
        raise(&ValueError_type, execv ? "execv() arg 2 must not be empty" : "execve: argv must not be empty");
    if (out[0].empty())
        raise(&ValueError_type, execv ? "execv() arg 2 first element cannot be empty"
                                      : "execve: argv first element cannot be empty");
    return out;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
    std::vector<char*> out;
    for (std::string& s : v) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

Ref posix_execv(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("execv", nargs, kw, 2, 2);
    PathArg path = path_arg("execv", "path", args[0]);
    std::vector<std::string> argv = string_list("execv", args[1], false);
    std::vector<char*> c_argv = c_strings(argv);
    std::fflush(nullptr);
    execv(path.path.c_str(), c_argv.data());
    raise_errno();
}

Ref posix_execve(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "argv", "env"};
    Object* a[3];
    bind_args("execve", args, nargs, kw, kNames, 3, 3, a);
    PathArg path = path_arg("execve", "path", a[0]);
    std::vector<std::string> argv = string_list("execve", a[1], false);
    std::vector<std::string> env = string_list("execve", a[2], true);
    std::vector<char*> c_argv = c_strings(argv), c_env = c_strings(env);
    std::fflush(nullptr);
    execve(path.path.c_str(), c_argv.data(), c_env.data());
    raise_errno();
}

// system(command): runs it through /bin/sh and returns the wait status, the GIL let go meanwhile.
Ref posix_system(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"command"};
    Object* a[1];
    bind_args("system", args, nargs, kw, kNames, 1, 1, a);
    PathArg command = path_arg("system", "command", a[0]);
    std::fflush(nullptr);
    int status;
    {
        AllowThreads unblocked(BlockReason::IO);
        status = system(command.path.c_str());
    }
    return int_from_i64(status);
}

Ref posix_killpg(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("killpg", nargs, kw, 2, 2);
    check(killpg(int_arg(args[0]), int_arg(args[1])));
    return none();
}

const char* const kGetpgidName = "getpgid";
const char* const kGetsidName = "getsid";

Ref posix_setpgid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setpgid", nargs, kw, 2, 2);
    check(setpgid(int_arg(args[0]), int_arg(args[1])));
    return none();
}

Ref posix_setsid(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("setsid", nargs, kw, 0, 0);
    check(setsid());
    return none();
}

Ref posix_getgroups(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getgroups", nargs, kw, 0, 0);
    int n = getgroups(0, nullptr);
    check(n);
    std::vector<gid_t> groups(static_cast<size_t>(n));
    n = getgroups(n, groups.data());
    check(n);
    Ref list = list_new();
    for (int i = 0; i < n; ++i) list_append(list.get(), int_from_i64(groups[static_cast<size_t>(i)]).get());
    return list;
}

Ref posix_nice(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("nice", nargs, kw, 1, 1);
    errno = 0;
    int value = nice(int_arg(args[0]));
    if (value == -1 && errno) raise_errno();
    return int_from_i64(value);
}

Ref posix_getloadavg(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getloadavg", nargs, kw, 0, 0);
    double load[3];
    if (getloadavg(load, 3) != 3) raise(&OSError_type, "Load averages are unobtainable");
    Object* items[] = {float_new(load[0]).release(), float_new(load[1]).release(),
                       float_new(load[2]).release()};
    Ref t = tuple_from(items, 3);
    for (Object* item : items) decref(item);
    return t;
}

Ref posix_getlogin(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getlogin", nargs, kw, 0, 0);
    errno = 0;
    const char* name = getlogin();
    if (!name) {
        if (errno) raise_errno();
        raise(&OSError_type, "unable to determine login name");
    }
    return decode_name(name, false);
}

const MethodDef kProcessFunctions[] = {
    {"getpid", get_id<getpid, &kGetpidName>, "Return the current process id."},
    {"getppid", get_id<getppid, &kGetppidName>, "Return the parent's process id."},
    {"getpgrp", get_id<getpgrp, &kGetpgrpName>, "Return the current process group id."},
    {"getuid", posix_getuid, "Return the current process's user id."},
    {"geteuid", posix_geteuid, "Return the current process's effective user id."},
    {"getgid", posix_getgid, "Return the current process's group id."},
    {"getegid", posix_getegid, "Return the current process's effective group id."},
    {"fork", posix_fork, "Fork a child process: 0 in the child, the child's pid in the parent."},
    {"_exit", posix_exit, "Exit to the system with the given status, without cleanup."},
    {"wait", posix_wait, "Wait for completion of a child process: (pid, status)."},
    {"waitpid", posix_waitpid, "Wait for a child process to finish: (pid, status)."},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, "Convert a wait status to an exit code."},
    {"WIFEXITED", wait_predicate<if_exited>, "Return True if the process exited via the exit() system call."},
    {"WEXITSTATUS", wait_macro<exit_status>, "Return the process return code from status."},
    {"WIFSIGNALED", wait_predicate<if_signaled>, "Return True if the process was terminated by a signal."},
    {"WTERMSIG", wait_macro<term_sig>, "Return the signal that terminated the process."},
    {"WIFSTOPPED", wait_predicate<if_stopped>, "Return True if the process was stopped."},
    {"WSTOPSIG", wait_macro<stop_sig>, "Return the signal that stopped the process."},
    {"kill", posix_kill, "Kill a process with a signal."},
    {"execv", posix_execv, "Execute an executable path with arguments, replacing current process."},
    {"execve", posix_execve, "Execute an executable path with arguments and an environment."},
    {"register_at_fork", posix_register_at_fork,
     "Register callables to be called when forking a new process."},
    {"system", posix_system, "Execute the command in a subshell."},
    {"killpg", posix_killpg, "Kill a process group with a signal."},
    {"getpgid", int_query<getpgid, &kGetpgidName>, "Call the system call getpgid(), and return the result."},
    {"getsid", int_query<getsid, &kGetsidName>, "Call the system call getsid(pid) and return the result."},
    {"setpgid", posix_setpgid, "Call the system call setpgid(pid, pgrp)."},
    {"setsid", posix_setsid, "Call the system call setsid()."},
    {"getgroups", posix_getgroups, "Return list of supplemental group IDs for the process."},
    {"nice", posix_nice, "Add increment to the priority of process and return the new priority."},
    {"getloadavg", posix_getloadavg, "Return average recent system load information."},
    {"getlogin", posix_getlogin, "Return the actual login name."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void add_posix_process_functions(Object* module) {
    Dict* d = module_dict(module);
    for (const MethodDef* m = kProcessFunctions; m->name; ++m)
        dict_set(d, intern(m->name), native_function_new(m, nullptr).get());
}

}  // namespace minipy
