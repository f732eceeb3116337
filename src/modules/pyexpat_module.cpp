// pyexpat_module.cpp — the native `pyexpat` module over libexpat (Debian's libexpat1-dev), with
// CPython 3.11's interface: ParserCreate, the xmlparser type (the callbacks behind its handler
// attributes are in pyexpat_handlers.cpp), ExpatError, and the `errors` and `model` submodules.
// xml.parsers.expat, xml.etree.ElementTree, xml.dom.minidom, xml.sax's expatreader and plistlib are
// CPython's own Python code on top of it.
#include <expat.h>

#include <climits>
#include <exception>
#include <mutex>
#include <string>

#include "modules/exception_class.h"
#include "modules/pyexpat.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/format.h"

namespace minipy {

namespace {

using namespace pyexpat;

using Args = Object* const*;

constexpr int kReadSize = 2048;        // what ParseFile asks read() for each time (CPython's BUF_SIZE)
constexpr size_t kMaxChunk = 1 << 20;  // Parse hands libexpat at most this much at a time, as CPython

Type parser_type;
Object* g_expat_error = nullptr;  // xml.parsers.expat.ExpatError, made once at the first import

// ---- errors ----

// ExpatError("syntax error: line 1, column 0") with code, lineno and offset, as CPython's set_error.
[[noreturn]] void raise_expat_error(Parser* p, XML_Error code) {
    int line = static_cast<int>(XML_GetErrorLineNumber(p->expat));
    int column = static_cast<int>(XML_GetErrorColumnNumber(p->expat));
    const XML_LChar* what = XML_ErrorString(code);
    Ref message = str_new(format("%.200s: line %d, column %d", what ? what : "", line, column));
    Ref err = call1(g_expat_error, message.get());
    set_attr(err.get(), intern("code"), int_from_i64(code).get());
    set_attr(err.get(), intern("offset"), int_from_i64(column).get());
    set_attr(err.get(), intern("lineno"), int_from_i64(line).get());
    raise_object(err);
}

// ---- parsing ----

// Held for the length of a Parse or ParseFile call.
class ParseScope {
public:
    explicit ParseScope(Parser* p) : p_(p) {
        if (p->busy.exchange(true)) raise(&RuntimeError_type, "parser is already parsing");
    }
    ~ParseScope() { p_->busy.store(false); }
    ParseScope(const ParseScope&) = delete;
    ParseScope& operator=(const ParseScope&) = delete;

private:
    Parser* p_;
};

// What Parse and ParseFile return after libexpat did: a handler's exception first, then libexpat's
// own error; otherwise the text still held back is handed on, and the status (1) returned.
Ref finish_parse(Parser* p, XML_Status status) {
    if (p->pending) {
        std::exception_ptr e = p->pending;
        p->pending = nullptr;
        std::rethrow_exception(e);
    }
    if (status == XML_STATUS_ERROR) raise_expat_error(p, XML_GetErrorCode(p->expat));
    flush_text(p);
    return int_from_i64(status);
}

// Parse(data, isfinal=False, /): data is bytes-like, or str (then parsed as UTF-8, whatever its
// XML declaration says, as CPython does).
Ref parser_parse(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("Parse", nargs - 1, kw, 1, 2);
    Parser* p = as_parser(args[0]);
    bool final = nargs > 2 && as_index(args[2]) != 0;
    std::string data;
    if (is_instance(args[1], &str_type)) {
        Ref encode = get_attr(args[1], intern("encode"));
        Ref utf8 = call0(encode.get());  // raises for lone surrogates, as CPython
        data = bytes_data(utf8.get());
        XML_SetEncoding(p->expat, "utf-8");
    } else {
        data = bytes_like_data(args[1]);
    }
    ParseScope scope(p);
    const char* s = data.data();
    size_t left = data.size();
    XML_Status status = XML_STATUS_OK;
    while (left > kMaxChunk && status != XML_STATUS_ERROR && !p->pending) {
        status = XML_Parse(p->expat, s, static_cast<int>(kMaxChunk), XML_FALSE);
        s += kMaxChunk;
        left -= kMaxChunk;
    }
    if (status != XML_STATUS_ERROR && !p->pending)
        status = XML_Parse(p->expat, s, static_cast<int>(left), final ? XML_TRUE : XML_FALSE);
    return finish_parse(p, status);
}

// ParseFile(file, /): reads file.read(2048) until it returns nothing.
Ref parser_parse_file(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("ParseFile", nargs - 1, kw, 1, 1);
    Parser* p = as_parser(args[0]);
    Ref read = find_attr(args[1], intern("read"));
    if (!read) raise(&TypeError_type, "argument must have 'read' attribute");
    ParseScope scope(p);
    Ref size = int_from_i64(kReadSize);
    XML_Status status = XML_STATUS_OK;
    for (;;) {
        Ref chunk = call1(read.get(), size.get());
        if (!is_bytes_like(chunk.get()))
            raise(&TypeError_type, format("read() did not return a bytes object (type=%.400s)",
                                          type_of(chunk.get())->name.c_str()));
        std::string data = bytes_like_data(chunk.get());
        if (data.size() > static_cast<size_t>(kReadSize))
            raise(&ValueError_type, format("read() returned too much data: %d bytes requested, %zu returned",
                                           kReadSize, data.size()));
        status = XML_Parse(p->expat, data.data(), static_cast<int>(data.size()),
                           data.empty() ? XML_TRUE : XML_FALSE);
        if (p->pending || status == XML_STATUS_ERROR || data.empty()) break;
    }
    return finish_parse(p, status);
}

Ref parser_set_base(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("SetBase", nargs - 1, kw, 1, 1);
    if (!is_instance(args[1], &str_type))
        raise(&TypeError_type,
              format("SetBase() argument must be str, not %s", type_of(args[1])->name.c_str()));
    if (!XML_SetBase(as_parser(args[0])->expat, str_utf8_of(args[1]).c_str())) raise(&MemoryError_type, "");
    return Ref::borrow(None);
}

Ref parser_get_base(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("GetBase", nargs - 1, kw, 0, 0);
    return text_or_none(XML_GetBase(as_parser(args[0])->expat));
}

// GetInputContext(): the bytes of input around the current event; None outside a handler.
Ref parser_get_input_context(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("GetInputContext", nargs - 1, kw, 0, 0);
    Parser* p = as_parser(args[0]);
    if (!p->in_callback) return Ref::borrow(None);
    int offset = 0, size = 0;
    const char* buffer = XML_GetInputContext(p->expat, &offset, &size);
    if (!buffer) return Ref::borrow(None);
    return bytes_new(std::string_view(buffer + offset, static_cast<size_t>(size - offset)));
}

Ref parser_set_param_entity_parsing(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("SetParamEntityParsing", nargs - 1, kw, 1, 1);
    int flag = static_cast<int>(as_index(args[1]));
    return int_from_i64(
        XML_SetParamEntityParsing(as_parser(args[0])->expat, static_cast<XML_ParamEntityParsing>(flag)));
}

// UseForeignDTD(flag=True, /)
Ref parser_use_foreign_dtd(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("UseForeignDTD", nargs - 1, kw, 0, 1);
    Parser* p = as_parser(args[0]);
    bool flag = nargs < 2 || is_true(args[1]);
    XML_Error rc = XML_UseForeignDTD(p->expat, flag ? XML_TRUE : XML_FALSE);
    if (rc != XML_ERROR_NONE) raise_expat_error(p, rc);
    return Ref::borrow(None);
}

// A str-or-None argument as CPython's Argument Clinic checks it; null for None.
const char* optional_text(const char* fname, const char* arg, Object* v, std::string& keep) {
    if (!v || v == None) return nullptr;
    if (!is_instance(v, &str_type))
        raise(&TypeError_type,
              format("%s() argument '%s' must be str or None, not %s", fname, arg, type_of(v)->name.c_str()));
    keep = str_utf8_of(v);
    if (keep.find('\0') != std::string::npos) raise(&ValueError_type, "embedded null character");
    return keep.c_str();
}

Ref parser_alloc() {
    auto* p = new Parser();
    init_header(p, &parser_type);
    return Ref::steal(p);
}

void attach(Parser* p) {
    if (!p->expat) raise(&MemoryError_type, "");
    XML_SetUserData(p->expat, p);
    XML_SetUnknownEncodingHandler(p->expat, on_unknown_encoding, p);
}

// ExternalEntityParserCreate(context, encoding=None, /): a parser for an external entity met while
// this one parses, sharing its DTD, handlers, settings and intern dict. It keeps its parent alive,
// since libexpat's child parser uses the parent's tables.
Ref parser_external_entity_parser_create(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("ExternalEntityParserCreate", nargs - 1, kw, 1, 2);
    Parser* parent = as_parser(args[0]);
    std::string context_text, encoding_text;
    const char* context = optional_text("ExternalEntityParserCreate", "context", args[1], context_text);
    const char* encoding = nullptr;
    if (nargs > 2) {
        if (!is_instance(args[2], &str_type))
            raise(&TypeError_type, format("ExternalEntityParserCreate() argument 2 must be str, not %s",
                                          type_of(args[2])->name.c_str()));
        encoding = optional_text("ExternalEntityParserCreate", "encoding", args[2], encoding_text);
    }
    Ref self = parser_alloc();
    Parser* p = as_parser(self.get());
    p->expat = XML_ExternalEntityParserCreate(parent->expat, context, encoding);
    attach(p);
    p->parent = newref(parent);
    p->intern = parent->intern ? newref(parent->intern) : nullptr;
    p->ordered_attributes = parent->ordered_attributes;
    p->specified_attributes = parent->specified_attributes;
    p->namespace_prefixes = parent->namespace_prefixes;
    p->buffering = parent->buffering;
    p->buffer_size = parent->buffer_size;
    for (int id = 0; id < kHandlerCount; ++id) {
        if (!parent->handlers[id]) continue;
        p->handlers[id] = newref(parent->handlers[id]);
        install_handler(p, id, true);
    }
    return self;
}

// ParserCreate(encoding=None, namespace_separator=None, intern=<a new dict>)
Ref pyexpat_parser_create(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"encoding", "namespace_separator", "intern"};
    Object* a[3];
    bind_args("ParserCreate", args, nargs, kw, kNames, 3, 0, a);
    std::string encoding_text, separator_text;
    const char* encoding = optional_text("ParserCreate", "encoding", a[0], encoding_text);
    const char* separator = optional_text("ParserCreate", "namespace_separator", a[1], separator_text);
    if (separator && separator_text.size() > 1)
        raise(&ValueError_type, "namespace_separator must be at most one character, omitted, or None");
    Ref intern_dict;
    if (!a[2]) {
        intern_dict = dict_new();
    } else if (a[2] != None) {
        if (!is_instance(a[2], &dict_type)) raise(&TypeError_type, "intern must be a dictionary");
        intern_dict = Ref::borrow(a[2]);
    }
    Ref self = parser_alloc();
    Parser* p = as_parser(self.get());
    // An empty separator still turns namespace processing on: names are URI and local name glued.
    p->expat = separator ? XML_ParserCreateNS(encoding, separator[0]) : XML_ParserCreate(encoding);
    attach(p);
    p->intern = intern_dict.release();
    return self;
}

// ---- attributes ----

Ref parser_getattr(Object* o, Str* name) {
    Parser* p = as_parser(o);
    const std::string& n = name->utf8;
    int id = handler_index(n);
    if (id >= 0) return Ref::borrow(p->handlers[id] ? p->handlers[id] : None);
    if (n == "buffer_text") return Ref::borrow(bool_obj(p->buffering));
    if (n == "buffer_size") return int_from_i64(p->buffer_size);
    if (n == "buffer_used") return int_from_i64(static_cast<int64_t>(p->text.size()));
    if (n == "ordered_attributes") return Ref::borrow(bool_obj(p->ordered_attributes));
    if (n == "specified_attributes") return Ref::borrow(bool_obj(p->specified_attributes));
    if (n == "namespace_prefixes") return Ref::borrow(bool_obj(p->namespace_prefixes));
    if (n == "intern") return Ref::borrow(p->intern ? p->intern : None);
    if (n == "ErrorCode") return int_from_i64(XML_GetErrorCode(p->expat));
    if (n == "ErrorLineNumber") return int_from_i64(static_cast<int64_t>(XML_GetErrorLineNumber(p->expat)));
    if (n == "ErrorColumnNumber")
        return int_from_i64(static_cast<int64_t>(XML_GetErrorColumnNumber(p->expat)));
    if (n == "ErrorByteIndex") return int_from_i64(static_cast<int64_t>(XML_GetErrorByteIndex(p->expat)));
    if (n == "CurrentLineNumber")
        return int_from_i64(static_cast<int64_t>(XML_GetCurrentLineNumber(p->expat)));
    if (n == "CurrentColumnNumber")
        return int_from_i64(static_cast<int64_t>(XML_GetCurrentColumnNumber(p->expat)));
    if (n == "CurrentByteIndex") return int_from_i64(static_cast<int64_t>(XML_GetCurrentByteIndex(p->expat)));
    return generic_getattr(o, name);
}

void set_buffer_size(Parser* p, Object* v) {
    if (!is_int(v)) raise(&TypeError_type, "buffer_size must be an integer");
    int64_t size;
    if (!int_to_i64(v, &size)) raise(&OverflowError_type, "Python int too large to convert to C long");
    if (size <= 0) raise(&ValueError_type, "buffer_size must be greater than zero");
    if (size > INT_MAX) raise(&ValueError_type, format("buffer_size must not be greater than %d", INT_MAX));
    if (p->buffering && size != p->buffer_size) flush_text(p);
    p->buffer_size = static_cast<int>(size);
}

void parser_setattr(Object* o, Str* name, Object* v) {
    Parser* p = as_parser(o);
    const std::string& n = name->utf8;
    int id = handler_index(n);
    bool settable = id >= 0 || n == "buffer_text" || n == "buffer_size" || n == "ordered_attributes" ||
                    n == "specified_attributes" || n == "namespace_prefixes";
    if (settable && !v) raise(&RuntimeError_type, "Cannot delete attribute");
    if (id >= 0) {
        set_handler(p, id, v);
    } else if (n == "buffer_text") {
        bool on = is_true(v);
        if (!on && p->buffering) flush_text(p);
        p->buffering = on;
    } else if (n == "buffer_size") {
        set_buffer_size(p, v);
    } else if (n == "ordered_attributes") {
        p->ordered_attributes = is_true(v);
    } else if (n == "specified_attributes") {
        p->specified_attributes = is_true(v);
    } else if (n == "namespace_prefixes") {
        p->namespace_prefixes = is_true(v);
        XML_SetReturnNSTriplet(p->expat, p->namespace_prefixes);
    } else if (n == "buffer_used" || n == "intern" || n.rfind("Error", 0) == 0 ||
               n.rfind("Current", 0) == 0) {
        raise(&AttributeError_type,
              format("attribute '%s' of 'pyexpat.xmlparser' objects is not writable", n.c_str()));
    } else {
        builtin_generic_setattr(o, name, v);
    }
}

// ---- the collector ----

void parser_traverse(Object* o, VisitProc visit, void* arg) {
    Parser* p = as_parser(o);
    for (Object* h : p->handlers)
        if (h) visit(h, arg);
    if (p->intern) visit(p->intern, arg);
    if (p->parent) visit(p->parent, arg);
}

// Drops the handlers and the intern dict; the parent stays until dealloc, as the child's libexpat
// parser reads the parent's tables until it is freed.
void parser_clear(Object* o) {
    Parser* p = as_parser(o);
    for (int id = 0; id < kHandlerCount; ++id) {
        Object* old = p->handlers[id];
        if (!old) continue;
        p->handlers[id] = nullptr;
        if (p->expat) install_handler(p, id, false);
        decref(old);
    }
    Object* intern_dict = p->intern;
    p->intern = nullptr;
    xdecref(intern_dict);
}

void parser_dealloc(Object* o) {
    Parser* p = as_parser(o);
    parser_clear(o);
    if (p->expat) XML_ParserFree(p->expat);
    p->expat = nullptr;
    Object* parent = p->parent;
    p->parent = nullptr;
    delete p;
    xdecref(parent);
}

// ---- the module ----

Ref pyexpat_error_string(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("ErrorString", nargs, kw, 1, 1);
    int64_t code = as_index(args[0]);
    return text_or_none(XML_ErrorString(static_cast<XML_Error>(code)));
}

const MethodDef kParserMethods[] = {
    {"Parse", parser_parse, "Parse XML data.\n\n`isfinal' should be true at end of input."},
    {"ParseFile", parser_parse_file, "Parse XML data from file-like object."},
    {"SetBase", parser_set_base, "Set the base URL for the parser."},
    {"GetBase", parser_get_base, "Return base URL string for the parser."},
    {"GetInputContext", parser_get_input_context,
     "Return the untranslated text of the input that caused the current event."},
    {"ExternalEntityParserCreate", parser_external_entity_parser_create,
     "Create a parser for parsing an external entity based on the information passed to the "
     "ExternalEntityRefHandler."},
    {"SetParamEntityParsing", parser_set_param_entity_parsing,
     "Controls parsing of parameter entities (including the external DTD subset)."},
    {"UseForeignDTD", parser_use_foreign_dtd,
     "Allows the application to provide an artificial external subset if one is not specified as "
     "part of the document instance."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"ParserCreate", pyexpat_parser_create, "Return a new XML parser object."},
    {"ErrorString", pyexpat_error_string, "Returns string error for given number."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    Type& t = parser_type;
    t.name = "pyexpat.xmlparser";
    t.instance_size = sizeof(Parser);
    t.construct = construct_refused;
    t.dealloc = parser_dealloc;
    t.traverse = parser_traverse;
    t.clear = parser_clear;
    t.getattr = parser_getattr;
    t.setattr = parser_setattr;
    t.methods = kParserMethods;
    init_type(&t);
    dict_set(t.dict, intern("__module__"), str_new("pyexpat").get());
    g_expat_error = new_exception_class("xml.parsers.expat", "ExpatError", {&Exception_type}).release();
}

void set_int(Dict* d, const char* name, int64_t value) {
    dict_set(d, intern(name), int_from_i64(value).get());
}

// pyexpat.errors: each XML_ERROR_* name bound to its message, and `codes`/`messages` mapping between
// messages and codes. libexpat's error enum numbers them in this order, from 1.
const char* const kErrorNames[] = {
    "XML_ERROR_NO_MEMORY",
    "XML_ERROR_SYNTAX",
    "XML_ERROR_NO_ELEMENTS",
    "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN",
    "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
    "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF",
    "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING",
    "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE",
    "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL",
    "XML_ERROR_TEXT_DECL",
    "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED",
    "XML_ERROR_ABORTED",
    "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE",
    "XML_ERROR_RESERVED_PREFIX_XML",
    "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI",
    "XML_ERROR_INVALID_ARGUMENT",
    "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
};

Ref errors_module() {
    Ref m = module_new("pyexpat.errors");
    Dict* d = module_dict(m.get());
    dict_set(d, intern("__doc__"), str_new("Constants used to describe error conditions.").get());
    Ref codes = dict_new(), messages = dict_new();
    int code = 1;
    for (const char* name : kErrorNames) {
        Ref message = text_or_none(XML_ErrorString(static_cast<XML_Error>(code)));
        Ref number = int_from_i64(code);
        dict_set(d, intern(name), message.get());
        dict_set(as_dict(codes.get()), message.get(), number.get());
        dict_set(as_dict(messages.get()), number.get(), message.get());
        ++code;
    }
    dict_set(d, intern("codes"), codes.get());
    dict_set(d, intern("messages"), messages.get());
    return m;
}

Ref model_module() {
    Ref m = module_new("pyexpat.model");
    Dict* d = module_dict(m.get());
    dict_set(d, intern("__doc__"), str_new("Constants used to interpret content model information.").get());
    set_int(d, "XML_CTYPE_EMPTY", XML_CTYPE_EMPTY);
    set_int(d, "XML_CTYPE_ANY", XML_CTYPE_ANY);
    set_int(d, "XML_CTYPE_MIXED", XML_CTYPE_MIXED);
    set_int(d, "XML_CTYPE_NAME", XML_CTYPE_NAME);
    set_int(d, "XML_CTYPE_CHOICE", XML_CTYPE_CHOICE);
    set_int(d, "XML_CTYPE_SEQ", XML_CTYPE_SEQ);
    set_int(d, "XML_CQUANT_NONE", XML_CQUANT_NONE);
    set_int(d, "XML_CQUANT_OPT", XML_CQUANT_OPT);
    set_int(d, "XML_CQUANT_REP", XML_CQUANT_REP);
    set_int(d, "XML_CQUANT_PLUS", XML_CQUANT_PLUS);
    return m;
}

// features: libexpat's compile-time feature list, as (name, value) pairs.
Ref feature_list() {
    Ref list = list_new();
    for (const XML_Feature* f = XML_GetFeatureList(); f->feature != XML_FEATURE_END; ++f) {
        Ref pair[2] = {str_new(f->name), int_from_i64(f->value)};
        Object* items[2] = {pair[0].get(), pair[1].get()};
        list_append(list.get(), tuple_from(items, 2).get());
    }
    return list;
}

}  // namespace

Ref init_pyexpat_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Ref module = native_module_new("pyexpat", kFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("__doc__"), str_new("Python wrapper for Expat parser.").get());
    dict_set(d, intern("XMLParserType"), &parser_type);
    dict_set(d, intern("ExpatError"), g_expat_error);
    dict_set(d, intern("error"), g_expat_error);
    dict_set(d, intern("EXPAT_VERSION"), str_new(XML_ExpatVersion()).get());
    XML_Expat_Version v = XML_ExpatVersionInfo();
    Ref parts[3] = {int_from_i64(v.major), int_from_i64(v.minor), int_from_i64(v.micro)};
    Object* items[3] = {parts[0].get(), parts[1].get(), parts[2].get()};
    dict_set(d, intern("version_info"), tuple_from(items, 3).get());
    dict_set(d, intern("native_encoding"), str_new("UTF-8").get());
    dict_set(d, intern("features"), feature_list().get());
    set_int(d, "XML_PARAM_ENTITY_PARSING_NEVER", XML_PARAM_ENTITY_PARSING_NEVER);
    set_int(d, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE);
    set_int(d, "XML_PARAM_ENTITY_PARSING_ALWAYS", XML_PARAM_ENTITY_PARSING_ALWAYS);
    // The submodules are importable by name too (`import pyexpat.errors`), as CPython registers them.
    Ref sys_modules = get_attr(init_sys_module().get(), intern("modules"));
    Ref errors = errors_module(), model = model_module();
    dict_set(d, intern("errors"), errors.get());
    dict_set(d, intern("model"), model.get());
    set_item(sys_modules.get(), str_new("pyexpat.errors").get(), errors.get());
    set_item(sys_modules.get(), str_new("pyexpat.model").get(), model.get());
    return module;
}

}  // namespace minipy
