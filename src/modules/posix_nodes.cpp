// posix_nodes.cpp — the rest of posix's file-system calls: owners (chown, lchown, fchown), the
// file system's figures (statvfs), special files (mkfifo, mknod) and device numbers.
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <climits>

#include "modules/posix_module.h"
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

Ref none() { return Ref::borrow(None); }

// A uid or gid argument: an int, where -1 means "leave it as it is".
template <typename Id>
Id id_arg(Object* o, const char* what) {
    if (!is_int(o))
        raise(&TypeError_type, format("%s should be integer, not %s", what, type_of(o)->name.c_str()));
    int64_t v = as_index(o);
    if (v == -1) return static_cast<Id>(-1);
    if (v < 0 || v > static_cast<int64_t>(static_cast<Id>(-1) - 1))
        raise(&OverflowError_type, format("%s is greater than maximum", what));
    return static_cast<Id>(v);
}

// chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True); path may be an fd.
Ref posix_chown(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks"};
    Object* a[5];
    bind_args("chown", args, nargs, kw, kNames, 5, 3, a);
    PathArg p = path_arg("chown", "path", a[0], true);
    uid_t uid = id_arg<uid_t>(a[1], "uid");
    gid_t gid = id_arg<gid_t>(a[2], "gid");
    int dir_fd = dir_fd_arg(a[3]);
    check_dir_fd_path("chown", p, dir_fd);
    bool follow = !a[4] || is_true(a[4]);
    int result =
        p.fd >= 0 ? fchown(p.fd, uid, gid) : fchownat(dir_fd, p.path.c_str(), uid, gid, follow_flag(follow));
    if (result < 0) raise_errno(p.object.get());
    return none();
}

Ref posix_lchown(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "uid", "gid"};
    Object* a[3];
    bind_args("lchown", args, nargs, kw, kNames, 3, 3, a);
    PathArg p = path_arg("lchown", "path", a[0]);
    if (lchown(p.path.c_str(), id_arg<uid_t>(a[1], "uid"), id_arg<gid_t>(a[2], "gid")) < 0)
        raise_errno(p.object.get());
    return none();
}

Ref posix_fchown(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd", "uid", "gid"};
    Object* a[3];
    bind_args("fchown", args, nargs, kw, kNames, 3, 3, a);
    if (fchown(fd_arg(a[0]), id_arg<uid_t>(a[1], "uid"), id_arg<gid_t>(a[2], "gid")) < 0) raise_errno();
    return none();
}

const char* const kStatvfsFields[] = {"f_bsize", "f_frsize", "f_blocks", "f_bfree",   "f_bavail", "f_files",
                                      "f_ffree", "f_favail", "f_flag",   "f_namemax", "f_fsid"};
StructSeqType statvfs_result_type{"os", "statvfs_result", kStatvfsFields, 10, 11};

Ref statvfs_result_from(const struct statvfs& s) {
    uint64_t values[] = {s.f_bsize, s.f_frsize, s.f_blocks, s.f_bfree,   s.f_bavail, s.f_files,
                         s.f_ffree, s.f_favail, s.f_flag,   s.f_namemax, s.f_fsid};
    Object* items[11];
    for (int i = 0; i < 11; ++i) items[i] = int_from_i64(static_cast<int64_t>(values[i])).release();
    return structseq_new(statvfs_result_type, items);
}

Ref posix_statvfs(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path"};
    Object* a[1];
    bind_args("statvfs", args, nargs, kw, kNames, 1, 1, a);
    PathArg p = path_arg("statvfs", "path", a[0], true);
    struct statvfs s;
    int result = retry_on_eintr([&] { return p.fd >= 0 ? fstatvfs(p.fd, &s) : statvfs(p.path.c_str(), &s); });
    if (result < 0) raise_errno(p.object.get());
    return statvfs_result_from(s);
}

Ref posix_fstatvfs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fstatvfs", nargs, kw, 1, 1);
    int fd = fd_arg(args[0]);
    struct statvfs s;
    if (retry_on_eintr([&] { return fstatvfs(fd, &s); }) < 0) raise_errno();
    return statvfs_result_from(s);
}

// mkfifo(path, mode=0o666, *, dir_fd=None). CPython 3.11's OSError here names no file.
Ref posix_mkfifo(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "mode", "dir_fd"};
    Object* a[3];
    bind_args("mkfifo", args, nargs, kw, kNames, 3, 1, a);
    PathArg p = path_arg("mkfifo", "path", a[0]);
    mode_t mode = a[1] ? static_cast<mode_t>(as_index(a[1])) : 0666;
    int dir_fd = dir_fd_arg(a[2]);
    if (retry_on_eintr([&] { return mkfifoat(dir_fd, p.path.c_str(), mode); }) < 0) raise_errno();
    return none();
}

// mknod(path, mode=0o600, device=0, *, dir_fd=None).
Ref posix_mknod(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "mode", "device", "dir_fd"};
    Object* a[4];
    bind_args("mknod", args, nargs, kw, kNames, 4, 1, a);
    PathArg p = path_arg("mknod", "path", a[0]);
    mode_t mode = a[1] ? static_cast<mode_t>(as_index(a[1])) : 0600;
    dev_t device = a[2] ? static_cast<dev_t>(as_index(a[2])) : 0;
    if (mknodat(dir_fd_arg(a[3]), p.path.c_str(), mode, device) < 0) raise_errno();
    return none();
}

Ref posix_major(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("major", nargs, kw, 1, 1);
    return int_from_i64(major(static_cast<dev_t>(as_index(args[0]))));
}

Ref posix_minor(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("minor", nargs, kw, 1, 1);
    return int_from_i64(minor(static_cast<dev_t>(as_index(args[0]))));
}

Ref posix_makedev(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("makedev", nargs, kw, 2, 2);
    auto part = [](Object* o) { return static_cast<unsigned>(as_index(o)); };
    return int_from_i64(static_cast<int64_t>(makedev(part(args[0]), part(args[1]))));
}

const MethodDef kNodeFunctions[] = {
    {"chown", posix_chown, "Change the owner and group id of path to the numeric uid and gid."},
    {"lchown", posix_lchown, "Change the owner and group id of path, not following symbolic links."},
    {"fchown", posix_fchown, "Change the owner and group id of the file specified by file descriptor."},
    {"statvfs", posix_statvfs, "Perform a statvfs system call on the given path."},
    {"fstatvfs", posix_fstatvfs, "Perform an fstatvfs system call on the given fd."},
    {"mkfifo", posix_mkfifo, "Create a \"fifo\" (a POSIX named pipe)."},
    {"mknod", posix_mknod, "Create a node in the file system."},
    {"major", posix_major, "Extracts a device major number from a raw device number."},
    {"minor", posix_minor, "Extracts a device minor number from a raw device number."},
    {"makedev", posix_makedev, "Composes a raw device number from the major and minor device numbers."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void add_posix_node_functions(Object* module) {
    structseq_init(statvfs_result_type);
    Dict* d = module_dict(module);
    for (const MethodDef* m = kNodeFunctions; m->name; ++m)
        dict_set(d, intern(m->name), native_function_new(m, nullptr).get());
    dict_set(d, intern("statvfs_result"), &statvfs_result_type);
    for (auto [name, value] : {std::pair{"ST_RDONLY", ST_RDONLY}, {"ST_NOSUID", ST_NOSUID}})
        dict_set(d, intern(name), int_from_i64(value).get());
}

}  // namespace minipy
