// io_binary.h — the binary layers under open(), as CPython's _io: FileIO (io_fileio.cpp), a file
// descriptor read and written without a buffer, and BufferedReader / BufferedWriter / BufferedRandom
// (io_buffered.cpp) over a raw stream. What open()'s text files and sys's streams use of them.
#pragma once

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "objects/object.h"

namespace minipy {

extern Type fileio_type, buffered_reader_type, buffered_writer_type, buffered_random_type;

struct FileIO : Object {
    int fd = -1;  // -1 once closed
    bool readable = false, writable = false, appending = false, created = false, closefd = true;
    int seekable = -1;       // -1 until asked: whether lseek works on the descriptor
    Object* name = nullptr;  // owned: what it was opened with (a path or the fd), settable as in CPython
    // sys.stdout's and sys.stderr's raw files: print() writes through this C stream, so it is flushed
    // before the descriptor is written, keeping the order of what reaches the file.
    std::FILE* flush_first = nullptr;
    bool warned = false;  // the ResourceWarning for leaving it open was given (warn_unclosed_file)
};

struct Buffered : Object {
    // Held for each operation. It is only ever waited for with the GIL let go (BufferedLock), and the
    // GIL is taken back while it is held, so the raw stream may be Python code.
    std::mutex lock;
    std::atomic<std::thread::id>
        owner;              // the thread holding `lock`: a second call from it is CPython's "reentrant call"
    Object* raw = nullptr;  // owned; null once detached
    FileIO* fileio = nullptr;  // `raw` when it is a native FileIO, read and written by system calls
    // sys.stdout.buffer and sys.stderr.buffer write through the C stream print() uses, so bytes and
    // text come out in the order they were written (as CPython's unbuffered -u streams).
    std::FILE* c_stream = nullptr;
    std::string read_buffer;  // bytes read ahead from raw; the unread ones start at read_pos
    size_t read_pos = 0;
    std::string write_buffer;  // bytes written but not yet given to raw
    size_t buffer_size = 8192;
    bool readable = false, writable = false;  // from the type: reader, writer or random
};

// Whether `o` is one of the three Buffered types (or a class derived from one).
bool is_buffered(Object* o);

void init_fileio_type();
// Makes FileIO and the three Buffered types, once.
void init_binary_io_types();
// Adds FileIO and the Buffered classes to io's dict.
void add_binary_io_classes(Dict* module);

// FileIO(file, mode, closefd, opener): `mode` as CPython's FileIO takes it ("r", "w+", "ab"...).
Ref fileio_open(Object* file, const std::string& mode, bool closefd, Object* opener);
// A FileIO over an inherited descriptor (the standard streams), not closed with the object.
Ref fileio_from_fd(int fd, const char* mode, const char* name, std::FILE* flush_first);
// Buffered(raw, buffer_size) of the given type.
Ref buffered_new(Type* type, Object* raw, size_t buffer_size);
// The BufferedWriter of sys.stdout / sys.stderr: writes go through `stream` (see c_stream).
Ref std_stream_buffer(std::FILE* stream, int fd, const char* name);

// The finalize slots' part for a file left open (CPython's iobase_finalize and _dealloc_warn): a
// ResourceWarning "unclosed file <repr of o>" with `o` as its source, given once per file, by the
// outermost object of a stack (a TextIOWrapper over a BufferedWriter over `raw`, the FileIO that
// holds the descriptor), so the inner ones stay quiet when they go in turn. Nothing for a file
// that is closed, or whose descriptor is not its to close. True when it warned: o was kept alive
// for the warning, and its reference dropped here freed it (or something kept it, as a recorded
// warning keeps its source).
bool warn_unclosed_file(Object* o, FileIO* raw);

// Holds a Buffered's lock for one operation. Raises ValueError if it was detached.
class BufferedLock {
public:
    explicit BufferedLock(Buffered* b);
    ~BufferedLock();
    BufferedLock(const BufferedLock&) = delete;
    BufferedLock& operator=(const BufferedLock&) = delete;

private:
    Buffered* b_;
};

// What a text file on a native Buffered calls, with the BufferedLock held (io_buffered.cpp).
// The next byte, or -1 at the end of the file; unget_byte puts back the byte just read.
int buffered_get_byte(Buffered* b);
void buffered_unget_byte(Buffered* b);
void buffered_write_bytes(Buffered* b, const std::string& data);
void buffered_flush_locked(Buffered* b);
int64_t buffered_tell_locked(Buffered* b);
int64_t buffered_seek_locked(Buffered* b, int64_t offset, int whence);
// Whether the raw stream is closed (true once detached).
bool buffered_closed(Buffered* b);
// Flushes, then closes the raw stream (once).
void buffered_close(Buffered* b);
// At exit: writes what the files open on a FileIO still buffer (the interpreter's finalize), as
// CPython's shutdown does. Runs no Python code.
void flush_open_files();

}  // namespace minipy
