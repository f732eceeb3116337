// socket_module.cpp — the native `_socket` module that CPython's Lib/socket.py wraps: constants,
// socket addresses, name resolution (getaddrinfo and friends, without the GIL), byte-order and
// address-text conversions, socketpair, and CPython's errors (gaierror, herror, TimeoutError).
#include "modules/socket_module.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
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

// CPython's set_herror: herror(h_errno, its text), for the gethostby* lookups.
[[noreturn]] void raise_host_error(int code) {
    Ref number = int_from_i64(code);
    Ref text = str_new(hstrerror(code));
    Object* items[] = {number.get(), text.get()};
    raise_object(call(&herror_type, items, 2));
}

// CPython's gethost_common: (name, aliases, addresses) of a hostent, the addresses as text.
Ref host_entry(const hostent* h) {
    Ref aliases = list_new(), addresses = list_new();
    for (char** a = h->h_aliases; a && *a; ++a) list_append(aliases.get(), str_new(*a).get());
    for (char** a = h->h_addr_list; a && *a; ++a)
        list_append(addresses.get(), text_of_ip(h->h_addrtype, *a).get());
    Ref name = str_new(h->h_name);
    Object* items[] = {name.get(), aliases.get(), addresses.get()};
    return tuple_from(items, 3);
}

// gethostbyname_ex(host) -> (name, aliaslist, addresslist), IPv4 only, as CPython's.
Ref socket_gethostbyname_ex(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("gethostbyname_ex", nargs, kw, 1, 1);
    std::string name = host_argument(args[0], "gethostbyname_ex");
    sockaddr_in in{};
    set_ip_address(name, AF_INET, reinterpret_cast<sockaddr*>(&in));
    hostent entry{}, *found = nullptr;
    std::string scratch(16384, '\0');
    int code = 0;
    {
        AllowThreads unblocked(BlockReason::IO);
        gethostbyname_r(name.c_str(), &entry, scratch.data(), scratch.size(), &found, &code);
    }
    if (!found) raise_host_error(code);
    return host_entry(found);
}

// gethostbyaddr(ip) -> (name, aliaslist, addresslist): the reverse lookup socket.getfqdn() makes.
Ref socket_gethostbyaddr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("gethostbyaddr", nargs, kw, 1, 1);
    std::string name = host_argument(args[0], "gethostbyaddr");
    in6_addr address{};
    int family = AF_INET;
    if (inet_pton(AF_INET, name.c_str(), &address) != 1) {
        if (inet_pton(AF_INET6, name.c_str(), &address) == 1) {
            family = AF_INET6;
        } else {
            addrinfo* found = resolve(name.c_str(), nullptr, AF_UNSPEC, 0, 0, 0);
            family = found->ai_family;
            if (family == AF_INET)
                std::memcpy(&address, &reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr,
                            sizeof(in_addr));
            else
                std::memcpy(&address, &reinterpret_cast<sockaddr_in6*>(found->ai_addr)->sin6_addr,
                            sizeof(in6_addr));
            freeaddrinfo(found);
        }
    }
    hostent entry{}, *found = nullptr;
    std::string scratch(16384, '\0');
    int code = 0;
    {
        AllowThreads unblocked(BlockReason::IO);
        gethostbyaddr_r(&address, family == AF_INET ? sizeof(in_addr) : sizeof(in6_addr), family, &entry,
                        scratch.data(), scratch.size(), &found, &code);
    }
    if (!found) raise_host_error(code);
    return host_entry(found);
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
    {"gethostbyname_ex", socket_gethostbyname_ex,
     "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of "
     "aliases, "
     "and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP "
     "number."},
    {"gethostbyaddr", socket_gethostbyaddr,
     "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, "
     "and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP "
     "number."},
    {"gethostbyname", socket_gethostbyname,
     "Return the IP address (a string of the form '255.255.255.255') for a host."},
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
    return module;
}

}  // namespace minipy
