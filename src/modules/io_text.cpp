// io_text.cpp — io.TextIOWrapper, CPython's text layer: str in and out over any binary buffer (the
// Buffered files open() makes, a BytesIO, a Python class with read/write), decoded by the codec's
// incremental decoder (under an IncrementalNewlineDecoder for universal newlines) and encoded by its
// incremental encoder. As CPython's _io.TextIOWrapper, it keeps the decoded text of one chunk read
// ahead and the bytes of small writes until a chunk's worth gathers (or a flush, seek or read), and
// its tell() returns a cookie saying how to rebuild the decoder's state at that character.
#include <gmp.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>

#include "modules/codecs_module.h"
#include "modules/io_base.h"
#include "modules/io_binary.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/locale_config.h"
#include "runtime/thread_state.h"

namespace minipy {

Type text_wrapper_type;

namespace {

using Args = Object* const*;

struct TextIO : Object {
    // Held for each operation, as a Buffered's lock (waited for without the GIL): the text layer's
    // buffers stay whole while the buffer's Python methods run.
    std::mutex lock;
    std::atomic<std::thread::id> owner;
    bool ok = false;             // made: CPython's "uninitialized object" otherwise
    bool detached = false;       // detach() gave the buffer away
    Object* buffer = nullptr;    // owned
    Object* encoding = nullptr;  // owned str: the name given (or the locale's)
    Object* errors = nullptr;    // owned str
    Object* decoder = nullptr;   // owned; null when the buffer is not readable
    Object* encoder = nullptr;   // owned; null when not writable or when encoded natively
    // The codec's name when str_encode encodes it without state ("utf-8", "ascii", "iso8859-1"),
    // as CPython's encodefunc fast paths; empty otherwise.
    Object* fast_encoding = nullptr;  // owned str or null
    bool readable = false, writable = false;
    Object* readnl = nullptr;  // owned str: newline= when given
    std::string writenl;       // what "\n" becomes on writing; empty: stays "\n"
    bool readuniversal = true, readtranslate = true, writetranslate = true;
    bool line_buffering = false, write_through = false;
    bool seekable = false, telling = false, has_read1 = false;
    bool encoding_start_of_stream = false;
    int64_t chunk_size = 8192;
    // Decoded text read ahead (UTF-8): the next character starts at decoded_pos, after
    // decoded_used characters given out. has_decoded: a chunk was decoded since the last reset.
    std::string decoded;
    size_t decoded_pos = 0;
    int64_t decoded_used = 0;
    bool has_decoded = false;
    // Where the decoded chunk came from: the decoder's flags before it, and the bytes fed since a
    // point where the decoder held nothing (tell() starts there).
    bool has_snapshot = false;
    Object* snapshot_flags = nullptr;  // owned int
    std::string snapshot_input;
    double b2cratio = 0;
    std::string pending;     // encoded writes not yet given to the buffer
    Object* mode = nullptr;  // owned: open()'s mode, set as an attribute
    std::atomic<bool> in_repr{false};
};

TextIO* as_text(Object* o) { return static_cast<TextIO*>(o); }

// The text files over a native Buffered: what they still hold is handed to it at exit.
std::mutex g_text_files_lock;
std::unordered_set<TextIO*> g_text_files;

class TextLock {
public:
    explicit TextLock(TextIO* t) : t_(t) {
        if (t->owner == std::this_thread::get_id())
            raise(&RuntimeError_type, "reentrant call inside " + repr_utf8(t));
        if (!t->lock.try_lock()) {
            AllowThreads unblocked(BlockReason::IO);
            t->lock.lock();
        }
        t->owner = std::this_thread::get_id();
    }
    ~TextLock() {
        t_->owner = std::thread::id();
        t_->lock.unlock();
    }
    TextLock(const TextLock&) = delete;
    TextLock& operator=(const TextLock&) = delete;

private:
    TextIO* t_;
};

[[noreturn]] void unsupported(const char* message) { raise(io_unsupported_operation_type(), message); }

void check_attached(TextIO* t) {
    if (!t->ok) raise(&ValueError_type, "I/O operation on uninitialized object");
    if (t->detached) raise(&ValueError_type, "underlying buffer has been detached");
}

Ref call_method(Object* o, const char* name, Args args = nullptr, size_t nargs = 0) {
    Ref method = get_attr(o, intern(name));
    return call(method.get(), args, nargs);
}

Ref call_method1(Object* o, const char* name, Object* arg) { return call_method(o, name, &arg, 1); }

bool is_closed(TextIO* t) {
    if (is_buffered(t->buffer)) return buffered_closed(static_cast<Buffered*>(t->buffer));
    Ref closed = get_attr(t->buffer, intern("closed"));
    return is_true(closed.get());
}

void check_open(TextIO* t) {
    check_attached(t);
    if (is_closed(t)) raise(&ValueError_type, "I/O operation on closed file.");
}

// ---- decoded text ----

bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

int64_t char_count(std::string_view s) {
    int64_t n = 0;
    for (char c : s) n += is_lead(c);
    return n;
}

// The byte offset `n` characters after `pos` (or the end).
size_t skip_chars(const std::string& s, size_t pos, int64_t n) {
    for (; pos < s.size() && n > 0; --n)
        for (++pos; pos < s.size() && !is_lead(s[pos]);) ++pos;
    return pos;
}

void set_decoded(TextIO* t, std::string text, bool has) {
    t->decoded = std::move(text);
    t->decoded_pos = 0;
    t->decoded_used = 0;
    t->has_decoded = has;
}

// The next n characters read ahead (all of them for n < 0).
std::string take_decoded(TextIO* t, int64_t n) {
    size_t end = n < 0 ? t->decoded.size() : skip_chars(t->decoded, t->decoded_pos, n);
    std::string out = t->decoded.substr(t->decoded_pos, end - t->decoded_pos);
    t->decoded_pos = end;
    t->decoded_used += char_count(out);
    return out;
}

void drop_snapshot(TextIO* t) {
    t->has_snapshot = false;
    t->snapshot_input.clear();
}

// ---- the decoder ----

Ref decode(TextIO* t, Object* input, bool final) {
    Object* args[2] = {input, bool_obj(final)};
    Ref text = call_method(t->decoder, "decode", args, 2);
    if (!is_str(text.get()))
        raise(&TypeError_type,
              format("decoder should return a string result, not '%s'", type_of(text.get())->name.c_str()));
    return text;
}

int64_t decoded_length(TextIO* t, std::string_view input, bool final = false) {
    Ref bytes = bytes_new(input);
    return as_str(decode(t, bytes.get(), final).get())->length;
}

// The decoder's state: how many bytes it holds, and its flags.
std::pair<size_t, Ref> decoder_state(TextIO* t) {
    Ref state = call_method(t->decoder, "getstate");
    if (!is_instance(state.get(), &tuple_type) || as_tuple(state.get())->size != 2)
        raise(&TypeError_type, "illegal decoder state");
    Object* held = as_tuple(state.get())->items[0];
    if (!is_bytes(held))
        raise(&TypeError_type, format("decoder getstate() should have returned a bytes object, not '%s'",
                                      type_of(held)->name.c_str()));
    return {bytes_data(held).size(), Ref::borrow(as_tuple(state.get())->items[1])};
}

// As CPython: the start of the stream resets the decoder (utf-16's expects a BOM there), any other
// point sets the flags with nothing held.
void decoder_restore(TextIO* t, int64_t start_pos, Object* flags) {
    if (start_pos == 0 && as_index(flags) == 0) {
        call_method(t->decoder, "reset");
        return;
    }
    Ref empty = bytes_new("");
    Object* items[2] = {empty.get(), flags};
    Ref state = tuple_from(items, 2);
    call_method1(t->decoder, "setstate", state.get());
}

void encoder_reset(TextIO* t, bool start_of_stream) {
    if (!t->encoder) return;
    if (start_of_stream)
        call_method(t->encoder, "reset");
    else
        call_method1(t->encoder, "setstate", make_small_int(0));
    t->encoding_start_of_stream = start_of_stream;
}

// Reads and decodes the next chunk into `decoded`; false at the end of the stream.
bool read_chunk(TextIO* t, int64_t size_hint) {
    if (!t->decoder) unsupported("not readable");
    Ref held_bytes, flags;
    if (t->telling) {
        Ref state = call_method(t->decoder, "getstate");
        if (!is_instance(state.get(), &tuple_type) || as_tuple(state.get())->size != 2)
            raise(&TypeError_type, "illegal decoder state");
        held_bytes = Ref::borrow(as_tuple(state.get())->items[0]);
        flags = Ref::borrow(as_tuple(state.get())->items[1]);
        if (!is_bytes(held_bytes.get()))
            raise(&TypeError_type, format("decoder getstate() should have returned a bytes object, not '%s'",
                                          type_of(held_bytes.get())->name.c_str()));
    }
    int64_t size = t->chunk_size;
    if (size_hint > 0) size = std::max(size, static_cast<int64_t>(std::max(t->b2cratio, 1.0) * size_hint));
    Ref size_obj = int_from_i64(size);
    const char* method = t->has_read1 ? "read1" : "read";
    Ref input = call_method1(t->buffer, method, size_obj.get());
    if (!is_bytes_like(input.get()))
        raise(&TypeError_type, format("underlying %s() should have returned a bytes-like object, not '%s'",
                                      method, type_of(input.get())->name.c_str()));
    std::string data = bytes_like_data(input.get());
    bool eof = data.empty();
    Ref text = decode(t, input.get(), eof);
    int64_t chars = as_str(text.get())->length;
    set_decoded(t, str_utf8_of(text.get()), true);
    t->b2cratio = chars > 0 ? static_cast<double>(data.size()) / static_cast<double>(chars) : 0.0;
    if (chars > 0) eof = false;
    if (t->telling) {
        t->has_snapshot = true;
        t->snapshot_input = bytes_data(held_bytes.get()) + data;
        Object* old = t->snapshot_flags;
        t->snapshot_flags = flags.release();
        xdecref(old);
    }
    return !eof;
}

// ---- writing ----

void write_pending(TextIO* t) {
    if (t->pending.empty()) return;
    Ref bytes = bytes_new(t->pending);
    t->pending.clear();
    call_method1(t->buffer, "write", bytes.get());
}

// What flush() does: the pending bytes to the buffer, then the buffer's flush.
void flush_locked(TextIO* t) {
    check_open(t);
    t->telling = t->seekable;
    write_pending(t);
    call_method(t->buffer, "flush");
}

std::string encode(TextIO* t, Object* text) {
    const Str* s = as_str(text);
    // ASCII text is its own encoding in the three codecs encoded natively.
    if (t->fast_encoding) {
        if (static_cast<size_t>(s->length) == s->utf8.size()) return s->utf8;
        return str_encode(text, t->fast_encoding, t->errors);
    }
    Ref bytes = call_method1(t->encoder, "encode", text);
    if (!is_bytes(bytes.get()))
        raise(&TypeError_type,
              format("encoder should return a bytes object, not '%s'", type_of(bytes.get())->name.c_str()));
    t->encoding_start_of_stream = false;
    return bytes_data(bytes.get());
}

void replace_newlines(std::string& text, const std::string& with) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += with;
        else
            out += c;
    }
    text = std::move(out);
}

Ref text_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs - 1, kw, 1, 1);
    TextIO* t = as_text(args[0]);
    if (!is_str(args[1]))
        raise(&TypeError_type,
              format("write() argument must be str, not %s", type_of(args[1])->name.c_str()));
    TextLock hold(t);
    check_open(t);
    if (!t->writable) unsupported("not writable");
    Ref text = Ref::borrow(args[1]);
    int64_t length = as_str(text.get())->length;
    const std::string& utf8 = str_utf8_of(text.get());
    bool haslf = ((t->writetranslate && !t->writenl.empty()) || t->line_buffering) &&
                 utf8.find('\n') != std::string::npos;
    if (haslf && t->writetranslate && !t->writenl.empty()) {
        std::string translated = utf8;
        replace_newlines(translated, t->writenl);
        text = str_new(translated);
    }
    bool needflush = t->line_buffering && (haslf || str_utf8_of(text.get()).find('\r') != std::string::npos);
    std::string bytes = encode(t, text.get());
    if (t->pending.size() + bytes.size() > static_cast<size_t>(t->chunk_size)) write_pending(t);
    t->pending += bytes;
    if (t->pending.size() >= static_cast<size_t>(t->chunk_size) || needflush || t->write_through)
        write_pending(t);
    if (needflush) call_method(t->buffer, "flush");
    set_decoded(t, "", false);
    drop_snapshot(t);
    if (t->decoder) call_method(t->decoder, "reset");
    return int_from_i64(length);
}

// ---- reading ----

Ref text_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs - 1, kw, 0, 1);
    TextIO* t = as_text(args[0]);
    int64_t n = io_size_arg(args, nargs);
    TextLock hold(t);
    check_open(t);
    if (!t->decoder) unsupported("not readable");
    write_pending(t);
    if (n < 0) {
        Ref rest = call_method(t->buffer, "read");
        Ref text = decode(t, rest.get(), true);
        std::string out = take_decoded(t, -1) + str_utf8_of(text.get());
        set_decoded(t, "", false);
        drop_snapshot(t);
        return str_new(out);
    }
    std::string out = take_decoded(t, n);
    for (int64_t have = char_count(out); have < n;) {
        if (!read_chunk(t, n - have)) break;
        std::string more = take_decoded(t, n - have);
        have += char_count(more);
        out += more;
    }
    return str_new(out);
}

// Where the line ending that starts at or after `from` ends in `d`, or npos. `line` is the part of
// the line taken before (a "\r\n" ending may straddle two chunks when newline="\r\n").
size_t line_end(TextIO* t, const std::string& d, size_t from, const std::string& line) {
    if (t->readtranslate) {
        size_t at = d.find('\n', from);
        return at == std::string::npos ? at : at + 1;
    }
    if (t->readuniversal) {
        // The newline decoder never ends a chunk with a "\r" that a "\n" may follow.
        size_t at = d.find_first_of("\r\n", from);
        if (at == std::string::npos) return at;
        return d[at] == '\r' && at + 1 < d.size() && d[at + 1] == '\n' ? at + 2 : at + 1;
    }
    const std::string& nl = str_utf8_of(t->readnl);
    if (nl.size() == 2 && !line.empty() && line.back() == '\r' && from < d.size() && d[from] == '\n')
        return from + 1;
    size_t at = d.find(nl, from);
    return at == std::string::npos ? at : at + nl.size();
}

std::string readline_locked(TextIO* t, int64_t limit) {
    check_open(t);
    if (!t->decoder) unsupported("not readable");
    write_pending(t);
    std::string line;
    int64_t chars = 0;
    for (;;) {
        while (t->decoded_pos >= t->decoded.size()) {
            if (!read_chunk(t, 0)) {
                set_decoded(t, "", false);
                drop_snapshot(t);
                return line;
            }
        }
        size_t end = line_end(t, t->decoded, t->decoded_pos, line);
        size_t stop = end == std::string::npos ? t->decoded.size() : end;
        if (limit >= 0) {
            size_t at_limit = skip_chars(t->decoded, t->decoded_pos, limit - chars);
            if (at_limit < stop) stop = end = at_limit;
        }
        std::string piece = t->decoded.substr(t->decoded_pos, stop - t->decoded_pos);
        int64_t n = char_count(piece);
        t->decoded_pos = stop;
        t->decoded_used += n;
        chars += n;
        line += piece;
        if (end != std::string::npos || (limit >= 0 && chars >= limit)) return line;
    }
}

Ref text_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs - 1, kw, 0, 1);
    int64_t limit = nargs > 1 ? as_index(args[1]) : -1;
    TextLock hold(as_text(args[0]));
    return str_new(readline_locked(as_text(args[0]), limit));
}

Ref text_next(Object* o) {
    TextIO* t = as_text(o);
    TextLock hold(t);
    t->telling = false;
    std::string line = readline_locked(t, -1);
    if (!line.empty()) return str_new(line);
    drop_snapshot(t);
    t->telling = t->seekable;
    return nullptr;
}

Ref text_iter(Object* o) {
    check_open(as_text(o));
    return Ref::borrow(o);
}

// ---- tell() and seek(): CPython's cookie ----

// start_pos | dec_flags << 64 | bytes_to_feed << 96 | chars_to_skip << 128 | need_eof << 160: the
// fields of CPython's cookie struct, read as one little-endian number.
struct Cookie {
    int64_t start_pos = 0;
    int64_t dec_flags = 0;
    int64_t bytes_to_feed = 0;
    int64_t chars_to_skip = 0;
    bool need_eof = false;
};

Ref cookie_build(const Cookie& c) {
    mpz_t value, part;
    mpz_init_set_ui(value, static_cast<unsigned long>(c.start_pos));
    mpz_init(part);
    auto put = [&](int64_t field, unsigned shift) {
        mpz_set_ui(part, static_cast<uint32_t>(field));
        mpz_mul_2exp(part, part, shift);
        mpz_ior(value, value, part);
    };
    put(c.dec_flags, 64);
    put(c.bytes_to_feed, 96);
    put(c.chars_to_skip, 128);
    put(c.need_eof, 160);
    Ref out = int_from_mpz(value);
    mpz_clear(value);
    mpz_clear(part);
    return out;
}

Cookie cookie_parse(Object* number) {
    mpz_t value, part;
    mpz_init(value);
    mpz_init(part);
    int_to_mpz(number, value);
    auto field = [&](unsigned shift, unsigned bits) {
        mpz_tdiv_q_2exp(part, value, shift);
        mpz_fdiv_r_2exp(part, part, bits);
        return mpz_get_ui(part);
    };
    Cookie c;
    c.start_pos = static_cast<int64_t>(field(0, 64));
    c.dec_flags = static_cast<int32_t>(field(64, 32));
    c.bytes_to_feed = static_cast<int32_t>(field(96, 32));
    c.chars_to_skip = static_cast<int32_t>(field(128, 32));
    c.need_eof = field(160, 8) != 0;
    mpz_clear(value);
    mpz_clear(part);
    return c;
}

// The cookie of the character decoded_used characters into the chunk of the snapshot. The decoder
// is brought back to a point where it holds nothing, then fed one byte at a time up to there.
Cookie find_cookie(TextIO* t, Cookie c, int64_t chars_to_skip) {
    const std::string& input = t->snapshot_input;
    Ref flags = Ref::borrow(t->snapshot_flags);
    int64_t skip_bytes = static_cast<int64_t>(t->b2cratio * static_cast<double>(chars_to_skip));
    int64_t skip_back = 1;
    while (skip_bytes > 0) {
        decoder_restore(t, c.start_pos, flags.get());
        int64_t got = decoded_length(t, std::string_view(input).substr(0, static_cast<size_t>(skip_bytes)));
        if (got <= chars_to_skip) {
            auto [held, state_flags] = decoder_state(t);
            if (held == 0) {
                flags = state_flags;
                c.dec_flags = as_index(flags.get());
                chars_to_skip -= got;
                break;
            }
            skip_bytes -= static_cast<int64_t>(held);
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if (skip_bytes <= 0) {
        skip_bytes = 0;
        decoder_restore(t, c.start_pos, flags.get());
    }
    c.start_pos += skip_bytes;
    c.chars_to_skip = chars_to_skip;
    if (chars_to_skip == 0) return c;
    int64_t chars = 0;
    size_t at = static_cast<size_t>(skip_bytes);
    for (; at < input.size(); ++at) {
        chars += decoded_length(t, std::string_view(input).substr(at, 1));
        c.bytes_to_feed += 1;
        auto [held, state_flags] = decoder_state(t);
        if (held == 0 && chars <= chars_to_skip) {
            // Nothing held: a safe place to start from.
            c.start_pos += c.bytes_to_feed;
            chars_to_skip -= chars;
            c.dec_flags = as_index(state_flags.get());
            c.bytes_to_feed = 0;
            chars = 0;
        }
        if (chars >= chars_to_skip) break;
    }
    if (at == input.size()) {
        chars += decoded_length(t, "", true);
        c.need_eof = true;
        if (chars < chars_to_skip) raise(&OSError_type, "can't reconstruct logical file position");
    }
    c.chars_to_skip = chars_to_skip;
    return c;
}

Ref tell_locked(TextIO* t) {
    check_open(t);
    if (!t->seekable) unsupported("underlying stream is not seekable");
    if (!t->telling) raise(&OSError_type, "telling position disabled by next() call");
    flush_locked(t);
    Ref position = call_method(t->buffer, "tell");
    if (!t->decoder || !t->has_snapshot) return position;
    Cookie c;
    c.start_pos = as_index(position.get()) - static_cast<int64_t>(t->snapshot_input.size());
    c.dec_flags = as_index(t->snapshot_flags);
    if (t->decoded_used == 0) return cookie_build(c);
    Ref saved = call_method(t->decoder, "getstate");
    try {
        c = find_cookie(t, c, t->decoded_used);
    } catch (PyException&) {
        call_method1(t->decoder, "setstate", saved.get());
        throw;
    }
    call_method1(t->decoder, "setstate", saved.get());
    return cookie_build(c);
}

Ref text_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs - 1, kw, 0, 0);
    TextLock hold(as_text(args[0]));
    return tell_locked(as_text(args[0]));
}

// seek(0, SEEK_END): to the end, the read-ahead and the decoder's state forgotten.
Ref seek_end(TextIO* t) {
    flush_locked(t);
    set_decoded(t, "", false);
    drop_snapshot(t);
    if (t->decoder) call_method(t->decoder, "reset");
    Object* args[2] = {make_small_int(0), make_small_int(2)};
    Ref position = call_method(t->buffer, "seek", args, 2);
    encoder_reset(t, as_index(position.get()) == 0);
    return position;
}

Ref seek_locked(TextIO* t, Object* target, int64_t whence) {
    check_open(t);
    if (!t->seekable) unsupported("underlying stream is not seekable");
    Ref cookie_obj = Ref::borrow(target);
    Object* zero = make_small_int(0);
    if (whence == 1) {
        if (!compare_bool(target, zero, CompareOp::Eq)) unsupported("can't do nonzero cur-relative seeks");
        cookie_obj = tell_locked(t);
    } else if (whence == 2) {
        if (!compare_bool(target, zero, CompareOp::Eq)) unsupported("can't do nonzero end-relative seeks");
        return seek_end(t);
    } else if (whence != 0) {
        raise(&ValueError_type,
              format("invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence)));
    }
    if (compare_bool(cookie_obj.get(), zero, CompareOp::Lt))
        raise(&ValueError_type, "negative seek position " + repr_utf8(cookie_obj.get()));
    Ref as_int = is_int(cookie_obj.get()) ? cookie_obj : index_value(cookie_obj.get());
    if (!as_int)
        raise(&TypeError_type, format("'%s' object cannot be interpreted as an integer",
                                      type_of(cookie_obj.get())->name.c_str()));
    flush_locked(t);
    Cookie c = cookie_parse(as_int.get());
    Ref start = int_from_i64(c.start_pos);
    call_method1(t->buffer, "seek", start.get());
    set_decoded(t, "", false);
    drop_snapshot(t);
    Ref flags = int_from_i64(c.dec_flags);
    if (t->decoder) {
        decoder_restore(t, c.start_pos, flags.get());
        t->has_snapshot = true;
        Object* old = t->snapshot_flags;
        t->snapshot_flags = newref(flags.get());
        xdecref(old);
    }
    if (c.chars_to_skip) {
        if (!t->decoder) unsupported("not readable");
        Ref count = int_from_i64(c.bytes_to_feed);
        Ref input = call_method1(t->buffer, "read", count.get());
        if (!is_bytes(input.get()))
            raise(&TypeError_type, format("underlying read() should have returned a bytes object, not '%s'",
                                          type_of(input.get())->name.c_str()));
        t->snapshot_input = bytes_data(input.get());
        Ref text = decode(t, input.get(), c.need_eof);
        set_decoded(t, str_utf8_of(text.get()), true);
        if (as_str(text.get())->length < c.chars_to_skip)
            raise(&OSError_type, "can't restore logical file position");
        take_decoded(t, c.chars_to_skip);
    }
    encoder_reset(t, compare_bool(as_int.get(), zero, CompareOp::Eq));
    return cookie_obj;
}

Ref text_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs - 1, kw, 1, 2);
    int64_t whence = nargs > 2 ? as_index(args[2]) : 0;
    TextLock hold(as_text(args[0]));
    return seek_locked(as_text(args[0]), args[1], whence);
}

// ---- the rest of the file interface ----

Ref text_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs - 1, kw, 0, 0);
    TextLock hold(as_text(args[0]));
    flush_locked(as_text(args[0]));
    return Ref::borrow(None);
}

// close(): flush() (the method: a subclass may replace it), then the buffer's close, which runs
// even when the flush fails.
Ref text_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    TextIO* t = as_text(args[0]);
    Ref buffer;
    {
        TextLock hold(t);
        check_attached(t);
        if (is_closed(t)) return Ref::borrow(None);
        buffer = Ref::borrow(t->buffer);
    }
    try {
        call_method(args[0], "flush");
    } catch (PyException&) {
        call_method(buffer.get(), "close");
        throw;
    }
    return call_method(buffer.get(), "close");
}

Ref text_detach(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("detach", nargs - 1, kw, 0, 0);
    TextIO* t = as_text(args[0]);
    TextLock hold(t);
    check_attached(t);
    flush_locked(t);
    t->detached = true;
    {
        std::lock_guard<std::mutex> guard(g_text_files_lock);
        g_text_files.erase(t);
    }
    return Ref::steal(std::exchange(t->buffer, nullptr));
}

Ref text_truncate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("truncate", nargs - 1, kw, 0, 1);
    TextIO* t = as_text(args[0]);
    Ref buffer;
    {
        TextLock hold(t);
        flush_locked(t);
        buffer = Ref::borrow(t->buffer);
    }
    return call_method1(buffer.get(), "truncate", nargs > 1 ? args[1] : None);
}

// fileno, isatty, readable, writable, seekable: the buffer's answer.
Ref ask_buffer(Args args, size_t nargs, Tuple* kw, const char* name) {
    check_positional(name, nargs - 1, kw, 0, 0);
    check_attached(as_text(args[0]));
    Ref buffer = Ref::borrow(as_text(args[0])->buffer);
    return call_method(buffer.get(), name);
}

Ref text_fileno(Object*, Args args, size_t nargs, Tuple* kw) { return ask_buffer(args, nargs, kw, "fileno"); }
Ref text_isatty(Object*, Args args, size_t nargs, Tuple* kw) { return ask_buffer(args, nargs, kw, "isatty"); }
Ref text_readable(Object*, Args args, size_t nargs, Tuple* kw) {
    return ask_buffer(args, nargs, kw, "readable");
}
Ref text_writable(Object*, Args args, size_t nargs, Tuple* kw) {
    return ask_buffer(args, nargs, kw, "writable");
}
Ref text_seekable(Object*, Args args, size_t nargs, Tuple* kw) {
    return ask_buffer(args, nargs, kw, "seekable");
}

// ---- making one ----

bool is_text_arg(Object* o) { return !o || o == None || is_str(o); }

void check_text_arg(Object* o, const char* fname, const char* what) {
    if (!is_text_arg(o))
        raise(&TypeError_type, format("%s() argument '%s' must be str or None, not %s", fname, what,
                                      type_of(o)->name.c_str()));
}

void check_newline(Object* newline, const char* fname) {
    check_text_arg(newline, fname, "newline");
    if (!newline || newline == None) return;
    const std::string& nl = str_utf8_of(newline);
    if (nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n")
        raise(&ValueError_type, "illegal newline value: " + nl);
}

void set_newline(TextIO* t, Object* newline) {
    bool given = newline && newline != None;
    const std::string nl = given ? str_utf8_of(newline) : "";
    Object* old = t->readnl;
    t->readnl = given ? newref(newline) : nullptr;
    xdecref(old);
    t->readuniversal = !given || nl.empty();
    t->readtranslate = !given;
    t->writetranslate = !given || !nl.empty();
    t->writenl = !t->readuniversal && nl != "\n" ? nl : "";
}

void replace_ref(Object*& field, Object* value) {
    Object* old = field;
    field = value;
    xdecref(old);
}

// The decoder and encoder of `encoding` for what the buffer allows, as CPython's _io: the codec's
// incremental ones, the decoder under a newline decoder for universal newlines. utf-8, ascii and
// latin-1 need no registry (sys.stdin is made before the encodings package can be imported): they
// are decoded and encoded natively, as CPython's encodefunc fast paths encode them.
void set_codec(TextIO* t, Object* encoding, Object* errors) {
    const char* builtin = builtin_text_codec(str_utf8_of(encoding));
    Ref info = builtin ? Ref() : lookup_text_encoding(encoding, "codecs.open()");
    replace_ref(t->encoding, newref(encoding));
    replace_ref(t->errors, newref(errors));
    replace_ref(t->decoder, nullptr);
    replace_ref(t->encoder, nullptr);
    replace_ref(t->fast_encoding, nullptr);
    if (t->readable) {
        Ref decoder = builtin ? builtin_decoder_new(builtin, errors)
                              : call1(get_attr(info.get(), intern("incrementaldecoder")).get(), errors);
        if (t->readuniversal) decoder = newline_decoder_new(decoder.get(), t->readtranslate);
        t->decoder = decoder.release();
    }
    if (t->writable) {
        if (builtin)
            t->fast_encoding = str_new(builtin).release();
        else
            t->encoder = call1(get_attr(info.get(), intern("incrementalencoder")).get(), errors).release();
    }
}

// encoding=None or "locale" is the locale's, as CPython's: 'utf-8' in UTF-8 mode, else the
// locale's codeset ('UTF-8' in a UTF-8 locale).
Ref encoding_or_locale(Object* encoding) {
    if (!encoding || encoding == None || str_utf8_of(encoding) == "locale")
        return str_new(default_text_encoding());
    return Ref::borrow(encoding);
}

void text_init(TextIO* t, Object* buffer, Object* encoding, Object* errors, Object* newline,
               bool line_buffering, bool write_through) {
    check_text_arg(encoding, "TextIOWrapper", "encoding");
    check_text_arg(errors, "TextIOWrapper", "errors");
    check_newline(newline, "TextIOWrapper");
    Ref name = encoding_or_locale(encoding);
    Ref error_mode = errors && errors != None ? Ref::borrow(errors) : str_new("strict");
    set_newline(t, newline);
    t->line_buffering = line_buffering;
    t->write_through = write_through;
    t->readable = is_true(call_method(buffer, "readable").get());
    t->writable = is_true(call_method(buffer, "writable").get());
    set_codec(t, name.get(), error_mode.get());
    t->buffer = newref(buffer);
    t->seekable = t->telling = is_true(call_method(buffer, "seekable").get());
    t->has_read1 = static_cast<bool>(get_attr_opt(buffer, intern("read1")));
    if (t->seekable && t->encoder) {
        t->encoding_start_of_stream = true;
        Ref position = call_method(buffer, "tell");
        if (as_index(position.get()) != 0) encoder_reset(t, false);
    }
    if (is_buffered(buffer)) {
        std::lock_guard<std::mutex> guard(g_text_files_lock);
        g_text_files.insert(t);
    }
    t->ok = true;
}

// reconfigure(*, encoding=None, errors=None, newline=..., line_buffering=None, write_through=None)
Ref text_reconfigure(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self",    "encoding",       "errors",
                                        "newline", "line_buffering", "write_through"};
    if (nargs > 1) raise(&TypeError_type, "reconfigure() takes no positional arguments");
    Object* a[6] = {};
    bind_args("reconfigure", args, nargs, kw, names, 6, 1, a);
    TextIO* t = as_text(a[0]);
    check_text_arg(a[1], "reconfigure", "encoding");
    check_text_arg(a[2], "reconfigure", "errors");
    bool newline_given = a[3] != nullptr;
    if (newline_given) check_newline(a[3], "reconfigure");
    TextLock hold(t);
    check_attached(t);
    bool encoding_given = a[1] && a[1] != None, errors_given = a[2] && a[2] != None;
    if (t->has_decoded && (encoding_given || errors_given || newline_given))
        unsupported("It is not possible to set the encoding or newline of stream after the first read");
    flush_locked(t);
    t->b2cratio = 0;
    if (newline_given) set_newline(t, a[3]);
    if (encoding_given || errors_given || newline_given) {
        Ref encoding = encoding_given ? encoding_or_locale(a[1]) : Ref::borrow(t->encoding);
        Ref errors = errors_given     ? Ref::borrow(a[2])
                     : encoding_given ? str_new("strict")
                                      : Ref::borrow(t->errors);
        set_codec(t, encoding.get(), errors.get());
        if (t->seekable && t->encoder) {
            Ref position = call_method(t->buffer, "tell");
            encoder_reset(t, as_index(position.get()) == 0);
        }
    }
    if (a[4] && a[4] != None) t->line_buffering = is_true(a[4]);
    if (a[5] && a[5] != None) t->write_through = is_true(a[5]);
    return Ref::borrow(None);
}

const char* const kInitNames[] = {"self",    "buffer",         "encoding",     "errors",
                                  "newline", "line_buffering", "write_through"};

// Forgets what an earlier __init__ set up: CPython's TextIOWrapper may be initialised again.
void text_clear(TextIO* t) {
    {
        std::lock_guard<std::mutex> guard(g_text_files_lock);
        g_text_files.erase(t);
    }
    t->ok = false;
    t->detached = false;
    for (Object** field : {&t->buffer, &t->encoding, &t->errors, &t->decoder, &t->encoder, &t->fast_encoding,
                           &t->readnl, &t->snapshot_flags})
        replace_ref(*field, nullptr);
    set_decoded(t, "", false);
    drop_snapshot(t);
    t->pending.clear();
    t->b2cratio = 0;
    t->chunk_size = 8192;
}

// __init__(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)
Ref text_init_method(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[7] = {};
    bind_args("TextIOWrapper", args, nargs, kw, kInitNames, 7, 2, a);
    TextIO* t = as_text(a[0]);
    TextLock hold(t);
    text_clear(t);
    text_init(t, a[1], a[2], a[3], a[4], a[5] && is_true(a[5]), a[6] && is_true(a[6]));
    return Ref::borrow(None);
}

// TextIOWrapper(buffer, ...). A subclass with an __init__ of its own gets an object that its
// __init__ sets up (through super().__init__), as CPython's: its arguments may differ.
Ref text_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = new TextIO();
    init_header(t, static_cast<Type*>(type));
    Ref owned = Ref::steal(t);
    static Str* const kInit = intern("__init__");
    Ref init = type_lookup(static_cast<Type*>(type), kInit);
    if (type != &text_wrapper_type && init.get() != dict_get_str(text_wrapper_type.dict, kInit)) return owned;
    Object* a[6] = {};
    bind_args("TextIOWrapper", args, nargs, kw, kInitNames + 1, 6, 1, a);
    text_init(t, a[0], a[1], a[2], a[3], a[4] && is_true(a[4]), a[5] && is_true(a[5]));
    return owned;
}

bool text_finalize(Object* o) {
    TextIO* t = as_text(o);
    if (!t->ok || t->detached || !t->buffer || !is_buffered(t->buffer)) return false;
    return warn_unclosed_file(o, static_cast<Buffered*>(t->buffer)->fileio);
}

void text_dealloc(Object* o) {
    weakrefs_clear(o);
    TextIO* t = as_text(o);
    {
        std::lock_guard<std::mutex> guard(g_text_files_lock);
        g_text_files.erase(t);
    }
    // As CPython's finalizer flushes: what is pending reaches a native buffer (no Python code runs
    // here; the Buffered writes it when it goes in turn).
    if (t->buffer && !t->pending.empty() && is_buffered(t->buffer)) {
        try {
            BufferedLock hold(static_cast<Buffered*>(t->buffer));
            if (!buffered_closed(static_cast<Buffered*>(t->buffer)))
                buffered_write_bytes(static_cast<Buffered*>(t->buffer), t->pending);
        } catch (PyException&) {
        }
    }
    for (Object* field : {t->buffer, t->encoding, t->errors, t->decoder, t->encoder, t->fast_encoding,
                          t->readnl, t->snapshot_flags, t->mode})
        xdecref(field);
    delete t;
}

Ref text_repr(Object* o) {
    TextIO* t = as_text(o);
    std::string text = "<" + type_of(o)->name;
    if (!t->ok) raise(&ValueError_type, "I/O operation on uninitialized object");
    if (t->in_repr.exchange(true))
        raise(&RuntimeError_type, "reentrant call inside " + type_of(o)->name + ".__repr__");
    try {
        Ref name;
        try {
            name = get_attr_opt(o, intern("name"));
        } catch (PyException& e) {
            // No name when reading it raises ValueError (a detached or closed buffer), as CPython.
            if (!is_instance(e.exception(), &ValueError_type)) throw;
        }
        if (name) text += " name=" + repr_utf8(name.get());
        if (Ref mode = get_attr_opt(o, intern("mode"))) text += " mode=" + repr_utf8(mode.get());
        text += " encoding=" + repr_utf8(t->encoding) + ">";
    } catch (PyException&) {
        t->in_repr = false;
        throw;
    }
    t->in_repr = false;
    return str_new(text);
}

Ref text_getattr(Object* o, Str* name) {
    TextIO* t = as_text(o);
    const std::string& n = name->utf8;
    if (n == "buffer") return Ref::borrow(t->buffer ? t->buffer : None);
    if (n == "encoding") return Ref::borrow(t->encoding ? t->encoding : None);
    if (n == "errors") return Ref::borrow(t->errors ? t->errors : None);
    if (n == "line_buffering") return Ref::borrow(bool_obj(t->line_buffering));
    if (n == "write_through") return Ref::borrow(bool_obj(t->write_through));
    if (n == "mode" && t->mode) return Ref::borrow(t->mode);
    if (n == "closed" || n == "name" || n == "newlines" || n == "_CHUNK_SIZE") {
        check_attached(t);
        if (n == "_CHUNK_SIZE") return int_from_i64(t->chunk_size);
        if (n == "newlines") {
            Ref seen = t->decoder ? get_attr_opt(t->decoder, name) : Ref();
            return seen ? seen : Ref::borrow(None);
        }
        Ref buffer = Ref::borrow(t->buffer);
        return get_attr(buffer.get(), name);
    }
    return generic_getattr(o, name);
}

// open() and tokenize.open set `mode`; _CHUNK_SIZE sets how much a read asks the buffer for.
void text_setattr(Object* o, Str* name, Object* value) {
    TextIO* t = as_text(o);
    if (name->utf8 == "mode") {
        replace_ref(t->mode, value ? newref(value) : nullptr);
        return;
    }
    if (name->utf8 != "_CHUNK_SIZE") raise_no_attribute(o, name);
    check_attached(t);
    if (!value) raise(&AttributeError_type, "cannot delete attribute");
    int64_t size = as_index(value);
    if (size <= 0) raise(&ValueError_type, "a strictly positive integer is required");
    t->chunk_size = size;
}

const MethodDef kTextMethods[] = {
    {"read", text_read, "Read at most size characters, or all that remain."},
    {"readline", text_readline, "Read until newline or EOF."},
    {"write", text_write, "Write the string; return the number of characters written."},
    {"flush", text_flush, "Flush the write buffers."},
    {"close", text_close, "Flush and close the file."},
    {"detach", text_detach, "Separate the underlying buffer from the TextIOWrapper and return it."},
    {"seek", text_seek, "Change the stream position to the given cookie."},
    {"tell", text_tell, "Return the stream position as an opaque cookie."},
    {"truncate", text_truncate, "Truncate the buffer at the given byte position."},
    {"fileno", text_fileno, "Return the underlying file descriptor (an integer)."},
    {"isatty", text_isatty, "Return whether this is an 'interactive' stream."},
    {"readable", text_readable, "Whether the buffer can be read."},
    {"writable", text_writable, "Whether the buffer can be written."},
    {"seekable", text_seekable, "Whether the buffer supports random access."},
    {"reconfigure", text_reconfigure, "Reconfigure the text stream with new parameters."},
    {"__init__", text_init_method, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__getstate__", io_refuse_pickle, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_text_wrapper_type() {
    Type& t = text_wrapper_type;
    if (t.dict) return;
    t.name = "_io.TextIOWrapper";
    t.instances_have_dict = true;
    t.instance_size = sizeof(TextIO);
    t.dealloc = text_dealloc;
    t.finalize = text_finalize;
    t.repr = text_repr;
    t.iter = text_iter;
    t.next = text_next;
    t.getattr = text_getattr;
    t.setattr = text_setattr;
    t.construct = text_construct;
    t.methods = kTextMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    allow_weak_references(&t);
    // The attributes text_getattr computes, as CPython's type lists them (inspect.getattr_static).
    add_attribute_descriptors(&t, {"encoding", "buffer", "line_buffering", "write_through"}, true);
    add_attribute_descriptors(&t, {"name", "closed", "newlines", "errors", "_CHUNK_SIZE"});
    add_io_base_defaults(&t, IoBaseKind::kText);
}

Ref text_file_new(Object* buffer, Object* mode, Object* encoding, Object* errors, Object* newline,
                  bool line_buffering) {
    init_text_wrapper_type();
    auto* t = new TextIO();
    init_header(t, &text_wrapper_type);
    Ref owned = Ref::steal(t);
    text_init(t, buffer, encoding, errors, newline, line_buffering, false);
    t->mode = newref(mode);
    return owned;
}

void hand_text_to_buffers() {
    std::lock_guard<std::mutex> guard(g_text_files_lock);
    for (TextIO* t : g_text_files) {
        if (t->pending.empty() || !t->buffer || !t->lock.try_lock()) continue;
        auto* b = static_cast<Buffered*>(t->buffer);
        if (b->lock.try_lock()) {
            // No Python code and no exception here, as flush_open_files.
            if (b->c_stream)
                std::fwrite(t->pending.data(), 1, t->pending.size(), b->c_stream);
            else
                b->write_buffer += t->pending;
            t->pending.clear();
            b->lock.unlock();
        }
        t->lock.unlock();
    }
}

}  // namespace minipy
