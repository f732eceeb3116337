// sqlite_blob.cpp — `_sqlite3.Blob`, what Connection.blobopen() returns: incremental I/O on one
// BLOB value through SQLite's sqlite3_blob handle, read and written like a file (read, write, seek,
// tell) or indexed like a fixed-size bytearray (blob[i], blob[a:b], len), with CPython 3.11's errors.
#include <climits>
#include <string>

#include "modules/sqlite.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/format.h"

namespace minipy::sqlite {

Type blob_type;

namespace {

struct Blob : Object {
    MINIPY_GC_ALLOCATED
    Connection* connection = nullptr;  // owned
    sqlite3_blob* blob = nullptr;      // null once closed
    int offset = 0;                    // the file position of read, write, seek and tell
};

Blob* as_blob(Object* o) { return static_cast<Blob*>(o); }

// The connection's checks first, then the blob's own, as CPython orders them.
Blob* usable(Object* o) {
    Blob* b = as_blob(o);
    check_thread(b->connection);
    check_connection(b->connection);
    if (!b->blob) raise_sqlite(g_exc.ProgrammingError, "Cannot operate on a closed blob.");
    return b;
}

void close_blob(Blob* b) {
    if (!b->blob) return;
    // Quick, and also run by the collector's clear: so with the GIL kept.
    sqlite3_blob_close(b->blob);
    b->blob = nullptr;
}

int blob_size(Blob* b) { return sqlite3_blob_bytes(b->blob); }

std::string read_at(Blob* b, int offset, int length) {
    std::string out(static_cast<size_t>(length), '\0');
    int rc;
    {
        WithoutGil unblocked;
        rc = sqlite3_blob_read(b->blob, out.data(), length, offset);
    }
    if (rc != SQLITE_OK) raise_db_error(b->connection->db);
    return out;
}

void write_at(Blob* b, const std::string& data, int offset) {
    int rc;
    {
        WithoutGil unblocked;
        rc = sqlite3_blob_write(b->blob, data.data(), static_cast<int>(data.size()), offset);
    }
    if (rc != SQLITE_OK) raise_db_error(b->connection->db);
}

std::string data_of(Object* value) {
    if (is_bytes(value)) return bytes_data(value);
    if (!exports_buffer(value))
        raise(&TypeError_type,
              format("a bytes-like object is required, not '%s'", type_of(value)->name.c_str()));
    return buffer_bytes(value);
}

// ---- file-like methods ----

// read(length=-1, /): at most `length` bytes from the position (all the rest when negative).
Ref blob_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs - 1, kw, 0, 1);
    Blob* b = usable(args[0]);
    int64_t length = nargs > 1 ? as_index(args[1]) : -1;
    int64_t left = blob_size(b) - b->offset;
    if (length < 0 || length > left) length = left;
    std::string data = read_at(b, b->offset, static_cast<int>(length));
    b->offset += static_cast<int>(length);
    return bytes_new(data);
}

// write(data, /): the whole of data at the position; a blob never grows.
Ref blob_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs - 1, kw, 1, 1);
    Blob* b = usable(args[0]);
    std::string data = data_of(args[1]);
    if (static_cast<int64_t>(data.size()) > blob_size(b) - b->offset)
        raise(&ValueError_type, "data longer than blob length");
    write_at(b, data, b->offset);
    b->offset += static_cast<int>(data.size());
    return Ref::borrow(None);
}

// seek(offset, origin=os.SEEK_SET, /)
Ref blob_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs - 1, kw, 1, 2);
    Blob* b = usable(args[0]);
    int64_t offset = as_index(args[1]);
    int64_t origin = nargs > 2 ? as_index(args[2]) : 0;
    int64_t base;
    switch (origin) {
        case 0:
            base = 0;
            break;
        case 1:
            base = b->offset;
            break;
        case 2:
            base = blob_size(b);
            break;
        default:
            raise(&ValueError_type, "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
    }
    if (offset > INT_MAX || offset < INT_MIN || base + offset > INT_MAX)
        raise(&OverflowError_type, "seek offset results in overflow");
    int64_t target = base + offset;
    if (target < 0 || target > blob_size(b)) raise(&ValueError_type, "offset out of blob range");
    b->offset = static_cast<int>(target);
    return Ref::borrow(None);
}

Ref blob_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs - 1, kw, 0, 0);
    return int_from_i64(usable(args[0])->offset);
}

Ref blob_close_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    Blob* b = as_blob(args[0]);
    check_thread(b->connection);
    check_connection(b->connection);
    close_blob(b);
    return Ref::borrow(None);
}

Ref blob_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs - 1, kw, 0, 0);
    usable(args[0]);
    return Ref::borrow(args[0]);
}

Ref blob_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__exit__", nargs - 1, kw, 3, 3);
    close_blob(usable(args[0]));
    return Ref::borrow(False);
}

// ---- indexing ----

int64_t blob_len(Object* o) { return blob_size(usable(o)); }

// An int index, negative from the end; IndexError when outside the blob.
int index_of(Blob* b, Object* key) {
    int64_t i;
    try {
        i = as_index(key);
    } catch (const PyException& e) {
        // Too big for an index: CPython reports it as the IndexError it is here.
        if (!is_instance(e.exception(), &OverflowError_type)) throw;
        raise(&IndexError_type, "cannot fit 'int' into an index-sized integer");
    }
    int size = blob_size(b);
    if (i < 0) i += size;
    if (i < 0 || i >= size) raise(&IndexError_type, "Blob index out of range");
    return static_cast<int>(i);
}

Ref blob_getitem(Object* o, Object* key) {
    Blob* b = usable(o);
    if (is_int(key) || (!is_instance(key, &slice_type) && index_value(key))) {
        std::string byte = read_at(b, index_of(b, key), 1);
        return int_from_i64(static_cast<unsigned char>(byte[0]));
    }
    if (!is_instance(key, &slice_type)) raise(&TypeError_type, "Blob indices must be integers");
    int64_t start, stop, step;
    int64_t count = slice_indices(static_cast<Slice*>(key), blob_size(b), &start, &stop, &step);
    if (count <= 0) return bytes_new("");
    if (step == 1) return bytes_new(read_at(b, static_cast<int>(start), static_cast<int>(count)));
    // A stepped slice: read the span it covers, then pick every step-th byte.
    int64_t first = step > 0 ? start : start + (count - 1) * step;
    int64_t span = (count - 1) * (step > 0 ? step : -step) + 1;
    std::string whole = read_at(b, static_cast<int>(first), static_cast<int>(span));
    std::string out;
    for (int64_t k = 0; k < count; ++k) out.push_back(whole[static_cast<size_t>(start + k * step - first)]);
    return bytes_new(out);
}

void blob_setitem(Object* o, Object* key, Object* value) {
    Blob* b = usable(o);
    bool is_slice = is_instance(key, &slice_type);
    if (!value)
        raise(&TypeError_type,
              is_slice ? "Blob doesn't support slice deletion" : "Blob doesn't support item deletion");
    if (!is_slice) {
        if (!is_int(key) && !index_value(key)) raise(&TypeError_type, "Blob indices must be integers");
        int i = index_of(b, key);
        if (!is_int(value))
            raise(&TypeError_type,
                  format("'%s' object cannot be interpreted as an integer", type_of(value)->name.c_str()));
        int64_t v;
        if (!int_to_i64(value, &v) || v < 0 || v > 255)
            raise(&ValueError_type, "byte must be in range(0, 256)");
        write_at(b, std::string(1, static_cast<char>(v)), i);
        return;
    }
    int64_t start, stop, step;
    int64_t count = slice_indices(static_cast<Slice*>(key), blob_size(b), &start, &stop, &step);
    std::string data = data_of(value);
    if (static_cast<int64_t>(data.size()) != count)
        raise(&IndexError_type, "Blob slice assignment is wrong size");
    if (count == 0) return;
    if (step == 1) {
        write_at(b, data, static_cast<int>(start));
        return;
    }
    int64_t first = step > 0 ? start : start + (count - 1) * step;
    int64_t span = (count - 1) * (step > 0 ? step : -step) + 1;
    std::string whole = read_at(b, static_cast<int>(first), static_cast<int>(span));
    for (int64_t k = 0; k < count; ++k) whole[static_cast<size_t>(start + k * step - first)] = data[k];
    write_at(b, whole, static_cast<int>(first));
}

void blob_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* c = as_blob(o)->connection) visit(c, arg);
}

void blob_clear(Object* o) {
    Blob* b = as_blob(o);
    close_blob(b);
    Object* c = b->connection;
    b->connection = nullptr;
    xdecref(c);
}

const MethodDef kBlobMethods[] = {
    {"read", blob_read, "Read data at the current offset position."},
    {"write", blob_write, "Write data at the current offset."},
    {"seek", blob_seek, "Set the current access position to offset."},
    {"tell", blob_tell, "Return the current access position for the blob."},
    {"close", blob_close_method, "Close the blob."},
    {"__enter__", blob_enter, "Blob context manager enter."},
    {"__exit__", blob_exit, "Blob context manager exit."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

// Connection.blobopen(table, column, row, /, *, readonly=False, name="main")
Ref blob_open(Connection* c, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"table", "column", "row", "readonly", "name"};
    Object* a[5];
    if (nargs > 3) raise_arg_count("blobopen", 3, 3, nargs);
    bind_args("blobopen", args, nargs, kw, kNames, 5, 3, a);
    for (int i : {0, 1})
        if (!is_instance(a[i], &str_type))
            raise(&TypeError_type,
                  format("blobopen() argument %d must be str, not %s", i + 1, type_of(a[i])->name.c_str()));
    int64_t row = as_index(a[2]);
    bool readonly = a[3] && is_true(a[3]);
    std::string name = a[4] ? str_utf8_of(a[4]) : "main";
    sqlite3_blob* handle = nullptr;
    int rc;
    {
        auto guard = lock_connection(c);
        WithoutGil unblocked;
        rc = sqlite3_blob_open(c->db, name.c_str(), str_utf8_of(a[0]).c_str(), str_utf8_of(a[1]).c_str(), row,
                               readonly ? 0 : 1, &handle);
    }
    if (rc != SQLITE_OK) raise_db_error(c->db);
    auto* b = new_object_of<Blob>(&blob_type);
    b->connection = as_connection(newref(c));
    b->blob = handle;
    return Ref::steal(b);
}

void init_blob_type() {
    Type& t = blob_type;
    t.name = "Blob";
    t.instance_size = sizeof(Blob);
    t.dealloc = [](Object* o) {
        weakrefs_clear(o);
        blob_clear(o);
        delete_object_of(as_blob(o));
    };
    t.traverse = blob_traverse;
    t.clear = blob_clear;
    t.construct = construct_refused;
    t.len = blob_len;
    t.getitem = blob_getitem;
    t.setitem = blob_setitem;
    t.methods = kBlobMethods;
    init_type(&t);
    allow_weak_references(&t);
}

}  // namespace minipy::sqlite
