// posix_files.cpp — the path half of the native `posix` module: stat_result and the stat family,
// the working directory, listdir, scandir and its DirEntry, open, and the functions that make,
// rename and remove names, with CPython's signatures, keyword arguments and OSErrors.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstring>
#include <mutex>
#include <string>

#include "modules/posix_module.h"
#include "modules/structseq.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref none() { return Ref::borrow(None); }

bool flag(Object* o, bool fallback) { return o ? is_true(o) : fallback; }

// ---- stat_result ----

// Items 7-9 are the whole seconds (ints); the names st_atime... then give the float times kept after
// them, as CPython's stat_result does.
const char* const kStatFields[] = {"st_mode",     "st_ino",     "st_dev",    "st_nlink",    "st_uid",
                                   "st_gid",      "st_size",    "st_atime",  "st_mtime",    "st_ctime",
                                   "st_atime",    "st_mtime",   "st_ctime",  "st_atime_ns", "st_mtime_ns",
                                   "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"};

// stat_result(sequence) with no float times copies the int ones, as CPython's statresult_new.
void complete_stat(Object** values) {
    for (int i = 0; i < 3; ++i) {
        if (values[10 + i] == None) {
            decref(values[10 + i]);
            values[10 + i] = newref(values[7 + i]);
        }
    }
}

StructSeqType stat_result_type{"os", "stat_result", kStatFields, 10, 19, 3, complete_stat};

Ref ns_of(const struct timespec& t) {
    Ref seconds = int_from_i64(t.tv_sec);
    Ref billion = int_from_i64(1000000000);
    Ref scaled = binary_op(seconds.get(), billion.get(), BinaryOp::Mul);
    Ref nanos = int_from_i64(t.tv_nsec);
    return binary_op(scaled.get(), nanos.get(), BinaryOp::Add);
}

Ref stat_result_from(const struct stat& st) {
    const struct timespec* times[] = {&st.st_atim, &st.st_mtim, &st.st_ctim};
    Object* v[19];
    v[0] = int_from_i64(st.st_mode).release();
    v[1] = int_from_i64(static_cast<int64_t>(st.st_ino)).release();
    v[2] = int_from_i64(static_cast<int64_t>(st.st_dev)).release();
    v[3] = int_from_i64(static_cast<int64_t>(st.st_nlink)).release();
    v[4] = int_from_i64(st.st_uid).release();
    v[5] = int_from_i64(st.st_gid).release();
    v[6] = int_from_i64(st.st_size).release();
    for (int i = 0; i < 3; ++i) {
        v[7 + i] = int_from_i64(times[i]->tv_sec).release();
        v[10 + i] = float_new(static_cast<double>(times[i]->tv_sec) + times[i]->tv_nsec * 1e-9).release();
        v[13 + i] = ns_of(*times[i]).release();
    }
    v[16] = int_from_i64(st.st_blksize).release();
    v[17] = int_from_i64(st.st_blocks).release();
    v[18] = int_from_i64(static_cast<int64_t>(st.st_rdev)).release();
    return structseq_new(stat_result_type, v);
}

// stat/lstat of a path (relative to dir_fd) or fstat of an fd; raises with the path as filename.
Ref do_stat(const char* fname, const PathArg& p, int dir_fd, bool follow) {
    check_dir_fd_path(fname, p, dir_fd);
    struct stat st;
    int result = p.fd >= 0 ? fstat(p.fd, &st) : fstatat(dir_fd, p.path.c_str(), &st, follow_flag(follow));
    if (result < 0) raise_errno(p.object.get());
    return stat_result_from(st);
}

Ref posix_stat(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "dir_fd", "follow_symlinks"};
    Object* a[3];
    bind_args("stat", args, nargs, kw, kNames, 3, 1, a);
    return do_stat("stat", path_arg("stat", "path", a[0], true), dir_fd_arg(a[1]), flag(a[2], true));
}

Ref posix_lstat(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "dir_fd"};
    Object* a[2];
    bind_args("lstat", args, nargs, kw, kNames, 2, 1, a);
    return do_stat("lstat", path_arg("lstat", "path", a[0]), dir_fd_arg(a[1]), false);
}

Ref posix_fstat(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fd"};
    Object* a[1];
    bind_args("fstat", args, nargs, kw, kNames, 1, 1, a);
    PathArg p;
    p.fd = fd_arg(a[0]);
    struct stat st;
    if (retry_on_eintr([&] { return fstat(p.fd, &st); }) < 0) raise_errno();
    return stat_result_from(st);
}

// ---- the working directory ----

std::string current_directory() {
    std::string buffer(PATH_MAX, '\0');
    while (!getcwd(buffer.data(), buffer.size())) {
        if (errno != ERANGE) raise_errno();
        buffer.resize(buffer.size() * 2);
    }
    buffer.resize(std::strlen(buffer.c_str()));
    return buffer;
}

Ref posix_getcwd(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getcwd", nargs, kw, 0, 0);
    return decode_name(current_directory(), false);
}

Ref posix_getcwdb(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getcwdb", nargs, kw, 0, 0);
    return decode_name(current_directory(), true);
}

Ref posix_chdir(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path"};
    Object* a[1];
    bind_args("chdir", args, nargs, kw, kNames, 1, 1, a);
    PathArg p = path_arg("chdir", "path", a[0], true);
    if ((p.fd >= 0 ? fchdir(p.fd) : chdir(p.path.c_str())) < 0) raise_errno(p.object.get());
    return none();
}

// ---- directories ----

// Opens the directory of a path (or a dup of an fd, so closing the stream leaves the fd open).
DIR* open_directory(const PathArg& p) {
    if (p.fd < 0) return opendir(p.path.c_str());
    int fd = dup(p.fd);
    if (fd < 0) return nullptr;
    DIR* dir = fdopendir(fd);
    if (!dir) {
        int error = errno;
        close(fd);
        errno = error;
        return nullptr;
    }
    rewinddir(dir);
    return dir;
}

bool is_dot_or_dotdot(const char* name) {
    return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

Ref posix_listdir(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path"};
    Object* a[1];
    bind_args("listdir", args, nargs, kw, kNames, 1, 0, a);
    PathArg p = path_arg("listdir", "path", a[0], true, true);
    DIR* dir = open_directory(p);
    if (!dir) raise_errno(p.object.get());
    Ref names = list_new();
    try {
        for (;;) {
            errno = 0;
            struct dirent* e = readdir(dir);
            if (!e) break;
            if (!is_dot_or_dotdot(e->d_name))
                list_append(names.get(), decode_name(e->d_name, p.is_bytes).get());
        }
    } catch (...) {
        closedir(dir);
        throw;
    }
    int error = errno;
    closedir(dir);
    if (error) {
        errno = error;
        raise_errno(p.object.get());
    }
    return names;
}

// ---- DirEntry: one name scandir found, with what readdir said of its type ----

struct DirEntryObject : Object {
    Object* name;   // owned: str or bytes
    Object* path;   // owned: the directory joined with the name, same type
    Object* stat;   // owned or null: the cached stat_result (following symlinks)
    Object* lstat;  // owned or null: the cached one for the entry itself
    unsigned char d_type;
    ino_t ino;
    int dir_fd;  // the directory's fd when scandir was given one (path is then just the name), else -1
};

Type dir_entry_type;

DirEntryObject* as_entry(Object* o) {
    if (!is_instance(o, &dir_entry_type))
        raise(&TypeError_type, format("descriptor requires a 'posix.DirEntry' object but received a '%s'",
                                      type_of(o)->name.c_str()));
    return static_cast<DirEntryObject*>(o);
}

void dir_entry_dealloc(Object* o) {
    auto* e = static_cast<DirEntryObject*>(o);
    decref(e->name);
    decref(e->path);
    xdecref(e->stat);
    xdecref(e->lstat);
    delete e;
}

std::string entry_path_bytes(DirEntryObject* e) {
    return is_bytes(e->path) ? bytes_data(e->path) : str_encode(e->path, nullptr, intern("surrogateescape"));
}

// The entry's stat_result, fetched once (CPython's DirEntry caches both kinds).
Object* entry_stat(DirEntryObject* e, bool follow) {
    Object*& cache = follow ? e->stat : e->lstat;
    if (cache) return cache;
    bool is_link = e->d_type == DT_LNK;
    if (follow && e->d_type != DT_UNKNOWN && !is_link) return entry_stat(e, false);
    struct stat st;
    std::string path = entry_path_bytes(e);
    int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW;
    if (fstatat(e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD, path.c_str(), &st, flags) < 0) raise_errno(e->path);
    cache = stat_result_from(st).release();
    if (follow && e->d_type == DT_UNKNOWN && !S_ISLNK(st.st_mode) && !e->lstat) e->lstat = newref(cache);
    return cache;
}

// is_dir/is_file: readdir's type when it is enough, else stat, with a vanished file as False.
bool entry_has_mode(DirEntryObject* e, bool follow, mode_t mode_bits) {
    bool need_stat = e->d_type == DT_UNKNOWN || (follow && e->d_type == DT_LNK);
    if (!need_stat) return mode_bits == S_IFDIR ? e->d_type == DT_DIR : e->d_type == DT_REG;
    if (!(follow ? e->stat : e->lstat)) {
        struct stat st;
        std::string path = entry_path_bytes(e);
        if (fstatat(e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD, path.c_str(), &st,
                    follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0) {
            if (errno == ENOENT) return false;
            raise_errno(e->path);
        }
        (follow ? e->stat : e->lstat) = stat_result_from(st).release();
    }
    Ref mode = get_attr(follow ? e->stat : e->lstat, intern("st_mode"));
    return (as_index(mode.get()) & S_IFMT) == mode_bits;
}

bool follow_arg(const char* fname, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"follow_symlinks"};
    Object* a[1];
    if (nargs > 1) raise(&TypeError_type, format("DirEntry.%s() takes no positional arguments", fname));
    bind_args(fname, args + 1, 0, kw, kNames, 1, 0, a);
    return flag(a[0], true);
}

Ref entry_is_dir(Object*, Args args, size_t nargs, Tuple* kw) {
    bool follow = follow_arg("is_dir", args, nargs, kw);
    return Ref::borrow(bool_obj(entry_has_mode(as_entry(args[0]), follow, S_IFDIR)));
}

Ref entry_is_file(Object*, Args args, size_t nargs, Tuple* kw) {
    bool follow = follow_arg("is_file", args, nargs, kw);
    return Ref::borrow(bool_obj(entry_has_mode(as_entry(args[0]), follow, S_IFREG)));
}

Ref entry_is_symlink(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("is_symlink", nargs, kw, 1, 1);
    DirEntryObject* e = as_entry(args[0]);
    if (e->d_type != DT_UNKNOWN) return Ref::borrow(bool_obj(e->d_type == DT_LNK));
    Ref mode = get_attr(entry_stat(e, false), intern("st_mode"));
    return Ref::borrow(bool_obj(S_ISLNK(as_index(mode.get()))));
}

Ref entry_stat_method(Object*, Args args, size_t nargs, Tuple* kw) {
    bool follow = follow_arg("stat", args, nargs, kw);
    return Ref::borrow(entry_stat(as_entry(args[0]), follow));
}

Ref entry_inode(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("inode", nargs, kw, 1, 1);
    return int_from_i64(static_cast<int64_t>(as_entry(args[0])->ino));
}

Ref entry_fspath(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__fspath__", nargs, kw, 1, 1);
    return Ref::borrow(as_entry(args[0])->path);
}

Ref entry_repr(Object* o) { return str_new("<DirEntry " + repr_utf8(as_entry(o)->name) + ">"); }

Ref entry_getattr(Object* o, Str* name) {
    DirEntryObject* e = as_entry(o);
    if (name->utf8 == "name") return Ref::borrow(e->name);
    if (name->utf8 == "path") return Ref::borrow(e->path);
    return generic_getattr(o, name);
}

const MethodDef kDirEntryMethods[] = {
    {"is_dir", entry_is_dir, "Return True if the entry is a directory; cached per entry."},
    {"is_file", entry_is_file, "Return True if the entry is a file; cached per entry."},
    {"is_symlink", entry_is_symlink, "Return True if the entry is a symbolic link; cached per entry."},
    {"stat", entry_stat_method, "Return stat_result object for the entry; cached per entry."},
    {"inode", entry_inode, "Return inode of the entry; cached per entry."},
    {"__fspath__", entry_fspath, "Returns the path for the entry."},
    {nullptr, nullptr, nullptr},
};

Ref dir_entry_new(const PathArg& dir, const struct dirent* d, int dir_fd) {
    auto* e = new DirEntryObject();
    init_header(e, &dir_entry_type);
    Ref self = Ref::steal(e);
    e->d_type = d->d_type;
    e->ino = d->d_ino;
    e->dir_fd = dir_fd;
    e->name = decode_name(d->d_name, dir.is_bytes).release();
    std::string joined = dir_fd >= 0                                  ? std::string(d->d_name)
                         : dir.path.empty() || dir.path.back() == '/' ? dir.path + d->d_name
                                                                      : dir.path + "/" + d->d_name;
    e->path = decode_name(joined, dir.is_bytes).release();
    return self;
}

// ---- scandir's iterator: a context manager that closes the directory stream ----

struct ScandirIteratorObject : Object {
    DIR* dir;      // null once closed or exhausted
    PathArg path;  // the directory, to join names to
    int dir_fd;
};

Type scandir_iterator_type;

ScandirIteratorObject* as_scandir(Object* o) { return static_cast<ScandirIteratorObject*>(o); }

void scandir_close_stream(ScandirIteratorObject* it) {
    if (!it->dir) return;
    DIR* dir = it->dir;
    it->dir = nullptr;
    closedir(dir);
}

void scandir_dealloc(Object* o) {
    ScandirIteratorObject* it = as_scandir(o);
    scandir_close_stream(it);
    delete it;
}

Ref scandir_next(Object* o) {
    ScandirIteratorObject* it = as_scandir(o);
    while (it->dir) {
        errno = 0;
        struct dirent* d = readdir(it->dir);
        if (!d) {
            int error = errno;
            scandir_close_stream(it);
            if (error) {
                errno = error;
                raise_errno(decode_name(it->path.path, it->path.is_bytes).get());
            }
            break;
        }
        if (!is_dot_or_dotdot(d->d_name)) return dir_entry_new(it->path, d, it->dir_fd);
    }
    return Ref();
}

Ref scandir_iter(Object* o) { return Ref::borrow(o); }

Ref scandir_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    scandir_close_stream(as_scandir(args[0]));
    return none();
}

Ref scandir_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    return Ref::borrow(args[0]);
}

Ref scandir_exit(Object*, Args args, size_t nargs, Tuple*) {
    if (nargs >= 1) scandir_close_stream(as_scandir(args[0]));
    return Ref::borrow(False);
}

const MethodDef kScandirMethods[] = {
    {"close", scandir_close, "Close the directory stream."},
    {"__enter__", scandir_enter, "Return the iterator itself, for `with`."},
    {"__exit__", scandir_exit, "Close the directory stream."},
    {nullptr, nullptr, nullptr},
};

Ref posix_scandir(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path"};
    Object* a[1];
    bind_args("scandir", args, nargs, kw, kNames, 1, 0, a);
    PathArg p = path_arg("scandir", "path", a[0], true, true);
    DIR* dir = open_directory(p);
    if (!dir) raise_errno(p.object.get());
    auto* it = new ScandirIteratorObject();
    init_header(it, &scandir_iterator_type);
    it->dir = dir;
    it->dir_fd = p.fd;
    it->path = p;
    it->path.object = Ref();
    return Ref::steal(it);
}

// ---- making, renaming and removing names ----

Ref posix_open(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "flags", "mode", "dir_fd"};
    Object* a[4];
    bind_args("open", args, nargs, kw, kNames, 4, 2, a);
    PathArg p = path_arg("open", "path", a[0]);
    int flags = int_arg(a[1]) | O_CLOEXEC;
    mode_t mode = a[2] ? static_cast<mode_t>(int_arg(a[2])) : 0777;
    int dir_fd = dir_fd_arg(a[3]);
    int fd = retry_on_eintr([&] { return openat(dir_fd, p.path.c_str(), flags, mode); });
    if (fd < 0) raise_errno(p.object.get());
    return int_from_i64(fd);
}

Ref posix_mkdir(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "mode", "dir_fd"};
    Object* a[3];
    bind_args("mkdir", args, nargs, kw, kNames, 3, 1, a);
    PathArg p = path_arg("mkdir", "path", a[0]);
    mode_t mode = a[1] ? static_cast<mode_t>(int_arg(a[1])) : 0777;
    if (mkdirat(dir_fd_arg(a[2]), p.path.c_str(), mode) < 0) raise_errno(p.object.get());
    return none();
}

// rmdir, unlink and remove: unlinkat(dir_fd, path, Flags).
template <int Flags, const char* const* Name>
Ref unlink_call(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "dir_fd"};
    Object* a[2];
    bind_args(*Name, args, nargs, kw, kNames, 2, 1, a);
    PathArg p = path_arg(*Name, "path", a[0]);
    if (unlinkat(dir_fd_arg(a[1]), p.path.c_str(), Flags) < 0) raise_errno(p.object.get());
    return none();
}
const char* const kRmdir = "rmdir";
const char* const kUnlink = "unlink";
const char* const kRemove = "remove";

// rename, replace and link: two paths, each relative to its own dir_fd, both named in the OSError.
template <int (*Call)(int, const char*, int, const char*, bool), const char* const* Name>
Ref two_path_call(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"};
    Object* a[5] = {};  // rename and replace take no follow_symlinks: a[4] stays null
    bind_args(*Name, args, nargs, kw, kNames, std::string_view(*Name) == "link" ? 5 : 4, 2, a);
    PathArg src = path_arg(*Name, "src", a[0]);
    PathArg dst = path_arg(*Name, "dst", a[1]);
    if (src.is_bytes != dst.is_bytes)
        raise(&TypeError_type, format("%s: src and dst must be the same type", *Name));
    int src_dir_fd = dir_fd_arg(a[2]), dst_dir_fd = dir_fd_arg(a[3]);
    if (Call(src_dir_fd, src.path.c_str(), dst_dir_fd, dst.path.c_str(), flag(a[4], true)) < 0)
        raise_errno(src.object.get(), dst.object.get());
    return none();
}
int rename_call(int a_fd, const char* a, int b_fd, const char* b, bool) { return renameat(a_fd, a, b_fd, b); }
// link() follows a symlink given as src unless told not to, as CPython's on Linux.
int link_call(int a_fd, const char* a, int b_fd, const char* b, bool follow) {
    return linkat(a_fd, a, b_fd, b, follow ? AT_SYMLINK_FOLLOW : 0);
}
const char* const kRename = "rename";
const char* const kReplace = "replace";
const char* const kLink = "link";

Ref posix_symlink(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"src", "dst", "target_is_directory", "dir_fd"};
    Object* a[4];
    bind_args("symlink", args, nargs, kw, kNames, 4, 2, a);
    PathArg src = path_arg("symlink", "src", a[0]);
    PathArg dst = path_arg("symlink", "dst", a[1]);
    if (symlinkat(src.path.c_str(), dir_fd_arg(a[3]), dst.path.c_str()) < 0)
        raise_errno(src.object.get(), dst.object.get());
    return none();
}

Ref posix_readlink(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "dir_fd"};
    Object* a[2];
    bind_args("readlink", args, nargs, kw, kNames, 2, 1, a);
    PathArg p = path_arg("readlink", "path", a[0]);
    std::string buffer(PATH_MAX, '\0');
    ssize_t n = readlinkat(dir_fd_arg(a[1]), p.path.c_str(), buffer.data(), buffer.size());
    if (n < 0) raise_errno(p.object.get());
    buffer.resize(static_cast<size_t>(n));
    return decode_name(buffer, p.is_bytes);
}

Ref posix_access(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"};
    Object* a[5];
    bind_args("access", args, nargs, kw, kNames, 5, 2, a);
    PathArg p = path_arg("access", "path", a[0]);
    int flags = (flag(a[3], false) ? AT_EACCESS : 0) | follow_flag(flag(a[4], true));
    return Ref::borrow(bool_obj(faccessat(dir_fd_arg(a[2]), p.path.c_str(), int_arg(a[1]), flags) == 0));
}

Ref posix_chmod(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "mode", "dir_fd", "follow_symlinks"};
    Object* a[4];
    bind_args("chmod", args, nargs, kw, kNames, 4, 2, a);
    PathArg p = path_arg("chmod", "path", a[0], true);
    mode_t mode = static_cast<mode_t>(int_arg(a[1]));
    int dir_fd = dir_fd_arg(a[2]);
    bool follow = flag(a[3], true);
    check_dir_fd_path("chmod", p, dir_fd);
    int result = p.fd >= 0 ? fchmod(p.fd, mode) : fchmodat(dir_fd, p.path.c_str(), mode, follow_flag(follow));
    // Linux cannot change a symlink's own mode; CPython reports that as the platform's limit.
    if (result < 0 && !follow && (errno == ENOTSUP || errno == EOPNOTSUPP)) {
        if (dir_fd != AT_FDCWD)
            raise(&ValueError_type, "chmod: cannot use dir_fd and follow_symlinks together");
        raise(&NotImplementedError_type, "chmod: follow_symlinks unavailable on this platform");
    }
    if (result < 0) raise_errno(p.object.get());
    return none();
}

Ref posix_truncate(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "length"};
    Object* a[2];
    bind_args("truncate", args, nargs, kw, kNames, 2, 2, a);
    PathArg p = path_arg("truncate", "path", a[0], true);
    off_t length = static_cast<off_t>(as_index(a[1]));
    if ((p.fd >= 0 ? ftruncate(p.fd, length) : truncate(p.path.c_str(), length)) < 0)
        raise_errno(p.object.get());
    return none();
}

// One of utime's (atime, mtime) given in seconds (int or float) as a timespec.
struct timespec seconds_timespec(Object* o) {
    double t = to_double(o);
    struct timespec ts;
    ts.tv_sec = static_cast<time_t>(t);
    double frac = t - static_cast<double>(ts.tv_sec);
    if (frac < 0) {
        frac += 1.0;
        --ts.tv_sec;
    }
    ts.tv_nsec = static_cast<long>(frac * 1e9);
    if (ts.tv_nsec >= 1000000000) ts.tv_nsec = 999999999;
    return ts;
}

struct timespec ns_timespec(Object* o) {
    Ref billion = int_from_i64(1000000000);
    Ref seconds = binary_op(o, billion.get(), BinaryOp::FloorDiv);
    Ref nanos = binary_op(o, billion.get(), BinaryOp::Mod);
    struct timespec ts;
    ts.tv_sec = static_cast<time_t>(as_index(seconds.get()));
    ts.tv_nsec = static_cast<long>(as_index(nanos.get()));
    return ts;
}

// utime(path, times=None, *, ns, dir_fd=None, follow_symlinks=True), on utimensat/futimens.
Ref posix_utime(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path", "times", "ns", "dir_fd", "follow_symlinks"};
    Object* a[5];
    if (nargs > 2) raise_arg_count("utime", 1, 2, nargs);
    bind_args("utime", args, nargs, kw, kNames, 5, 1, a);
    PathArg p = path_arg("utime", "path", a[0], true);
    Object* times = a[1] && a[1] != None ? a[1] : nullptr;
    if (times && a[2]) raise(&ValueError_type, "utime: you may specify either 'times' or 'ns' but not both");
    struct timespec ts[2];
    struct timespec* tsp = nullptr;
    for (Object* given : {times, a[2]}) {
        if (!given) continue;
        if (!is_instance(given, &tuple_type) || as_tuple(given)->size != 2)
            raise(&TypeError_type,
                  format("utime: '%s' must be a tuple of two ints", given == times ? "times" : "ns"));
        for (int i = 0; i < 2; ++i)
            ts[i] = given == times ? seconds_timespec(as_tuple(given)->items[i])
                                   : ns_timespec(as_tuple(given)->items[i]);
        tsp = ts;
    }
    int dir_fd = dir_fd_arg(a[3]);
    check_dir_fd_path("utime", p, dir_fd);
    int flags = follow_flag(flag(a[4], true));
    int result = p.fd >= 0 ? futimens(p.fd, tsp) : utimensat(dir_fd, p.path.c_str(), tsp, flags);
    if (result < 0) raise_errno();  // CPython 3.11's utime names no file in its OSError
    return none();
}

Ref posix_fspath(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"path"};
    Object* a[1];
    bind_args("fspath", args, nargs, kw, kNames, 1, 1, a);
    return fspath(a[0]);
}

const MethodDef kFileFunctions[] = {
    {"stat", posix_stat, "Perform a stat system call on the given path."},
    {"lstat", posix_lstat, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", posix_fstat, "Perform a stat system call on the given file descriptor."},
    {"getcwd", posix_getcwd, "Return a unicode string representing the current working directory."},
    {"getcwdb", posix_getcwdb, "Return a bytes string representing the current working directory."},
    {"chdir", posix_chdir, "Change the current working directory to the specified path."},
    {"listdir", posix_listdir, "Return a list containing the names of the files in the directory."},
    {"scandir", posix_scandir, "Return an iterator of DirEntry objects for given path."},
    {"open", posix_open, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"mkdir", posix_mkdir, "Create a directory."},
    {"rmdir", unlink_call<AT_REMOVEDIR, &kRmdir>, "Remove a directory."},
    {"unlink", unlink_call<0, &kUnlink>, "Remove a file (same as remove())."},
    {"remove", unlink_call<0, &kRemove>, "Remove a file (same as unlink())."},
    {"rename", two_path_call<rename_call, &kRename>, "Rename a file or directory."},
    {"replace", two_path_call<rename_call, &kReplace>,
     "Rename a file or directory, overwriting the destination."},
    {"link", two_path_call<link_call, &kLink>, "Create a hard link to a file."},
    {"symlink", posix_symlink, "Create a symbolic link pointing to src named dst."},
    {"readlink", posix_readlink, "Return a string representing the path to which the symbolic link points."},
    {"access", posix_access, "Use the real uid/gid to test for access to a path."},
    {"chmod", posix_chmod, "Change the access permissions of a file."},
    {"truncate", posix_truncate, "Truncate a file, specified by path, to a specific length."},
    {"utime", posix_utime, "Set the access and modified time of path."},
    {"fspath", posix_fspath, "Return the file system path representation of the object."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    structseq_init(stat_result_type);
    dir_entry_type.name = "DirEntry";
    dir_entry_type.instance_size = sizeof(DirEntryObject);
    dir_entry_type.construct = construct_refused;
    dir_entry_type.dealloc = dir_entry_dealloc;
    dir_entry_type.repr = entry_repr;
    dir_entry_type.getattr = entry_getattr;
    dir_entry_type.methods = kDirEntryMethods;
    init_type(&dir_entry_type);
    add_class_getitem(&dir_entry_type);
    dict_set(dir_entry_type.dict, intern("__module__"), str_new("posix").get());
    scandir_iterator_type.name = "ScandirIterator";
    scandir_iterator_type.instance_size = sizeof(ScandirIteratorObject);
    scandir_iterator_type.construct = construct_refused;
    scandir_iterator_type.dealloc = scandir_dealloc;
    scandir_iterator_type.iter = scandir_iter;
    scandir_iterator_type.next = scandir_next;
    scandir_iterator_type.methods = kScandirMethods;
    init_type(&scandir_iterator_type);
    dict_set(scandir_iterator_type.dict, intern("__module__"), str_new("posix").get());
}

}  // namespace

void add_posix_file_functions(Object* module) {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Dict* d = module_dict(module);
    for (const MethodDef* m = kFileFunctions; m->name; ++m)
        dict_set(d, intern(m->name), native_function_new(m, nullptr).get());
    dict_set(d, intern("stat_result"), &stat_result_type);
    dict_set(d, intern("DirEntry"), &dir_entry_type);
}

}  // namespace minipy
