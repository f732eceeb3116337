// sqlite_cursor.cpp — `_sqlite3.Cursor`: preparing a statement, binding its parameters (qmark `?`
// from a sequence, named `:name` from a mapping, each value adapted first), running it without the
// GIL, and fetching its rows through converters, the text factory and the row factory, with
// CPython 3.11's rowcount, lastrowid and description. Statements are prepared afresh each time:
// there is no statement cache (cached_statements is accepted and ignored).
#include <cstring>

#include "modules/sqlite.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/format.h"

namespace minipy::sqlite {

Type cursor_type;

Cursor* as_cursor(Object* o) { return static_cast<Cursor*>(o); }

namespace {

void replace(Object*& field, Object* value) {
    Object* old = field;
    field = value ? newref(value) : nullptr;
    xdecref(old);
}

void finalize_statement(Cursor* cu) {
    if (cu->stmt) sqlite3_finalize(cu->stmt);
    cu->stmt = nullptr;
    cu->has_row = false;
}

// Marks the cursor busy while Python code it runs (parameters, adapters, converters) might use it
// again: CPython's "Recursive use of cursors not allowed."
struct Locked {
    Cursor* cu;
    explicit Locked(Cursor* c) : cu(c) { cu->locked = true; }
    ~Locked() { cu->locked = false; }
    Locked(const Locked&) = delete;
    Locked& operator=(const Locked&) = delete;
};

[[noreturn]] void raise_recursive_use() {
    raise_sqlite(g_exc.ProgrammingError, "Recursive use of cursors not allowed.");
}

// The checks before each cursor operation, in CPython's order.
Connection* usable(Cursor* cu) {
    if (!cu->initialized) raise_sqlite(g_exc.ProgrammingError, "Base Cursor.__init__ not called.");
    if (cu->locked) raise_recursive_use();
    if (cu->closed) raise_sqlite(g_exc.ProgrammingError, "Cannot operate on a closed cursor.");
    check_thread(cu->connection);
    check_connection(cu->connection);
    return cu->connection;
}

// ---- construction ----

Ref cursor_init(Object*, Args args, size_t nargs, Tuple* kw);

void cursor_setup(Cursor* cu, Args args, size_t nargs, Tuple* kw) {
    if (cu->locked) raise_recursive_use();
    if (kw && kw->size) raise(&TypeError_type, "Cursor() takes no keyword arguments");
    if (nargs != 1) raise_arg_count("Cursor", 1, 1, nargs);
    if (!is_instance(args[0], &connection_type))
        raise(&TypeError_type, format("Cursor() argument 1 must be sqlite3.Connection, not %s",
                                      type_of(args[0])->name.c_str()));
    Connection* old = cu->connection;
    cu->connection = as_connection(newref(args[0]));
    xdecref(old);
    replace(cu->description, None);
    replace(cu->row_factory, None);
    replace(cu->lastrowid, None);
    cu->rowcount = -1;
    cu->arraysize = 1;
    cu->initialized = true;
}

Ref cursor_init(Object*, Args args, size_t nargs, Tuple* kw) {
    cursor_setup(as_cursor(args[0]), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

// Cursor.__new__(cls, *args, **kwargs): an instance that __init__ has not set up yet.
Ref cursor_new_method(Object*, Args args, size_t nargs, Tuple*) {
    if (nargs < 1 || !is_type(args[0]) || !is_subtype(static_cast<Type*>(args[0]), &cursor_type))
        raise(&TypeError_type, "Cursor.__new__(X): X is not a subtype of sqlite3.Cursor");
    return Ref::steal(new_object_of<Cursor>(static_cast<Type*>(args[0])));
}

Ref cursor_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    auto* cu = new_object_of<Cursor>(t);
    Ref self = Ref::steal(cu);
    if (t == &cursor_type || inherits_native_init(t, cursor_init)) cursor_setup(cu, args, nargs, kw);
    return self;
}

void cursor_traverse(Object* o, VisitProc visit, void* arg) {
    Cursor* cu = as_cursor(o);
    for (Object* ref : {static_cast<Object*>(cu->connection), cu->description, cu->row_factory, cu->lastrowid,
                        cu->converters})
        if (ref) visit(ref, arg);
}

void cursor_clear(Object* o) {
    Cursor* cu = as_cursor(o);
    finalize_statement(cu);
    Object* refs[5] = {cu->connection, cu->description, cu->row_factory, cu->lastrowid, cu->converters};
    cu->connection = nullptr;
    cu->description = cu->row_factory = cu->lastrowid = cu->converters = nullptr;
    for (Object* ref : refs) xdecref(ref);
}

void cursor_dealloc(Object* o) {
    weakrefs_clear(o);
    cursor_clear(o);
    delete_object_of(as_cursor(o));
}

// ---- preparing ----

// Skips blanks and SQL comments; what is left of a statement's tail must be nothing.
const char* skip_blanks_and_comments(const char* p) {
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') ++p;
        if (p[0] == '-' && p[1] == '-') {
            while (*p && *p != '\n') ++p;
        } else if (p[0] == '/' && p[1] == '*') {
            const char* end = std::strstr(p + 2, "*/");
            if (!end) return p + std::strlen(p);
            p = end + 2;
        } else {
            return p;
        }
    }
}

// INSERT, UPDATE, DELETE and REPLACE: what opens an implicit transaction and counts in rowcount.
bool is_dml(const char* sql) {
    const char* p = skip_blanks_and_comments(sql);
    for (const char* word : {"insert", "update", "delete", "replace"}) {
        size_t n = std::strlen(word);
        if (strncasecmp(p, word, n) == 0) return true;
    }
    return false;
}

sqlite3_stmt* prepare(Connection* c, const std::string& sql) {
    if (sql.find('\0') != std::string::npos)
        raise_sqlite(g_exc.ProgrammingError, "the query contains a null character");
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc;
    {
        WithoutGil unblocked;
        rc = sqlite3_prepare_v2(c->db, sql.c_str(), static_cast<int>(sql.size()) + 1, &stmt, &tail);
    }
    if (rc != SQLITE_OK) raise_db_error(c->db);
    if (tail && *skip_blanks_and_comments(tail)) {
        sqlite3_finalize(stmt);
        raise_sqlite(g_exc.ProgrammingError, "You can only execute one statement at a time.");
    }
    return stmt;
}

// ---- binding ----

// int, float, str and bytearray go to SQLite as they are; everything else is adapted first.
Ref adapted(Object* v) {
    Type* t = type_of(v);
    if (!g_base_type_adapted &&
        (t == &int_type || t == &float_type || t == &str_type || t == &bytearray_type))
        return Ref::borrow(v);
    return adapt_value(v, v);
}

void bind_one(sqlite3_stmt* stmt, int pos, Object* value) {
    Ref v = adapted(value);
    if (!bind_value(stmt, pos, v.get()))
        raise_sqlite(g_exc.ProgrammingError, format("Error binding parameter %d: type '%s' is not supported",
                                                    pos, type_of(v.get())->name.c_str()));
}

void bind_parameters(sqlite3_stmt* stmt, Object* params) {
    int count = sqlite3_bind_parameter_count(stmt);
    Type* t = type_of(params);
    bool is_mapping = is_instance(params, &dict_type);
    if (t == &tuple_type || t == &list_type || (!is_mapping && t->getitem && t->len)) {
        int64_t given = length(params);
        if (given != count)
            raise_sqlite(
                g_exc.ProgrammingError,
                format("Incorrect number of bindings supplied. The current statement uses %d, and there "
                       "are %lld supplied.",
                       count, static_cast<long long>(given)));
        for (int i = 0; i < count; ++i) {
            Ref index = int_from_i64(i);
            Ref item = get_item(params, index.get());
            bind_one(stmt, i + 1, item.get());
        }
        return;
    }
    if (!is_mapping) raise_sqlite(g_exc.ProgrammingError, "parameters are of unsupported type");
    for (int i = 1; i <= count; ++i) {
        const char* name = sqlite3_bind_parameter_name(stmt, i);
        if (!name)
            raise_sqlite(
                g_exc.ProgrammingError,
                format("Binding %d has no name, but you supplied a dictionary (which has only names).", i));
        Ref key = str_new(name + 1);
        Ref item;
        try {
            item = get_item(params, key.get());
        } catch (const PyException& e) {
            if (!is_instance(e.exception(), &KeyError_type)) throw;
            raise_sqlite(g_exc.ProgrammingError,
                         format("You did not supply a value for binding parameter %s.", name));
        }
        bind_one(stmt, i, item.get());
    }
}

// ---- columns ----

// The column's name for description: with PARSE_COLNAMES, "x [type]" is named "x".
Ref column_name(Connection* c, sqlite3_stmt* stmt, int i) {
    const char* name = sqlite3_column_name(stmt, i);
    if (!name) raise(&MemoryError_type, "");
    size_t len = std::strlen(name);
    if (c->detect_types & kParseColnames) {
        if (const char* bracket = std::strchr(name, '[')) {
            len = static_cast<size_t>(bracket - name);
            if (len > 0 && name[len - 1] == ' ') --len;
        }
    }
    return str_new(std::string_view(name, len));
}

Object* find_converter(const std::string& type_name) {
    std::string upper = type_name;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    Ref key = str_new(upper);
    Ref conv = dict_get_ref(g_converters, key.get());
    return conv ? conv.get() : None;  // the dict keeps it alive
}

// One converter (or None) per column, by PARSE_COLNAMES' "[type]" first, then the declared type.
Ref column_converters(Connection* c, sqlite3_stmt* stmt, int columns) {
    Ref list = tuple_new(static_cast<size_t>(columns));
    for (int i = 0; i < columns; ++i) {
        Object* conv = None;
        if (c->detect_types & kParseColnames) {
            const char* name = sqlite3_column_name(stmt, i);
            const char* open = name ? std::strchr(name, '[') : nullptr;
            const char* close = open ? std::strchr(open, ']') : nullptr;
            if (close) conv = find_converter(std::string(open + 1, close));
        }
        if (conv == None && (c->detect_types & kParseDecltypes)) {
            if (const char* decl = sqlite3_column_decltype(stmt, i)) {
                size_t n = std::strcspn(decl, " (");
                conv = find_converter(std::string(decl, n));
            }
        }
        as_tuple(list.get())->items[i] = newref(conv);
    }
    return list;
}

Ref column_value(Cursor* cu, int i) {
    sqlite3_stmt* stmt = cu->stmt;
    int type = sqlite3_column_type(stmt, i);
    Object* conv = cu->converters ? as_tuple(cu->converters)->items[i] : None;
    if (conv != None && type != SQLITE_NULL) {
        const void* blob = sqlite3_column_blob(stmt, i);
        if (!blob) return Ref::borrow(None);  // a zero-length value, as CPython
        Ref raw = bytes_new(std::string_view(static_cast<const char*>(blob), sqlite3_column_bytes(stmt, i)));
        return call1(conv, raw.get());
    }
    switch (type) {
        case SQLITE_INTEGER:
            return int_from_i64(sqlite3_column_int64(stmt, i));
        case SQLITE_FLOAT:
            return float_new(sqlite3_column_double(stmt, i));
        case SQLITE_TEXT: {
            const char* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            std::string_view data(text, static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
            Object* factory = cu->connection->text_factory;
            if (factory == &str_type) {
                try {
                    Ref utf8 = str_new("utf-8");
                    return bytes_decode(data, utf8.get(), nullptr);
                } catch (const PyException& e) {
                    if (!is_instance(e.exception(), &UnicodeDecodeError_type)) throw;
                    raise_sqlite(
                        g_exc.OperationalError,
                        format("Could not decode to UTF-8 column '%s' with text '%.*s'",
                               sqlite3_column_name(stmt, i), static_cast<int>(data.size()), data.data()));
                }
            }
            Ref raw = bytes_new(data);
            if (factory == &bytes_type) return raw;
            return call1(factory, raw.get());
        }
        case SQLITE_BLOB: {
            const void* blob = sqlite3_column_blob(stmt, i);
            return bytes_new(std::string_view(static_cast<const char*>(blob), sqlite3_column_bytes(stmt, i)));
        }
        default:
            return Ref::borrow(None);
    }
}

// Steps the statement without the GIL; true on a row. An error leaves no row and raises.
bool step(Cursor* cu) {
    Connection* c = cu->connection;
    int rc;
    {
        WithoutGil unblocked;
        rc = sqlite3_step(cu->stmt);
    }
    if (rc == SQLITE_ROW) return cu->has_row = true;
    cu->has_row = false;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(cu->stmt);
    raise_db_error(c->db);
}

// ---- executing ----

// execute and executemany: one statement, run once per parameter set.
void run(Cursor* cu, Object* sql, Object* param_sets, bool many, const char* fname) {
    Connection* c = usable(cu);
    if (!is_instance(sql, &str_type))
        raise(&TypeError_type,
              format("%s() argument 1 must be str, not %s", fname, type_of(sql)->name.c_str()));
    auto guard = lock_connection(c);
    // The parameters may run Python (an iterator, an adapter) that uses this cursor again.
    Locked locked(cu);
    finalize_statement(cu);
    replace(cu->description, None);
    replace(cu->converters, nullptr);
    cu->rowcount = -1;
    const std::string& text = sql_text(c, sql);
    cu->stmt = prepare(c, text);
    if (!cu->stmt) return;  // nothing but blanks and comments
    bool dml = is_dml(text.c_str());
    if (many && !dml) {
        finalize_statement(cu);
        raise_sqlite(g_exc.ProgrammingError, "executemany() can only execute DML statements.");
    }
    if (dml) cu->rowcount = 0;
    if (dml && !c->isolation_none && sqlite3_get_autocommit(c->db)) begin_transaction(c);
    auto run_once = [&](Object* params) {
        sqlite3_reset(cu->stmt);
        sqlite3_clear_bindings(cu->stmt);
        bind_parameters(cu->stmt, params);
        step(cu);
        if (dml) cu->rowcount += sqlite3_changes(c->db);
        // CPython 3.11 leaves lastrowid alone in executemany.
        if (!many) replace(cu->lastrowid, int_from_i64(sqlite3_last_insert_rowid(c->db)).get());
    };
    if (many) {
        Ref it = get_iter(param_sets);
        while (Ref params = iter_next(it.get())) run_once(params.get());
    } else {
        run_once(param_sets ? param_sets : empty_tuple());
    }
    int columns = sqlite3_column_count(cu->stmt);
    if (columns > 0) {
        Ref description = tuple_new(static_cast<size_t>(columns));
        for (int i = 0; i < columns; ++i) {
            Ref entry = tuple_new(7);
            as_tuple(entry.get())->items[0] = column_name(c, cu->stmt, i).release();
            for (size_t k = 1; k < 7; ++k) as_tuple(entry.get())->items[k] = newref(None);
            as_tuple(description.get())->items[i] = entry.release();
        }
        replace(cu->description, description.get());
        if (c->detect_types) replace(cu->converters, column_converters(c, cu->stmt, columns).get());
    }
    if (!cu->has_row) finalize_statement(cu);
}

// execute(sql, parameters=(), /) and executemany(sql, seq_of_parameters, /): `many` runs the
// statement once per parameter set.
Ref execute_method(const char* name, const char* params_name, bool many, Args args, size_t nargs, Tuple* kw) {
    const char* const names[] = {"sql", params_name};
    Object* a[2];
    if (kw && kw->size) raise_no_kwargs(name);
    bind_args(name, args + 1, nargs - 1, kw, names, 2, many ? 2 : 1, a);
    run(as_cursor(args[0]), a[0], a[1], many, name);
    return Ref::borrow(args[0]);
}

}  // namespace

Ref cursor_execute_method(Object*, Args args, size_t nargs, Tuple* kw) {
    return execute_method("execute", "parameters", false, args, nargs, kw);
}

Ref cursor_executemany_method(Object*, Args args, size_t nargs, Tuple* kw) {
    return execute_method("executemany", "seq_of_parameters", true, args, nargs, kw);
}

// executescript(sql_script, /): commits a pending transaction, then runs every statement.
Ref cursor_executescript_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("executescript", nargs - 1, kw, 1, 1);
    Cursor* cu = as_cursor(args[0]);
    Connection* c = usable(cu);
    Object* script = args[1];
    if (!is_instance(script, &str_type))
        raise(&TypeError_type,
              format("executescript() argument must be str, not %s", type_of(script)->name.c_str()));
    const std::string& text = sql_text(c, script);
    if (text.find('\0') != std::string::npos) raise(&ValueError_type, "embedded null character");
    auto guard = lock_connection(c);
    finalize_statement(cu);
    if (!sqlite3_get_autocommit(c->db)) run_simple(c, "COMMIT");
    const char* p = text.c_str();
    for (;;) {
        sqlite3_stmt* stmt = nullptr;
        const char* tail = nullptr;
        int rc;
        {
            WithoutGil unblocked;
            rc = sqlite3_prepare_v2(c->db, p, -1, &stmt, &tail);
            if (rc == SQLITE_OK && stmt) {
                do rc = sqlite3_step(stmt);
                while (rc == SQLITE_ROW);
                sqlite3_finalize(stmt);
            }
        }
        if (rc != SQLITE_OK && rc != SQLITE_DONE) raise_db_error(c->db);
        if (!tail || !*skip_blanks_and_comments(tail)) break;
        p = tail;
    }
    return Ref::borrow(args[0]);
}

namespace {

Ref fetch_row(Cursor* cu) {
    Connection* c = usable(cu);
    if (!cu->stmt || !cu->has_row) return nullptr;
    auto guard = lock_connection(c);
    int columns = sqlite3_data_count(cu->stmt);
    Ref row = tuple_new(static_cast<size_t>(columns));
    {
        // Converters run Python that may try to use this cursor again.
        Locked locked(cu);
        for (int i = 0; i < columns; ++i) as_tuple(row.get())->items[i] = column_value(cu, i).release();
        if (!step(cu)) finalize_statement(cu);
    }
    if (cu->row_factory != None) {
        Object* call_args[2] = {cu, row.get()};
        return call(cu->row_factory, call_args, 2);
    }
    return row;
}

Ref cursor_fetchone(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fetchone", nargs - 1, kw, 0, 0);
    Ref row = fetch_row(as_cursor(args[0]));
    return row ? row : Ref::borrow(None);
}

Ref cursor_fetchmany(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"size"};
    Object* a[1];
    bind_args("fetchmany", args + 1, nargs - 1, kw, kNames, 1, 0, a);
    Cursor* cu = as_cursor(args[0]);
    int64_t size = a[0] ? as_index(a[0]) : cu->arraysize;
    Ref rows = list_new();
    for (int64_t i = 0; i < size; ++i) {
        Ref row = fetch_row(cu);
        if (!row) break;
        list_append(rows.get(), row.get());
    }
    return rows;
}

Ref cursor_fetchall(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fetchall", nargs - 1, kw, 0, 0);
    Ref rows = list_new();
    while (Ref row = fetch_row(as_cursor(args[0]))) list_append(rows.get(), row.get());
    return rows;
}

Ref cursor_next(Object* o) { return fetch_row(as_cursor(o)); }

Ref cursor_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    Cursor* cu = as_cursor(args[0]);
    if (!cu->initialized) raise_sqlite(g_exc.ProgrammingError, "Base Cursor.__init__ not called.");
    if (cu->locked) raise_recursive_use();
    if (cu->connection->initialized) check_thread(cu->connection);
    finalize_statement(cu);
    cu->closed = true;
    return Ref::borrow(None);
}

Ref cursor_nothing(Object*, Args, size_t, Tuple*) { return Ref::borrow(None); }

Ref cursor_getattr(Object* o, Str* name) {
    Cursor* cu = as_cursor(o);
    const std::string& n = name->utf8;
    if (n == "description") return Ref::borrow(cu->description ? cu->description : None);
    if (n == "rowcount") return int_from_i64(cu->rowcount);
    if (n == "lastrowid") return Ref::borrow(cu->lastrowid ? cu->lastrowid : None);
    if (n == "arraysize") return int_from_i64(cu->arraysize);
    if (n == "connection") return Ref::borrow(cu->connection ? static_cast<Object*>(cu->connection) : None);
    if (n == "row_factory") return Ref::borrow(cu->row_factory ? cu->row_factory : None);
    return generic_getattr(o, name);
}

void cursor_setattr(Object* o, Str* name, Object* value) {
    Cursor* cu = as_cursor(o);
    const std::string& n = name->utf8;
    if (n == "arraysize") {
        if (!value) raise(&AttributeError_type, "cannot delete attribute");
        cu->arraysize = as_index(value);
        return;
    }
    if (n == "row_factory") {
        replace(cu->row_factory, value ? value : None);
        return;
    }
    if (n == "description" || n == "rowcount" || n == "lastrowid" || n == "connection")
        raise(&AttributeError_type, format("readonly attribute"));
    builtin_generic_setattr(o, name, value);
}

const MethodDef kCursorMethods[] = {
    {"__new__", cursor_new_method, "Create and return a new object.", MethodKind::Static},
    {"__init__", cursor_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"execute", cursor_execute_method, "Executes an SQL statement."},
    {"executemany", cursor_executemany_method, "Repeatedly executes an SQL statement."},
    {"executescript", cursor_executescript_method, "Executes multiple SQL statements at once."},
    {"fetchone", cursor_fetchone, "Fetches one row from the resultset."},
    {"fetchmany", cursor_fetchmany, "Fetches several rows from the resultset."},
    {"fetchall", cursor_fetchall, "Fetches all rows from the resultset."},
    {"close", cursor_close, "Closes the cursor."},
    {"setinputsizes", cursor_nothing, "Required by DB-API. Does nothing in sqlite3."},
    {"setoutputsize", cursor_nothing, "Required by DB-API. Does nothing in sqlite3."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

// Connection.cursor(factory=Cursor): the cursor takes the connection's row_factory.
Ref cursor_new_for(Connection* c, Object* factory) {
    Ref cursor = factory ? call1(factory, c) : call1(&cursor_type, c);
    if (!is_instance(cursor.get(), &cursor_type))
        raise(&TypeError_type,
              format("factory must return a cursor, not %s", type_of(cursor.get())->name.c_str()));
    if (c->row_factory != None) replace(as_cursor(cursor.get())->row_factory, c->row_factory);
    return cursor;
}

void init_cursor_type() {
    Type& t = cursor_type;
    t.name = "Cursor";
    t.instance_size = sizeof(Cursor);
    t.dealloc = cursor_dealloc;
    t.traverse = cursor_traverse;
    t.clear = cursor_clear;
    t.getattr = cursor_getattr;
    t.setattr = cursor_setattr;
    t.construct = cursor_construct;
    t.iter = [](Object* o) { return Ref::borrow(o); };
    t.next = cursor_next;
    t.methods = kCursorMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    add_attribute_descriptors(
        &t, {"description", "rowcount", "lastrowid", "arraysize", "connection", "row_factory"});
    allow_weak_references(&t);
}

}  // namespace minipy::sqlite
