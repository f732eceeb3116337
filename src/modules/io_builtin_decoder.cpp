// io_builtin_decoder.cpp — the incremental decoder a TextIOWrapper uses for utf-8, ascii and latin-1,
// the codecs every interpreter has without the registry: sys.stdin is one of its files, made before
// the encodings package can be imported, and reading needs no Python code per chunk. It keeps the
// bytes of an unfinished UTF-8 sequence between chunks, as encodings.utf_8.IncrementalDecoder does,
// and has its getstate/setstate/reset.
#include <string>

#include "modules/codecs_unicode.h"
#include "modules/io_base.h"
#include "modules/utf32.h"
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

Type builtin_decoder_type;

enum class Codec { kUtf8, kAscii, kLatin1 };

struct BuiltinDecoder : Object {
    Codec codec;
    Object* errors;       // owned str, or null for "strict"
    std::string pending;  // the start of a UTF-8 sequence the next chunk completes
};

BuiltinDecoder* as_decoder(Object* o) { return static_cast<BuiltinDecoder*>(o); }

void decoder_dealloc(Object* o) {
    xdecref(as_decoder(o)->errors);
    delete as_decoder(o);
}

bool all_ascii(const std::string& data) {
    for (char c : data)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// decode(input, final=False)
Ref decoder_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"self", "input", "final"};
    Object* a[3] = {};
    bind_args("decode", args, nargs, kw, kNames, 3, 2, a);
    BuiltinDecoder* d = as_decoder(a[0]);
    bool final = a[2] && is_true(a[2]);
    std::string data = d->pending + bytes_like_data(a[1]);
    d->pending.clear();
    if (all_ascii(data)) return str_new(data);
    switch (d->codec) {
        case Codec::kUtf8: {
            DecodeErrors e("utf-8", data, d->errors);
            size_t used = 0;
            std::u32string text = decode_utf8(data, e, final, &used);
            d->pending = data.substr(used);
            return str_new(utf32_to_utf8(text));
        }
        case Codec::kAscii: {
            DecodeErrors e("ascii", data, d->errors);
            return str_new(utf32_to_utf8(decode_ascii(data, e)));
        }
        case Codec::kLatin1:
            break;
    }
    return str_new(utf32_to_utf8(decode_latin1(data)));
}

// getstate(): (the bytes held, 0).
Ref decoder_getstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getstate", nargs - 1, kw, 0, 0);
    Ref held = bytes_new(as_decoder(args[0])->pending);
    Object* items[2] = {held.get(), make_small_int(0)};
    return tuple_from(items, 2);
}

Ref decoder_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setstate", nargs - 1, kw, 1, 1);
    if (!is_instance(args[1], &tuple_type) || as_tuple(args[1])->size != 2)
        raise(&TypeError_type, "state argument must be a tuple");
    as_decoder(args[0])->pending = bytes_like_data(as_tuple(args[1])->items[0]);
    return Ref::borrow(None);
}

Ref decoder_reset(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("reset", nargs - 1, kw, 0, 0);
    as_decoder(args[0])->pending.clear();
    return Ref::borrow(None);
}

const MethodDef kDecoderMethods[] = {
    {"decode", decoder_decode, "Decode input; the end of an unfinished sequence waits for the next."},
    {"getstate", decoder_getstate, "Return (bytes held, 0)."},
    {"setstate", decoder_setstate, "Set the bytes held from getstate()'s tuple."},
    {"reset", decoder_reset, "Forget the bytes held."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

const char* builtin_text_codec(const std::string& encoding) {
    std::string name = encoding;
    for (char& c : name) c = c == '_' ? '-' : static_cast<char>(tolower(static_cast<unsigned char>(c)));
    if (name == "utf-8" || name == "utf8") return "utf-8";
    // ANSI_X3.4-1968 is glibc's name for the C locale's codeset.
    if (name == "ascii" || name == "us-ascii" || name == "ansi-x3.4-1968" || name == "646") return "ascii";
    if (name == "latin-1" || name == "latin1" || name == "iso-8859-1" || name == "iso8859-1")
        return "iso8859-1";
    return nullptr;
}

std::string codec_name(const std::string& encoding) {
    if (const char* builtin = builtin_text_codec(encoding)) return builtin;
    std::string name = encoding;
    for (char& c : name) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    return name;
}

Ref builtin_decoder_new(const char* codec, Object* errors) {
    Type& t = builtin_decoder_type;
    if (t.name.empty()) {
        t.name = "_io._BuiltinDecoder";
        t.instance_size = sizeof(BuiltinDecoder);
        t.dealloc = decoder_dealloc;
        t.methods = kDecoderMethods;
        init_type(&t);
    }
    auto* d = new BuiltinDecoder();
    init_header(d, &t);
    std::string name = codec;
    d->codec = name == "utf-8" ? Codec::kUtf8 : name == "ascii" ? Codec::kAscii : Codec::kLatin1;
    d->errors = errors && str_utf8_of(errors) != "strict" ? newref(errors) : nullptr;
    return Ref::steal(d);
}

}  // namespace minipy
