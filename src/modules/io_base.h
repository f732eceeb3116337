// io_base.h — io's abstract base classes (io_base.cpp), its newline decoder, and what they share
// with io_module.cpp.
#pragma once

#include "objects/object.h"

namespace minipy {

// Adds the classes IOBase, RawIOBase, BufferedIOBase and TextIOBase to io's dict.
void add_io_base_classes(Dict* module);
// Adds io.IncrementalNewlineDecoder (io_newline_decoder.cpp).
void add_newline_decoder_class(Dict* module);
// io.UnsupportedOperation (io_module.cpp).
Type* io_unsupported_operation_type();

}  // namespace minipy
