/* compile_stmt.c — code generation for statements, in CPython 3.11's
 * shapes: assignments, loops, if, try/except/finally, with, imports,
 * assert, raise, return, break and continue.
 *
 * Frame blocks (FBlock) record the constructs a `return`, `break` or
 * `continue` leaves: each is unwound inline (pop the iterator, run the
 * finally body, call __exit__, restore the handled exception) before the
 * jump.  Protected ranges are opened by SETUP_* and closed by POP_BLOCK;
 * the assembler turns them into the exception table.
 */
#include "internal.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/tuple.h"

static int push_fblock(Compiler *c, FBlockKind kind, Block *b, Block *exit,
                       const void *datum)
{
    Unit *u = c->u;
    if (u->nfblocks >= COMP_MAX_BLOCKS)
        return comp_error(c, "too many statically nested blocks", NULL);
    u->fblocks[u->nfblocks++] = (FBlock){ kind, b, exit, datum };
    return 0;
}

static void pop_fblock(Compiler *c)
{
    c->u->nfblocks--;
}

static int new_blocks(Compiler *c, Block **blocks[], int n)
{
    for (int i = 0; i < n; i++)
        if (!(*blocks[i] = comp_new_block(c)))
            return -1;
    return 0;
}

/* exit(None, None, None) with the bound __exit__ below the Nones. */
static int call_exit_with_nones(Compiler *c)
{
    for (int i = 0; i < 3; i++)
        TRY(comp_load_const(c, None));
    return comp_addop_i(c, OP_CALL, 2);
}

/* [prev_exc lasti exc]: restore prev_exc, re-raise exc at lasti. */
static int pop_except_and_reraise(Compiler *c)
{
    TRY(comp_addop_i(c, OP_COPY, 3));
    TRY(comp_addop(c, OP_POP_EXCEPT));
    return comp_addop_i(c, OP_RERAISE, 1);
}

static int swap_if(Compiler *c, bool preserve_tos)
{
    return preserve_tos ? comp_addop_i(c, OP_SWAP, 2) : 0;
}

static int clear_name(Compiler *c, Object *name)
{
    TRY(comp_load_const(c, None));
    TRY(comp_nameop(c, name, CTX_STORE));
    return comp_nameop(c, name, CTX_DEL);
}

static int unwind_finally(Compiler *c, FBlock *info, bool preserve_tos)
{
    TRY(comp_addop(c, OP_POP_BLOCK));
    if (preserve_tos)
        TRY(push_fblock(c, FB_POP_VALUE, NULL, NULL, NULL));
    TRY(comp_visit_stmts(c, (StmtList *)info->datum));
    if (preserve_tos)
        pop_fblock(c);
    /* the finally body runs after the statement that leaves */
    comp_unset_loc(c);
    return 0;
}

static int unwind_with(Compiler *c, FBlock *info, bool preserve_tos)
{
    comp_set_loc(c, ((Stmt *)info->datum)->loc);
    TRY(comp_addop(c, OP_POP_BLOCK));
    TRY(swap_if(c, preserve_tos));
    TRY(call_exit_with_nones(c));
    TRY(comp_addop(c, OP_POP_TOP));
    comp_unset_loc(c);
    return 0;
}

static int unwind_handler(Compiler *c, FBlock *info, bool preserve_tos)
{
    if (info->datum)
        TRY(comp_addop(c, OP_POP_BLOCK));
    TRY(swap_if(c, preserve_tos));
    TRY(comp_addop(c, OP_POP_BLOCK));
    TRY(comp_addop(c, OP_POP_EXCEPT));
    return info->datum ? clear_name(c, (Object *)info->datum) : 0;
}

/* Emits what leaving [info] requires; with [preserve_tos] the value on
 * top of the stack (a return value) is kept on top. */
static int unwind_fblock(Compiler *c, FBlock *info, bool preserve_tos)
{
    switch (info->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR_LOOP:
    case FB_POP_VALUE:
        TRY(swap_if(c, preserve_tos));
        return comp_addop(c, OP_POP_TOP);
    case FB_TRY_EXCEPT:
        return comp_addop(c, OP_POP_BLOCK);
    case FB_FINALLY_TRY:
        return unwind_finally(c, info, preserve_tos);
    case FB_FINALLY_END:
        TRY(swap_if(c, preserve_tos));
        TRY(comp_addop(c, OP_POP_TOP));
        TRY(swap_if(c, preserve_tos));
        TRY(comp_addop(c, OP_POP_BLOCK));
        return comp_addop(c, OP_POP_EXCEPT);
    case FB_WITH:
        return unwind_with(c, info, preserve_tos);
    case FB_HANDLER_CLEANUP:
        return unwind_handler(c, info, preserve_tos);
    }
    return 0;
}

/* Unwinds the frame blocks from the innermost out; with [loop], stops at
 * the innermost loop and returns it there. */
static int unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    TRY(unwind_fblock(c, &copy, preserve_tos));
    TRY(unwind_fblock_stack(c, preserve_tos, loop));
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

static int visit_return(Compiler *c, Stmt *s)
{
    Expr *v = s->u.return_.value;
    bool preserve_tos = v && v->kind != EXPR_CONSTANT;
    if (c->u->ste->type != BLOCK_FUNCTION)
        return comp_error(c, "'return' outside function", NULL);
    if (preserve_tos) {
        TRY(comp_visit_expr(c, v));
    } else if (v) {
        comp_set_loc(c, v->loc);
        TRY(comp_addop(c, OP_NOP));
    }
    if (!v || v->loc.line != s->loc.line) {
        comp_set_loc(c, s->loc);
        TRY(comp_addop(c, OP_NOP));
    }
    TRY(unwind_fblock_stack(c, preserve_tos, NULL));
    if (!v)
        TRY(comp_load_const(c, None));
    else if (!preserve_tos)
        TRY(comp_load_const(c, v->u.constant.value));
    return comp_addop(c, OP_RETURN_VALUE);
}

static int visit_break(Compiler *c, bool is_continue)
{
    CodeLoc saved = c->u->loc;
    FBlock *loop = NULL;
    TRY(comp_addop(c, OP_NOP));
    TRY(unwind_fblock_stack(c, false, &loop));
    if (!loop) {
        c->u->loc = saved;
        return comp_error(c, is_continue ? "'continue' not properly in loop"
                                         : "'break' outside loop", NULL);
    }
    if (is_continue)
        return comp_addop_j(c, OP_JUMP, loop->block);
    TRY(unwind_fblock(c, loop, false));
    return comp_addop_j(c, OP_JUMP, loop->exit);
}

static int visit_if(Compiler *c, Stmt *s)
{
    Block *end = comp_new_block(c), *next = end;
    if (!end || (s->u.if_.orelse.n && !(next = comp_new_block(c))))
        return -1;
    TRY(comp_jump_if(c, s->u.if_.test, next, false));
    TRY(comp_visit_stmts(c, &s->u.if_.body));
    if (s->u.if_.orelse.n) {
        TRY(comp_addop_j_noline(c, OP_JUMP, end));
        comp_use_block(c, next);
        TRY(comp_visit_stmts(c, &s->u.if_.orelse));
    }
    comp_use_block(c, end);
    return 0;
}

static int visit_for(Compiler *c, Stmt *s)
{
    Block *start, *body, *cleanup, *end;
    TRY(new_blocks(c, (Block **[]){ &start, &body, &cleanup, &end }, 4));
    if (s->kind == STMT_ASYNCFOR)
        return comp_error(c, "mempy does not support 'async for' yet", NULL);
    TRY(push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    TRY(comp_visit_expr(c, s->u.for_.iter));
    TRY(comp_addop(c, OP_GET_ITER));
    comp_use_block(c, start);
    TRY(comp_addop_j(c, OP_FOR_ITER, cleanup));
    comp_use_block(c, body);
    TRY(comp_visit_expr(c, s->u.for_.target));
    TRY(comp_visit_stmts(c, &s->u.for_.body));
    comp_unset_loc(c);
    TRY(comp_addop_j(c, OP_JUMP, start));
    comp_use_block(c, cleanup);
    pop_fblock(c);
    TRY(comp_visit_stmts(c, &s->u.for_.orelse));
    comp_use_block(c, end);
    return 0;
}

/* The test is evaluated at the top and again at the bottom of the body. */
static int visit_while(Compiler *c, Stmt *s)
{
    Block *loop, *body, *anchor, *end;
    TRY(new_blocks(c, (Block **[]){ &loop, &body, &anchor, &end }, 4));
    comp_use_block(c, loop);
    TRY(push_fblock(c, FB_WHILE_LOOP, loop, end, NULL));
    TRY(comp_jump_if(c, s->u.while_.test, anchor, false));
    comp_use_block(c, body);
    TRY(comp_visit_stmts(c, &s->u.while_.body));
    comp_set_loc(c, s->loc);
    TRY(comp_jump_if(c, s->u.while_.test, body, true));
    pop_fblock(c);
    comp_use_block(c, anchor);
    TRY(comp_visit_stmts(c, &s->u.while_.orelse));
    comp_use_block(c, end);
    return 0;
}

/* try: body  finally: final — the finally body is emitted twice, once
 * for the normal exit and once as the handler (which re-raises). */
static int visit_try_finally(Compiler *c, Stmt *s);
static int visit_try_except(Compiler *c, Stmt *s);

static int visit_try_finally(Compiler *c, Stmt *s)
{
    Block *body, *end, *exit, *cleanup;
    TRY(new_blocks(c, (Block **[]){ &body, &end, &exit, &cleanup }, 4));
    TRY(comp_addop_j(c, OP_SETUP_FINALLY, end));
    comp_use_block(c, body);
    TRY(push_fblock(c, FB_FINALLY_TRY, body, end, &s->u.try_.finalbody));
    if (s->u.try_.handlers.n)
        TRY(visit_try_except(c, s));
    else
        TRY(comp_visit_stmts(c, &s->u.try_.body));
    TRY(comp_addop_noline(c, OP_POP_BLOCK));
    pop_fblock(c);
    TRY(comp_visit_stmts(c, &s->u.try_.finalbody));
    TRY(comp_addop_j_noline(c, OP_JUMP, exit));
    comp_use_block(c, end);
    comp_unset_loc(c);
    TRY(comp_addop_j(c, OP_SETUP_CLEANUP, cleanup));
    TRY(comp_addop(c, OP_PUSH_EXC_INFO));
    TRY(push_fblock(c, FB_FINALLY_END, end, NULL, NULL));
    TRY(comp_visit_stmts(c, &s->u.try_.finalbody));
    pop_fblock(c);
    TRY(comp_addop_i(c, OP_RERAISE, 0));
    comp_use_block(c, cleanup);
    TRY(pop_except_and_reraise(c));
    comp_use_block(c, exit);
    return 0;
}

/* except E as name: the body runs in a try/finally that clears name. */
static int visit_named_handler(Compiler *c, ExceptHandler *h, Block *end)
{
    Block *cleanup_end, *cleanup_body;
    TRY(new_blocks(c, (Block **[]){ &cleanup_end, &cleanup_body }, 2));
    TRY(comp_nameop(c, h->name, CTX_STORE));
    TRY(comp_addop_j(c, OP_SETUP_CLEANUP, cleanup_end));
    comp_use_block(c, cleanup_body);
    TRY(push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, h->name));
    TRY(comp_visit_stmts(c, &h->body));
    pop_fblock(c);
    comp_unset_loc(c);
    TRY(comp_addop(c, OP_POP_BLOCK));
    TRY(comp_addop(c, OP_POP_BLOCK));
    TRY(comp_addop(c, OP_POP_EXCEPT));
    TRY(clear_name(c, h->name));
    TRY(comp_addop_j(c, OP_JUMP, end));
    comp_use_block(c, cleanup_end);
    comp_unset_loc(c);
    TRY(clear_name(c, h->name));
    return comp_addop_i(c, OP_RERAISE, 1);
}

static int visit_unnamed_handler(Compiler *c, ExceptHandler *h, Block *end)
{
    Block *cleanup_body = comp_new_block(c);
    if (!cleanup_body)
        return -1;
    TRY(comp_addop(c, OP_POP_TOP));
    comp_use_block(c, cleanup_body);
    TRY(push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL));
    TRY(comp_visit_stmts(c, &h->body));
    pop_fblock(c);
    comp_unset_loc(c);
    TRY(comp_addop(c, OP_POP_BLOCK));
    TRY(comp_addop(c, OP_POP_EXCEPT));
    return comp_addop_j(c, OP_JUMP, end);
}

static int visit_handler(Compiler *c, HandlerList *handlers, int i, Block *end)
{
    ExceptHandler *h = handlers->v[i];
    comp_set_loc(c, h->loc);
    if (!h->type && i < handlers->n - 1)
        return comp_error(c, "default 'except:' must be last", NULL);
    Block *next = comp_new_block(c);
    if (!next)
        return -1;
    if (h->type) {
        TRY(comp_visit_expr(c, h->type));
        TRY(comp_addop(c, OP_CHECK_EXC_MATCH));
        TRY(comp_addop_j(c, OP_POP_JUMP_IF_FALSE, next));
    }
    TRY(h->name ? visit_named_handler(c, h, end) : visit_unnamed_handler(c, h, end));
    comp_use_block(c, next);
    return 0;
}

static int visit_try_except(Compiler *c, Stmt *s)
{
    Block *body, *except, *end, *cleanup;
    TRY(new_blocks(c, (Block **[]){ &body, &except, &end, &cleanup }, 4));
    TRY(comp_addop_j(c, OP_SETUP_FINALLY, except));
    comp_use_block(c, body);
    TRY(push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL));
    TRY(comp_visit_stmts(c, &s->u.try_.body));
    pop_fblock(c);
    TRY(comp_addop_noline(c, OP_POP_BLOCK));
    TRY(comp_visit_stmts(c, &s->u.try_.orelse));
    TRY(comp_addop_j_noline(c, OP_JUMP, end));
    comp_use_block(c, except);
    comp_unset_loc(c);
    TRY(comp_addop_j(c, OP_SETUP_CLEANUP, cleanup));
    TRY(comp_addop(c, OP_PUSH_EXC_INFO));
    TRY(push_fblock(c, FB_EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (int i = 0; i < s->u.try_.handlers.n; i++)
        TRY(visit_handler(c, &s->u.try_.handlers, i, end));
    comp_unset_loc(c);
    pop_fblock(c);
    TRY(comp_addop_i(c, OP_RERAISE, 0));
    comp_use_block(c, cleanup);
    TRY(pop_except_and_reraise(c));
    comp_use_block(c, end);
    return 0;
}

/* After WITH_EXCEPT_START: suppress the exception if __exit__ returned
 * true, else re-raise it. */
static int with_except_finish(Compiler *c, Block *cleanup)
{
    comp_unset_loc(c);
    Block *exit = comp_new_block(c);
    if (!exit)
        return -1;
    TRY(comp_addop_j(c, OP_POP_JUMP_IF_TRUE, exit));
    TRY(comp_addop_i(c, OP_RERAISE, 2));
    comp_use_block(c, cleanup);
    TRY(pop_except_and_reraise(c));
    comp_use_block(c, exit);
    TRY(comp_addop(c, OP_POP_TOP));
    TRY(comp_addop(c, OP_POP_BLOCK));
    TRY(comp_addop(c, OP_POP_EXCEPT));
    TRY(comp_addop(c, OP_POP_TOP));
    return comp_addop(c, OP_POP_TOP);
}

static int visit_with(Compiler *c, Stmt *s, int pos)
{
    WithItem *item = s->u.with.items.v[pos];
    Block *block, *final, *exit, *cleanup;
    if (s->kind == STMT_ASYNCWITH)
        return comp_error(c, "mempy does not support 'async with' yet", NULL);
    TRY(new_blocks(c, (Block **[]){ &block, &final, &exit, &cleanup }, 4));
    TRY(comp_visit_expr(c, item->context_expr));
    TRY(comp_addop(c, OP_BEFORE_WITH));
    TRY(comp_addop_j(c, OP_SETUP_WITH, final));
    comp_use_block(c, block);
    TRY(push_fblock(c, FB_WITH, block, final, s));
    if (item->optional_vars)
        TRY(comp_visit_expr(c, item->optional_vars));
    else
        TRY(comp_addop(c, OP_POP_TOP));
    if (pos + 1 == s->u.with.items.n)
        TRY(comp_visit_stmts(c, &s->u.with.body));
    else
        TRY(visit_with(c, s, pos + 1));
    comp_unset_loc(c);
    TRY(comp_addop(c, OP_POP_BLOCK));
    pop_fblock(c);
    comp_set_loc(c, s->loc);
    TRY(call_exit_with_nones(c));
    TRY(comp_addop(c, OP_POP_TOP));
    TRY(comp_addop_j(c, OP_JUMP, exit));
    comp_use_block(c, final);
    TRY(comp_addop_j(c, OP_SETUP_CLEANUP, cleanup));
    TRY(comp_addop(c, OP_PUSH_EXC_INFO));
    TRY(comp_addop(c, OP_WITH_EXCEPT_START));
    TRY(with_except_finish(c, cleanup));
    comp_use_block(c, exit);
    return 0;
}

static bool is_nonempty_tuple(Expr *e)
{
    if (e->kind == EXPR_TUPLE)
        return e->u.tuple.elts.n > 0;
    return e->kind == EXPR_CONSTANT && TYPE_CHECK(e->u.constant.value, tuple_type) &&
           SIZE(e->u.constant.value) > 0;
}

static int visit_assert(Compiler *c, Stmt *s)
{
    if (is_nonempty_tuple(s->u.assert_.test))
        TRY(comp_warn(c, "assertion is always true, perhaps remove parentheses?", NULL, NULL));
    Block *end = comp_new_block(c);
    if (!end)
        return -1;
    TRY(comp_jump_if(c, s->u.assert_.test, end, true));
    TRY(comp_addop(c, OP_LOAD_ASSERTION_ERROR));
    if (s->u.assert_.msg) {
        TRY(comp_visit_expr(c, s->u.assert_.msg));
        TRY(comp_addop_i(c, OP_CALL, 0));
    }
    TRY(comp_addop_i(c, OP_RAISE_VARARGS, 1));
    comp_use_block(c, end);
    return 0;
}

static int visit_raise(Compiler *c, Stmt *s)
{
    int n = 0;
    if (s->u.raise.exc) {
        TRY(comp_visit_expr(c, s->u.raise.exc));
        n++;
        if (s->u.raise.cause) {
            TRY(comp_visit_expr(c, s->u.raise.cause));
            n++;
        }
    }
    return comp_addop_i(c, OP_RAISE_VARARGS, n);
}

/* ---- imports ---- */

static int import_from_name(Compiler *c, Object *attr)
{
    int i = comp_list_add(&c->u->names, attr);
    DECREF(attr);
    TRY(i);
    return comp_addop_i(c, OP_IMPORT_FROM, i);
}

/* import a.b.c as d: IMPORT_NAME gave a.b.c's top package; walk down. */
static int import_as(Compiler *c, Object *name, Object *asname)
{
    ssize_t len = STR_LEN(name), dot = str_find_char(name, '.', 0, len);
    if (dot < 0)
        return comp_nameop(c, asname, CTX_STORE);
    for (;;) {
        ssize_t pos = dot + 1;
        dot = str_find_char(name, '.', pos, len);
        Object *attr = str_substr(name, pos, dot >= 0 ? dot : len);
        if (!attr)
            return -1;
        str_intern(&attr);
        TRY(import_from_name(c, attr));
        if (dot < 0)
            break;
        TRY(comp_addop_i(c, OP_SWAP, 2));
        TRY(comp_addop(c, OP_POP_TOP));
    }
    TRY(comp_nameop(c, asname, CTX_STORE));
    return comp_addop(c, OP_POP_TOP);
}

static int store_top_package(Compiler *c, Object *name)
{
    ssize_t dot = str_find_char(name, '.', 0, STR_LEN(name));
    if (dot < 0)
        return comp_nameop(c, name, CTX_STORE);
    Object *top = str_substr(name, 0, dot);
    if (!top)
        return -1;
    int r = comp_nameop(c, top, CTX_STORE);
    DECREF(top);
    return r;
}

static int visit_import(Compiler *c, Stmt *s)
{
    AliasList *names = &s->u.import.names;
    for (int i = 0; i < names->n; i++) {
        Alias *a = names->v[i];
        TRY(comp_load_const_new(c, int_from_long(0)));
        TRY(comp_load_const(c, None));
        TRY(comp_addop_name(c, OP_IMPORT_NAME, a->name));
        if (a->asname)
            TRY(import_as(c, a->name, a->asname));
        else
            TRY(store_top_package(c, a->name));
    }
    return 0;
}

static Object *fromlist(AliasList *names)
{
    Object *t = tuple_new(names->n);
    if (t)
        for (int i = 0; i < names->n; i++)
            TUPLE_ITEMS(t)[i] = NEWREF(names->v[i]->name);
    return t;
}

static int import_module_name(Compiler *c, Object *module)
{
    if (module)
        return comp_addop_name(c, OP_IMPORT_NAME, module);
    Object *empty = str_intern_cstr("");
    int r = empty ? comp_addop_name(c, OP_IMPORT_NAME, empty) : -1;
    XDECREF(empty);
    return r;
}

static int visit_import_from(Compiler *c, Stmt *s)
{
    AliasList *names = &s->u.importfrom.names;
    Object *module = s->u.importfrom.module;
    if (s->loc.line > c->future_lineno && module && str_eq_cstr(module, "__future__"))
        return comp_error(c, "from __future__ imports must occur at the beginning of the file",
                          NULL);
    TRY(comp_load_const_new(c, int_from_long(s->u.importfrom.level)));
    TRY(comp_load_const_new(c, fromlist(names)));
    TRY(import_module_name(c, s->u.importfrom.module));
    for (int i = 0; i < names->n; i++) {
        Alias *a = names->v[i];
        if (i == 0 && str_read(a->name, 0) == '*')
            return comp_addop(c, OP_IMPORT_STAR);
        TRY(comp_addop_name(c, OP_IMPORT_FROM, a->name));
        TRY(comp_nameop(c, a->asname ? a->asname : a->name, CTX_STORE));
    }
    return comp_addop(c, OP_POP_TOP);
}

/* ---- assignments ---- */

static int visit_assign(Compiler *c, Stmt *s)
{
    ExprList *targets = &s->u.assign.targets;
    TRY(comp_visit_expr(c, s->u.assign.value));
    for (int i = 0; i < targets->n; i++) {
        if (i < targets->n - 1)
            TRY(comp_addop_i(c, OP_COPY, 1));
        TRY(comp_visit_expr(c, targets->v[i]));
    }
    return 0;
}

/* a.x += v / a[i] += v: a (and i) are evaluated once. */
static int augassign_load(Compiler *c, Expr *t)
{
    switch (t->kind) {
    case EXPR_ATTRIBUTE:
        TRY(comp_visit_expr(c, t->u.attribute.value));
        TRY(comp_addop_i(c, OP_COPY, 1));
        comp_attr_loc(c, t);
        return comp_addop_name(c, OP_LOAD_ATTR, t->u.attribute.attr);
    case EXPR_SUBSCRIPT:
        TRY(comp_visit_expr(c, t->u.subscript.value));
        TRY(comp_visit_expr(c, t->u.subscript.slice));
        TRY(comp_addop_i(c, OP_COPY, 2));
        TRY(comp_addop_i(c, OP_COPY, 2));
        return comp_addop(c, OP_BINARY_SUBSCR);
    default:
        return comp_nameop(c, t->u.name.id, CTX_LOAD);
    }
}

static int augassign_store(Compiler *c, Expr *t)
{
    switch (t->kind) {
    case EXPR_ATTRIBUTE:
        comp_attr_loc(c, t);
        TRY(comp_addop_i(c, OP_SWAP, 2));
        return comp_addop_name(c, OP_STORE_ATTR, t->u.attribute.attr);
    case EXPR_SUBSCRIPT:
        TRY(comp_addop_i(c, OP_SWAP, 3));
        TRY(comp_addop_i(c, OP_SWAP, 2));
        return comp_addop(c, OP_STORE_SUBSCR);
    default:
        return comp_nameop(c, t->u.name.id, CTX_STORE);
    }
}

static int visit_augassign(Compiler *c, Stmt *s)
{
    Expr *t = s->u.augassign.target;
    if (t->kind != EXPR_ATTRIBUTE && t->kind != EXPR_SUBSCRIPT && t->kind != EXPR_NAME)
        return comp_error(c, "illegal expression for augmented assignment", NULL);
    CodeLoc saved = c->u->loc;
    comp_set_expr_loc(c, t);
    TRY(augassign_load(c, t));
    c->u->loc = saved;
    TRY(comp_visit_expr(c, s->u.augassign.value));
    TRY(comp_addop_i(c, OP_BINARY_OP, s->u.augassign.op + BINOP_INPLACE));
    comp_set_expr_loc(c, t);
    return augassign_store(c, t);
}

/* Evaluates [e] for its side effects (names must exist). */
static int check_ann_expr(Compiler *c, Expr *e)
{
    TRY(comp_visit_expr(c, e));
    return comp_addop(c, OP_POP_TOP);
}

static int check_ann_subscr(Compiler *c, Expr *e)
{
    if (e->kind == EXPR_SLICE) {
        Expr *parts[3] = { e->u.slice.lower, e->u.slice.upper, e->u.slice.step };
        for (int i = 0; i < 3; i++)
            if (parts[i])
                TRY(check_ann_expr(c, parts[i]));
        return 0;
    }
    if (e->kind == EXPR_TUPLE) {
        for (int i = 0; i < e->u.tuple.elts.n; i++)
            TRY(check_ann_subscr(c, e->u.tuple.elts.v[i]));
        return 0;
    }
    return check_ann_expr(c, e);
}

static bool module_or_class(Compiler *c)
{
    return c->u->kind == UNIT_MODULE || c->u->kind == UNIT_CLASS;
}

/* x: ann = v stores ann in __annotations__['x'] in modules and classes. */
static int store_annotation(Compiler *c, Stmt *s)
{
    Object *id = s->u.annassign.target->u.name.id;
    if (c->future_annotations)
        TRY(comp_load_const_new(c, comp_unparse(s->u.annassign.annotation)));
    else
        TRY(comp_visit_expr(c, s->u.annassign.annotation));
    Object *ann = str_intern_cstr("__annotations__");
    int r = ann ? comp_addop_name(c, OP_LOAD_NAME, ann) : -1;
    XDECREF(ann);
    TRY(r);
    TRY(comp_load_const_new(c, comp_mangle(c->u->private_, id)));
    return comp_addop(c, OP_STORE_SUBSCR);
}

static int visit_annassign(Compiler *c, Stmt *s)
{
    Expr *t = s->u.annassign.target;
    if (s->u.annassign.value) {
        TRY(comp_visit_expr(c, s->u.annassign.value));
        TRY(comp_visit_expr(c, t));
    }
    switch (t->kind) {
    case EXPR_NAME:
        if (s->u.annassign.simple && module_or_class(c))
            TRY(store_annotation(c, s));
        break;
    case EXPR_ATTRIBUTE:
        if (!s->u.annassign.value)
            TRY(check_ann_expr(c, t->u.attribute.value));
        break;
    case EXPR_SUBSCRIPT:
        if (!s->u.annassign.value) {
            TRY(check_ann_expr(c, t->u.subscript.value));
            TRY(check_ann_subscr(c, t->u.subscript.slice));
        }
        break;
    default:
        return comp_error(c, "illegal target for annotation", NULL);
    }
    if (!s->u.annassign.simple && module_or_class(c) && !c->future_annotations)
        return check_ann_expr(c, s->u.annassign.annotation);
    return 0;
}

static int visit_expr_stmt(Compiler *c, Expr *value)
{
    if (c->interactive && c->nestlevel <= 1) {
        TRY(comp_visit_expr(c, value));
        return comp_addop(c, OP_PRINT_EXPR);
    }
    if (value->kind == EXPR_CONSTANT)
        return comp_addop(c, OP_NOP);
    TRY(comp_visit_expr(c, value));
    comp_unset_loc(c);
    return comp_addop(c, OP_POP_TOP);
}

static int visit_stmt1(Compiler *c, Stmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
    case STMT_ASYNCFUNCTIONDEF:
        return comp_function(c, s);
    case STMT_CLASSDEF:
        return comp_class(c, s);
    case STMT_RETURN:
        return visit_return(c, s);
    case STMT_DELETE:
        return comp_visit_exprs(c, &s->u.delete_.targets);
    case STMT_ASSIGN:
        return visit_assign(c, s);
    case STMT_AUGASSIGN:
        return visit_augassign(c, s);
    case STMT_ANNASSIGN:
        return visit_annassign(c, s);
    case STMT_FOR:
    case STMT_ASYNCFOR:
        return visit_for(c, s);
    case STMT_WHILE:
        return visit_while(c, s);
    case STMT_IF:
        return visit_if(c, s);
    case STMT_WITH:
    case STMT_ASYNCWITH:
        return visit_with(c, s, 0);
    case STMT_RAISE:
        return visit_raise(c, s);
    case STMT_TRY:
        return s->u.try_.finalbody.n ? visit_try_finally(c, s) : visit_try_except(c, s);
    case STMT_ASSERT:
        return visit_assert(c, s);
    case STMT_IMPORT:
        return visit_import(c, s);
    case STMT_IMPORTFROM:
        return visit_import_from(c, s);
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        return 0;
    case STMT_EXPR:
        return visit_expr_stmt(c, s->u.expr.value);
    case STMT_PASS:
        return comp_addop(c, OP_NOP);
    case STMT_BREAK:
        return visit_break(c, false);
    case STMT_CONTINUE:
        return visit_break(c, true);
    }
    return 0;
}

int comp_visit_stmt(Compiler *c, Stmt *s)
{
    comp_set_loc(c, s->loc);
    return visit_stmt1(c, s);
}

int comp_visit_stmts(Compiler *c, StmtList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(comp_visit_stmt(c, l->v[i]));
    return 0;
}
