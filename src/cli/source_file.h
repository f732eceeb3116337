// source_file.h — reading a program's text from a file or a stream, with CPython's message when
// the file cannot be opened.
#pragma once

#include <istream>
#include <optional>
#include <string>

namespace minipy::cli {

// The whole file, or nullopt after printing "PROG: can't open file 'PATH': [Errno N] ..." to stderr.
std::optional<std::string> read_source_file(const char* program, const std::string& path);
std::string read_stream(std::istream& in);

}  // namespace minipy::cli
