// csv_module.cpp — the native `_csv` that CPython's Lib/csv.py is built on: Dialect (the checked
// set of formatting options), reader (a state machine over the characters of each input line),
// writer (quoting and escaping each field), the dialect registry and the field size limit, with
// CPython 3.11's behaviour and error texts.
#include <atomic>
#include <string>
#include <vector>

#include "modules/exception_class.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/format.h"

namespace minipy {

namespace {

using Args = Object* const*;

// A character option that is not set (quotechar=None, no escapechar): no input character equals it.
constexpr int32_t kNotSet = -1;
// The end of an input line, fed to the parser after its last character (never a real character).
constexpr int32_t kEndOfLine = -2;

enum Quoting { kQuoteMinimal = 0, kQuoteAll = 1, kQuoteNonNumeric = 2, kQuoteNone = 3 };

Type dialect_type, reader_type, writer_type;
Object* g_error = nullptr;   // _csv.Error, made at the first import
Dict* g_dialects = nullptr;  // the registry: name -> Dialect
std::atomic<int64_t> g_field_limit{128 * 1024};

[[noreturn]] void csv_error(const std::string& message) {
    raise_object(call1(g_error, str_new(message).get()));
}

// ---- Dialect ----

// Immutable once made, so readers and writers on several threads share one freely.
struct Dialect : Object {
    int32_t delimiter = ',';
    int32_t quotechar = '"';
    int32_t escapechar = kNotSet;
    bool doublequote = true;
    bool skipinitialspace = false;
    bool strict = false;
    int quoting = kQuoteMinimal;
    std::u32string lineterminator = U"\r\n";
};

Dialect* as_dialect(Object* o) { return static_cast<Dialect*>(o); }

std::u32string code_points(Object* s) {
    std::u32string out;
    const std::string& utf8 = str_utf8_of(s);
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) out.push_back(utf8_decode(p));
    return out;
}

// delimiter: a str of one character. quotechar and escapechar: that, or None (not set).
int32_t char_option(const char* name, Object* v, bool none_allowed) {
    if (none_allowed && v == None) return kNotSet;
    if (!is_instance(v, &str_type))
        raise(&TypeError_type, format("\"%s\" must be string%s, not %s", name, none_allowed ? " or None" : "",
                                      type_of(v)->name.c_str()));
    std::u32string text = code_points(v);
    if (text.size() != 1) raise(&TypeError_type, format("\"%s\" must be a 1-character string", name));
    return static_cast<int32_t>(text[0]);
}

int quoting_option(Object* v) {
    if (type_of(v) != &int_type) raise(&TypeError_type, "\"quoting\" must be an integer");
    int64_t n;
    if (!int_to_i64(v, &n) || n < INT32_MIN || n > INT32_MAX)
        raise(&OverflowError_type, "Python int too large to convert to C int");
    if (n < kQuoteMinimal || n > kQuoteNone) raise(&TypeError_type, "bad \"quoting\" value");
    return static_cast<int>(n);
}

const char* const kDialectNames[] = {"dialect",    "delimiter",        "doublequote",
                                     "escapechar", "lineterminator",   "quotechar",
                                     "quoting",    "skipinitialspace", "strict"};
constexpr size_t kOptionCount = 8;  // the names after "dialect"

Ref dialect_from_registry(Object* name) {
    Ref found = dict_get_ref(g_dialects, name);
    if (!found) csv_error("unknown dialect");
    return found;
}

// Dialect(dialect=None, **options): the options given, else those of `dialect` (a registered
// name, a Dialect, or any object with the attributes, as csv.excel), else the defaults.
Ref dialect_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    size_t given_count = nargs + (kw ? kw->size : 0);
    if (given_count > 9)
        raise(&TypeError_type, format("function takes at most 9 arguments (%zu given)", given_count));
    for (size_t k = 0; kw && k < kw->size; ++k) {
        const std::string& key = str_utf8_of(kw->items[k]);
        bool known = false;
        for (const char* name : kDialectNames) known = known || key == name;
        if (!known)
            raise(&TypeError_type,
                  format("'%s' is an invalid keyword argument for this function", key.c_str()));
    }
    Object* bound[9];
    bind_args("Dialect", args, nargs, kw, kDialectNames, 9, 0, bound);
    Ref base;
    if (bound[0])
        base = is_instance(bound[0], &str_type) ? dialect_from_registry(bound[0]) : Ref::borrow(bound[0]);
    Object** given = bound + 1;
    bool none_given = true;
    for (size_t i = 0; i < kOptionCount; ++i) none_given = none_given && !given[i];
    if (base && type_of(base.get()) == &dialect_type && none_given) return base;

    Ref options[kOptionCount];
    for (size_t i = 0; i < kOptionCount; ++i) {
        if (given[i]) {
            options[i] = Ref::borrow(given[i]);
        } else if (base) {
            try {
                options[i] = find_attr(base.get(), intern(kDialectNames[i + 1]));
            } catch (const PyException&) {  // an attribute that fails to read counts as missing
            }
        }
    }
    auto* d = new Dialect();
    init_header(d, &dialect_type);
    Ref self = Ref::steal(d);
    enum { kDelimiter, kDoublequote, kEscapechar, kLineterminator, kQuotechar, kQuoting, kSkip, kStrict };
    if (options[kDelimiter]) d->delimiter = char_option("delimiter", options[kDelimiter].get(), false);
    if (options[kDoublequote]) d->doublequote = is_true(options[kDoublequote].get());
    if (options[kEscapechar]) d->escapechar = char_option("escapechar", options[kEscapechar].get(), true);
    bool no_terminator = false;
    if (Object* v = options[kLineterminator].get()) {
        if (v == None) {
            no_terminator = true;
        } else if (!is_instance(v, &str_type)) {
            raise(&TypeError_type, "\"lineterminator\" must be a string");
        } else {
            d->lineterminator = code_points(v);
        }
    }
    if (options[kQuotechar]) d->quotechar = char_option("quotechar", options[kQuotechar].get(), true);
    if (options[kQuoting]) d->quoting = quoting_option(options[kQuoting].get());
    if (options[kSkip]) d->skipinitialspace = is_true(options[kSkip].get());
    if (options[kStrict]) d->strict = is_true(options[kStrict].get());
    // quotechar=None alone means no quoting at all.
    if (options[kQuotechar].get() == None && !options[kQuoting]) d->quoting = kQuoteNone;
    if (d->quoting != kQuoteNone && d->quotechar == kNotSet)
        raise(&TypeError_type, "quotechar must be set if quoting enabled");
    if (no_terminator) raise(&TypeError_type, "lineterminator must be set");
    return self;
}

Ref char_or_none(int32_t c) {
    return c == kNotSet ? Ref::borrow(None) : str_from_codepoint(static_cast<uint32_t>(c));
}

Ref str_of(const std::u32string& text) {
    std::string utf8;
    for (char32_t c : text) utf8_append(utf8, c);
    return str_new(utf8);
}

Ref dialect_getattr(Object* o, Str* name) {
    Dialect* d = as_dialect(o);
    const std::string& n = name->utf8;
    if (n == "delimiter") return char_or_none(d->delimiter);
    if (n == "quotechar") return char_or_none(d->quotechar);
    if (n == "escapechar") return char_or_none(d->escapechar);
    if (n == "lineterminator") return str_of(d->lineterminator);
    if (n == "quoting") return int_from_i64(d->quoting);
    if (n == "doublequote") return Ref::borrow(bool_obj(d->doublequote));
    if (n == "skipinitialspace") return Ref::borrow(bool_obj(d->skipinitialspace));
    if (n == "strict") return Ref::borrow(bool_obj(d->strict));
    return generic_getattr(o, name);
}

// Every attribute is read-only, with CPython's two texts (getset properties and int members).
void dialect_setattr(Object* o, Str* name, Object*) {
    const std::string& n = name->utf8;
    if (n == "delimiter" || n == "quotechar" || n == "escapechar" || n == "lineterminator" || n == "quoting")
        raise(&AttributeError_type,
              format("attribute '%s' of '_csv.Dialect' objects is not writable", n.c_str()));
    if (n == "doublequote" || n == "skipinitialspace" || n == "strict")
        raise(&AttributeError_type, "readonly attribute");
    raise_no_attribute(o, name);
}

// The Dialect for reader()/writer()/register_dialect(): Dialect(dialect, **options).
Ref make_dialect(Object* dialect, Args kwvalues, Tuple* kw) {
    size_t nkw = kw ? kw->size : 0;
    std::vector<Object*> argv;
    if (dialect) argv.push_back(dialect);
    argv.insert(argv.end(), kwvalues, kwvalues + nkw);
    return dialect_construct(nullptr, argv.data(), dialect ? 1 : 0, kw);
}

// reader(iterable, [dialect], **options) and writer(file, [dialect], **options): the first two
// positional arguments, CPython's messages for too few or many.
void two_positional(size_t nargs) {
    if (nargs < 1) raise(&TypeError_type, " expected at least 1 argument, got 0");
    if (nargs > 2) raise(&TypeError_type, format(" expected at most 2 arguments, got %zu", nargs));
}

// ---- reader ----

enum class ParseState {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrNl,
    AfterEscapedCrNl,
};

struct Reader : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;          // guards the parse state below, for threads sharing one reader
    Object* input = nullptr;    // owned: the iterator of lines
    Object* dialect = nullptr;  // owned
    Object* fields = nullptr;   // owned: the record being read, a list; null between records
    ParseState state = ParseState::StartRecord;
    std::u32string field;
    bool numeric_field = false;
    uint64_t line_num = 0;
};

Reader* as_reader(Object* o) { return static_cast<Reader*>(o); }

void save_field(Reader* r) {
    Ref text = str_of(r->field);
    r->field.clear();
    if (r->numeric_field) {
        r->numeric_field = false;
        text = call1(&float_type, text.get());
    }
    list_append(r->fields, text.get());
}

void add_char(Reader* r, int32_t c) {
    if (static_cast<int64_t>(r->field.size()) >= g_field_limit.load(std::memory_order_relaxed))
        csv_error(format("field larger than field limit (%lld)",
                         static_cast<long long>(g_field_limit.load(std::memory_order_relaxed))));
    r->field.push_back(static_cast<char32_t>(c));
}

bool is_newline(int32_t c) { return c == '\n' || c == '\r'; }

// Ends the field at a line end: the record continues past '\r'/'\n' only as far as the line's end.
void end_line_in_field(Reader* r, int32_t c) {
    save_field(r);
    r->state = c == kEndOfLine ? ParseState::StartRecord : ParseState::EatCrNl;
}

// One step of the state machine of CPython's Modules/_csv.c.
void parse_char(Reader* r, const Dialect* d, int32_t c) {
    switch (r->state) {
        case ParseState::StartRecord:
            if (c == kEndOfLine) return;  // an empty line: an empty record
            if (is_newline(c)) {
                r->state = ParseState::EatCrNl;
                return;
            }
            r->state = ParseState::StartField;
            [[fallthrough]];
        case ParseState::StartField:
            if (is_newline(c) || c == kEndOfLine) {
                end_line_in_field(r, c);
            } else if (c == d->quotechar && d->quoting != kQuoteNone) {
                r->state = ParseState::InQuotedField;
            } else if (c == d->escapechar) {
                r->state = ParseState::EscapedChar;
            } else if (c == ' ' && d->skipinitialspace) {
            } else if (c == d->delimiter) {
                save_field(r);
            } else {
                if (d->quoting == kQuoteNonNumeric) r->numeric_field = true;
                add_char(r, c);
                r->state = ParseState::InField;
            }
            return;
        case ParseState::EscapedChar:
            if (is_newline(c)) {
                add_char(r, c);
                r->state = ParseState::AfterEscapedCrNl;
                return;
            }
            add_char(r, c == kEndOfLine ? '\n' : c);
            r->state = ParseState::InField;
            return;
        case ParseState::AfterEscapedCrNl:
            if (c == kEndOfLine) return;
            [[fallthrough]];
        case ParseState::InField:
            if (is_newline(c) || c == kEndOfLine) {
                end_line_in_field(r, c);
            } else if (c == d->escapechar) {
                r->state = ParseState::EscapedChar;
            } else if (c == d->delimiter) {
                save_field(r);
                r->state = ParseState::StartField;
            } else {
                add_char(r, c);
            }
            return;
        case ParseState::InQuotedField:
            if (c == kEndOfLine) {
            } else if (c == d->escapechar) {
                r->state = ParseState::EscapeInQuotedField;
            } else if (c == d->quotechar && d->quoting != kQuoteNone) {
                r->state = d->doublequote ? ParseState::QuoteInQuotedField : ParseState::InField;
            } else {
                add_char(r, c);
            }
            return;
        case ParseState::EscapeInQuotedField:
            add_char(r, c == kEndOfLine ? '\n' : c);
            r->state = ParseState::InQuotedField;
            return;
        case ParseState::QuoteInQuotedField:
            if (d->quoting != kQuoteNone && c == d->quotechar) {  // a doubled quote
                add_char(r, c);
                r->state = ParseState::InQuotedField;
            } else if (c == d->delimiter) {
                save_field(r);
                r->state = ParseState::StartField;
            } else if (is_newline(c) || c == kEndOfLine) {
                end_line_in_field(r, c);
            } else if (!d->strict) {
                add_char(r, c);
                r->state = ParseState::InField;
            } else {
                std::string delimiter, quote;
                utf8_append(delimiter, static_cast<uint32_t>(d->delimiter));
                utf8_append(quote, static_cast<uint32_t>(d->quotechar));
                csv_error(format("'%s' expected after '%s'", delimiter.c_str(), quote.c_str()));
            }
            return;
        case ParseState::EatCrNl:
            if (is_newline(c)) return;
            if (c == kEndOfLine) {
                r->state = ParseState::StartRecord;
                return;
            }
            csv_error(
                "new-line character seen in unquoted field - do you need to open the file in "
                "universal-newline mode?");
    }
}

// The record parsed so far, handed out; a fresh one starts.
Ref take_record(Reader* r) {
    Ref record = Ref::steal(r->fields);
    r->fields = nullptr;
    return record;
}

void start_record(Reader* r) {
    Ref fresh = list_new();
    xdecref(r->fields);
    r->fields = fresh.release();
    r->field.clear();
    r->state = ParseState::StartRecord;
    r->numeric_field = false;
}

// next(reader): reads lines until a record ends. A record cut off by the end of the input is
// returned as it stands, or is an error in strict mode.
Ref reader_next(Object* o) {
    Reader* r = as_reader(o);
    const Dialect* d = as_dialect(r->dialect);
    {
        CriticalSection cs(r->mutex);
        start_record(r);
    }
    for (;;) {
        Ref line = iter_next(r->input);  // Python code may run: not under the lock
        CriticalSection cs(r->mutex);
        if (!r->fields) start_record(r);  // another thread took the record meanwhile
        if (!line) {
            if (r->field.empty() && r->state != ParseState::InQuotedField) return Ref();
            if (d->strict) csv_error("unexpected end of data");
            save_field(r);
            return take_record(r);
        }
        if (!is_instance(line.get(), &str_type))
            csv_error(
                format("iterator should return strings, not %s (the file should be opened in text mode)",
                       type_of(line.get())->name.c_str()));
        ++r->line_num;
        const std::string& utf8 = str_utf8_of(line.get());
        const char* p = utf8.data();
        const char* end = p + utf8.size();
        while (p < end) parse_char(r, d, static_cast<int32_t>(utf8_decode(p)));
        parse_char(r, d, kEndOfLine);
        if (r->state == ParseState::StartRecord) return take_record(r);
    }
}

Ref reader_getattr(Object* o, Str* name) {
    Reader* r = as_reader(o);
    if (name->utf8 == "dialect") return Ref::borrow(r->dialect);
    if (name->utf8 == "line_num") {
        CriticalSection cs(r->mutex);
        return int_from_i64(static_cast<int64_t>(r->line_num));
    }
    return generic_getattr(o, name);
}

void reader_traverse(Object* o, VisitProc visit, void* arg) {
    Reader* r = as_reader(o);
    for (Object* ref : {r->input, r->dialect, r->fields})
        if (ref) visit(ref, arg);
}

void reader_clear(Object* o) {
    Reader* r = as_reader(o);
    Object* refs[3] = {r->input, r->dialect, r->fields};
    r->input = r->dialect = r->fields = nullptr;
    for (Object* ref : refs) xdecref(ref);
}

// reader(iterable, dialect='excel', **options).
Ref csv_reader(Object*, Args args, size_t nargs, Tuple* kw) {
    two_positional(nargs);
    Ref input = get_iter(args[0]);
    Ref dialect = make_dialect(nargs > 1 ? args[1] : nullptr, args + nargs, kw);
    auto* r = new Reader();
    init_header(r, &reader_type);
    r->input = input.release();
    r->dialect = dialect.release();
    return Ref::steal(r);
}

// ---- writer ----

struct Writer : Object {
    MINIPY_GC_ALLOCATED
    Object* write = nullptr;    // owned: the file's bound write method
    Object* dialect = nullptr;  // owned
};

Writer* as_writer(Object* o) { return static_cast<Writer*>(o); }

// CPython's PyNumber_Check: what int(), float() or complex() take without parsing text.
bool is_number(Object* v) {
    if (is_int(v) || is_float(v) || is_instance(v, &complex_type)) return true;
    for (const char* name : {"__index__", "__float__", "__int__", "__complex__"})
        if (type_lookup(type_of(v), intern(name))) return true;
    return false;
}

// Appends one field to `record`, quoted when it must be (or `quoted` says so), escaping what the
// dialect asks for; CPython's join_append_data.
void append_field(std::u32string& record, const Dialect* d, const std::u32string& text, bool quoted,
                  bool first) {
    std::u32string body;
    for (char32_t ch : text) {
        auto c = static_cast<int32_t>(ch);
        bool escape = false;
        if (c == d->delimiter || c == d->escapechar || c == d->quotechar ||
            d->lineterminator.find(ch) != std::u32string::npos) {
            if (d->quoting == kQuoteNone) {
                escape = true;
            } else {
                if (c == d->quotechar) {
                    if (d->doublequote)
                        body.push_back(ch);
                    else
                        escape = true;
                } else if (c == d->escapechar) {
                    escape = true;
                }
                if (!escape) quoted = true;
            }
            if (escape) {
                if (d->escapechar == kNotSet) csv_error("need to escape, but no escapechar set");
                body.push_back(static_cast<char32_t>(d->escapechar));
            }
        }
        body.push_back(ch);
    }
    if (!first) record.push_back(static_cast<char32_t>(d->delimiter));
    if (quoted) record.push_back(static_cast<char32_t>(d->quotechar));
    record += body;
    if (quoted) record.push_back(static_cast<char32_t>(d->quotechar));
}

Ref writer_writerow(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writerow", nargs, kw, 2, 2);
    Writer* w = as_writer(args[0]);
    const Dialect* d = as_dialect(w->dialect);
    Ref it;
    try {
        it = get_iter(args[1]);
    } catch (const PyException& e) {
        if (!is_instance(e.exception(), &TypeError_type)) throw;
        csv_error(format("iterable expected, not %s", type_of(args[1])->name.c_str()));
    }
    std::u32string record;
    size_t count = 0;
    while (Ref field = iter_next(it.get())) {
        bool quoted = d->quoting == kQuoteAll || (d->quoting == kQuoteNonNumeric && !is_number(field.get()));
        std::u32string text;
        if (is_instance(field.get(), &str_type)) {
            text = code_points(field.get());
        } else if (field.get() != None) {
            text = code_points(str(field.get()).get());
        }
        append_field(record, d, text, quoted, count++ == 0);
    }
    if (count > 0 && record.empty()) {  // one empty field: written as "" so that it reads back
        if (d->quoting == kQuoteNone) csv_error("single empty field record must be quoted");
        append_field(record, d, U"", true, true);
    }
    record += d->lineterminator;
    Ref line = str_of(record);
    return call1(w->write, line.get());
}

Ref writer_writerows(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writerows", nargs, kw, 2, 2);
    for_each_item(args[1], [&](Object* row) {
        Object* call_args[2] = {args[0], row};
        writer_writerow(nullptr, call_args, 2, nullptr);
    });
    return Ref::borrow(None);
}

Ref writer_getattr(Object* o, Str* name) {
    if (name->utf8 == "dialect") return Ref::borrow(as_writer(o)->dialect);
    return generic_getattr(o, name);
}

void writer_traverse(Object* o, VisitProc visit, void* arg) {
    Writer* w = as_writer(o);
    for (Object* ref : {w->write, w->dialect})
        if (ref) visit(ref, arg);
}

void writer_clear(Object* o) {
    Writer* w = as_writer(o);
    Object* refs[2] = {w->write, w->dialect};
    w->write = w->dialect = nullptr;
    for (Object* ref : refs) xdecref(ref);
}

// writer(file, dialect='excel', **options).
Ref csv_writer(Object*, Args args, size_t nargs, Tuple* kw) {
    two_positional(nargs);
    Ref write = find_attr(args[0], intern("write"));
    if (!write || !type_of(write.get())->call)
        raise(&TypeError_type, "argument 1 must have a \"write\" method");
    Ref dialect = make_dialect(nargs > 1 ? args[1] : nullptr, args + nargs, kw);
    auto* w = new Writer();
    init_header(w, &writer_type);
    w->write = write.release();
    w->dialect = dialect.release();
    return Ref::steal(w);
}

// ---- the registry and the limit ----

Object* dialect_name(Object* name) {
    if (!is_instance(name, &str_type)) raise(&TypeError_type, "dialect name must be a string");
    return name;
}

Ref csv_register_dialect(Object*, Args args, size_t nargs, Tuple* kw) {
    two_positional(nargs);
    Object* name = dialect_name(args[0]);
    Ref dialect = make_dialect(nargs > 1 ? args[1] : nullptr, args + nargs, kw);
    dict_set(g_dialects, name, dialect.get());
    return Ref::borrow(None);
}

Ref csv_unregister_dialect(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unregister_dialect", nargs, kw, 1, 1);
    if (!dict_del(g_dialects, args[0])) csv_error("unknown dialect");
    return Ref::borrow(None);
}

Ref csv_get_dialect(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_dialect", nargs, kw, 1, 1);
    return dialect_from_registry(args[0]);
}

Ref csv_list_dialects(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("list_dialects", nargs, kw, 0, 0);
    return dict_keys_list(g_dialects);
}

// field_size_limit([new_limit]): the old limit; sets the new one when given.
Ref csv_field_size_limit(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"new_limit"};
    Object* bound[1];
    bind_args("field_size_limit", args, nargs, kw, kNames, 1, 0, bound);
    int64_t old = g_field_limit.load();
    if (bound[0]) {
        if (!is_int(bound[0])) raise(&TypeError_type, "limit must be an integer");
        int64_t limit;
        if (!int_to_i64(bound[0], &limit))
            raise(&OverflowError_type, "Python int too large to convert to C long");
        g_field_limit.store(limit);
    }
    return int_from_i64(old);
}

const MethodDef kCsvFunctions[] = {
    {"reader", csv_reader, "reader(iterable, dialect='excel', **options): an iterator of the records read."},
    {"writer", csv_writer, "writer(file, dialect='excel', **options): writes records to file.write()."},
    {"register_dialect", csv_register_dialect,
     "register_dialect(name, dialect=None, **options): names a dialect."},
    {"unregister_dialect", csv_unregister_dialect, "unregister_dialect(name): forgets a dialect's name."},
    {"get_dialect", csv_get_dialect, "get_dialect(name): the dialect registered under name."},
    {"list_dialects", csv_list_dialects, "list_dialects(): the names of the registered dialects."},
    {"field_size_limit", csv_field_size_limit,
     "field_size_limit([new_limit]): the largest field the reader accepts; sets it when given, returns the "
     "old."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kWriterMethods[] = {
    {"writerow", writer_writerow, "writerow(iterable): writes one record made of the iterable's fields."},
    {"writerows", writer_writerows, "writerows(rows): writes one record for each row."},
    {nullptr, nullptr, nullptr},
};

void init_csv_types() {
    Type& d = dialect_type;
    d.name = "_csv.Dialect";
    d.instance_size = sizeof(Dialect);
    d.dealloc = [](Object* o) { delete as_dialect(o); };
    d.getattr = dialect_getattr;
    d.setattr = dialect_setattr;
    d.construct = dialect_construct;
    init_type(&d);

    Type& r = reader_type;
    r.name = "_csv.reader";
    r.instance_size = sizeof(Reader);
    r.dealloc = [](Object* o) {
        reader_clear(o);
        delete as_reader(o);
    };
    r.traverse = reader_traverse;
    r.clear = reader_clear;
    r.getattr = reader_getattr;
    r.iter = [](Object* o) { return Ref::borrow(o); };
    r.next = reader_next;
    init_type(&r);

    Type& w = writer_type;
    w.name = "_csv.writer";
    w.instance_size = sizeof(Writer);
    w.dealloc = [](Object* o) {
        writer_clear(o);
        delete as_writer(o);
    };
    w.traverse = writer_traverse;
    w.clear = writer_clear;
    w.getattr = writer_getattr;
    w.methods = kWriterMethods;
    init_type(&w);

    g_error = new_exception_class("_csv", "Error", {&Exception_type}).release();
    g_dialects = as_dict(dict_new().release());
}

}  // namespace

Ref init_csv_module() {
    if (!g_error) init_csv_types();
    Ref m = native_module_new("_csv", kCsvFunctions);
    Dict* d = module_dict(m.get());
    dict_set(
        d, intern("__doc__"),
        str_new("CSV parsing and writing: the reader, writer and dialects that csv.py builds on.").get());
    dict_set(d, intern("__version__"), str_new("1.0").get());
    dict_set(d, intern("Dialect"), &dialect_type);
    dict_set(d, intern("Reader"), &reader_type);
    dict_set(d, intern("Writer"), &writer_type);
    dict_set(d, intern("Error"), g_error);
    dict_set(d, intern("_dialects"), g_dialects);
    const char* const kQuoteNames[] = {"QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE"};
    for (int i = 0; i < 4; ++i) dict_set(d, intern(kQuoteNames[i]), int_from_i64(i).get());
    return m;
}

}  // namespace minipy
