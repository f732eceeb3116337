// held_buffer.h — a bytes-like argument that native code may read with the GIL released (hashlib,
// zlib): as CPython holds a buffer export for the length of the call, so no other thread can free
// or resize the bytes meanwhile.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>

#include "objects/bytes.h"
#include "runtime/thread_state.h"

namespace minipy {

// Big inputs are read without the GIL, as CPython's hashlib (HASHLIB_GIL_MINSIZE) and zlib do:
// below this, releasing and taking back the GIL costs more than the work it lets others do.
inline constexpr size_t kReleaseGilMinSize = 2048;

// A bytes object is immutable, so a reference keeps its contents valid; a bytearray could be
// resized by another thread while the GIL is released, so it is copied first (minipy's bytearray
// has no buffer exports to refuse the resize instead). The caller checks is_bytes_like() first.
class HeldBuffer {
public:
    explicit HeldBuffer(Object* o) : owner_(Ref::borrow(o)) {
        if (is_bytes(o)) {
            data_ = bytes_data(o).data();
            size_ = bytes_data(o).size();
        } else {
            copy_ = bytes_like_data(o);
            data_ = copy_.data();
            size_ = copy_.size();
        }
    }
    const unsigned char* data() const { return reinterpret_cast<const unsigned char*>(data_); }
    size_t size() const { return size_; }
    // Whether the work on it is long enough to be worth letting other threads run.
    bool worth_releasing_gil() const { return size_ >= kReleaseGilMinSize; }

private:
    Ref owner_;
    std::string copy_;
    const char* data_;
    size_t size_;
};

// Takes the lock of an object whose methods run partly without the GIL (a hash, a zlib stream), as
// CPython's ENTER_HASHLIB: a thread that finds it held lets go of the GIL while it waits, since the
// holder may be waiting for the GIL itself to finish.
inline std::unique_lock<std::mutex> lock_letting_others_run(std::mutex& m) {
    std::unique_lock<std::mutex> guard(m, std::try_to_lock);
    if (!guard.owns_lock()) {
        AllowThreads unblocked(BlockReason::Lock);
        guard.lock();
    }
    return guard;
}

}  // namespace minipy
