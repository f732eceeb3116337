// sqlite_module.cpp — the native `_sqlite3` module that CPython's sqlite3 package (dbapi2.py) is
// built on, over Debian's libsqlite3: the module's functions and constants, its exception classes,
// Row, PrepareProtocol, adapters and converters, and the conversions between Python values and
// SQLite's. The Connection is in sqlite_connection.cpp, the Cursor in sqlite_cursor.cpp.
#include <cstring>
#include <mutex>

#include "modules/exception_class.h"
#include "modules/registry.h"
#include "modules/sqlite.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/format.h"
#include "runtime/thread_state.h"

namespace minipy::sqlite {

Exceptions g_exc;
Type row_type, prepare_protocol_type;
Dict* g_adapters = nullptr;
Dict* g_converters = nullptr;
bool g_callback_tracebacks = false;
bool g_base_type_adapted = false;

namespace {

enum ConstantKind { kResult, kAuth, kLimit };
struct Constant {
    const char* name;
    int value;
    ConstantKind kind;
};
// The names CPython 3.11's module exports: result codes (also the source of sqlite_errorname),
// authorizer action codes and run-time limits.
const Constant kConstants[] = {
#include "modules/sqlite_constants.inc"
};

// The exception class for a result code, as CPython's _pysqlite_seterror chooses it.
Object* class_for_code(int code) {
    switch (code & 0xff) {
        case SQLITE_INTERNAL:
        case SQLITE_NOTFOUND:
            return g_exc.InternalError;
        case SQLITE_ERROR:
        case SQLITE_PERM:
        case SQLITE_ABORT:
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_READONLY:
        case SQLITE_INTERRUPT:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_PROTOCOL:
        case SQLITE_EMPTY:
        case SQLITE_SCHEMA:
            return g_exc.OperationalError;
        case SQLITE_CORRUPT:
            return g_exc.DatabaseError;
        case SQLITE_TOOBIG:
            return g_exc.DataError;
        case SQLITE_CONSTRAINT:
        case SQLITE_MISMATCH:
            return g_exc.IntegrityError;
        case SQLITE_MISUSE:
        case SQLITE_RANGE:
            return g_exc.InterfaceError;
        default:
            return g_exc.DatabaseError;
    }
}

const char* error_name(int code) {
    for (const Constant& c : kConstants)
        if (c.kind == kResult && c.value == code) return c.name;
    return nullptr;
}

// A thread's flag: whether it is inside a WithoutGil scope, so a callback knows to take the GIL.
thread_local bool t_detached = false;

}  // namespace

[[noreturn]] void raise_sqlite(Object* cls, const std::string& message, int code) {
    Ref exc = call1(cls, str_new(message).get());
    if (code != -1) {
        set_attr(exc.get(), intern("sqlite_errorcode"), int_from_i64(code).get());
        const char* name = error_name(code);
        set_attr(exc.get(), intern("sqlite_errorname"), name ? str_new(name).get() : None);
    }
    raise_object(exc);
}

[[noreturn]] void raise_db_error(sqlite3* db) {
    int code = sqlite3_extended_errcode(db);
    if ((code & 0xff) == SQLITE_NOMEM) raise(&MemoryError_type, "");
    raise_sqlite(class_for_code(code), sqlite3_errmsg(db), code);
}

void check_thread(Connection* c) {
    if (!c->check_same_thread) return;
    uint64_t here = thread_state()->ident;
    if (here != c->thread_ident)
        raise_sqlite(
            g_exc.ProgrammingError,
            format("SQLite objects created in a thread can only be used in that same thread. The "
                   "object was created in thread id %llu and this is thread id %llu.",
                   static_cast<unsigned long long>(c->thread_ident), static_cast<unsigned long long>(here)));
}

void check_connection(Connection* c) {
    if (!c->initialized) raise_sqlite(g_exc.ProgrammingError, "Base Connection.__init__ not called.");
    if (!c->db) raise_sqlite(g_exc.ProgrammingError, "Cannot operate on a closed database.");
}

WithoutGil::WithoutGil() : was_detached_(t_detached) {
    begin_blocking(active_gil(), BlockReason::CCode);
    t_detached = true;
}
WithoutGil::~WithoutGil() {
    t_detached = was_detached_;
    end_blocking(active_gil());
}
CallbackScope::CallbackScope() : was_detached_(t_detached) {
    if (was_detached_) {
        end_blocking(active_gil());
        t_detached = false;
    }
}
CallbackScope::~CallbackScope() {
    if (was_detached_) {
        t_detached = true;
        begin_blocking(active_gil(), BlockReason::CCode);
    }
}

std::unique_lock<std::recursive_mutex> lock_connection(Connection* c) {
    std::unique_lock<std::recursive_mutex> guard(c->mutex, std::try_to_lock);
    if (!guard.owns_lock()) {
        AllowThreads unblocked(BlockReason::Lock);
        guard.lock();
    }
    return guard;
}

void report_callback_error(Object* callable, Object* exc) {
    if (g_callback_tracebacks) report_unraisable_in(callable, exc);
}

void check_encodable(Object* str) {
    // minipy keeps a lone surrogate as its 3-byte form, ED A0..BF xx; only then is encoding needed.
    const std::string& s = str_utf8_of(str);
    for (size_t i = s.find('\xED'); i != std::string::npos; i = s.find('\xED', i + 1)) {
        if (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
            Ref utf8 = str_new("utf-8");
            call1(find_attr(str, intern("encode")).get(), utf8.get());
            return;
        }
    }
}

const std::string& sql_text(Connection* c, Object* sql) {
    check_encodable(sql);
    const std::string& s = str_utf8_of(sql);
    if (s.size() > static_cast<size_t>(sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1)))
        raise_sqlite(g_exc.DataError, "query string is too large");
    return s;
}

// ---- values ----

namespace {

// Calls `method(arg)` if the attribute exists; a TypeError it raises counts as "no answer" (null),
// as CPython's microprotocols ignore it.
Ref try_protocol_method(Object* owner, const char* method, Object* arg) {
    Ref fn = find_attr(owner, intern(method));
    if (!fn) return nullptr;
    try {
        Ref r = call1(fn.get(), arg);
        return r.get() == None ? nullptr : r;
    } catch (const PyException& e) {
        if (!is_instance(e.exception(), &TypeError_type)) throw;
        return nullptr;
    }
}

}  // namespace

// PEP 246 as CPython's sqlite3 does it: the registered adapter for (type, protocol), else the
// protocol's __adapt__(obj), else the object's __conform__(protocol), else `alt`.
Ref adapt_to(Object* obj, Object* proto, Object* alt) {
    Object* key_items[2] = {type_of(obj), proto};
    Ref key = tuple_from(key_items, 2);
    if (Ref adapter = dict_get_ref(g_adapters, key.get())) return call1(adapter.get(), obj);
    if (Ref r = try_protocol_method(proto, "__adapt__", obj)) return r;
    if (Ref r = try_protocol_method(obj, "__conform__", proto)) return r;
    if (alt) return Ref::borrow(alt);
    raise_sqlite(g_exc.ProgrammingError, "can't adapt");
}

Ref adapt_value(Object* obj, Object* alt) { return adapt_to(obj, &prepare_protocol_type, alt); }

std::string buffer_bytes(Object* value) {
    if (is_bytes(value)) return bytes_data(value);
    // SQLite takes one run of bytes: a strided view is refused, as CPython's PyBUF_SIMPLE request does.
    if (is_instance(value, &memoryview_type)) {
        Ref contiguous = get_attr(value, intern("contiguous"));
        if (!is_true(contiguous.get())) raise(&BufferError_type, "underlying buffer is not C-contiguous");
    }
    Ref copy = call1(&bytes_type, value);
    return bytes_data(copy.get());
}

bool bind_value(sqlite3_stmt* stmt, int pos, Object* value) {
    int rc;
    if (value == None) {
        rc = sqlite3_bind_null(stmt, pos);
    } else if (is_int(value)) {
        int64_t v;
        if (!int_to_i64(value, &v))
            raise(&OverflowError_type, "Python int too large to convert to SQLite INTEGER");
        rc = sqlite3_bind_int64(stmt, pos, v);
    } else if (is_float(value)) {
        rc = sqlite3_bind_double(stmt, pos, float_value(value));
    } else if (is_instance(value, &str_type)) {
        check_encodable(value);
        const std::string& s = str_utf8_of(value);
        rc = sqlite3_bind_text(stmt, pos, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else if (is_bytes(value)) {
        const std::string& b = bytes_data(value);
        rc = sqlite3_bind_blob(stmt, pos, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
    } else if (exports_buffer(value)) {
        std::string d = buffer_bytes(value);
        rc = sqlite3_bind_blob(stmt, pos, d.data(), static_cast<int>(d.size()), SQLITE_TRANSIENT);
    } else {
        return false;
    }
    if (rc != SQLITE_OK) raise_db_error(sqlite3_db_handle(stmt));
    return true;
}

Ref text_to_python(const unsigned char* text, int size) {
    Ref utf8 = str_new("utf-8");
    return bytes_decode(std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(size)),
                        utf8.get(), nullptr);
}

Ref value_to_python(sqlite3_value* v) {
    switch (sqlite3_value_type(v)) {
        case SQLITE_INTEGER:
            return int_from_i64(sqlite3_value_int64(v));
        case SQLITE_FLOAT:
            return float_new(sqlite3_value_double(v));
        case SQLITE_TEXT:
            return text_to_python(sqlite3_value_text(v), sqlite3_value_bytes(v));
        case SQLITE_BLOB: {
            const void* p = sqlite3_value_blob(v);
            return bytes_new(std::string_view(static_cast<const char*>(p), sqlite3_value_bytes(v)));
        }
        default:
            return Ref::borrow(None);
    }
}

bool set_result(sqlite3_context* ctx, Object* value) {
    if (value == None) {
        sqlite3_result_null(ctx);
    } else if (is_int(value)) {
        int64_t v;
        if (!int_to_i64(value, &v))
            raise(&OverflowError_type, "Python int too large to convert to SQLite INTEGER");
        sqlite3_result_int64(ctx, v);
    } else if (is_float(value)) {
        sqlite3_result_double(ctx, float_value(value));
    } else if (is_instance(value, &str_type)) {
        check_encodable(value);
        const std::string& s = str_utf8_of(value);
        sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (is_bytes(value) || exports_buffer(value)) {
        std::string d = buffer_bytes(value);
        sqlite3_result_blob64(ctx, d.data(), d.size(), SQLITE_TRANSIENT);
    } else {
        return false;
    }
    return true;
}

// ---- Row ----
// A result row that reads its columns by index or, ignoring case, by name: the cursor's description
// gives the names.

namespace {

struct Row : Object {
    MINIPY_GC_ALLOCATED
    Object* description = nullptr;  // owned: a tuple of 7-tuples
    Object* data = nullptr;         // owned: a tuple
};

Row* as_row(Object* o) { return static_cast<Row*>(o); }

Ref row_alloc(Type* t, Object* description, Object* data) {
    auto* r = new_object_of<Row>(t);
    r->description = newref(description);
    r->data = newref(data);
    return Ref::steal(r);
}

// Row(cursor, data, /).
Ref row_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise(&TypeError_type, "Row() takes no keyword arguments");
    if (nargs != 2) raise_arg_count("Row", 2, 2, nargs);
    if (!is_instance(args[0], &cursor_type))
        raise(&TypeError_type,
              format("Row() argument 1 must be sqlite3.Cursor, not %s", type_of(args[0])->name.c_str()));
    if (!is_instance(args[1], &tuple_type))
        raise(&TypeError_type,
              format("Row() argument 2 must be tuple, not %s", type_of(args[1])->name.c_str()));
    Object* description = as_cursor(args[0])->description;
    return row_alloc(static_cast<Type*>(type), description ? description : None, args[1]);
}

bool same_name_ignoring_case(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

Ref row_getitem(Object* o, Object* key) {
    Row* r = as_row(o);
    if (is_instance(key, &str_type)) {
        if (r->description != None) {
            Tuple* d = as_tuple(r->description);
            for (size_t i = 0; i < d->size; ++i) {
                Object* name = as_tuple(d->items[i])->items[0];
                if (same_name_ignoring_case(str_utf8_of(name), str_utf8_of(key)))
                    return Ref::borrow(as_tuple(r->data)->items[i]);
            }
        }
        raise(&IndexError_type, "No item with that key");
    }
    if (is_int(key) || is_instance(key, &slice_type)) return get_item(r->data, key);
    raise(&IndexError_type, "Index must be int or string");
}

int64_t row_len(Object* o) { return static_cast<int64_t>(as_tuple(as_row(o)->data)->size); }

Ref row_iter(Object* o) { return get_iter(as_row(o)->data); }

int64_t row_hash(Object* o) { return hash(as_row(o)->description) ^ hash(as_row(o)->data); }

Ref row_compare(Object* a, Object* b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_instance(b, &row_type))
        return Ref::borrow(NotImplemented);
    bool eq = compare_bool(as_row(a)->description, as_row(b)->description, CompareOp::Eq) &&
              compare_bool(as_row(a)->data, as_row(b)->data, CompareOp::Eq);
    return Ref::borrow(bool_obj(op == CompareOp::Eq ? eq : !eq));
}

Ref row_keys(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("keys", nargs - 1, kw, 0, 0);
    Row* r = as_row(args[0]);
    Ref keys = list_new();
    if (r->description != None)
        for (size_t i = 0; i < as_tuple(r->description)->size; ++i)
            list_append(keys.get(), as_tuple(as_tuple(r->description)->items[i])->items[0]);
    return keys;
}

void row_traverse(Object* o, VisitProc visit, void* arg) {
    Row* r = as_row(o);
    for (Object* ref : {r->description, r->data})
        if (ref) visit(ref, arg);
}

void row_clear(Object* o) {
    Row* r = as_row(o);
    Object* refs[2] = {r->description, r->data};
    r->description = r->data = nullptr;
    for (Object* ref : refs) xdecref(ref);
}

const MethodDef kRowMethods[] = {
    {"keys", row_keys, "Returns the keys of the row."},
    {nullptr, nullptr, nullptr},
};

// ---- module functions ----

// connect(database, timeout=5.0, detect_types=0, isolation_level="", check_same_thread=True,
//         factory=Connection, cached_statements=128, uri=False): factory(database, ...).
Ref sqlite_connect(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {
        "database",          "timeout", "detect_types",      "isolation_level",
        "check_same_thread", "factory", "cached_statements", "uri"};
    Object* a[8];
    bind_args("connect", args, nargs, kw, kNames, 8, 1, a);
    Object* factory = a[5] ? a[5] : static_cast<Object*>(&connection_type);
    // Everything but the factory goes on to it, positional and keyword as given.
    std::vector<Object*> pass;
    std::vector<Object*> names;
    for (size_t i = 0; i < 8; ++i) {
        if (i == 5 || !a[i]) continue;
        if (i == 0) {
            pass.insert(pass.begin(), a[i]);
            continue;
        }
        pass.push_back(a[i]);
        names.push_back(intern(kNames[i]));
    }
    Ref kwnames = tuple_from(names.data(), names.size());
    return call(factory, pass.data(), pass.size() - names.size(),
                names.empty() ? nullptr : as_tuple(kwnames.get()));
}

Ref sqlite_complete_statement(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"statement"};
    Object* a[1];
    bind_args("complete_statement", args, nargs, kw, kNames, 1, 1, a);
    if (!is_instance(a[0], &str_type))
        raise(&TypeError_type, format("complete_statement() argument 'statement' must be str, not %s",
                                      type_of(a[0])->name.c_str()));
    return Ref::borrow(bool_obj(sqlite3_complete(str_utf8_of(a[0]).c_str()) != 0));
}

Ref sqlite_enable_callback_tracebacks(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("enable_callback_tracebacks", nargs, kw, 1, 1);
    g_callback_tracebacks = is_true(args[0]);
    return Ref::borrow(None);
}

Ref sqlite_enable_shared_cache(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"do_enable"};
    Object* a[1];
    bind_args("enable_shared_cache", args, nargs, kw, kNames, 1, 1, a);
    if (sqlite3_enable_shared_cache(static_cast<int>(as_index(a[0]))) != SQLITE_OK)
        raise_sqlite(g_exc.OperationalError, "Changing the shared_cache flag failed");
    return Ref::borrow(None);
}

// register_adapter(type, adapter, /).
Ref sqlite_register_adapter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("register_adapter", nargs, kw, 2, 2);
    Object* key_items[2] = {args[0], &prepare_protocol_type};
    Ref key = tuple_from(key_items, 2);
    // An adapter for one of the types bound as they are turns adapting on for all of them.
    for (Type* t : {&int_type, &float_type, &str_type, &bytearray_type})
        if (args[0] == t) g_base_type_adapted = true;
    dict_set(g_adapters, key.get(), args[1]);
    return Ref::borrow(None);
}

// register_converter(typename, converter, /): the name is matched without regard to case.
Ref sqlite_register_converter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("register_converter", nargs, kw, 2, 2);
    if (!is_instance(args[0], &str_type))
        raise(&TypeError_type,
              format("register_converter() argument 1 must be str, not %s", type_of(args[0])->name.c_str()));
    Ref upper = call0(find_attr(args[0], intern("upper")).get());
    dict_set(g_converters, upper.get(), args[1]);
    return Ref::borrow(None);
}

// adapt(obj, proto=PrepareProtocol, alt=<not given>, /).
Ref sqlite_adapt(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("adapt", nargs, kw, 1, 3);
    Object* proto = nargs >= 2 ? args[1] : &prepare_protocol_type;
    return adapt_to(args[0], proto, nargs == 3 ? args[2] : nullptr);
}

const MethodDef kFunctions[] = {
    {"connect", sqlite_connect, "Opens a connection to the SQLite database file database."},
    {"complete_statement", sqlite_complete_statement,
     "Checks if a string contains a complete SQL statement."},
    {"enable_callback_tracebacks", sqlite_enable_callback_tracebacks,
     "Enable or disable callback functions throwing errors to stderr."},
    {"enable_shared_cache", sqlite_enable_shared_cache, "Enable or disable shared cache mode."},
    {"register_adapter", sqlite_register_adapter,
     "Register a function to adapt Python objects to SQLite values."},
    {"register_converter", sqlite_register_converter,
     "Register a function to convert SQLite values to Python objects."},
    {"adapt", sqlite_adapt, "Adapt given object to given protocol."},
    {nullptr, nullptr, nullptr},
};

Ref prepare_protocol_construct(Object* type, Args, size_t, Tuple*) {
    auto* o = new Object();
    init_header(o, static_cast<Type*>(type));
    return Ref::steal(o);
}

void init_types() {
    Object* module = str_new("sqlite3").release();
    auto exc = [&](const char* name, Object* base) {
        return new_exception_class("sqlite3", name, {base}).release();
    };
    g_exc.Warning = exc("Warning", &Exception_type);
    g_exc.Error = exc("Error", &Exception_type);
    g_exc.InterfaceError = exc("InterfaceError", g_exc.Error);
    g_exc.DatabaseError = exc("DatabaseError", g_exc.Error);
    g_exc.DataError = exc("DataError", g_exc.DatabaseError);
    g_exc.OperationalError = exc("OperationalError", g_exc.DatabaseError);
    g_exc.IntegrityError = exc("IntegrityError", g_exc.DatabaseError);
    g_exc.InternalError = exc("InternalError", g_exc.DatabaseError);
    g_exc.ProgrammingError = exc("ProgrammingError", g_exc.DatabaseError);
    g_exc.NotSupportedError = exc("NotSupportedError", g_exc.DatabaseError);

    Type& r = row_type;
    r.name = "Row";
    r.instance_size = sizeof(Row);
    r.dealloc = [](Object* o) {
        row_clear(o);
        delete_object_of(as_row(o));
    };
    r.traverse = row_traverse;
    r.clear = row_clear;
    r.construct = row_construct;
    r.getitem = row_getitem;
    r.len = row_len;
    r.iter = row_iter;
    r.hash = row_hash;
    r.compare = row_compare;
    r.methods = kRowMethods;
    r.is_basetype = true;
    r.constructs_subclasses = true;
    init_type(&r);

    Type& p = prepare_protocol_type;
    p.name = "PrepareProtocol";
    p.instance_size = sizeof(Object);
    p.dealloc = [](Object* o) { delete o; };
    p.construct = prepare_protocol_construct;
    p.is_basetype = true;
    p.constructs_subclasses = true;
    init_type(&p);

    init_connection_type();
    init_cursor_type();
    init_blob_type();
    for (Type* t : {&row_type, &prepare_protocol_type, &connection_type, &cursor_type, &blob_type})
        dict_set(t->dict, intern("__module__"), module);
    g_adapters = as_dict(dict_new().release());
    g_converters = as_dict(dict_new().release());
}

}  // namespace

Ref row_new(Object* cursor, Object* data) {
    Object* description = as_cursor(cursor)->description;
    return row_alloc(&row_type, description ? description : None, data);
}

std::vector<NamedException> named_exceptions() {
    return {{"Warning", g_exc.Warning},
            {"Error", g_exc.Error},
            {"InterfaceError", g_exc.InterfaceError},
            {"DatabaseError", g_exc.DatabaseError},
            {"DataError", g_exc.DataError},
            {"OperationalError", g_exc.OperationalError},
            {"IntegrityError", g_exc.IntegrityError},
            {"InternalError", g_exc.InternalError},
            {"ProgrammingError", g_exc.ProgrammingError},
            {"NotSupportedError", g_exc.NotSupportedError}};
}

}  // namespace minipy::sqlite

namespace minipy {

Ref init_sqlite3_module() {
    using namespace sqlite;
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Ref m = native_module_new("_sqlite3", kFunctions);
    Dict* d = module_dict(m.get());
    for (const NamedException& e : named_exceptions()) dict_set(d, intern(e.name), e.cls);
    struct Named {
        const char* name;
        Object* value;
    };
    for (Named n : {Named{"Connection", &connection_type},
                    {"Cursor", &cursor_type},
                    {"Blob", &blob_type},
                    {"Row", &row_type},
                    {"PrepareProtocol", &prepare_protocol_type},
                    {"adapters", g_adapters},
                    {"converters", g_converters}})
        dict_set(d, intern(n.name), n.value);
    for (const Constant& c : kConstants) dict_set(d, intern(c.name), int_from_i64(c.value).get());
    dict_set(d, intern("PARSE_DECLTYPES"), int_from_i64(kParseDecltypes).get());
    dict_set(d, intern("PARSE_COLNAMES"), int_from_i64(kParseColnames).get());
    dict_set(d, intern("version"), str_new("2.6.0").get());
    dict_set(d, intern("sqlite_version"), str_new(sqlite3_libversion()).get());
    // DB-API 2.0's threadsafety from SQLite's own threading mode, as CPython 3.11 reports it:
    // single-thread 0, serialized 3 (the default build), multi-thread 1.
    int mode = sqlite3_threadsafe();
    dict_set(d, intern("threadsafety"), int_from_i64(mode == 0 ? 0 : mode == 1 ? 3 : 1).get());
    return m;
}

}  // namespace minipy
