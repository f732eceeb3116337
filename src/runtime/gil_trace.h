// gil_trace.h — the GIL timeline behind `--gil-trace FILE` / `-X giltrace=FILE`: every thread notes
// when it starts running Python, waits for the GIL, blocks (and why), and the drop requests and
// forced switches, in a buffer of its own; at exit they become FILE.json (Chrome/Perfetto trace
// events) and FILE.svg (a picture minipy draws itself, runtime/gil_trace_write.cpp).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace minipy {

// Why a thread let go of the GIL (or, without a GIL, detached) around a blocking call.
enum class BlockReason : uint8_t { Sleep, Lock, Join, Queue, IO, Import, CCode, Other };
inline constexpr int kBlockReasonCount = 8;

// What a thread is doing from one event to the next.
enum class TraceState : uint8_t { Running, WaitingForGil, Blocked, Ended };

// Checked before recording anything: one relaxed load when the trace is off.
inline std::atomic<bool> g_gil_trace_on{false};
inline bool gil_trace_on() { return g_gil_trace_on.load(std::memory_order_relaxed); }

// Starts recording (at start-up, before any thread but the main one runs); `stem` names the
// files written at exit, FILE.json and FILE.svg ("out.json" and "out.svg" lose their extension);
// `program` (the script's name) titles them.
void gil_trace_start(const std::string& stem, bool gil_enabled, const std::string& program);
// The calling thread enters `state` now (`reason` says why, for Blocked).
void gil_trace_state(TraceState state, BlockReason reason = BlockReason::Other);
// Instants: this thread asked the holder to drop the GIL; this thread let go because asked.
void gil_trace_drop_request();
void gil_trace_forced_switch();
// The number of threads waiting for the GIL changed (called under the GIL's own mutex, so the
// samples come in the order the changes happened).
void gil_trace_waiting(int waiting);
// The Python name of the calling thread (threading.Thread.name), for the lane's label.
void gil_trace_name_thread(const std::string& name);
// Writes FILE.json and FILE.svg if a trace was recorded; prints where to stderr. At exit.
void gil_trace_finish();
// In a forked child: the parent writes the files, the child records nothing.
void gil_trace_stop_in_child();

}  // namespace minipy
