// io_base.h — io's abstract base classes (io_base.cpp), its newline decoder, the text layer
// (io_text.cpp), and what they share with io_module.cpp.
#pragma once

#include <string>

#include "objects/object.h"

namespace minipy {

// Adds the classes IOBase, RawIOBase, BufferedIOBase and TextIOBase to io's dict.
void add_io_base_classes(Dict* module);
// Gives a native file type the methods of IOBase and of RawIOBase or BufferedIOBase that it does not
// define itself (readlines, writelines, `with`, ...), as CPython's _io types inherit them.
enum class IoBaseKind { kRaw, kBuffered, kText };
void add_io_base_defaults(Type* t, IoBaseKind kind);
// Adds io.IncrementalNewlineDecoder (io_newline_decoder.cpp).
void add_newline_decoder_class(Dict* module);
// IncrementalNewlineDecoder(decoder, translate).
Ref newline_decoder_new(Object* decoder, bool translate);
// The canonical name of utf-8, ascii and latin-1 under any of their spellings ("utf-8", "ascii",
// "iso8859-1", as their CodecInfo says), null for other codecs; and the incremental decoder a text
// file uses for them without the codec registry (io_builtin_decoder.cpp).
const char* builtin_text_codec(const std::string& encoding);
// An encoding as its codec names itself, which CPython's sys reports: 'utf-8' for 'UTF-8', 'ascii'
// for the C locale's 'ANSI_X3.4-1968', 'iso8859-1' for 'latin1'; other names in lower case.
std::string codec_name(const std::string& encoding);
Ref builtin_decoder_new(const char* codec, Object* errors);
// io.TextIOWrapper (io_text.cpp), made once.
extern Type text_wrapper_type;
void init_text_wrapper_type();
// The text file open() returns over `buffer`, with `mode` as its mode attribute.
Ref text_file_new(Object* buffer, Object* mode, Object* encoding, Object* errors, Object* newline,
                  bool line_buffering);
// At exit: gives what the text files over native buffers still hold to those buffers, so that
// flush_open_files writes it. Runs no Python code.
void hand_text_to_buffers();
// __getstate__ of the native file types (FileIO, the Buffered classes, TextIOWrapper): "cannot
// pickle 'X' object", as CPython's.
// The optional size of read(size=None) and readline(size=None), in args[1]: -1 when absent or None.
int64_t io_size_arg(Object* const* args, size_t nargs);
Ref io_refuse_pickle(Object*, Object* const* args, size_t nargs, Tuple* kw);
// readinto's argument: a writable buffer (bytearray, a memoryview that is not read-only, array.array)
// or CPython's TypeError "<name>() argument must be read-write bytes-like object, not <type>".
void check_writable_buffer(Object* buffer, const char* name);
// readinto's last step: `data` stored at the front of `buffer`; returns its length as an int.
Ref store_into_buffer(Object* buffer, const std::string& data);
// io.UnsupportedOperation (io_module.cpp).
Type* io_unsupported_operation_type();

}  // namespace minipy
