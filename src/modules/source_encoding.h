// source_encoding.h — PEP 263: program text whose first or second line declares an encoding.
#pragma once

#include <string>

namespace minipy {

// Source bytes (a file's, or compile()/exec()'s of bytes) as UTF-8 text: decoded with the codec a
// `# -*- coding: NAME -*-` comment on line 1 or 2 names (line 2 only below a comment or blank line),
// the comment kept; unchanged without one or when it names UTF-8. A name that no codec has, and
// bytes the codec cannot decode, raise CPython's SyntaxError ("unknown encoding: NAME", or the
// codec's message) at line 0 of `filename`.
std::string decode_source(std::string bytes, const std::string& filename);

}  // namespace minipy
