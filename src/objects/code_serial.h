// code_serial.h — a code object tree to bytes and back: the payload of the compiled-code cache
// (interpreter/code_cache.*), as CPython's marshal is of its .pyc files. It carries code objects
// and the constants a compiler puts in them, nothing else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "objects/code.h"

namespace minipy {

// The bytes of `code` and everything it holds (constants, nested code objects, names, positions,
// the exception table). co_filename is left out: the reader supplies it.
std::string serialize_code(const Code* code);
// The `count` instruction positions a payload holds packed (Code::set_packed_positions); all unknown
// if the bytes are damaged.
std::vector<SourcePos> unpack_positions(std::string_view packed, size_t count);
// The code object tree that serialize_code wrote into `bytes`, every co_filename `filename`; null
// when the bytes are not one whole, well-formed serialization (a damaged cache is never trusted).
Ref deserialize_code(std::string_view bytes, const std::string& filename);

}  // namespace minipy
