// memory_stream.h — what io.StringIO (stringio.cpp) and io.BytesIO (bytesio.cpp) share: a buffer, a
// position, a closed flag and an attribute dict, and the methods that do not look at what the buffer
// holds. Each type gives its own closed-file and negative-size texts, which differ in CPython ("file"
// and "file.").
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <utility>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

template <class Buffer>
struct MemoryStream : Object {
    Buffer buf;
    size_t pos = 0;
    bool closed = false;
    // The instance's own attributes (CPython's StringIO and BytesIO have a __dict__: tarfile and
    // the tests of bz2 and lzma set `name` or `seekable` on one), made on first use; instances of
    // subclasses keep theirs here too (Type::instance_dict).
    std::atomic<Dict*> attrs{nullptr};
};

// Stream: a MemoryStream with static kClosedText, kNegativeSizeText, kFlushChecksClosed and kReadOnly
// (the names its getattr answers, each with the class CPython defines it in; null: the type itself).
template <class Stream>
struct MemoryStreamMethods {
    static Stream* open(Object* o) {
        auto* s = static_cast<Stream*>(o);
        if (s->closed) raise(&ValueError_type, Stream::kClosedText);
        return s;
    }
    static Ref tell(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("tell", nargs - 1, kw, 0, 0);
        return int_from_i64(static_cast<int64_t>(open(args[0])->pos));
    }
    static Ref truncate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("truncate", nargs - 1, kw, 0, 1);
        Stream* s = open(args[0]);
        int64_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : static_cast<int64_t>(s->pos);
        if (size < 0)
            raise(&ValueError_type,
                  format("%s %lld", Stream::kNegativeSizeText, static_cast<long long>(size)));
        if (static_cast<size_t>(size) < s->buf.size()) s->buf.resize(static_cast<size_t>(size));
        return int_from_i64(size);
    }
    static Ref close(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("close", nargs - 1, kw, 0, 0);
        auto* s = static_cast<Stream*>(args[0]);
        s->closed = true;
        s->buf.clear();
        s->buf.shrink_to_fit();
        return Ref::borrow(None);
    }
    // readable(), writable() and seekable(): always, while open.
    static Ref always(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("readable", nargs - 1, kw, 0, 0);
        open(args[0]);
        return Ref::borrow(True);
    }
    static Ref isatty(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("isatty", nargs - 1, kw, 0, 0);
        open_as_iobase(args[0]);
        return Ref::borrow(False);
    }
    // The check of a method CPython's types inherit from IOBase (isatty, writelines): its text for both.
    static void open_as_iobase(Object* o) {
        if (static_cast<Stream*>(o)->closed) raise(&ValueError_type, "I/O operation on closed file.");
    }
    static Ref flush(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("flush", nargs - 1, kw, 0, 0);
        if (Stream::kFlushChecksClosed) open(args[0]);  // CPython's StringIO.flush never does
        return Ref::borrow(None);
    }
    static Ref enter(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("__enter__", nargs - 1, kw, 0, 0);
        return Ref::borrow(open(args[0]));
    }
    static Ref exit(Object* c, Object* const* args, size_t, Tuple*) { return close(c, args, 1, nullptr); }

    // The attribute dict, made on first use; two threads that both make one keep the first.
    static Dict* attrs(Object* o) {
        auto* s = static_cast<Stream*>(o);
        if (Dict* d = s->attrs.load(std::memory_order_acquire)) return d;
        Dict* fresh = as_dict(dict_new().release());
        Dict* expected = nullptr;
        if (s->attrs.compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) return fresh;
        decref(fresh);
        return expected;
    }
    // After the type's own fields: __dict__, then an instance attribute before the type's methods.
    static Ref getattr(Object* o, Str* name) {
        if (name->utf8 == "__dict__") return Ref::borrow(attrs(o));
        if (Dict* d = static_cast<Stream*>(o)->attrs.load(std::memory_order_acquire))
            if (Ref v = dict_get_ref(d, name)) return v;
        return generic_getattr(o, name);
    }
    // The fields the type's getattr answers itself are CPython's read-only getsets, each with the
    // class that defines it ("attribute 'encoding' of '_io._TextIOBase' objects is not writable").
    static void setattr(Object* o, Str* name, Object* value) {
        for (const auto& [field, owner] : Stream::kReadOnly)
            if (name->utf8 == field)
                raise(&AttributeError_type, format("attribute '%s' of '%s' objects is not writable", field,
                                                   owner ? owner : type_of(o)->name.c_str()));
        if (Ref found = type_lookup(type_of(o), name); found && is_attribute_descriptor(found.get()))
            return builtin_generic_setattr(o, name, value);
        if (value) return dict_set(attrs(o), name, value);
        Dict* d = static_cast<Stream*>(o)->attrs.load(std::memory_order_acquire);
        if (!d || !dict_del(d, name)) raise_no_attribute(o, name);
    }
    static void traverse(Object* o, VisitProc visit, void* arg) {
        if (Dict* d = static_cast<Stream*>(o)->attrs.load(std::memory_order_relaxed)) visit(d, arg);
    }
    static void clear(Object* o) {
        if (Dict* d = static_cast<Stream*>(o)->attrs.exchange(nullptr, std::memory_order_acq_rel)) decref(d);
    }
    static void dealloc(Object* o) {
        weakrefs_clear(o);
        clear(o);
        delete_object_of(static_cast<Stream*>(o));
    }
    // __getstate__'s last item: a copy of the attribute dict, or None when there is none.
    static Ref state_dict(Object* o) {
        Dict* d = static_cast<Stream*>(o)->attrs.load(std::memory_order_acquire);
        return d ? dict_copy(d) : Ref::borrow(None);
    }
    // __setstate__'s position item (`which`: its place, "second" or "third"); the two types word
    // a non-int differently ("must be an integer, not str" and ", got str").
    static void restore_position(Object* o, Object* item, const char* not_int_text) {
        if (!is_int(item)) raise(&TypeError_type, format(not_int_text, type_of(item)->name.c_str()));
        int64_t pos = as_index(item);
        if (pos < 0) raise(&ValueError_type, "position value cannot be negative");
        static_cast<Stream*>(o)->pos = static_cast<size_t>(pos);
    }
    // __setstate__'s dict item (`which`: "third" or "fourth"): None, or attributes added to the
    // instance's own, as CPython updates rather than replaces them.
    static void restore_dict(Object* o, Object* item, const char* which) {
        if (item == None) return;
        if (!is_instance(item, &dict_type))
            raise(&TypeError_type,
                  format("%s item of state should be a dict, got a %s", which, type_of(item)->name.c_str()));
        dict_update(attrs(o), item);
    }
    // CPython's check of the state's size (a longer tuple is taken): "_io.BytesIO.__setstate__
    // argument should be 3-tuple, got NoneType".
    static const Tuple* state_tuple(Object* o, Object* state, size_t size) {
        if (!is_instance(state, &tuple_type) || as_tuple(state)->size < size)
            raise(&TypeError_type, format("%s.__setstate__ argument should be %zu-tuple, got %s",
                                          type_of(o)->name.c_str(), size, type_of(state)->name.c_str()));
        return as_tuple(state);
    }

    // __init__ and the constructor of a type whose `Setup` reads its arguments (StringIO's,
    // BytesIO's). A class derived from it with an __init__ of its own takes its own arguments and
    // sets the object up through super().__init__(), as in CPython, whose types do their work in
    // __init__; `Own` (the type itself) and classes that inherit its __init__ are set up at once.
    template <void (*Setup)(Stream*, Object* const*, size_t, Tuple*)>
    static Ref init(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        Setup(static_cast<Stream*>(args[0]), args + 1, nargs - 1, kw);
        return Ref::borrow(None);
    }
    template <void (*Setup)(Stream*, Object* const*, size_t, Tuple*), Type* Own>
    static Ref construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
        Type* t = static_cast<Type*>(type);
        auto* s = new_object_of<Stream>(t);  // a GcHead for a subclass's instance
        Ref self = Ref::steal(s);
        if (t == Own || inherits_native_init(t, init<Setup>)) Setup(s, args, nargs, kw);
        return self;
    }

    // The type slots that give instances their attribute dict.
    static void give_attribute_dict(Type& t) {
        t.instances_have_dict = true;
        t.instance_dict = attrs;
        t.setattr = setattr;
        t.traverse = traverse;
        t.clear = clear;
        t.dealloc = dealloc;
    }
};

}  // namespace minipy
