// compression_stream.h — what the native _bz2 and _lzma modules share: the growing output buffer,
// the decompressor's state (eof, unused_data, needs_input and the input it has not consumed yet)
// and the argument converters both use. zlib keeps its own, as its stored blocks depend on sizes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

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
