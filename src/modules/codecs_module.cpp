// codecs_module.cpp — the native `_codecs` that CPython's codecs.py and encodings/ run over: the
// codec registry (register/lookup), the error-handler registry with the standard handlers, and the
// codec functions the encodings modules call; it also serves str.encode/bytes.decode (codec_hooks.h).
#include "modules/codecs_module.h"

#include <mutex>

#include "modules/codecs_unicode.h"
#include "modules/registry.h"
#include "modules/utf32.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/codec_hooks.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"
#include "syntax/unicode_names.h"

namespace minipy {

namespace {

using Args = Object* const*;

// ---- the registries: search functions, the lookup cache and the error handlers ----
// They live as long as the process, as CPython's interpreter-wide codec state.
struct Registry {
    Object* search_functions = list_new().release();
    Object* cache = dict_new().release();
    Object* error_handlers = dict_new().release();
    bool encodings_imported = false;  // under search_lock
    std::recursive_mutex search_lock;
};

void register_standard_handlers(Registry& r);

Registry& registry() {
    static Registry* r = [] {
        auto* made = new Registry();
        register_standard_handlers(*made);
        return made;
    }();
    return *r;
}

Ref text(const std::u32string& s) { return str_new(utf32_to_utf8(s)); }
std::u32string code_points(Object* s) { return utf8_to_utf32(str_utf8_of(s)); }
Ref int_ref(int64_t v) { return int_from_i64(v); }

Ref pair(Ref a, int64_t n) {
    Ref count = int_ref(n);
    Object* items[2] = {a.get(), count.get()};
    return tuple_from(items, 2);
}

bool is_strict(Object* errors) { return !errors || errors == None || str_utf8_of(errors) == "strict"; }

Ref lookup_handler(Object* name) {
    Object* handler = dict_get_str(as_dict(registry().error_handlers), as_str(name));
    if (!handler) raise(&LookupError_type, "unknown error handler name '" + str_utf8_of(name) + "'");
    return Ref::borrow(handler);
}

// UnicodeDecodeError/UnicodeEncodeError(encoding, object, start, end, reason).
Ref unicode_error(Type* t, const std::string& encoding, Object* input, size_t start, size_t end,
                  const char* reason) {
    Ref enc = str_new(encoding), s = int_ref(static_cast<int64_t>(start)),
        e = int_ref(static_cast<int64_t>(end));
    Ref why = str_new(reason);
    Object* args[5] = {enc.get(), input, s.get(), e.get(), why.get()};
    return call(t, args, 5);
}

// A handler's (replacement, position): the position may count from the end, and must fall inside.
size_t resume_at(Object* position, size_t length) {
    int64_t p = as_index(position);
    int64_t q = p < 0 ? p + static_cast<int64_t>(length) : p;
    if (q < 0 || q > static_cast<int64_t>(length))
        raise(&IndexError_type,
              format("position %lld from error handler out of bounds", static_cast<long long>(q)));
    return static_cast<size_t>(q);
}

}  // namespace

size_t DecodeErrors::report(size_t start, size_t end, const char* reason, std::u32string& out) {
    // CPython's own fast paths for the two commonest handlers.
    if (errors_ && errors_ != None && str_utf8_of(errors_) == "ignore") return end;
    if (errors_ && errors_ != None && str_utf8_of(errors_) == "replace") {
        out.push_back(0xFFFD);
        return end;
    }
    if (!input_) input_ = bytes_new(data_);
    Ref exc = unicode_error(&UnicodeDecodeError_type, encoding_, input_.get(), start, end, reason);
    if (is_strict(errors_)) raise_object(exc);
    Ref handler = lookup_handler(errors_);
    Ref result = call1(handler.get(), exc.get());
    Object* r = result.get();
    if (type_of(r) != &tuple_type || as_tuple(r)->size != 2 ||
        !is_instance(as_tuple(r)->items[0], &str_type) || !is_int(as_tuple(r)->items[1]))
        raise(&TypeError_type, "decoding error handler must return (str, int) tuple");
    out += code_points(as_tuple(r)->items[0]);
    Ref object = get_attr(exc.get(), intern("object"));
    if (object.get() != input_.get()) {
        replaced_ = bytes_like_data(object.get());
        data_ = replaced_;
        input_ = object;
    }
    return resume_at(as_tuple(r)->items[1], data_.size());
}

size_t EncodeErrors::report(size_t start, size_t end, const char* reason, std::string& out,
                            const PutChar& put) {
    if (errors_ && errors_ != None && str_utf8_of(errors_) == "ignore") return end;
    if (!input_) input_ = text(text_);
    Ref exc = unicode_error(&UnicodeEncodeError_type, encoding_, input_.get(), start, end, reason);
    if (is_strict(errors_)) raise_object(exc);
    Ref handler = lookup_handler(errors_);
    Ref result = call1(handler.get(), exc.get());
    Object* r = result.get();
    if (type_of(r) != &tuple_type || as_tuple(r)->size != 2 || !is_int(as_tuple(r)->items[1]))
        raise(&TypeError_type, "encoding error handler must return (str/bytes, int) tuple");
    Object* replacement = as_tuple(r)->items[0];
    // The UTF codecs take only ASCII text from a handler, and bytes in whole code units (CPython's
    // encoders re-raise the error otherwise).
    bool utf = encoding_.compare(0, 3, "utf") == 0;
    size_t unit = encoding_.compare(0, 6, "utf-16") == 0 ? 2 : encoding_.compare(0, 6, "utf-32") == 0 ? 4 : 1;
    if (is_bytes(replacement)) {
        if (bytes_data(replacement).size() % unit) raise_object(exc);
        out += bytes_data(replacement);
    } else if (is_instance(replacement, &str_type)) {
        for (char32_t c : code_points(replacement))
            if ((utf && c >= 0x80) || !put(c, out)) raise_object(exc);
    } else {
        raise(&TypeError_type, "encoding error handler must return (str/bytes, int) tuple");
    }
    return resume_at(as_tuple(r)->items[1], text_.size());
}

namespace {

// ---- the standard error handlers ----
struct ErrorView {
    Ref exc, object;
    int64_t start, end;
};

ErrorView read_error(Object* exc) {
    ErrorView v{Ref::borrow(exc), get_attr(exc, intern("object")), 0, 0};
    // As CPython's PyUnicode*Error_GetObject: the object must be of the error's kind.
    if (is_instance(exc, &UnicodeDecodeError_type)) {
        if (!is_bytes(v.object.get())) raise(&TypeError_type, "object attribute must be bytes");
    } else if (!is_instance(v.object.get(), &str_type)) {
        raise(&TypeError_type, "object attribute must be unicode");
    }
    v.start = as_index(get_attr(exc, intern("start")).get());
    v.end = as_index(get_attr(exc, intern("end")).get());
    return v;
}

[[noreturn]] void cannot_handle(Object* exc) {
    raise(&TypeError_type, "don't know how to handle " + type_of(exc)->name + " in error callback");
}

Object* only_arg(const char* name, size_t nargs, Tuple* kw, Args args) {
    check_positional(name, nargs, kw, 1, 1);
    return args[0];
}

// Code points [start, end) of an encode/translate error's str, clamped as CPython's getters clamp.
std::u32string error_chars(const ErrorView& v) {
    std::u32string all = code_points(v.object.get());
    auto n = static_cast<int64_t>(all.size());
    int64_t s = std::max<int64_t>(0, std::min(v.start, n)), e = std::max(s, std::min(v.end, n));
    return all.substr(static_cast<size_t>(s), static_cast<size_t>(e - s));
}

Ref strict_errors(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* exc = only_arg("strict_errors", nargs, kw, args);
    if (!is_instance(exc, &BaseException_type)) raise(&TypeError_type, "codec must pass exception instance");
    raise_object(Ref::borrow(exc));
}

Ref ignore_errors(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* exc = only_arg("ignore_errors", nargs, kw, args);
    if (!is_instance(exc, &UnicodeEncodeError_type) && !is_instance(exc, &UnicodeDecodeError_type) &&
        !is_instance(exc, &UnicodeTranslateError_type))
        cannot_handle(exc);
    return pair(str_new(""), read_error(exc).end);
}

Ref replace_errors(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* exc = only_arg("replace_errors", nargs, kw, args);
    if (is_instance(exc, &UnicodeDecodeError_type)) {
        ErrorView v = read_error(exc);
        return pair(text(U"\uFFFD"), v.end);
    }
    if (!is_instance(exc, &UnicodeEncodeError_type) && !is_instance(exc, &UnicodeTranslateError_type))
        cannot_handle(exc);
    ErrorView v = read_error(exc);
    char32_t mark = is_instance(exc, &UnicodeEncodeError_type) ? U'?' : U'\uFFFD';
    return pair(text(std::u32string(error_chars(v).size(), mark)), v.end);
}

std::string escape_of(char32_t c) {
    return c < 0x100     ? format("\\x%02x", static_cast<unsigned>(c))
           : c < 0x10000 ? format("\\u%04x", static_cast<unsigned>(c))
                         : format("\\U%08x", static_cast<unsigned>(c));
}

Ref backslashreplace_errors(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* exc = only_arg("backslashreplace_errors", nargs, kw, args);
    std::string out;
    if (is_instance(exc, &UnicodeDecodeError_type)) {
        ErrorView v = read_error(exc);
        std::string data = bytes_like_data(v.object.get());
        for (int64_t i = v.start; i < v.end && i < static_cast<int64_t>(data.size()); ++i)
            out += format("\\x%02x", static_cast<unsigned char>(data[static_cast<size_t>(i)]));
        return pair(str_new(out), v.end);
    }
    if (!is_instance(exc, &UnicodeEncodeError_type) && !is_instance(exc, &UnicodeTranslateError_type))
        cannot_handle(exc);
    ErrorView v = read_error(exc);
    for (char32_t c : error_chars(v)) out += escape_of(c);
    return pair(str_new(out), v.end);
}

Ref xmlcharrefreplace_errors(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* exc = only_arg("xmlcharrefreplace_errors", nargs, kw, args);
    if (!is_instance(exc, &UnicodeEncodeError_type)) cannot_handle(exc);
    ErrorView v = read_error(exc);
    std::string out;
    for (char32_t c : error_chars(v)) out += format("&#%u;", static_cast<unsigned>(c));
    return pair(str_new(out), v.end);
}

Ref namereplace_errors(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* exc = only_arg("namereplace_errors", nargs, kw, args);
    if (!is_instance(exc, &UnicodeEncodeError_type)) cannot_handle(exc);
    ErrorView v = read_error(exc);
    std::string out;
    for (char32_t c : error_chars(v)) {
        // \N{NAME}, or a backslash escape for a character without a name (as CPython).
        std::string name = unicode_names::name(c);
        out += name.empty() ? escape_of(c) : "\\N{" + name + "}";
    }
    return pair(str_new(out), v.end);
}

// U+DC80..U+DCFF stand for the undecodable bytes 0x80..0xFF (PEP 383).
Ref surrogateescape_errors(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* exc = only_arg("surrogateescape_errors", nargs, kw, args);
    if (is_instance(exc, &UnicodeDecodeError_type)) {
        ErrorView v = read_error(exc);
        std::string data = bytes_like_data(v.object.get());
        std::u32string out;
        int64_t i = v.start;
        for (; i < v.end && i < v.start + 4 && i < static_cast<int64_t>(data.size()); ++i) {
            auto b = static_cast<unsigned char>(data[static_cast<size_t>(i)]);
            if (b < 128) break;
            out.push_back(0xDC00 + b);
        }
        if (out.empty()) raise_object(Ref::borrow(exc));
        return pair(text(out), i);
    }
    if (!is_instance(exc, &UnicodeEncodeError_type)) cannot_handle(exc);
    ErrorView v = read_error(exc);
    std::string out;
    for (char32_t c : error_chars(v)) {
        if (c < 0xDC80 || c > 0xDCFF) raise_object(Ref::borrow(exc));
        out.push_back(static_cast<char>(c - 0xDC00));
    }
    return pair(bytes_new(out), v.end);
}

// The encoding surrogatepass writes surrogates in: 8 (utf-8), 16 or 32, and its byte order.
int surrogate_width(Object* exc, bool* big) {
    std::string name = str_utf8(get_attr(exc, intern("encoding")).get());
    for (char& c : name)
        c = static_cast<char>(
            tolower(static_cast<unsigned char>(c)) == '_' ? '-' : tolower(static_cast<unsigned char>(c)));
    *big = name.size() > 3 && name.compare(name.size() - 2, 2, "be") == 0;
    if (name == "utf-8" || name == "utf8") return 8;
    if (name.rfind("utf-16", 0) == 0 || name.rfind("utf16", 0) == 0) return 16;
    if (name.rfind("utf-32", 0) == 0 || name.rfind("utf32", 0) == 0) return 32;
    return 0;
}

Ref surrogatepass_errors(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* exc = only_arg("surrogatepass_errors", nargs, kw, args);
    bool big = false;
    if (is_instance(exc, &UnicodeEncodeError_type)) {
        int width = surrogate_width(exc, &big);
        if (!width) raise_object(Ref::borrow(exc));
        ErrorView v = read_error(exc);
        std::string out;
        for (char32_t c : error_chars(v)) {
            if (c < 0xD800 || c > 0xDFFF) raise_object(Ref::borrow(exc));
            if (width == 8) {
                utf8_append(out, c);
                continue;
            }
            for (int k = 0; k < width / 8; ++k) {
                int shift = big ? width - 8 - 8 * k : 8 * k;
                out.push_back(static_cast<char>((c >> shift) & 0xFF));
            }
        }
        return pair(bytes_new(out), v.end);
    }
    if (!is_instance(exc, &UnicodeDecodeError_type)) cannot_handle(exc);
    int width = surrogate_width(exc, &big);
    ErrorView v = read_error(exc);
    std::string data = bytes_like_data(v.object.get());
    auto at = static_cast<size_t>(v.start);
    size_t len = width == 8 ? 3 : static_cast<size_t>(width / 8);
    if (!width || at + len > data.size()) raise_object(Ref::borrow(exc));
    char32_t c = 0;
    auto byte = [&](size_t k) { return static_cast<unsigned char>(data[at + k]); };
    if (width == 8) {
        if ((byte(0) & 0xF0) == 0xE0 && (byte(1) & 0xC0) == 0x80 && (byte(2) & 0xC0) == 0x80)
            c = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    } else {
        for (size_t k = 0; k < len; ++k)
            c |= static_cast<char32_t>(byte(k)) << (big ? 8 * (len - 1 - k) : 8 * k);
    }
    if (c < 0xD800 || c > 0xDFFF) raise_object(Ref::borrow(exc));
    return pair(text(std::u32string(1, c)), static_cast<int64_t>(at + len));
}

const MethodDef kStandardHandlers[] = {
    {"strict_errors", strict_errors,
     "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", ignore_errors,
     "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", replace_errors,
     "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"backslashreplace_errors", backslashreplace_errors,
     "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed "
     "escape sequence."},
    {"xmlcharrefreplace_errors", xmlcharrefreplace_errors,
     "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the "
     "appropriate XML character reference."},
    {"namereplace_errors", namereplace_errors,
     "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} "
     "escape sequence."},
    {"surrogateescape_errors", surrogateescape_errors,
     "Implements the 'surrogateescape' error handling (PEP 383)."},
    {"surrogatepass_errors", surrogatepass_errors,
     "Implements the 'surrogatepass' error handling, which passes surrogates through."},
    {nullptr, nullptr, nullptr},
};

void register_standard_handlers(Registry& r) {
    for (const MethodDef* def = kStandardHandlers; def->name; ++def) {
        std::string name(def->name);
        name.resize(name.size() - 7);  // "strict_errors" -> "strict"
        Ref fn = native_function_new(def, nullptr);
        make_immortal(fn.get());
        dict_set(as_dict(r.error_handlers), intern(name), fn.get());
    }
}

// ---- the codec registry ----
// The registry's key for an encoding name: lower case, spaces as underscores (an interned str, so
// the cache can be read under its lock with dict_get_str_ref).
Str* normalized(Object* encoding) {
    std::string name = str_utf8_of(encoding);
    for (char& c : name) c = c == ' ' ? '_' : static_cast<char>(tolower(static_cast<unsigned char>(c)));
    return intern(name);
}

// Searches run one at a time: the import system hands a module that another thread is still
// running to a second importer at once, and encodings' search function would then find a half-made
// encodings.cp1252 and cache "no such codec" for good. A thread waits for the lock without the GIL;
// a search function may look codecs up itself (a recursive lock).
std::unique_lock<std::recursive_mutex> search_lock(Registry& r) {
    std::unique_lock<std::recursive_mutex> guard(r.search_lock, std::defer_lock);
    AllowThreads unblocked(BlockReason::Import);
    guard.lock();
    return guard;
}

Ref codec_lookup(Object* encoding) {
    Registry& r = registry();
    Str* key = normalized(encoding);
    if (Ref hit = dict_get_str_ref(as_dict(r.cache), key)) return hit;
    auto guard = search_lock(r);
    if (Ref hit = dict_get_str_ref(as_dict(r.cache), key)) return hit;
    if (!r.encodings_imported) {
        // CPython imports the encodings package when the interpreter starts; here, on first use.
        import_module_level(intern("encodings"), None, 0, nullptr);
        r.encodings_imported = true;
    }
    Ref functions = list_from_iterable(r.search_functions);
    for (int64_t i = 0; i < length(functions.get()); ++i) {
        Ref fn = list_get_opt(functions.get(), static_cast<size_t>(i));
        Ref result = call1(fn.get(), key);
        if (result.get() == None) continue;
        if (!is_instance(result.get(), &tuple_type) || as_tuple(result.get())->size != 4)
            raise(&TypeError_type, "codec search functions must return 4-tuples");
        dict_set(as_dict(r.cache), key, result.get());
        return result;
    }
    raise(&LookupError_type, "unknown encoding: " + str_utf8_of(encoding));
}

// "lookup() argument must be str", "encode() argument 'errors' must be str": argument clinic's texts.
const Str* expect_arg_str(Object* o, const char* fname, const char* which) {
    if (!is_instance(o, &str_type))
        raise(&TypeError_type,
              format("%s() argument%s must be str, not %s", fname, which, type_of(o)->name.c_str()));
    return as_str(o);
}

Ref codecs_register(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("register", nargs, kw, 1, 1);
    if (!type_of(args[0])->call) raise(&TypeError_type, "argument must be callable");
    list_append(registry().search_functions, args[0]);
    return Ref::borrow(None);
}

Ref codecs_unregister(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unregister", nargs, kw, 1, 1);
    Registry& r = registry();
    Ref kept = list_new();
    for_each_item(r.search_functions, [&](Object* fn) {
        if (fn != args[0]) list_append(kept.get(), fn);
    });
    // Replaced in place (search_functions[:] = kept): another thread may be reading the list.
    Ref everything = slice_new(None, None, None);
    set_item(r.search_functions, everything.get(), kept.get());
    dict_clear(as_dict(r.cache));
    return Ref::borrow(None);
}

Ref codecs_lookup(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("lookup", nargs, kw, 1, 1);
    expect_arg_str(args[0], "lookup", "");
    return codec_lookup(args[0]);
}

Ref codecs_forget(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_forget_codec", nargs, kw, 1, 1);
    expect_arg_str(args[0], "_forget_codec", "");
    dict_del(as_dict(registry().cache), normalized(args[0]));
    return Ref::borrow(None);
}

// Calls a codec function found through the registry. An exception of a plain built-in type
// (TypeError, ValueError...; not UnicodeError, OSError or others with attributes) comes back
// rewrapped as CPython's wrap_codec_error does: "decoding with 'ascii' codec failed (TypeError: ...)",
// the original as its __cause__.
Ref call_codec(Object* fn, Object* const* args, size_t nargs, const char* operation, Object* encoding) {
    try {
        return call(fn, args, nargs);
    } catch (PyException& e) {
        Object* exc = e.exception();
        Type* t = type_of(exc);
        bool plain = !is_heap_type(t) && !is_instance(exc, &UnicodeError_type) &&
                     !is_instance(exc, &OSError_type) && !is_instance(exc, &SyntaxError_type) &&
                     !is_instance(exc, &ImportError_type) && !is_instance(exc, &AttributeError_type) &&
                     !is_instance(exc, &NameError_type) && !is_instance(exc, &StopIteration_type) &&
                     !is_instance(exc, &SystemExit_type) && !static_cast<BaseExceptionObject*>(exc)->dict;
        if (!plain) throw;
        Ref wrapped =
            make_exception(t, format("%s with '%s' codec failed (%s: %s)", operation,
                                     str_utf8(encoding).c_str(), t->name.c_str(), str_utf8(exc).c_str()));
        set_attr(wrapped.get(), intern("__cause__"), exc);
        raise_object(wrapped);
    }
}

// codecs.encode(obj, encoding='utf-8', errors='strict') and decode: the codec's function, item 0.
Ref run_codec(const char* fname, int which, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"obj", "encoding", "errors"};
    Object* a[3] = {};
    bind_args(fname, args, nargs, kw, names, 3, 1, a);
    Ref encoding = a[1] ? Ref::borrow(a[1]) : str_new("utf-8");
    expect_arg_str(encoding.get(), fname, " 'encoding'");
    Ref errors = a[2] ? Ref::borrow(a[2]) : str_new("strict");
    expect_arg_str(errors.get(), fname, " 'errors'");
    Ref info = codec_lookup(encoding.get());
    Object* call_args[2] = {a[0], errors.get()};
    Ref result = call_codec(as_tuple(info.get())->items[which], call_args, 2,
                            which == 0 ? "encoding" : "decoding", encoding.get());
    if (!is_instance(result.get(), &tuple_type) || as_tuple(result.get())->size != 2)
        raise(&TypeError_type, which == 0 ? "encoder must return a tuple (object, integer)"
                                          : "decoder must return a tuple (object, integer)");
    return Ref::borrow(as_tuple(result.get())->items[0]);
}

Ref codecs_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    return run_codec("encode", 0, args, nargs, kw);
}
Ref codecs_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    return run_codec("decode", 1, args, nargs, kw);
}

Ref codecs_register_error(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("register_error", nargs, kw, 2, 2);
    expect_arg_str(args[0], "register_error", " 1");
    if (!type_of(args[1])->call) raise(&TypeError_type, "handler must be callable");
    dict_set(as_dict(registry().error_handlers), args[0], args[1]);
    return Ref::borrow(None);
}

Ref codecs_lookup_error(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("lookup_error", nargs, kw, 1, 1);
    expect_arg_str(args[0], "lookup_error", "");
    return lookup_handler(args[0]);
}

}  // namespace

Ref lookup_text_encoding(Object* encoding, const char* alternative) {
    Ref info = codec_lookup(encoding);
    Ref is_text = get_attr_opt(info.get(), intern("_is_text_encoding"));
    if (is_text && !is_true(is_text.get()))
        raise(&LookupError_type, format("'%s' is not a text encoding; use %s to handle arbitrary codecs",
                                        str_utf8_of(encoding).c_str(), alternative));
    return info;
}

// ---- str.encode, bytes.decode and str(b, encoding) beyond the built-in fast paths ----
namespace {

// The codecs every interpreter has without the registry, by the names CPython's fast paths know.
enum class Builtin { None, Utf8, Ascii, Latin1 };

Builtin builtin_codec(const std::string& encoding) {
    std::string name = encoding;
    for (char& c : name) c = c == '_' ? '-' : static_cast<char>(tolower(static_cast<unsigned char>(c)));
    if (name == "utf-8" || name == "utf8") return Builtin::Utf8;
    if (name == "ascii" || name == "us-ascii") return Builtin::Ascii;
    if (name == "latin-1" || name == "latin1" || name == "iso-8859-1" || name == "iso8859-1")
        return Builtin::Latin1;
    return Builtin::None;
}

// CPython refuses the codecs that do not map str <-> bytes (rot13, hex, ...) in str.encode.
Ref text_codec(Object* encoding, const char* method) {
    return lookup_text_encoding(encoding, format("codecs.%s()", method).c_str());
}

// Argument clinic's bad-argument text, which names None as "None".
const std::string& text_arg(Object* o, const char* what) {
    if (!is_instance(o, &str_type))
        raise(&TypeError_type,
              format("%s must be str, not %s", what, o == None ? "None" : type_of(o)->name.c_str()));
    return str_utf8_of(o);
}

Ref hook_decode(std::string_view data, Object* encoding, Object* errors) {
    if (errors) text_arg(errors, "decode() argument 'errors'");
    std::string name = encoding ? text_arg(encoding, "decode() argument 'encoding'") : "utf-8";
    switch (builtin_codec(name)) {
        case Builtin::Utf8: {
            DecodeErrors e("utf-8", data, errors);
            size_t used;
            return text(decode_utf8(data, e, true, &used));
        }
        case Builtin::Ascii: {
            DecodeErrors e("ascii", data, errors);
            return text(decode_ascii(data, e));
        }
        case Builtin::Latin1:
            return text(decode_latin1(data));
        case Builtin::None:
            break;
    }
    Ref info = text_codec(encoding, "decode");
    Ref input = bytes_new(data);
    Ref err = errors ? Ref::borrow(errors) : str_new("strict");
    Object* call_args[2] = {input.get(), err.get()};
    Ref result = call_codec(as_tuple(info.get())->items[1], call_args, 2, "decoding", encoding);
    if (!is_instance(result.get(), &tuple_type) || as_tuple(result.get())->size != 2)
        raise(&TypeError_type, "decoder must return a tuple (object, integer)");
    Object* out = as_tuple(result.get())->items[0];
    if (!is_instance(out, &str_type))
        raise(&TypeError_type, format("'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to "
                                      "decode to arbitrary types",
                                      name.c_str(), type_of(out)->name.c_str()));
    return str_exact(out);
}

std::string hook_encode(Object* s, Object* encoding, Object* errors) {
    if (errors) text_arg(errors, "encode() argument 'errors'");
    std::string name = encoding ? text_arg(encoding, "encode() argument 'encoding'") : "utf-8";
    Builtin which = builtin_codec(name);
    if (which != Builtin::None) {
        std::u32string cps = code_points(s);
        EncodeErrors e(which == Builtin::Utf8    ? "utf-8"
                       : which == Builtin::Ascii ? "ascii"
                                                 : "latin-1",
                       cps, errors);
        if (which == Builtin::Utf8) return encode_utf8(cps, e);
        return encode_single_byte(cps, which == Builtin::Ascii ? 0x80 : 0x100, e);
    }
    Ref info = text_codec(encoding, "encode");
    Ref err = errors ? Ref::borrow(errors) : str_new("strict");
    Object* call_args[2] = {s, err.get()};
    Ref result = call_codec(as_tuple(info.get())->items[0], call_args, 2, "encoding", encoding);
    if (!is_instance(result.get(), &tuple_type) || as_tuple(result.get())->size != 2)
        raise(&TypeError_type, "encoder must return a tuple (object, integer)");
    Object* out = as_tuple(result.get())->items[0];
    if (is_bytearray(out)) return bytes_like_data(out);
    if (!is_bytes(out))
        raise(&TypeError_type, format("'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to "
                                      "encode to arbitrary types",
                                      name.c_str(), type_of(out)->name.c_str()));
    return bytes_data(out);
}

// The development mode's check (objects/bytes.cpp, check_codec_names) of the names it does not know.
void hook_check(Object* encoding, Object* errors) {
    if (encoding && is_str(encoding)) codec_lookup(encoding);
    if (errors && is_str(errors)) lookup_handler(errors);
}

}  // namespace

void install_codec_hooks() { set_codec_hooks({hook_decode, hook_encode, hook_check}); }

Ref init_codecs_module() {
    static const MethodDef kRegistryFunctions[] = {
        {"register", codecs_register, "Register a codec search function."},
        {"unregister", codecs_unregister,
         "Unregister a codec search function and clear the registry's cache."},
        {"lookup", codecs_lookup,
         "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
        {"_forget_codec", codecs_forget, "Purge the named codec from the internal codec lookup cache"},
        {"encode", codecs_encode, "Encodes obj using the codec registered for encoding."},
        {"decode", codecs_decode, "Decodes obj using the codec registered for encoding."},
        {"register_error", codecs_register_error,
         "Register the specified error handler under the name errors."},
        {"lookup_error", codecs_lookup_error, "lookup_error(errors) -> handler"},
        {nullptr, nullptr, nullptr},
    };
    registry();
    Ref module = native_module_new("_codecs", kRegistryFunctions);
    add_codec_functions(module.get());
    return module;
}

}  // namespace minipy
