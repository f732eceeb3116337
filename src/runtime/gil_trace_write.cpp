// gil_trace_write.cpp — turns a recorded GIL timeline into its two files: trace-event JSON for
// ui.perfetto.dev and chrome://tracing, and a self-contained SVG (one lane per thread, coloured by
// state, a time axis with the switch interval marked, a legend) for a learner without a network.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/c_numbers.h"
#include "runtime/format.h"
#include "runtime/gil_trace_data.h"

namespace minipy {

namespace {

std::string number(const char* fmt, double v) {
    char buf[64];
    CNumericScope c_numbers;
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

// Microseconds, as the trace-event format counts them, to the nanosecond.
std::string micros(int64_t ns) { return number("%.3f", static_cast<double>(ns) / 1e3); }

// Escapes text for a JSON string and for SVG text alike (both choke on the same few characters);
// a control character (a tooltip's line break) is \u000a in JSON and &#10; in SVG.
std::string escaped(const std::string& s, bool xml) {
    std::string out;
    for (char c : s) {
        if (xml && c == '&')
            out += "&amp;";
        else if (xml && c == '<')
            out += "&lt;";
        else if (xml && c == '>')
            out += "&gt;";
        else if (c == '"')
            out += xml ? "&quot;" : "\\\"";
        else if (!xml && c == '\\')
            out += "\\\\";
        else if (static_cast<unsigned char>(c) < 0x20)
            out += xml ? "&#" + std::to_string(c) + ";" : format("\\u%04x", static_cast<unsigned>(c));
        else
            out += c;
    }
    return out;
}

// ---- JSON ----

std::string event_head(const char* ph, const std::string& name, int64_t pid, int64_t tid) {
    return "{\"ph\":\"" + std::string(ph) + "\",\"name\":\"" + escaped(name, false) +
           "\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid);
}

}  // namespace

std::string trace_json(const TraceSnapshot& trace) {
    std::vector<std::string> events;
    std::string title = trace.program + (trace.gil ? " (with the GIL)" : " (without a GIL)");
    events.push_back(event_head("M", "process_name", trace.pid, 0) + ",\"args\":{\"name\":\"" +
                     escaped(title, false) + "\"}}");
    int index = 0;
    for (const ThreadTimeline& t : trace.threads) {
        events.push_back(event_head("M", "thread_name", trace.pid, t.tid) + ",\"args\":{\"name\":\"" +
                         escaped(t.name, false) + "\"}}");
        events.push_back(event_head("M", "thread_sort_index", trace.pid, t.tid) +
                         ",\"args\":{\"sort_index\":" + std::to_string(index++) + "}}");
        for (const TraceSlice& s : t.slices) {
            events.push_back(
                event_head("X", trace_state_name(s.state, s.reason, trace.gil), trace.pid, t.tid) +
                ",\"cat\":\"gil\",\"ts\":" + micros(s.begin_ns) +
                ",\"dur\":" + micros(s.end_ns - s.begin_ns) + "}");
        }
        for (const TraceInstant& i : t.instants) {
            events.push_back(
                event_head("i", i.drop_request ? "drop request" : "forced switch", trace.pid, t.tid) +
                ",\"cat\":\"gil\",\"s\":\"t\",\"ts\":" + micros(i.t_ns) + "}");
        }
    }
    if (trace.gil) {
        events.push_back(event_head("C", "threads waiting for the GIL", trace.pid, 0) +
                         ",\"ts\":0.000,\"args\":{\"waiting\":0}}");
        for (const auto& [t, n] : trace.waiting) {
            events.push_back(event_head("C", "threads waiting for the GIL", trace.pid, 0) +
                             ",\"ts\":" + micros(t) + ",\"args\":{\"waiting\":" + std::to_string(n) + "}}");
        }
    }
    std::string out = "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"interpreter\":\"minipy\",\"gil\":";
    out += trace.gil ? "true" : "false";
    out += ",\"switch_interval_us\":" + number("%.0f", trace.switch_interval * 1e6) +
           ",\"duration_us\":" + micros(trace.end_ns) + "},\n\"traceEvents\":[\n";
    for (size_t i = 0; i < events.size(); ++i) out += events[i] + (i + 1 < events.size() ? ",\n" : "\n");
    return out + "]}\n";
}

namespace {

// ---- SVG ----

// Each slice falls in one category: running, waiting, or one per block reason.
constexpr int kCategories = 2 + kBlockReasonCount;
int category(const TraceSlice& s) {
    if (s.state == TraceState::Running) return 0;
    if (s.state == TraceState::WaitingForGil) return 1;
    return 2 + static_cast<int>(s.reason);
}
const char* const kColors[kCategories] = {"#2e7d32", "#e53935", "#90caf9", "#ffa726", "#ba68c8",
                                          "#fdd835", "#4dd0e1", "#a1887f", "#1e88e5", "#bdbdbd"};
TraceSlice category_example(int c) {
    if (c == 0) return {0, 0, TraceState::Running, BlockReason::Other};
    if (c == 1) return {0, 0, TraceState::WaitingForGil, BlockReason::Other};
    return {0, 0, TraceState::Blocked, static_cast<BlockReason>(c - 2)};
}

struct Layout {
    int width = 1200, left = 190, right = 20, top = 56, lane = 22, gap = 12;
    int plot() const { return width - left - right; }
};

// The category that fills most of each pixel column of one lane (-1: the thread did not exist),
// so a long run draws at most one rectangle per pixel, however many slices it had.
std::vector<int> pixel_categories(const ThreadTimeline& t, int pixels, double ns_per_px) {
    std::vector<std::array<double, kCategories>> share(pixels);
    for (auto& s : share) s.fill(0);
    for (const TraceSlice& s : t.slices) {
        int c = category(s);
        double a = s.begin_ns / ns_per_px, b = s.end_ns / ns_per_px;
        for (int px = std::max(0, static_cast<int>(a)); px < pixels && px < b; ++px) {
            share[px][c] += std::min<double>(b, px + 1) - std::max<double>(a, px);
        }
    }
    std::vector<int> out(pixels, -1);
    for (int px = 0; px < pixels; ++px) {
        auto best = std::max_element(share[px].begin(), share[px].end());
        if (*best > 0.05) out[px] = static_cast<int>(best - share[px].begin());
    }
    return out;
}

// A round step for the axis: 1, 2 or 5 times a power of ten, giving about ten labels.
double axis_step_ms(double total_ms) {
    double raw = total_ms / 10;
    double power = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-6))));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= raw) return m * power;
    }
    return 10 * power;
}

std::string rect(double x, double y, double w, double h, const char* fill) {
    return "<rect x=\"" + number("%.1f", x) + "\" y=\"" + number("%.1f", y) + "\" width=\"" +
           number("%.1f", w) + "\" height=\"" + number("%.1f", h) + "\" fill=\"" + fill + "\"/>";
}

std::string text(double x, double y, const std::string& s, const char* extra = "") {
    return "<text x=\"" + number("%.1f", x) + "\" y=\"" + number("%.1f", y) + "\"" + extra + ">" +
           escaped(s, true) + "</text>";
}

// One thread's lane: its colour runs, its forced switches (black ticks) and drop requests (red
// triangles above), at most one mark of each kind per pixel.
std::string lane_svg(const ThreadTimeline& t, const Layout& L, int y, double ns_per_px, bool gil,
                     bool* used) {
    std::string out = "<g class=\"lane\" data-thread=\"" + escaped(t.name, true) + "\">\n";
    double total[kCategories] = {};
    for (const TraceSlice& s : t.slices)
        total[category(s)] += static_cast<double>(s.end_ns - s.begin_ns) / 1e6;
    std::string tip = t.name;
    for (int c = 0; c < kCategories; ++c) {
        if (total[c] <= 0) continue;
        TraceSlice example = category_example(c);
        tip += '\n';
        tip += trace_state_name(example.state, example.reason, gil);
        tip += number(": %.1f ms", total[c]);
    }
    out += "<title>" + escaped(tip, true) + "</title>\n";
    out += text(L.left - 8, y + L.lane * 0.7, t.name, " text-anchor=\"end\"") + "\n";
    out += rect(L.left, y, L.plot(), L.lane, "#f5f5f5") + "\n";
    std::vector<int> px = pixel_categories(t, L.plot(), ns_per_px);
    for (int a = 0; a < L.plot();) {
        int b = a;
        while (b < L.plot() && px[b] == px[a]) ++b;
        if (px[a] >= 0) {
            out += rect(L.left + a, y, b - a, L.lane, kColors[px[a]]) + "\n";
            used[px[a]] = true;
        }
        a = b;
    }
    std::vector<bool> drop_mark(L.plot() + 1), switch_mark(L.plot() + 1);
    for (const TraceInstant& i : t.instants) {
        int x = std::min(L.plot(), static_cast<int>(i.t_ns / ns_per_px));
        std::vector<bool>& seen = i.drop_request ? drop_mark : switch_mark;
        if (seen[x]) continue;
        seen[x] = true;
        double cx = L.left + x + 0.5;
        if (i.drop_request) {
            out += "<path class=\"drop\" d=\"M" + number("%.1f", cx - 3) + " " + std::to_string(y - 6) +
                   "h6l-3 5z\" fill=\"#c62828\"/>\n";
        } else {
            out += "<path class=\"switch\" d=\"M" + number("%.1f", cx) + " " + std::to_string(y) + "v" +
                   std::to_string(L.lane) + "\" stroke=\"#000\" stroke-width=\"1\"/>\n";
        }
    }
    return out + "</g>\n";
}

// The time axis: labelled round ticks, and a small mark every switch interval where they fit.
std::string axis_svg(const TraceSnapshot& trace, const Layout& L, int y, double ns_per_px) {
    double total_ms = static_cast<double>(trace.end_ns) / 1e6;
    std::string out = "<g class=\"axis\">\n<path d=\"M" + std::to_string(L.left) + " " + std::to_string(y) +
                      "h" + std::to_string(L.plot()) + "\" stroke=\"#333\"/>\n";
    double interval_px = trace.switch_interval * 1e9 / ns_per_px;
    if (trace.gil && interval_px >= 4) {
        for (double x = 0; x <= L.plot(); x += interval_px) {
            out += "<path class=\"interval\" d=\"M" + number("%.1f", L.left + x) + " " + std::to_string(y) +
                   "v4\" stroke=\"#1565c0\"/>\n";
        }
    }
    double step = axis_step_ms(total_ms);
    for (double ms = 0; ms <= total_ms + 1e-9; ms += step) {
        double x = L.left + ms * 1e6 / ns_per_px;
        out += "<path d=\"M" + number("%.1f", x) + " " + std::to_string(y) + "v8\" stroke=\"#333\"/>\n";
        out +=
            text(x, y + 20, number(step < 1 ? "%.1f" : "%.0f", ms) + " ms", " text-anchor=\"middle\"") + "\n";
    }
    return out + "</g>\n";
}

// The threads-waiting counter under the lanes, as a step line.
std::string waiting_svg(const TraceSnapshot& trace, const Layout& L, int y, int h, double ns_per_px) {
    int peak = 1;
    for (const auto& w : trace.waiting) peak = std::max(peak, w.second);
    std::string label = "waiting for GIL (max " + std::to_string(peak) + ")";
    std::string out =
        "<g class=\"waiting\">\n" + text(L.left - 8, y + h * 0.7, label, " text-anchor=\"end\"") + "\n";
    out += rect(L.left, y, L.plot(), h, "#fafafa") + "\n<path d=\"M" + std::to_string(L.left) + " " +
           std::to_string(y + h);
    for (const auto& [t, n] : trace.waiting) {
        double x = L.left + std::min<double>(L.plot(), t / ns_per_px);
        out += number("H%.1f", x);
        out += number("V%.1f", y + h - static_cast<double>(n) * h / peak);
    }
    out += number("H%.0f", L.left + L.plot());
    out += "\" fill=\"none\" stroke=\"#e53935\"/>\n";
    return out + "</g>\n";
}

std::string legend_svg(const TraceSnapshot& trace, const Layout& L, int y, const bool* used) {
    std::string out = "<g class=\"legend\">\n";
    int x = L.left;
    // `swatch(x)` draws the item's symbol at x; items wrap to a new row at the right edge.
    auto item = [&](auto swatch, const std::string& label) {
        int w = 24 + static_cast<int>(label.size()) * 7;
        if (x + w > L.width - L.right) {
            x = L.left;
            y += 20;
        }
        out += swatch(x) + text(x + 18, y + 11, label) + "\n";
        x += w;
    };
    for (int c = 0; c < kCategories; ++c) {
        if ((c > 1 && !used[c]) || (c == 1 && !trace.gil)) continue;
        TraceSlice s = category_example(c);
        item([&](int at) { return rect(at, y, 12, 12, kColors[c]); },
             trace_state_name(s.state, s.reason, trace.gil));
    }
    if (trace.gil) {
        item(
            [&](int at) {
                return number("<path d=\"M%.0f ", at) + std::to_string(y + 2) +
                       "h8l-4 7z\" fill=\"#c62828\"/>";
            },
            "drop request");
        item(
            [&](int at) {
                return number("<path d=\"M%.0f ", at + 5) + std::to_string(y) + "v12\" stroke=\"#000\"/>";
            },
            "forced switch");
        item(
            [&](int at) {
                return number("<path d=\"M%.0f ", at + 5) + std::to_string(y + 4) +
                       "v4\" stroke=\"#1565c0\"/>";
            },
            "switch interval (" + number("%g", trace.switch_interval * 1e3) + " ms)");
    }
    return out + "</g>\n";
}

}  // namespace

std::string trace_svg(const TraceSnapshot& trace) {
    Layout L;
    double ns_per_px = std::max<double>(1.0, static_cast<double>(trace.end_ns) / L.plot());
    int lanes_end = L.top + static_cast<int>(trace.threads.size()) * (L.lane + L.gap);
    int waiting_h = trace.gil ? 30 : 0;
    int axis_y = lanes_end + (trace.gil ? waiting_h + L.gap : 0) + 4;
    int legend_y = axis_y + 36;
    int height = legend_y + 60;
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
        std::to_string(L.width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
        std::to_string(L.width) + " " + std::to_string(height) +
        "\" font-family=\"sans-serif\" font-size=\"12\">\n";
    out += rect(0, 0, L.width, height, "#ffffff") + "\n";
    std::string title =
        "GIL timeline: " + trace.program + (trace.gil ? ", with the GIL" : ", without a GIL") + ", " +
        std::to_string(trace.threads.size()) + " thread" + (trace.threads.size() == 1 ? "" : "s") + ", " +
        number("%.1f ms", static_cast<double>(trace.end_ns) / 1e6);
    out += text(L.left, 24, title, " font-size=\"15\" font-weight=\"bold\"") + "\n";
    bool used[kCategories] = {};
    int y = L.top;
    for (const ThreadTimeline& t : trace.threads) {
        out += lane_svg(t, L, y, ns_per_px, trace.gil, used);
        y += L.lane + L.gap;
    }
    if (trace.gil) out += waiting_svg(trace, L, lanes_end, waiting_h, ns_per_px);
    out += axis_svg(trace, L, axis_y, ns_per_px);
    out += legend_svg(trace, L, legend_y, used);
    return out + "</svg>\n";
}

}  // namespace minipy
