// codegen_match.cpp — the match statement (PEP 634), compiled as CPython 3.11 does: each pattern
// consumes the subject on top of the stack, keeps captured values on the stack until the whole
// pattern has matched, and jumps to a chain of POP_TOPs that clears exactly what it pushed on failure.
#include <algorithm>

#include "compiler/codegen.h"
#include "compiler/compiler_unit.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

namespace {

bool is_wildcard(const ast::Pattern& p) {
    return p.kind == ast::PatternKind::MatchAs && !p.pattern && p.name.empty();
}
bool is_star_wildcard(const ast::Pattern& p) {
    return p.kind == ast::PatternKind::MatchStar && p.name.empty();
}

}  // namespace

// Cases before the last copy the subject; a trailing `case _:` needs no pattern code at all.
void Compiler::visit_match(const ast::Match& m) {
    visit_expr(*m.subject);
    int end = new_label();
    size_t cases = m.cases.size();
    bool has_default = cases > 1 && is_wildcard(*m.cases.back().pattern);
    for (size_t i = 0; i < cases - has_default; ++i) {
        const ast::MatchCase& c = m.cases[i];
        PosGuard guard(u_, c.pattern->pos);
        bool keeps_subject = i != cases - has_default - 1;
        if (keeps_subject) emit(Op::COPY, 1);
        PatternContext pc;
        pc.allow_irrefutable = c.guard || i == cases - 1;  // irrefutable cases: guarded or last
        visit_pattern(*c.pattern, pc);
        for (const auto& name : pc.stores) store_name(name);
        if (c.guard) {
            if (pc.fail_pop.empty()) pc.fail_pop.push_back(new_label());
            visit_jump_if(*c.guard, pc.fail_pop[0], false);
        }
        if (keeps_subject) emit(Op::POP_TOP);
        visit_body(c.body);
        emit_jump(Op::JUMP_FORWARD, end);
        pattern_emit_fail_pops(pc);
    }
    if (has_default) {
        const ast::MatchCase& c = m.cases.back();
        PosGuard guard(u_, c.pattern->pos);
        emit(Op::NOP);
        if (c.guard) visit_jump_if(*c.guard, end, false);
        visit_body(c.body);
    }
    bind(end);
}

void Compiler::rotate(int n) {
    for (int k = n; k > 1; --k) emit(Op::SWAP, static_cast<uint32_t>(k));
}

// Jumps (with `op`) to the label that pops everything this pattern left on the stack.
void Compiler::pattern_fail_jump(Op op, PatternContext& pc) {
    size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
    while (pc.fail_pop.size() <= pops) pc.fail_pop.push_back(new_label());
    emit_jump(op, pc.fail_pop[pops]);
}

void Compiler::pattern_emit_fail_pops(PatternContext& pc) {
    if (pc.fail_pop.empty()) return;
    for (size_t n = pc.fail_pop.size() - 1; n > 0; --n) {
        bind(pc.fail_pop[n]);
        emit(Op::POP_TOP);
    }
    bind(pc.fail_pop[0]);
    pc.fail_pop.clear();
}

// A capture: the value on top moves below the items still in use, to be stored once all matched.
void Compiler::pattern_store(const std::string& name, const ast::Pos& pos, PatternContext& pc) {
    if (name.empty()) return emit(Op::POP_TOP);
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end()) {
        fail("multiple assignments to name '" + name + "' in pattern", pos);
    }
    rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
    pc.stores.push_back(name);
}

void Compiler::visit_subpattern(const ast::Pattern& p, PatternContext& pc) {
    bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    visit_pattern(p, pc);
    pc.allow_irrefutable = saved;
}

void Compiler::visit_pattern(const ast::Pattern& p, PatternContext& pc) {
    PosGuard guard(u_, p.pos);
    last_pattern_pos_ = p.pos;
    using K = ast::PatternKind;
    switch (p.kind) {
        case K::MatchValue:
            return visit_pattern_value(*p.value, pc);
        case K::MatchSingleton: {
            Ref value;
            std::string key;
            try_fold_constant(*p.value, &value, &key);
            emit(Op::LOAD_CONST, add_const(std::move(value), key));
            emit(Op::IS_OP, 0);
            return pattern_fail_jump(Op::POP_JUMP_IF_FALSE, pc);
        }
        case K::MatchSequence:
            return visit_pattern_sequence(p, pc);
        case K::MatchMapping:
            return visit_pattern_mapping(p, pc);
        case K::MatchClass:
            return visit_pattern_class(p, pc);
        case K::MatchStar:
            return pattern_store(p.name, p.pos, pc);
        case K::MatchAs:
            return visit_pattern_as(p, pc);
        case K::MatchOr:
            return visit_pattern_or(p, pc);
    }
}

// Literals and dotted names compare with ==: `subject == value`.
void Compiler::visit_pattern_value(const ast::Expr& value, PatternContext& pc) {
    visit_expr(value);
    emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Eq));
    pattern_fail_jump(Op::POP_JUMP_IF_FALSE, pc);
}

void Compiler::visit_pattern_as(const ast::Pattern& p, PatternContext& pc) {
    if (!p.pattern) {
        if (!pc.allow_irrefutable) {
            if (!p.name.empty())
                fail("name capture '" + p.name + "' makes remaining patterns unreachable", p.pos);
            fail("wildcard makes remaining patterns unreachable", p.pos);
        }
        return pattern_store(p.name, p.pos, pc);
    }
    ++pc.on_top;
    emit(Op::COPY, 1);
    visit_pattern(*p.pattern, pc);
    --pc.on_top;
    pattern_store(p.name, p.pos, pc);
}

// Each alternative matches a copy of the subject with its own failure labels. The names it
// captured are brought into the first alternative's order, then moved below everything in use.
void Compiler::visit_pattern_or(const ast::Pattern& p, PatternContext& pc) {
    int end = new_label();
    PatternContext outer = std::move(pc);
    std::vector<std::string> control;
    for (size_t i = 0; i < p.patterns.size(); ++i) {
        const ast::Pattern& alt = *p.patterns[i];
        PosGuard guard(u_, alt.pos);
        PatternContext inner;
        inner.allow_irrefutable = i == p.patterns.size() - 1 && outer.allow_irrefutable;
        emit(Op::COPY, 1);
        visit_pattern(alt, inner);
        if (i == 0) {
            control = inner.stores;
        } else {
            bool same = inner.stores.size() == control.size();
            for (size_t j = 0; same && j < control.size(); ++j) {
                same = std::find(inner.stores.begin(), inner.stores.end(), control[j]) != inner.stores.end();
            }
            if (!same) fail("alternative patterns bind different names", last_pattern_pos_);
            // inner.stores[k] lies k + 1 items down: swap items until they follow `control`.
            for (size_t j = 0; j < control.size(); ++j) {
                size_t k =
                    std::find(inner.stores.begin(), inner.stores.end(), control[j]) - inner.stores.begin();
                if (k == j) continue;
                uint32_t a = static_cast<uint32_t>(j + 1), b = static_cast<uint32_t>(k + 1);
                if (a == 1) {
                    emit(Op::SWAP, b);
                } else {
                    emit(Op::SWAP, a);
                    emit(Op::SWAP, b);
                    emit(Op::SWAP, a);
                }
                std::swap(inner.stores[j], inner.stores[k]);
            }
        }
        emit_jump(Op::JUMP_FORWARD, end);
        pattern_emit_fail_pops(inner);
    }
    pc = std::move(outer);
    emit(Op::POP_TOP);  // no alternative matched: drop the subject and fail
    pattern_fail_jump(Op::JUMP_FORWARD, pc);
    bind(end);
    int rotations = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
    for (const auto& name : control) {
        rotate(rotations);
        if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end()) {
            fail("multiple assignments to name '" + name + "' in pattern", p.pos);
        }
        pc.stores.push_back(name);
    }
    emit(Op::POP_TOP);  // the subject
}

// MATCH_SEQUENCE and a length check, then either UNPACK (which iterates) or, around a `*_`,
// indexing from both ends (so a huge middle is never copied).
void Compiler::visit_pattern_sequence(const ast::Pattern& p, PatternContext& pc) {
    const ast::PatternList& items = p.patterns;
    int size = static_cast<int>(items.size());
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; ++i) {
        const ast::Pattern& item = *items[i];
        if (item.kind == ast::PatternKind::MatchStar) {
            if (star >= 0) fail("multiple starred names in sequence pattern", p.pos);
            star_wildcard = is_star_wildcard(item);
            only_wildcard = only_wildcard && star_wildcard;
            star = i;
            continue;
        }
        only_wildcard = only_wildcard && is_wildcard(item);
    }
    ++pc.on_top;
    emit(Op::MATCH_SEQUENCE);
    pattern_fail_jump(Op::POP_JUMP_IF_FALSE, pc);
    if (star < 0 || size > 1) {
        emit(Op::GET_LEN);
        Ref n = int_from_i64(star < 0 ? size : size - 1);
        emit(Op::LOAD_CONST, add_const(std::move(n), "i:" + std::to_string(star < 0 ? size : size - 1)));
        emit(Op::COMPARE_OP, static_cast<uint32_t>(star < 0 ? CompareOp::Eq : CompareOp::Ge));
        pattern_fail_jump(Op::POP_JUMP_IF_FALSE, pc);
    }
    --pc.on_top;
    if (only_wildcard) return emit(Op::POP_TOP);
    if (star_wildcard) {
        ++pc.on_top;  // the subject stays while its items are taken by index
        for (int i = 0; i < size; ++i) {
            const ast::Pattern& item = *items[i];
            if (is_wildcard(item) || i == star) continue;
            emit(Op::COPY, 1);
            if (i < star) {
                emit(Op::LOAD_CONST, add_const(int_from_i64(i), "i:" + std::to_string(i)));
            } else {
                emit(Op::GET_LEN);
                emit(Op::LOAD_CONST, add_const(int_from_i64(size - i), "i:" + std::to_string(size - i)));
                emit(Op::BINARY_OP, static_cast<uint32_t>(BinaryOp::Sub));
            }
            emit(Op::BINARY_SUBSCR);
            visit_subpattern(item, pc);
        }
        --pc.on_top;
        return emit(Op::POP_TOP);
    }
    if (star >= 0) {
        if (star >= (1 << 8) || size - star - 1 >= (1 << 16))
            fail("too many expressions in star-unpacking sequence pattern", p.pos);
        emit(Op::UNPACK_EX, static_cast<uint32_t>(star + ((size - star - 1) << 8)));
    } else {
        emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
    }
    pc.on_top += size;
    for (const auto& item : items) {
        --pc.on_top;
        visit_subpattern(*item, pc);
    }
}

// MATCH_MAPPING, a length check, MATCH_KEYS (values looked up with .get), then the value patterns;
// `**rest` gets a dict copy of the subject without the matched keys.
void Compiler::visit_pattern_mapping(const ast::Pattern& p, PatternContext& pc) {
    int size = static_cast<int>(p.keys.size());
    ++pc.on_top;
    emit(Op::MATCH_MAPPING);
    pattern_fail_jump(Op::POP_JUMP_IF_FALSE, pc);
    if (size == 0 && p.name.empty()) {
        --pc.on_top;
        return emit(Op::POP_TOP);
    }
    if (size > 0) {
        emit(Op::GET_LEN);
        emit(Op::LOAD_CONST, add_const(int_from_i64(size), "i:" + std::to_string(size)));
        emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ge));
        pattern_fail_jump(Op::POP_JUMP_IF_FALSE, pc);
    }
    std::vector<Ref> seen;
    for (const auto& key : p.keys) {
        Ref value;
        std::string const_key;
        if (key->kind != ast::ExprKind::Attribute && try_fold_constant(*key, &value, &const_key)) {
            for (const Ref& earlier : seen) {
                if (equals(earlier.get(), value.get())) {
                    fail("mapping pattern checks duplicate key (" + repr_utf8(value.get()) + ")", p.pos);
                }
            }
            seen.push_back(std::move(value));
        }
        visit_expr(*key);
    }
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(size));
    emit(Op::MATCH_KEYS);
    pc.on_top += 2;  // the keys and the values (or None) above the subject
    emit(Op::COPY, 1);
    emit(Op::LOAD_CONST, const_none());
    emit(Op::IS_OP, 1);
    pattern_fail_jump(Op::POP_JUMP_IF_FALSE, pc);
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
    pc.on_top += size - 1;
    for (const auto& sub : p.patterns) {
        --pc.on_top;
        visit_subpattern(*sub, pc);
    }
    pc.on_top -= 2;
    if (p.name.empty()) {
        emit(Op::POP_TOP);         // the keys
        return emit(Op::POP_TOP);  // the subject
    }
    // rest = dict(subject); del rest[key] for each key
    emit(Op::BUILD_MAP, 0);
    emit(Op::SWAP, 3);
    emit(Op::DICT_UPDATE, 2);
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
    for (int n = size; n > 0; --n) {
        emit(Op::COPY, static_cast<uint32_t>(1 + n));
        emit(Op::SWAP, 2);
        emit(Op::DELETE_SUBSCR);
    }
    pattern_store(p.name, p.pos, pc);
}

// MATCH_CLASS leaves a tuple of the attributes the sub-patterns match (or None).
void Compiler::visit_pattern_class(const ast::Pattern& p, PatternContext& pc) {
    size_t nargs = p.patterns.size(), nattrs = p.kwd_attrs.size();
    visit_expr(*p.value);
    Ref names = tuple_new(nattrs);
    std::string key = "t(";
    for (size_t i = 0; i < nattrs; ++i) {
        as_tuple(names.get())->items[i] = newref(intern(p.kwd_attrs[i]));
        key += "s:" + p.kwd_attrs[i] + ",";
    }
    emit(Op::LOAD_CONST, add_const(std::move(names), key + ")"));
    emit(Op::MATCH_CLASS, static_cast<uint32_t>(nargs));
    emit(Op::COPY, 1);
    emit(Op::LOAD_CONST, const_none());
    emit(Op::IS_OP, 1);
    ++pc.on_top;
    pattern_fail_jump(Op::POP_JUMP_IF_FALSE, pc);
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(nargs + nattrs));
    pc.on_top += static_cast<int>(nargs + nattrs) - 1;
    for (size_t i = 0; i < nargs + nattrs; ++i) {
        --pc.on_top;
        const ast::Pattern& sub = i < nargs ? *p.patterns[i] : *p.kwd_patterns[i - nargs];
        if (is_wildcard(sub)) {
            emit(Op::POP_TOP);
            continue;
        }
        visit_subpattern(sub, pc);
    }
}

}  // namespace minipy
