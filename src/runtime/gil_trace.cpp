// gil_trace.cpp — recording the GIL timeline: each thread appends events to a buffer of its own
// (a lock per buffer, never contended but at exit), so recording costs a clock read and an append
// at each hand-off or blocking call, nothing per instruction. At exit the events become slices.
#include "runtime/gil_trace.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <vector>

#include "runtime/gil_trace_data.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

enum class EventKind : uint8_t { State, DropRequest, ForcedSwitch, Waiting };

struct RawEvent {
    int64_t t_ns;
    EventKind kind;
    TraceState state;
    BlockReason reason;
    int32_t value;  // Waiting: the count
};

struct ThreadBuffer {
    std::mutex lock;
    std::string name;
    int64_t tid;
    std::vector<RawEvent> events;
};

std::chrono::steady_clock::time_point g_start;
std::string g_stem, g_program;
bool g_gil = true;
std::mutex g_buffers_lock;
std::vector<std::unique_ptr<ThreadBuffer>> g_buffers;
thread_local ThreadBuffer* tl_buffer = nullptr;

int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - g_start)
        .count();
}

// The calling thread's buffer, made and registered on its first event.
ThreadBuffer* my_buffer() {
    if (tl_buffer) return tl_buffer;
    auto buffer = std::make_unique<ThreadBuffer>();
    buffer->tid = static_cast<int64_t>(syscall(SYS_gettid));
    std::lock_guard<std::mutex> guard(g_buffers_lock);
    buffer->name = g_buffers.empty() ? "MainThread" : "thread " + std::to_string(buffer->tid);
    tl_buffer = buffer.get();
    g_buffers.push_back(std::move(buffer));
    return tl_buffer;
}

void record(EventKind kind, TraceState state, BlockReason reason, int32_t value) {
    ThreadBuffer* b = my_buffer();
    std::lock_guard<std::mutex> guard(b->lock);
    b->events.push_back({now_ns(), kind, state, reason, value});
}

// One thread's events as slices (each state lasts until the next) and instants; a thread still
// alive at exit runs on to `end`.
ThreadTimeline timeline_of(ThreadBuffer& b, int64_t end, std::vector<std::pair<int64_t, int>>& waiting) {
    ThreadTimeline t;
    std::lock_guard<std::mutex> guard(b.lock);
    t.name = b.name;
    t.tid = b.tid;
    for (const RawEvent& e : b.events) {
        if (e.kind == EventKind::Waiting) {
            waiting.emplace_back(e.t_ns, e.value);
        } else if (e.kind != EventKind::State) {
            t.instants.push_back({e.t_ns, e.kind == EventKind::DropRequest});
        } else {
            if (!t.slices.empty()) t.slices.back().end_ns = e.t_ns;
            if (e.state != TraceState::Ended) t.slices.push_back({e.t_ns, end, e.state, e.reason});
        }
    }
    // Zero-length slices (a GIL taken at once) say nothing and clutter the viewers.
    t.slices.erase(std::remove_if(t.slices.begin(), t.slices.end(),
                                  [](const TraceSlice& s) { return s.end_ns <= s.begin_ns; }),
                   t.slices.end());
    return t;
}

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

}  // namespace

void gil_trace_start(const std::string& stem, bool gil_enabled, const std::string& program) {
    g_stem = stem;
    g_program = program;
    for (const char* ext : {".json", ".svg"}) {
        size_t n = std::char_traits<char>::length(ext);
        if (g_stem.size() > n && g_stem.compare(g_stem.size() - n, n, ext) == 0)
            g_stem.resize(g_stem.size() - n);
    }
    g_gil = gil_enabled;
    g_start = std::chrono::steady_clock::now();
    g_gil_trace_on.store(true, std::memory_order_relaxed);
    my_buffer();  // the main thread's lane comes first
}

void gil_trace_state(TraceState state, BlockReason reason) { record(EventKind::State, state, reason, 0); }
void gil_trace_drop_request() { record(EventKind::DropRequest, TraceState::Running, BlockReason::Other, 0); }
void gil_trace_forced_switch() {
    record(EventKind::ForcedSwitch, TraceState::Running, BlockReason::Other, 0);
}
void gil_trace_waiting(int waiting) {
    record(EventKind::Waiting, TraceState::Running, BlockReason::Other, waiting);
}

void gil_trace_name_thread(const std::string& name) {
    ThreadBuffer* b = my_buffer();
    std::lock_guard<std::mutex> guard(b->lock);
    b->name = name;
}

void gil_trace_stop_in_child() { g_gil_trace_on.store(false, std::memory_order_relaxed); }

void gil_trace_finish() {
    if (!gil_trace_on()) return;
    g_gil_trace_on.store(false, std::memory_order_relaxed);
    TraceSnapshot trace;
    trace.end_ns = now_ns();
    trace.gil = g_gil;
    trace.switch_interval = the_gil().switch_interval();  // as sys.setswitchinterval() left it
    trace.program = g_program;
    trace.pid = getpid();
    {
        std::lock_guard<std::mutex> guard(g_buffers_lock);
        for (auto& b : g_buffers) trace.threads.push_back(timeline_of(*b, trace.end_ns, trace.waiting));
    }
    std::stable_sort(trace.waiting.begin(), trace.waiting.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string json = g_stem + ".json", svg = g_stem + ".svg";
    bool ok = write_file(json, trace_json(trace)) && write_file(svg, trace_svg(trace));
    if (ok) {
        std::fprintf(stderr, "GIL trace: %s (open in ui.perfetto.dev or chrome://tracing) and %s\n",
                     json.c_str(), svg.c_str());
    } else {
        std::fprintf(stderr, "GIL trace: cannot write %s or %s\n", json.c_str(), svg.c_str());
    }
}

std::string trace_state_name(TraceState state, BlockReason reason, bool gil) {
    switch (state) {
        case TraceState::Running:
            return gil ? "running Python (holds the GIL)" : "running Python";
        case TraceState::WaitingForGil:
            return "waiting for the GIL";
        case TraceState::Ended:
            return "ended";
        case TraceState::Blocked:
            break;
    }
    switch (reason) {
        case BlockReason::Sleep:
            return "blocked: sleep";
        case BlockReason::Lock:
            return "blocked: lock";
        case BlockReason::Join:
            return "blocked: join";
        case BlockReason::Queue:
            return "blocked: queue";
        case BlockReason::IO:
            return "blocked: I/O";
        case BlockReason::Import:
            return "blocked: import lock";
        case BlockReason::CCode:
            return "C code without the GIL";
        case BlockReason::Other:
            break;
    }
    return "blocked";
}

}  // namespace minipy
