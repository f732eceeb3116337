// select_module.cpp — the native `select` module: select.select() (Connection.poll() and timed
// waits on pipes), and the poll and epoll objects that CPython's `selectors` (so asyncio's event
// loop) builds on. Every wait lets go of the GIL.
#include <poll.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <map>
#include <mutex>
#include <vector>

#include "modules/posix_module.h"
#include "modules/registry.h"
#include "modules/signals.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

// Each entry is an int or an object with fileno(), as CPython accepts.
std::vector<Ref> fd_objects(Object* iterable) {
    std::vector<Ref> objects;
    for_each_item(iterable, [&](Object* item) { objects.push_back(Ref::borrow(item)); });
    return objects;
}

// The poll(2) timeout in milliseconds: -1 (wait for ever) for None.
int timeout_ms(Object* timeout) {
    if (timeout == None) return -1;
    double secs = is_int(timeout) ? int_to_double(timeout) : to_double(timeout);
    if (std::isnan(secs)) raise(&ValueError_type, "Invalid value NaN (not a number)");
    if (secs < 0) raise(&ValueError_type, "timeout must be non-negative");
    return static_cast<int>(std::ceil(secs * 1000));
}

[[noreturn]] void raise_errno_of(int err) { raise_object(os_error_new(err, "")); }

// Runs a wait of `ms` milliseconds (-1: for ever) without the GIL, as PEP 475 asks: interrupted by a
// signal, it lets the handlers run (Ctrl-C raises) and waits again for the time that is left.
template <typename Wait>
int wait_retrying(int ms, Wait wait) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    int left = ms;
    for (;;) {
        int n;
        {
            AllowThreads unblocked(BlockReason::IO);
            n = wait(left);
        }
        if (n >= 0) return n;
        if (errno != EINTR) raise_errno_of(errno);
        check_signals();
        if (ms >= 0) {
            auto rest = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            left = static_cast<int>(std::max<int64_t>(rest.count(), 0));
        }
    }
}

Ref list_of_ready(const std::vector<Ref>& objects, const std::vector<pollfd>& fds, size_t first,
                  short events) {
    Ref out = list_new();
    for (size_t i = 0; i < objects.size(); ++i) {
        if (fds[first + i].revents & (events | POLLHUP | POLLERR | POLLNVAL))
            list_append(out.get(), objects[i].get());
    }
    return out;
}

// select(rlist, wlist, xlist[, timeout]) -> (ready to read, ready to write, []), built on poll(2).
Ref select_select(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("select", nargs, kw, 3, 4);
    std::vector<Ref> readers = fd_objects(args[0]);
    std::vector<Ref> writers = fd_objects(args[1]);
    int ms = timeout_ms(nargs == 4 ? args[3] : None);
    std::vector<pollfd> fds;
    for (const Ref& r : readers) fds.push_back({object_as_fd(r.get()), POLLIN, 0});
    for (const Ref& w : writers) fds.push_back({object_as_fd(w.get()), POLLOUT, 0});
    wait_retrying(ms, [&](int left) { return poll(fds.data(), fds.size(), left); });
    Ref r = list_of_ready(readers, fds, 0, POLLIN);
    Ref w = list_of_ready(writers, fds, readers.size(), POLLOUT);
    Ref x = list_new();
    Object* items[] = {r.get(), w.get(), x.get()};
    return tuple_from(items, 3);
}

// ---- poll objects ----

// A poll object: the registered descriptors and their event masks, as CPython's pollObject keeps
// them. The map changes under the object's lock; a poll() call works on a copy without the GIL.
struct PollObject : Object {
    ObjectMutex mutex;
    std::map<int, short> events;
};

Type poll_type, epoll_type;

PollObject* as_poll(Object* o) { return static_cast<PollObject*>(o); }

Ref make_tuple2(Ref a, Ref b) {
    Object* items[] = {a.get(), b.get()};
    return tuple_from(items, 2);
}

// An event mask argument: CPython reads it as an unsigned short for poll.
short poll_mask_arg(Object* o) {
    int64_t mask = as_index(o);
    if (mask < 0) raise(&ValueError_type, "value must be positive");
    if (mask > USHRT_MAX) raise(&OverflowError_type, "Python int too large for C unsigned short");
    return static_cast<short>(mask);
}

// register(fd[, eventmask]): a new registration or a new mask for a known one.
Ref poll_register(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("register", nargs - 1, kw, 1, 2);
    int fd = object_as_fd(args[1]);
    short mask = nargs > 2 ? poll_mask_arg(args[2]) : POLLIN | POLLPRI | POLLOUT;
    PollObject* p = as_poll(args[0]);
    CriticalSection cs(p->mutex);
    p->events[fd] = mask;
    return Ref::borrow(None);
}

// modify(fd, eventmask): an unregistered fd is CPython's FileNotFoundError (ENOENT).
Ref poll_modify(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("modify", nargs - 1, kw, 2, 2);
    int fd = object_as_fd(args[1]);
    short mask = poll_mask_arg(args[2]);
    PollObject* p = as_poll(args[0]);
    CriticalSection cs(p->mutex);
    auto it = p->events.find(fd);
    if (it == p->events.end()) raise_errno_of(ENOENT);
    it->second = mask;
    return Ref::borrow(None);
}

Ref poll_unregister(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unregister", nargs - 1, kw, 1, 1);
    int fd = object_as_fd(args[1]);
    PollObject* p = as_poll(args[0]);
    CriticalSection cs(p->mutex);
    if (p->events.erase(fd) == 0) raise_object(call1(&KeyError_type, int_from_i64(fd).get()));
    return Ref::borrow(None);
}

// poll([timeout]) -> [(fd, events), ...]; timeout in milliseconds, None or negative for ever.
Ref poll_poll(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("poll", nargs - 1, kw, 0, 1);
    int ms = -1;
    if (nargs > 1 && args[1] != None) {
        if (!is_int(args[1]) && !is_float(args[1]))
            raise(&TypeError_type, "timeout must be an integer or None");
        double value = is_int(args[1]) ? int_to_double(args[1]) : to_double(args[1]);
        ms = value < 0 ? -1 : static_cast<int>(std::ceil(value));
    }
    std::vector<pollfd> fds;
    {
        PollObject* p = as_poll(args[0]);
        CriticalSection cs(p->mutex);
        for (const auto& [fd, mask] : p->events) fds.push_back({fd, mask, 0});
    }
    wait_retrying(ms, [&](int left) { return poll(fds.data(), fds.size(), left); });
    Ref out = list_new();
    for (const pollfd& f : fds) {
        if (f.revents)
            list_append(out.get(), make_tuple2(int_from_i64(f.fd), int_from_i64(f.revents & 0xffff)).get());
    }
    return out;
}

const MethodDef kPollMethods[] = {
    {"register", poll_register, "Register a file descriptor with the polling object."},
    {"modify", poll_modify, "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll, "Polls the set of registered file descriptors."},
    {nullptr, nullptr, nullptr},
};

void poll_dealloc(Object* o) { delete as_poll(o); }

Ref select_poll(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("poll", nargs, kw, 0, 0);
    auto* p = new PollObject();
    init_header(p, &poll_type);
    return Ref::steal(p);
}

// ---- epoll objects ----

// An epoll instance: the kernel keeps the interest list, so the object is only its descriptor.
struct EpollObject : Object {
    std::atomic<int> epfd{-1};
};

EpollObject* as_epoll(Object* o) { return static_cast<EpollObject*>(o); }

int epoll_fd_of(Object* o) {
    int fd = as_epoll(o)->epfd;
    if (fd < 0) raise(&ValueError_type, "I/O operation on closed epoll object");
    return fd;
}

Ref epoll_make(Type* t, int epfd) {
    auto* e = new EpollObject();
    init_header(e, t);
    e->epfd = epfd;
    return Ref::steal(e);
}

// select.epoll(sizehint=-1, flags=0)
Ref epoll_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"sizehint", "flags"};
    Object* bound[2] = {};
    bind_args("epoll", args, nargs, kw, names, 2, 0, bound);
    if (bound[0] && (as_index(bound[0]) == 0 || as_index(bound[0]) < -1))
        raise(&ValueError_type, "negative sizehint");
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) raise_errno_of(errno);
    return epoll_make(static_cast<Type*>(type), epfd);
}

void epoll_dealloc(Object* o) {
    if (as_epoll(o)->epfd >= 0) close(as_epoll(o)->epfd);
    delete as_epoll(o);
}

Ref epoll_control(Args args, size_t nargs, Tuple* kw, const char* fname, int op) {
    static const char* const names[] = {"fd", "eventmask"};
    Object* bound[2] = {};
    bind_args(fname, args + 1, nargs - 1, kw, names, 2,
              op == EPOLL_CTL_DEL ? 1 : (op == EPOLL_CTL_MOD ? 2 : 1), bound);
    int epfd = epoll_fd_of(args[0]);
    epoll_event ev{};
    ev.data.fd = object_as_fd(bound[0]);
    ev.events = bound[1] ? static_cast<uint32_t>(as_index(bound[1])) : EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (epoll_ctl(epfd, op, ev.data.fd, &ev) < 0) raise_errno_of(errno);
    return Ref::borrow(None);
}

Ref epoll_register(Object*, Args args, size_t nargs, Tuple* kw) {
    return epoll_control(args, nargs, kw, "register", EPOLL_CTL_ADD);
}
Ref epoll_modify(Object*, Args args, size_t nargs, Tuple* kw) {
    return epoll_control(args, nargs, kw, "modify", EPOLL_CTL_MOD);
}
Ref epoll_unregister(Object*, Args args, size_t nargs, Tuple* kw) {
    return epoll_control(args, nargs, kw, "unregister", EPOLL_CTL_DEL);
}

// poll(timeout=None, maxevents=-1) -> [(fd, events), ...]; timeout in seconds.
Ref epoll_poll(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"timeout", "maxevents"};
    Object* bound[2] = {};
    bind_args("poll", args + 1, nargs - 1, kw, names, 2, 0, bound);
    int epfd = epoll_fd_of(args[0]);
    int ms = -1;
    if (bound[0] && bound[0] != None) {
        double secs = is_int(bound[0]) ? int_to_double(bound[0]) : to_double(bound[0]);
        ms = secs < 0 ? -1 : static_cast<int>(std::ceil(secs * 1000));
    }
    int most = bound[1] ? static_cast<int>(as_index(bound[1])) : -1;
    if (most == -1) most = FD_SETSIZE - 1;
    if (most <= 0) raise(&ValueError_type, format("maxevents must be greater than 0, got %d", most));
    std::vector<epoll_event> events(static_cast<size_t>(most));
    int n = wait_retrying(ms, [&](int left) { return epoll_wait(epfd, events.data(), most, left); });
    Ref out = list_new();
    for (int i = 0; i < n; ++i)
        list_append(out.get(),
                    make_tuple2(int_from_i64(events[i].data.fd), int_from_i64(events[i].events)).get());
    return out;
}

Ref epoll_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    int fd = as_epoll(args[0])->epfd.exchange(-1);
    if (fd >= 0 && close(fd) < 0) raise_errno_of(errno);
    return Ref::borrow(None);
}

Ref epoll_fileno(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fileno", nargs - 1, kw, 0, 0);
    return int_from_i64(epoll_fd_of(args[0]));
}

Ref epoll_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs - 1, kw, 0, 0);
    epoll_fd_of(args[0]);
    return Ref::borrow(args[0]);
}

// __exit__(*exc_info): closes, whatever the exception.
Ref epoll_exit(Object*, Args args, size_t, Tuple*) { return epoll_close(nullptr, args, 1, nullptr); }

// epoll.fromfd(fd): a classmethod in CPython; here a function of the type's dict that takes the fd.
Ref epoll_fromfd(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fromfd", nargs, kw, 1, 1);
    return epoll_make(&epoll_type, object_as_fd(args[0]));
}

Ref epoll_getattr(Object* o, Str* name) {
    if (name->utf8 == "closed") return Ref::borrow(bool_obj(as_epoll(o)->epfd < 0));
    return generic_getattr(o, name);
}

const MethodDef kEpollMethods[] = {
    {"register", epoll_register, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", epoll_modify, "Modify event mask for a registered file descriptor."},
    {"unregister", epoll_unregister, "Remove a registered file descriptor from the epoll object."},
    {"poll", epoll_poll, "Wait for events on the epoll file descriptor."},
    {"close", epoll_close, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno, "Return the epoll control file descriptor."},
    {"__enter__", epoll_enter, ""},
    {"__exit__", epoll_exit, ""},
    {nullptr, nullptr, nullptr},
};

const MethodDef kFromFd[] = {{"fromfd", epoll_fromfd, "Create an epoll object from a given control fd."},
                             {nullptr, nullptr, nullptr}};

void init_types() {
    poll_type.name = "poll";
    poll_type.instance_size = sizeof(PollObject);
    poll_type.dealloc = poll_dealloc;
    poll_type.construct = construct_refused;
    poll_type.methods = kPollMethods;
    init_type(&poll_type);
    epoll_type.name = "epoll";
    epoll_type.instance_size = sizeof(EpollObject);
    epoll_type.dealloc = epoll_dealloc;
    epoll_type.construct = epoll_construct;
    epoll_type.getattr = epoll_getattr;
    epoll_type.methods = kEpollMethods;
    init_type(&epoll_type);
    dict_set(epoll_type.dict, intern("fromfd"), native_function_new(kFromFd, nullptr).get());
    for (Type* t : {&poll_type, &epoll_type}) dict_set(t->dict, intern("__module__"), intern("select"));
}

const MethodDef kSelectFunctions[] = {
    {"select", select_select, "Wait until one or more file descriptors are ready for I/O."},
    {"poll", select_poll, "Returns a polling object."},
    {nullptr, nullptr, nullptr},
};

struct IntConstant {
    const char* name;
    long value;
};
#define MINIPY_SELECT_CONSTANT(name) \
    { #name, static_cast < long>(name) }
const IntConstant kConstants[] = {
    MINIPY_SELECT_CONSTANT(POLLIN),         MINIPY_SELECT_CONSTANT(POLLPRI),
    MINIPY_SELECT_CONSTANT(POLLOUT),        MINIPY_SELECT_CONSTANT(POLLERR),
    MINIPY_SELECT_CONSTANT(POLLHUP),        MINIPY_SELECT_CONSTANT(POLLNVAL),
    MINIPY_SELECT_CONSTANT(POLLRDNORM),     MINIPY_SELECT_CONSTANT(POLLRDBAND),
    MINIPY_SELECT_CONSTANT(POLLWRNORM),     MINIPY_SELECT_CONSTANT(POLLWRBAND),
    MINIPY_SELECT_CONSTANT(POLLMSG),        MINIPY_SELECT_CONSTANT(POLLRDHUP),
    MINIPY_SELECT_CONSTANT(EPOLLIN),        MINIPY_SELECT_CONSTANT(EPOLLPRI),
    MINIPY_SELECT_CONSTANT(EPOLLOUT),       MINIPY_SELECT_CONSTANT(EPOLLERR),
    MINIPY_SELECT_CONSTANT(EPOLLHUP),       MINIPY_SELECT_CONSTANT(EPOLLRDHUP),
    MINIPY_SELECT_CONSTANT(EPOLLET),        MINIPY_SELECT_CONSTANT(EPOLLONESHOT),
    MINIPY_SELECT_CONSTANT(EPOLLEXCLUSIVE), MINIPY_SELECT_CONSTANT(EPOLLRDNORM),
    MINIPY_SELECT_CONSTANT(EPOLLRDBAND),    MINIPY_SELECT_CONSTANT(EPOLLWRNORM),
    MINIPY_SELECT_CONSTANT(EPOLLWRBAND),    MINIPY_SELECT_CONSTANT(EPOLLMSG),
    MINIPY_SELECT_CONSTANT(EPOLL_CLOEXEC),
};
#undef MINIPY_SELECT_CONSTANT

}  // namespace

Ref init_select_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Ref module = native_module_new("select", kSelectFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("epoll"), &epoll_type);
    dict_set(d, intern("error"), &OSError_type);
    for (const IntConstant& c : kConstants) dict_set(d, intern(c.name), int_from_i64(c.value).get());
    return module;
}

}  // namespace minipy
