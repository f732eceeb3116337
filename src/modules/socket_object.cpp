// socket_object.cpp — the `_socket.socket` type: creating, connecting, sending and receiving, with
// CPython's timeout rules (blocking, non-blocking, or waiting in poll up to a limit) and errors.
// Calls that may block let go of the GIL, so other threads run while one waits on the network.
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "modules/signals.h"
#include "modules/socket_module.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

Type socket_type;

namespace {

using Args = Object* const*;
using Clock = std::chrono::steady_clock;

SocketObject* self_of(Args args) { return static_cast<SocketObject*>(args[0]); }

int int_arg(Object* o) {
    if (!is_int(o)) raise_not_an_integer(o);
    return static_cast<int>(as_index(o));
}

// The descriptor, or CPython's OSError(EBADF) for a closed socket.
int fd_of(SocketObject* s) {
    int fd = s->fd.load();
    if (fd < 0) {
        errno = EBADF;
        raise_socket_errno();
    }
    return fd;
}

void set_fd_blocking(int fd, bool blocking) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) raise_socket_errno();
    int wanted = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    if (wanted != flags && fcntl(fd, F_SETFL, wanted) < 0) raise_socket_errno();
}

// settimeout's argument as seconds (negative for None), with CPython's errors.
double timeout_arg(Object* o) {
    if (o == None) return -1.0;
    if (!is_int(o) && !is_float(o)) raise_not_an_integer(o);  // CPython's text for a non-number
    double secs = is_int(o) ? int_to_double(o) : to_double(o);
    if (std::isnan(secs)) raise(&ValueError_type, "Invalid value NaN (not a number)");
    if (secs < 0) raise(&ValueError_type, "Timeout value out of range");
    return secs;
}

void apply_timeout(SocketObject* s, double secs) {
    s->timeout = secs;
    set_fd_blocking(fd_of(s), secs < 0);
}

// Waits until fd is ready for `events` or the deadline passes (raising TimeoutError).
void wait_ready(int fd, short events, Clock::time_point deadline) {
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left < 0) raise_socket_timeout();
        pollfd p{fd, events, 0};
        int n;
        {
            AllowThreads unblocked(BlockReason::IO);
            n = poll(&p, 1, static_cast<int>(left) + 1);
        }
        if (n > 0) return;
        if (n == 0) raise_socket_timeout();
        if (errno != EINTR) raise_socket_errno();
        check_signals();
    }
}

// CPython's sock_call: runs `op` (a send/recv-like system call returning -1 with errno) by the
// socket's timeout rule. Blocking: the call waits without the GIL. Non-blocking: one try, so
// EAGAIN comes out as BlockingIOError; no GIL hand-off, since the call cannot wait. With a timeout:
// poll for readiness, then try, again until the deadline.
template <typename Op>
ssize_t sock_call(SocketObject* s, short events, Op op) {
    int fd = fd_of(s);
    double timeout = s->timeout;
    auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(timeout > 0 ? timeout : 0));
    for (;;) {
        if (timeout > 0) wait_ready(fd, events, deadline);
        ssize_t n;
        if (timeout < 0) {
            AllowThreads unblocked(BlockReason::IO);
            n = op(fd);
        } else {
            n = op(fd);
        }
        if (n >= 0) return n;
        if (errno == EINTR) {
            check_signals();  // Ctrl-C and Python handlers run; if none raises, try again
            continue;
        }
        if (timeout > 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
        raise_socket_errno();
    }
}

// bufsize arguments: recv(-1) is CPython's ValueError.
size_t bufsize_arg(Object* o, const char* fname) {
    int64_t n = as_index(o);
    if (n < 0) raise(&ValueError_type, format("negative buffersize in %s", fname));
    return static_cast<size_t>(n);
}

// ---- creation ----

// socket.__init__(family=-1, type=-1, proto=-1, fileno=None), as CPython's sock_initobj: a new
// socket (close-on-exec, as all of CPython's), or the one open as `fileno`, whose family, type and
// protocol are asked of the system when not given.
void socket_init(SocketObject* s, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"family", "type", "proto", "fileno"};
    Object* bound[4] = {};
    bind_args("socket", args, nargs, kw, names, 4, 0, bound);
    int family = bound[0] && bound[0] != None ? int_arg(bound[0]) : -1;
    int type = bound[1] && bound[1] != None ? int_arg(bound[1]) : -1;
    int proto = bound[2] && bound[2] != None ? int_arg(bound[2]) : -1;
    int fd;
    if (bound[3] && bound[3] != None) {
        if (is_float(bound[3])) raise(&TypeError_type, "'float' object cannot be interpreted as an integer");
        fd = int_arg(bound[3]);
        if (fd < 0) raise(&ValueError_type, "negative file descriptor");
        socklen_t len = sizeof(int);
        int value;
        if (family == -1) {
            if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &value, &len) < 0) raise_socket_errno();
            family = value;
        }
        if (type == -1) {
            if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &value, &len) < 0) raise_socket_errno();
            type = value;
        }
        if (proto == -1) {
            if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &value, &len) < 0) raise_socket_errno();
            proto = value;
        }
    } else {
        family = family == -1 ? AF_INET : family;
        type = type == -1 ? SOCK_STREAM : type;
        proto = proto == -1 ? 0 : proto;
        fd = ::socket(family, type | SOCK_CLOEXEC, proto);
        if (fd < 0) raise_socket_errno();
    }
    s->fd = fd;
    s->family = family;
    // Since 3.7 the type shows neither flag (they are states of the descriptor, not the type).
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    apply_timeout(s, (type & SOCK_NONBLOCK) ? 0.0 : default_socket_timeout());
}

Ref socket_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    auto* s = new SocketObject();
    init_header(s, t);
    Ref self = Ref::steal(s);
    // socket.py's subclass calls _socket.socket.__init__ itself.
    if (t == &socket_type || !user_init(t)) socket_init(s, args, nargs, kw);
    return self;
}

Ref sock_init(Object*, Args args, size_t nargs, Tuple* kw) {
    socket_init(self_of(args), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

void socket_dealloc(Object* o) {
    auto* s = static_cast<SocketObject*>(o);
    if (s->fd >= 0) ::close(s->fd);
    delete s;
}

Ref socket_repr(Object* o) {
    auto* s = static_cast<SocketObject*>(o);
    return str_new(format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd.load(), s->family,
                          s->type, s->proto));
}

// ---- connection set-up ----

Ref sock_bind(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("bind", nargs - 1, kw, 1, 1);
    SocketObject* s = self_of(args);
    SocketAddress a = address_from_object(args[1], s->family, "bind");
    if (::bind(fd_of(s), a.get(), a.length) < 0) raise_socket_errno();
    return Ref::borrow(None);
}

Ref sock_listen(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("listen", nargs - 1, kw, 0, 1);
    // CPython's default backlog: SOMAXCONN, at most 128.
    int backlog = nargs > 1 ? int_arg(args[1]) : std::min(SOMAXCONN, 128);
    if (::listen(fd_of(self_of(args)), std::max(backlog, 0)) < 0) raise_socket_errno();
    return Ref::borrow(None);
}

// _accept() -> (fd, address); socket.py's accept() wraps the fd in a socket object.
Ref sock_accept(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_accept", nargs - 1, kw, 0, 0);
    sockaddr_storage peer{};
    socklen_t len = sizeof(peer);
    ssize_t fd = sock_call(self_of(args), POLLIN, [&](int listener) {
        len = sizeof(peer);
        return static_cast<ssize_t>(
            accept4(listener, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_CLOEXEC));
    });
    Ref fd_obj = int_from_i64(fd);
    Ref address = address_to_object(reinterpret_cast<sockaddr*>(&peer), len);
    Object* items[] = {fd_obj.get(), address.get()};
    return tuple_from(items, 2);
}

// CPython's internal_connect: 0 or the errno of the failure (raising only for bad addresses and
// timeouts). A connection that is under way when a timeout applies is waited for with poll.
int connect_errno(SocketObject* s, Object* address, const char* caller) {
    SocketAddress a = address_from_object(address, s->family, caller);
    int fd = fd_of(s);
    double timeout = s->timeout;
    int rc;
    if (timeout < 0) {
        AllowThreads unblocked(BlockReason::IO);
        rc = ::connect(fd, a.get(), a.length);
    } else {
        rc = ::connect(fd, a.get(), a.length);
    }
    if (rc == 0) return 0;
    int err = errno;
    bool waits = (err == EINPROGRESS && timeout > 0) || (err == EINTR && timeout != 0);
    if (!waits) return err;
    if (err == EINTR) check_signals();  // the connection goes on in the background meanwhile
    auto deadline = timeout > 0 ? Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                     std::chrono::duration<double>(timeout))
                                : Clock::time_point::max();
    wait_ready(fd, POLLOUT, deadline);
    socklen_t len = sizeof(err);
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) return errno;
    return err;
}

Ref sock_connect(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("connect", nargs - 1, kw, 1, 1);
    if (int err = connect_errno(self_of(args), args[1], "connect")) {
        errno = err;
        raise_socket_errno();
    }
    return Ref::borrow(None);
}

Ref sock_connect_ex(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("connect_ex", nargs - 1, kw, 1, 1);
    return int_from_i64(connect_errno(self_of(args), args[1], "connect_ex"));
}

// ---- data ----

Ref sock_send(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("send", nargs - 1, kw, 1, 2);
    std::string data = bytes_like_data(args[1]);
    int flags = nargs > 2 ? int_arg(args[2]) : 0;
    ssize_t n = sock_call(self_of(args), POLLOUT,
                          [&](int fd) { return ::send(fd, data.data(), data.size(), flags | MSG_NOSIGNAL); });
    return int_from_i64(n);
}

// sendall: send until all is gone; a timeout bounds each wait, as CPython's does.
Ref sock_sendall(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("sendall", nargs - 1, kw, 1, 2);
    std::string data = bytes_like_data(args[1]);
    int flags = nargs > 2 ? int_arg(args[2]) : 0;
    size_t sent = 0;
    do {
        sent += sock_call(self_of(args), POLLOUT, [&](int fd) {
            return ::send(fd, data.data() + sent, data.size() - sent, flags | MSG_NOSIGNAL);
        });
        check_signals();
    } while (sent < data.size());
    return Ref::borrow(None);
}

// sendto(data[, flags], address)
Ref sock_sendto(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("sendto", nargs - 1, kw, 2, 3);
    SocketObject* s = self_of(args);
    std::string data = bytes_like_data(args[1]);
    int flags = nargs > 3 ? int_arg(args[2]) : 0;
    SocketAddress a = address_from_object(args[nargs - 1], s->family, "sendto");
    ssize_t n = sock_call(s, POLLOUT, [&](int fd) {
        return ::sendto(fd, data.data(), data.size(), flags | MSG_NOSIGNAL, a.get(), a.length);
    });
    return int_from_i64(n);
}

std::string receive(SocketObject* s, size_t size, int flags, sockaddr_storage* from, socklen_t* from_len) {
    std::string buffer(size, '\0');
    ssize_t n = sock_call(s, POLLIN, [&](int fd) {
        if (!from) return ::recv(fd, buffer.data(), size, flags);
        *from_len = sizeof(*from);
        return ::recvfrom(fd, buffer.data(), size, flags, reinterpret_cast<sockaddr*>(from), from_len);
    });
    buffer.resize(static_cast<size_t>(n));
    return buffer;
}

Ref sock_recv(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("recv", nargs - 1, kw, 1, 2);
    size_t size = bufsize_arg(args[1], "recv");
    int flags = nargs > 2 ? int_arg(args[2]) : 0;
    return bytes_new(receive(self_of(args), size, flags, nullptr, nullptr));
}

Ref sock_recvfrom(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("recvfrom", nargs - 1, kw, 1, 2);
    size_t size = bufsize_arg(args[1], "recvfrom");
    int flags = nargs > 2 ? int_arg(args[2]) : 0;
    sockaddr_storage from{};
    socklen_t from_len = sizeof(from);
    Ref data = bytes_new(receive(self_of(args), size, flags, &from, &from_len));
    Ref address =
        from_len ? address_to_object(reinterpret_cast<sockaddr*>(&from), from_len) : Ref::borrow(None);
    Object* items[] = {data.get(), address.get()};
    return tuple_from(items, 2);
}

// recv_into(buffer[, nbytes[, flags]]): the bytes land in buffer[:n] through slice assignment, so
// a bytearray or a memoryview of one both work.
// recv_into's and recvfrom_into's work: the count received, the sender in *from when asked.
Ref receive_into(const char* name, Args args, size_t nargs, Tuple* kw, sockaddr_storage* from,
                 socklen_t* from_len) {
    static const char* const names[] = {"buffer", "nbytes", "flags"};
    Object* bound[3] = {};
    bind_args(name, args + 1, nargs - 1, kw, names, 3, 1, bound);
    if (!is_bytearray(bound[0]) && !is_instance(bound[0], &memoryview_type)) {
        raise(&TypeError_type, format("%s() argument 1 must be read-write bytes-like object, not %s", name,
                                      bound[0] == None ? "None" : type_of(bound[0])->name.c_str()));
    }
    size_t room = static_cast<size_t>(length(bound[0]));
    size_t size = bound[1] ? bufsize_arg(bound[1], name) : 0;
    if (size > room)
        raise(&ValueError_type, std::string(name) == "recv_into"
                                    ? "buffer too small for requested bytes"
                                    : "nbytes is greater than the length of the buffer");
    if (size == 0) size = room;
    int flags = bound[2] ? int_arg(bound[2]) : 0;
    std::string data = receive(self_of(args), size, flags, from, from_len);
    Ref count = int_from_i64(static_cast<int64_t>(data.size()));
    Ref where = slice_new(make_small_int(0), count.get(), None);
    set_item(bound[0], where.get(), bytes_new(data).get());
    return count;
}

Ref sock_recv_into(Object*, Args args, size_t nargs, Tuple* kw) {
    return receive_into("recv_into", args, nargs, kw, nullptr, nullptr);
}

// recvfrom_into(buffer[, nbytes[, flags]]) -> (count, address).
Ref sock_recvfrom_into(Object*, Args args, size_t nargs, Tuple* kw) {
    sockaddr_storage from{};
    socklen_t from_len = sizeof(from);
    Ref count = receive_into("recvfrom_into", args, nargs, kw, &from, &from_len);
    Ref address =
        from_len ? address_to_object(reinterpret_cast<sockaddr*>(&from), from_len) : Ref::borrow(None);
    Object* items[] = {count.get(), address.get()};
    return tuple_from(items, 2);
}

// ---- messages with ancillary data (how descriptors travel between processes: SCM_RIGHTS) ----

// sendmsg(buffers[, ancdata[, flags[, address]]]): the buffers are sent as one message, with
// ancdata's (level, type, data) items as its control messages.
Ref sock_sendmsg(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("sendmsg", nargs - 1, kw, 1, 4);
    SocketObject* s = self_of(args);
    std::vector<std::string> buffers;
    for_each_item(args[1], [&](Object* item) { buffers.push_back(bytes_like_data(item)); });
    std::vector<iovec> pieces;
    for (std::string& b : buffers) pieces.push_back({b.data(), b.size()});

    struct ControlItem {
        int level, type;
        std::string data;
    };
    std::vector<ControlItem> items;
    if (nargs > 2) {
        for_each_item(args[2], [&](Object* item) {
            Ref triple = tuple_from_iterable(item);
            if (length(triple.get()) != 3)
                raise(&TypeError_type,
                      "[sendmsg() ancillary data items]() argument must be sequence of length 3");
            Tuple* t = as_tuple(triple.get());
            items.push_back({int_arg(t->items[0]), int_arg(t->items[1]), bytes_like_data(t->items[2])});
        });
    }
    size_t control_size = 0;
    for (const ControlItem& c : items) control_size += CMSG_SPACE(c.data.size());
    std::vector<char> control(control_size, 0);

    msghdr message{};
    message.msg_iov = pieces.data();
    message.msg_iovlen = pieces.size();
    if (control_size) {
        message.msg_control = control.data();
        message.msg_controllen = control_size;
        cmsghdr* header = CMSG_FIRSTHDR(&message);
        for (const ControlItem& c : items) {
            header->cmsg_level = c.level;
            header->cmsg_type = c.type;
            header->cmsg_len = CMSG_LEN(c.data.size());
            std::copy(c.data.begin(), c.data.end(), reinterpret_cast<char*>(CMSG_DATA(header)));
            header = CMSG_NXTHDR(&message, header);
        }
    }
    int flags = nargs > 3 ? int_arg(args[3]) : 0;
    SocketAddress to;
    if (nargs > 4 && args[4] != None) {
        to = address_from_object(args[4], s->family, "sendmsg");
        message.msg_name = &to.storage;
        message.msg_namelen = to.length;
    }
    ssize_t n = sock_call(s, POLLOUT, [&](int fd) { return ::sendmsg(fd, &message, flags | MSG_NOSIGNAL); });
    return int_from_i64(n);
}

// recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address): ancdata lists
// the control messages received, as (level, type, data); descriptors in SCM_RIGHTS data are open
// in this process from then on.
Ref sock_recvmsg(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("recvmsg", nargs - 1, kw, 1, 3);
    SocketObject* s = self_of(args);
    size_t size = bufsize_arg(args[1], "recvmsg");
    int64_t control_size = nargs > 2 ? as_index(args[2]) : 0;
    if (control_size < 0) raise(&ValueError_type, "negative buffer size in recvmsg()");
    int flags = nargs > 3 ? int_arg(args[3]) : 0;
    std::string buffer(size, '\0');
    std::vector<char> control(static_cast<size_t>(control_size), 0);
    sockaddr_storage from{};
    iovec piece{buffer.data(), size};
    msghdr message{};
    ssize_t n = sock_call(s, POLLIN, [&](int fd) {
        message = msghdr{};
        message.msg_name = &from;
        message.msg_namelen = sizeof(from);
        message.msg_iov = &piece;
        message.msg_iovlen = 1;
        message.msg_control = control_size ? control.data() : nullptr;
        message.msg_controllen = static_cast<size_t>(control_size);
        return ::recvmsg(fd, &message, flags);
    });
    buffer.resize(static_cast<size_t>(n));
    Ref ancillary = list_new();
    if (message.msg_controllen > 0) {
        for (cmsghdr* header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
            // A message cut short by a small ancbufsize (MSG_CTRUNC) keeps what arrived.
            const char* data = reinterpret_cast<const char*>(CMSG_DATA(header));
            const char* end = reinterpret_cast<const char*>(header) + header->cmsg_len;
            const char* limit = control.data() + message.msg_controllen;
            if (end > limit) end = limit;
            Ref level = int_from_i64(header->cmsg_level), type = int_from_i64(header->cmsg_type);
            Ref bytes = bytes_new(std::string(data, end > data ? static_cast<size_t>(end - data) : 0));
            Object* parts[] = {level.get(), type.get(), bytes.get()};
            list_append(ancillary.get(), tuple_from(parts, 3).get());
        }
    }
    Ref data = bytes_new(buffer);
    Ref message_flags = int_from_i64(message.msg_flags);
    Ref address = message.msg_namelen
                      ? address_to_object(reinterpret_cast<sockaddr*>(&from), message.msg_namelen)
                      : Ref::borrow(None);
    Object* result[] = {data.get(), ancillary.get(), message_flags.get(), address.get()};
    return tuple_from(result, 4);
}

// ---- options, names and state ----

// setsockopt(level, option, value: int | bytes | None[, optlen])
Ref sock_setsockopt(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setsockopt", nargs - 1, kw, 3, 4);
    int fd = fd_of(self_of(args));
    int level = int_arg(args[1]), option = int_arg(args[2]);
    int rc;
    if (is_int(args[3])) {
        int value = int_arg(args[3]);
        rc = setsockopt(fd, level, option, &value, sizeof(value));
    } else if (args[3] == None && nargs == 5) {
        rc = setsockopt(fd, level, option, nullptr, static_cast<socklen_t>(as_index(args[4])));
    } else {
        std::string value = bytes_like_data(args[3]);
        rc = setsockopt(fd, level, option, value.data(), static_cast<socklen_t>(value.size()));
    }
    if (rc < 0) raise_socket_errno();
    return Ref::borrow(None);
}

// getsockopt(level, option[, buflen]): an int, or buflen raw bytes.
Ref sock_getsockopt(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getsockopt", nargs - 1, kw, 2, 3);
    int fd = fd_of(self_of(args));
    int level = int_arg(args[1]), option = int_arg(args[2]);
    if (nargs == 3) {
        int value = 0;
        socklen_t len = sizeof(value);
        if (getsockopt(fd, level, option, &value, &len) < 0) raise_socket_errno();
        return int_from_i64(value);
    }
    int buflen = int_arg(args[3]);
    if (buflen == 0) return sock_getsockopt(nullptr, args, 3, nullptr);  // 0: an int option, as no buflen
    if (buflen <= 0 || buflen > 1024) raise(&OSError_type, "getsockopt buflen out of range");
    std::string buffer(static_cast<size_t>(buflen), '\0');
    socklen_t len = static_cast<socklen_t>(buflen);
    if (getsockopt(fd, level, option, buffer.data(), &len) < 0) raise_socket_errno();
    buffer.resize(len);
    return bytes_new(buffer);
}

template <int (*Query)(int, sockaddr*, socklen_t*)>
Ref socket_name(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional(Query == getsockname ? "getsockname" : "getpeername", nargs - 1, kw, 0, 0);
    sockaddr_storage address{};
    socklen_t len = sizeof(address);
    if (Query(fd_of(self_of(args)), reinterpret_cast<sockaddr*>(&address), &len) < 0) raise_socket_errno();
    return address_to_object(reinterpret_cast<sockaddr*>(&address), len);
}

Ref sock_setblocking(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setblocking", nargs - 1, kw, 1, 1);
    apply_timeout(self_of(args), is_true(args[1]) ? -1.0 : 0.0);
    return Ref::borrow(None);
}

Ref sock_getblocking(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getblocking", nargs - 1, kw, 0, 0);
    return Ref::borrow(bool_obj(self_of(args)->timeout != 0));
}

Ref sock_settimeout(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("settimeout", nargs - 1, kw, 1, 1);
    apply_timeout(self_of(args), timeout_arg(args[1]));
    return Ref::borrow(None);
}

Ref sock_gettimeout(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("gettimeout", nargs - 1, kw, 0, 0);
    double secs = self_of(args)->timeout;
    return secs < 0 ? Ref::borrow(None) : float_new(secs);
}

Ref sock_fileno(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fileno", nargs - 1, kw, 0, 0);
    return int_from_i64(self_of(args)->fd.load());
}

Ref sock_detach(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("detach", nargs - 1, kw, 0, 0);
    return int_from_i64(self_of(args)->fd.exchange(-1));
}

// close(): ECONNRESET is not an error here, as CPython's sock_close says (the peer left first).
Ref sock_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    int fd = self_of(args)->fd.exchange(-1);
    if (fd >= 0 && ::close(fd) < 0 && errno != ECONNRESET) raise_socket_errno();
    return Ref::borrow(None);
}

Ref sock_shutdown(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("shutdown", nargs - 1, kw, 1, 1);
    if (::shutdown(fd_of(self_of(args)), int_arg(args[1])) < 0) raise_socket_errno();
    return Ref::borrow(None);
}

const MethodDef kSocketMethods[] = {
    {"bind", sock_bind, "Bind the socket to a local address."},
    {"listen", sock_listen, "Enable a server to accept connections."},
    {"_accept", sock_accept, "Wait for an incoming connection; return (new socket fd, client address)."},
    {"connect", sock_connect, "Connect the socket to a remote address."},
    {"connect_ex", sock_connect_ex, "Like connect(address), but return an error code instead of raising."},
    {"send", sock_send, "Send a data string to the socket; return the number of bytes sent."},
    {"sendall", sock_sendall, "Send a data string to the socket, all of it."},
    {"sendto", sock_sendto, "Like send(data, flags) but allows specifying the destination address."},
    {"recv", sock_recv, "Receive up to buffersize bytes from the socket."},
    {"recvfrom", sock_recvfrom, "Like recv(buffersize, flags) but also return the sender's address."},
    {"recv_into", sock_recv_into, "Receive up to nbytes bytes from the socket into a buffer."},
    {"recvfrom_into", sock_recvfrom_into,
     "Like recv_into(buffer[, nbytes[, flags]]) but also return the sender's address info."},
    {"sendmsg", sock_sendmsg,
     "Send normal and ancillary data to the socket, gathering the non-ancillary data from a series of "
     "buffers."},
    {"recvmsg", sock_recvmsg,
     "Receive normal data (up to bufsize bytes) and ancillary data from the socket."},
    {"setsockopt", sock_setsockopt, "Set a socket option."},
    {"getsockopt", sock_getsockopt, "Get a socket option."},
    {"getsockname", socket_name<getsockname>, "Return the address of the local endpoint."},
    {"getpeername", socket_name<getpeername>, "Return the address of the remote endpoint."},
    {"setblocking", sock_setblocking, "Set the socket to blocking (flag is true) or non-blocking."},
    {"getblocking", sock_getblocking, "Return True if socket is in blocking mode, False if non-blocking."},
    {"settimeout", sock_settimeout, "Set a timeout on socket operations."},
    {"gettimeout", sock_gettimeout,
     "Returns the timeout in seconds (float) associated with socket operations."},
    {"fileno", sock_fileno, "Return the integer file descriptor of the socket."},
    {"detach", sock_detach, "Close the socket object without closing the underlying file descriptor."},
    {"close", sock_close, "Close the socket."},
    {"shutdown", sock_shutdown, "Shut down the reading side, the writing side, or both."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kInitMethod[] = {{"__init__", sock_init, "Initialize self."}, {nullptr, nullptr, nullptr}};

// family, type, proto and timeout read like CPython's member descriptors: properties over native
// getters, so socket.py's `super().family` reaches them.
Ref get_family(Object*, Args args, size_t, Tuple*) { return int_from_i64(self_of(args)->family); }
Ref get_type(Object*, Args args, size_t, Tuple*) { return int_from_i64(self_of(args)->type); }
Ref get_proto(Object*, Args args, size_t, Tuple*) { return int_from_i64(self_of(args)->proto); }
Ref get_timeout(Object*, Args args, size_t nargs, Tuple* kw) {
    return sock_gettimeout(nullptr, args, nargs, kw);
}

const MethodDef kGetters[] = {
    {"family", get_family, "the socket family"},
    {"type", get_type, "the socket type"},
    {"proto", get_proto, "the socket protocol"},
    {"timeout", get_timeout, "the socket timeout"},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_socket_type() {
    socket_type.name = "socket";
    socket_type.instance_size = sizeof(SocketObject);
    socket_type.dealloc = socket_dealloc;
    socket_type.repr = socket_repr;
    socket_type.construct = socket_construct;
    socket_type.methods = kSocketMethods;
    socket_type.is_basetype = true;
    socket_type.constructs_subclasses = true;
    init_type(&socket_type);
    dict_set(socket_type.dict, intern("__module__"), intern("_socket"));
    dict_set(socket_type.dict, intern("__init__"), method_descriptor_new(&socket_type, kInitMethod).get());
    for (const MethodDef* g = kGetters; g->name; ++g) {
        Ref getter = native_function_new(g, nullptr);
        dict_set(socket_type.dict, intern(g->name), call1(&property_type, getter.get()).get());
    }
}

}  // namespace minipy
