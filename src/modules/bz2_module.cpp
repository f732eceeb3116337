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

// bz_stream counts bytes in 32 bits, so a longer input goes in pieces: once the stream has taken
// the last piece, hands it the next of the `left` bytes at `next` (the input not given to it yet).
void refill_input(bz_stream& bzs, const unsigned char*& next, size_t& left) {
    if (bzs.avail_in > 0 || left == 0) return;
    unsigned piece = static_cast<unsigned>(std::min<size_t>(left, UINT_MAX));
    bzs.next_in = const_cast<char*>(reinterpret_cast<const char*>(next));
    bzs.avail_in = piece;
    next += piece;
    left -= piece;
}

// libbzip2 does its work in whole 900 kB blocks, so even a tiny call may compress or decompress a
// block: every call runs without the GIL, as in CPython.
template <typename Step>
int without_gil(Step step) {
    AllowThreads unblocked(BlockReason::CCode);
    return step();
}

// ---- BZ2Compressor ----

struct Compressor : Object {
    std::mutex lock;
    bz_stream bzs{};
    bool initialised = false;
    bool flushed = false;
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

// Runs the compressor over `size` bytes at `data` with `action` (BZ_RUN or BZ_FINISH).
Ref compress_run(Compressor* c, const unsigned char* data, size_t size, int action) {
    OutputBuffer out;
    const unsigned char* next = data;
    size_t left = size;
    c->bzs.next_in = nullptr;
    c->bzs.avail_in = 0;
    size_t room;
    c->bzs.next_out = reinterpret_cast<char*>(out.grow(&room));
    c->bzs.avail_out = static_cast<unsigned>(room);
    for (;;) {
        refill_input(c->bzs, next, left);
        if (action == BZ_RUN && c->bzs.avail_in == 0) break;
        if (c->bzs.avail_out == 0) {
            c->bzs.next_out = reinterpret_cast<char*>(out.grow(&room));
            c->bzs.avail_out = static_cast<unsigned>(room);
        }
        int ret = without_gil([&] { return BZ2_bzCompress(&c->bzs, action); });
        check_bz2(ret);
        if (action == BZ_FINISH && ret == BZ_STREAM_END) break;
    }
    return out.finish(c->bzs.avail_out);
}

Ref compressor_compress(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("compress", nargs - 1, kw, 1, 1);
    Compressor* c = as_compressor(args[0]);
    HeldBuffer data(args[1]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(c->lock);
    if (c->flushed) raise(&ValueError_type, "Compressor has been flushed");
    return compress_run(c, data.data(), data.size(), BZ_RUN);
}

Ref compressor_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs - 1, kw, 0, 0);
    Compressor* c = as_compressor(args[0]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(c->lock);
    if (c->flushed) raise(&ValueError_type, "Repeated call to flush()");
    c->flushed = true;
    return compress_run(c, nullptr, 0, BZ_FINISH);
}

// ---- BZ2Decompressor ----

struct Decompressor : Object {
    DecompressorState state;
    bz_stream bzs{};
    bool initialised = false;
    bool failed = false;  // a call raised a libbzip2 error
};

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

// Decompresses `input` until it is used up, the stream ends or the output reaches max_length.
Ref decompress_run(Decompressor* d, std::string_view input, int64_t max_length) {
    bz_stream& bzs = d->bzs;
    OutputBuffer out(max_length);
    const unsigned char* next = reinterpret_cast<const unsigned char*>(input.data());
    size_t left = input.size();
    bzs.next_in = nullptr;
    bzs.avail_in = 0;
    size_t room;
    bzs.next_out = reinterpret_cast<char*>(out.grow(&room));
    bzs.avail_out = static_cast<unsigned>(room);
    for (;;) {
        refill_input(bzs, next, left);
        int ret = without_gil([&] { return BZ2_bzDecompress(&bzs); });
        if (ret != BZ_OK && ret != BZ_STREAM_END) {
            // libbzip2's state after an error is not fit to be called again (CPython 3.11 once
            // crashed on it): the object refuses further input, as CPython's fix does.
            d->failed = true;
            d->state.pending.clear();
            d->state.needs_input = false;
            check_bz2(ret);
        }
        if (ret == BZ_STREAM_END) {
            d->state.eof = true;
            break;
        }
        // Output space first: the library may hold more output when the input is used up.
        if (bzs.avail_out == 0) {
            if (out.at_limit(0)) break;
            bzs.next_out = reinterpret_cast<char*>(out.grow(&room));
            bzs.avail_out = static_cast<unsigned>(room);
        } else if (bzs.avail_in == 0 && left == 0) {
            break;
        }
    }
    size_t unused = bzs.avail_in + left;
    d->state.settle(reinterpret_cast<const unsigned char*>(bzs.next_in), unused, bzs.avail_out);
    return out.finish(bzs.avail_out);
}

// decompress(data, max_length=-1)
Ref decompressor_decompress(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"data", "max_length"};
    Object* a[2];
    bind_args("decompress", args + 1, nargs - 1, kw, kNames, 2, 1, a);
    Decompressor* d = as_decompressor(args[0]);
    HeldBuffer data(a[0]);
    int64_t max_length = max_length_arg(a[1]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(d->state.lock);
    if (d->state.eof) raise(&EOFError_type, "End of stream already reached");
    if (d->failed) raise(&ValueError_type, "Decompressor failed because of a previous error");
    std::string_view fresh(reinterpret_cast<const char*>(data.data()), data.size());
    return decompress_run(d, d->state.input(fresh), max_length);
}

// The read-only attributes eof, unused_data and needs_input (CPython's members).
Ref decompressor_getattr(Object* o, Str* name) {
    DecompressorState& s = as_decompressor(o)->state;
    const std::string& n = name->utf8;
    if (n == "eof" || n == "unused_data" || n == "needs_input") {
        std::unique_lock<std::mutex> guard = lock_letting_others_run(s.lock);
        if (n == "eof") return Ref::borrow(bool_obj(s.eof));
        if (n == "needs_input") return Ref::borrow(bool_obj(s.needs_input));
        return s.unused_data;
    }
    return generic_getattr(o, name);
}

const MethodDef kCompressorMethods[] = {
    {"compress", compressor_compress,
     "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' "
     "otherwise.\n\nWhen you have finished providing data to the compressor, call the\nflush() method to "
     "finish the compression process."},
    {"flush", compressor_flush,
     "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\nThe "
     "compressor object may not be used after this method is called."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kDecompressorMethods[] = {
    {"decompress", decompressor_decompress,
     "Decompress *data*, returning uncompressed data as bytes.\n\nIf *max_length* is nonnegative, returns "
     "at most *max_length* bytes of\ndecompressed data. If this limit is reached and further output can "
     "be\nproduced, *self.needs_input* will be set to ``False``. In this case, the next\ncall to "
     "*decompress()* may provide *data* as b'' to obtain more of the output.\n\nIf all of the input data "
     "was decompressed and returned (either because this\nwas less than *max_length* bytes, or because "
     "*max_length* was negative),\n*self.needs_input* will be set to True.\n\nAttempting to decompress "
     "data after the end of stream is reached raises an\nEOFError.  Any data found after the end of the "
     "stream is ignored and saved in\nthe unused_data attribute."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    compressor_type.construct = compressor_construct;
    init_stream_type(compressor_type, "_bz2.BZ2Compressor", sizeof(Compressor), compressor_dealloc,
                     kCompressorMethods,
                     "Create a compressor object for compressing data incrementally.\n\n  compresslevel\n    "
                     "Compression level, as a number between 1 and 9.\n\nFor one-shot compression, use the "
                     "compress() function instead.");
    decompressor_type.construct = decompressor_construct;
    decompressor_type.getattr = decompressor_getattr;
    init_stream_type(decompressor_type, "_bz2.BZ2Decompressor", sizeof(Decompressor), decompressor_dealloc,
                     kDecompressorMethods,
                     "Create a decompressor object for decompressing data incrementally.\n\nFor one-shot "
                     "decompression, use the decompress() function instead.");
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
