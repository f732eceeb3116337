// sqlite.h — what the three files of the native `_sqlite3` module share: the Connection, Cursor and
// Row objects, the module's exception classes, adapting values (PEP 246's microprotocol, as
// CPython's sqlite3 does it) and raising the exception that matches an SQLite result code.
// sqlite_module.cpp holds the module, Row and the adapters; sqlite_connection.cpp the Connection and
// the Python callbacks that SQLite calls; sqlite_cursor.cpp the Cursor, binding and fetching;
// sqlite_blob.cpp the Blob of incremental BLOB I/O.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "objects/gc.h"
#include "objects/object.h"

namespace minipy::sqlite {

using Args = Object* const*;

// The exception classes, made at the first import (sqlite3.Error and the rest of PEP 249's).
struct Exceptions {
    Object *Warning, *Error, *InterfaceError, *DatabaseError, *DataError, *OperationalError, *IntegrityError,
        *InternalError, *ProgrammingError, *NotSupportedError;
};
extern Exceptions g_exc;
// Those classes by name, as the module and each connection (`con.Error`) expose them.
struct NamedException {
    const char* name;
    Object* cls;
};
std::vector<NamedException> named_exceptions();
extern Type connection_type, cursor_type, row_type, prepare_protocol_type, blob_type;
extern Dict* g_adapters;    // (type, PrepareProtocol) -> adapter
extern Dict* g_converters;  // upper-cased declared type name -> converter
extern bool g_callback_tracebacks;
// Whether an adapter was registered for int, float, str or bytearray: only then are values of those
// types adapted before binding (CPython's BaseTypeAdapted).
extern bool g_base_type_adapted;

enum ParseFlags { kParseDecltypes = 1, kParseColnames = 2 };

struct Connection : Object {
    MINIPY_GC_ALLOCATED
    sqlite3* db = nullptr;  // null before __init__ and after close()
    bool initialized = false;
    // Guards db against two threads at once (check_same_thread=False): statements run without the
    // GIL, and a callback they call may use the connection again on the same thread, hence recursive.
    std::recursive_mutex mutex;
    uint64_t thread_ident = 0;
    bool check_same_thread = false;  // __init__ sets it (an uninitialised one fails its own check)
    int detect_types = 0;
    bool isolation_none = false;     // isolation_level is None: autocommit, no implicit BEGIN
    std::string isolation_level;     // "", "DEFERRED", "IMMEDIATE" or "EXCLUSIVE"
    Object* row_factory = nullptr;   // owned
    Object* text_factory = nullptr;  // owned
    // Every Python callable handed to SQLite (functions, aggregates, collations, authorizer, progress
    // handler, trace callback), keyed by what it was registered as: the collector sees them here,
    // and SQLite's contexts borrow them from here.
    Dict* callables = nullptr;
};

struct Cursor : Object {
    MINIPY_GC_ALLOCATED
    Connection* connection = nullptr;  // owned
    bool initialized = false;
    bool closed = false;
    bool locked = false;            // inside execute: a nested use of the same cursor is refused
    sqlite3_stmt* stmt = nullptr;   // the statement whose rows are being fetched, or null
    bool has_row = false;           // stmt stands on a row not yet fetched
    Object* description = nullptr;  // owned: None or a tuple of 7-tuples
    Object* row_factory = nullptr;  // owned
    Object* lastrowid = nullptr;    // owned
    Object* converters = nullptr;   // owned: a tuple, one converter (or None) per column
    int64_t rowcount = -1;
    int64_t arraysize = 1;
};

Connection* as_connection(Object* o);
Cursor* as_cursor(Object* o);

// ---- errors ----
// Raises exception class `cls` with `message`, and with sqlite_errorcode/sqlite_errorname when
// `code` is not -1.
[[noreturn]] void raise_sqlite(Object* cls, const std::string& message, int code = -1);
// Raises the exception for the connection's last error (CPython's _pysqlite_seterror).
[[noreturn]] void raise_db_error(sqlite3* db);
// The checks at the top of nearly every method: "Cannot operate on a closed database." and the
// same-thread rule.
void check_connection(Connection* c);
void check_thread(Connection* c);

// ---- the GIL around SQLite ----
// Runs SQLite without the GIL (detached without one); a callback SQLite makes meanwhile takes it
// back for as long as it runs Python (CallbackScope).
class WithoutGil {
public:
    WithoutGil();
    ~WithoutGil();
    WithoutGil(const WithoutGil&) = delete;
    WithoutGil& operator=(const WithoutGil&) = delete;

private:
    bool was_detached_;
};
class CallbackScope {
public:
    CallbackScope();
    ~CallbackScope();
    CallbackScope(const CallbackScope&) = delete;
    CallbackScope& operator=(const CallbackScope&) = delete;

private:
    bool was_detached_;
};
// Takes the connection's lock, letting other threads run while it waits (the holder may be waiting
// for the GIL inside a callback).
std::unique_lock<std::recursive_mutex> lock_connection(Connection* c);
// Reports the exception a callback raised, with the callable as sys.unraisablehook's object, when
// enable_callback_tracebacks(True) asked for that.
void report_callback_error(Object* callable, Object* exc);

// SQL text for SQLite: UTF-8, refusing lone surrogates (UnicodeEncodeError) and text longer than
// the connection's SQLITE_LIMIT_SQL_LENGTH (DataError "query string is too large").
const std::string& sql_text(Connection* c, Object* sql);
// Raises CPython's UnicodeEncodeError when the str holds a lone surrogate.
void check_encodable(Object* str);

// ---- values ----
// CPython's pysqlite_microprotocols_adapt(obj, PrepareProtocol, alt): the adapted value, or `alt`
// (when not null) where nothing adapts it; raises ProgrammingError "can't adapt" otherwise.
Ref adapt_value(Object* obj, Object* alt);
// The bytes of a bytes-like value; BufferError for a memoryview that is not contiguous.
std::string buffer_bytes(Object* value);
// Binds one Python value to parameter `pos` (1-based) of `stmt`; false if its type is unsupported.
bool bind_value(sqlite3_stmt* stmt, int pos, Object* value);
// An SQLite value as Python: NULL None, INTEGER int, REAL float, TEXT str, BLOB bytes.
Ref value_to_python(sqlite3_value* v);
// Sets the result of a user-defined function from a Python value; false if its type is unsupported.
bool set_result(sqlite3_context* ctx, Object* value);
// Row(cursor, data).
Ref row_new(Object* cursor, Object* data);

// ---- the cursor, for the connection ----
Ref cursor_new_for(Connection* c, Object* factory);
Ref cursor_execute_method(Object*, Args args, size_t nargs, Tuple* kw);
Ref cursor_executemany_method(Object*, Args args, size_t nargs, Tuple* kw);
Ref cursor_executescript_method(Object*, Args args, size_t nargs, Tuple* kw);

// Runs a statement that returns no rows (COMMIT, ROLLBACK); begins the implicit transaction
// before a DML statement, with the connection's isolation level.
void run_simple(Connection* c, const char* sql);
void begin_transaction(Connection* c);

// Connection.blobopen(table, column, row, /, *, readonly=False, name="main"): a Blob.
Ref blob_open(Connection* c, Args args, size_t nargs, Tuple* kw);

void init_connection_type();
void init_blob_type();
void init_cursor_type();

}  // namespace minipy::sqlite
