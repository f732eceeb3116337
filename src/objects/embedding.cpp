// embedding.cpp — the hooks through which the VM and the modules reach the interpreter layer, and
// IMPORT_NAME's serialisation of imports across threads.
#include "objects/embedding.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "objects/frame.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

EmbeddingHooks g_hooks{};
std::atomic<bool> g_finalizing{false};

// The import lock: recursive, owned by one thread at a time, and visible (lock_held) to _imp, so a
// plain std::recursive_mutex will not do. g_import_mutex guards the owner and depth only; it is
// never held while waiting for the GIL.
std::mutex g_import_mutex;
std::condition_variable g_import_free;
std::thread::id g_import_owner;
int g_import_depth = 0;

}  // namespace

void set_embedding_hooks(const EmbeddingHooks& hooks) { g_hooks = hooks; }
const EmbeddingHooks& embedding_hooks() { return g_hooks; }

void set_finalizing() { g_finalizing.store(true, std::memory_order_relaxed); }
bool is_finalizing() { return g_finalizing.load(std::memory_order_relaxed); }

Ref import_name(Str* name, Object* fromlist, int level) {
    Dict* globals = thread_state()->frame ? thread_state()->frame->globals : nullptr;
    // One import at a time, so two threads importing a module run it once.
    import_lock_acquire();
    struct Release {
        ~Release() { import_lock_release(); }
    } release;
    return import_module_level(name, fromlist, level, globals);
}

void import_lock_acquire() {
    std::thread::id me = std::this_thread::get_id();
    {
        std::lock_guard<std::mutex> guard(g_import_mutex);
        if (g_import_owner == me || g_import_owner == std::thread::id()) {
            g_import_owner = me;
            ++g_import_depth;
            return;
        }
    }
    // Another thread imports: wait without the GIL, which that thread may need to finish. The
    // mutex is let go before the GIL is taken back, so the two are never held waiting on each other.
    AllowThreads unblocked(BlockReason::Import);
    std::unique_lock<std::mutex> guard(g_import_mutex);
    g_import_free.wait(guard, [] { return g_import_owner == std::thread::id(); });
    g_import_owner = me;
    g_import_depth = 1;
    guard.unlock();
}

bool import_lock_release() {
    std::lock_guard<std::mutex> guard(g_import_mutex);
    if (g_import_owner != std::this_thread::get_id()) return false;
    if (--g_import_depth == 0) {
        g_import_owner = std::thread::id();
        g_import_free.notify_one();
    }
    return true;
}

bool import_lock_held() {
    std::lock_guard<std::mutex> guard(g_import_mutex);
    return g_import_owner != std::thread::id();
}

}  // namespace minipy
