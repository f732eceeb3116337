// codec_hooks.h — how str.encode, bytes.decode and str(b, encoding) reach the codec registry:
// the objects layer decodes valid utf-8/ascii/latin-1 itself and hands everything else (other
// encodings, bad input, error handlers) to the native _codecs module, which installs these at start-up.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace minipy {

struct CodecHooks {
    Ref (*decode)(std::string_view data, Object* encoding, Object* errors);  // a str
    std::string (*encode)(Object* text, Object* encoding, Object* errors);   // the bytes' contents
    // Looks the encoding and the error handler up, raising LookupError for an unknown one.
    void (*check)(Object* encoding, Object* errors);
};
void set_codec_hooks(CodecHooks hooks);

}  // namespace minipy
