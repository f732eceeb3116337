// codegen_except_star.cpp — `try: ... except* T: ...` (PEP 654) as CPython 3.11 compiles it: each
// clause splits off the part of the exception group it handles (CHECK_EG_MATCH), exceptions its
// body raises are collected in a list, and PREP_RERAISE_STAR combines them with what no clause
// handled into what finally leaves the statement.
#include "compiler/codegen.h"
#include "compiler/compiler_unit.h"

namespace minipy {

void Compiler::check_except_star_exit(const ast::Pos& pos, bool stop_at_loop) {
    for (auto it = u_->fblocks.rbegin(); it != u_->fblocks.rend(); ++it) {
        if (stop_at_loop && (it->kind == BlockKind::WhileLoop || it->kind == BlockKind::ForLoop)) return;
        if (it->kind == BlockKind::ExceptStar)
            fail("'break', 'continue' and 'return' cannot appear in an except* block", pos);
    }
}

// Stack in the handler: [prev, orig, raised list, rest]; each clause leaves the part of `rest` it did
// not match as the new rest.
void Compiler::visit_try_star(const ast::Try& t) {
    int handler = new_label(), cleanup = new_label(), reraise = new_label(), end = new_label();
    int depth = visit_try_body(t, handler, end);
    bind_handler(handler, depth + 1);
    emit_push_exc_info();
    push_handler(cleanup, depth + 1);
    {
        // The handler's set-up is of no line either: the exception goes from the raising line to
        // the first except* line.
        PosGuard no_line(u_, ast::Pos{});
        emit(Op::COPY, 1);
        emit(Op::BUILD_LIST, 0);
        emit(Op::SWAP, 2);
    }
    for (const auto& h : t.handlers) {
        PosGuard guard(u_, h.pos);
        int no_match = new_label(), body_error = new_label(), next = new_label();
        visit_expr(*h.type);
        emit(Op::CHECK_EG_MATCH);
        emit(Op::COPY, 1);
        emit(Op::LOAD_CONST, const_none());
        emit(Op::IS_OP, 0);
        emit_jump(Op::POP_JUMP_IF_TRUE, no_match);
        if (h.name.empty())
            emit(Op::POP_TOP);
        else
            store_name(h.name);
        push_handler(body_error, depth + 4);
        push_fblock(FBlock{BlockKind::ExceptStar, -1, -1, nullptr, {}});
        visit_body(h.body);
        pop_fblock();
        pop_handler();
        // What follows the clause's body is artificial, of no line: sys.settrace sees no line event
        // for it, as for CPython's.
        PosGuard no_line(u_, ast::Pos{});
        auto clear_name = [&] {
            if (h.name.empty()) return;
            emit(Op::LOAD_CONST, const_none());
            store_name(h.name);
            delete_name(h.name);
        };
        clear_name();
        emit_jump(Op::JUMP_FORWARD, next);
        bind_handler(body_error, depth + 5);  // the clause raised: keep it for PREP_RERAISE_STAR
        clear_name();
        emit(Op::LIST_APPEND, 2);
        emit_jump(Op::JUMP_FORWARD, next);
        bind(no_match);
        emit(Op::POP_TOP);
        bind(next);
    }
    PosGuard no_line(u_, ast::Pos{});
    emit(Op::LIST_APPEND, 1);
    emit(Op::PREP_RERAISE_STAR);
    emit(Op::COPY, 1);
    emit(Op::LOAD_CONST, const_none());
    emit(Op::IS_OP, 1);
    emit_jump(Op::POP_JUMP_IF_TRUE, reraise);
    emit(Op::POP_TOP);
    pop_handler();
    emit(Op::POP_EXCEPT);
    emit_jump(Op::JUMP_FORWARD, end);
    bind(reraise);
    emit_restore_and_reraise(false);
    bind_handler(cleanup, depth + 2);
    emit_restore_and_reraise(true);
    bind(end);
}

}  // namespace minipy
