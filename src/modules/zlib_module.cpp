// zlib_module.cpp — the native `zlib` module over the zlib library: one-shot compress/decompress,
// streaming compressobj/decompressobj, crc32 and adler32, with CPython's arguments, results and
// error texts. deflate and inflate run without the GIL, as in CPython, so threads compress in parallel.
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <mutex>
#include <string>

#include "modules/held_buffer.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

constexpr int kDefBufSize = 16384;
constexpr int kDefMemLevel = 8;

Type zlib_error_type, compress_type, decompress_type;

// ---- arguments ----

// A bytes-like argument (bytes, bytearray, memoryview, array: zipfile hands crc32 a memoryview),
// with CPython's TypeError for anything else.
void check_data(Object* o) {
    if (!exports_buffer(o)) {
        raise(&TypeError_type, format("a bytes-like object is required, not '%s'", type_of(o)->name.c_str()));
    }
}

// For functions with one positional-only first parameter and keywords after it: CPython's message
// when it is missing, then the keywords bound by name.
void bind_after_data(const char* fname, Args args, size_t nargs, Tuple* kw, const char* const* names,
                     size_t n_names, Object** out) {
    if (nargs < 1)
        raise(&TypeError_type, format("%s() takes at least 1 positional argument (0 given)", fname));
    bind_args(fname, args + 1, nargs - 1, kw, names, n_names, 0, out);
    check_data(args[0]);
}

int int_arg(Object* o, int fallback) {
    if (!o) return fallback;
    int64_t v = as_index(o);
    if (v > INT_MAX || v < INT_MIN)
        raise(&OverflowError_type,
              v > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
    return static_cast<int>(v);
}

// ---- errors ----

// CPython's zlib_error: "Error -3 while decompressing data: incorrect header check".
[[noreturn]] void raise_zlib_error(const z_stream& zst, int err, const char* doing) {
    if (err == Z_VERSION_ERROR) raise(&zlib_error_type, "library version mismatch");
    const char* msg = zst.msg;
    if (!msg) {
        switch (err) {
            case Z_BUF_ERROR:
                msg = "incomplete or truncated stream";
                break;
            case Z_STREAM_ERROR:
                msg = "inconsistent stream state";
                break;
            case Z_DATA_ERROR:
                msg = "invalid input data";
                break;
        }
    }
    raise(&zlib_error_type,
          msg ? format("Error %d %s: %.200s", err, doing, msg) : format("Error %d %s", err, doing));
}

// ---- running deflate and inflate ----

// The output grows in CPython's block sizes (its _BlocksOutputBuffer): deflate cuts stored blocks
// (level 0) where the output space ends, so only the same sizes give the same compressed bytes.
constexpr size_t kKiB = 1024, kMiB = 1024 * 1024;
const size_t kOutputBlockSizes[] = {32 * kKiB, 64 * kKiB, 256 * kKiB, 1 * kMiB,   4 * kMiB,  8 * kMiB,
                                    16 * kMiB, 16 * kMiB, 32 * kMiB,  32 * kMiB,  32 * kMiB, 32 * kMiB,
                                    64 * kMiB, 64 * kMiB, 128 * kMiB, 128 * kMiB, 256 * kMiB};
constexpr size_t kBlockSizeCount = sizeof(kOutputBlockSizes) / sizeof(kOutputBlockSizes[0]);

// Feeds `input` to the stream in pieces zlib's 32-bit counters can hold, and collects the output.
// Each deflate/inflate call runs without the GIL when the input is big.
struct StreamRun {
    z_stream& zst;
    const unsigned char* next;  // input not yet handed to zlib
    size_t left;
    bool release_gil;
    size_t first_block;  // the first output block's size; later ones follow kOutputBlockSizes
    size_t blocks = 0;
    std::string out;

    StreamRun(z_stream& z, const unsigned char* data, size_t size, size_t first = kOutputBlockSizes[0])
        : zst(z), next(data), left(size), release_gil(size >= kReleaseGilMinSize), first_block(first) {}

    // Hands zlib the next piece of input; returns how much input is still held back after it.
    size_t arrange_input() {
        unsigned piece = static_cast<unsigned>(std::min<size_t>(left, UINT_MAX));
        zst.next_in = const_cast<unsigned char*>(next);
        zst.avail_in = piece;
        next += piece;
        left -= piece;
        return left;
    }
    // Gives zlib the next output block, cut short so the output stays within `limit` (0: none).
    void grow_output(size_t limit = 0) {
        size_t room = blocks == 0 ? first_block : kOutputBlockSizes[std::min(blocks, kBlockSizeCount - 1)];
        if (limit) room = std::min(room, limit - out.size());
        ++blocks;
        size_t used = out.size();
        out.resize(used + room);
        zst.next_out = reinterpret_cast<unsigned char*>(out.data() + used);
        zst.avail_out = static_cast<unsigned>(room);
    }
    // Drops the part of the last block zlib did not fill.
    void trim_output() { out.resize(out.size() - zst.avail_out); }

    template <typename Step>
    int run(Step step) {
        if (!release_gil) return step();
        AllowThreads unblocked(BlockReason::CCode);
        return step();
    }
    int deflate_step(int flush) {
        return run([&] { return deflate(&zst, flush); });
    }
    int inflate_step(int flush) {
        return run([&] { return inflate(&zst, flush); });
    }
};

// ---- one-shot functions ----

// compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)
Ref zlib_compress(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"level", "wbits"};
    Object* a[2];
    bind_after_data("compress", args, nargs, kw, kNames, 2, a);
    int level = int_arg(a[0], Z_DEFAULT_COMPRESSION);
    int wbits = int_arg(a[1], MAX_WBITS);
    HeldBuffer data(args[0]);
    z_stream zst{};
    int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR) raise(&MemoryError_type, "Out of memory while compressing data");
    if (err == Z_STREAM_ERROR) raise(&zlib_error_type, "Bad compression level");
    if (err != Z_OK) {
        deflateEnd(&zst);
        raise_zlib_error(zst, err, "while compressing data");
    }
    StreamRun s(zst, data.data(), data.size());
    do {
        int flush = s.arrange_input() == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            s.grow_output();
            err = s.deflate_step(flush);
            s.trim_output();
            if (err == Z_STREAM_ERROR) {
                deflateEnd(&zst);
                raise_zlib_error(zst, err, "while compressing data");
            }
        } while (zst.avail_out == 0);
    } while (err != Z_STREAM_END);
    err = deflateEnd(&zst);
    if (err != Z_OK) raise_zlib_error(zst, err, "while finishing compression");
    return bytes_new(s.out);
}

// decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE); data after the end of the stream is
// ignored, as in CPython.
Ref zlib_decompress(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"wbits", "bufsize"};
    Object* a[2];
    bind_after_data("decompress", args, nargs, kw, kNames, 2, a);
    int wbits = int_arg(a[0], MAX_WBITS);
    int64_t bufsize = a[1] ? as_index(a[1]) : kDefBufSize;
    if (bufsize < 0) raise(&ValueError_type, "bufsize must be non-negative");
    if (bufsize == 0) bufsize = 1;
    HeldBuffer data(args[0]);
    z_stream zst{};
    int err = inflateInit2(&zst, wbits);
    if (err == Z_MEM_ERROR) raise(&MemoryError_type, "Out of memory while decompressing data");
    if (err != Z_OK) {
        inflateEnd(&zst);
        raise_zlib_error(zst, err, "while preparing to decompress data");
    }
    StreamRun s(zst, data.data(), data.size(), static_cast<size_t>(bufsize));
    size_t left;
    do {
        left = s.arrange_input();
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            s.grow_output();
            err = s.inflate_step(flush);
            s.trim_output();
            if (err == Z_MEM_ERROR) {
                inflateEnd(&zst);
                raise(&MemoryError_type, "Out of memory while decompressing data");
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                inflateEnd(&zst);
                raise_zlib_error(zst, err, "while decompressing data");
            }
        } while (zst.avail_out == 0);
    } while (err != Z_STREAM_END && left != 0);
    if (err != Z_STREAM_END) {
        inflateEnd(&zst);
        raise_zlib_error(zst, err, "while decompressing data");
    }
    err = inflateEnd(&zst);
    if (err != Z_OK) raise_zlib_error(zst, err, "while finishing decompression");
    return bytes_new(s.out);
}

// The checksum's starting value: any int, reduced to its low 32 bits, as CPython's "I" converter.
uint32_t start_value(Object* o, uint32_t fallback) {
    if (!o) return fallback;
    if (!is_int(o)) raise_not_an_integer(o);
    Ref low = binary_op(o, int_from_i64(0xFFFFFFFF).get(), BinaryOp::And);
    return static_cast<uint32_t>(as_index(low.get()));
}

template <typename Update>
Ref checksum(const char* fname, Args args, size_t nargs, Tuple* kw, uint32_t initial, Update update) {
    check_positional(fname, nargs, kw, 1, 2);
    check_data(args[0]);
    uint32_t value = start_value(nargs > 1 ? args[1] : nullptr, initial);
    HeldBuffer data(args[0]);
    auto run = [&] {
        const unsigned char* p = data.data();
        for (size_t left = data.size(); left > 0;) {
            unsigned piece = static_cast<unsigned>(std::min<size_t>(left, UINT_MAX));
            value = static_cast<uint32_t>(update(value, p, piece));
            p += piece;
            left -= piece;
        }
    };
    if (data.worth_releasing_gil()) {
        AllowThreads unblocked(BlockReason::CCode);
        run();
    } else {
        run();
    }
    return int_from_i64(value);
}

Ref zlib_crc32(Object*, Args args, size_t nargs, Tuple* kw) {
    return checksum("crc32", args, nargs, kw, 0,
                    [](uLong v, const Bytef* p, uInt n) { return crc32(v, p, n); });
}

Ref zlib_adler32(Object*, Args args, size_t nargs, Tuple* kw) {
    return checksum("adler32", args, nargs, kw, 1,
                    [](uLong v, const Bytef* p, uInt n) { return adler32(v, p, n); });
}

// ---- streaming objects ----

// A compressor or decompressor. Its methods run zlib without the GIL, so `lock` keeps two threads
// from driving one stream at once (CPython's ENTER_ZLIB).
struct ZStreamObject : Object {
    std::mutex lock;
    z_stream zst{};
    bool initialised = false;
    // Decompress only:
    Ref unused_data, unconsumed_tail, zdict;
    bool eof = false;
};

ZStreamObject* as_stream(Object* o) { return static_cast<ZStreamObject*>(o); }

void stream_dealloc(Object* o) {
    ZStreamObject* z = as_stream(o);
    if (z->initialised) {
        if (type_of(o) == &compress_type) {
            deflateEnd(&z->zst);
        } else {
            inflateEnd(&z->zst);
        }
    }
    delete z;
}

Ref stream_new(Type* t) {
    auto* z = new ZStreamObject();
    init_header(z, t);
    z->unused_data = bytes_new("");
    z->unconsumed_tail = bytes_new("");
    return Ref::steal(z);
}

// compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
//             strategy=Z_DEFAULT_STRATEGY, zdict=None)
Ref zlib_compressobj(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict"};
    Object* a[6];
    bind_args("compressobj", args, nargs, kw, kNames, 6, 0, a);
    int level = int_arg(a[0], Z_DEFAULT_COMPRESSION), method = int_arg(a[1], Z_DEFLATED);
    int wbits = int_arg(a[2], MAX_WBITS), mem_level = int_arg(a[3], kDefMemLevel);
    int strategy = int_arg(a[4], Z_DEFAULT_STRATEGY);
    Object* zdict = a[5] && a[5] != None ? a[5] : nullptr;
    if (zdict && !is_bytes_like(zdict))
        raise(&TypeError_type, "zdict argument must support the buffer protocol");
    Ref self = stream_new(&compress_type);
    ZStreamObject* z = as_stream(self.get());
    int err = deflateInit2(&z->zst, level, method, wbits, mem_level, strategy);
    if (err == Z_MEM_ERROR) raise(&MemoryError_type, "Can't allocate memory for compression object");
    if (err == Z_STREAM_ERROR) raise(&ValueError_type, "Invalid initialization option");
    if (err != Z_OK) raise_zlib_error(z->zst, err, "while creating compression object");
    z->initialised = true;
    if (zdict) {
        std::string dict = bytes_like_data(zdict);
        err = deflateSetDictionary(&z->zst, reinterpret_cast<const Bytef*>(dict.data()),
                                   static_cast<uInt>(dict.size()));
        if (err == Z_STREAM_ERROR) raise(&ValueError_type, "Invalid dictionary");
        if (err != Z_OK) raise(&ValueError_type, "deflateSetDictionary()");
    }
    return self;
}

// Runs deflate over `data` (or no input) with `flush` until zlib has no more output for now.
int deflate_all(ZStreamObject* z, StreamRun& s, int flush, const char* doing) {
    int err = Z_OK;
    do {
        int mode = s.arrange_input() == 0 ? flush : Z_NO_FLUSH;
        do {
            s.grow_output();
            err = s.deflate_step(mode);
            s.trim_output();
            if (err == Z_STREAM_ERROR) raise_zlib_error(z->zst, err, doing);
        } while (z->zst.avail_out == 0);
    } while (s.left != 0);
    return err;
}

Ref compress_compress(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("compress", nargs - 1, kw, 1, 1);
    check_data(args[1]);
    ZStreamObject* z = as_stream(args[0]);
    HeldBuffer data(args[1]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(z->lock);
    StreamRun s(z->zst, data.data(), data.size());
    deflate_all(z, s, Z_NO_FLUSH, "while compressing data");
    return bytes_new(s.out);
}

// flush(mode=Z_FINISH, /): Z_FINISH ends the stream; Z_SYNC_FLUSH and Z_FULL_FLUSH leave it open.
Ref compress_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs - 1, kw, 0, 1);
    ZStreamObject* z = as_stream(args[0]);
    int mode = nargs > 1 ? int_arg(args[1], Z_FINISH) : Z_FINISH;
    if (mode == Z_NO_FLUSH) return bytes_new("");
    std::unique_lock<std::mutex> guard = lock_letting_others_run(z->lock);
    StreamRun s(z->zst, nullptr, 0);
    int err = deflate_all(z, s, mode, "while flushing");
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        err = deflateEnd(&z->zst);
        z->initialised = false;
        if (err != Z_OK) raise_zlib_error(z->zst, err, "while finishing compression");
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        raise_zlib_error(z->zst, err, "while flushing");
    }
    return bytes_new(s.out);
}

Ref compress_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("copy", nargs - 1, kw, 0, 0);
    ZStreamObject* z = as_stream(args[0]);
    Ref copy = stream_new(&compress_type);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(z->lock);
    if (!z->initialised) raise(&ValueError_type, "Inconsistent stream state");
    int err = deflateCopy(&as_stream(copy.get())->zst, &z->zst);
    if (err == Z_STREAM_ERROR) raise(&ValueError_type, "Inconsistent stream state");
    if (err == Z_MEM_ERROR) raise(&MemoryError_type, "Can't allocate memory for compression object");
    if (err != Z_OK) raise_zlib_error(z->zst, err, "while copying compression object");
    as_stream(copy.get())->initialised = true;
    return copy;
}

// decompressobj(wbits=MAX_WBITS, zdict=b'')
Ref zlib_decompressobj(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"wbits", "zdict"};
    Object* a[2];
    bind_args("decompressobj", args, nargs, kw, kNames, 2, 0, a);
    int wbits = int_arg(a[0], MAX_WBITS);
    if (a[1] && !is_bytes_like(a[1]))
        raise(&TypeError_type, "zdict argument must support the buffer protocol");
    Ref self = stream_new(&decompress_type);
    ZStreamObject* z = as_stream(self.get());
    if (a[1]) z->zdict = Ref::borrow(a[1]);
    int err = inflateInit2(&z->zst, wbits);
    if (err == Z_MEM_ERROR) raise(&MemoryError_type, "Can't allocate memory for decompression object");
    if (err == Z_STREAM_ERROR) raise(&ValueError_type, "Invalid initialization option");
    if (err != Z_OK) raise_zlib_error(z->zst, err, "while creating decompression object");
    z->initialised = true;
    // A raw stream (negative wbits) has no header to ask for the dictionary: set it now.
    if (z->zdict && wbits < 0) {
        std::string dict = bytes_like_data(z->zdict.get());
        err = inflateSetDictionary(&z->zst, reinterpret_cast<const Bytef*>(dict.data()),
                                   static_cast<uInt>(dict.size()));
        if (err != Z_OK) raise_zlib_error(z->zst, err, "while setting zdict");
    }
    return self;
}

bool set_inflate_dictionary(ZStreamObject* z) {
    if (!z->zdict) return false;
    std::string dict = bytes_like_data(z->zdict.get());
    int err = inflateSetDictionary(&z->zst, reinterpret_cast<const Bytef*>(dict.data()),
                                   static_cast<uInt>(dict.size()));
    if (err != Z_OK) raise_zlib_error(z->zst, err, "while setting zdict");
    return true;
}

// Runs inflate with `flush` until the output limit (0: none) is reached, the input is used up or
// the stream ends; returns zlib's last result.
int inflate_all(ZStreamObject* z, StreamRun& s, int flush, size_t max_length) {
    int err = Z_OK;
    do {
        s.arrange_input();
        do {
            if (max_length && s.out.size() >= max_length) return err;
            s.grow_output(max_length);
            err = s.inflate_step(flush);
            s.trim_output();
            if (err == Z_NEED_DICT && set_inflate_dictionary(z)) continue;
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) return err;
        } while (z->zst.avail_out == 0 || err == Z_NEED_DICT);
    } while (err != Z_STREAM_END && s.left != 0);
    return err;
}

// CPython's save_unconsumed_input: input after the end of the stream goes to unused_data; input
// held back by the output limit goes to unconsumed_tail.
void save_unconsumed_input(ZStreamObject* z, StreamRun& s, int err) {
    size_t rest = z->zst.avail_in + s.left;
    const char* start = reinterpret_cast<const char*>(z->zst.next_in);
    if (err == Z_STREAM_END && rest > 0) {
        z->unused_data = bytes_new(bytes_data(z->unused_data.get()) + std::string(start, rest));
        z->zst.avail_in = 0;
        s.left = 0;
        rest = 0;
    }
    if (rest > 0 || !bytes_data(z->unconsumed_tail.get()).empty())
        z->unconsumed_tail = bytes_new(std::string_view(start, rest));
}

// decompress(data, /, max_length=0)
Ref decompress_decompress(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"max_length"};
    Object* max_arg;
    bind_after_data("decompress", args + 1, nargs - 1, kw, kNames, 1, &max_arg);
    int64_t max_length = max_arg ? as_index(max_arg) : 0;
    if (max_length < 0) raise(&ValueError_type, "max_length must be non-negative");
    ZStreamObject* z = as_stream(args[0]);
    HeldBuffer data(args[1]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(z->lock);
    StreamRun s(z->zst, data.data(), data.size());
    int err = inflate_all(z, s, Z_SYNC_FLUSH, static_cast<size_t>(max_length));
    save_unconsumed_input(z, s, err);
    if (err == Z_STREAM_END) {
        z->eof = true;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        raise_zlib_error(z->zst, err, "while decompressing data");
    }
    return bytes_new(s.out);
}

// flush(length=DEF_BUF_SIZE, /): whatever output the unconsumed tail still gives.
Ref decompress_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs - 1, kw, 0, 1);
    int64_t length = nargs > 1 ? as_index(args[1]) : kDefBufSize;
    if (length <= 0) raise(&ValueError_type, "length must be greater than zero");
    ZStreamObject* z = as_stream(args[0]);
    std::unique_lock<std::mutex> guard = lock_letting_others_run(z->lock);
    if (!z->initialised) return bytes_new("");  // flushed to the end already
    Ref tail = z->unconsumed_tail;
    const std::string& input = bytes_data(tail.get());
    StreamRun s(z->zst, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                static_cast<size_t>(length));
    int err = inflate_all(z, s, Z_FINISH, 0);
    save_unconsumed_input(z, s, err);
    if (err == Z_STREAM_END) {
        z->eof = true;
        z->initialised = false;
        err = inflateEnd(&z->zst);
        if (err != Z_OK) raise_zlib_error(z->zst, err, "while finishing decompression");
    }
    return bytes_new(s.out);
}

Ref decompress_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("copy", nargs - 1, kw, 0, 0);
    ZStreamObject* z = as_stream(args[0]);
    Ref copy = stream_new(&decompress_type);
    ZStreamObject* c = as_stream(copy.get());
    std::unique_lock<std::mutex> guard = lock_letting_others_run(z->lock);
    if (!z->initialised) raise(&ValueError_type, "Inconsistent stream state");
    int err = inflateCopy(&c->zst, &z->zst);
    if (err == Z_STREAM_ERROR) raise(&ValueError_type, "Inconsistent stream state");
    if (err == Z_MEM_ERROR) raise(&MemoryError_type, "Can't allocate memory for decompression object");
    if (err != Z_OK) raise_zlib_error(z->zst, err, "while copying decompression object");
    c->initialised = true;
    c->unused_data = z->unused_data;
    c->unconsumed_tail = z->unconsumed_tail;
    c->zdict = z->zdict;
    c->eof = z->eof;
    return copy;
}

Ref decompress_getattr(Object* o, Str* name) {
    ZStreamObject* z = as_stream(o);
    if (name->utf8 == "unused_data" || name->utf8 == "unconsumed_tail" || name->utf8 == "eof") {
        std::unique_lock<std::mutex> guard = lock_letting_others_run(z->lock);
        if (name->utf8 == "eof") return Ref::borrow(bool_obj(z->eof));
        return name->utf8 == "unused_data" ? z->unused_data : z->unconsumed_tail;
    }
    return generic_getattr(o, name);
}

const MethodDef kCompressMethods[] = {
    {"compress", compress_compress, "Returns a bytes object containing compressed data."},
    {"flush", compress_flush, "Return a bytes object containing any remaining compressed data."},
    {"copy", compress_copy, "Return a copy of the compression object."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kDecompressMethods[] = {
    {"decompress", decompress_decompress,
     "Return a bytes object containing the decompressed version of the data."},
    {"flush", decompress_flush, "Return a bytes object containing any remaining decompressed data."},
    {"copy", decompress_copy, "Return a copy of the decompression object."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kZlibFunctions[] = {
    {"compress", zlib_compress, "Returns a bytes object containing compressed data."},
    {"decompress", zlib_decompress, "Returns a bytes object containing the uncompressed data."},
    {"compressobj", zlib_compressobj, "Return a compressor object."},
    {"decompressobj", zlib_decompressobj, "Return a decompressor object."},
    {"crc32", zlib_crc32, "Compute a CRC-32 checksum of data."},
    {"adler32", zlib_adler32, "Compute an Adler-32 checksum of data."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    zlib_error_type.name = "error";
    zlib_error_type.base = &Exception_type;
    zlib_error_type.is_basetype = true;
    init_type(&zlib_error_type);
    compress_type.name = "Compress";
    compress_type.instance_size = sizeof(ZStreamObject);
    compress_type.construct = construct_refused;
    compress_type.dealloc = stream_dealloc;
    compress_type.methods = kCompressMethods;
    init_type(&compress_type);
    decompress_type.name = "Decompress";
    decompress_type.instance_size = sizeof(ZStreamObject);
    decompress_type.construct = construct_refused;
    decompress_type.dealloc = stream_dealloc;
    decompress_type.getattr = decompress_getattr;
    decompress_type.methods = kDecompressMethods;
    init_type(&decompress_type);
    for (Type* t : {&zlib_error_type, &compress_type, &decompress_type})
        dict_set(t->dict, intern("__module__"), str_new("zlib").get());
}

struct IntConstant {
    const char* name;
    int value;
};
const IntConstant kConstants[] = {
    {"DEFLATED", Z_DEFLATED},
    {"DEF_BUF_SIZE", kDefBufSize},
    {"DEF_MEM_LEVEL", kDefMemLevel},
    {"MAX_WBITS", MAX_WBITS},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BLOCK", Z_BLOCK},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
    {"Z_FILTERED", Z_FILTERED},
    {"Z_FINISH", Z_FINISH},
    {"Z_FIXED", Z_FIXED},
    {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_RLE", Z_RLE},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
    {"Z_TREES", Z_TREES},
};

}  // namespace

Ref init_zlib_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Ref module = native_module_new("zlib", kZlibFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("error"), &zlib_error_type);
    for (const IntConstant& c : kConstants) dict_set(d, intern(c.name), int_from_i64(c.value).get());
    dict_set(d, intern("ZLIB_VERSION"), str_new(ZLIB_VERSION).get());
    dict_set(d, intern("ZLIB_RUNTIME_VERSION"), str_new(zlibVersion()).get());
    return module;
}

}  // namespace minipy
