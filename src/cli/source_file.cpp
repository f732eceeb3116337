// source_file.cpp — reading program text; errors are worded as CPython words them.
#include "cli/source_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace minipy::cli {

std::optional<std::string> read_source_file(const char* program, const std::string& path) {
    struct stat st;
    int err = 0;
    if (stat(path.c_str(), &st) != 0) {
        err = errno;
    } else if (S_ISDIR(st.st_mode)) {
        // CPython looks for __main__.py in a directory; minipy does not run directories.
        std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", program, path.c_str());
        return std::nullopt;
    }
    std::ifstream in;
    if (err == 0) {
        in.open(path, std::ios::binary);
        if (!in) err = errno ? errno : EACCES;
    }
    if (err != 0) {
        // CPython names the file by its absolute path.
        std::string shown = path;
        if (!path.empty() && path[0] != '/') {
            char cwd[4096];
            if (getcwd(cwd, sizeof cwd)) shown = std::string(cwd) + "/" + path;
        }
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program, shown.c_str(), err,
                     std::strerror(err));
        return std::nullopt;
    }
    return read_stream(in);
}

std::string read_stream(std::istream& in) {
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace minipy::cli
