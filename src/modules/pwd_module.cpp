// pwd_module.cpp — the native `pwd` module: the password database (getpwuid, getpwnam, getpwall)
// as CPython's, for getpass.getuser and os.path.expanduser when the environment does not say.
#include <pwd.h>

#include <cerrno>
#include <vector>

#include "modules/posix_module.h"
#include "modules/registry.h"
#include "modules/structseq.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

namespace {

using Args = Object* const*;

const char* const kPasswdFields[] = {"pw_name",  "pw_passwd", "pw_uid",  "pw_gid",
                                     "pw_gecos", "pw_dir",    "pw_shell"};
StructSeqType struct_passwd_type{"pwd", "struct_passwd", kPasswdFields, 7, 7};

Ref passwd_from(const struct passwd& p) {
    Object* values[] = {decode_name(p.pw_name, false).release(),  decode_name(p.pw_passwd, false).release(),
                        int_from_i64(p.pw_uid).release(),         int_from_i64(p.pw_gid).release(),
                        decode_name(p.pw_gecos, false).release(), decode_name(p.pw_dir, false).release(),
                        decode_name(p.pw_shell, false).release()};
    return structseq_new(struct_passwd_type, values);
}

// getpwuid_r/getpwnam_r with a buffer grown until the entry fits.
template <typename Lookup>
bool find_entry(Lookup lookup, struct passwd* entry, std::vector<char>& buffer) {
    buffer.resize(1024);
    for (;;) {
        struct passwd* result = nullptr;
        int error = lookup(entry, buffer.data(), buffer.size(), &result);
        if (error == ERANGE) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        return result != nullptr;
    }
}

Ref pwd_getpwuid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getpwuid", nargs, kw, 1, 1);
    int64_t uid = as_index(args[0]);
    struct passwd entry;
    std::vector<char> buffer;
    bool found =
        uid >= 0 && uid <= static_cast<int64_t>(static_cast<uid_t>(-1)) &&
        find_entry([&](struct passwd* e, char* b, size_t n,
                       struct passwd** r) { return getpwuid_r(static_cast<uid_t>(uid), e, b, n, r); },
                   &entry, buffer);
    if (!found) raise_key_error(str_new("getpwuid(): uid not found: " + repr_utf8(args[0])).get());
    return passwd_from(entry);
}

Ref pwd_getpwnam(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getpwnam", nargs, kw, 1, 1);
    if (!is_str(args[0]))
        raise(&TypeError_type,
              format("getpwnam() argument must be str, not %s", type_of(args[0])->name.c_str()));
    PathArg name = path_arg("getpwnam", "name", args[0]);
    struct passwd entry;
    std::vector<char> buffer;
    bool found = find_entry([&](struct passwd* e, char* b, size_t n,
                                struct passwd** r) { return getpwnam_r(name.path.c_str(), e, b, n, r); },
                            &entry, buffer);
    if (!found) raise_key_error(str_new("getpwnam(): name not found: " + repr_utf8(args[0])).get());
    return passwd_from(entry);
}

Ref pwd_getpwall(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getpwall", nargs, kw, 0, 0);
    Ref entries = list_new();
    setpwent();
    while (struct passwd* p = getpwent()) list_append(entries.get(), passwd_from(*p).get());
    endpwent();
    return entries;
}

const MethodDef kPwdFunctions[] = {
    {"getpwuid", pwd_getpwuid, "Return the password database entry for the given numeric user ID."},
    {"getpwnam", pwd_getpwnam, "Return the password database entry for the given user name."},
    {"getpwall", pwd_getpwall,
     "Return a list of all available password database entries, in arbitrary order."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_pwd_module() {
    structseq_init(struct_passwd_type);
    Ref module = native_module_new("pwd", kPwdFunctions);
    dict_set(module_dict(module.get()), intern("struct_passwd"), &struct_passwd_type);
    return module;
}

}  // namespace minipy
