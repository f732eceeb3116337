// compression_stream.h — what the native _bz2 and _lzma modules share: the growing output buffer,
// the objects' state (eof, unused_data, needs_input and the input not consumed yet), the loops that
// drive a library's stream, the methods built on them, and the argument converters both use. Each
// module keeps only its library's calls. zlib keeps its own, as its stored blocks depend on sizes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "modules/held_buffer.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

// The output of one call, grown a block at a time as CPython's _BlocksOutputBuffer grows it: small
// first, then larger, so a short result wastes little and a long one takes few library calls.
// With a max_length (>= 0) no block reaches past it.
class OutputBuffer {
public:
    explicit OutputBuffer(int64_t max_length = -1) : max_length_(max_length) {}

    // Adds the next block of free space; returns its start, its size in `room`.
    unsigned char* grow(size_t* room) {
        static constexpr size_t kKiB = 1024, kMiB = 1024 * 1024;
        static constexpr size_t kSizes[] = {32 * kKiB, 64 * kKiB, 256 * kKiB, 1 * kMiB,  4 * kMiB,
                                            8 * kMiB,  16 * kMiB, 16 * kMiB,  32 * kMiB, 64 * kMiB};
        constexpr size_t kCount = sizeof(kSizes) / sizeof(kSizes[0]);
        size_t size = kSizes[std::min(blocks_++, kCount - 1)];
        if (max_length_ >= 0) size = std::min(size, static_cast<size_t>(max_length_) - data_.size());
        size_t used = data_.size();
        data_.resize(used + size);
        *room = size;
        return reinterpret_cast<unsigned char*>(data_.data() + used);
    }
    // The bytes written so far, when the library left `avail` bytes of the last block free.
    size_t filled(size_t avail) const { return data_.size() - avail; }
    // Whether the output has reached max_length, so the call must stop even if more would come.
    bool at_limit(size_t avail) const {
        return max_length_ >= 0 && filled(avail) == static_cast<size_t>(max_length_);
    }
    Ref finish(size_t avail) {
        data_.resize(filled(avail));
        return bytes_new(data_);
    }

private:
    int64_t max_length_;
    size_t blocks_ = 0;
    std::string data_;
};

// A compressor's state beside the library's own stream. Its methods run the library without the
// GIL, so `lock` keeps two threads from driving one stream at once (CPython's ACQUIRE_LOCK).
struct CompressorState {
    std::mutex lock;
    bool flushed = false;  // flush() has ended the stream
};

// A decompressor's state beside the library's own stream. Its methods run the library without the
// GIL, so `lock` keeps two threads from driving one stream at once (CPython's ACQUIRE_LOCK).
struct DecompressorState {
    std::mutex lock;
    bool eof = false;
    bool needs_input = true;
    Ref unused_data;
    // Input the library has not taken yet because max_length stopped the output: the next call
    // feeds it first (CPython's input_buffer). A copy, since the caller's buffer is gone by then.
    std::string pending;

    // The bytes to feed this call: the pending input followed by `data`.
    std::string_view input(std::string_view data) {
        if (pending.empty()) return data;
        pending.append(data);
        return pending;
    }
    // CPython's bookkeeping after a call that stopped with `left` input bytes at `next` untaken and
    // `avail_out` bytes of output space unused: input after the end of the stream is unused_data;
    // input held back by max_length waits in `pending`; needs_input says whether more input is
    // wanted before more output can come.
    void settle(const unsigned char* next, size_t left, size_t avail_out) {
        std::string rest(reinterpret_cast<const char*>(next), left);  // `next` may point into pending
        pending.clear();
        if (eof) {
            needs_input = false;
            if (!rest.empty()) unused_data = bytes_new(rest);
        } else if (rest.empty()) {
            // All input taken: if the output filled up exactly, the library may still hold some.
            needs_input = avail_out != 0;
        } else {
            needs_input = false;
            pending = std::move(rest);
        }
    }
};

// decompress(data, max_length=-1)'s max_length: negative means no limit.
inline int64_t max_length_arg(Object* o) { return o ? as_index(o) : -1; }

// CPython's PyLong_AsUnsignedLongLong: an int in 0 .. 2**64-1, with its errors.
inline uint64_t as_uint64(Object* o) {
    if (!is_int(o)) raise(&TypeError_type, "an integer is required");
    int64_t small;
    if (int_to_i64(o, &small)) {
        if (small < 0) raise(&OverflowError_type, "can't convert negative int to unsigned");
        return static_cast<uint64_t>(small);
    }
    mpz_t v;
    mpz_init(v);
    int_to_mpz(o, v);
    bool negative = mpz_sgn(v) < 0, fits = mpz_sizeinbase(v, 2) <= 64;
    uint64_t result = 0;
    if (!negative && fits) mpz_export(&result, nullptr, -1, sizeof(result), 0, 0, v);
    mpz_clear(v);
    if (negative) raise(&OverflowError_type, "can't convert negative int to unsigned");
    if (!fits) raise(&OverflowError_type, "int too big to convert");
    return result;
}

// CPython's "i" converter: an int that fits a C int.
inline int c_int_arg(Object* o, int fallback) {
    if (!o) return fallback;
    int64_t v = as_index(o);
    if (v > INT32_MAX) raise(&OverflowError_type, "signed integer is greater than maximum");
    if (v < INT32_MIN) raise(&OverflowError_type, "signed integer is less than minimum");
    return static_cast<int>(v);
}

// The 32-bit options of liblzma's filters, as CPython's uint32_converter checks them.
inline uint32_t as_uint32(Object* o) {
    uint64_t v = as_uint64(o);
    if (v > UINT32_MAX) raise(&OverflowError_type, "Value too large for uint32_t type");
    return static_cast<uint32_t>(v);
}

// ---- the loops and methods both modules run ----
// Each module wraps its library's stream for one call in a small struct (Bz2Stream, LzmaStream):
//   add_output(out)   hands the stream the next block of `out` to fill
//   avail_out()       how much of that block is still free
//   input_left()      how many input bytes the stream has not taken; next_in() where they start
//   compress(finish)  one library call (or none, where the library has nothing to do); true once
//                     flushing has ended the stream; raises the library's error
//   decompress(d)     one library call for decompressor `d`; true at the end of the stream; on an
//                     error, drops d's held input (CPython sets next_in to NULL) and raises

// Both libraries may work through a whole block in one call, however little input it gets
// (libbzip2's blocks are 900 kB): every call runs without the GIL, as in CPython.
template <typename Call>
auto without_gil(Call call) {
    AllowThreads unblocked(BlockReason::CCode);
    return call();
}

// CPython's compress() and flush(): runs `s` over its input, growing the output as it fills, until
// the input is taken (compress) or the stream has ended (flush, `finish`).
template <typename Stream>
Ref compress_all(Stream s, bool finish) {
    OutputBuffer out;
    s.add_output(out);
    for (;;) {
        bool ended = s.compress(finish);
        if (finish ? ended : s.input_left() == 0) break;
        if (s.avail_out() == 0) s.add_output(out);
    }
    return out.finish(s.avail_out());
}

// CPython's decompress_buf: runs `s` for decompressor `d` until its input is used up, the stream
// ends or the output reaches max_length, then settles d's state.
template <typename D, typename Stream>
Ref decompress_some(D& d, Stream s, int64_t max_length) {
    OutputBuffer out(max_length);
    s.add_output(out);
    for (;;) {
        if (s.decompress(d)) {
            d.state.eof = true;
            break;
        }
        // Output space first: the library may hold more output when the input is used up.
        if (s.avail_out() == 0) {
            if (out.at_limit(0)) break;
            s.add_output(out);
        } else if (s.input_left() == 0) {
            break;
        }
    }
    d.state.settle(s.next_in(), s.input_left(), s.avail_out());
    return out.finish(s.avail_out());
}

// compress(data, /) and flush() of a compressor type C: an Object with a CompressorState `state`
// and `stream(data, size)`, its library's Stream over that input.
template <typename C>
Ref stream_compress(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("compress", nargs - 1, kw, 1, 1);
    C* c = static_cast<C*>(args[0]);
    HeldBuffer data(args[1]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(c->state.lock);
    if (c->state.flushed) raise(&ValueError_type, "Compressor has been flushed");
    return compress_all(c->stream(data.data(), data.size()), false);
}

template <typename C>
Ref stream_flush(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs - 1, kw, 0, 0);
    C* c = static_cast<C*>(args[0]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(c->state.lock);
    if (c->state.flushed) raise(&ValueError_type, "Repeated call to flush()");
    c->state.flushed = true;
    return compress_all(c->stream(nullptr, 0), true);
}

// decompress(data, max_length=-1) of a decompressor type D: an Object with a DecompressorState
// `state`, `stream(data, size)` as a compressor's, and `refuse_input()`, which raises where the
// object takes no more input (the two modules word it differently).
template <typename D>
Ref stream_decompress(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"data", "max_length"};
    Object* a[2];
    bind_args("decompress", args + 1, nargs - 1, kw, kNames, 2, 1, a);
    D* d = static_cast<D*>(args[0]);
    HeldBuffer data(a[0]);
    int64_t max_length = max_length_arg(a[1]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(d->state.lock);
    d->refuse_input();
    std::string_view input = d->state.input({reinterpret_cast<const char*>(data.data()), data.size()});
    return decompress_some(*d, d->stream(reinterpret_cast<const unsigned char*>(input.data()), input.size()),
                           max_length);
}

// The read-only attributes eof, unused_data and needs_input (CPython's members); null for any other.
inline Ref state_attribute(DecompressorState& s, const std::string& name) {
    if (name != "eof" && name != "unused_data" && name != "needs_input") return Ref();
    std::unique_lock<std::mutex> guard = lock_letting_others_run(s.lock);
    if (name == "eof") return Ref::borrow(bool_obj(s.eof));
    if (name == "needs_input") return Ref::borrow(bool_obj(s.needs_input));
    return s.unused_data;
}

// The methods of both modules' types, with CPython's docstrings (the same in _bz2 and _lzma).
template <typename C>
const MethodDef kCompressorMethods[] = {
    {"compress", stream_compress<C>,
     "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' "
     "otherwise.\n\nWhen you have finished providing data to the compressor, call the\nflush() method to "
     "finish the compression process."},
    {"flush", stream_flush<C>,
     "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\nThe "
     "compressor object may not be used after this method is called."},
    {nullptr, nullptr, nullptr},
};

template <typename D>
const MethodDef kDecompressorMethods[] = {
    {"decompress", stream_decompress<D>,
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

// The decompressor types' docstring, the same in both modules.
inline constexpr const char* kDecompressorDoc =
    "Create a decompressor object for decompressing data incrementally.\n\nFor one-shot "
    "decompression, use the decompress() function instead.";

// A compressor or decompressor type of _bz2 or _lzma made ready: its name, layout, methods and doc.
inline void init_stream_type(Type& t, const char* name, size_t size, void (*dealloc)(Object*),
                             const MethodDef* methods, const char* doc) {
    t.name = name;
    t.instance_size = size;
    t.dealloc = dealloc;
    t.methods = methods;
    init_type(&t);
    dict_set(t.dict, intern("__doc__"), str_new(doc).get());
}

}  // namespace minipy
