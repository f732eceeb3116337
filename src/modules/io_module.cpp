// io_module.cpp — open() and the file objects it returns: text files (UTF-8, universal newlines
// on reading) and binary files over a C FILE, with CPython's errors. The `io` module exposes open
// and UnsupportedOperation; builtins lists the same open. Each file is locked per call (free-threaded).
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <utility>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "vm/module.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type file_type, unsupported_operation_type;

struct FileObject : Object {
    ObjectMutex mutex;
    std::FILE* file;  // null once closed
    std::string name, mode;
    bool readable, writable, binary;
};

FileObject* as_file(Object* o) { return static_cast<FileObject*>(o); }

void file_dealloc(Object* o) {
    if (as_file(o)->file) std::fclose(as_file(o)->file);
    delete as_file(o);
}

Ref file_repr(Object* o) {
    FileObject* f = as_file(o);
    if (f->binary)
        return str_new(format("<_io.%s name=%s>", f->readable ? "BufferedReader" : "BufferedWriter",
                              str_repr_text(f->name).c_str()));
    return str_new(format("<_io.TextIOWrapper name=%s mode=%s encoding='UTF-8'>",
                          str_repr_text(f->name).c_str(), str_repr_text(f->mode).c_str()));
}

// The open FILE of a file object, for an operation that needs `readable` or `writable`.
std::FILE* open_file(FileObject* f, bool need_read, bool need_write) {
    if (!f->file) raise(&ValueError_type, "I/O operation on closed file.");
    if (need_read && !f->readable) raise(&unsupported_operation_type, "not readable");
    if (need_write && !f->writable) raise(&unsupported_operation_type, "not writable");
    return f->file;
}

// One line's bytes, up to `limit` (-1: no limit), with "\r\n" and "\r" read as "\n" in text mode.
std::string read_line(FileObject* f, int64_t limit) {
    std::string line;
    for (int c;
         (limit < 0 || static_cast<int64_t>(line.size()) < limit) && (c = std::getc(f->file)) != EOF;) {
        if (c == '\r' && !f->binary) {
            int next = std::getc(f->file);
            if (next != '\n' && next != EOF) std::ungetc(next, f->file);
            c = '\n';
        }
        line.push_back(static_cast<char>(c));
        if (c == '\n') break;
    }
    return line;
}

Ref result_of(FileObject* f, const std::string& data) {
    return f->binary ? bytes_new(data) : bytes_decode(data, nullptr, nullptr);
}

Ref file_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs, kw, 1, 2);
    int64_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    FileObject* f = as_file(args[0]);
    CriticalSection cs(f->mutex);
    open_file(f, true, false);
    std::string data;
    if (size < 0) {
        for (std::string piece; !(piece = read_line(f, -1)).empty();) data += piece;
        return result_of(f, data);
    }
    // A text file counts characters: each UTF-8 lead byte starts a new one.
    for (int64_t chars = 0; chars < size;) {
        std::string piece = read_line(f, 1);
        if (piece.empty()) break;
        data += piece;
        if (f->binary || (static_cast<unsigned char>(piece[0]) & 0xC0) != 0x80) ++chars;
    }
    // Completes the last character with its continuation bytes.
    for (int next; !f->binary && (next = std::getc(f->file)) != EOF;
         data.push_back(static_cast<char>(next))) {
        if ((next & 0xC0) != 0x80) {
            std::ungetc(next, f->file);
            break;
        }
    }
    return result_of(f, data);
}

Ref file_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs, kw, 1, 2);
    int64_t limit = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    FileObject* f = as_file(args[0]);
    CriticalSection cs(f->mutex);
    open_file(f, true, false);
    return result_of(f, read_line(f, limit));
}

Ref file_readlines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readlines", nargs, kw, 1, 2);
    FileObject* f = as_file(args[0]);
    CriticalSection cs(f->mutex);
    open_file(f, true, false);
    Ref lines = list_new();
    for (std::string line; !(line = read_line(f, -1)).empty();)
        list_append(lines.get(), result_of(f, line).get());
    return lines;
}

Ref file_next(Object* o) {
    FileObject* f = as_file(o);
    CriticalSection cs(f->mutex);
    open_file(f, true, false);
    std::string line = read_line(f, -1);
    if (line.empty()) return nullptr;
    return result_of(f, line);
}

Ref file_iter(Object* o) {
    CriticalSection cs(as_file(o)->mutex);
    open_file(as_file(o), false, false);
    return Ref::borrow(o);
}

// Writes a str (text files) or bytes-like (binary files); returns the length written.
int64_t write_one(FileObject* f, Object* data) {
    std::string bytes;
    int64_t count;
    if (f->binary) {
        bytes = bytes_like_data(data);
        count = static_cast<int64_t>(bytes.size());
    } else {
        if (!is_str(data))
            raise(&TypeError_type,
                  format("write() argument must be str, not %s", type_of(data)->name.c_str()));
        bytes = str_utf8_of(data);
        count = as_str(data)->length;
    }
    std::fwrite(bytes.data(), 1, bytes.size(), f->file);
    return count;
}

Ref file_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs, kw, 2, 2);
    FileObject* f = as_file(args[0]);
    CriticalSection cs(f->mutex);
    open_file(f, false, true);
    return int_from_i64(write_one(f, args[1]));
}

Ref file_writelines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writelines", nargs, kw, 2, 2);
    FileObject* f = as_file(args[0]);
    for_each_item(args[1], [&](Object* line) {
        CriticalSection cs(f->mutex);
        open_file(f, false, true);
        write_one(f, line);
    });
    return Ref::borrow(None);
}

Ref file_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    FileObject* f = as_file(args[0]);
    CriticalSection cs(f->mutex);
    if (f->file) std::fclose(std::exchange(f->file, nullptr));
    return Ref::borrow(None);
}

Ref file_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs, kw, 1, 1);
    FileObject* f = as_file(args[0]);
    CriticalSection cs(f->mutex);
    std::fflush(open_file(f, false, false));
    return Ref::borrow(None);
}

Ref file_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs, kw, 2, 3);
    int64_t offset = as_index(args[1]);
    int whence = nargs > 2 ? static_cast<int>(as_index(args[2])) : SEEK_SET;
    FileObject* f = as_file(args[0]);
    CriticalSection cs(f->mutex);
    std::FILE* file = open_file(f, false, false);
    if (std::fseek(file, offset, whence) != 0) raise_object(os_error_new(errno, f->name));
    return int_from_i64(std::ftell(file));
}

Ref file_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs, kw, 1, 1);
    FileObject* f = as_file(args[0]);
    CriticalSection cs(f->mutex);
    return int_from_i64(std::ftell(open_file(f, false, false)));
}

Ref file_readable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readable", nargs, kw, 1, 1);
    CriticalSection cs(as_file(args[0])->mutex);
    open_file(as_file(args[0]), false, false);
    return Ref::borrow(bool_obj(as_file(args[0])->readable));
}

Ref file_writable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writable", nargs, kw, 1, 1);
    CriticalSection cs(as_file(args[0])->mutex);
    open_file(as_file(args[0]), false, false);
    return Ref::borrow(bool_obj(as_file(args[0])->writable));
}

Ref file_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    CriticalSection cs(as_file(args[0])->mutex);
    open_file(as_file(args[0]), false, false);
    return Ref::borrow(args[0]);
}

// Closes the file and lets any exception from the `with` body propagate (returns None).
Ref file_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("__exit__");
    if (nargs < 1) raise_arg_count("__exit__", 1, 4, nargs);
    return file_close(nullptr, args, 1, nullptr);
}

Ref file_getattr(Object* o, Str* name) {
    FileObject* f = as_file(o);
    if (name->utf8 == "closed") {
        CriticalSection cs(f->mutex);
        return Ref::borrow(bool_obj(f->file == nullptr));
    }
    if (name->utf8 == "name") return str_new(f->name);
    if (name->utf8 == "mode") return str_new(f->mode);
    if (name->utf8 == "encoding" && !f->binary) return str_new("UTF-8");
    return generic_getattr(o, name);
}

const MethodDef kFileMethods[] = {
    {"read", file_read, "Read at most size characters (bytes in binary mode), or all that remain."},
    {"readline", file_readline, "Read until newline or EOF."},
    {"readlines", file_readlines, "Return a list of the remaining lines."},
    {"write", file_write, "Write the string (bytes in binary mode); return the number written."},
    {"writelines", file_writelines, "Write each item of an iterable of lines."},
    {"close", file_close, "Flush and close the file."},
    {"flush", file_flush, "Flush the write buffers."},
    {"seek", file_seek, "Change the stream position to the given offset."},
    {"tell", file_tell, "Return the current stream position."},
    {"readable", file_readable, "Whether the file was opened for reading."},
    {"writable", file_writable, "Whether the file was opened for writing."},
    {"__enter__", file_enter, "Return the file itself, for `with`."},
    {"__exit__", file_exit, "Close the file at the end of a `with` block."},
    {nullptr, nullptr, nullptr},
};

// Checks `mode` as CPython's open() does and returns the C library's mode for it.
std::string c_mode(const std::string& mode, bool* readable, bool* writable, bool* binary) {
    int kinds = 0;
    bool plus = false, text = false;
    *binary = false;
    for (char c : mode) {
        if (std::string("rwaxbt+").find(c) == std::string::npos ||
            std::count(mode.begin(), mode.end(), c) > 1)
            raise(&ValueError_type, "invalid mode: '" + mode + "'");
        kinds += c == 'r' || c == 'w' || c == 'a' || c == 'x';
        plus |= c == '+';
        text |= c == 't';
        *binary |= c == 'b';
    }
    if (text && *binary) raise(&ValueError_type, "can't have text and binary mode at once");
    // CPython's two texts for the two mistakes, capitals included.
    if (kinds > 1) raise(&ValueError_type, "must have exactly one of create/read/write/append mode");
    if (kinds == 0)
        raise(&ValueError_type,
              "Must have exactly one of create/read/write/append mode and at most one plus");
    char kind = mode[mode.find_first_of("rwax")];
    *readable = kind == 'r' || plus;
    *writable = kind != 'r' || plus;
    std::string out(1, kind == 'x' ? 'w' : kind);
    if (plus) out += '+';
    out += 'b';
    if (kind == 'x') out += 'x';
    return out;
}

void init_file_types() {
    if (file_type.dict) return;
    file_type.name = "TextIOWrapper";
    file_type.instance_size = sizeof(FileObject);
    file_type.dealloc = file_dealloc;
    file_type.repr = file_repr;
    file_type.iter = file_iter;
    file_type.next = file_next;
    file_type.getattr = file_getattr;
    file_type.methods = kFileMethods;
    init_type(&file_type);
    unsupported_operation_type.name = "UnsupportedOperation";
    unsupported_operation_type.base = &OSError_type;
    unsupported_operation_type.is_basetype = true;
    init_type(&unsupported_operation_type);
}

}  // namespace

Ref builtin_open(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline"};
    Object* a[6];
    bind_args("open", args, nargs, kw, names, 6, 1, a);
    init_file_types();
    if (!is_str(a[0]))
        raise(&TypeError_type,
              format("expected str, bytes or os.PathLike object, not %s", type_of(a[0])->name.c_str()));
    std::string mode = a[1] ? expect_str(a[1], "open() argument 'mode'")->utf8 : "r";
    bool readable, writable, binary;
    std::string how = c_mode(mode, &readable, &writable, &binary);
    if (binary && a[3] && a[3] != None)
        raise(&ValueError_type, "binary mode doesn't take an encoding argument");
    const std::string& path = str_utf8_of(a[0]);
    std::FILE* file = std::fopen(path.c_str(), how.c_str());
    if (!file) raise_object(os_error_new(errno, path));
    struct stat info;
    if (fstat(fileno(file), &info) == 0 && S_ISDIR(info.st_mode)) {
        std::fclose(file);
        raise_object(os_error_new(EISDIR, path));
    }
    auto* f = new FileObject();
    init_header(f, &file_type);
    f->file = file;
    f->name = path;
    f->mode = mode;
    f->readable = readable;
    f->writable = writable;
    f->binary = binary;
    return Ref::steal(f);
}

namespace {

const MethodDef kIoFunctions[] = {
    {"open", builtin_open, "Open file and return a stream."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_io_module() {
    init_file_types();
    Ref module = module_new("io");
    Dict* d = module_dict(module.get());
    for (const MethodDef* def = kIoFunctions; def->name; ++def)
        dict_set(d, intern(def->name), native_function_new(def, nullptr).get());
    dict_set(d, intern("UnsupportedOperation"), &unsupported_operation_type);
    dict_set(d, intern("TextIOWrapper"), &file_type);
    return module;
}

}  // namespace minipy
