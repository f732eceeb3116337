// socket_module.h — what the two files of the native `_socket` module share (CPython's
// socketmodule.c, under which its Lib/socket.py runs): the socket object, socket addresses in both
// directions, and CPython's socket errors.
#pragma once

#include <sys/socket.h>

#include <atomic>

#include "objects/object.h"

namespace minipy {

// A socket: the descriptor and how it was made. `timeout` is CPython's sock_timeout: negative for
// blocking calls with no limit, 0 for non-blocking, else the seconds each call may wait (the
// descriptor is then non-blocking and the wait is a poll). Both are atomic because another thread
// may close the socket or change its timeout while a call waits without the GIL.
struct SocketObject : Object {
    std::atomic<int> fd{-1};
    int family = AF_INET;
    int type = SOCK_STREAM;
    int proto = 0;
    std::atomic<double> timeout{-1.0};
};

extern Type socket_type, gaierror_type, herror_type;

// Builds the socket type (socket_object.cpp); called once, before the module is built.
void init_socket_type();

// socket.setdefaulttimeout()'s value, which new sockets start with (negative: None).
double default_socket_timeout();

// A socket address in C form, as bind/connect/sendto take it.
struct SocketAddress {
    sockaddr_storage storage{};
    socklen_t length = 0;
    const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
};

// Reads a Python address for `family` ((host, port) for AF_INET, (host, port[, flowinfo,
// scope_id]) for AF_INET6, a str or bytes path for AF_UNIX), resolving a host name if needed.
// `caller` names the method in CPython's error texts ("connect(): port must be 0-65535.").
SocketAddress address_from_object(Object* address, int family, const char* caller);
// The Python form of a C address: (host, port), (host, port, flowinfo, scope_id) or a path.
Ref address_to_object(const sockaddr* address, socklen_t length);

// Raises the OSError subclass for the current errno.
[[noreturn]] void raise_socket_errno();
// Raises socket.gaierror for a getaddrinfo() result code (EAI_SYSTEM: the OSError for errno).
[[noreturn]] void raise_gai_error(int code);
// Raises TimeoutError('timed out'), what CPython's socket.timeout is since 3.10.
[[noreturn]] void raise_socket_timeout();

}  // namespace minipy
