// eval_breaker.cpp — the object-level half of the eval breaker: raising KeyboardInterrupt and
// running a due cycle collection, which the runtime layer below cannot do.
#include "objects/eval_breaker.h"

#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/gc.h"

namespace minipy {

namespace {

[[noreturn]] void raise_keyboard_interrupt() { raise_object(call(&KeyboardInterrupt_type, nullptr, 0)); }

}  // namespace

void handle_eval_breaker(ThreadState* ts) {
    if (service_eval_breaker(ts)) raise_keyboard_interrupt();
    gc_collect_if_due();
}

void check_keyboard_interrupt() {
    if (take_keyboard_interrupt()) raise_keyboard_interrupt();
}

}  // namespace minipy
