// serial_module.cpp — `_serial`, minipy's own pickle-like format (docs/serialization.md): how
// multiprocessing moves values between processes. dumps() refuses, naming the type, anything that
// cannot be rebuilt from bytes in another process (lambdas, closures, locks, generators, modules).
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "modules/exception_class.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "vm/traceback.h"

namespace minipy {

namespace {

using Args = Object* const*;

// One tag byte before each value; the table in docs/serialization.md explains each.
enum Tag : char {
    kNone = 'N',
    kTrue = 'T',
    kFalse = 'F',
    kSmallInt = 'i',
    kBigInt = 'I',
    kFloat = 'd',
    kStr = 's',
    kBytes = 'b',
    kTuple = '(',
    kList = '[',
    kDict = '{',
    kSet = 'e',
    kFrozenSet = 'z',
    kGlobal = 'G',
    kException = 'X',
    kInstance = 'O',
};

// Nesting deeper than this is refused rather than overflowing the C stack (a list containing itself).
constexpr int kMaxDepth = 500;

Object* g_pickling_error = nullptr;  // _serial.PicklingError, owned by the module too

[[noreturn]] void raise_pickling_error(const std::string& message) {
    Ref text = str_new(message);
    raise_object(call1(g_pickling_error, text.get()));
}

std::string attr_text(Object* o, const char* name) {
    Ref value = get_attr(o, intern(name));
    return expect_str(value.get(), name)->utf8;
}

// The object `qualname` names in module `module_name`, importing the module if needed; null when
// a step of the lookup fails.
Ref lookup_global(const std::string& module_name, const std::string& qualname) {
    Ref object = import_module_level(intern(module_name), None, 0, nullptr);
    std::string path = module_name.substr(
        module_name.find('.') == std::string::npos ? module_name.size() : module_name.find('.') + 1);
    if (!path.empty()) path += '.';
    path += qualname;
    for (size_t start = 0; start <= path.size();) {
        size_t dot = path.find('.', start);
        if (dot == std::string::npos) dot = path.size();
        object = get_attr_opt(object.get(), intern(path.substr(start, dot - start)));
        if (!object) return object;
        start = dot + 1;
    }
    return object;
}

// Thrown by a plain Writer at a value whose pickle could differ from what _serial rebuilds.
struct NeedsPickle {};

class Writer {
public:
    std::string out;

    // A plain writer takes only values that _serial rebuilds exactly as pickle would: built-in
    // values of exactly their built-in types, functions and classes by reference, and no mutable
    // container twice (pickle keeps such sharing; _serial would copy it). Anything else throws
    // NeedsPickle, and multiprocessing pickles the whole message instead (dumps_plain()).
    explicit Writer(bool plain = false) : plain_(plain) {}

    void value(Object* o, int depth) {
        if (plain_) return plain_value(o, depth);
        if (depth > kMaxDepth)
            raise(&ValueError_type, "cannot serialize a recursive or too deeply nested object");
        any_value(o, depth);
    }

private:
    bool plain_;
    std::vector<Object*> containers_;  // the mutable containers written so far (plain mode)

    void plain_value(Object* o, int depth) {
        Type* t = type_of(o);
        bool by_value = o == None || t == &bool_type || t == &int_type || t == &float_type ||
                        t == &str_type || t == &bytes_type || t == &tuple_type;
        bool container = t == &list_type || t == &dict_type || t == &set_type || t == &frozenset_type;
        bool by_reference = is_function(o) || t == &type_type || t == &builtin_function_type;
        if (depth > kMaxDepth || !(by_value || container || by_reference)) throw NeedsPickle{};
        if (container) {
            if (std::find(containers_.begin(), containers_.end(), o) != containers_.end())
                throw NeedsPickle{};
            containers_.push_back(o);
        }
        if (!by_reference) return any_value(o, depth);
        try {
            any_value(o, depth);
        } catch (PyException&) {
            throw NeedsPickle{};  // pickle then raises its own error for it
        }
    }

    void any_value(Object* o, int depth) {
        Type* t = type_of(o);
        if (o == None) return tag(kNone);
        if (o == True) return tag(kTrue);
        if (o == False) return tag(kFalse);
        if (is_int(o)) return integer(o);
        if (t == &float_type) {
            double v = float_value(o);
            tag(kFloat);
            return raw(&v, sizeof v);
        }
        if (t == &str_type) return text(kStr, str_utf8_of(o));
        if (t == &bytes_type) return text(kBytes, bytes_data(o));
        if (t == &tuple_type) return items(kTuple, as_tuple(o)->items, as_tuple(o)->size, depth);
        if (t == &list_type) return items(kList, as_list(o)->items.data(), as_list(o)->items.size(), depth);
        if (t == &dict_type) return dict(as_dict(o), depth);
        if (t == &set_type || t == &frozenset_type) return set(o, t == &set_type ? kSet : kFrozenSet, depth);
        if (is_function(o) || is_instance(o, &type_type)) return global(o);
        if (t == &builtin_function_type) return builtin_function(static_cast<NativeFunction*>(o));
        if (is_exception_instance(o)) return exception(o, depth);
        if (is_heap_type(t)) return instance(o, depth);
        raise(&TypeError_type, format("cannot pickle '%s' object", t->name.c_str()));
    }

    void tag(Tag t) { out.push_back(t); }
    void raw(const void* p, size_t n) { out.append(static_cast<const char*>(p), n); }
    void count(uint64_t n) { raw(&n, sizeof n); }
    void text(Tag t, const std::string& s) {
        tag(t);
        count(s.size());
        out += s;
    }

    // Ints that fit in 64 bits take 8 bytes; larger ones travel as decimal text.
    void integer(Object* o) {
        int64_t v;
        if (int_to_i64(o, &v)) {
            tag(kSmallInt);
            return raw(&v, sizeof v);
        }
        text(kBigInt, int_to_decimal_unlimited(o));
    }

    void items(Tag t, Object* const* p, size_t n, int depth) {
        tag(t);
        count(n);
        for (size_t i = 0; i < n; ++i) value(p[i], depth + 1);
    }

    void dict(Dict* d, int depth) {
        tag(kDict);
        count(static_cast<uint64_t>(dict_size(d)));
        Object *k, *v;
        for (size_t i = 0; dict_next(d, &i, &k, &v);) {
            value(k, depth + 1);
            value(v, depth + 1);
        }
    }

    void set(Object* s, Tag t, int depth) {
        Ref members = list_from_iterable(s);
        items(t, as_list(members.get())->items.data(), as_list(members.get())->items.size(), depth);
    }

    // Functions and classes travel by reference, as pickle's: the receiver imports them by name, so
    // only what is reachable as module.qualname can be sent (CPython's texts for the refusals).
    void global(Object* o) {
        std::string module = attr_text(o, "__module__");
        std::string qualname = attr_text(o, "__qualname__");
        if (qualname.find("<locals>") != std::string::npos) {
            raise_pickling_error(format("Can't pickle local object '%s'", qualname.c_str()));
        }
        Ref found = lookup_global(module, qualname);
        if (found.get() != o) {
            raise_pickling_error(format("Can't pickle %s: attribute lookup %s on %s failed",
                                        repr_utf8(o).c_str(), qualname.c_str(), module.c_str()));
        }
        text(kGlobal, module);
        count(qualname.size());
        out += qualname;
    }

    // Native functions have no __module__; the built-in ones (len, print, ...) are found by name
    // in builtins, the only module a receiver can be sure to have.
    void builtin_function(NativeFunction* f) {
        std::string name = f->def->name;
        Ref found = f->self ? Ref() : lookup_global("builtins", name);
        if (found.get() != f) {
            raise_pickling_error(
                format("Can't pickle %s: it's not found as builtins.%s", repr_utf8(f).c_str(), name.c_str()));
        }
        text(kGlobal, "builtins");
        count(name.size());
        out += name;
    }

    void exception(Object* o, int depth) {
        tag(kException);
        Ref t = Ref::borrow(type_of(o));
        global(t.get());
        Ref args = get_attr(o, intern("args"));
        value(args.get(), depth + 1);
    }

    // An instance of a class statement's class: the class by reference, then its __dict__. The
    // format has no room for the value of a subclass of a built-in type (a namedtuple's items).
    void instance(Object* o, int depth) {
        Ref state = get_attr_opt(o, intern("__dict__"));
        if (!state || type_of(state.get()) != &dict_type || native_base(type_of(o))) {
            raise(&TypeError_type, format("cannot pickle '%s' object", type_of(o)->name.c_str()));
        }
        tag(kInstance);
        global(type_of(o));
        dict(as_dict(state.get()), depth + 1);
    }
};

class Reader {
public:
    Reader(const std::string& data) : p_(data.data()), end_(data.data() + data.size()) {}

    bool at_end() const { return p_ == end_; }

    Ref value() {
        Tag t = static_cast<Tag>(byte());
        switch (t) {
            case kNone:
                return Ref::borrow(None);
            case kTrue:
                return Ref::borrow(True);
            case kFalse:
                return Ref::borrow(False);
            case kSmallInt:
                return int_from_i64(fixed<int64_t>());
            case kBigInt:
                return int_from_string_unlimited(text(), 10);
            case kFloat:
                return float_new(fixed<double>());
            case kStr:
                return str_new(text());
            case kBytes:
                return bytes_new(text());
            case kTuple: {
                Ref list = sequence();
                return tuple_from(as_list(list.get())->items.data(), as_list(list.get())->items.size());
            }
            case kList:
                return sequence();
            case kDict:
                return dict();
            case kSet:
            case kFrozenSet: {
                Ref s = set_new(t == kSet ? &set_type : &frozenset_type);
                Ref members = sequence();
                for (Object* m : as_list(members.get())->items) set_add(s.get(), m);
                return s;
            }
            case kGlobal:
                return global_after_tag();
            case kException:
                return exception();
            case kInstance:
                return instance();
        }
        truncated();
    }

private:
    const char* p_;
    const char* end_;

    [[noreturn]] void truncated() { raise(&ValueError_type, "invalid or truncated serialized data"); }

    char byte() {
        if (p_ == end_) truncated();
        return *p_++;
    }

    template <typename T>
    T fixed() {
        if (static_cast<size_t>(end_ - p_) < sizeof(T)) truncated();
        T v;
        std::memcpy(&v, p_, sizeof v);
        p_ += sizeof v;
        return v;
    }

    std::string text() {
        uint64_t n = fixed<uint64_t>();
        if (static_cast<uint64_t>(end_ - p_) < n) truncated();
        std::string s(p_, n);
        p_ += n;
        return s;
    }

    Ref sequence() {
        uint64_t n = fixed<uint64_t>();
        Ref list = list_new();
        for (uint64_t i = 0; i < n; ++i) list_append(list.get(), value().get());
        return list;
    }

    Ref dict() {
        uint64_t n = fixed<uint64_t>();
        Ref d = dict_new();
        for (uint64_t i = 0; i < n; ++i) {
            Ref k = value();
            Ref v = value();
            dict_set(as_dict(d.get()), k.get(), v.get());
        }
        return d;
    }

    Ref global_after_tag() {
        std::string module = text();
        std::string qualname = text();
        Ref found = lookup_global(module, qualname);
        if (!found) {
            raise(&AttributeError_type,
                  format("Can't get attribute '%s' on <module '%s'>", qualname.c_str(), module.c_str()));
        }
        return found;
    }

    Ref global() {
        if (byte() != kGlobal) truncated();
        return global_after_tag();
    }

    Ref exception() {
        Ref t = global();
        Ref args = value();
        Tuple* a = as_tuple(args.get());
        return call(t.get(), a->items, a->size);
    }

    // As pickle does, the instance is made without calling __init__: by cls.__new__(cls) when the
    // class defines one, else as a bare instance with an empty __dict__.
    Ref instance() {
        Ref cls = global();
        if (!is_instance(cls.get(), &type_type) || !is_heap_type(static_cast<Type*>(cls.get()))) truncated();
        Ref object;
        if (Ref new_fn = get_attr_opt(cls.get(), intern("__new__"))) {
            Object* arg = cls.get();
            object = call(new_fn.get(), &arg, 1);
        } else {
            auto* inst = new Instance();
            init_header(inst, static_cast<Type*>(cls.get()));
            inst->dict = as_dict(dict_new().release());
            object = Ref::steal(inst);
        }
        if (byte() != kDict) truncated();
        Ref state = dict();
        Object *k, *v;
        for (size_t i = 0; dict_next(as_dict(state.get()), &i, &k, &v);) set_attr(object.get(), as_str(k), v);
        return object;
    }
};

Ref serial_dumps(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("dumps", nargs, kw, 1, 1);
    Writer writer;
    writer.value(args[0], 0);
    return bytes_new(writer.out);
}

// dumps_plain(obj): dumps(obj) when obj is plain data (see Writer), else None; multiprocessing sends
// such messages in this format and pickles the others, as pickle is pure Python here and ~100x
// slower per message (docs/serialization.md has the figures).
Ref serial_dumps_plain(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("dumps_plain", nargs, kw, 1, 1);
    Writer writer(true);
    try {
        writer.value(args[0], 0);
    } catch (NeedsPickle&) {
        return Ref::borrow(None);
    }
    return bytes_new(writer.out);
}

Ref serial_loads(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("loads", nargs, kw, 1, 1);
    std::string data = bytes_like_data(args[0]);
    Reader reader(data);
    Ref result = reader.value();
    if (!reader.at_end()) raise(&ValueError_type, "invalid serialized data: bytes left after the value");
    return result;
}

// The "Traceback (most recent call last): ..." text of an exception: a worker sends it along with
// the exception, whose traceback itself cannot travel.
Ref serial_format_exception(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("format_exception", nargs, kw, 1, 1);
    if (!is_exception_instance(args[0]))
        raise(&TypeError_type, "format_exception() argument must be an exception");
    return str_new(format_exception(args[0]));
}

const MethodDef kSerialFunctions[] = {
    {"dumps", serial_dumps, "Return the serialized bytes of an object (see docs/serialization.md)."},
    {"dumps_plain", serial_dumps_plain,
     "dumps(obj) when obj is plain data that pickle would rebuild the same, else None."},
    {"loads", serial_loads, "Rebuild an object from the bytes dumps() made."},
    {"format_exception", serial_format_exception, "Return an exception's traceback text, as printed."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_serial_module() {
    Ref module = native_module_new("_serial", kSerialFunctions);
    Dict* d = module_dict(module.get());
    if (!g_pickling_error) {
        g_pickling_error = new_exception_class("_serial", "PicklingError", {&Exception_type}).release();
    }
    dict_set(d, intern("PicklingError"), g_pickling_error);
    return module;
}

}  // namespace minipy
