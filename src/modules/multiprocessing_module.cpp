// multiprocessing_module.cpp — the native `_multiprocessing` module: memory that processes share (a
// memfd mapped MAP_SHARED, whose pages fork() does not copy and whose descriptor a spawned child
// inherits), holding a typed array for multiprocessing.sharedctypes or a POSIX semaphore for
// multiprocessing.synchronize's SemLock.
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

// OSError for a failed call on memory or a semaphore: no file is involved, so it has no filename
// (os_error_new sets none for ""), and CPython's text has no ": ..." at its end.
[[noreturn]] void raise_errno() { raise_object(os_error_new(errno, "")); }

// Memory that this process and every process forked from it afterwards read and write as the same
// bytes (docs/shared_memory.md). It is a memfd, so a spawned child, which is no fork, can map the
// same pages through the descriptor it is handed (_fileno(), the _rebuild_ functions). Each object
// maps its own pages and unmaps them when it dies here; they live on where other processes map them.
struct SharedMemory {
    void* address;
    int fd;
};

// Maps `fd`'s first `size` bytes; takes over the descriptor, which it closes on failure.
SharedMemory map_fd(int fd, size_t size) {
    void* p = mmap(nullptr, std::max<size_t>(size, 1), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
        int error = errno;
        close(fd);
        errno = error;
        raise_errno();
    }
    return {p, fd};
}

// New zeroed shared memory of `size` bytes.
SharedMemory map_shared(size_t size) {
    int fd = memfd_create("minipy-mp", MFD_CLOEXEC);
    if (fd < 0) raise_errno();
    if (ftruncate(fd, static_cast<off_t>(std::max<size_t>(size, 1))) < 0) {
        int error = errno;
        close(fd);
        errno = error;
        raise_errno();
    }
    return map_fd(fd, size);
}

// The shared memory behind a descriptor another process handed over (a copy of it is kept).
SharedMemory map_inherited(Object* fd_arg, size_t size) {
    int fd = dup(static_cast<int>(as_index(fd_arg)));
    if (fd < 0) raise_errno();
    return map_fd(fd, size);
}

void unmap_shared(SharedMemory m, size_t size) {
    munmap(m.address, std::max<size_t>(size, 1));
    close(m.fd);
}

// ---- SharedArray: typed items in shared memory ----

// The typecodes of CPython's multiprocessing.sharedctypes with their sizes on x86-64 Linux
// (ctypes' c_char, c_byte, ..., c_wchar). 'u' holds one code point, as a 4-byte wchar_t does.
struct ItemKind {
    char code;
    size_t size;
};
constexpr ItemKind kItemKinds[] = {{'c', 1}, {'b', 1}, {'B', 1}, {'h', 2}, {'H', 2}, {'i', 4}, {'I', 4},
                                   {'l', 8}, {'L', 8}, {'q', 8}, {'Q', 8}, {'f', 4}, {'d', 8}, {'u', 4}};

Type shared_array_type;

struct SharedArray : Object {
    char code;
    size_t item_size;
    int64_t length;
    SharedMemory memory;
    unsigned char* data;  // length * item_size bytes of `memory`
};

SharedArray* as_shared_array(Object* o) { return static_cast<SharedArray*>(o); }

// Items are loaded and stored whole (relaxed std::atomic_ref): with minipy-ft's threads and other
// processes on the same memory, a reader sees the old value or the new one, never a mix, and the
// C++ has no data race. Ordering between items comes from the lock around them, as in CPython.
template <typename T>
T load_as(unsigned char* p) {
    return std::atomic_ref<T>(*reinterpret_cast<T*>(p)).load(std::memory_order_relaxed);
}

template <typename T>
void store_as(unsigned char* p, T value) {
    std::atomic_ref<T>(*reinterpret_cast<T*>(p)).store(value, std::memory_order_relaxed);
}

// ctypes' integer conversion: any int, kept modulo 2**64 and then cut to the item's width, so
// c_byte(300) is 44 and c_uint(-1) is 4294967295 (no OverflowError).
uint64_t wrapped_int(Object* v) {
    if (!is_int(v)) as_index(v);  // raises CPython's "'float' object cannot be interpreted as an integer"
    int64_t small;
    if (int_to_i64(v, &small)) return static_cast<uint64_t>(small);
    mpz_t big;
    mpz_init(big);
    int_to_mpz(v, big);
    mpz_fdiv_r_2exp(big, big, 64);
    uint64_t low = mpz_get_ui(big);
    mpz_clear(big);
    return low;
}

Ref int_from_u64(uint64_t v) {
    if (v <= static_cast<uint64_t>(INT64_MAX)) return int_from_i64(static_cast<int64_t>(v));
    mpz_t big;
    mpz_init_set_ui(big, v);
    Ref result = int_from_mpz(big);
    mpz_clear(big);
    return result;
}

// c_char takes one byte: a bytes or bytearray of length 1, or an int in range(256).
uint8_t char_byte(Object* v) {
    if (is_bytes_like(v)) {
        std::string data = bytes_like_data(v);
        if (data.size() == 1) return static_cast<uint8_t>(data[0]);
    } else if (is_int(v)) {
        int64_t i;
        if (int_to_i64(v, &i) && i >= 0 && i < 256) return static_cast<uint8_t>(i);
    }
    raise(&TypeError_type, "one character bytes, bytearray or integer expected");
}

// c_wchar takes a str of one character.
uint32_t wide_char(Object* v) {
    if (!is_str(v)) {
        raise(&TypeError_type,
              format("unicode string expected instead of %s instance", type_of(v)->name.c_str()));
    }
    const Str* s = as_str(v);
    if (s->length != 1) raise(&TypeError_type, "one character unicode string expected");
    const char* p = s->utf8.data();
    return utf8_decode(p);
}

Ref load_item(SharedArray* a, int64_t i) {
    unsigned char* p = a->data + i * a->item_size;
    switch (a->code) {
        case 'c':
            return bytes_new(std::string(1, static_cast<char>(load_as<uint8_t>(p))));
        case 'b':
            return int_from_i64(load_as<int8_t>(p));
        case 'B':
            return int_from_i64(load_as<uint8_t>(p));
        case 'h':
            return int_from_i64(load_as<int16_t>(p));
        case 'H':
            return int_from_i64(load_as<uint16_t>(p));
        case 'i':
            return int_from_i64(load_as<int32_t>(p));
        case 'I':
            return int_from_i64(load_as<uint32_t>(p));
        case 'l':
        case 'q':
            return int_from_i64(load_as<int64_t>(p));
        case 'L':
        case 'Q':
            return int_from_u64(load_as<uint64_t>(p));
        case 'f':
            return float_new(load_as<float>(p));
        case 'd':
            return float_new(load_as<double>(p));
        default:
            return str_from_codepoint(load_as<uint32_t>(p));  // 'u'
    }
}

void store_item(SharedArray* a, int64_t i, Object* v) {
    unsigned char* p = a->data + i * a->item_size;
    switch (a->code) {
        case 'c':
            return store_as<uint8_t>(p, char_byte(v));
        case 'b':
            return store_as<int8_t>(p, static_cast<int8_t>(wrapped_int(v)));
        case 'B':
            return store_as<uint8_t>(p, static_cast<uint8_t>(wrapped_int(v)));
        case 'h':
            return store_as<int16_t>(p, static_cast<int16_t>(wrapped_int(v)));
        case 'H':
            return store_as<uint16_t>(p, static_cast<uint16_t>(wrapped_int(v)));
        case 'i':
            return store_as<int32_t>(p, static_cast<int32_t>(wrapped_int(v)));
        case 'I':
            return store_as<uint32_t>(p, static_cast<uint32_t>(wrapped_int(v)));
        case 'l':
        case 'q':
            return store_as<int64_t>(p, static_cast<int64_t>(wrapped_int(v)));
        case 'L':
        case 'Q':
            return store_as<uint64_t>(p, wrapped_int(v));
        // A double too large for a float becomes inf, as the C conversion (IEEE 754) gives.
        case 'f':
            return store_as<float>(p, static_cast<float>(to_double(v)));
        case 'd':
            return store_as<double>(p, to_double(v));
        default:
            return store_as<uint32_t>(p, wide_char(v));  // 'u'
    }
}

// ctypes arrays accept an int index (negative counts from the end) or a slice.
int64_t item_index(SharedArray* a, Object* key) {
    int64_t i = as_index(key);
    if (i < 0) i += a->length;
    if (i < 0 || i >= a->length) raise(&IndexError_type, "invalid index");
    return i;
}

[[noreturn]] void raise_bad_index() { raise(&TypeError_type, "indices must be integers"); }

// A slice of a c_char array is bytes, of a c_wchar array str, of any other a list (ctypes' rule).
Ref array_slice(SharedArray* a, Slice* s) {
    int64_t start, stop, step;
    int64_t n = slice_indices(s, a->length, &start, &stop, &step);
    if (a->code == 'c') {
        std::string bytes;
        for (int64_t k = 0, i = start; k < n; ++k, i += step)
            bytes.push_back(static_cast<char>(load_as<uint8_t>(a->data + i)));
        return bytes_new(bytes);
    }
    if (a->code == 'u') {
        std::string text;
        for (int64_t k = 0, i = start; k < n; ++k, i += step)
            utf8_append(text, load_as<uint32_t>(a->data + a->item_size * i));
        return str_new(text);
    }
    Ref list = list_new(static_cast<size_t>(n));
    for (int64_t k = 0, i = start; k < n; ++k, i += step) list_append(list.get(), load_item(a, i).get());
    return list;
}

Ref shared_array_getitem(Object* o, Object* key) {
    SharedArray* a = as_shared_array(o);
    if (is_int(key)) return load_item(a, item_index(a, key));
    if (type_of(key) == &slice_type) return array_slice(a, static_cast<Slice*>(key));
    raise_bad_index();
}

// a[i:j:k] = seq: seq must have exactly as many items as the slice selects.
void assign_slice(SharedArray* a, Slice* s, Object* value) {
    int64_t start, stop, step;
    int64_t n = slice_indices(s, a->length, &start, &stop, &step);
    if (!type_of(value)->len || length(value) != n) {
        raise(&ValueError_type, "Can only assign sequence of same size");
    }
    for (int64_t k = 0, i = start; k < n; ++k, i += step) {
        Ref index = int_from_i64(k);
        store_item(a, i, get_item(value, index.get()).get());
    }
}

void shared_array_setitem(Object* o, Object* key, Object* value) {
    SharedArray* a = as_shared_array(o);
    if (!value) raise(&TypeError_type, "Array does not support item deletion");
    if (is_int(key)) return store_item(a, item_index(a, key), value);
    if (type_of(key) == &slice_type) return assign_slice(a, static_cast<Slice*>(key), value);
    raise_bad_index();
}

int64_t shared_array_len(Object* o) { return as_shared_array(o)->length; }

void shared_array_dealloc(Object* o) {
    SharedArray* a = as_shared_array(o);
    unmap_shared(a->memory, a->length * a->item_size);
    delete a;
}

// SharedArray(typecode, length): `length` zeroed items; with a third argument, a descriptor from
// another process's _fileno(), the items that process shares.
Ref shared_array_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("SharedArray", nargs, kw, 2, 3);
    const std::string& code = expect_str(args[0], "SharedArray")->utf8;
    const ItemKind* kind = nullptr;
    for (const ItemKind& k : kItemKinds) {
        if (code.size() == 1 && code[0] == k.code) kind = &k;
    }
    if (!kind) raise(&ValueError_type, "bad typecode (must be c, b, B, h, H, i, I, l, L, q, Q, f, d or u)");
    int64_t n = as_index(args[1]);
    if (n < 0)
        raise(&ValueError_type, format("Array length must be >= 0, not %lld", static_cast<long long>(n)));
    if (n > INT64_MAX / 8) raise(&OverflowError_type, "array too large");
    size_t size = static_cast<size_t>(n) * kind->size;
    SharedMemory memory = nargs == 3 ? map_inherited(args[2], size) : map_shared(size);
    auto* a = new SharedArray();
    init_header(a, &shared_array_type);
    a->code = kind->code;
    a->item_size = kind->size;
    a->length = n;
    a->memory = memory;
    a->data = static_cast<unsigned char*>(memory.address);
    return Ref::steal(a);
}

Ref shared_array_fileno(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_fileno", nargs, kw, 1, 1);
    return int_from_i64(as_shared_array(args[0])->memory.fd);
}

Ref shared_array_getattr(Object* o, Str* name) {
    if (name->utf8 == "typecode") return str_new(std::string(1, as_shared_array(o)->code));
    return generic_getattr(o, name);
}

// ---- SemLock: a semaphore in shared memory ----

// CPython's kinds: a recursive mutex counts re-entries by its owner; a semaphore is counting
// (Lock is a semaphore of maxvalue 1).
constexpr int kRecursiveMutex = 0;
constexpr int kSemaphore = 1;

Type semlock_type;

// The semaphore itself is shared; `count` (acquires not yet released), `last_tid` and the pid
// they belong to are this process's own, as in CPython, where a forked child starts again at a
// count of zero (owner_pid makes that happen lazily, without an after-fork hook).
struct SemLock : Object {
    SharedMemory memory;
    sem_t* handle;  // at the start of `memory`
    int kind;
    int maxvalue;
    std::atomic<int64_t> count{0};
    std::atomic<uint64_t> last_tid{0};
    std::atomic<pid_t> owner_pid{0};
};

SemLock* as_semlock(Object* o) { return static_cast<SemLock*>(o); }

uint64_t current_ident() { return static_cast<uint64_t>(pthread_self()); }

// This process's id. getpid() is a system call (165 ns where this was measured) and every acquire
// and release asks, so the id is kept here and refreshed in the child of each fork().
std::atomic<pid_t> g_pid{0};
void remember_pid() { g_pid.store(getpid(), std::memory_order_relaxed); }

int64_t own_count(SemLock* s) {
    pid_t me = g_pid.load(std::memory_order_relaxed);
    if (s->owner_pid.load() != me) {
        s->count = 0;
        s->owner_pid = me;
    }
    return s->count;
}

bool is_mine(SemLock* s) { return own_count(s) > 0 && s->last_tid == current_ident(); }

int sem_value(SemLock* s) {
    int value;
    if (sem_getvalue(s->handle, &value) < 0) raise_errno();
    return value;
}

// A timeout beyond this many seconds waits as if none were given (the deadline would overflow).
constexpr double kLongestTimeout = 1e9;

// Waits for the semaphore with the GIL let go; false when `timeout` (seconds, < 0 for ever) ran out.
bool wait_released(SemLock* s, double timeout) {
    timespec deadline{};
    bool forever = timeout < 0 || timeout > kLongestTimeout;
    if (!forever) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        auto whole = static_cast<time_t>(timeout);
        deadline.tv_sec += whole;
        deadline.tv_nsec += static_cast<long>((timeout - static_cast<double>(whole)) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec += 1;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    int result, error;
    {
        AllowThreads unblocked(BlockReason::Lock);
        do {
            result = forever ? sem_wait(s->handle) : sem_clockwait(s->handle, CLOCK_MONOTONIC, &deadline);
        } while (result < 0 && errno == EINTR && !keyboard_interrupt_pending());
        error = errno;
    }
    if (result == 0) return true;
    if (error == EINTR) check_keyboard_interrupt();  // Ctrl-C ends the wait, as in CPython
    if (error == ETIMEDOUT) return false;
    errno = error;
    raise_errno();
}

// CPython's semlock_acquire: a recursive owner just counts; otherwise try without waiting, and
// only then wait with the GIL released.
bool semlock_take(SemLock* s, bool blocking, double timeout) {
    if (s->kind == kRecursiveMutex && is_mine(s)) {
        ++s->count;
        return true;
    }
    int result;
    do {
        result = sem_trywait(s->handle);
    } while (result < 0 && errno == EINTR);
    if (result < 0) {
        if (errno != EAGAIN) raise_errno();
        if (!blocking || timeout == 0 || !wait_released(s, timeout)) return false;
    }
    // The owner is written before the count, so in minipy-ft no other thread sees a count
    // above zero next to an old owner that happens to be itself.
    own_count(s);
    s->last_tid = current_ident();
    ++s->count;
    return true;
}

// CPython's semlock_release, with its two errors: a recursive lock released by a thread that
// does not own it, and a bounded semaphore (or Lock) released above its maximum.
void semlock_give(SemLock* s) {
    if (s->kind == kRecursiveMutex) {
        if (!is_mine(s)) raise(&AssertionError_type, "attempt to release recursive lock not owned by thread");
        if (s->count > 1) {
            --s->count;
            return;
        }
    } else if (sem_value(s) >= s->maxvalue) {
        raise(&ValueError_type, "semaphore or lock released too many times");
    }
    // Counted down before the semaphore is given back: once it is, another thread may take it
    // and count up.
    own_count(s);
    --s->count;
    if (sem_post(s->handle) < 0) {
        ++s->count;
        raise_errno();
    }
}

Ref semlock_acquire(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"block", "timeout"};
    Object* a[2] = {};
    bind_args("acquire", args + 1, nargs - 1, kw, kNames, 2, 0, a);
    bool blocking = a[0] ? is_true(a[0]) : true;
    double timeout = -1;
    if (blocking && a[1] && a[1] != None) timeout = std::max(0.0, to_double(a[1]));
    return Ref::borrow(bool_obj(semlock_take(as_semlock(args[0]), blocking, timeout)));
}

Ref semlock_release(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("release", nargs, kw, 1, 1);
    semlock_give(as_semlock(args[0]));
    return Ref::borrow(None);
}

Ref semlock_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(semlock_take(as_semlock(args[0]), true, -1)));
}

Ref semlock_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__exit__", nargs, kw, 1, 4);  // self, then the exception's type, value, traceback
    semlock_give(as_semlock(args[0]));
    return Ref::borrow(None);
}

Ref semlock_count(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_count", nargs, kw, 1, 1);
    return int_from_i64(own_count(as_semlock(args[0])));
}

Ref semlock_is_mine(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_is_mine", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(is_mine(as_semlock(args[0]))));
}

Ref semlock_get_value(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_get_value", nargs, kw, 1, 1);
    return int_from_i64(sem_value(as_semlock(args[0])));
}

Ref semlock_is_zero(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_is_zero", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(sem_value(as_semlock(args[0])) == 0));
}

Ref semlock_getattr(Object* o, Str* name) {
    if (name->utf8 == "kind") return int_from_i64(as_semlock(o)->kind);
    if (name->utf8 == "maxvalue") return int_from_i64(as_semlock(o)->maxvalue);
    return generic_getattr(o, name);
}

// Other processes may still wait on the semaphore, so it is not destroyed, only unmapped here.
void semlock_dealloc(Object* o) {
    SemLock* s = as_semlock(o);
    unmap_shared(s->memory, sizeof(sem_t));
    delete s;
}

Ref semlock_new(SharedMemory memory, int64_t kind, int64_t maxvalue) {
    auto* s = new SemLock();
    init_header(s, &semlock_type);
    s->memory = memory;
    s->handle = static_cast<sem_t*>(memory.address);
    s->kind = static_cast<int>(kind);
    s->maxvalue = static_cast<int>(std::min<int64_t>(std::max<int64_t>(maxvalue, 0), SEM_VALUE_MAX));
    return Ref::steal(s);
}

int64_t kind_arg(Object* o) {
    int64_t kind = as_index(o);
    if (kind != kRecursiveMutex && kind != kSemaphore) raise(&ValueError_type, "unrecognized kind");
    return kind;
}

// SemLock(kind, value, maxvalue); a value sem_init() refuses (negative, above SEM_VALUE_MAX)
// raises its OSError, as CPython's sem_open() does.
Ref semlock_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("SemLock", nargs, kw, 3, 3);
    int64_t kind = kind_arg(args[0]);
    int64_t value = as_index(args[1]);
    int64_t maxvalue = as_index(args[2]);
    SharedMemory memory = map_shared(sizeof(sem_t));
    if (value < 0 || value > SEM_VALUE_MAX) value = static_cast<int64_t>(SEM_VALUE_MAX) + 1;
    if (sem_init(static_cast<sem_t*>(memory.address), 1, static_cast<unsigned>(value)) < 0) {
        int error = errno;
        unmap_shared(memory, sizeof(sem_t));
        errno = error;
        raise_errno();
    }
    return semlock_new(memory, kind, maxvalue);
}

Ref semlock_fileno(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_fileno", nargs, kw, 1, 1);
    return int_from_i64(as_semlock(args[0])->memory.fd);
}

// _rebuild_semlock(fd, kind, maxvalue): in a spawned child, the semaphore another process made,
// through the descriptor of its memory (CPython's SemLock._rebuild, which opens it by name).
Ref rebuild_semlock(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_rebuild_semlock", nargs, kw, 3, 3);
    int64_t kind = kind_arg(args[1]);
    int64_t maxvalue = as_index(args[2]);
    return semlock_new(map_inherited(args[0], sizeof(sem_t)), kind, maxvalue);
}

const MethodDef kModuleFunctions[] = {
    {"_rebuild_semlock", rebuild_semlock, "The SemLock whose shared memory a descriptor holds."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kSharedArrayMethods[] = {
    {"_fileno", shared_array_fileno, "The descriptor of the shared memory (for a spawned child)."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kSemLockMethods[] = {
    {"acquire", semlock_acquire,
     "Acquire the semaphore/lock; with block=False or a timeout, return whether it was."},
    {"release", semlock_release, "Give back one acquire of the semaphore/lock."},
    {"__enter__", semlock_enter, "Acquire, waiting as long as it takes (the start of a with statement)."},
    {"__exit__", semlock_exit, "Release (the end of a with statement)."},
    {"_count", semlock_count, "How many of this process's acquires are not yet released."},
    {"_is_mine", semlock_is_mine, "Whether the calling thread holds the lock."},
    {"_get_value", semlock_get_value, "The semaphore's current value."},
    {"_is_zero", semlock_is_zero, "Whether the semaphore's value is zero."},
    {"_fileno", semlock_fileno, "The descriptor of the semaphore's shared memory (for a spawned child)."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    shared_array_type.name = "SharedArray";
    shared_array_type.instance_size = sizeof(SharedArray);
    shared_array_type.dealloc = shared_array_dealloc;
    shared_array_type.len = shared_array_len;
    shared_array_type.getitem = shared_array_getitem;
    shared_array_type.setitem = shared_array_setitem;
    shared_array_type.construct = shared_array_construct;
    shared_array_type.getattr = shared_array_getattr;
    shared_array_type.methods = kSharedArrayMethods;
    init_type(&shared_array_type);
    semlock_type.name = "SemLock";
    semlock_type.instance_size = sizeof(SemLock);
    semlock_type.dealloc = semlock_dealloc;
    semlock_type.getattr = semlock_getattr;
    semlock_type.construct = semlock_construct;
    semlock_type.methods = kSemLockMethods;
    init_type(&semlock_type);
    Ref sem_value_max = int_from_i64(SEM_VALUE_MAX);
    dict_set(semlock_type.dict, intern("SEM_VALUE_MAX"), sem_value_max.get());
}

}  // namespace

Ref init_multiprocessing_module() {
    static bool types_ready = false;
    if (!types_ready) {
        init_types();
        remember_pid();
        pthread_atfork(nullptr, nullptr, remember_pid);
        types_ready = true;
    }
    Ref module = native_module_new("_multiprocessing", kModuleFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("SharedArray"), &shared_array_type);
    dict_set(d, intern("SemLock"), &semlock_type);
    return module;
}

}  // namespace minipy
