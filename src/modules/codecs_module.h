// codecs_module.h — the native _codecs module's pieces: the registry and error handlers
// (codecs_module.cpp) and the codec functions encodings/ calls (codecs_functions.cpp).
#pragma once

#include "objects/object.h"

namespace minipy {

// Adds utf_8_encode, charmap_decode, ... to the _codecs module.
void add_codec_functions(Object* module);
// Lets str.encode/bytes.decode/str(b, encoding) use the registry (objects/codec_hooks.h); called
// once at start-up.
void install_codec_hooks();
// CPython's _PyCodec_LookupTextEncoding: the codec's CodecInfo, or LookupError for an unknown name
// or a codec that does not map str to bytes ("use <alternative> to handle arbitrary codecs").
Ref lookup_text_encoding(Object* encoding, const char* alternative);

}  // namespace minipy
