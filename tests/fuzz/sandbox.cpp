// sandbox.cpp — the sandbox of sandbox.h: restricted builtins, an allocation bound, a watchdog.
#include "sandbox.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "compiler/codegen.h"
#include "interpreter/interpreter.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "objects/str.h"
#include "runtime/thread_state.h"
#include "syntax/parser.h"
#include "vm/interp.h"

namespace minipy::fuzz {
namespace {

// The builtins every input runs with: the interpreter's, less what reaches outside the process.
// Frames take their builtins from the interpreter (vm/frame.cpp), so the sandbox replaces them.
void install_sandbox_builtins() {
    static bool done = false;
    if (done) return;
    done = true;
    Ref copy = dict_copy(builtins_dict());
    for (const char* name : {"__import__", "open", "input", "exit", "quit", "help", "breakpoint"})
        dict_del(as_dict(copy.get()), intern(name));
    set_builtins_dict(as_dict(copy.release()));
}

// Interrupts the run that is in progress once its time is up.
class Watchdog {
public:
    Watchdog() : thread_([this] { loop(); }) {}
    ~Watchdog() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    void start_run() {
        std::lock_guard<std::mutex> lock(mutex_);
        deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(100);
        running_ = true;
        wake_.notify_all();
    }
    void end_run() {
        std::lock_guard<std::mutex> lock(mutex_);
        running_ = false;
    }

private:
    void loop() {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!stop_) {
            if (running_ && std::chrono::steady_clock::now() >= deadline_) {
                request_keyboard_interrupt();
                wake_.wait_for(lock, std::chrono::milliseconds(10));
            } else {
                wake_.wait_for(lock, std::chrono::milliseconds(5));
            }
        }
    }
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool running_ = false;
    std::chrono::steady_clock::time_point deadline_;
    std::thread thread_;
};

}  // namespace

bool run_in_sandbox(const std::string& text) {
    initialize_runtime();
    install_sandbox_builtins();
    set_allocation_limit(uint64_t{64} << 20);
    static Watchdog watchdog;
    Ref code;
    try {
        auto tree = syntax::parse(text, "<fuzz>");
        code = compile_module(*tree, text, "<fuzz>");
    } catch (const syntax::SyntaxError&) {
        return false;
    } catch (PyException& e) {
        Ref exc = e.take();
        return false;
    }
    Ref globals = dict_new();
    dict_set(as_dict(globals.get()), intern("__name__"), intern("__fuzz__"));
    watchdog.start_run();
    try {
        run_code(as_code(code.get()), as_dict(globals.get()), as_dict(globals.get()));
    } catch (PyException& e) {
        Ref exc = e.take();
    }
    watchdog.end_run();
    // A KeyboardInterrupt asked for after the run ended must not hit the next input.
    try {
        check_keyboard_interrupt();
    } catch (PyException& e) {
        Ref exc = e.take();
    }
    dict_clear(as_dict(globals.get()));
    return true;
}

}  // namespace minipy::fuzz
