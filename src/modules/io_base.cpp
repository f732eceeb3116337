// io_base.cpp — _io._IOBase, _RawIOBase, _BufferedIOBase and _TextIOBase, over which CPython's io.py
// makes io's ABCs, with the default methods of CPython's _io._IOBase (close/closed, with, iteration,
// readline, writelines) that classes of CPython's Lib (_compression, tempfile's wrappers) build on. They are
// made as classes (heap types) whose methods are native, so Python classes derive from them as from object.
#include "modules/io_base.h"

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref none() { return Ref::borrow(None); }

// CPython keeps the flag in the instance under this (name-mangled) attribute.
Str* closed_flag() { return intern("__IOBase_closed"); }

bool is_closed(Object* self) {
    Ref closed = get_attr(self, intern("closed"));
    return is_true(closed.get());
}

void check_open(Object* self) {
    if (is_closed(self)) raise(&ValueError_type, "I/O operation on closed file.");
}

Ref call_method(Object* self, const char* name, Object* const* args = nullptr, size_t nargs = 0) {
    Ref method = get_attr(self, intern(name));
    return call(method.get(), args, nargs);
}

[[noreturn]] void unsupported(const char* what) { raise(io_unsupported_operation_type(), what); }

Ref base_closed(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("closed", nargs, kw, 1, 1);
    Ref flag = get_attr_opt(args[0], closed_flag());
    return Ref::borrow(bool_obj(flag && is_true(flag.get())));
}

// close(): flushes once, then marks the stream closed even when the flush fails.
Ref base_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    Ref flag = get_attr_opt(args[0], closed_flag());
    if (flag && is_true(flag.get())) return none();
    try {
        call_method(args[0], "flush");
    } catch (PyException&) {
        set_attr(args[0], closed_flag(), True);
        throw;
    }
    set_attr(args[0], closed_flag(), True);
    return none();
}

Ref base_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs, kw, 1, 1);
    check_open(args[0]);
    return none();
}

Ref base_false(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("readable", nargs, kw, 1, 1);
    return Ref::borrow(False);
}

Ref base_isatty(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("isatty", nargs, kw, 1, 1);
    check_open(args[0]);
    return Ref::borrow(False);
}

Ref base_fileno(Object*, Args, size_t, Tuple*) { unsupported("fileno"); }
Ref base_seek(Object*, Args, size_t, Tuple*) { unsupported("seek"); }
Ref base_truncate(Object*, Args, size_t, Tuple*) { unsupported("truncate"); }

Ref base_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs, kw, 1, 1);
    Object* seek_args[] = {make_small_int(0), make_small_int(1)};
    return call_method(args[0], "seek", seek_args, 2);
}

Ref base_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    check_open(args[0]);
    return Ref::borrow(args[0]);
}

Ref base_exit(Object*, Args args, size_t nargs, Tuple*) {
    if (nargs < 1) raise_arg_count("__exit__", 1, 4, nargs);
    return call_method(args[0], "close");
}

Ref base_iter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__iter__", nargs, kw, 1, 1);
    check_open(args[0]);
    return Ref::borrow(args[0]);
}

Ref base_next(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__next__", nargs, kw, 1, 1);
    Ref line = call_method(args[0], "readline");
    if (length(line.get()) == 0) raise_object(exception_new(&StopIteration_type, empty_tuple()));
    return line;
}

// readline(size=-1): one byte at a time through read(1), as _IOBase does without peek().
Ref base_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs, kw, 1, 2);
    int64_t limit = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    std::string line;
    Object* one = make_small_int(1);
    while (limit < 0 || static_cast<int64_t>(line.size()) < limit) {
        Ref b = call_method(args[0], "read", &one, 1);
        if (!is_bytes_like(b.get()))
            raise(&OSError_type, format("read() should have returned a bytes object, not '%s'",
                                        type_of(b.get())->name.c_str()));
        std::string data = bytes_like_data(b.get());
        if (data.empty()) break;
        line += data;
        if (line.back() == '\n') break;
    }
    return bytes_new(line);
}

Ref base_readlines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readlines", nargs, kw, 1, 2);
    int64_t hint = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    Ref lines = list_new();
    int64_t total = 0;
    Ref it = get_iter(args[0]);
    while (Ref line = iter_next(it.get())) {
        list_append(lines.get(), line.get());
        total += length(line.get());
        if (hint > 0 && total >= hint) break;
    }
    return lines;
}

Ref base_writelines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writelines", nargs, kw, 2, 2);
    check_open(args[0]);
    for_each_item(args[1], [&](Object* line) { call_method(args[0], "write", &line, 1); });
    return none();
}

// _checkClosed(), _checkReadable(), ...: the checks CPython's IOBase offers its subclasses
// (socket.SocketIO calls them): ValueError on a closed stream; UnsupportedOperation unless the
// stream's readable()/writable()/seekable() answers True, which they return.
Ref base_check_closed(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_checkClosed", nargs, kw, 1, 1);
    check_open(args[0]);
    return none();
}

constexpr char kReadable[] = "readable", kWritable[] = "writable", kSeekable[] = "seekable";
template <const char* Ability>
Ref base_check_ability(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional(Ability, nargs, kw, 1, 1);
    Ref answer = call_method(args[0], Ability);
    if (answer.get() != True) unsupported(format("File or stream is not %s.", Ability).c_str());
    return answer;
}

const MethodDef kIOBaseMethods[] = {
    {"close", base_close, "Flush and close the IO object."},
    {"flush", base_flush, "Flush write buffers, if applicable."},
    {"readable", base_false, "Return whether object was opened for reading."},
    {"writable", base_false, "Return whether object was opened for writing."},
    {"seekable", base_false, "Return whether object supports random access."},
    {"isatty", base_isatty, "Return whether this is an 'interactive' stream."},
    {"fileno", base_fileno, "Returns underlying file descriptor if one exists."},
    {"seek", base_seek, "Change the stream position to the given byte offset."},
    {"tell", base_tell, "Return current stream position."},
    {"truncate", base_truncate, "Truncate file to size bytes."},
    {"readline", base_readline, "Read and return a line from the stream."},
    {"readlines", base_readlines, "Return a list of lines from the stream."},
    {"writelines", base_writelines, "Write a list of lines to stream."},
    {"__enter__", base_enter, "Return the stream itself, for `with`."},
    {"__exit__", base_exit, "Close the stream at the end of a `with` block."},
    {"__iter__", base_iter, "Implement iter(self)."},
    {"__next__", base_next, "Implement next(self)."},
    {"_checkClosed", base_check_closed, nullptr},
    {"_checkReadable", base_check_ability<kReadable>, nullptr},
    {"_checkWritable", base_check_ability<kWritable>, nullptr},
    {"_checkSeekable", base_check_ability<kSeekable>, nullptr},
    {nullptr, nullptr, nullptr},
};

// RawIOBase.read(size=-1): readinto a bytearray of that size, or readall().
Ref raw_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs, kw, 1, 2);
    int64_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    if (size < 0) return call_method(args[0], "readall");
    Ref buffer = bytearray_new(std::string(static_cast<size_t>(size), '\0'));
    Object* b = buffer.get();
    Ref n = call_method(args[0], "readinto", &b, 1);
    if (n.get() == None) return none();
    std::string data = bytes_like_data(buffer.get());
    data.resize(static_cast<size_t>(as_index(n.get())));
    return bytes_new(data);
}

Ref raw_readall(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readall", nargs, kw, 1, 1);
    std::string all;
    Object* chunk_size = make_small_int(8192);
    for (;;) {
        Ref chunk = call_method(args[0], "read", &chunk_size, 1);
        if (chunk.get() == None) {
            if (all.empty()) return none();
            break;
        }
        std::string data = bytes_like_data(chunk.get());
        if (data.empty()) break;
        all += data;
    }
    return bytes_new(all);
}

Ref raw_readinto(Object*, Args, size_t, Tuple*) { raise(&NotImplementedError_type, ""); }
Ref raw_write(Object*, Args, size_t, Tuple*) { raise(&NotImplementedError_type, ""); }

const MethodDef kRawMethods[] = {
    {"read", raw_read, "Read up to size bytes from the object and return them."},
    {"readall", raw_readall, "Read until EOF, using multiple read() call."},
    {"readinto", raw_readinto, "Read bytes into a pre-allocated bytes-like object."},
    {"write", raw_write, "Write the given buffer to the IO stream."},
    {nullptr, nullptr, nullptr},
};

Ref buffered_read(Object*, Args, size_t, Tuple*) { unsupported("read"); }
Ref buffered_read1(Object*, Args, size_t, Tuple*) { unsupported("read1"); }
Ref buffered_write(Object*, Args, size_t, Tuple*) { unsupported("write"); }
Ref buffered_detach(Object*, Args, size_t, Tuple*) { unsupported("detach"); }

}  // namespace

void check_writable_buffer(Object* buffer, const char* name) {
    bool writable = is_bytearray(buffer) || buffer_procs_of(buffer) != nullptr;
    if (is_instance(buffer, &memoryview_type))
        writable = !is_true(get_attr(buffer, intern("readonly")).get());
    if (!writable)
        raise(&TypeError_type, format("%s() argument must be read-write bytes-like object, not %s", name,
                                      type_of(buffer)->name.c_str()));
}

Ref store_into_buffer(Object* buffer, const std::string& data) {
    Ref end = int_from_i64(static_cast<int64_t>(data.size()));
    if (const BufferProcs* procs = buffer_procs_of(buffer)) {
        if (!procs->write(buffer, 0, data.data(), data.size()))
            raise(&ValueError_type, "buffer is smaller than the data read");
        return end;
    }
    Ref slice = slice_new(make_small_int(0), end.get(), None);
    set_item(buffer, slice.get(), bytes_new(data).get());
    return end;
}

namespace {

// readinto(b): read(len(b)) copied into b.
Ref buffered_readinto(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readinto", nargs, kw, 2, 2);
    check_writable_buffer(args[1], "readinto");
    Object* n = int_from_i64(length(args[1])).release();
    Ref data = call_method(args[0], "read", &n, 1);
    decref(n);
    return store_into_buffer(args[1], bytes_like_data(data.get()));
}

const MethodDef kBufferedMethods[] = {
    {"read", buffered_read, "Read and return up to n bytes."},
    {"read1", buffered_read1, "Read and return up to n bytes, with at most one read() call."},
    {"readinto", buffered_readinto, "Read bytes into a pre-allocated bytes-like object b."},
    {"write", buffered_write, "Write the given buffer to the IO stream."},
    {"detach", buffered_detach, "Disconnect this buffer from its underlying raw stream and return it."},
    {nullptr, nullptr, nullptr},
};

Ref text_read(Object*, Args, size_t, Tuple*) { unsupported("read"); }
Ref text_write(Object*, Args, size_t, Tuple*) { unsupported("write"); }
Ref text_detach(Object*, Args, size_t, Tuple*) { unsupported("detach"); }

const MethodDef kTextMethods[] = {
    {"read", text_read, "Read at most size characters from stream."},
    {"readline", text_read, "Read until newline or EOF."},
    {"write", text_write, "Write string s to stream."},
    {"detach", text_detach, "Separate the underlying buffer from the TextIOBase and return it."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kClosedGetter = {"closed", base_closed, "True if the stream is closed."};

// A class `name` deriving from `base`, its methods native functions bound as methods are.
Ref define(Dict* module, const char* name, Object* base, const MethodDef* methods) {
    Ref ns = dict_new();
    Dict* d = as_dict(ns.get());
    for (const MethodDef* m = methods; m->name; ++m)
        dict_set(d, intern(m->name), method_descriptor_new(&object_type, m).get());
    dict_set(d, intern("__module__"), intern("_io"));
    Object* bases_items[] = {base};
    Ref bases = tuple_from(bases_items, 1);
    Ref cls = class_new(name, as_tuple(bases.get()), d);
    dict_set(module, intern(name), cls.get());
    return cls;
}

void add_missing(Type* t, const MethodDef* methods) {
    for (const MethodDef* m = methods; m->name; ++m)
        if (!dict_get_str(t->dict, intern(m->name)))
            dict_set(t->dict, intern(m->name), method_descriptor_new(t, m).get());
}

}  // namespace

void add_io_base_defaults(Type* t, IoBaseKind kind) {
    add_missing(t, kind == IoBaseKind::kRaw        ? kRawMethods
                   : kind == IoBaseKind::kBuffered ? kBufferedMethods
                                                   : kTextMethods);
    add_missing(t, kIOBaseMethods);
}

void add_io_base_classes(Dict* module) {
    Ref io_base = define(module, "_IOBase", &object_type, kIOBaseMethods);
    Ref getter = native_function_new(&kClosedGetter, nullptr);
    Object* g = getter.get();
    Ref closed = call(&property_type, &g, 1);
    set_attr(io_base.get(), intern("closed"), closed.get());
    define(module, "_RawIOBase", io_base.get(), kRawMethods);
    define(module, "_BufferedIOBase", io_base.get(), kBufferedMethods);
    Ref text = define(module, "_TextIOBase", io_base.get(), kTextMethods);
    for (const char* name : {"encoding", "newlines", "errors"}) set_attr(text.get(), intern(name), None);
}

// The optional size of read(size=None) and readline(size=None), in args[1]: -1 when absent or None.
// CPython's converter and its text.
int64_t io_size_arg(Object* const* args, size_t nargs) {
    if (nargs < 2 || args[1] == None) return -1;
    if (is_int(args[1])) return as_index(args[1]);
    Ref index = index_value(args[1]);
    if (!index)
        raise(&TypeError_type,
              format("argument should be integer or None, not '%s'", type_of(args[1])->name.c_str()));
    return as_index(index.get());
}

Ref io_refuse_pickle(Object*, Object* const* args, size_t, Tuple*) {
    raise(&TypeError_type, format("cannot pickle '%s' object", type_of(args[0])->name.c_str()));
}

}  // namespace minipy
