// code.cpp — the code object type: allocation, release of its constants, its repr, and the co_*
// attributes that describe it (what help(), inspect and dis-like tools read).
#include "objects/code.h"

#include <mutex>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code_serial.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/flavor.h"

namespace minipy {

namespace {

void code_dealloc(Object* o) {
    weakrefs_clear(o);
    Code* c = as_code(o);
    for (Object* k : c->consts) decref(k);
    xdecref(c->doc);
    delete c;
}

Ref code_repr(Object* o) {
    Code* c = as_code(o);
    return str_new(format("<code object %s at %p, file \"%s\", line %d>", c->name->utf8.c_str(),
                          static_cast<void*>(c), c->filename.c_str(), c->firstlineno));
}

Ref names_tuple(const std::vector<Str*>& names) {
    std::vector<Object*> items(names.begin(), names.end());
    return tuple_from(items.data(), items.size());
}

// co_lnotab (deprecated in 3.10, still there in 3.11): (offset delta, line delta) byte pairs, one
// where the line changes, counted from offset 0 and co_firstlineno, as CPython's decode_linetable;
// a delta too large for one pair is spread over several.
Ref line_number_table(Code* c) {
    std::string table;
    auto pair = [&](int offset_delta, int line_delta) {
        table += static_cast<char>(offset_delta);
        table += static_cast<char>(static_cast<int8_t>(line_delta));
    };
    int offset = 0, line = c->firstlineno;
    const std::vector<SourcePos>& positions = c->positions();
    for (size_t i = 0; i < positions.size(); ++i) {
        if (positions[i].line <= 0 || positions[i].line == line) continue;
        int offset_delta = static_cast<int>(2 * i) - offset, line_delta = positions[i].line - line;
        for (; offset_delta > 255; offset_delta -= 255) pair(255, 0);
        for (; line_delta > 127; line_delta -= 127, offset_delta = 0) pair(offset_delta, 127);
        for (; line_delta < -128; line_delta += 128, offset_delta = 0) pair(offset_delta, -128);
        pair(offset_delta, line_delta);
        offset = static_cast<int>(2 * i);
        line = positions[i].line;
    }
    return bytes_new(table);
}

// The co_* attributes that inspect, dis-like tools and tests read, with CPython's meanings.
// co_code has CPython's shape, two bytes per instruction (minipy's opcode and the low byte of its
// argument), so that its offsets are those of co_lines, dis and tb_lasti; minipy's own instruction
// words are 4 bytes, which `minipy --dis` shows whole.
Ref code_getattr(Object* o, Str* name) {
    Code* c = as_code(o);
    const std::string& n = name->utf8;
    if (n == "co_name") return Ref::borrow(c->name);
    if (n == "co_qualname") return Ref::borrow(c->qualname ? c->qualname : c->name);
    if (n == "co_filename") return str_new(c->filename);
    if (n == "co_firstlineno") return int_from_i64(c->firstlineno);
    if (n == "co_argcount") return int_from_i64(c->argcount);
    if (n == "co_posonlyargcount") return int_from_i64(c->posonlyargcount);
    if (n == "co_kwonlyargcount") return int_from_i64(c->kwonlyargcount);
    if (n == "co_nlocals") return int_from_i64(c->nlocals());
    if (n == "co_flags") return int_from_i64(c->flags);
    if (n == "co_stacksize") return int_from_i64(c->stacksize);
    if (n == "co_varnames") return names_tuple(c->varnames);
    if (n == "co_cellvars") return names_tuple(c->cellvars);
    if (n == "co_freevars") return names_tuple(c->freevars);
    if (n == "co_names") return names_tuple(c->names);
    if (n == "co_consts") return tuple_from(c->consts.data(), c->consts.size());
    if (n == "co_code") {
        std::string bytes(c->instructions.size() * 2, '\0');
        for (size_t i = 0; i < c->instructions.size(); ++i) {
            bytes[i * 2] = static_cast<char>(instr_op(c->instructions[i]));
            bytes[i * 2 + 1] = static_cast<char>(instr_arg(c->instructions[i]) & 0xff);
        }
        return bytes_new(bytes);
    }
    if (n == "co_lnotab") return line_number_table(c);
    return generic_getattr(o, name);
}

// co_positions(): (line, end_line, column, end_column) per instruction, None where unknown; a
// traceback's tb_lasti // 2 indexes it, as in CPython.
Ref code_positions(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("co_positions", nargs - 1, kw, 0, 0);
    Code* c = as_code(args[0]);
    Ref list = list_new();
    for (const SourcePos& p : c->positions()) {
        auto num = [](int v, bool known) { return known ? int_from_i64(v) : Ref::borrow(None); };
        Ref a = num(p.line, p.line > 0), b = num(p.end_line, p.end_line > 0), cc = num(p.col, p.col >= 0),
            d = num(p.end_col, p.end_col >= 0);
        Object* items[4] = {a.get(), b.get(), cc.get(), d.get()};
        list_append(list.get(), tuple_from(items, 4).get());
    }
    return get_iter(list.get());
}

// co_lines(): (start, end, line) per instruction, offsets in CPython's two-byte code units.
Ref code_lines(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("co_lines", nargs - 1, kw, 0, 0);
    Code* c = as_code(args[0]);
    Ref list = list_new();
    const std::vector<SourcePos>& positions = c->positions();
    for (size_t i = 0; i < positions.size(); ++i) {
        Ref start = int_from_i64(static_cast<int64_t>(2 * i)),
            end = int_from_i64(static_cast<int64_t>(2 * i + 2));
        Ref line = positions[i].line > 0 ? int_from_i64(positions[i].line) : Ref::borrow(None);
        Object* items[3] = {start.get(), end.get(), line.get()};
        list_append(list.get(), tuple_from(items, 3).get());
    }
    return get_iter(list.get());
}

// code.replace(co_names=...): a tuple of str, as CPython. The instructions index the names, so a
// shorter tuple is refused (CPython would read past its end).
void replace_names(Code* c, Object* v) {
    if (!is_instance(v, &tuple_type))
        raise(&TypeError_type,
              format("replace() argument 'co_names' must be tuple, not %s", type_of(v)->name.c_str()));
    Tuple* t = as_tuple(v);
    if (t->size < c->names.size())
        raise(&ValueError_type, format("replace(): co_names has %zu names where the code uses %zu",
                                       static_cast<size_t>(t->size), c->names.size()));
    std::vector<Str*> names;
    for (size_t i = 0; i < t->size; ++i) {
        if (!is_str(t->items[i])) raise(&SystemError_type, "non-string found in code slot");
        names.push_back(intern(str_utf8_of(t->items[i])));
    }
    c->names = std::move(names);
}

// replace(co_flags=..., co_name=...): a copy with those fields changed (types.coroutine uses it).
Ref code_replace(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("replace", nargs - 1, nullptr, 0, 0);
    Code* src = as_code(args[0]);
    Code* c = as_code(code_new().release());
    Ref owner = Ref::steal(c);
    c->instructions = src->instructions;
    c->positions_to_fill() = src->positions();
    c->exception_table = src->exception_table;
    c->consts = src->consts;
    for (Object* k : c->consts) incref(k);
    c->names = src->names;
    c->varnames = src->varnames;
    c->cellvars = src->cellvars;
    c->freevars = src->freevars;
    c->cell2arg = src->cell2arg;
    c->argcount = src->argcount;
    c->posonlyargcount = src->posonlyargcount;
    c->kwonlyargcount = src->kwonlyargcount;
    c->flags = src->flags;
    c->stacksize = src->stacksize;
    c->firstlineno = src->firstlineno;
    c->name = src->name;
    c->qualname = src->qualname;
    if (src->doc) c->set_doc(Ref::borrow(src->doc));
    c->filename = src->filename;
    for (size_t i = 0; kw && i < kw->size; ++i) {
        const std::string& key = str_utf8_of(kw->items[i]);
        Object* v = args[nargs + i];
        if (key == "co_flags")
            c->flags = static_cast<int>(as_index(v));
        else if (key == "co_name" && is_str(v))
            c->name = intern(str_utf8_of(v));
        else if (key == "co_qualname" && is_str(v))
            c->qualname = intern(str_utf8_of(v));
        else if (key == "co_filename" && is_str(v))
            c->filename = str_utf8_of(v);
        else if (key == "co_firstlineno")
            c->firstlineno = static_cast<int>(as_index(v));
        else if (key == "co_names")
            replace_names(c, v);
        else
            raise(&TypeError_type, format("replace() got an unexpected keyword argument '%s'", key.c_str()));
    }
    return owner;
}

const MethodDef kCodeMethods[] = {
    {"co_positions", code_positions,
     "Return an iterator of (line, end_line, column, end_column) per instruction."},
    {"co_lines", code_lines, "Return an iterator of (start, end, line) per instruction."},
    {"replace", code_replace, "Return a copy of the code object with new values for the specified fields."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Type code_type;

void init_code_type() {
    code_type.name = "code";
    code_type.instance_size = sizeof(Code);
    code_type.dealloc = code_dealloc;
    code_type.repr = code_repr;
    code_type.getattr = code_getattr;
    code_type.methods = kCodeMethods;
    init_type(&code_type);
    add_attribute_descriptors(&code_type,
                              {"co_varnames", "co_cellvars", "co_freevars", "co_code", "co_lnotab"});
    add_attribute_descriptors(
        &code_type,
        {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize", "co_flags", "co_nlocals",
         "co_consts", "co_names", "co_filename", "co_name", "co_qualname", "co_firstlineno"},
        true);
}

void make_constant_immortal(Object* value) {
    if (is_small_int(value) || type_of(value) == &code_type) return;
    if (type_of(value) == &tuple_type) {
        auto* t = static_cast<Tuple*>(value);
        for (size_t i = 0; i < t->size; ++i) make_constant_immortal(t->items[i]);
    }
    if (type_of(value) == &frozenset_type) {
        Ref item;
        for (size_t pos = 0; set_next_entry(value, &pos, &item, nullptr);) make_constant_immortal(item.get());
    }
    make_immortal(value);
}

void Code::set_doc(Ref text) {
    if (kCodeConstantsImmortal) make_constant_immortal(text.get());
    xdecref(doc);
    doc = as_str(text.release());
}

void Code::unpack_positions() const {
    static std::mutex unpacking;
    std::lock_guard<std::mutex> hold(unpacking);
    if (!positions_packed_.load(std::memory_order_relaxed)) return;  // another thread just did
    positions_ = minipy::unpack_positions(packed_positions_, instructions.size());
    std::string().swap(packed_positions_);
    positions_packed_.store(false, std::memory_order_release);
}

void Code::make_caches() {
    static std::mutex making;
    std::lock_guard<std::mutex> hold(making);
    if (frame_values_.load(std::memory_order_relaxed) != kNotRun) return;  // another thread just did
    global_cache.resize(names.size());
    attr_cache.resize(names.size());
    frame_nlocalsplus_ = nlocalsplus();
    frame_values_.store(static_cast<size_t>(nlocalsplus() + stacksize), std::memory_order_release);
}

Ref code_new() {
    Code* c = new Code();
    init_header(c, &code_type);
    return Ref::steal(c);
}

}  // namespace minipy
