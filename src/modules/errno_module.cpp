// errno_module.cpp — the native `errno` module: the error numbers of <errno.h> under CPython's names,
// and errorcode, the map from number back to name.
#include <cerrno>

#include "modules/registry.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"

namespace minipy {

namespace {

// CPython's names for Linux: the three aliases first, then by number, so that where two names share a
// number errorcode keeps the one CPython's keeps (EAGAIN, not EWOULDBLOCK; ENOTSUP, EDEADLOCK).
// clang-format off
#define MINIPY_ERRNO_NAMES(X) \
    X(EDEADLK) X(EOPNOTSUPP) X(EWOULDBLOCK) X(EPERM) X(ENOENT) X(ESRCH) X(EINTR) X(EIO) X(ENXIO) X(E2BIG) \
    X(ENOEXEC) X(EBADF) X(ECHILD) X(EAGAIN) X(ENOMEM) X(EACCES) X(EFAULT) X(ENOTBLK) X(EBUSY) X(EEXIST) \
    X(EXDEV) X(ENODEV) X(ENOTDIR) X(EISDIR) X(EINVAL) X(ENFILE) X(EMFILE) X(ENOTTY) X(ETXTBSY) X(EFBIG) \
    X(ENOSPC) X(ESPIPE) X(EROFS) X(EMLINK) X(EPIPE) X(EDOM) X(ERANGE) X(EDEADLOCK) X(ENAMETOOLONG) X(ENOLCK) \
    X(ENOSYS) X(ENOTEMPTY) X(ELOOP) X(ENOMSG) X(EIDRM) X(ECHRNG) X(EL2NSYNC) X(EL3HLT) X(EL3RST) X(ELNRNG) \
    X(EUNATCH) X(ENOCSI) X(EL2HLT) X(EBADE) X(EBADR) X(EXFULL) X(ENOANO) X(EBADRQC) X(EBADSLT) X(EBFONT) \
    X(ENOSTR) X(ENODATA) X(ETIME) X(ENOSR) X(ENONET) X(ENOPKG) X(EREMOTE) X(ENOLINK) X(EADV) X(ESRMNT) \
    X(ECOMM) X(EPROTO) X(EMULTIHOP) X(EDOTDOT) X(EBADMSG) X(EOVERFLOW) X(ENOTUNIQ) X(EBADFD) X(EREMCHG) \
    X(ELIBACC) X(ELIBBAD) X(ELIBSCN) X(ELIBMAX) X(ELIBEXEC) X(EILSEQ) X(ERESTART) X(ESTRPIPE) X(EUSERS) \
    X(ENOTSOCK) X(EDESTADDRREQ) X(EMSGSIZE) X(EPROTOTYPE) X(ENOPROTOOPT) X(EPROTONOSUPPORT) X(ESOCKTNOSUPPORT) \
    X(ENOTSUP) X(EPFNOSUPPORT) X(EAFNOSUPPORT) X(EADDRINUSE) X(EADDRNOTAVAIL) X(ENETDOWN) X(ENETUNREACH) \
    X(ENETRESET) X(ECONNABORTED) X(ECONNRESET) X(ENOBUFS) X(EISCONN) X(ENOTCONN) X(ESHUTDOWN) X(ETOOMANYREFS) \
    X(ETIMEDOUT) X(ECONNREFUSED) X(EHOSTDOWN) X(EHOSTUNREACH) X(EALREADY) X(EINPROGRESS) X(ESTALE) X(EUCLEAN) \
    X(ENOTNAM) X(ENAVAIL) X(EISNAM) X(EREMOTEIO) X(EDQUOT) X(ENOMEDIUM) X(EMEDIUMTYPE) X(ECANCELED) X(ENOKEY) \
    X(EKEYEXPIRED) X(EKEYREVOKED) X(EKEYREJECTED) X(EOWNERDEAD) X(ENOTRECOVERABLE) X(ERFKILL)
// clang-format on

const MethodDef kNoFunctions[] = {{nullptr, nullptr, nullptr}};

}  // namespace

Ref init_errno_module() {
    Ref module = native_module_new("errno", kNoFunctions);
    Dict* d = module_dict(module.get());
    Ref errorcode = dict_new();
#define MINIPY_ADD_ERRNO(name)                                          \
    {                                                                   \
        Ref value = int_from_i64(name);                                 \
        dict_set(d, intern(#name), value.get());                        \
        dict_set(as_dict(errorcode.get()), value.get(), intern(#name)); \
    }
    MINIPY_ERRNO_NAMES(MINIPY_ADD_ERRNO)
#undef MINIPY_ADD_ERRNO
    dict_set(d, intern("errorcode"), errorcode.get());
    return module;
}

}  // namespace minipy
