// embedding.cpp — the hooks through which the VM and the modules reach the interpreter layer, and
// IMPORT_NAME's serialisation of imports across threads.
#include "objects/embedding.h"

#include <mutex>

#include "objects/frame.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

EmbeddingHooks g_hooks{};

}  // namespace

void set_embedding_hooks(const EmbeddingHooks& hooks) { g_hooks = hooks; }
const EmbeddingHooks& embedding_hooks() { return g_hooks; }

Ref import_name(Str* name, Object* fromlist, int level) {
    Dict* globals = thread_state()->frame ? thread_state()->frame->globals : nullptr;
    // One import at a time, so two threads importing a module run it once; the wait lets go of
    // the GIL, as the importing thread may need it to finish.
    static std::recursive_mutex import_mutex;
    std::unique_lock<std::recursive_mutex> import_lock(import_mutex, std::try_to_lock);
    if (!import_lock.owns_lock()) {
        AllowThreads unblocked(BlockReason::Import);
        import_lock.lock();
    }
    return import_module_level(name, fromlist, level, globals);
}

}  // namespace minipy
