// sqlite_connection.cpp — `_sqlite3.Connection`: opening the database, transactions (the implicit
// BEGIN of CPython 3.11's isolation_level), closing, and the Python callables SQLite calls back:
// user-defined functions, aggregates, collations, the authorizer, the progress handler and the trace
// callback. A Python exception never crosses SQLite's C frames: each callback catches it, reports
// an error to SQLite (which the statement then raises as OperationalError), and prints it when
// enable_callback_tracebacks(True) asked for that.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <thread>

#include "modules/posix_module.h"
#include "modules/sqlite.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/format.h"
#include "runtime/thread_state.h"

namespace minipy::sqlite {

Type connection_type;

Connection* as_connection(Object* o) { return static_cast<Connection*>(o); }

namespace {

// The connection that is args[0] of a method, checked as CPython checks it first.
Connection* usable(Object* self) {
    Connection* c = as_connection(self);
    if (!c->initialized) raise_sqlite(g_exc.ProgrammingError, "Base Connection.__init__ not called.");
    check_thread(c);
    check_connection(c);
    return c;
}

}  // namespace

// Runs one statement that returns no rows (BEGIN, COMMIT, ROLLBACK), without the GIL.
void run_simple(Connection* c, const char* sql) {
    auto guard = lock_connection(c);
    int rc;
    {
        WithoutGil unblocked;
        sqlite3_stmt* stmt = nullptr;
        rc = sqlite3_prepare_v2(c->db, sql, -1, &stmt, nullptr);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(stmt);
            sqlite3_finalize(stmt);
        }
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE) raise_db_error(c->db);
}

void begin_transaction(Connection* c) { run_simple(c, ("BEGIN " + c->isolation_level).c_str()); }

namespace {

// Accepts what CPython's isolation_level setter does: None, or one of four strings in any case.
void set_isolation_level(Connection* c, Object* value) {
    if (value == None) {
        c->isolation_none = true;
        c->isolation_level.clear();
        return;
    }
    if (!is_instance(value, &str_type)) raise(&TypeError_type, "isolation_level must be str or None");
    std::string upper = str_utf8_of(value);
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (upper != "" && upper != "DEFERRED" && upper != "IMMEDIATE" && upper != "EXCLUSIVE")
        raise(&ValueError_type, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
    c->isolation_none = false;
    c->isolation_level = upper;
}

void close_db(Connection* c) {
    if (!c->db) return;
    // close_v2 waits for statements cursors still hold; finalizing them later is allowed.
    sqlite3_close_v2(c->db);
    c->db = nullptr;
}

// ---- construction ----

Ref connection_init(Object*, Args args, size_t nargs, Tuple* kw);

// Connection.__init__(database, timeout=5.0, detect_types=0, isolation_level="",
//                     check_same_thread=True, factory=Connection, cached_statements=128, uri=False)
void connection_open(Connection* c, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {
        "database",          "timeout", "detect_types",      "isolation_level",
        "check_same_thread", "factory", "cached_statements", "uri"};
    Object* a[8];
    bind_args("Connection", args, nargs, kw, kNames, 8, 1, a);
    // A second __init__ starts afresh: until it succeeds the connection is not usable.
    c->initialized = false;
    Ref path = fspath(a[0]);
    std::string name = is_bytes(path.get()) ? bytes_data(path.get()) : str_utf8_of(path.get());
    double timeout = a[1] ? to_double(a[1]) : 5.0;
    int detect_types = a[2] ? static_cast<int>(as_index(a[2])) : 0;
    bool uri = a[7] && is_true(a[7]);
    if (a[3]) set_isolation_level(c, a[3]);
    close_db(c);
    sqlite3* db = nullptr;
    int rc;
    {
        WithoutGil unblocked;
        rc = sqlite3_open_v2(name.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0),
                             nullptr);
    }
    if (rc != SQLITE_OK) {
        if (!db) raise(&MemoryError_type, "");
        try {
            raise_db_error(db);
        } catch (...) {
            sqlite3_close_v2(db);
            throw;
        }
    }
    sqlite3_busy_timeout(db, static_cast<int>(timeout * 1000));
    c->db = db;
    c->detect_types = detect_types;
    Object* old_row = c->row_factory;
    Object* old_text = c->text_factory;
    c->row_factory = newref(None);
    c->text_factory = newref(&str_type);
    xdecref(old_row);
    xdecref(old_text);
    c->check_same_thread = !a[4] || is_true(a[4]);
    c->thread_ident = thread_state()->ident;
    c->initialized = true;
}

Ref connection_init(Object*, Args args, size_t nargs, Tuple* kw) {
    connection_open(as_connection(args[0]), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

Ref connection_alloc(Type* t) {
    auto* c = new_object_of<Connection>(t);
    Ref self = Ref::steal(c);
    c->row_factory = newref(None);
    c->text_factory = newref(&str_type);
    c->callables = as_dict(dict_new().release());
    return self;
}

Ref connection_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    Ref self = connection_alloc(t);
    if (t == &connection_type || inherits_native_init(t, connection_init))
        connection_open(as_connection(self.get()), args, nargs, kw);
    return self;
}

// Connection.__new__(cls, *args, **kwargs): an instance that __init__ has not opened yet.
Ref connection_new_method(Object*, Args args, size_t nargs, Tuple*) {
    if (nargs < 1 || !is_type(args[0]) || !is_subtype(static_cast<Type*>(args[0]), &connection_type))
        raise(&TypeError_type, "Connection.__new__(X): X is not a subtype of sqlite3.Connection");
    return connection_alloc(static_cast<Type*>(args[0]));
}

void connection_traverse(Object* o, VisitProc visit, void* arg) {
    Connection* c = as_connection(o);
    for (Object* ref : {c->row_factory, c->text_factory, static_cast<Object*>(c->callables)})
        if (ref) visit(ref, arg);
}

void connection_clear(Object* o) {
    Connection* c = as_connection(o);
    // SQLite borrows the callables: close first, so it never calls one that is gone.
    close_db(c);
    Object* refs[3] = {c->row_factory, c->text_factory, c->callables};
    c->row_factory = c->text_factory = nullptr;
    c->callables = nullptr;
    for (Object* ref : refs) xdecref(ref);
}

void connection_dealloc(Object* o) {
    weakrefs_clear(o);
    connection_clear(o);
    delete_object_of(as_connection(o));
}

// ---- transactions and closing ----

Ref connection_cursor(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"factory"};
    Object* a[1];
    bind_args("cursor", args + 1, nargs - 1, kw, kNames, 1, 0, a);
    return cursor_new_for(usable(args[0]), a[0]);
}

Ref connection_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    Connection* c = as_connection(args[0]);
    if (!c->initialized) raise_sqlite(g_exc.ProgrammingError, "Base Connection.__init__ not called.");
    check_thread(c);
    auto guard = lock_connection(c);
    close_db(c);
    return Ref::borrow(None);
}

Ref connection_commit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("commit", nargs - 1, kw, 0, 0);
    Connection* c = usable(args[0]);
    // Under the lock: another thread sharing the connection may end the transaction meanwhile.
    auto guard = lock_connection(c);
    if (!sqlite3_get_autocommit(c->db)) run_simple(c, "COMMIT");
    return Ref::borrow(None);
}

Ref connection_rollback(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("rollback", nargs - 1, kw, 0, 0);
    Connection* c = usable(args[0]);
    // Under the lock: another thread sharing the connection may end the transaction meanwhile.
    auto guard = lock_connection(c);
    if (!sqlite3_get_autocommit(c->db)) run_simple(c, "ROLLBACK");
    return Ref::borrow(None);
}

// The shortcuts execute, executemany and executescript: a new cursor runs the call.
Ref with_new_cursor(Object* self, Args args, size_t nargs, Tuple* kw, CallSlot method) {
    Ref cursor = cursor_new_for(usable(self), nullptr);
    std::vector<Object*> call_args(args, args + nargs + (kw ? kw->size : 0));
    call_args[0] = cursor.get();
    method(nullptr, call_args.data(), nargs, kw);
    return cursor;
}

Ref connection_execute(Object*, Args args, size_t nargs, Tuple* kw) {
    return with_new_cursor(args[0], args, nargs, kw, cursor_execute_method);
}
Ref connection_executemany(Object*, Args args, size_t nargs, Tuple* kw) {
    return with_new_cursor(args[0], args, nargs, kw, cursor_executemany_method);
}
Ref connection_executescript(Object*, Args args, size_t nargs, Tuple* kw) {
    return with_new_cursor(args[0], args, nargs, kw, cursor_executescript_method);
}

Ref connection_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs - 1, kw, 0, 0);
    usable(args[0]);
    return Ref::borrow(args[0]);
}

// __exit__(type, value, traceback): commits when the block ended normally, else rolls back; when
// the commit fails, rolls back and lets the commit's error through.
Ref connection_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__exit__", nargs - 1, kw, 3, 3);
    Object* self = args[0];
    if (args[1] == None) {
        try {
            connection_commit(nullptr, args, 1, nullptr);
        } catch (const PyException&) {
            connection_rollback(nullptr, args, 1, nullptr);
            throw;
        }
    } else {
        connection_rollback(nullptr, &self, 1, nullptr);
    }
    return Ref::borrow(False);
}

Ref connection_interrupt(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("interrupt", nargs - 1, kw, 0, 0);
    Connection* c = as_connection(args[0]);
    check_connection(c);
    sqlite3_interrupt(c->db);
    return Ref::borrow(None);
}

Ref connection_iterdump(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("iterdump", nargs - 1, kw, 0, 0);
    usable(args[0]);
    Ref fromlist = tuple_from(std::initializer_list<Object*>{intern("_iterdump")}.begin(), 1);
    Ref dump = import_name(intern("sqlite3.dump"), fromlist.get(), 0);
    return call1(find_attr(dump.get(), intern("_iterdump")).get(), args[0]);
}

// con(sql): compiles a statement without running it. CPython returns its internal Statement object;
// minipy checks the SQL the same way (closed database, surrogates, length, syntax) and returns None.
Ref connection_call(Object* self, Args args, size_t nargs, Tuple* kw) {
    Connection* c = usable(self);
    if (kw && kw->size) raise_no_kwargs("Connection");
    if (nargs != 1) raise_arg_count("Connection", 1, 1, nargs);
    if (!is_instance(args[0], &str_type))
        raise(&TypeError_type,
              format("Connection() argument 1 must be str, not %s", type_of(args[0])->name.c_str()));
    const std::string& text = sql_text(c, args[0]);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(c->db, text.c_str(), static_cast<int>(text.size()) + 1, &stmt, nullptr);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK) raise_db_error(c->db);
    return Ref::borrow(None);
}

Ref connection_blobopen(Object*, Args args, size_t nargs, Tuple* kw) {
    return blob_open(usable(args[0]), args + 1, nargs - 1, kw);
}

const char* name_arg(Object* o, const char* fname);

// serialize(*, name="main"): the database as bytes, as it would be stored on disk.
Ref connection_serialize(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"name"};
    Object* a[1];
    if (nargs > 1) raise_arg_count("serialize", 0, 0, nargs - 1);
    bind_args("serialize", args + 1, nargs - 1, kw, kNames, 1, 0, a);
    Connection* c = usable(args[0]);
    std::string name = a[0] ? name_arg(a[0], "serialize") : "main";
    auto guard = lock_connection(c);
    sqlite3_int64 size = 0;
    // NOCOPY first: an in-memory database hands out its own pages; otherwise SQLite makes a copy.
    unsigned char* data = sqlite3_serialize(c->db, name.c_str(), &size, SQLITE_SERIALIZE_NOCOPY);
    if (data) return bytes_new(std::string_view(reinterpret_cast<char*>(data), static_cast<size_t>(size)));
    data = sqlite3_serialize(c->db, name.c_str(), &size, 0);
    if (!data) raise_sqlite(g_exc.OperationalError, format("unable to serialize '%s'", name.c_str()));
    Ref out = bytes_new(std::string_view(reinterpret_cast<char*>(data), static_cast<size_t>(size)));
    sqlite3_free(data);
    return out;
}

// deserialize(data, /, *, name="main"): replaces the database with the one `data` holds.
Ref connection_deserialize(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"data", "name"};
    Object* a[2];
    if (nargs > 2) raise_arg_count("deserialize", 1, 1, nargs - 1);
    bind_args("deserialize", args + 1, nargs - 1, kw, kNames, 2, 1, a);
    Connection* c = usable(args[0]);
    if (!is_bytes(a[0]) && !exports_buffer(a[0]))
        raise(&TypeError_type,
              format("a bytes-like object is required, not '%s'", type_of(a[0])->name.c_str()));
    std::string data = buffer_bytes(a[0]);
    std::string name = a[1] ? name_arg(a[1], "deserialize") : "main";
    auto guard = lock_connection(c);
    // SQLite owns (and may grow) the copy from here on.
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(data.size() ? data.size() : 1));
    if (!copy) raise(&MemoryError_type, "");
    std::memcpy(copy, data.data(), data.size());
    int rc = sqlite3_deserialize(c->db, name.c_str(), copy, static_cast<sqlite3_int64>(data.size()),
                                 static_cast<sqlite3_int64>(data.size()),
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK) raise_db_error(c->db);
    return Ref::borrow(None);
}

// ---- callbacks ----

// Keeps `fn` alive in the connection under `key` (None: drops it); the borrowed pointer is what
// SQLite is given.
Object* keep_callable(Connection* c, const std::string& key, Object* fn) {
    Ref k = str_new(key);
    dict_set(c->callables, k.get(), fn);
    return fn;
}

std::vector<Ref> arguments_of(int argc, sqlite3_value** argv) {
    std::vector<Ref> values;
    values.reserve(static_cast<size_t>(argc));
    for (int i = 0; i < argc; ++i) values.push_back(value_to_python(argv[i]));
    return values;
}

Ref call_with(Object* fn, const std::vector<Ref>& values) {
    std::vector<Object*> raw;
    for (const Ref& v : values) raw.push_back(v.get());
    return call(fn, raw.data(), raw.size());
}

// Sets the function's result from a Python value, or the error SQLite raises for it.
void deliver_result(sqlite3_context* ctx, Object* value, const char* error, Object* callable) {
    try {
        if (!set_result(ctx, value)) sqlite3_result_error(ctx, error, -1);
    } catch (const PyException& e) {
        if (is_instance(e.exception(), &OverflowError_type)) {
            sqlite3_result_error_toobig(ctx);
        } else {
            sqlite3_result_error(ctx, error, -1);
        }
        report_callback_error(callable, e.exception());
    }
}

void function_callback(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    CallbackScope python;
    const char* error = "user-defined function raised exception";
    try {
        Ref result = call_with(static_cast<Object*>(sqlite3_user_data(ctx)), arguments_of(argc, argv));
        deliver_result(ctx, result.get(), error, static_cast<Object*>(sqlite3_user_data(ctx)));
    } catch (const PyException& e) {
        // MemoryError and OverflowError come back as MemoryError and DataError, as in CPython.
        if (is_instance(e.exception(), &MemoryError_type)) {
            sqlite3_result_error_nomem(ctx);
        } else if (is_instance(e.exception(), &OverflowError_type)) {
            sqlite3_result_error_toobig(ctx);
        } else {
            sqlite3_result_error(ctx, error, -1);
        }
        report_callback_error(static_cast<Object*>(sqlite3_user_data(ctx)), e.exception());
    } catch (...) {
        sqlite3_result_error(ctx, error, -1);
    }
}

// An aggregate's instance lives in SQLite's aggregate context from its first step to its final.
void aggregate_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    CallbackScope python;
    auto** slot = static_cast<Object**>(sqlite3_aggregate_context(ctx, sizeof(Object*)));
    if (!slot) return sqlite3_result_error_nomem(ctx);
    const char* error = "user-defined aggregate's '__init__' method raised error";
    try {
        if (!*slot) *slot = call0(static_cast<Object*>(sqlite3_user_data(ctx))).release();
        Ref step = find_attr(*slot, intern("step"));
        if (!step) {
            error = "user-defined aggregate's 'step' method not defined";
            raise_no_attribute(*slot, intern("step"));  // reported like any other error below
        }
        error = "user-defined aggregate's 'step' method raised error";
        call_with(step.get(), arguments_of(argc, argv));
    } catch (const PyException& e) {
        sqlite3_result_error(ctx, error, -1);
        report_callback_error(static_cast<Object*>(sqlite3_user_data(ctx)), e.exception());
    } catch (...) {
        sqlite3_result_error(ctx, error, -1);
    }
}

void aggregate_final(sqlite3_context* ctx) {
    CallbackScope python;
    auto** slot = static_cast<Object**>(sqlite3_aggregate_context(ctx, 0));
    if (!slot || !*slot) return;  // no rows (NULL), or __init__ failed and said so
    Ref instance = Ref::steal(*slot);
    *slot = nullptr;
    const char* error = "user-defined aggregate's 'finalize' method raised error";
    try {
        Ref finalize = find_attr(instance.get(), intern("finalize"));
        if (!finalize) {
            error = "user-defined aggregate's 'finalize' method not defined";
            raise_no_attribute(instance.get(), intern("finalize"));
        }
        Ref result = call0(finalize.get());
        deliver_result(ctx, result.get(), error, static_cast<Object*>(sqlite3_user_data(ctx)));
    } catch (const PyException& e) {
        sqlite3_result_error(ctx, error, -1);
        report_callback_error(static_cast<Object*>(sqlite3_user_data(ctx)), e.exception());
    } catch (...) {
        sqlite3_result_error(ctx, error, -1);
    }
}

// A window function's value and inverse: a method of the instance its steps made.
void window_method(sqlite3_context* ctx, const char* method, int argc, sqlite3_value** argv) {
    CallbackScope python;
    auto** slot = static_cast<Object**>(sqlite3_aggregate_context(ctx, sizeof(Object*)));
    if (!slot) return sqlite3_result_error_nomem(ctx);
    std::string error = format("user-defined aggregate's '%s' method raised error", method);
    try {
        if (!*slot) {
            error = "user-defined aggregate's '__init__' method raised error";
            *slot = call0(static_cast<Object*>(sqlite3_user_data(ctx))).release();
            error = format("user-defined aggregate's '%s' method raised error", method);
        }
        Ref fn = find_attr(*slot, intern(method));
        if (!fn) {
            error = format("user-defined aggregate's '%s' method not defined", method);
            raise_no_attribute(*slot, intern(method));
        }
        Ref result = call_with(fn.get(), arguments_of(argc, argv));
        if (argv == nullptr)
            deliver_result(ctx, result.get(), error.c_str(), static_cast<Object*>(sqlite3_user_data(ctx)));
    } catch (const PyException& e) {
        sqlite3_result_error(ctx, error.c_str(), -1);
        report_callback_error(static_cast<Object*>(sqlite3_user_data(ctx)), e.exception());
    } catch (...) {
        sqlite3_result_error(ctx, error.c_str(), -1);
    }
}

void window_value(sqlite3_context* ctx) { window_method(ctx, "value", 0, nullptr); }
void window_inverse(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    window_method(ctx, "inverse", argc, argv);
}

int collation_callback(void* fn, int len1, const void* s1, int len2, const void* s2) {
    CallbackScope python;
    try {
        Ref a = str_new(std::string_view(static_cast<const char*>(s1), static_cast<size_t>(len1)));
        Ref b = str_new(std::string_view(static_cast<const char*>(s2), static_cast<size_t>(len2)));
        Object* call_args[2] = {a.get(), b.get()};
        Ref result = call(static_cast<Object*>(fn), call_args, 2);
        if (!is_int(result.get())) return 0;
        Ref zero = int_from_i64(0);
        if (compare_bool(result.get(), zero.get(), CompareOp::Gt)) return 1;
        if (compare_bool(result.get(), zero.get(), CompareOp::Lt)) return -1;
        return 0;
    } catch (const PyException& e) {
        report_callback_error(static_cast<Object*>(fn), e.exception());
        return 0;
    } catch (...) {
        return 0;
    }
}

Ref optional_text(const char* s) { return s ? str_new(s) : Ref::borrow(None); }

int authorizer_callback(void* fn, int action, const char* a1, const char* a2, const char* db,
                        const char* source) {
    CallbackScope python;
    try {
        Ref action_obj = int_from_i64(action);
        Ref args[4] = {optional_text(a1), optional_text(a2), optional_text(db), optional_text(source)};
        Object* call_args[5] = {action_obj.get(), args[0].get(), args[1].get(), args[2].get(), args[3].get()};
        Ref result = call(static_cast<Object*>(fn), call_args, 5);
        int64_t v;
        if (!is_int(result.get()) || !int_to_i64(result.get(), &v) || v < INT32_MIN || v > INT32_MAX)
            return SQLITE_DENY;
        return static_cast<int>(v);
    } catch (const PyException& e) {
        report_callback_error(static_cast<Object*>(fn), e.exception());
        return SQLITE_DENY;
    } catch (...) {
        return SQLITE_DENY;
    }
}

int progress_callback(void* fn) {
    CallbackScope python;
    try {
        Ref result = call0(static_cast<Object*>(fn));
        return is_true(result.get()) ? 1 : 0;
    } catch (const PyException& e) {
        report_callback_error(static_cast<Object*>(fn), e.exception());
        return 1;  // abort the statement
    } catch (...) {
        return 1;
    }
}

int trace_callback(unsigned type, void* fn, void* p, void*) {
    if (type != SQLITE_TRACE_STMT) return 0;
    CallbackScope python;
    try {
        auto* stmt = static_cast<sqlite3_stmt*>(p);
        char* expanded = sqlite3_expanded_sql(stmt);
        if (!expanded) {
            // Too long once expanded: the statement as written goes instead, as in CPython.
            Ref exc = call1(g_exc.DataError,
                            str_new("Expanded SQL string exceeds the maximum string length").get());
            report_callback_error(static_cast<Object*>(fn), exc.get());
        }
        Ref text = str_new(expanded ? expanded : sqlite3_sql(stmt));
        sqlite3_free(expanded);
        call1(static_cast<Object*>(fn), text.get());
    } catch (const PyException& e) {
        report_callback_error(static_cast<Object*>(fn), e.exception());
    } catch (...) {
    }
    return 0;
}

const char* name_arg(Object* o, const char* fname) {
    if (!is_instance(o, &str_type))
        raise(&TypeError_type,
              format("%s() argument 'name' must be str, not %s", fname, type_of(o)->name.c_str()));
    check_encodable(o);
    return str_utf8_of(o).c_str();
}

std::string folded(const char* name) {
    std::string s = name;
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// Where keep_callable holds a function's callable: SQLite knows a function by its name, in any
// ASCII case, and its number of arguments.
std::string function_key(const char* name, int narg) {
    return format("function:%s:%d", folded(name).c_str(), narg);
}

// A callback argument, checked: null for None, which removes the callback.
Object* callback_arg(Object* o) {
    if (o == None) return nullptr;
    if (!type_of(o)->call) raise(&TypeError_type, "parameter must be callable");
    return o;
}

// create_function(name, narg, func, *, deterministic=False)
Ref connection_create_function(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"name", "narg", "func", "deterministic"};
    Object* a[4];
    if (nargs - 1 > 3) raise_arg_count("create_function", 3, 3, nargs - 1);
    bind_args("create_function", args + 1, nargs - 1, kw, kNames, 4, 3, a);
    Connection* c = usable(args[0]);
    const char* name = name_arg(a[0], "create_function");
    int narg = static_cast<int>(as_index(a[1]));
    int flags = SQLITE_UTF8;
    if (a[3] && is_true(a[3])) flags |= SQLITE_DETERMINISTIC;
    Object* fn = a[2] == None ? nullptr : a[2];
    int rc = sqlite3_create_function_v2(c->db, name, narg, flags, fn, fn ? function_callback : nullptr,
                                        nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) raise_sqlite(g_exc.OperationalError, "Error creating function");
    keep_callable(c, function_key(name, narg), a[2]);
    return Ref::borrow(None);
}

// create_aggregate(name, n_arg, aggregate_class)
Ref connection_create_aggregate(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"name", "n_arg", "aggregate_class"};
    Object* a[3];
    bind_args("create_aggregate", args + 1, nargs - 1, kw, kNames, 3, 3, a);
    Connection* c = usable(args[0]);
    const char* name = name_arg(a[0], "create_aggregate");
    int narg = static_cast<int>(as_index(a[1]));
    Object* cls = a[2] == None ? nullptr : a[2];
    int rc =
        sqlite3_create_function_v2(c->db, name, narg, SQLITE_UTF8, cls, nullptr,
                                   cls ? aggregate_step : nullptr, cls ? aggregate_final : nullptr, nullptr);
    if (rc != SQLITE_OK) raise_sqlite(g_exc.OperationalError, "Error creating aggregate");
    keep_callable(c, function_key(name, narg), a[2]);
    return Ref::borrow(None);
}

// create_window_function(name, num_params, aggregate_class, /): None removes the function.
Ref connection_create_window_function(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("create_window_function", nargs - 1, kw, 3, 3);
    Connection* c = usable(args[0]);
    const char* name = name_arg(args[1], "create_window_function");
    int narg = static_cast<int>(as_index(args[2]));
    Object* cls = args[3] == None ? nullptr : args[3];
    int rc = sqlite3_create_window_function(
        c->db, name, narg, SQLITE_UTF8, cls, cls ? aggregate_step : nullptr, cls ? aggregate_final : nullptr,
        cls ? window_value : nullptr, cls ? window_inverse : nullptr, nullptr);
    if (rc != SQLITE_OK) raise_sqlite(g_exc.ProgrammingError, "Error creating window function");
    keep_callable(c, function_key(name, narg), args[3]);
    return Ref::borrow(None);
}

// create_collation(name, callable, /): None removes the collation.
Ref connection_create_collation(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("create_collation", nargs - 1, kw, 2, 2);
    Connection* c = usable(args[0]);
    const char* name = name_arg(args[1], "create_collation");
    Object* fn = callback_arg(args[2]);
    int rc =
        sqlite3_create_collation_v2(c->db, name, SQLITE_UTF8, fn, fn ? collation_callback : nullptr, nullptr);
    if (rc != SQLITE_OK) raise_db_error(c->db);
    keep_callable(c, format("collation:%s", folded(name).c_str()), args[2]);
    return Ref::borrow(None);
}

// set_authorizer(authorizer_callback): None removes it.
Ref connection_set_authorizer(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"authorizer_callback"};
    Object* a[1];
    bind_args("set_authorizer", args + 1, nargs - 1, kw, kNames, 1, 1, a);
    Connection* c = usable(args[0]);
    Object* fn = callback_arg(a[0]);
    if (sqlite3_set_authorizer(c->db, fn ? authorizer_callback : nullptr, fn) != SQLITE_OK)
        raise_sqlite(g_exc.OperationalError, "Error setting authorizer callback");
    keep_callable(c, "authorizer", a[0]);
    return Ref::borrow(None);
}

// set_progress_handler(progress_handler, n): None removes it.
Ref connection_set_progress_handler(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"progress_handler", "n"};
    Object* a[2];
    bind_args("set_progress_handler", args + 1, nargs - 1, kw, kNames, 2, 2, a);
    Connection* c = usable(args[0]);
    Object* fn = a[0] == None ? nullptr : a[0];
    int n = static_cast<int>(as_index(a[1]));
    sqlite3_progress_handler(c->db, n, fn ? progress_callback : nullptr, fn);
    keep_callable(c, "progress", a[0]);
    return Ref::borrow(None);
}

// set_trace_callback(trace_callback): None removes it.
Ref connection_set_trace_callback(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"trace_callback"};
    Object* a[1];
    bind_args("set_trace_callback", args + 1, nargs - 1, kw, kNames, 1, 1, a);
    Connection* c = usable(args[0]);
    Object* fn = a[0] == None ? nullptr : a[0];
    sqlite3_trace_v2(c->db, fn ? SQLITE_TRACE_STMT : 0, fn ? trace_callback : nullptr, fn);
    keep_callable(c, "trace", a[0]);
    return Ref::borrow(None);
}

// The limit `category` had before it was set to `value` (a negative value leaves it).
Ref limit(Connection* c, int category, int value) {
    int v = sqlite3_limit(c->db, category, value);
    if (v < 0) raise_sqlite(g_exc.ProgrammingError, "'category' is out of bounds");
    return int_from_i64(v);
}

// getlimit(category, /) and setlimit(category, limit, /).
Ref connection_getlimit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getlimit", nargs - 1, kw, 1, 1);
    Connection* c = usable(args[0]);
    return limit(c, static_cast<int>(as_index(args[1])), -1);
}

Ref connection_setlimit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setlimit", nargs - 1, kw, 2, 2);
    Connection* c = usable(args[0]);
    int category = static_cast<int>(as_index(args[1]));
    return limit(c, category, static_cast<int>(as_index(args[2])));
}

// backup(target, *, pages=-1, progress=None, name="main", sleep=0.250)
Ref connection_backup(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"target", "pages", "progress", "name", "sleep"};
    Object* a[5];
    if (nargs - 1 > 1) raise_arg_count("backup", 1, 1, nargs - 1);
    bind_args("backup", args + 1, nargs - 1, kw, kNames, 5, 1, a);
    Connection* c = usable(args[0]);
    if (!is_instance(a[0], &connection_type))
        raise(&TypeError_type, format("backup() argument 'target' must be sqlite3.Connection, not %s",
                                      type_of(a[0])->name.c_str()));
    Connection* target = as_connection(a[0]);
    if (target == c) raise(&ValueError_type, "target cannot be the same connection instance");
    check_connection(target);
    int pages = a[1] ? static_cast<int>(as_index(a[1])) : -1;
    if (pages == 0) pages = -1;
    Object* progress = a[2] && a[2] != None ? a[2] : nullptr;
    if (progress && !type_of(progress)->call) raise(&TypeError_type, "progress argument must be a callable");
    std::string name = a[3] ? name_arg(a[3], "backup") : "main";
    double sleep_s = a[4] ? to_double(a[4]) : 0.25;
    if (sleep_s < 0) raise(&ValueError_type, "sleep must be greater-than or equal to zero");
    if (!sqlite3_get_autocommit(target->db)) raise_sqlite(g_exc.OperationalError, "target is in transaction");
    sqlite3_backup* b = sqlite3_backup_init(target->db, "main", c->db, name.c_str());
    if (!b) raise_db_error(target->db);
    int rc;
    do {
        {
            WithoutGil unblocked;
            rc = sqlite3_backup_step(b, pages);
        }
        if (progress) {
            try {
                Ref status = int_from_i64(rc), left = int_from_i64(sqlite3_backup_remaining(b)),
                    total = int_from_i64(sqlite3_backup_pagecount(b));
                Object* call_args[3] = {status.get(), left.get(), total.get()};
                call(progress, call_args, 3);
            } catch (...) {
                sqlite3_backup_finish(b);
                throw;
            }
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            AllowThreads unblocked(BlockReason::Sleep);
            std::this_thread::sleep_for(std::chrono::duration<double>(sleep_s));
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    rc = sqlite3_backup_finish(b);
    if (rc != SQLITE_OK) raise_db_error(target->db);
    return Ref::borrow(None);
}

// ---- attributes ----

Ref connection_getattr(Object* o, Str* name) {
    Connection* c = as_connection(o);
    const std::string& n = name->utf8;
    if (n == "isolation_level") {
        if (!c->initialized) raise_sqlite(g_exc.ProgrammingError, "Base Connection.__init__ not called.");
        if (c->isolation_none) return Ref::borrow(None);
        return str_new(c->isolation_level);
    }
    if (n == "in_transaction") {
        check_connection(c);
        return Ref::borrow(bool_obj(!sqlite3_get_autocommit(c->db)));
    }
    if (n == "total_changes") {
        check_connection(c);
        return int_from_i64(sqlite3_total_changes(c->db));
    }
    if (n == "row_factory") return Ref::borrow(c->row_factory);
    if (n == "text_factory") return Ref::borrow(c->text_factory);
    for (const NamedException& e : named_exceptions())
        if (n == e.name) return Ref::borrow(e.cls);
    return generic_getattr(o, name);
}

void replace(Object*& field, Object* value) {
    Object* old = field;
    field = newref(value);
    xdecref(old);
}

void connection_setattr(Object* o, Str* name, Object* value) {
    Connection* c = as_connection(o);
    const std::string& n = name->utf8;
    if (n == "isolation_level" || n == "row_factory" || n == "text_factory") {
        if (!value) raise(&AttributeError_type, "cannot delete attribute");
        if (n == "isolation_level") {
            check_connection(c);
            // Turning autocommit on ends the open transaction, as CPython 3.11 does.
            if (value == None && !sqlite3_get_autocommit(c->db)) run_simple(c, "COMMIT");
            set_isolation_level(c, value);
        } else {
            replace(n == "row_factory" ? c->row_factory : c->text_factory, value);
        }
        return;
    }
    if (n == "in_transaction" || n == "total_changes")
        raise(&AttributeError_type,
              format("attribute '%s' of 'sqlite3.Connection' objects is not writable", n.c_str()));
    builtin_generic_setattr(o, name, value);
}

const MethodDef kConnectionMethods[] = {
    {"__new__", connection_new_method, "Create and return a new object.", MethodKind::Static},
    {"__init__", connection_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"cursor", connection_cursor, "Return a cursor for the connection."},
    {"close", connection_close, "Close the database connection."},
    {"commit", connection_commit, "Commit any pending transaction to the database."},
    {"rollback", connection_rollback, "Roll back to the start of any pending transaction."},
    {"execute", connection_execute, "Executes an SQL statement."},
    {"executemany", connection_executemany, "Repeatedly executes an SQL statement."},
    {"executescript", connection_executescript, "Executes multiple SQL statements at once."},
    {"create_function", connection_create_function, "Creates a new function."},
    {"create_aggregate", connection_create_aggregate, "Creates a new aggregate."},
    {"create_window_function", connection_create_window_function,
     "Creates or redefines an aggregate window function. Non-standard."},
    {"create_collation", connection_create_collation, "Creates a collation function."},
    {"set_authorizer", connection_set_authorizer, "Sets authorizer callback."},
    {"set_progress_handler", connection_set_progress_handler, "Sets progress handler callback."},
    {"set_trace_callback", connection_set_trace_callback,
     "Sets a trace callback called for each SQL statement."},
    {"interrupt", connection_interrupt, "Abort any pending database operation."},
    {"iterdump", connection_iterdump, "Returns iterator to the dump of the database in an SQL text format."},
    {"serialize", connection_serialize, "Serialize a database into a byte string."},
    {"deserialize", connection_deserialize, "Load a serialized database."},
    {"blobopen", connection_blobopen, "Open and return a BLOB object."},
    {"backup", connection_backup, "Makes a backup of the database."},
    {"getlimit", connection_getlimit, "Get connection run-time limits."},
    {"setlimit", connection_setlimit, "Set connection run-time limits."},
    {"__enter__", connection_enter, "Called when the connection is used as a context manager."},
    {"__exit__", connection_exit, "Called when the connection is used as a context manager."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_connection_type() {
    Type& t = connection_type;
    t.name = "Connection";
    t.instance_size = sizeof(Connection);
    t.dealloc = connection_dealloc;
    t.traverse = connection_traverse;
    t.clear = connection_clear;
    t.getattr = connection_getattr;
    t.setattr = connection_setattr;
    t.construct = connection_construct;
    t.call = connection_call;
    t.methods = kConnectionMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    add_attribute_descriptors(
        &t, {"isolation_level", "in_transaction", "total_changes", "row_factory", "text_factory", "Warning",
             "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError", "IntegrityError",
             "InternalError", "ProgrammingError", "NotSupportedError"});
    allow_weak_references(&t);
}

}  // namespace minipy::sqlite
