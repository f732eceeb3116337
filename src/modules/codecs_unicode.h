// codecs_unicode.h — the text codecs `_codecs` implements natively (utf-7/8/16/32, ascii, latin-1,
// charmap, unicode_escape, raw_unicode_escape) over code points, and the way they report bad input:
// a UnicodeDecodeError/UnicodeEncodeError handed to the error handler named by `errors`, as CPython's.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace minipy {

// Bad input met while decoding `data`: report() builds the UnicodeDecodeError for data[start, end),
// raises it for "strict", else runs the registered handler, appends its replacement to `out` and
// returns the position to resume at.
class DecodeErrors {
public:
    DecodeErrors(std::string encoding, std::string_view data, Object* errors)
        : encoding_(std::move(encoding)), data_(data), errors_(errors) {}
    size_t report(size_t start, size_t end, const char* reason, std::u32string& out);
    // The input: a handler may replace the exception's object, and decoding goes on in that, as
    // CPython's (test_codeccallbacks' replace_with_long); each decoder reads it again after report.
    std::string_view data() const { return data_; }

private:
    std::string encoding_;
    std::string_view data_;
    Object* errors_;        // str, or null for "strict"
    Ref input_;             // data as a bytes object, made at the first error
    std::string replaced_;  // the bytes of a handler's new object, which data_ then views
};

// Encodes one replacement character into `out`; false when the codec cannot encode it.
using PutChar = std::function<bool(char32_t, std::string&)>;

// The same for encoding `text`: a handler's bytes are appended as they are, its str goes through
// `put` (a character the codec cannot encode re-raises the original error, as CPython).
class EncodeErrors {
public:
    EncodeErrors(std::string encoding, const std::u32string& text, Object* errors)
        : encoding_(std::move(encoding)), text_(text), errors_(errors) {}
    size_t report(size_t start, size_t end, const char* reason, std::string& out, const PutChar& put);

private:
    std::string encoding_;
    const std::u32string& text_;
    Object* errors_;
    Ref input_;
};

// Each decoder stops before an incomplete sequence at the end when !final; *consumed says where.
std::u32string decode_utf8(std::string_view d, DecodeErrors& e, bool final, size_t* consumed);
std::string encode_utf8(const std::u32string& s, EncodeErrors& e);
std::u32string decode_ascii(std::string_view d, DecodeErrors& e);
std::u32string decode_latin1(std::string_view d);
// Code points below `limit` (128: ascii, 256: latin-1) as single bytes.
std::string encode_single_byte(const std::u32string& s, char32_t limit, EncodeErrors& e);
// byteorder: 0 native with a BOM read (decode) or written (encode), -1 little-endian, 1 big-endian;
// decoding with 0 sets it from the BOM found.
std::u32string decode_utf16(std::string_view d, DecodeErrors& e, int* byteorder, bool final,
                            size_t* consumed);
std::string encode_utf16(const std::u32string& s, EncodeErrors& e, int byteorder);
std::u32string decode_utf32(std::string_view d, DecodeErrors& e, int* byteorder, bool final,
                            size_t* consumed);
std::string encode_utf32(const std::u32string& s, EncodeErrors& e, int byteorder);
std::u32string decode_utf7(std::string_view d, DecodeErrors& e, bool final, size_t* consumed);
std::string encode_utf7(const std::u32string& s);
// unicode_escape (raw: raw_unicode_escape, where only \u and \U are escapes).
std::u32string decode_unicode_escape(std::string_view d, DecodeErrors& e, bool raw, bool final,
                                     size_t* consumed);
std::string encode_unicode_escape(const std::u32string& s, bool raw);
// mapping: a str decoding table, or a mapping from byte to int/str/None (decode), from code point
// to int/bytes/None (encode).
std::u32string decode_charmap(std::string_view d, DecodeErrors& e, Object* mapping);
std::string encode_charmap(const std::u32string& s, EncodeErrors& e, Object* mapping);

}  // namespace minipy
