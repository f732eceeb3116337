// io_base.h — io's abstract base classes (io_base.cpp), its newline decoder, and what they share
// with io_module.cpp.
#pragma once

#include "objects/object.h"

namespace minipy {

// Adds the classes IOBase, RawIOBase, BufferedIOBase and TextIOBase to io's dict.
void add_io_base_classes(Dict* module);
// Gives a native file type the methods of IOBase and of RawIOBase or BufferedIOBase that it does not
// define itself (readlines, writelines, `with`, ...), as CPython's _io types inherit them.
enum class IoBaseKind { kRaw, kBuffered };
void add_io_base_defaults(Type* t, IoBaseKind kind);
// Adds io.IncrementalNewlineDecoder (io_newline_decoder.cpp).
void add_newline_decoder_class(Dict* module);
// io.UnsupportedOperation (io_module.cpp).
Type* io_unsupported_operation_type();

}  // namespace minipy
