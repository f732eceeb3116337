// socket_module.cpp — the native `_socket` module that CPython's Lib/socket.py wraps: constants,
// socket addresses, name resolution (getaddrinfo and friends, without the GIL), byte-order and
// address-text conversions, socketpair, and CPython's errors (gaierror, herror, TimeoutError).
#include "modules/socket_module.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/can.h>
#include <linux/can/bcm.h>
#include <linux/can/isotp.h>
#include <linux/can/j1939.h>
#include <linux/can/raw.h>
#include <linux/if_alg.h>
#include <linux/netlink.h>
#include <linux/qrtr.h>
#include <linux/tipc.h>
#include <linux/vm_sockets.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netpacket/packet.h>
#include <sys/ioctl.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
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

Type gaierror_type, herror_type;

namespace {

using Args = Object* const*;

std::atomic<double> g_default_timeout{-1.0};

int int_arg(Object* o) {
    if (!is_int(o)) raise_not_an_integer(o);
    return static_cast<int>(as_index(o));
}

// A host name argument: str (ASCII, as CPython's idna codec would give), bytes or bytearray.
std::string host_arg(Object* o) {
    if (is_str(o)) return str_utf8_of(o);
    if (is_bytes_like(o)) return bytes_like_data(o);
    raise(&TypeError_type, format("str, bytes or bytearray expected, not %s", type_of(o)->name.c_str()));
}

// getaddrinfo without the GIL; raises gaierror on failure. The caller frees the list.
addrinfo* resolve(const char* host, const char* port, int family, int type, int proto, int flags) {
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = type;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    addrinfo* result = nullptr;
    int rc;
    {
        AllowThreads unblocked(BlockReason::IO);
        rc = getaddrinfo(host, port, &hints, &result);
    }
    if (rc != 0) raise_gai_error(rc);
    return result;
}

// CPython's setipaddr: '' is any address, '<broadcast>' the broadcast one, a numeric address is
// read as it is, and anything else is a host name to look up.
void set_ip_address(const std::string& host, int family, sockaddr* out) {
    void* where = family == AF_INET ? static_cast<void*>(&reinterpret_cast<sockaddr_in*>(out)->sin_addr)
                                    : static_cast<void*>(&reinterpret_cast<sockaddr_in6*>(out)->sin6_addr);
    if (host.empty()) {
        if (family == AF_INET) reinterpret_cast<sockaddr_in*>(out)->sin_addr.s_addr = htonl(INADDR_ANY);
        return;
    }
    if (host == "<broadcast>" || host == "255.255.255.255") {
        if (family != AF_INET) {
            errno = EAFNOSUPPORT;
            raise_socket_errno();
        }
        reinterpret_cast<sockaddr_in*>(out)->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        return;
    }
    if (inet_pton(family, host.c_str(), where) == 1) return;
    addrinfo* found = resolve(host.c_str(), nullptr, family, 0, 0, 0);
    if (family == AF_INET) {
        std::memcpy(where, &reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr, sizeof(in_addr));
    } else {
        std::memcpy(where, &reinterpret_cast<sockaddr_in6*>(found->ai_addr)->sin6_addr, sizeof(in6_addr));
    }
    freeaddrinfo(found);
}

uint16_t port_arg(Object* o, const char* caller) {
    int64_t port = as_index(o);
    if (port < 0 || port > 0xffff) raise(&OverflowError_type, format("%s(): port must be 0-65535.", caller));
    return static_cast<uint16_t>(port);
}

SocketAddress ip_address(Object* address, int family, const char* caller) {
    const char* name = family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!is_instance(address, &tuple_type))
        raise(&TypeError_type,
              format("%s(): %s address must be tuple, not %s", caller, name, type_of(address)->name.c_str()));
    Tuple* t = as_tuple(address);
    size_t most = family == AF_INET ? 2 : 4;
    if (t->size < 2 || t->size > most) {
        raise(&TypeError_type, family == AF_INET
                                   ? "AF_INET address must be a pair (host, port)"
                                   : "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
    }
    SocketAddress a;
    std::string host = host_arg(t->items[0]);
    if (family == AF_INET) {
        auto* in = reinterpret_cast<sockaddr_in*>(&a.storage);
        in->sin_family = AF_INET;
        set_ip_address(host, AF_INET, reinterpret_cast<sockaddr*>(in));
        in->sin_port = htons(port_arg(t->items[1], caller));
        a.length = sizeof(sockaddr_in);
    } else {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&a.storage);
        in6->sin6_family = AF_INET6;
        set_ip_address(host, AF_INET6, reinterpret_cast<sockaddr*>(in6));
        in6->sin6_port = htons(port_arg(t->items[1], caller));
        if (t->size > 2) in6->sin6_flowinfo = htonl(static_cast<uint32_t>(as_index(t->items[2])));
        if (t->size > 3) in6->sin6_scope_id = static_cast<uint32_t>(as_index(t->items[3]));
        a.length = sizeof(sockaddr_in6);
    }
    return a;
}

SocketAddress unix_address(Object* address) {
    std::string path;
    if (is_str(address)) {
        path = str_utf8_of(address);
    } else if (is_bytes_like(address)) {
        path = bytes_like_data(address);
    } else {
        raise(&TypeError_type,
              format("a bytes-like object is required, not '%s'", type_of(address)->name.c_str()));
    }
    SocketAddress a;
    auto* un = reinterpret_cast<sockaddr_un*>(&a.storage);
    if (path.size() >= sizeof(un->sun_path)) raise(&OSError_type, "AF_UNIX path too long");
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, path.data(), path.size());
    // An abstract name (leading NUL) is exactly its bytes long; a file path ends with a NUL.
    a.length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() +
                                      (path.empty() || path[0] != '\0' ? 1 : 0));
    return a;
}

Ref text_of_ip(int family, const void* binary) {
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(family, binary, text, sizeof(text));
    return str_new(text);
}

}  // namespace

double default_socket_timeout() { return g_default_timeout; }

SocketAddress address_from_object(Object* address, int family, const char* caller) {
    if (family == AF_INET || family == AF_INET6) return ip_address(address, family, caller);
    if (family == AF_UNIX) return unix_address(address);
    raise(&OSError_type, format("%s(): bad family", caller));
}

Ref address_to_object(const sockaddr* address, socklen_t length) {
    if (length == 0) return Ref::borrow(None);
    switch (address->sa_family) {
        case AF_INET: {
            auto* in = reinterpret_cast<const sockaddr_in*>(address);
            Ref host = text_of_ip(AF_INET, &in->sin_addr);
            Ref port = int_from_i64(ntohs(in->sin_port));
            Object* items[] = {host.get(), port.get()};
            return tuple_from(items, 2);
        }
        case AF_INET6: {
            auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
            Ref host = text_of_ip(AF_INET6, &in6->sin6_addr);
            Ref port = int_from_i64(ntohs(in6->sin6_port));
            Ref flow = int_from_i64(ntohl(in6->sin6_flowinfo));
            Ref scope = int_from_i64(in6->sin6_scope_id);
            Object* items[] = {host.get(), port.get(), flow.get(), scope.get()};
            return tuple_from(items, 4);
        }
        case AF_UNIX: {
            auto* un = reinterpret_cast<const sockaddr_un*>(address);
            size_t size =
                length > offsetof(sockaddr_un, sun_path) ? length - offsetof(sockaddr_un, sun_path) : 0;
            // An abstract name is bytes in CPython; a file path is str.
            if (size > 0 && un->sun_path[0] == '\0') return bytes_new(std::string(un->sun_path, size));
            return str_new(std::string(un->sun_path, strnlen(un->sun_path, size)));
        }
        default: {
            Ref family = int_from_i64(address->sa_family);
            Ref data = bytes_new(std::string(address->sa_data, sizeof(address->sa_data)));
            Object* items[] = {family.get(), data.get()};
            return tuple_from(items, 2);
        }
    }
}

void raise_socket_errno() { raise_object(os_error_new(errno, "")); }

void raise_gai_error(int code) {
    if (code == EAI_SYSTEM) raise_socket_errno();
    Ref number = int_from_i64(code);
    Ref text = str_new(gai_strerror(code));
    Object* items[] = {number.get(), text.get()};
    raise_object(call(&gaierror_type, items, 2));
}

void raise_socket_timeout() { raise(&TimeoutError_type, "timed out"); }

namespace {

// ---- module functions ----

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> [(family, type, proto, canonname,
// sockaddr), ...]
Ref socket_getaddrinfo(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"host", "port", "family", "type", "proto", "flags"};
    Object* bound[6] = {};
    bind_args("getaddrinfo", args, nargs, kw, names, 6, 2, bound);
    std::string host, port;
    bool has_host = bound[0] != None, has_port = bound[1] != None;
    if (has_host && !is_str(bound[0]) && !is_bytes(bound[0]))
        raise(&TypeError_type, "getaddrinfo() argument 1 must be string or None");
    if (has_host) host = host_arg(bound[0]);
    if (is_int(bound[1])) {
        port = std::to_string(as_index(bound[1]));
    } else if (is_str(bound[1]) || is_bytes(bound[1])) {
        port = is_str(bound[1]) ? str_utf8_of(bound[1]) : bytes_data(bound[1]);
    } else if (has_port) {
        raise(&OSError_type, "Int or String expected");
    }
    auto int_or_zero = [](Object* o) { return o ? int_arg(o) : 0; };
    addrinfo* found =
        resolve(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, int_or_zero(bound[2]),
                int_or_zero(bound[3]), int_or_zero(bound[4]), int_or_zero(bound[5]));
    Ref out = list_new();
    for (addrinfo* ai = found; ai; ai = ai->ai_next) {
        Ref family = int_from_i64(ai->ai_family), type = int_from_i64(ai->ai_socktype);
        Ref proto = int_from_i64(ai->ai_protocol);
        Ref canonical = str_new(ai->ai_canonname ? ai->ai_canonname : "");
        Ref address = address_to_object(ai->ai_addr, ai->ai_addrlen);
        Object* items[] = {family.get(), type.get(), proto.get(), canonical.get(), address.get()};
        list_append(out.get(), tuple_from(items, 5).get());
    }
    freeaddrinfo(found);
    return out;
}

// getnameinfo((host, port), flags) -> (host, port)
Ref socket_getnameinfo(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getnameinfo", nargs, kw, 2, 2);
    if (!is_instance(args[0], &tuple_type))
        raise(&TypeError_type, "getnameinfo() argument 1 must be a tuple");
    if (as_tuple(args[0])->size < 2) raise(&TypeError_type, "getnameinfo(): illegal sockaddr argument");
    Tuple* t = as_tuple(args[0]);
    addrinfo* found = resolve(host_arg(t->items[0]).c_str(), std::to_string(as_index(t->items[1])).c_str(),
                              AF_UNSPEC, SOCK_DGRAM, 0, AI_NUMERICHOST);
    char host[NI_MAXHOST], service[NI_MAXSERV];
    int rc;
    {
        AllowThreads unblocked(BlockReason::IO);
        rc = getnameinfo(found->ai_addr, found->ai_addrlen, host, sizeof(host), service, sizeof(service),
                         int_arg(args[1]));
    }
    freeaddrinfo(found);
    if (rc != 0) raise_gai_error(rc);
    Ref h = str_new(host), s = str_new(service);
    Object* items[] = {h.get(), s.get()};
    return tuple_from(items, 2);
}

Ref socket_gethostname(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("gethostname", nargs, kw, 0, 0);
    char name[HOST_NAME_MAX + 1] = {};
    if (gethostname(name, sizeof(name) - 1) < 0) raise_socket_errno();
    return str_new(name);
}

Ref socket_gethostbyname(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("gethostbyname", nargs, kw, 1, 1);
    sockaddr_in in{};
    set_ip_address(host_arg(args[0]), AF_INET, reinterpret_cast<sockaddr*>(&in));
    return text_of_ip(AF_INET, &in.sin_addr);
}

// The host argument of the gethostby* functions (CPython's "et" format).
std::string host_argument(Object* o, const char* fname) {
    if (!is_instance(o, &str_type) && !is_instance(o, &bytes_type) && !is_instance(o, &bytearray_type))
        raise(&TypeError_type, format("%s() argument 1 must be str, bytes or bytearray, not %s", fname,
                                      o == None ? "None" : type_of(o)->name.c_str()));
    return host_arg(o);
}

// socket.herror(h_errno, text) for a failed gethostby* lookup.
[[noreturn]] void raise_host_error(int code) {
    Ref number = int_from_i64(code);
    Ref text = str_new(hstrerror(code));
    Object* items[] = {number.get(), text.get()};
    raise_object(call(&herror_type, items, 2));
}

// CPython's gethost_common: (name, [aliases], [addresses]) of a hostent.
Ref host_entry_tuple(const hostent& h) {
    Ref aliases = list_new(), addresses = list_new();
    for (char** a = h.h_aliases; a && *a; ++a) list_append(aliases.get(), str_new(*a).get());
    for (char** a = h.h_addr_list; a && *a; ++a)
        list_append(addresses.get(), text_of_ip(h.h_addrtype, *a).get());
    Ref name = str_new(h.h_name ? h.h_name : "");
    Object* items[] = {name.get(), aliases.get(), addresses.get()};
    return tuple_from(items, 3);
}

// Runs a gethostby*_r call without the GIL, its buffer grown until the entry fits.
template <typename Lookup>
Ref host_entry(Lookup lookup) {
    std::vector<char> buffer(16384);
    for (;;) {
        hostent entry{}, *result = nullptr;
        int error = 0, rc;
        {
            AllowThreads unblocked(BlockReason::IO);
            rc = lookup(&entry, buffer.data(), buffer.size(), &result, &error);
        }
        if (rc == ERANGE && buffer.size() < (1u << 24)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (!result) raise_host_error(error ? error : HOST_NOT_FOUND);
        return host_entry_tuple(entry);
    }
}

// gethostbyname_ex(host) -> (name, aliases, addresses), IPv4 only as in CPython.
Ref socket_gethostbyname_ex(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("gethostbyname_ex", nargs, kw, 1, 1);
    std::string host = host_argument(args[0], "gethostbyname_ex");
    sockaddr_in in{};
    set_ip_address(host, AF_INET, reinterpret_cast<sockaddr*>(&in));  // gaierror for an unknown host
    return host_entry([&](hostent* e, char* b, size_t n, hostent** r, int* err) {
        return gethostbyname_r(host.c_str(), e, b, n, r, err);
    });
}

// gethostbyaddr(ip) -> (name, aliases, addresses): the reverse lookup of an IPv4 or IPv6 address,
// or of a host name's first address.
Ref socket_gethostbyaddr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("gethostbyaddr", nargs, kw, 1, 1);
    std::string host = host_argument(args[0], "gethostbyaddr");
    sockaddr_in6 in6{};
    sockaddr_in in4{};
    int family = AF_INET;
    if (host.empty()) {
        // CPython's setipaddr for '' in no particular family: the wildcard address, if it is one.
        addrinfo* found = resolve(nullptr, "0", AF_UNSPEC, SOCK_DGRAM, 0, AI_PASSIVE);
        bool several = found->ai_next != nullptr;
        freeaddrinfo(found);
        if (several) raise(&OSError_type, "wildcard resolved to multiple address");
    }
    if (inet_pton(AF_INET6, host.c_str(), &in6.sin6_addr) == 1) {
        family = AF_INET6;
    } else if (inet_pton(AF_INET, host.c_str(), &in4.sin_addr) != 1) {
        addrinfo* found = resolve(host.c_str(), nullptr, AF_UNSPEC, 0, 0, 0);
        family = found->ai_family;
        if (family == AF_INET6)
            in6 = *reinterpret_cast<sockaddr_in6*>(found->ai_addr);
        else
            in4 = *reinterpret_cast<sockaddr_in*>(found->ai_addr);
        freeaddrinfo(found);
    }
    const void* addr = family == AF_INET6 ? static_cast<const void*>(&in6.sin6_addr) : &in4.sin_addr;
    socklen_t len = family == AF_INET6 ? sizeof(in6.sin6_addr) : sizeof(in4.sin_addr);
    return host_entry([&](hostent* e, char* b, size_t n, hostent** r, int* err) {
        return gethostbyaddr_r(addr, len, family, e, b, n, r, err);
    });
}

Ref socket_inet_aton(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("inet_aton", nargs, kw, 1, 1);
    in_addr a{};
    if (inet_aton(expect_str(args[0], "inet_aton() argument 1")->utf8.c_str(), &a) == 0)
        raise(&OSError_type, "illegal IP address string passed to inet_aton");
    return bytes_new(std::string(reinterpret_cast<const char*>(&a), sizeof(a)));
}

Ref socket_inet_ntoa(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("inet_ntoa", nargs, kw, 1, 1);
    std::string packed = bytes_like_data(args[0]);
    if (packed.size() != sizeof(in_addr)) raise(&OSError_type, "packed IP wrong length for inet_ntoa");
    return text_of_ip(AF_INET, packed.data());
}

Ref socket_inet_pton(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("inet_pton", nargs, kw, 2, 2);
    int family = int_arg(args[0]);
    if (family != AF_INET && family != AF_INET6) {
        errno = EAFNOSUPPORT;
        raise_socket_errno();
    }
    unsigned char packed[sizeof(in6_addr)];
    if (inet_pton(family, expect_str(args[1], "inet_pton() argument 2")->utf8.c_str(), packed) != 1)
        raise(&OSError_type, "illegal IP address string passed to inet_pton");
    return bytes_new(std::string(reinterpret_cast<char*>(packed), family == AF_INET ? 4 : 16));
}

Ref socket_inet_ntop(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("inet_ntop", nargs, kw, 2, 2);
    int family = int_arg(args[0]);
    std::string packed = bytes_like_data(args[1]);
    if (family != AF_INET && family != AF_INET6)
        raise(&ValueError_type, "unknown address family " + std::to_string(family));
    if (packed.size() != (family == AF_INET ? 4u : 16u))
        raise(&ValueError_type, "invalid length of packed IP address string");
    return text_of_ip(family, packed.data());
}

// htons/ntohs/htonl/ntohl, with CPython's range errors.
template <bool Long>
Ref byte_order(Object*, Args args, size_t nargs, Tuple* kw) {
    const char* name = Long ? "htonl" : "htons";
    check_positional(name, nargs, kw, 1, 1);
    if (!is_int(args[0])) raise_not_an_integer(args[0]);
    int64_t x = as_index(args[0]);
    if (x < 0)
        raise(&OverflowError_type,
              Long ? "can't convert negative value to unsigned int"
                   : "htons: can't convert negative Python int to C 16-bit unsigned integer");
    if (x > (Long ? int64_t{0xffffffff} : int64_t{0xffff}))
        raise(&OverflowError_type,
              Long ? "int larger than 32 bits"
                   : "htons: Python int too large to convert to C 16-bit unsigned integer");
    return int_from_i64(Long ? htonl(static_cast<uint32_t>(x)) : htons(static_cast<uint16_t>(x)));
}

Ref socket_getdefaulttimeout(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getdefaulttimeout", nargs, kw, 0, 0);
    double secs = g_default_timeout;
    return secs < 0 ? Ref::borrow(None) : float_new(secs);
}

Ref socket_setdefaulttimeout(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setdefaulttimeout", nargs, kw, 1, 1);
    Object* o = args[0];
    double secs = o == None ? -1.0 : (is_int(o) ? int_to_double(o) : to_double(o));
    if (o != None && (std::isnan(secs) || secs < 0)) raise(&ValueError_type, "Timeout value out of range");
    g_default_timeout = secs;
    return Ref::borrow(None);
}

Ref new_socket(int family, int type, int proto, int fd) {
    Ref f = int_from_i64(family), t = int_from_i64(type), p = int_from_i64(proto), d = int_from_i64(fd);
    Object* items[] = {f.get(), t.get(), p.get(), d.get()};
    return call(&socket_type, items, 4);
}

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> (socket, socket)
Ref socket_socketpair(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("socketpair", nargs, kw, 0, 3);
    int family = nargs > 0 && args[0] != None ? int_arg(args[0]) : AF_UNIX;
    int type = nargs > 1 ? int_arg(args[1]) : SOCK_STREAM;
    int proto = nargs > 2 ? int_arg(args[2]) : 0;
    int fds[2];
    if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) raise_socket_errno();
    Ref a = new_socket(family, type, proto, fds[0]);
    Ref b = new_socket(family, type, proto, fds[1]);
    Object* items[] = {a.get(), b.get()};
    return tuple_from(items, 2);
}

Ref socket_dup(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("dup", nargs, kw, 1, 1);
    int fd = fcntl(int_arg(args[0]), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) raise_socket_errno();
    return int_from_i64(fd);
}

Ref socket_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    if (::close(int_arg(args[0])) < 0 && errno != ECONNRESET) raise_socket_errno();
    return Ref::borrow(None);
}

// CMSG_LEN(length) and CMSG_SPACE(length): the size of a control message carrying `length` bytes,
// without and with the padding that the next one needs (what recvmsg's ancbufsize is made of).
template <bool with_padding>
Ref socket_cmsg_size(Object*, Args args, size_t nargs, Tuple* kw) {
    const char* name = with_padding ? "CMSG_SPACE" : "CMSG_LEN";
    check_positional(name, nargs, kw, 1, 1);
    int64_t n = as_index(args[0]);
    if (n < 0 || n > INT_MAX / 2) raise(&OverflowError_type, format("%s() argument out of range", name));
    size_t size = static_cast<size_t>(n);
    return int_from_i64(static_cast<int64_t>(with_padding ? CMSG_SPACE(size) : CMSG_LEN(size)));
}

const MethodDef kSocketFunctions[] = {
    {"CMSG_LEN", socket_cmsg_size<false>,
     "Return the total length, without trailing padding, of an ancillary data item with length bytes."},
    {"CMSG_SPACE", socket_cmsg_size<true>,
     "Return the buffer size needed for recvmsg() to receive an ancillary data item with length bytes."},
    {"getaddrinfo", socket_getaddrinfo, "Resolve host and port into addrinfo struct."},
    {"getnameinfo", socket_getnameinfo, "Get host and port for a sockaddr."},
    {"gethostname", socket_gethostname, "Return the current host name."},
    {"gethostbyname", socket_gethostbyname,
     "Return the IP address (a string of the form '255.255.255.255') for a host."},
    {"gethostbyname_ex", socket_gethostbyname_ex,
     "Return the true host name, a list of aliases, and a list of IP addresses, for a host."},
    {"gethostbyaddr", socket_gethostbyaddr,
     "Return the true host name, a list of aliases, and a list of IP addresses, for a host."},
    {"inet_aton", socket_inet_aton,
     "Convert an IP address in string format to the 32-bit packed binary format."},
    {"inet_ntoa", socket_inet_ntoa,
     "Convert an IP address from 32-bit packed binary format to string format."},
    {"inet_pton", socket_inet_pton, "Convert an IP address from string format to a packed string."},
    {"inet_ntop", socket_inet_ntop, "Convert a packed IP address of the given family to string format."},
    {"htons", byte_order<false>, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"ntohs", byte_order<false>, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"htonl", byte_order<true>, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl", byte_order<true>, "Convert a 32-bit integer from network to host byte order."},
    {"getdefaulttimeout", socket_getdefaulttimeout,
     "Returns the default timeout in seconds (float) for new socket objects."},
    {"setdefaulttimeout", socket_setdefaulttimeout,
     "Set the default timeout in seconds (float) for new socket objects."},
    {"socketpair", socket_socketpair,
     "Create a pair of socket objects from the sockets returned by the platform socketpair() function."},
    {"dup", socket_dup, "Duplicate an integer socket file descriptor."},
    {"close", socket_close, "Close an integer socket file descriptor."},
    {nullptr, nullptr, nullptr},
};

struct IntConstant {
    const char* name;
    long value;
};
#define MINIPY_SOCKET_CONSTANT(name) \
    { #name, name }
const IntConstant kConstants[] = {
    MINIPY_SOCKET_CONSTANT(AF_UNSPEC),        MINIPY_SOCKET_CONSTANT(AF_INET),
    MINIPY_SOCKET_CONSTANT(AF_INET6),         MINIPY_SOCKET_CONSTANT(AF_UNIX),
    MINIPY_SOCKET_CONSTANT(SOCK_STREAM),      MINIPY_SOCKET_CONSTANT(SOCK_DGRAM),
    MINIPY_SOCKET_CONSTANT(SOCK_RAW),         MINIPY_SOCKET_CONSTANT(SOCK_SEQPACKET),
    MINIPY_SOCKET_CONSTANT(SOCK_NONBLOCK),    MINIPY_SOCKET_CONSTANT(SOCK_CLOEXEC),
    MINIPY_SOCKET_CONSTANT(SOL_SOCKET),       MINIPY_SOCKET_CONSTANT(SCM_RIGHTS),
    MINIPY_SOCKET_CONSTANT(SO_REUSEADDR),     MINIPY_SOCKET_CONSTANT(SO_REUSEPORT),
    MINIPY_SOCKET_CONSTANT(SO_KEEPALIVE),     MINIPY_SOCKET_CONSTANT(SO_BROADCAST),
    MINIPY_SOCKET_CONSTANT(SO_ERROR),         MINIPY_SOCKET_CONSTANT(SO_TYPE),
    MINIPY_SOCKET_CONSTANT(SO_RCVBUF),        MINIPY_SOCKET_CONSTANT(SO_SNDBUF),
    MINIPY_SOCKET_CONSTANT(SO_LINGER),        MINIPY_SOCKET_CONSTANT(SO_ACCEPTCONN),
    MINIPY_SOCKET_CONSTANT(SO_DOMAIN),        MINIPY_SOCKET_CONSTANT(SO_PROTOCOL),
    MINIPY_SOCKET_CONSTANT(SO_RCVLOWAT),      MINIPY_SOCKET_CONSTANT(SO_SNDLOWAT),
    MINIPY_SOCKET_CONSTANT(SO_OOBINLINE),     MINIPY_SOCKET_CONSTANT(SOMAXCONN),
    MINIPY_SOCKET_CONSTANT(IPPROTO_IP),       MINIPY_SOCKET_CONSTANT(IPPROTO_TCP),
    MINIPY_SOCKET_CONSTANT(IPPROTO_UDP),      MINIPY_SOCKET_CONSTANT(IPPROTO_IPV6),
    MINIPY_SOCKET_CONSTANT(IPPROTO_ICMP),     MINIPY_SOCKET_CONSTANT(IPPROTO_RAW),
    MINIPY_SOCKET_CONSTANT(TCP_NODELAY),      MINIPY_SOCKET_CONSTANT(TCP_MAXSEG),
    MINIPY_SOCKET_CONSTANT(TCP_KEEPIDLE),     MINIPY_SOCKET_CONSTANT(TCP_KEEPINTVL),
    MINIPY_SOCKET_CONSTANT(TCP_KEEPCNT),      MINIPY_SOCKET_CONSTANT(IPV6_V6ONLY),
    MINIPY_SOCKET_CONSTANT(IP_TTL),           MINIPY_SOCKET_CONSTANT(IP_TOS),
    MINIPY_SOCKET_CONSTANT(MSG_OOB),          MINIPY_SOCKET_CONSTANT(MSG_PEEK),
    MINIPY_SOCKET_CONSTANT(MSG_DONTROUTE),    MINIPY_SOCKET_CONSTANT(MSG_DONTWAIT),
    MINIPY_SOCKET_CONSTANT(MSG_WAITALL),      MINIPY_SOCKET_CONSTANT(MSG_NOSIGNAL),
    MINIPY_SOCKET_CONSTANT(MSG_TRUNC),        MINIPY_SOCKET_CONSTANT(MSG_CTRUNC),
    MINIPY_SOCKET_CONSTANT(MSG_EOR),          MINIPY_SOCKET_CONSTANT(SHUT_RD),
    MINIPY_SOCKET_CONSTANT(SHUT_WR),          MINIPY_SOCKET_CONSTANT(SHUT_RDWR),
    MINIPY_SOCKET_CONSTANT(AI_PASSIVE),       MINIPY_SOCKET_CONSTANT(AI_CANONNAME),
    MINIPY_SOCKET_CONSTANT(AI_NUMERICHOST),   MINIPY_SOCKET_CONSTANT(AI_NUMERICSERV),
    MINIPY_SOCKET_CONSTANT(AI_ADDRCONFIG),    MINIPY_SOCKET_CONSTANT(AI_V4MAPPED),
    MINIPY_SOCKET_CONSTANT(AI_ALL),           MINIPY_SOCKET_CONSTANT(NI_NUMERICHOST),
    MINIPY_SOCKET_CONSTANT(NI_NUMERICSERV),   MINIPY_SOCKET_CONSTANT(NI_NAMEREQD),
    MINIPY_SOCKET_CONSTANT(NI_NOFQDN),        MINIPY_SOCKET_CONSTANT(NI_DGRAM),
    MINIPY_SOCKET_CONSTANT(NI_MAXHOST),       MINIPY_SOCKET_CONSTANT(NI_MAXSERV),
    MINIPY_SOCKET_CONSTANT(EAI_ADDRFAMILY),   MINIPY_SOCKET_CONSTANT(EAI_AGAIN),
    MINIPY_SOCKET_CONSTANT(EAI_BADFLAGS),     MINIPY_SOCKET_CONSTANT(EAI_FAIL),
    MINIPY_SOCKET_CONSTANT(EAI_FAMILY),       MINIPY_SOCKET_CONSTANT(EAI_MEMORY),
    MINIPY_SOCKET_CONSTANT(EAI_NODATA),       MINIPY_SOCKET_CONSTANT(EAI_NONAME),
    MINIPY_SOCKET_CONSTANT(EAI_SERVICE),      MINIPY_SOCKET_CONSTANT(EAI_SOCKTYPE),
    MINIPY_SOCKET_CONSTANT(EAI_SYSTEM),       MINIPY_SOCKET_CONSTANT(INADDR_ANY),
    MINIPY_SOCKET_CONSTANT(INADDR_BROADCAST), MINIPY_SOCKET_CONSTANT(INADDR_LOOPBACK),
    MINIPY_SOCKET_CONSTANT(INADDR_NONE),
};
#undef MINIPY_SOCKET_CONSTANT

void init_exception_type(Type* t, const char* name) {
    t->name = name;
    t->base = &OSError_type;
    t->is_basetype = true;
    init_type(t);
    dict_set(t->dict, intern("__module__"), intern("socket"));
}

void init_types() {
    init_exception_type(&gaierror_type, "gaierror");
    init_exception_type(&herror_type, "herror");
    init_socket_type();
}

}  // namespace

Ref init_socket_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Ref module = native_module_new("_socket", kSocketFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("socket"), &socket_type);
    dict_set(d, intern("SocketType"), &socket_type);
    dict_set(d, intern("error"), &OSError_type);
    dict_set(d, intern("timeout"), &TimeoutError_type);
    dict_set(d, intern("gaierror"), &gaierror_type);
    dict_set(d, intern("herror"), &herror_type);
    dict_set(d, intern("has_ipv6"), True);
    for (const IntConstant& c : kConstants) dict_set(d, intern(c.name), int_from_i64(c.value).get());
    // The rest of CPython's constants, where this system's headers define them.
    auto add = [d](const char* name, long long value) {
        dict_set(d, intern(name), int_from_i64(value).get());
    };
    // clang-format off
#ifdef AF_ALG
    add("AF_ALG", AF_ALG);
#endif
#ifdef AF_APPLETALK
    add("AF_APPLETALK", AF_APPLETALK);
#endif
#ifdef AF_ASH
    add("AF_ASH", AF_ASH);
#endif
#ifdef AF_ATMPVC
    add("AF_ATMPVC", AF_ATMPVC);
#endif
#ifdef AF_ATMSVC
    add("AF_ATMSVC", AF_ATMSVC);
#endif
#ifdef AF_AX25
    add("AF_AX25", AF_AX25);
#endif
#ifdef AF_BLUETOOTH
    add("AF_BLUETOOTH", AF_BLUETOOTH);
#endif
#ifdef AF_BRIDGE
    add("AF_BRIDGE", AF_BRIDGE);
#endif
#ifdef AF_CAN
    add("AF_CAN", AF_CAN);
#endif
#ifdef AF_ECONET
    add("AF_ECONET", AF_ECONET);
#endif
#ifdef AF_IPX
    add("AF_IPX", AF_IPX);
#endif
#ifdef AF_IRDA
    add("AF_IRDA", AF_IRDA);
#endif
#ifdef AF_KEY
    add("AF_KEY", AF_KEY);
#endif
#ifdef AF_LLC
    add("AF_LLC", AF_LLC);
#endif
#ifdef AF_NETBEUI
    add("AF_NETBEUI", AF_NETBEUI);
#endif
#ifdef AF_NETLINK
    add("AF_NETLINK", AF_NETLINK);
#endif
#ifdef AF_NETROM
    add("AF_NETROM", AF_NETROM);
#endif
#ifdef AF_PACKET
    add("AF_PACKET", AF_PACKET);
#endif
#ifdef AF_PPPOX
    add("AF_PPPOX", AF_PPPOX);
#endif
#ifdef AF_QIPCRTR
    add("AF_QIPCRTR", AF_QIPCRTR);
#endif
#ifdef AF_RDS
    add("AF_RDS", AF_RDS);
#endif
#ifdef AF_ROSE
    add("AF_ROSE", AF_ROSE);
#endif
#ifdef AF_ROUTE
    add("AF_ROUTE", AF_ROUTE);
#endif
#ifdef AF_SECURITY
    add("AF_SECURITY", AF_SECURITY);
#endif
#ifdef AF_SNA
    add("AF_SNA", AF_SNA);
#endif
#ifdef AF_TIPC
    add("AF_TIPC", AF_TIPC);
#endif
#ifdef AF_VSOCK
    add("AF_VSOCK", AF_VSOCK);
#endif
#ifdef AF_WANPIPE
    add("AF_WANPIPE", AF_WANPIPE);
#endif
#ifdef AF_X25
    add("AF_X25", AF_X25);
#endif
#ifdef ALG_OP_DECRYPT
    add("ALG_OP_DECRYPT", ALG_OP_DECRYPT);
#endif
#ifdef ALG_OP_ENCRYPT
    add("ALG_OP_ENCRYPT", ALG_OP_ENCRYPT);
#endif
#ifdef ALG_OP_SIGN
    add("ALG_OP_SIGN", ALG_OP_SIGN);
#endif
#ifdef ALG_OP_VERIFY
    add("ALG_OP_VERIFY", ALG_OP_VERIFY);
#endif
#ifdef ALG_SET_AEAD_ASSOCLEN
    add("ALG_SET_AEAD_ASSOCLEN", ALG_SET_AEAD_ASSOCLEN);
#endif
#ifdef ALG_SET_AEAD_AUTHSIZE
    add("ALG_SET_AEAD_AUTHSIZE", ALG_SET_AEAD_AUTHSIZE);
#endif
#ifdef ALG_SET_IV
    add("ALG_SET_IV", ALG_SET_IV);
#endif
#ifdef ALG_SET_KEY
    add("ALG_SET_KEY", ALG_SET_KEY);
#endif
#ifdef ALG_SET_OP
    add("ALG_SET_OP", ALG_SET_OP);
#endif
#ifdef ALG_SET_PUBKEY
    add("ALG_SET_PUBKEY", ALG_SET_PUBKEY);
#endif
#ifdef BTPROTO_HCI
    add("BTPROTO_HCI", BTPROTO_HCI);
#endif
#ifdef BTPROTO_L2CAP
    add("BTPROTO_L2CAP", BTPROTO_L2CAP);
#endif
#ifdef BTPROTO_RFCOMM
    add("BTPROTO_RFCOMM", BTPROTO_RFCOMM);
#endif
#ifdef BTPROTO_SCO
    add("BTPROTO_SCO", BTPROTO_SCO);
#endif
#ifdef CAN_BCM
    add("CAN_BCM", CAN_BCM);
#endif
#ifdef CAN_BCM_CAN_FD_FRAME
    add("CAN_BCM_CAN_FD_FRAME", CAN_BCM_CAN_FD_FRAME);
#endif
#ifdef CAN_BCM_RX_ANNOUNCE_RESUME
    add("CAN_BCM_RX_ANNOUNCE_RESUME", CAN_BCM_RX_ANNOUNCE_RESUME);
#endif
#ifdef CAN_BCM_RX_CHANGED
    add("CAN_BCM_RX_CHANGED", CAN_BCM_RX_CHANGED);
#endif
#ifdef CAN_BCM_RX_CHECK_DLC
    add("CAN_BCM_RX_CHECK_DLC", CAN_BCM_RX_CHECK_DLC);
#endif
#ifdef CAN_BCM_RX_DELETE
    add("CAN_BCM_RX_DELETE", CAN_BCM_RX_DELETE);
#endif
#ifdef CAN_BCM_RX_FILTER_ID
    add("CAN_BCM_RX_FILTER_ID", CAN_BCM_RX_FILTER_ID);
#endif
#ifdef CAN_BCM_RX_NO_AUTOTIMER
    add("CAN_BCM_RX_NO_AUTOTIMER", CAN_BCM_RX_NO_AUTOTIMER);
#endif
#ifdef CAN_BCM_RX_READ
    add("CAN_BCM_RX_READ", CAN_BCM_RX_READ);
#endif
#ifdef CAN_BCM_RX_RTR_FRAME
    add("CAN_BCM_RX_RTR_FRAME", CAN_BCM_RX_RTR_FRAME);
#endif
#ifdef CAN_BCM_RX_SETUP
    add("CAN_BCM_RX_SETUP", CAN_BCM_RX_SETUP);
#endif
#ifdef CAN_BCM_RX_STATUS
    add("CAN_BCM_RX_STATUS", CAN_BCM_RX_STATUS);
#endif
#ifdef CAN_BCM_RX_TIMEOUT
    add("CAN_BCM_RX_TIMEOUT", CAN_BCM_RX_TIMEOUT);
#endif
#ifdef CAN_BCM_SETTIMER
    add("CAN_BCM_SETTIMER", CAN_BCM_SETTIMER);
#endif
#ifdef CAN_BCM_STARTTIMER
    add("CAN_BCM_STARTTIMER", CAN_BCM_STARTTIMER);
#endif
#ifdef CAN_BCM_TX_ANNOUNCE
    add("CAN_BCM_TX_ANNOUNCE", CAN_BCM_TX_ANNOUNCE);
#endif
#ifdef CAN_BCM_TX_COUNTEVT
    add("CAN_BCM_TX_COUNTEVT", CAN_BCM_TX_COUNTEVT);
#endif
#ifdef CAN_BCM_TX_CP_CAN_ID
    add("CAN_BCM_TX_CP_CAN_ID", CAN_BCM_TX_CP_CAN_ID);
#endif
#ifdef CAN_BCM_TX_DELETE
    add("CAN_BCM_TX_DELETE", CAN_BCM_TX_DELETE);
#endif
#ifdef CAN_BCM_TX_EXPIRED
    add("CAN_BCM_TX_EXPIRED", CAN_BCM_TX_EXPIRED);
#endif
#ifdef CAN_BCM_TX_READ
    add("CAN_BCM_TX_READ", CAN_BCM_TX_READ);
#endif
#ifdef CAN_BCM_TX_RESET_MULTI_IDX
    add("CAN_BCM_TX_RESET_MULTI_IDX", CAN_BCM_TX_RESET_MULTI_IDX);
#endif
#ifdef CAN_BCM_TX_SEND
    add("CAN_BCM_TX_SEND", CAN_BCM_TX_SEND);
#endif
#ifdef CAN_BCM_TX_SETUP
    add("CAN_BCM_TX_SETUP", CAN_BCM_TX_SETUP);
#endif
#ifdef CAN_BCM_TX_STATUS
    add("CAN_BCM_TX_STATUS", CAN_BCM_TX_STATUS);
#endif
#ifdef CAN_EFF_FLAG
    add("CAN_EFF_FLAG", CAN_EFF_FLAG);
#endif
#ifdef CAN_EFF_MASK
    add("CAN_EFF_MASK", CAN_EFF_MASK);
#endif
#ifdef CAN_ERR_FLAG
    add("CAN_ERR_FLAG", CAN_ERR_FLAG);
#endif
#ifdef CAN_ERR_MASK
    add("CAN_ERR_MASK", CAN_ERR_MASK);
#endif
#ifdef CAN_ISOTP
    add("CAN_ISOTP", CAN_ISOTP);
#endif
#ifdef CAN_J1939
    add("CAN_J1939", CAN_J1939);
#endif
#ifdef CAN_RAW
    add("CAN_RAW", CAN_RAW);
#endif
#ifdef CAN_RAW_FD_FRAMES
    add("CAN_RAW_FD_FRAMES", CAN_RAW_FD_FRAMES);
#endif
#ifdef CAN_RAW_FILTER
    add("CAN_RAW_FILTER", CAN_RAW_FILTER);
#endif
#ifdef CAN_RAW_JOIN_FILTERS
    add("CAN_RAW_JOIN_FILTERS", CAN_RAW_JOIN_FILTERS);
#endif
#ifdef CAN_RAW_LOOPBACK
    add("CAN_RAW_LOOPBACK", CAN_RAW_LOOPBACK);
#endif
#ifdef CAN_RAW_RECV_OWN_MSGS
    add("CAN_RAW_RECV_OWN_MSGS", CAN_RAW_RECV_OWN_MSGS);
#endif
#ifdef CAN_RTR_FLAG
    add("CAN_RTR_FLAG", CAN_RTR_FLAG);
#endif
#ifdef CAN_SFF_MASK
    add("CAN_SFF_MASK", CAN_SFF_MASK);
#endif
#ifdef EAI_OVERFLOW
    add("EAI_OVERFLOW", EAI_OVERFLOW);
#endif
#ifdef HCI_DATA_DIR
    add("HCI_DATA_DIR", HCI_DATA_DIR);
#endif
#ifdef HCI_FILTER
    add("HCI_FILTER", HCI_FILTER);
#endif
#ifdef HCI_TIME_STAMP
    add("HCI_TIME_STAMP", HCI_TIME_STAMP);
#endif
#ifdef INADDR_ALLHOSTS_GROUP
    add("INADDR_ALLHOSTS_GROUP", INADDR_ALLHOSTS_GROUP);
#endif
#ifdef INADDR_MAX_LOCAL_GROUP
    add("INADDR_MAX_LOCAL_GROUP", INADDR_MAX_LOCAL_GROUP);
#endif
#ifdef INADDR_UNSPEC_GROUP
    add("INADDR_UNSPEC_GROUP", INADDR_UNSPEC_GROUP);
#endif
#ifdef IOCTL_VM_SOCKETS_GET_LOCAL_CID
    add("IOCTL_VM_SOCKETS_GET_LOCAL_CID", IOCTL_VM_SOCKETS_GET_LOCAL_CID);
#endif
#ifdef IPPORT_RESERVED
    add("IPPORT_RESERVED", IPPORT_RESERVED);
#endif
#ifdef IPPORT_USERRESERVED
    add("IPPORT_USERRESERVED", IPPORT_USERRESERVED);
#endif
#ifdef IPPROTO_AH
    add("IPPROTO_AH", IPPROTO_AH);
#endif
#ifdef IPPROTO_DSTOPTS
    add("IPPROTO_DSTOPTS", IPPROTO_DSTOPTS);
#endif
#ifdef IPPROTO_EGP
    add("IPPROTO_EGP", IPPROTO_EGP);
#endif
#ifdef IPPROTO_ESP
    add("IPPROTO_ESP", IPPROTO_ESP);
#endif
#ifdef IPPROTO_FRAGMENT
    add("IPPROTO_FRAGMENT", IPPROTO_FRAGMENT);
#endif
#ifdef IPPROTO_GRE
    add("IPPROTO_GRE", IPPROTO_GRE);
#endif
#ifdef IPPROTO_HOPOPTS
    add("IPPROTO_HOPOPTS", IPPROTO_HOPOPTS);
#endif
#ifdef IPPROTO_ICMPV6
    add("IPPROTO_ICMPV6", IPPROTO_ICMPV6);
#endif
#ifdef IPPROTO_IDP
    add("IPPROTO_IDP", IPPROTO_IDP);
#endif
#ifdef IPPROTO_IGMP
    add("IPPROTO_IGMP", IPPROTO_IGMP);
#endif
#ifdef IPPROTO_IPIP
    add("IPPROTO_IPIP", IPPROTO_IPIP);
#endif
#ifdef IPPROTO_MPTCP
    add("IPPROTO_MPTCP", IPPROTO_MPTCP);
#endif
#ifdef IPPROTO_NONE
    add("IPPROTO_NONE", IPPROTO_NONE);
#endif
#ifdef IPPROTO_PIM
    add("IPPROTO_PIM", IPPROTO_PIM);
#endif
#ifdef IPPROTO_PUP
    add("IPPROTO_PUP", IPPROTO_PUP);
#endif
#ifdef IPPROTO_ROUTING
    add("IPPROTO_ROUTING", IPPROTO_ROUTING);
#endif
#ifdef IPPROTO_RSVP
    add("IPPROTO_RSVP", IPPROTO_RSVP);
#endif
#ifdef IPPROTO_SCTP
    add("IPPROTO_SCTP", IPPROTO_SCTP);
#endif
#ifdef IPPROTO_TP
    add("IPPROTO_TP", IPPROTO_TP);
#endif
#ifdef IPPROTO_UDPLITE
    add("IPPROTO_UDPLITE", IPPROTO_UDPLITE);
#endif
#ifdef IPV6_CHECKSUM
    add("IPV6_CHECKSUM", IPV6_CHECKSUM);
#endif
#ifdef IPV6_DONTFRAG
    add("IPV6_DONTFRAG", IPV6_DONTFRAG);
#endif
#ifdef IPV6_DSTOPTS
    add("IPV6_DSTOPTS", IPV6_DSTOPTS);
#endif
#ifdef IPV6_HOPLIMIT
    add("IPV6_HOPLIMIT", IPV6_HOPLIMIT);
#endif
#ifdef IPV6_HOPOPTS
    add("IPV6_HOPOPTS", IPV6_HOPOPTS);
#endif
#ifdef IPV6_JOIN_GROUP
    add("IPV6_JOIN_GROUP", IPV6_JOIN_GROUP);
#endif
#ifdef IPV6_LEAVE_GROUP
    add("IPV6_LEAVE_GROUP", IPV6_LEAVE_GROUP);
#endif
#ifdef IPV6_MULTICAST_HOPS
    add("IPV6_MULTICAST_HOPS", IPV6_MULTICAST_HOPS);
#endif
#ifdef IPV6_MULTICAST_IF
    add("IPV6_MULTICAST_IF", IPV6_MULTICAST_IF);
#endif
#ifdef IPV6_MULTICAST_LOOP
    add("IPV6_MULTICAST_LOOP", IPV6_MULTICAST_LOOP);
#endif
#ifdef IPV6_NEXTHOP
    add("IPV6_NEXTHOP", IPV6_NEXTHOP);
#endif
#ifdef IPV6_PATHMTU
    add("IPV6_PATHMTU", IPV6_PATHMTU);
#endif
#ifdef IPV6_PKTINFO
    add("IPV6_PKTINFO", IPV6_PKTINFO);
#endif
#ifdef IPV6_RECVDSTOPTS
    add("IPV6_RECVDSTOPTS", IPV6_RECVDSTOPTS);
#endif
#ifdef IPV6_RECVHOPLIMIT
    add("IPV6_RECVHOPLIMIT", IPV6_RECVHOPLIMIT);
#endif
#ifdef IPV6_RECVHOPOPTS
    add("IPV6_RECVHOPOPTS", IPV6_RECVHOPOPTS);
#endif
#ifdef IPV6_RECVPATHMTU
    add("IPV6_RECVPATHMTU", IPV6_RECVPATHMTU);
#endif
#ifdef IPV6_RECVPKTINFO
    add("IPV6_RECVPKTINFO", IPV6_RECVPKTINFO);
#endif
#ifdef IPV6_RECVRTHDR
    add("IPV6_RECVRTHDR", IPV6_RECVRTHDR);
#endif
#ifdef IPV6_RECVTCLASS
    add("IPV6_RECVTCLASS", IPV6_RECVTCLASS);
#endif
#ifdef IPV6_RTHDR
    add("IPV6_RTHDR", IPV6_RTHDR);
#endif
#ifdef IPV6_RTHDRDSTOPTS
    add("IPV6_RTHDRDSTOPTS", IPV6_RTHDRDSTOPTS);
#endif
#ifdef IPV6_RTHDR_TYPE_0
    add("IPV6_RTHDR_TYPE_0", IPV6_RTHDR_TYPE_0);
#endif
#ifdef IPV6_TCLASS
    add("IPV6_TCLASS", IPV6_TCLASS);
#endif
#ifdef IPV6_UNICAST_HOPS
    add("IPV6_UNICAST_HOPS", IPV6_UNICAST_HOPS);
#endif
#ifdef IP_ADD_MEMBERSHIP
    add("IP_ADD_MEMBERSHIP", IP_ADD_MEMBERSHIP);
#endif
#ifdef IP_BIND_ADDRESS_NO_PORT
    add("IP_BIND_ADDRESS_NO_PORT", IP_BIND_ADDRESS_NO_PORT);
#endif
#ifdef IP_DEFAULT_MULTICAST_LOOP
    add("IP_DEFAULT_MULTICAST_LOOP", IP_DEFAULT_MULTICAST_LOOP);
#endif
#ifdef IP_DEFAULT_MULTICAST_TTL
    add("IP_DEFAULT_MULTICAST_TTL", IP_DEFAULT_MULTICAST_TTL);
#endif
#ifdef IP_DROP_MEMBERSHIP
    add("IP_DROP_MEMBERSHIP", IP_DROP_MEMBERSHIP);
#endif
#ifdef IP_HDRINCL
    add("IP_HDRINCL", IP_HDRINCL);
#endif
#ifdef IP_MAX_MEMBERSHIPS
    add("IP_MAX_MEMBERSHIPS", IP_MAX_MEMBERSHIPS);
#endif
#ifdef IP_MULTICAST_IF
    add("IP_MULTICAST_IF", IP_MULTICAST_IF);
#endif
#ifdef IP_MULTICAST_LOOP
    add("IP_MULTICAST_LOOP", IP_MULTICAST_LOOP);
#endif
#ifdef IP_MULTICAST_TTL
    add("IP_MULTICAST_TTL", IP_MULTICAST_TTL);
#endif
#ifdef IP_OPTIONS
    add("IP_OPTIONS", IP_OPTIONS);
#endif
#ifdef IP_RECVOPTS
    add("IP_RECVOPTS", IP_RECVOPTS);
#endif
#ifdef IP_RECVRETOPTS
    add("IP_RECVRETOPTS", IP_RECVRETOPTS);
#endif
#ifdef IP_RECVTOS
    add("IP_RECVTOS", IP_RECVTOS);
#endif
#ifdef IP_RETOPTS
    add("IP_RETOPTS", IP_RETOPTS);
#endif
#ifdef IP_TRANSPARENT
    add("IP_TRANSPARENT", IP_TRANSPARENT);
#endif
#ifdef J1939_EE_INFO_NONE
    add("J1939_EE_INFO_NONE", J1939_EE_INFO_NONE);
#endif
#ifdef J1939_EE_INFO_TX_ABORT
    add("J1939_EE_INFO_TX_ABORT", J1939_EE_INFO_TX_ABORT);
#endif
#ifdef J1939_FILTER_MAX
    add("J1939_FILTER_MAX", J1939_FILTER_MAX);
#endif
#ifdef J1939_IDLE_ADDR
    add("J1939_IDLE_ADDR", J1939_IDLE_ADDR);
#endif
#ifdef J1939_MAX_UNICAST_ADDR
    add("J1939_MAX_UNICAST_ADDR", J1939_MAX_UNICAST_ADDR);
#endif
#ifdef J1939_NLA_BYTES_ACKED
    add("J1939_NLA_BYTES_ACKED", J1939_NLA_BYTES_ACKED);
#endif
#ifdef J1939_NLA_PAD
    add("J1939_NLA_PAD", J1939_NLA_PAD);
#endif
#ifdef J1939_NO_ADDR
    add("J1939_NO_ADDR", J1939_NO_ADDR);
#endif
#ifdef J1939_NO_NAME
    add("J1939_NO_NAME", J1939_NO_NAME);
#endif
#ifdef J1939_NO_PGN
    add("J1939_NO_PGN", J1939_NO_PGN);
#endif
#ifdef J1939_PGN_ADDRESS_CLAIMED
    add("J1939_PGN_ADDRESS_CLAIMED", J1939_PGN_ADDRESS_CLAIMED);
#endif
#ifdef J1939_PGN_ADDRESS_COMMANDED
    add("J1939_PGN_ADDRESS_COMMANDED", J1939_PGN_ADDRESS_COMMANDED);
#endif
#ifdef J1939_PGN_MAX
    add("J1939_PGN_MAX", J1939_PGN_MAX);
#endif
#ifdef J1939_PGN_PDU1_MAX
    add("J1939_PGN_PDU1_MAX", J1939_PGN_PDU1_MAX);
#endif
#ifdef J1939_PGN_REQUEST
    add("J1939_PGN_REQUEST", J1939_PGN_REQUEST);
#endif
#ifdef MSG_CMSG_CLOEXEC
    add("MSG_CMSG_CLOEXEC", MSG_CMSG_CLOEXEC);
#endif
#ifdef MSG_CONFIRM
    add("MSG_CONFIRM", MSG_CONFIRM);
#endif
#ifdef MSG_ERRQUEUE
    add("MSG_ERRQUEUE", MSG_ERRQUEUE);
#endif
#ifdef MSG_FASTOPEN
    add("MSG_FASTOPEN", MSG_FASTOPEN);
#endif
#ifdef MSG_MORE
    add("MSG_MORE", MSG_MORE);
#endif
#ifdef NETLINK_CRYPTO
    add("NETLINK_CRYPTO", NETLINK_CRYPTO);
#endif
#ifdef NETLINK_DNRTMSG
    add("NETLINK_DNRTMSG", NETLINK_DNRTMSG);
#endif
#ifdef NETLINK_FIREWALL
    add("NETLINK_FIREWALL", NETLINK_FIREWALL);
#endif
#ifdef NETLINK_IP6_FW
    add("NETLINK_IP6_FW", NETLINK_IP6_FW);
#endif
#ifdef NETLINK_NFLOG
    add("NETLINK_NFLOG", NETLINK_NFLOG);
#endif
#ifdef NETLINK_ROUTE
    add("NETLINK_ROUTE", NETLINK_ROUTE);
#endif
#ifdef NETLINK_USERSOCK
    add("NETLINK_USERSOCK", NETLINK_USERSOCK);
#endif
#ifdef NETLINK_XFRM
    add("NETLINK_XFRM", NETLINK_XFRM);
#endif
#ifdef PACKET_BROADCAST
    add("PACKET_BROADCAST", PACKET_BROADCAST);
#endif
#ifdef PACKET_FASTROUTE
    add("PACKET_FASTROUTE", PACKET_FASTROUTE);
#endif
#ifdef PACKET_HOST
    add("PACKET_HOST", PACKET_HOST);
#endif
#ifdef PACKET_LOOPBACK
    add("PACKET_LOOPBACK", PACKET_LOOPBACK);
#endif
#ifdef PACKET_MULTICAST
    add("PACKET_MULTICAST", PACKET_MULTICAST);
#endif
#ifdef PACKET_OTHERHOST
    add("PACKET_OTHERHOST", PACKET_OTHERHOST);
#endif
#ifdef PACKET_OUTGOING
    add("PACKET_OUTGOING", PACKET_OUTGOING);
#endif
#ifdef PF_CAN
    add("PF_CAN", PF_CAN);
#endif
#ifdef PF_PACKET
    add("PF_PACKET", PF_PACKET);
#endif
#ifdef PF_RDS
    add("PF_RDS", PF_RDS);
#endif
#ifdef SCM_CREDENTIALS
    add("SCM_CREDENTIALS", SCM_CREDENTIALS);
#endif
#ifdef SCM_J1939_DEST_ADDR
    add("SCM_J1939_DEST_ADDR", SCM_J1939_DEST_ADDR);
#endif
#ifdef SCM_J1939_DEST_NAME
    add("SCM_J1939_DEST_NAME", SCM_J1939_DEST_NAME);
#endif
#ifdef SCM_J1939_ERRQUEUE
    add("SCM_J1939_ERRQUEUE", SCM_J1939_ERRQUEUE);
#endif
#ifdef SCM_J1939_PRIO
    add("SCM_J1939_PRIO", SCM_J1939_PRIO);
#endif
#ifdef SOCK_RDM
    add("SOCK_RDM", SOCK_RDM);
#endif
#ifdef SOL_ALG
    add("SOL_ALG", SOL_ALG);
#endif
#ifdef SOL_CAN_BASE
    add("SOL_CAN_BASE", SOL_CAN_BASE);
#endif
#ifdef SOL_CAN_RAW
    add("SOL_CAN_RAW", SOL_CAN_RAW);
#endif
#ifdef SOL_HCI
    add("SOL_HCI", SOL_HCI);
#endif
#ifdef SOL_IP
    add("SOL_IP", SOL_IP);
#endif
#ifdef SOL_RDS
    add("SOL_RDS", SOL_RDS);
#endif
#ifdef SOL_TCP
    add("SOL_TCP", SOL_TCP);
#endif
#ifdef SOL_TIPC
    add("SOL_TIPC", SOL_TIPC);
#endif
#ifdef SOL_UDP
    add("SOL_UDP", SOL_UDP);
#endif
#ifdef SO_BINDTODEVICE
    add("SO_BINDTODEVICE", SO_BINDTODEVICE);
#endif
#ifdef SO_DEBUG
    add("SO_DEBUG", SO_DEBUG);
#endif
#ifdef SO_DONTROUTE
    add("SO_DONTROUTE", SO_DONTROUTE);
#endif
#ifdef SO_INCOMING_CPU
    add("SO_INCOMING_CPU", SO_INCOMING_CPU);
#endif
#ifdef SO_J1939_ERRQUEUE
    add("SO_J1939_ERRQUEUE", SO_J1939_ERRQUEUE);
#endif
#ifdef SO_J1939_FILTER
    add("SO_J1939_FILTER", SO_J1939_FILTER);
#endif
#ifdef SO_J1939_PROMISC
    add("SO_J1939_PROMISC", SO_J1939_PROMISC);
#endif
#ifdef SO_J1939_SEND_PRIO
    add("SO_J1939_SEND_PRIO", SO_J1939_SEND_PRIO);
#endif
#ifdef SO_MARK
    add("SO_MARK", SO_MARK);
#endif
#ifdef SO_PASSCRED
    add("SO_PASSCRED", SO_PASSCRED);
#endif
#ifdef SO_PASSSEC
    add("SO_PASSSEC", SO_PASSSEC);
#endif
#ifdef SO_PEERCRED
    add("SO_PEERCRED", SO_PEERCRED);
#endif
#ifdef SO_PEERSEC
    add("SO_PEERSEC", SO_PEERSEC);
#endif
#ifdef SO_PRIORITY
    add("SO_PRIORITY", SO_PRIORITY);
#endif
#ifdef SO_RCVTIMEO
    add("SO_RCVTIMEO", SO_RCVTIMEO);
#endif
#ifdef SO_SNDTIMEO
    add("SO_SNDTIMEO", SO_SNDTIMEO);
#endif
#ifdef SO_VM_SOCKETS_BUFFER_MAX_SIZE
    add("SO_VM_SOCKETS_BUFFER_MAX_SIZE", SO_VM_SOCKETS_BUFFER_MAX_SIZE);
#endif
#ifdef SO_VM_SOCKETS_BUFFER_MIN_SIZE
    add("SO_VM_SOCKETS_BUFFER_MIN_SIZE", SO_VM_SOCKETS_BUFFER_MIN_SIZE);
#endif
#ifdef SO_VM_SOCKETS_BUFFER_SIZE
    add("SO_VM_SOCKETS_BUFFER_SIZE", SO_VM_SOCKETS_BUFFER_SIZE);
#endif
#ifdef TCP_CONGESTION
    add("TCP_CONGESTION", TCP_CONGESTION);
#endif
#ifdef TCP_CORK
    add("TCP_CORK", TCP_CORK);
#endif
#ifdef TCP_DEFER_ACCEPT
    add("TCP_DEFER_ACCEPT", TCP_DEFER_ACCEPT);
#endif
#ifdef TCP_FASTOPEN
    add("TCP_FASTOPEN", TCP_FASTOPEN);
#endif
#ifdef TCP_INFO
    add("TCP_INFO", TCP_INFO);
#endif
#ifdef TCP_LINGER2
    add("TCP_LINGER2", TCP_LINGER2);
#endif
#ifdef TCP_NOTSENT_LOWAT
    add("TCP_NOTSENT_LOWAT", TCP_NOTSENT_LOWAT);
#endif
#ifdef TCP_QUICKACK
    add("TCP_QUICKACK", TCP_QUICKACK);
#endif
#ifdef TCP_SYNCNT
    add("TCP_SYNCNT", TCP_SYNCNT);
#endif
#ifdef TCP_USER_TIMEOUT
    add("TCP_USER_TIMEOUT", TCP_USER_TIMEOUT);
#endif
#ifdef TCP_WINDOW_CLAMP
    add("TCP_WINDOW_CLAMP", TCP_WINDOW_CLAMP);
#endif
#ifdef TIPC_ADDR_ID
    add("TIPC_ADDR_ID", TIPC_ADDR_ID);
#endif
#ifdef TIPC_ADDR_NAME
    add("TIPC_ADDR_NAME", TIPC_ADDR_NAME);
#endif
#ifdef TIPC_ADDR_NAMESEQ
    add("TIPC_ADDR_NAMESEQ", TIPC_ADDR_NAMESEQ);
#endif
#ifdef TIPC_CFG_SRV
    add("TIPC_CFG_SRV", TIPC_CFG_SRV);
#endif
#ifdef TIPC_CLUSTER_SCOPE
    add("TIPC_CLUSTER_SCOPE", TIPC_CLUSTER_SCOPE);
#endif
#ifdef TIPC_CONN_TIMEOUT
    add("TIPC_CONN_TIMEOUT", TIPC_CONN_TIMEOUT);
#endif
#ifdef TIPC_CRITICAL_IMPORTANCE
    add("TIPC_CRITICAL_IMPORTANCE", TIPC_CRITICAL_IMPORTANCE);
#endif
#ifdef TIPC_DEST_DROPPABLE
    add("TIPC_DEST_DROPPABLE", TIPC_DEST_DROPPABLE);
#endif
#ifdef TIPC_HIGH_IMPORTANCE
    add("TIPC_HIGH_IMPORTANCE", TIPC_HIGH_IMPORTANCE);
#endif
#ifdef TIPC_IMPORTANCE
    add("TIPC_IMPORTANCE", TIPC_IMPORTANCE);
#endif
#ifdef TIPC_LOW_IMPORTANCE
    add("TIPC_LOW_IMPORTANCE", TIPC_LOW_IMPORTANCE);
#endif
#ifdef TIPC_MEDIUM_IMPORTANCE
    add("TIPC_MEDIUM_IMPORTANCE", TIPC_MEDIUM_IMPORTANCE);
#endif
#ifdef TIPC_NODE_SCOPE
    add("TIPC_NODE_SCOPE", TIPC_NODE_SCOPE);
#endif
#ifdef TIPC_PUBLISHED
    add("TIPC_PUBLISHED", TIPC_PUBLISHED);
#endif
#ifdef TIPC_SRC_DROPPABLE
    add("TIPC_SRC_DROPPABLE", TIPC_SRC_DROPPABLE);
#endif
#ifdef TIPC_SUBSCR_TIMEOUT
    add("TIPC_SUBSCR_TIMEOUT", TIPC_SUBSCR_TIMEOUT);
#endif
#ifdef TIPC_SUB_CANCEL
    add("TIPC_SUB_CANCEL", TIPC_SUB_CANCEL);
#endif
#ifdef TIPC_SUB_PORTS
    add("TIPC_SUB_PORTS", TIPC_SUB_PORTS);
#endif
#ifdef TIPC_SUB_SERVICE
    add("TIPC_SUB_SERVICE", TIPC_SUB_SERVICE);
#endif
#ifdef TIPC_TOP_SRV
    add("TIPC_TOP_SRV", TIPC_TOP_SRV);
#endif
#ifdef TIPC_WAIT_FOREVER
    add("TIPC_WAIT_FOREVER", TIPC_WAIT_FOREVER);
#endif
#ifdef TIPC_WITHDRAWN
    add("TIPC_WITHDRAWN", TIPC_WITHDRAWN);
#endif
#ifdef TIPC_ZONE_SCOPE
    add("TIPC_ZONE_SCOPE", TIPC_ZONE_SCOPE);
#endif
#ifdef UDPLITE_RECV_CSCOV
    add("UDPLITE_RECV_CSCOV", UDPLITE_RECV_CSCOV);
#endif
#ifdef UDPLITE_SEND_CSCOV
    add("UDPLITE_SEND_CSCOV", UDPLITE_SEND_CSCOV);
#endif
#ifdef VMADDR_CID_ANY
    add("VMADDR_CID_ANY", VMADDR_CID_ANY);
#endif
#ifdef VMADDR_CID_HOST
    add("VMADDR_CID_HOST", VMADDR_CID_HOST);
#endif
#ifdef VMADDR_PORT_ANY
    add("VMADDR_PORT_ANY", VMADDR_PORT_ANY);
#endif
#ifdef VM_SOCKETS_INVALID_VERSION
    add("VM_SOCKETS_INVALID_VERSION", VM_SOCKETS_INVALID_VERSION);
#endif
    // clang-format on
    // Enumerators rather than macros in these headers: always there when the header is.
    add("IPPORT_USERRESERVED", IPPORT_USERRESERVED);
    add("CAN_RAW_FILTER", CAN_RAW_FILTER);
    add("CAN_RAW_LOOPBACK", CAN_RAW_LOOPBACK);
    add("CAN_RAW_RECV_OWN_MSGS", CAN_RAW_RECV_OWN_MSGS);
    add("CAN_RAW_FD_FRAMES", CAN_RAW_FD_FRAMES);
    add("CAN_RAW_JOIN_FILTERS", CAN_RAW_JOIN_FILTERS);
    add("CAN_BCM_TX_SETUP", TX_SETUP);
    add("CAN_BCM_TX_DELETE", TX_DELETE);
    add("CAN_BCM_TX_READ", TX_READ);
    add("CAN_BCM_TX_SEND", TX_SEND);
    add("CAN_BCM_RX_SETUP", RX_SETUP);
    add("CAN_BCM_RX_DELETE", RX_DELETE);
    add("CAN_BCM_RX_READ", RX_READ);
    add("CAN_BCM_TX_STATUS", TX_STATUS);
    add("CAN_BCM_TX_EXPIRED", TX_EXPIRED);
    add("CAN_BCM_RX_STATUS", RX_STATUS);
    add("CAN_BCM_RX_TIMEOUT", RX_TIMEOUT);
    add("CAN_BCM_RX_CHANGED", RX_CHANGED);
    add("CAN_BCM_SETTIMER", SETTIMER);
    add("CAN_BCM_STARTTIMER", STARTTIMER);
    add("CAN_BCM_TX_COUNTEVT", TX_COUNTEVT);
    add("CAN_BCM_TX_ANNOUNCE", TX_ANNOUNCE);
    add("CAN_BCM_TX_CP_CAN_ID", TX_CP_CAN_ID);
    add("CAN_BCM_RX_FILTER_ID", RX_FILTER_ID);
    add("CAN_BCM_RX_CHECK_DLC", RX_CHECK_DLC);
    add("CAN_BCM_RX_NO_AUTOTIMER", RX_NO_AUTOTIMER);
    add("CAN_BCM_RX_ANNOUNCE_RESUME", RX_ANNOUNCE_RESUME);
    add("CAN_BCM_TX_RESET_MULTI_IDX", TX_RESET_MULTI_IDX);
    add("CAN_BCM_RX_RTR_FRAME", RX_RTR_FRAME);
    add("CAN_BCM_CAN_FD_FRAME", CAN_FD_FRAME);
    add("SO_J1939_FILTER", SO_J1939_FILTER);
    add("SO_J1939_PROMISC", SO_J1939_PROMISC);
    add("SO_J1939_SEND_PRIO", SO_J1939_SEND_PRIO);
    add("SO_J1939_ERRQUEUE", SO_J1939_ERRQUEUE);
    add("SCM_J1939_DEST_ADDR", SCM_J1939_DEST_ADDR);
    add("SCM_J1939_DEST_NAME", SCM_J1939_DEST_NAME);
    add("SCM_J1939_PRIO", SCM_J1939_PRIO);
    add("SCM_J1939_ERRQUEUE", SCM_J1939_ERRQUEUE);
    add("J1939_NLA_PAD", J1939_NLA_PAD);
    add("J1939_NLA_BYTES_ACKED", J1939_NLA_BYTES_ACKED);
    add("J1939_EE_INFO_NONE", J1939_EE_INFO_NONE);
    add("J1939_EE_INFO_TX_ABORT", J1939_EE_INFO_TX_ABORT);
    add("SOL_UDP", IPPROTO_UDP);
    return module;
}

}  // namespace minipy
