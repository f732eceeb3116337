// traceback.cpp — the traceback printer, following print_exception_recursive() and
// print_error_location_carets() of CPython 3.11's Python/pythonrun.c and Python/traceback.c.
#include "vm/traceback.h"

#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <vector>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exception_group.h"
#include "objects/exceptions.h"
#include "objects/frame_object.h"
#include "objects/int.h"
#include "objects/str.h"
#include "syntax/parser.h"
#include "vm/suggestions.h"

namespace minipy {

namespace {

// One line of a traceback: a code object, its line, and the instruction for the column carets.
struct TracebackEntry {
    const Code* code;
    int line;
    int lasti;
};

// CPython prints three identical entries, then counts the rest (TB_RECURSIVE_CUTOFF).
constexpr int kRecursiveCutoff = 3;

// Source lines by file name (linecache); "<string>" and "<stdin>" have none, as in CPython.
const std::vector<std::string>* source_lines(const std::string& filename) {
    static std::map<std::string, std::vector<std::string>> cache;
    // Threads may print tracebacks at once; map entries never move, so the pointer outlives the lock.
    static std::mutex cache_mutex;
    if (filename.empty() || filename[0] == '<') return nullptr;
    std::lock_guard<std::mutex> lock(cache_mutex);
    auto it = cache.find(filename);
    if (it == cache.end()) {
        std::vector<std::string> lines;
        std::ifstream in(filename);
        for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            lines.push_back(line);
        }
        it = cache.emplace(filename, std::move(lines)).first;
    }
    return &it->second;
}

// Byte offset of code point `cp` in a UTF-8 string.
size_t byte_offset(const std::string& s, int cp) {
    size_t i = 0;
    for (int n = 0; i < s.size() && n < cp; ++n) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

int cp_length(const std::string& s) {
    int n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

struct Anchors {
    int left = -1, right = -1;  // the secondary ('^') range within the segment, in code points
    char primary = '^', secondary = '^';
};

// Re-parses the failing expression to find its operator (a + b) or subscript ([k]).
Anchors find_anchors(const std::string& segment) {
    Anchors a;
    try {
        auto module = syntax::parse(segment, "<string>");
        if (module->body.size() != 1 || module->body[0]->kind != ast::StmtKind::Expr) return a;
        const ast::Expr& e = *ast::as<ast::ExprStmt>(*module->body[0]).value;
        if (e.kind == ast::ExprKind::BinOp) {
            const auto& b = ast::as<ast::BinOp>(e);
            if (b.left->pos.end_line != 1 || b.right->pos.line != 1) return a;
            for (int i = b.left->pos.end_col; i < b.right->pos.col; ++i) {
                char c = segment[byte_offset(segment, i)];
                if (c == ' ' || c == '\t' || c == '\f') continue;
                a.left = i;
                a.right = i + 1;
                char next = segment[byte_offset(segment, i + 1)];
                if (i + 1 < b.right->pos.col && next != ' ' && next != '\t' && next != '\f') ++a.right;
                a.primary = '~';
                break;
            }
        } else if (e.kind == ast::ExprKind::Subscript) {
            const auto& s = ast::as<ast::Subscript>(e);
            if (s.value->pos.end_line != 1 || s.slice->pos.end_line != 1) return a;
            a.left = s.value->pos.end_col;
            a.right = s.slice->pos.end_col + 1;
            a.primary = '~';
        }
    } catch (const syntax::SyntaxError&) {
    }
    return a;
}

// CPython 3.13's colouring of a source or caret line: the code points under '^' in the highlight
// colour, those under '~' in the range colour.
std::string paint(const std::string& text, const std::string& marks, const syntax::Colors& colors) {
    std::string out;
    char current = ' ';
    size_t pos = 0;
    for (int i = 0; pos < text.size(); ++i) {
        char mark = i < static_cast<int>(marks.size()) ? marks[i] : ' ';
        if (mark != current) {
            if (current != ' ') out += colors.reset;
            if (mark == '^') out += colors.highlight;
            if (mark == '~') out += colors.range;
            current = mark;
        }
        size_t next = byte_offset(text.substr(pos), 1) + pos;
        out += text.substr(pos, next - pos);
        pos = next;
    }
    if (current != ' ') out += colors.reset;
    return out;
}

// "    source line" and, where they add something, the caret line under the failing expression.
std::string source_and_carets(const Code* co, const TracebackEntry& entry, const syntax::Colors& colors) {
    const auto* lines = source_lines(co->filename);
    if (!lines || entry.line < 1 || entry.line > static_cast<int>(lines->size())) return "";
    const std::string& line = (*lines)[entry.line - 1];
    size_t first = line.find_first_not_of(" \t\f");
    if (first == std::string::npos) return "";
    size_t last = line.find_last_not_of(" \t\f\r\n");
    std::string stripped = line.substr(first, last - first + 1);
    std::string out = "    " + stripped + "\n";
    if (entry.lasti < 0 || static_cast<size_t>(entry.lasti) >= co->positions().size()) return out;
    const SourcePos& p = co->positions()[entry.lasti];
    if (p.line != entry.line || p.col < 0 || p.end_col < 0) return out;
    int indent = cp_length(line.substr(0, first));
    int start = p.col;
    int end = p.end_col;
    Anchors anchors;
    if (p.end_line == p.line) {
        size_t b0 = byte_offset(line, start), b1 = byte_offset(line, end);
        anchors = find_anchors(line.substr(b0, b1 - b0));
    } else {
        end = indent + cp_length(stripped);
    }
    bool has_anchors = anchors.left >= 0;
    if (!has_anchors && end - start >= cp_length(stripped)) return out;
    // One mark per column from the indentation on: ' ' (none), or the caret drawn there.
    std::string marks;
    for (int i = indent; i < end; ++i) {
        if (i < start)
            marks += ' ';
        else if (has_anchors && i >= start + anchors.left && i < start + anchors.right)
            marks += anchors.secondary;
        else
            marks += anchors.primary;
    }
    if (colors.reset[0] == '\0') return out + "    " + marks + "\n";
    return "    " + paint(stripped, marks, colors) + "\n    " + paint(marks, marks, colors) + "\n";
}

std::string format_entries(const std::vector<TracebackEntry>& tb, const syntax::Colors& colors) {
    std::string out = "Traceback (most recent call last):\n";
    const TracebackEntry* last = nullptr;
    int repeats = 0;
    auto flush_repeats = [&] {
        if (repeats > kRecursiveCutoff) {
            int more = repeats - kRecursiveCutoff;
            out += format("  [Previous line repeated %d more time%s]\n", more, more == 1 ? "" : "s");
        }
    };
    for (const TracebackEntry& e : tb) {
        const Code* co = e.code;
        bool same = last && last->code == e.code && last->line == e.line;
        if (!same) {
            flush_repeats();
            repeats = 0;
        }
        last = &e;
        if (++repeats > kRecursiveCutoff) continue;
        out += format("  File %s\"%s\"%s, line %s%d%s, in %s%s%s\n", colors.location, co->filename.c_str(),
                      colors.reset, colors.location, e.line, colors.reset, colors.location,
                      co->name->utf8.c_str(), colors.reset);
        out += source_and_carets(co, e, colors);
    }
    flush_repeats();
    return out;
}

// A SyntaxError's own lines, as CPython's print_exception writes them: where, the text, carets.
std::string syntax_error_lines(Object* exc, const std::string& type_name, const syntax::Colors& colors) {
    syntax::SyntaxErrorInfo info;
    info.type = type_name;
    auto text_of = [&](const char* name) {
        Ref v = get_attr(exc, intern(name));
        return is_str(v.get()) ? str_utf8_of(v.get()) : std::string();
    };
    auto int_of = [&](const char* name) {
        Ref v = get_attr(exc, intern(name));
        int64_t n = 0;
        return is_int(v.get()) && int_to_i64(v.get(), &n) ? static_cast<int>(n) : 0;
    };
    info.msg = str_utf8(get_attr(exc, intern("msg")).get());
    info.filename = text_of("filename");
    info.line = int_of("lineno");
    info.col = int_of("offset");
    info.end_line = int_of("end_lineno");
    info.end_col = int_of("end_offset");
    info.text = text_of("text");
    while (!info.text.empty() && (info.text.back() == '\n' || info.text.back() == '\r')) info.text.pop_back();
    if (info.filename.empty()) info.filename = "<string>";
    return syntax::format_syntax_error(info, colors);
}

// "Traceback (most recent call last):" and the entries of `exc`, or nothing when it has none.
std::string format_stack(Object* exc, const syntax::Colors& colors) {
    if (!is_exception_instance(exc)) return "";
    std::vector<TracebackEntry> entries;
    for (Object* t = static_cast<BaseExceptionObject*>(exc)->traceback; t;
         t = static_cast<TracebackObject*>(t)->next) {
        auto* tb = static_cast<TracebackObject*>(t);
        entries.push_back(TracebackEntry{as_code(tb->code), tb->line, tb->lasti});
    }
    return entries.empty() ? "" : format_entries(entries, colors);
}

// "Type: message", or a SyntaxError's own lines.
std::string exception_line(Object* exc, const syntax::Colors& colors) {
    if (is_instance(exc, &SyntaxError_type)) {
        try {
            return syntax_error_lines(exc, qualified_type_name(type_of(exc)), colors);
        } catch (PyException&) {
            // A SyntaxError whose attributes were replaced by unprintable ones: the plain form below.
        }
    }
    std::string message;
    try {
        message = exception_message(exc);
    } catch (PyException&) {
        message = "<exception str() failed>";
    }
    std::string name = colors.type + qualified_type_name(type_of(exc)) + colors.reset;
    std::string line = message.empty() ? name : name + ": " + colors.message + message + colors.reset;
    // CPython's print_exception adds the nearest name to a NameError's or AttributeError's line.
    std::string suggestion = offer_suggestion(exc);
    if (!suggestion.empty()) line += ". Did you mean: '" + suggestion + "'?";
    return line + "\n";
}

// The exception's __notes__ (add_note()), each after the exception's line, as CPython's
// print_exception_notes: str() of each note of a sequence, else repr() of what __notes__ is.
std::string format_notes(Object* exc) {
    Ref notes;
    try {
        notes = get_attr_opt(exc, intern("__notes__"));
    } catch (PyException&) {
        return "";
    }
    if (!notes) return "";
    if (is_str(notes.get()) || !type_of(notes.get())->getitem || is_instance(notes.get(), &dict_type)) {
        try {
            return str_utf8(repr(notes.get()).get()) + "\n";
        } catch (PyException&) {
            return "<__notes__ repr() failed>\n";
        }
    }
    std::string out;
    try {
        for_each_item(notes.get(), [&](Object* note) {
            try {
                out += str_utf8(str(note).get());
            } catch (PyException&) {
                out += "<note str() failed>";
            }
            out += "\n";
        });
    } catch (PyException&) {
        // A sequence that fails part-way: the notes read so far.
    }
    return out;
}

// The exception's line (or lines) and its notes (traceback.format_exception_only).
std::string format_exception_only(Object* exc, const syntax::Colors& colors) {
    return exception_line(exc, colors) + format_notes(exc);
}

// traceback.py's _ExceptionPrintContext: exception groups print their sub-exceptions nested in
// boxes, every line inside a group prefixed with its depth's indent and a margin character.
struct PrintContext {
    std::set<Object*> seen;
    int group_depth = 0;
    bool need_close = false;
    const syntax::Colors& colors;

    std::string indent() const { return std::string(2 * static_cast<size_t>(group_depth), ' '); }
    std::string emit(const std::string& text, char margin = '|') const {
        if (group_depth == 0) return text;
        std::string prefix = indent() + margin + ' ', out;
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            end = end == std::string::npos ? text.size() : end + 1;
            out += prefix + text.substr(start, end - start);
            start = end;
        }
        return out;
    }
};

constexpr size_t kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

std::string format_chain(Object* exc, PrintContext& ctx);

std::string format_group(Object* exc, PrintContext& ctx) {
    if (ctx.group_depth > kMaxGroupDepth)
        return ctx.emit(format("... (max_group_depth is %d)\n", kMaxGroupDepth));
    bool toplevel = ctx.group_depth == 0;
    if (toplevel) ++ctx.group_depth;
    std::string out, stack = format_stack(exc, ctx.colors);
    if (!stack.empty()) {
        size_t header_end = stack.find('\n') + 1;
        out += ctx.emit("Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
        out += ctx.emit(stack.substr(header_end));
    }
    out += ctx.emit(format_exception_only(exc, ctx.colors));
    Ref excs = exception_group_exceptions(exc);
    Tuple* items = as_tuple(excs.get());
    size_t n = items->size <= kMaxGroupWidth ? items->size : kMaxGroupWidth + 1;
    ctx.need_close = false;
    for (size_t i = 0; i < n; ++i) {
        bool last = i == n - 1;
        if (last) ctx.need_close = true;  // unless a nested group closes the box first
        bool truncated = i >= kMaxGroupWidth;
        std::string title = truncated ? "..." : std::to_string(i + 1);
        out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
        ++ctx.group_depth;
        if (!truncated) {
            out += format_chain(items->items[i], ctx);
        } else {
            size_t more = items->size - kMaxGroupWidth;
            out += ctx.emit(format("and %zu more exception%s\n", more, more > 1 ? "s" : ""));
        }
        if (last && ctx.need_close) {
            out += ctx.indent() + "+------------------------------------\n";
            ctx.need_close = false;
        }
        --ctx.group_depth;
    }
    if (toplevel) ctx.group_depth = 0;
    return out;
}

std::string format_chain(Object* exc, PrintContext& ctx) {
    ctx.seen.insert(exc);
    std::string out;
    if (is_exception_instance(exc)) {
        auto* e = static_cast<BaseExceptionObject*>(exc);
        if (e->cause && !ctx.seen.count(e->cause)) {
            out = format_chain(e->cause, ctx) +
                  ctx.emit("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context && !e->suppress_context && !ctx.seen.count(e->context)) {
            out = format_chain(e->context, ctx) +
                  ctx.emit("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if (is_exception_group(exc)) return out + format_group(exc, ctx);
    return out + ctx.emit(format_stack(exc, ctx.colors)) + ctx.emit(format_exception_only(exc, ctx.colors));
}

}  // namespace

std::string format_exception(Object* exc, const syntax::Colors& colors) {
    PrintContext ctx{{}, 0, false, colors};
    return format_chain(exc, ctx);
}

Ref syntax_error_object(const syntax::SyntaxErrorInfo& info) {
    if (info.type == "RecursionError") return make_exception(&RecursionError_type, info.msg);
    if (info.type == "MemoryError") return make_exception(&MemoryError_type, info.msg);
    Type* t = info.type == "IndentationError" ? &IndentationError_type
              : info.type == "TabError"       ? &TabError_type
                                              : &SyntaxError_type;
    if (info.line == 0) return make_exception(t, info.msg);
    Ref details[6] = {str_new(info.filename),
                      int_from_i64(info.line),
                      int_from_i64(info.col),
                      info.text_kind == syntax::SyntaxErrorInfo::Text::None   ? Ref::borrow(None)
                      : info.text_kind == syntax::SyntaxErrorInfo::Text::Line ? str_new(info.text + "\n")
                                                                              : str_new(info.text),
                      int_from_i64(info.end_line ? info.end_line : info.line),
                      int_from_i64(info.end_col)};
    Object* items[6];
    for (int i = 0; i < 6; ++i) items[i] = details[i].get();
    Ref where = tuple_from(items, 6);
    Object* args[2] = {str_new(info.msg).release(), where.get()};
    Ref arg_tuple = tuple_from(args, 2);
    decref(args[0]);
    return exception_new(t, arg_tuple.get());
}

void raise_syntax_error(const syntax::SyntaxError& e) { raise_object(syntax_error_object(e.info())); }

}  // namespace minipy
