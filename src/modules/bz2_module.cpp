// bz2_module.cpp — the native `_bz2` module over libbzip2: BZ2Compressor and BZ2Decompressor with
// CPython 3.11's arguments, attributes and error texts, under CPython's own pure-Python bz2.py.
// libbzip2 runs without the GIL, so threads compress in parallel, each object behind its own mutex.
#include <bzlib.h>

#include <climits>
#include <mutex>

#include "modules/compression_stream.h"
#include "modules/held_buffer.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type compressor_type, decompressor_type;

// CPython's catch_bz2_error: each libbzip2 failure as the exception CPython raises for it.
void check_bz2(int ret) {
    switch (ret) {
        case BZ_OK:
        case BZ_RUN_OK:
        case BZ_FLUSH_OK:
        case BZ_FINISH_OK:
        case BZ_STREAM_END:
            return;
        case BZ_PARAM_ERROR:
            raise(&ValueError_type, "Internal error - invalid parameters passed to libbzip2");
        case BZ_MEM_ERROR:
            raise(&MemoryError_type, "");
        case BZ_DATA_ERROR:
        case BZ_DATA_ERROR_MAGIC:
            raise(&OSError_type, "Invalid data stream");
        case BZ_IO_ERROR:
            raise(&OSError_type, "Unknown I/O error");
        case BZ_UNEXPECTED_EOF:
            raise(&EOFError_type, "Compressed file ended before the logical end-of-stream was detected");
        case BZ_SEQUENCE_ERROR:
            raise(&RuntimeError_type, "Internal error - Invalid sequence of commands sent to libbzip2");
        default:
            raise(&OSError_type, format("Unrecognized error from libbzip2: %d", ret));
    }
}

struct Decompressor;

// A bz_stream as the loops of compression_stream.h drive it for one call. bz_stream counts bytes in
// 32 bits, so a longer input goes in pieces: `next` and `left` are the input not handed to it yet.
struct Bz2Stream {
    bz_stream& bzs;
    const unsigned char* next;
    size_t left;

    Bz2Stream(bz_stream& s, const unsigned char* data, size_t size) : bzs(s), next(data), left(size) {
        bzs.next_in = nullptr;
        bzs.avail_in = 0;
    }
    void add_output(OutputBuffer& out) {
        size_t room;
        bzs.next_out = reinterpret_cast<char*>(out.grow(&room));
        bzs.avail_out = static_cast<unsigned>(room);
    }
    size_t avail_out() const { return bzs.avail_out; }
    size_t input_left() const { return bzs.avail_in + left; }
    const unsigned char* next_in() const { return reinterpret_cast<const unsigned char*>(bzs.next_in); }

    // Once the stream has taken the last piece, hands it the next.
    void refill() {
        if (bzs.avail_in > 0 || left == 0) return;
        unsigned piece = static_cast<unsigned>(std::min<size_t>(left, UINT_MAX));
        bzs.next_in = const_cast<char*>(reinterpret_cast<const char*>(next));
        bzs.avail_in = piece;
        next += piece;
        left -= piece;
    }
    bool compress(bool finish) {
        refill();
        if (!finish && bzs.avail_in == 0) return false;  // nothing to compress: CPython makes no call
        int ret = without_gil([&] { return BZ2_bzCompress(&bzs, finish ? BZ_FINISH : BZ_RUN); });
        check_bz2(ret);
        return ret == BZ_STREAM_END;
    }
    bool decompress(Decompressor& d);
};

// ---- BZ2Compressor ----

struct Compressor : Object {
    CompressorState state;
    bz_stream bzs{};
    bool initialised = false;

    Bz2Stream stream(const unsigned char* data, size_t size) { return Bz2Stream(bzs, data, size); }
};

Compressor* as_compressor(Object* o) { return static_cast<Compressor*>(o); }

void compressor_dealloc(Object* o) {
    Compressor* c = as_compressor(o);
    if (c->initialised) BZ2_bzCompressEnd(&c->bzs);
    delete c;
}

// BZ2Compressor(compresslevel=9, /)
Ref compressor_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size > 0) raise(&TypeError_type, "BZ2Compressor() takes no keyword arguments");
    if (nargs > 1)
        raise(&TypeError_type, format("BZ2Compressor expected at most 1 argument, got %zu", nargs));
    int level = c_int_arg(nargs > 0 ? args[0] : nullptr, 9);
    if (level < 1 || level > 9) raise(&ValueError_type, "compresslevel must be between 1 and 9");
    auto* c = new Compressor();
    init_header(c, static_cast<Type*>(type));
    Ref self = Ref::steal(c);
    check_bz2(BZ2_bzCompressInit(&c->bzs, level, 0, 0));
    c->initialised = true;
    return self;
}

// ---- BZ2Decompressor ----

struct Decompressor : Object {
    DecompressorState state;
    bz_stream bzs{};
    bool initialised = false;
    bool failed = false;  // a call raised a libbzip2 error

    Bz2Stream stream(const unsigned char* data, size_t size) { return Bz2Stream(bzs, data, size); }
    void refuse_input() {
        if (state.eof) raise(&EOFError_type, "End of stream already reached");
        if (failed) raise(&ValueError_type, "Decompressor failed because of a previous error");
    }
};

bool Bz2Stream::decompress(Decompressor& d) {
    refill();
    int ret = without_gil([&] { return BZ2_bzDecompress(&bzs); });
    if (ret != BZ_OK && ret != BZ_STREAM_END) {
        // libbzip2's state after an error is not fit to be called again (CPython 3.11 once
        // crashed on it): the object refuses further input, as CPython's fix does.
        d.failed = true;
        d.state.pending.clear();
        d.state.needs_input = false;
        check_bz2(ret);
    }
    return ret == BZ_STREAM_END;
}

Decompressor* as_decompressor(Object* o) { return static_cast<Decompressor*>(o); }

void decompressor_dealloc(Object* o) {
    Decompressor* d = as_decompressor(o);
    if (d->initialised) BZ2_bzDecompressEnd(&d->bzs);
    delete d;
}

Ref decompressor_construct(Object* type, Args, size_t nargs, Tuple* kw) {
    if (nargs > 0) raise(&TypeError_type, "BZ2Decompressor() takes no positional arguments");
    if (kw && kw->size > 0) raise(&TypeError_type, "BZ2Decompressor() takes no keyword arguments");
    auto* d = new Decompressor();
    init_header(d, static_cast<Type*>(type));
    Ref self = Ref::steal(d);
    d->state.unused_data = bytes_new("");
    check_bz2(BZ2_bzDecompressInit(&d->bzs, 0, 0));
    d->initialised = true;
    return self;
}

Ref decompressor_getattr(Object* o, Str* name) {
    if (Ref attribute = state_attribute(as_decompressor(o)->state, name->utf8)) return attribute;
    return generic_getattr(o, name);
}

void init_types() {
    compressor_type.construct = compressor_construct;
    init_stream_type(compressor_type, "_bz2.BZ2Compressor", sizeof(Compressor), compressor_dealloc,
                     kCompressorMethods<Compressor>,
                     "Create a compressor object for compressing data incrementally.\n\n  compresslevel\n    "
                     "Compression level, as a number between 1 and 9.\n\nFor one-shot compression, use the "
                     "compress() function instead.");
    decompressor_type.construct = decompressor_construct;
    decompressor_type.getattr = decompressor_getattr;
    init_stream_type(decompressor_type, "_bz2.BZ2Decompressor", sizeof(Decompressor), decompressor_dealloc,
                     kDecompressorMethods<Decompressor>, kDecompressorDoc);
}

const MethodDef kNoFunctions[] = {{nullptr, nullptr, nullptr}};

}  // namespace

Ref init_bz2_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Ref module = native_module_new("_bz2", kNoFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("BZ2Compressor"), &compressor_type);
    dict_set(d, intern("BZ2Decompressor"), &decompressor_type);
    return module;
}

}  // namespace minipy
