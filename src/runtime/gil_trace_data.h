// gil_trace_data.h — the recorded GIL timeline as the writers see it: per thread, the states it
// went through as slices, and its instants; the waiting-threads counter. Shared by gil_trace.cpp
// (which records and snapshots it) and gil_trace_write.cpp (which writes the JSON and the SVG).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/gil_trace.h"

namespace minipy {

struct TraceSlice {
    int64_t begin_ns, end_ns;  // since the trace started
    TraceState state;
    BlockReason reason;  // for Blocked
};

struct TraceInstant {
    int64_t t_ns;
    bool drop_request;  // else a forced switch
};

struct ThreadTimeline {
    std::string name;
    int64_t tid;  // the kernel's thread id, as Perfetto shows beside the name
    std::vector<TraceSlice> slices;
    std::vector<TraceInstant> instants;
};

struct TraceSnapshot {
    std::vector<ThreadTimeline> threads;           // in the order they started; MainThread first
    std::vector<std::pair<int64_t, int>> waiting;  // (time, threads waiting for the GIL), in order
    int64_t end_ns = 0;
    bool gil = true;
    double switch_interval = 0.005;
    std::string program;
    int64_t pid = 0;
};

// The names the JSON and the SVG give each state: "running Python", "blocked: sleep", ...
std::string trace_state_name(TraceState state, BlockReason reason, bool gil);

// The writers (gil_trace_write.cpp): the whole file text.
std::string trace_json(const TraceSnapshot& trace);
std::string trace_svg(const TraceSnapshot& trace);

}  // namespace minipy
