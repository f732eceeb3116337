// memory_stream.h — what io.StringIO (stringio.cpp) and io.BytesIO (bytesio.cpp) share: a buffer, a
// position and a closed flag, and the methods that do not look at what the buffer holds. Each type
// gives its own closed-file and negative-size texts, which differ in CPython ("file" and "file.").
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"

namespace minipy {

template <class Buffer>
struct MemoryStream : Object {
    Buffer buf;
    size_t pos = 0;
    bool closed = false;
};

// Stream: a MemoryStream with static kClosedText, kNegativeSizeText and kFlushChecksClosed.
template <class Stream>
struct MemoryStreamMethods {
    static Stream* open(Object* o) {
        auto* s = static_cast<Stream*>(o);
        if (s->closed) raise(&ValueError_type, Stream::kClosedText);
        return s;
    }
    static Ref tell(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("tell", nargs - 1, kw, 0, 0);
        return int_from_i64(static_cast<int64_t>(open(args[0])->pos));
    }
    static Ref truncate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("truncate", nargs - 1, kw, 0, 1);
        Stream* s = open(args[0]);
        int64_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : static_cast<int64_t>(s->pos);
        if (size < 0)
            raise(&ValueError_type,
                  format("%s %lld", Stream::kNegativeSizeText, static_cast<long long>(size)));
        if (static_cast<size_t>(size) < s->buf.size()) s->buf.resize(static_cast<size_t>(size));
        return int_from_i64(size);
    }
    static Ref close(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("close", nargs - 1, kw, 0, 0);
        auto* s = static_cast<Stream*>(args[0]);
        s->closed = true;
        s->buf.clear();
        s->buf.shrink_to_fit();
        return Ref::borrow(None);
    }
    // readable(), writable() and seekable(): always, while open.
    static Ref always(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("readable", nargs - 1, kw, 0, 0);
        open(args[0]);
        return Ref::borrow(True);
    }
    static Ref isatty(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("isatty", nargs - 1, kw, 0, 0);
        // Inherited from IOBase in CPython, so its text for both types.
        if (static_cast<Stream*>(args[0])->closed) raise(&ValueError_type, "I/O operation on closed file.");
        return Ref::borrow(False);
    }
    static Ref flush(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("flush", nargs - 1, kw, 0, 0);
        if (Stream::kFlushChecksClosed) open(args[0]);  // CPython's StringIO.flush never does
        return Ref::borrow(None);
    }
    static Ref enter(Object*, Object* const* args, size_t nargs, Tuple* kw) {
        check_positional("__enter__", nargs - 1, kw, 0, 0);
        return Ref::borrow(open(args[0]));
    }
    static Ref exit(Object* c, Object* const* args, size_t, Tuple*) { return close(c, args, 1, nullptr); }
};

}  // namespace minipy
