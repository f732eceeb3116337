// select_module.cpp — the native `select` module, reduced to select.select() on file descriptors:
// what Connection.poll() and timed waits on pipes need. The wait lets go of the GIL.
#include <poll.h>

#include <cerrno>
#include <cmath>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
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

int fd_of(Object* o) {
    if (is_int(o)) return static_cast<int>(as_index(o));
    Ref fileno = get_attr(o, intern("fileno"));
    Ref fd = call0(fileno.get());
    return static_cast<int>(as_index(fd.get()));
}

// The poll(2) timeout in milliseconds: -1 (wait for ever) for None.
int timeout_ms(Object* timeout) {
    if (timeout == None) return -1;
    double secs = is_int(timeout) ? int_to_double(timeout) : to_double(timeout);
    if (std::isnan(secs)) raise(&ValueError_type, "Invalid value NaN (not a number)");
    if (secs < 0) raise(&ValueError_type, "timeout must be non-negative");
    return static_cast<int>(std::ceil(secs * 1000));
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
    for (const Ref& r : readers) fds.push_back({fd_of(r.get()), POLLIN, 0});
    for (const Ref& w : writers) fds.push_back({fd_of(w.get()), POLLOUT, 0});
    int n;
    {
        AllowThreads unblocked(BlockReason::IO);
        n = poll(fds.data(), fds.size(), ms);
    }
    if (n < 0) raise_object(os_error_new(errno, ""));
    Ref r = list_of_ready(readers, fds, 0, POLLIN);
    Ref w = list_of_ready(writers, fds, readers.size(), POLLOUT);
    Ref x = list_new();
    Object* items[] = {r.get(), w.get(), x.get()};
    return tuple_from(items, 3);
}

const MethodDef kSelectFunctions[] = {
    {"select", select_select, "Wait until one or more file descriptors are ready for I/O."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_select_module() { return native_module_new("select", kSelectFunctions); }

}  // namespace minipy
