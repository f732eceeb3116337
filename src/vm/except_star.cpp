// except_star.cpp — the runtime side of `except*`, after CPython 3.11's exception_group_match and
// _PyExc_PrepReraiseStar: which part of a group a clause handles, and what is raised afterwards.
#include "vm/except_star.h"

#include <set>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exception_group.h"
#include "objects/exceptions.h"
#include "objects/str.h"

namespace minipy {

namespace {

void check_except_star_type(Object* type) {
    auto check = [](Object* t) {
        if (!is_type(t) || !is_subtype(static_cast<Type*>(t), &BaseException_type)) {
            raise(&TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
        }
        if (is_subtype(static_cast<Type*>(t), &BaseExceptionGroup_type)) {
            raise(&TypeError_type,
                  "catching ExceptionGroup with except* is not allowed. Use except instead.");
        }
    };
    if (type_of(type) != &tuple_type) return check(type);
    Tuple* t = as_tuple(type);
    for (size_t i = 0; i < t->size; ++i) check(t->items[i]);
}

void collect_leaves(Object* exc, std::set<Object*>& out) {
    if (!is_exception_group(exc)) {
        out.insert(exc);
        return;
    }
    Ref excs = exception_group_exceptions(exc);
    Tuple* t = as_tuple(excs.get());
    for (size_t i = 0; i < t->size; ++i) collect_leaves(t->items[i], out);
}

// A part split off `orig` (or `orig` re-raised) carries orig's traceback, cause and context; an
// exception a clause raised anew does not.
bool same_metadata(Object* e, Object* orig) {
    auto* a = static_cast<BaseExceptionObject*>(e);
    auto* b = static_cast<BaseExceptionObject*>(orig);
    return a->cause == b->cause && a->context == b->context && a->traceback == b->traceback;
}

}  // namespace

void except_star_match(Object* exc, Object* type, Ref* match, Ref* rest) {
    check_except_star_type(type);
    if (exception_group_matcher(type)(exc)) {
        if (is_exception_group(exc)) {
            *match = Ref::borrow(exc);
        } else {
            *match = exception_group_wrap(exc);
            set_attr(match->get(), intern("__traceback__"), get_attr(exc, intern("__traceback__")).get());
        }
        *rest = Ref::borrow(None);
        return;
    }
    if (is_exception_group(exc)) {
        Ref pair = call1(get_attr(exc, intern("split")).get(), type);
        *match = Ref::borrow(as_tuple(pair.get())->items[0]);
        *rest = Ref::borrow(as_tuple(pair.get())->items[1]);
        return;
    }
    *match = Ref::borrow(None);
    *rest = Ref::borrow(exc);
}

Ref prep_reraise_star(Object* orig, Object* excs) {
    Ref items = tuple_from_iterable(excs);
    Tuple* list = as_tuple(items.get());
    if (list->size == 0) return Ref::borrow(None);
    // A naked exception was wrapped: at most one clause ran, so there is at most one to raise.
    if (!is_exception_group(orig)) return Ref::borrow(list->items[0]);
    Ref raised = list_new();
    std::set<Object*> reraised_leaves;
    for (size_t i = 0; i < list->size; ++i) {
        Object* e = list->items[i];
        if (e == None) continue;
        if (same_metadata(e, orig))
            collect_leaves(e, reraised_leaves);
        else
            list_append(raised.get(), e);
    }
    Ref reraised, unused;
    exception_group_split(
        orig, [&](Object* e) { return reraised_leaves.count(e) > 0; }, false, &reraised, &unused);
    size_t n = static_cast<size_t>(length(raised.get()));
    if (n == 0) return reraised ? reraised : Ref::borrow(None);
    // What clauses raised leaves in a new group, even alone, as CPython 3.11's.
    if (reraised) list_append(raised.get(), reraised.get());
    return exception_group_from_list("", raised.get());
}

}  // namespace minipy
