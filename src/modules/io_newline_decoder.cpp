// io_newline_decoder.cpp — io.IncrementalNewlineDecoder, following CPython 3.11's _io: wraps an
// incremental decoder (or none, for text already decoded), turns "\r\n" and "\r" into "\n" when asked
// to, holds back a "\r" that ends a chunk (the next may start with "\n"), and records the kinds of
// newline it has seen. doctest imports it; TextIOWrapper-like classes of CPython's Lib use it.
#include <string>
#include <utility>

#include "modules/io_base.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type newline_decoder_type;

// The kinds of newline seen, as bits, CPython's SEEN_LF/CR/CRLF.
constexpr int kSeenLF = 1, kSeenCR = 2, kSeenCRLF = 4;

struct NewlineDecoder : Object {
    Object* decoder;  // owned: an incremental decoder, or None
    bool translate;
    bool pending_cr;  // the last chunk ended with "\r", held back
    int seen;         // kSeen* bits
};

NewlineDecoder* as_decoder(Object* o) { return static_cast<NewlineDecoder*>(o); }

void decoder_dealloc(Object* o) {
    decref(as_decoder(o)->decoder);
    delete as_decoder(o);
}

Ref decoder_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"decoder", "translate", "errors"};
    Object* a[3] = {};
    bind_args("IncrementalNewlineDecoder", args, nargs, kw, kNames, 3, 2, a);
    auto* d = new NewlineDecoder();
    init_header(d, &newline_decoder_type);
    d->decoder = newref(a[0]);
    d->translate = is_true(a[1]);
    d->pending_cr = false;
    d->seen = 0;
    return Ref::steal(d);
}

size_t count(const std::string& s, const char* what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

void replace_all(std::string& s, const char* from, char to) {
    std::string out;
    size_t width = std::char_traits<char>::length(from);
    for (size_t i = 0; i < s.size();) {
        if (s.compare(i, width, from) == 0) {
            out += to;
            i += width;
        } else {
            out += s[i++];
        }
    }
    s = std::move(out);
}

// decode(input, final=False)
Ref decoder_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"self", "input", "final"};
    Object* a[3] = {};
    bind_args("decode", args, nargs, kw, kNames, 3, 2, a);
    NewlineDecoder* d = as_decoder(a[0]);
    Object* final_flag = a[2] ? a[2] : False;
    bool final = is_true(final_flag);
    Ref decoded = Ref::borrow(a[1]);
    if (d->decoder != None) {
        Ref decode = get_attr(d->decoder, intern("decode"));
        Object* call_args[2] = {a[1], final_flag};
        Object* kwname = intern("final");
        Ref kwnames = tuple_from(&kwname, 1);
        decoded = call(decode.get(), call_args, 1, as_tuple(kwnames.get()));
    }
    if (!is_str(decoded.get()))
        raise(&TypeError_type, format("decoder should return a string result, not '%s'",
                                      type_of(decoded.get())->name.c_str()));
    std::string text = str_utf8_of(decoded.get());
    if (d->pending_cr && (final || !text.empty())) {
        text.insert(text.begin(), '\r');
        d->pending_cr = false;
    }
    if (!final && !text.empty() && text.back() == '\r') {
        text.pop_back();
        d->pending_cr = true;
    }
    size_t crlf = count(text, "\r\n");
    size_t cr = count(text, "\r") - crlf;
    size_t lf = count(text, "\n") - crlf;
    d->seen |= (lf ? kSeenLF : 0) | (cr ? kSeenCR : 0) | (crlf ? kSeenCRLF : 0);
    if (d->translate) {
        if (crlf) replace_all(text, "\r\n", '\n');
        if (cr) replace_all(text, "\r", '\n');
    }
    return str_new(text);
}

// getstate(): the wrapped decoder's (buffer, flag), the flag shifted left to hold the pending "\r".
Ref decoder_getstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getstate", nargs - 1, kw, 0, 0);
    NewlineDecoder* d = as_decoder(args[0]);
    Ref buffer = bytes_new("");
    int64_t flag = 0;
    if (d->decoder != None) {
        Ref state = call0(get_attr(d->decoder, intern("getstate")).get());
        if (!is_instance(state.get(), &tuple_type) || as_tuple(state.get())->size != 2)
            raise(&TypeError_type, "illegal decoder state");
        buffer = Ref::borrow(as_tuple(state.get())->items[0]);
        flag = as_index(as_tuple(state.get())->items[1]);
    }
    flag = (flag << 1) | (d->pending_cr ? 1 : 0);
    Ref flag_value = int_from_i64(flag);
    Object* items[2] = {buffer.get(), flag_value.get()};
    return tuple_from(items, 2);
}

Ref decoder_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setstate", nargs - 1, kw, 1, 1);
    NewlineDecoder* d = as_decoder(args[0]);
    if (!is_instance(args[1], &tuple_type) || as_tuple(args[1])->size != 2)
        raise(&TypeError_type, "state argument must be a tuple");
    Object* buffer = as_tuple(args[1])->items[0];
    int64_t flag = as_index(as_tuple(args[1])->items[1]);
    d->pending_cr = flag & 1;
    if (d->decoder != None) {
        Ref shifted = int_from_i64(flag >> 1);
        Object* items[2] = {buffer, shifted.get()};
        Ref state = tuple_from(items, 2);
        call1(get_attr(d->decoder, intern("setstate")).get(), state.get());
    }
    return Ref::borrow(None);
}

Ref decoder_reset(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("reset", nargs - 1, kw, 0, 0);
    NewlineDecoder* d = as_decoder(args[0]);
    d->seen = 0;
    d->pending_cr = false;
    if (d->decoder != None) call0(get_attr(d->decoder, intern("reset")).get());
    return Ref::borrow(None);
}

// newlines: None, one kind ("\n", "\r", "\r\n"), or a tuple of the kinds seen, in that order.
Ref newlines_seen(int seen) {
    Ref kinds[3];
    size_t n = 0;
    if (seen & kSeenCR) kinds[n++] = str_new("\r");
    if (seen & kSeenLF) kinds[n++] = str_new("\n");
    if (seen & kSeenCRLF) kinds[n++] = str_new("\r\n");
    if (n == 0) return Ref::borrow(None);
    if (n == 1) return kinds[0];
    Object* items[3] = {kinds[0].get(), kinds[1].get(), n == 3 ? kinds[2].get() : nullptr};
    return tuple_from(items, n);
}

Ref decoder_getattr(Object* o, Str* name) {
    if (name->utf8 == "newlines") return newlines_seen(as_decoder(o)->seen);
    return generic_getattr(o, name);
}

const MethodDef kDecoderMethods[] = {
    {"decode", decoder_decode, "Decode input, translating newlines if asked to."},
    {"getstate", decoder_getstate, "Return (buffer, flag): the decoder's state."},
    {"setstate", decoder_setstate, "Set the decoder's state from getstate()'s (buffer, flag)."},
    {"reset", decoder_reset, "Forget pending input and the newlines seen."},
    {nullptr, nullptr, nullptr},
};

void init_newline_decoder_type() {
    Type& t = newline_decoder_type;
    if (!t.name.empty()) return;
    t.name = "_io.IncrementalNewlineDecoder";
    t.instance_size = sizeof(NewlineDecoder);
    t.dealloc = decoder_dealloc;
    t.construct = decoder_construct;
    t.getattr = decoder_getattr;
    t.methods = kDecoderMethods;
    init_type(&t);
}

}  // namespace

void add_newline_decoder_class(Dict* module) {
    init_newline_decoder_type();
    dict_set(module, intern("IncrementalNewlineDecoder"), &newline_decoder_type);
}

Ref newline_decoder_new(Object* decoder, bool translate) {
    init_newline_decoder_type();
    Object* args[2] = {decoder, bool_obj(translate)};
    return decoder_construct(&newline_decoder_type, args, 2, nullptr);
}

}  // namespace minipy
