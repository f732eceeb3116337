// stat_module.cpp — the native `_stat` module: the file-type and permission bits of st_mode, the
// S_IS*() tests and filemode(), as CPython's Modules/_stat.c. stat.py has Python versions of all of
// it and ends with `from _stat import *`; the native one differs where a mode has no file-type bits:
// filemode(0o644) is '?rw-r--r--' here, '-rw-r--r--' from stat.py's table.
#include <sys/stat.h>

#include <cstdint>
#include <string>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

// Linux has none of these types; the values are CPython's there (0: the tests are always False).
constexpr uint32_t kIfDoor = 0;
constexpr uint32_t kIfPort = 0;
constexpr uint32_t kIfWht = 0;

// The one argument of every function: an int (not any __index__ object, as CPython's
// _PyLong_AsMode_t), first read as a C unsigned long, then checked to fit a mode_t.
uint32_t mode_argument(const char* fname, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_stat", fname, nargs, kw, 1, 1);
    Object* o = args[0];
    if (!is_int(o)) raise(&TypeError_type, "an integer is required");
    Ref zero = int_from_i64(0);
    if (int_compare(o, zero.get()) < 0)
        raise(&OverflowError_type, "can't convert negative value to unsigned int");
    int64_t v;
    if (!int_to_i64(o, &v)) {
        Ref limit = int_from_string("18446744073709551615", 10);
        if (int_compare(o, limit.get()) > 0)
            raise(&OverflowError_type, "Python int too large to convert to C unsigned long");
        raise(&OverflowError_type, "mode out of range");
    }
    if (v > static_cast<int64_t>(UINT32_MAX)) raise(&OverflowError_type, "mode out of range");
    return static_cast<uint32_t>(v);
}

char type_letter(uint32_t mode) {
    switch (mode & S_IFMT) {
        case S_IFREG:
            return '-';
        case S_IFDIR:
            return 'd';
        case S_IFLNK:
            return 'l';
        case S_IFBLK:
            return 'b';
        case S_IFCHR:
            return 'c';
        case S_IFIFO:
            return 'p';
        case S_IFSOCK:
            return 's';
        default:
            return '?';
    }
}

// The three letters of one class of users: read, write, then execute, where a set-id or sticky
// bit shows as `special` (lower case with execute, upper case without).
void permission_letters(std::string& out, uint32_t mode, uint32_t r, uint32_t w, uint32_t x, uint32_t special,
                        char special_letter) {
    out += (mode & r) ? 'r' : '-';
    out += (mode & w) ? 'w' : '-';
    if (mode & special)
        out += (mode & x) ? special_letter : static_cast<char>(special_letter - 'a' + 'A');
    else
        out += (mode & x) ? 'x' : '-';
}

Ref stat_filemode(Object*, Args args, size_t nargs, Tuple* kw) {
    uint32_t mode = mode_argument("filemode", args, nargs, kw);
    std::string text(1, type_letter(mode));
    permission_letters(text, mode, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's');
    permission_letters(text, mode, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's');
    permission_letters(text, mode, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't');
    return str_new(text);
}

Ref stat_imode(Object*, Args args, size_t nargs, Tuple* kw) {
    return int_from_i64(mode_argument("S_IMODE", args, nargs, kw) & 07777);
}

Ref stat_ifmt(Object*, Args args, size_t nargs, Tuple* kw) {
    return int_from_i64(mode_argument("S_IFMT", args, nargs, kw) & S_IFMT);
}

// S_ISDIR(mode) and its siblings: whether the file-type bits are `kind`'s.
template <uint32_t kind>
Ref stat_is(Object*, Args args, size_t nargs, Tuple* kw, const char* fname) {
    uint32_t mode = mode_argument(fname, args, nargs, kw);
    return Ref::borrow(kind != 0 && (mode & S_IFMT) == kind ? True : False);
}

#define MINIPY_STAT_TEST(NAME, KIND, WHAT)                                                                                         \
    {                                                                                                                              \
#NAME,                                                                                                                     \
            [](Object * self, Args args, size_t nargs,                                                                             \
               Tuple *                                                                                                             \
                   kw) { return stat_is<KIND>(self, args, nargs, kw, #NAME); }, #NAME                                              \
                                                                             "(mode) -> bool\n\nReturn True if mode is from " WHAT \
                                                                             "."                                                   \
    }

const MethodDef kStatFunctions[] = {
    MINIPY_STAT_TEST(S_ISDIR, S_IFDIR, "a directory"),
    MINIPY_STAT_TEST(S_ISCHR, S_IFCHR, "a character special device file"),
    MINIPY_STAT_TEST(S_ISBLK, S_IFBLK, "a block special device file"),
    MINIPY_STAT_TEST(S_ISREG, S_IFREG, "a regular file"),
    MINIPY_STAT_TEST(S_ISFIFO, S_IFIFO, "a FIFO (named pipe)"),
    MINIPY_STAT_TEST(S_ISLNK, S_IFLNK, "a symbolic link"),
    MINIPY_STAT_TEST(S_ISSOCK, S_IFSOCK, "a socket"),
    MINIPY_STAT_TEST(S_ISDOOR, kIfDoor, "a door"),
    MINIPY_STAT_TEST(S_ISPORT, kIfPort, "an event port"),
    MINIPY_STAT_TEST(S_ISWHT, kIfWht, "a whiteout"),
    {"S_IMODE", stat_imode, "Return the portion of the file's mode that can be set by os.chmod()."},
    {"S_IFMT", stat_ifmt, "Return the portion of the file's mode that describes the file type."},
    {"filemode", stat_filemode, "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
    {nullptr, nullptr, nullptr},
};

#undef MINIPY_STAT_TEST

struct Constant {
    const char* name;
    int64_t value;
};

const Constant kStatConstants[] = {
    {"S_IFDIR", S_IFDIR},
    {"S_IFCHR", S_IFCHR},
    {"S_IFBLK", S_IFBLK},
    {"S_IFREG", S_IFREG},
    {"S_IFIFO", S_IFIFO},
    {"S_IFLNK", S_IFLNK},
    {"S_IFSOCK", S_IFSOCK},
    {"S_IFDOOR", kIfDoor},
    {"S_IFPORT", kIfPort},
    {"S_IFWHT", kIfWht},
    {"S_ISUID", S_ISUID},
    {"S_ISGID", S_ISGID},
    {"S_ISVTX", S_ISVTX},
    {"S_ENFMT", S_ISGID},  // the file-locking bit shares set-group-id's
    {"S_IREAD", S_IRUSR},
    {"S_IWRITE", S_IWUSR},
    {"S_IEXEC", S_IXUSR},
    {"S_IRWXU", S_IRWXU},
    {"S_IRUSR", S_IRUSR},
    {"S_IWUSR", S_IWUSR},
    {"S_IXUSR", S_IXUSR},
    {"S_IRWXG", S_IRWXG},
    {"S_IRGRP", S_IRGRP},
    {"S_IWGRP", S_IWGRP},
    {"S_IXGRP", S_IXGRP},
    {"S_IRWXO", S_IRWXO},
    {"S_IROTH", S_IROTH},
    {"S_IWOTH", S_IWOTH},
    {"S_IXOTH", S_IXOTH},
    // BSD's st_flags bits (chflags); Linux has no st_flags, but the names exist everywhere.
    {"UF_NODUMP", 0x00000001},
    {"UF_IMMUTABLE", 0x00000002},
    {"UF_APPEND", 0x00000004},
    {"UF_OPAQUE", 0x00000008},
    {"UF_NOUNLINK", 0x00000010},
    {"UF_COMPRESSED", 0x00000020},
    {"UF_HIDDEN", 0x00008000},
    {"SF_ARCHIVED", 0x00010000},
    {"SF_IMMUTABLE", 0x00020000},
    {"SF_APPEND", 0x00040000},
    {"SF_NOUNLINK", 0x00100000},
    {"SF_SNAPSHOT", 0x00200000},
    // The indexes of os.stat()'s tuple.
    {"ST_MODE", 0},
    {"ST_INO", 1},
    {"ST_DEV", 2},
    {"ST_NLINK", 3},
    {"ST_UID", 4},
    {"ST_GID", 5},
    {"ST_SIZE", 6},
    {"ST_ATIME", 7},
    {"ST_MTIME", 8},
    {"ST_CTIME", 9},
};

const char kStatDoc[] =
    "The file-type and permission bits of os.stat()'s st_mode, the tests S_ISDIR() and its siblings,\n"
    "and filemode(); the flag bits of chflags() and the indexes of os.stat()'s tuple.\n";

}  // namespace

Ref init_stat_module() {
    Ref module = native_module_new("_stat", kStatFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("__doc__"), str_new(kStatDoc).get());
    for (const Constant& c : kStatConstants) dict_set(d, intern(c.name), int_from_i64(c.value).get());
    return module;
}

}  // namespace minipy
