// lzma_module.cpp — the native `_lzma` module over liblzma: LZMACompressor, LZMADecompressor, filter
// chains given as dicts, and the constants, with CPython 3.11's arguments and error texts, under
// CPython's pure-Python lzma.py. liblzma runs without the GIL; each object has its own mutex.
#include <lzma.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "modules/compression_stream.h"
#include "modules/exception_class.h"
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

// The container formats, numbered as CPython numbers them (liblzma has no such enum).
enum Format { kFormatAuto, kFormatXz, kFormatAlone, kFormatRaw };
// A decompressor's check before the stream has told it (CPython's LZMA_CHECK_UNKNOWN).
constexpr int kCheckUnknown = LZMA_CHECK_ID_MAX + 1;

Type compressor_type, decompressor_type;
Object* lzma_error = nullptr;  // _lzma.LZMAError, made once at the first import

[[noreturn]] void raise_lzma_error(const std::string& message) {
    raise(static_cast<Type*>(lzma_error), message);
}

// CPython's catch_lzma_error: each liblzma failure as the exception CPython raises for it.
void check_lzma(lzma_ret ret) {
    switch (ret) {
        case LZMA_OK:
        case LZMA_GET_CHECK:
        case LZMA_NO_CHECK:
        case LZMA_STREAM_END:
            return;
        case LZMA_UNSUPPORTED_CHECK:
            raise_lzma_error("Unsupported integrity check");
        case LZMA_MEM_ERROR:
            raise(&MemoryError_type, "");
        case LZMA_MEMLIMIT_ERROR:
            raise_lzma_error("Memory usage limit exceeded");
        case LZMA_FORMAT_ERROR:
            raise_lzma_error("Input format not supported by decoder");
        case LZMA_OPTIONS_ERROR:
            raise_lzma_error("Invalid or unsupported options");
        case LZMA_DATA_ERROR:
            raise_lzma_error("Corrupt input data");
        case LZMA_BUF_ERROR:
            raise_lzma_error("Insufficient buffer space");
        case LZMA_PROG_ERROR:
            raise_lzma_error("Internal error");
        default:
            raise_lzma_error(format("Unrecognized error from liblzma: %d", static_cast<int>(ret)));
    }
}

// ---- filter chains: Python dicts to liblzma's lzma_filter ----

// One filter's options, stored beside the chain so nothing needs freeing.
union FilterOptions {
    lzma_options_lzma lzma;
    lzma_options_delta delta;
    lzma_options_bcj bcj;
};

struct FilterChain {
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    FilterOptions options[LZMA_FILTERS_MAX];
    size_t size = 0;
};

bool is_bcj(lzma_vli id) {
    return id == LZMA_FILTER_X86 || id == LZMA_FILTER_POWERPC || id == LZMA_FILTER_IA64 ||
           id == LZMA_FILTER_ARM || id == LZMA_FILTER_ARMTHUMB || id == LZMA_FILTER_SPARC;
}

// An option's value as CPython's converters take it, without raising: CPython turns any failure
// to read the options into one ValueError.
bool read_uint32(Object* o, uint32_t* out) {
    int64_t v;
    if (!is_int(o) || !int_to_i64(o, &v) || v < 0 || v > UINT32_MAX) return false;
    *out = static_cast<uint32_t>(v);
    return true;
}

// Reads the options of `spec` other than "id" (and "preset", read first) into the fields that
// `field` names; false for an unknown name or an unreadable value.
template <typename Field>
bool read_options(Dict* spec, Field field) {
    Object *key, *value;
    for (size_t pos = 0; dict_next(spec, &pos, &key, &value);) {
        if (!is_instance(key, &str_type)) return false;
        const std::string& name = static_cast<Str*>(key)->utf8;
        if (name == "id" || name == "preset") continue;
        uint32_t* slot = field(name);
        if (!slot || !read_uint32(value, slot)) return false;
    }
    return true;
}

void parse_lzma_options(Dict* spec, lzma_options_lzma& o) {
    uint32_t preset = LZMA_PRESET_DEFAULT;
    if (Object* p = dict_get(spec, intern("preset"))) preset = as_uint32(p);
    if (lzma_lzma_preset(&o, preset)) raise_lzma_error(format("Invalid compression preset: %u", preset));
    // lzma_mode and lzma_match_finder are enums of unsigned int's size in liblzma's ABI.
    static_assert(sizeof(lzma_mode) == sizeof(uint32_t) && sizeof(lzma_match_finder) == sizeof(uint32_t));
    bool ok = read_options(spec, [&](const std::string& n) -> uint32_t* {
        if (n == "dict_size") return &o.dict_size;
        if (n == "lc") return &o.lc;
        if (n == "lp") return &o.lp;
        if (n == "pb") return &o.pb;
        if (n == "mode") return reinterpret_cast<uint32_t*>(&o.mode);
        if (n == "nice_len") return &o.nice_len;
        if (n == "mf") return reinterpret_cast<uint32_t*>(&o.mf);
        if (n == "depth") return &o.depth;
        return nullptr;
    });
    if (!ok) raise(&ValueError_type, "Invalid filter specifier for LZMA filter");
}

// One filter spec, a dict such as {"id": FILTER_LZMA2, "preset": 6}, into `f` and its options.
void parse_filter(Object* spec_obj, lzma_filter& f, FilterOptions& options) {
    if (!is_instance(spec_obj, &dict_type))
        raise(&TypeError_type, "Filter specifier must be a dict or dict-like object");
    Dict* spec = as_dict(spec_obj);
    Object* id = dict_get(spec, intern("id"));
    if (!id) raise(&ValueError_type, "Filter specifier must have an \"id\" entry");
    f.id = as_uint64(id);
    f.options = &options;
    if (f.id == LZMA_FILTER_LZMA1 || f.id == LZMA_FILTER_LZMA2) {
        parse_lzma_options(spec, options.lzma);
    } else if (f.id == LZMA_FILTER_DELTA) {
        options.delta = lzma_options_delta{};
        options.delta.type = LZMA_DELTA_TYPE_BYTE;
        options.delta.dist = 1;
        if (!read_options(spec,
                          [&](const std::string& n) { return n == "dist" ? &options.delta.dist : nullptr; }))
            raise(&ValueError_type, "Invalid filter specifier for delta filter");
    } else if (is_bcj(f.id)) {
        options.bcj = lzma_options_bcj{};
        auto field = [&](const std::string& n) {
            return n == "start_offset" ? &options.bcj.start_offset : nullptr;
        };
        if (!read_options(spec, field)) raise(&ValueError_type, "Invalid filter specifier for BCJ filter");
    } else {
        raise(&ValueError_type, format("Invalid filter ID: %llu", static_cast<unsigned long long>(f.id)));
    }
}

// A sequence of filter specs into `chain`, ended as liblzma expects.
void parse_filter_chain(Object* specs, FilterChain& chain) {
    // CPython takes the chain's length as a sequence's: a dict is refused, not iterated.
    if (is_instance(specs, &dict_type)) raise(&TypeError_type, "dict is not a sequence");
    std::vector<Ref> items;
    for_each_item(specs, [&](Object* item) { items.push_back(Ref::borrow(item)); });
    if (items.size() > LZMA_FILTERS_MAX)
        raise(&ValueError_type,
              format("Too many filters - liblzma supports a maximum of %d", LZMA_FILTERS_MAX));
    for (size_t i = 0; i < items.size(); ++i)
        parse_filter(items[i].get(), chain.filters[i], chain.options[i]);
    chain.size = items.size();
    chain.filters[chain.size].id = LZMA_VLI_UNKNOWN;
}

// A filter back into a dict, with the fields liblzma's properties carry (CPython's build_filter_spec).
Ref build_filter_spec(const lzma_filter& f) {
    Ref spec = dict_new();
    Dict* d = as_dict(spec.get());
    auto add = [&](const char* name, uint64_t value) {
        // Filter IDs stay below 2**63 and options are 32-bit: every value fits an int64.
        dict_set(d, intern(name), int_from_i64(static_cast<int64_t>(value)).get());
    };
    add("id", f.id);
    if (f.id == LZMA_FILTER_LZMA1) {
        auto* o = static_cast<const lzma_options_lzma*>(f.options);
        add("lc", o->lc);
        add("lp", o->lp);
        add("pb", o->pb);
        add("dict_size", o->dict_size);
    } else if (f.id == LZMA_FILTER_LZMA2) {
        add("dict_size", static_cast<const lzma_options_lzma*>(f.options)->dict_size);
    } else if (f.id == LZMA_FILTER_DELTA) {
        add("dist", static_cast<const lzma_options_delta*>(f.options)->dist);
    } else if (is_bcj(f.id)) {
        add("start_offset", static_cast<const lzma_options_bcj*>(f.options)->start_offset);
    } else {
        raise(&ValueError_type, format("Invalid filter ID: %llu", static_cast<unsigned long long>(f.id)));
    }
    return spec;
}

struct Decompressor;

// An lzma_stream as the loops of compression_stream.h drive it for one call.
struct LzmaStream {
    lzma_stream& lzs;
    size_t size;  // the call's input: without any, LZMA_BUF_ERROR only says there was nothing to do

    LzmaStream(lzma_stream& s, const unsigned char* data, size_t n) : lzs(s), size(n) {
        lzs.next_in = data;
        lzs.avail_in = n;
    }
    void add_output(OutputBuffer& out) { lzs.next_out = out.grow(&lzs.avail_out); }
    size_t avail_out() const { return lzs.avail_out; }
    size_t input_left() const { return lzs.avail_in; }
    const unsigned char* next_in() const { return lzs.next_in; }

    bool compress(bool finish) {
        lzma_ret ret = without_gil([&] { return lzma_code(&lzs, finish ? LZMA_FINISH : LZMA_RUN); });
        if (ret == LZMA_BUF_ERROR && size == 0 && lzs.avail_out > 0)
            ret = LZMA_OK;  // nothing to do: no error
        check_lzma(ret);
        return ret == LZMA_STREAM_END;
    }
    bool decompress(Decompressor& d);
};

// ---- LZMACompressor ----

struct Compressor : Object {
    CompressorState state;
    lzma_stream lzs{};  // all zero, as LZMA_STREAM_INIT

    LzmaStream stream(const unsigned char* data, size_t size) { return LzmaStream(lzs, data, size); }
};

Compressor* as_compressor(Object* o) { return static_cast<Compressor*>(o); }

void compressor_dealloc(Object* o) {
    Compressor* c = as_compressor(o);
    lzma_end(&c->lzs);
    delete c;
}

lzma_ret init_alone_encoder(lzma_stream& lzs, uint32_t preset, Object* filters) {
    if (!filters) {
        lzma_options_lzma options;
        if (lzma_lzma_preset(&options, preset))
            raise_lzma_error(format("Invalid compression preset: %u", preset));
        return lzma_alone_encoder(&lzs, &options);
    }
    FilterChain chain;
    parse_filter_chain(filters, chain);
    if (chain.size != 1 || chain.filters[0].id != LZMA_FILTER_LZMA1)
        raise(&ValueError_type, "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
    return lzma_alone_encoder(&lzs, &chain.options[0].lzma);
}

// LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)
Ref compressor_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"format", "check", "preset", "filters"};
    Object* a[4];
    bind_args("LZMACompressor", args, nargs, kw, kNames, 4, 0, a);
    int format_id = c_int_arg(a[0], kFormatXz), check = c_int_arg(a[1], -1);
    Object* preset_obj = a[2] && a[2] != None ? a[2] : nullptr;
    Object* filters = a[3] && a[3] != None ? a[3] : nullptr;
    if (format_id != kFormatXz && check != -1 && check != LZMA_CHECK_NONE)
        raise(&ValueError_type, "Integrity checks are only supported by FORMAT_XZ");
    if (preset_obj && filters) raise(&ValueError_type, "Cannot specify both preset and filter chain");
    uint32_t preset = preset_obj ? as_uint32(preset_obj) : LZMA_PRESET_DEFAULT;
    auto* c = new Compressor();
    init_header(c, static_cast<Type*>(type));
    Ref self = Ref::steal(c);
    lzma_ret ret;
    if (format_id == kFormatXz) {
        int check_id = check == -1 ? LZMA_CHECK_CRC64 : check;
        // A check id past liblzma's range is its programming error (CPython's "Internal error"),
        // answered here: such a value does not fit the lzma_check enumeration (UBSan).
        bool known = check_id >= 0 && check_id <= LZMA_CHECK_ID_MAX;
        lzma_check chosen = static_cast<lzma_check>(known ? check_id : 0);
        if (!filters) {
            ret = known ? lzma_easy_encoder(&c->lzs, preset, chosen) : LZMA_PROG_ERROR;
        } else {
            FilterChain chain;
            parse_filter_chain(filters, chain);
            ret = known ? lzma_stream_encoder(&c->lzs, chain.filters, chosen) : LZMA_PROG_ERROR;
        }
    } else if (format_id == kFormatAlone) {
        ret = init_alone_encoder(c->lzs, preset, filters);
    } else if (format_id == kFormatRaw) {
        if (!filters) raise(&ValueError_type, "Must specify filters for FORMAT_RAW");
        FilterChain chain;
        parse_filter_chain(filters, chain);
        ret = lzma_raw_encoder(&c->lzs, chain.filters);
    } else {
        raise(&ValueError_type, format("Invalid container format: %d", format_id));
    }
    check_lzma(ret);
    return self;
}

// ---- LZMADecompressor ----

struct Decompressor : Object {
    DecompressorState state;
    lzma_stream lzs{};
    int check = kCheckUnknown;

    LzmaStream stream(const unsigned char* data, size_t size) { return LzmaStream(lzs, data, size); }
    void refuse_input() {
        if (state.eof) raise(&EOFError_type, "Already at end of stream");
    }
};

bool LzmaStream::decompress(Decompressor& d) {
    lzma_ret ret = without_gil([&] { return lzma_code(&lzs, LZMA_RUN); });
    if (ret == LZMA_BUF_ERROR && lzs.avail_in == 0 && lzs.avail_out > 0) ret = LZMA_OK;  // wants input
    if (ret == LZMA_GET_CHECK || ret == LZMA_NO_CHECK) d.check = lzma_get_check(&lzs);
    if (ret != LZMA_OK && ret != LZMA_GET_CHECK && ret != LZMA_NO_CHECK && ret != LZMA_STREAM_END) {
        d.state.pending.clear();  // CPython drops the held input after an error, too
        check_lzma(ret);
    }
    return ret == LZMA_STREAM_END;
}

Decompressor* as_decompressor(Object* o) { return static_cast<Decompressor*>(o); }

void decompressor_dealloc(Object* o) {
    Decompressor* d = as_decompressor(o);
    lzma_end(&d->lzs);
    delete d;
}

// LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)
Ref decompressor_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"format", "memlimit", "filters"};
    Object* a[3];
    bind_args("LZMADecompressor", args, nargs, kw, kNames, 3, 0, a);
    int format_id = c_int_arg(a[0], kFormatAuto);
    Object* memlimit_obj = a[1] && a[1] != None ? a[1] : nullptr;
    Object* filters = a[2] && a[2] != None ? a[2] : nullptr;
    uint64_t memlimit = UINT64_MAX;
    if (memlimit_obj) {
        if (format_id == kFormatRaw) raise(&ValueError_type, "Cannot specify memory limit with FORMAT_RAW");
        memlimit = as_uint64(memlimit_obj);
    }
    if (format_id == kFormatRaw && !filters) raise(&ValueError_type, "Must specify filters for FORMAT_RAW");
    if (format_id != kFormatRaw && filters)
        raise(&ValueError_type, "Cannot specify filters except with FORMAT_RAW");
    auto* d = new Decompressor();
    init_header(d, static_cast<Type*>(type));
    Ref self = Ref::steal(d);
    d->state.unused_data = bytes_new("");
    // Ask to be told the check as soon as the header names it, so `check` is known early.
    const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    if (format_id == kFormatAuto) {
        check_lzma(lzma_auto_decoder(&d->lzs, memlimit, flags));
    } else if (format_id == kFormatXz) {
        check_lzma(lzma_stream_decoder(&d->lzs, memlimit, flags));
    } else if (format_id == kFormatAlone) {
        d->check = LZMA_CHECK_NONE;
        check_lzma(lzma_alone_decoder(&d->lzs, memlimit));
    } else if (format_id == kFormatRaw) {
        d->check = LZMA_CHECK_NONE;
        FilterChain chain;
        parse_filter_chain(filters, chain);
        check_lzma(lzma_raw_decoder(&d->lzs, chain.filters));
    } else {
        raise(&ValueError_type, format("Invalid container format: %d", format_id));
    }
    return self;
}

// The read-only attribute check, beside eof, unused_data and needs_input (CPython's members).
Ref decompressor_getattr(Object* o, Str* name) {
    Decompressor* d = as_decompressor(o);
    if (name->utf8 == "check") {
        std::unique_lock<std::mutex> guard = lock_letting_others_run(d->state.lock);
        return int_from_i64(d->check);
    }
    if (Ref attribute = state_attribute(d->state, name->utf8)) return attribute;
    return generic_getattr(o, name);
}

// ---- module functions ----

// is_check_supported(check_id, /)
Ref lzma_is_check_supported(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("is_check_supported", nargs, kw, 1, 1);
    int check = c_int_arg(args[0], 0);
    return Ref::borrow(bool_obj(check >= 0 && check <= LZMA_CHECK_ID_MAX &&
                                lzma_check_is_supported(static_cast<lzma_check>(check))));
}

// _encode_filter_properties(filter, /): the properties bytes of one filter spec.
Ref lzma_encode_filter_properties(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_encode_filter_properties", nargs, kw, 1, 1);
    lzma_filter filter;
    FilterOptions options;
    parse_filter(args[0], filter, options);
    uint32_t size;
    check_lzma(lzma_properties_size(&size, &filter));
    std::string encoded(size, '\0');
    check_lzma(lzma_properties_encode(&filter, reinterpret_cast<uint8_t*>(encoded.data())));
    return bytes_new(encoded);
}

// _decode_filter_properties(filter_id, encoded_props, /): a filter spec back from its properties.
Ref lzma_decode_filter_properties(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_decode_filter_properties", nargs, kw, 2, 2);
    lzma_filter filter{};
    filter.id = as_uint64(args[0]);
    HeldBuffer props(args[1]);
    check_lzma(lzma_properties_decode(&filter, nullptr, props.data(), props.size()));
    // liblzma allocated the options with malloc (no allocator given): free them however we leave.
    std::unique_ptr<void, void (*)(void*)> owned(filter.options, std::free);
    return build_filter_spec(filter);
}

const MethodDef kLzmaFunctions[] = {
    {"is_check_supported", lzma_is_check_supported,
     "Test whether the given integrity check is supported.\n\nAlways returns True for CHECK_NONE and "
     "CHECK_CRC32."},
    {"_encode_filter_properties", lzma_encode_filter_properties,
     "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a "
     "dict).\n\nThe result does not include the filter ID itself, only the options."},
    {"_decode_filter_properties", lzma_decode_filter_properties,
     "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a "
     "dict).\n\nThe result does not include the filter ID itself, only the options."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    compressor_type.construct = compressor_construct;
    init_stream_type(compressor_type, "_lzma.LZMACompressor", sizeof(Compressor), compressor_dealloc,
                     kCompressorMethods<Compressor>,
                     "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)\n\nCreate a "
                     "compressor object for compressing data incrementally.");
    decompressor_type.construct = decompressor_construct;
    decompressor_type.getattr = decompressor_getattr;
    init_stream_type(decompressor_type, "_lzma.LZMADecompressor", sizeof(Decompressor), decompressor_dealloc,
                     kDecompressorMethods<Decompressor>, kDecompressorDoc);
    lzma_error = new_exception_class("_lzma", "LZMAError", {&Exception_type}).release();
    set_attr(lzma_error, intern("__doc__"), str_new("Call to liblzma failed.").get());
}

struct IntConstant {
    const char* name;
    uint64_t value;
};
const IntConstant kConstants[] = {
    {"FORMAT_AUTO", kFormatAuto},
    {"FORMAT_XZ", kFormatXz},
    {"FORMAT_ALONE", kFormatAlone},
    {"FORMAT_RAW", kFormatRaw},
    {"CHECK_NONE", LZMA_CHECK_NONE},
    {"CHECK_CRC32", LZMA_CHECK_CRC32},
    {"CHECK_CRC64", LZMA_CHECK_CRC64},
    {"CHECK_SHA256", LZMA_CHECK_SHA256},
    {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
    {"CHECK_UNKNOWN", kCheckUnknown},
    {"FILTER_LZMA1", LZMA_FILTER_LZMA1},
    {"FILTER_LZMA2", LZMA_FILTER_LZMA2},
    {"FILTER_DELTA", LZMA_FILTER_DELTA},
    {"FILTER_X86", LZMA_FILTER_X86},
    {"FILTER_IA64", LZMA_FILTER_IA64},
    {"FILTER_ARM", LZMA_FILTER_ARM},
    {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
    {"FILTER_SPARC", LZMA_FILTER_SPARC},
    {"FILTER_POWERPC", LZMA_FILTER_POWERPC},
    {"MF_HC3", LZMA_MF_HC3},
    {"MF_HC4", LZMA_MF_HC4},
    {"MF_BT2", LZMA_MF_BT2},
    {"MF_BT3", LZMA_MF_BT3},
    {"MF_BT4", LZMA_MF_BT4},
    {"MODE_FAST", LZMA_MODE_FAST},
    {"MODE_NORMAL", LZMA_MODE_NORMAL},
    {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
    {"PRESET_EXTREME", LZMA_PRESET_EXTREME},
};

}  // namespace

Ref init_lzma_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Ref module = native_module_new("_lzma", kLzmaFunctions);
    Dict* d = module_dict(module.get());
    for (const IntConstant& c : kConstants)
        dict_set(d, intern(c.name), int_from_i64(static_cast<int64_t>(c.value)).get());
    dict_set(d, intern("LZMACompressor"), &compressor_type);
    dict_set(d, intern("LZMADecompressor"), &decompressor_type);
    dict_set(d, intern("LZMAError"), lzma_error);
    return module;
}

}  // namespace minipy
