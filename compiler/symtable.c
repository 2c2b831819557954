/* symtable.c — builds the symbol table in two passes, as CPython 3.11's
 * symtable.c does: a walk over the AST records what every scope does with
 * every name (DEF_* flags, parameters, global/nonlocal directives), then an
 * analysis from the module down resolves each name to SC_LOCAL / SC_CELL /
 * SC_FREE / SC_GLOBAL_* and finds the cells.  See symtable.h.
 */
#include <string.h>
#include "symtable.h"
#include "../mem/mem.h"
#include "../vm/errors.h"
#include "../vm/str.h"

struct SymTable {
    Object *filename;           /* borrowed */
    Scope **scopes;             /* every scope, owned */
    int nscopes, capscopes;
    PtrMap bykey;               /* AST node -> index in scopes */
    Scope *top, *cur;
    Scope **stack;              /* the scopes being visited */
    int nstack, capstack;
    Object *private_;           /* innermost class name, for mangling */
    Object *class_cell;         /* "__class__" */
    int depth;
    bool future_annotations;    /* annotations become strings */
};

#define TRY(x) do { if ((x) < 0) return -1; } while (0)

/* ---- scopes and symbols ---- */

static Symbol *find_sym(const Scope *s, Object *name)
{
    int i = comp_map_get(&s->index, name);
    return i < 0 ? NULL : &s->syms[i];
}

int comp_symbol_scope(const Scope *s, Object *name)
{
    Symbol *sym = find_sym(s, name);
    return sym ? sym->scope : 0;
}

int comp_symbol_flags(const Scope *s, Object *name)
{
    Symbol *sym = find_sym(s, name);
    return sym ? sym->flags : 0;
}

/* Adds [name] (interned) with [flags] and [scope]; it must be new. */
static int add_symbol(Scope *s, Object *name, int flags, int scope)
{
    TRY(comp_grow(&s->syms, &s->capsyms, s->nsyms + 1, sizeof(Symbol)));
    TRY(comp_map_put(&s->index, name, s->nsyms));
    s->syms[s->nsyms++] = (Symbol){ NEWREF(name), flags, scope };
    return 0;
}

static int set_flags(Scope *s, Object *name, int flags)
{
    Symbol *sym = find_sym(s, name);
    if (!sym)
        return add_symbol(s, name, flags, 0);
    sym->flags = flags;
    return 0;
}

static void scope_free(Scope *s)
{
    for (int i = 0; i < s->nsyms; i++)
        DECREF(s->syms[i].name);
    XDECREF(s->name);
    mem_free(s->syms);
    comp_map_free(&s->index);
    mem_free(s->params);
    mem_free(s->children);
    mem_free(s->directives);
    mem_free(s);
}

static int register_scope(SymTable *st, Scope *s)
{
    if (comp_grow(&st->scopes, &st->capscopes, st->nscopes + 1, sizeof(Scope *)) < 0) {
        scope_free(s);
        return -1;
    }
    st->scopes[st->nscopes++] = s;
    if (s->type == BLOCK_ANNOTATION)
        return 0;
    return comp_map_put(&st->bykey, s->key, st->nscopes - 1);
}

static int enter_block(SymTable *st, Object *name, BlockType type,
                       const void *key, Loc loc)
{
    Scope *s = mem_calloc(1, sizeof(Scope));
    if (!s) {
        err_nomemory();
        return -1;
    }
    Scope *prev = st->cur;
    s->type = type;
    s->name = NEWREF(name);
    s->key = key;
    s->loc = loc;
    s->nested = prev && (prev->nested || prev->type == BLOCK_FUNCTION);
    s->comp_iter_expr = prev ? prev->comp_iter_expr : 0;
    TRY(register_scope(st, s));
    TRY(comp_grow(&st->stack, &st->capstack, st->nstack + 1, sizeof(Scope *)));
    st->stack[st->nstack++] = s;
    if (prev && type != BLOCK_ANNOTATION) {
        TRY(comp_grow(&prev->children, &prev->capchildren, prev->nchildren + 1,
                      sizeof(Scope *)));
        prev->children[prev->nchildren++] = s;
    }
    st->cur = s;
    return 0;
}

static int enter_named_block(SymTable *st, const char *name, BlockType type,
                             const void *key, Loc loc)
{
    Object *n = str_intern_cstr(name);
    if (!n)
        return -1;
    int r = enter_block(st, n, type, key, loc);
    DECREF(n);
    return r;
}

static void exit_block(SymTable *st)
{
    st->nstack--;
    st->cur = st->nstack ? st->stack[st->nstack - 1] : NULL;
}

/* ---- recording definitions ---- */

static int add_def_mangled(SymTable *st, Scope *s, Object *name, Object *mangled,
                           int flag, Loc loc)
{
    Symbol *sym = find_sym(s, mangled);
    int val = flag;
    if (sym) {
        if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM))
            return comp_syntax_error(st->filename, loc,
                "duplicate argument '%U' in function definition", name);
        val |= sym->flags;
    }
    if (s->comp_iter_target) {
        if (val & (DEF_GLOBAL | DEF_NONLOCAL))
            return comp_syntax_error(st->filename, loc,
                "comprehension inner loop cannot rebind assignment expression "
                "target '%U'", name);
        val |= DEF_COMP_ITER;
    }
    TRY(set_flags(s, mangled, val));
    if (flag & DEF_PARAM) {
        TRY(comp_grow(&s->params, &s->capparams, s->nparams + 1, sizeof(Object *)));
        s->params[s->nparams++] = find_sym(s, mangled)->name;
    } else if (flag & DEF_GLOBAL) {
        TRY(set_flags(st->top, mangled, flag | comp_symbol_flags(st->top, mangled)));
    }
    return 0;
}

/* Records that scope [s] uses [name] as [flag] (the name is mangled). */
static int add_def_in(SymTable *st, Scope *s, Object *name, int flag, Loc loc)
{
    Object *mangled = comp_mangle(st->private_, name);
    if (!mangled)
        return -1;
    int r = add_def_mangled(st, s, name, mangled, flag, loc);
    DECREF(mangled);
    return r;
}

static int add_def(SymTable *st, Object *name, int flag, Loc loc)
{
    return add_def_in(st, st->cur, name, flag, loc);
}

/* The flags of [name] in the current scope, or -1 on error. */
static int lookup(SymTable *st, Object *name)
{
    Object *mangled = comp_mangle(st->private_, name);
    if (!mangled)
        return -1;
    int flags = comp_symbol_flags(st->cur, mangled);
    DECREF(mangled);
    return flags;
}

static int record_directive(SymTable *st, Object *name, Loc loc)
{
    Scope *s = st->cur;
    Object *mangled = comp_mangle(st->private_, name);
    if (!mangled)
        return -1;
    Symbol *sym = find_sym(s, mangled);
    DECREF(mangled);
    TRY(comp_grow(&s->directives, &s->capdirectives, s->ndirectives + 1,
                  sizeof(Directive)));
    s->directives[s->ndirectives++] = (Directive){ sym->name, loc };
    return 0;
}

/* ---- the first pass: visiting the AST ---- */

static int visit_stmt(SymTable *st, Stmt *s);
static int visit_expr(SymTable *st, Expr *e);

static int visit_stmts(SymTable *st, StmtList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(visit_stmt(st, l->v[i]));
    return 0;
}

/* Visits a list whose items may be NULL (dict keys, kw_defaults). */
static int visit_exprs(SymTable *st, ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i])
            TRY(visit_expr(st, l->v[i]));
    return 0;
}

static int visit_opt(SymTable *st, Expr *e)
{
    return e ? visit_expr(st, e) : 0;
}

static int visit_keywords(SymTable *st, KeywordList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(visit_expr(st, l->v[i]->value));
    return 0;
}

static int visit_arg_annotations(SymTable *st, ArgList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(visit_opt(st, l->v[i]->annotation));
    return 0;
}

/* Under `from __future__ import annotations` annotations are visited in
 * a block of their own, whose names are forgotten. */
static int enter_annotation(SymTable *st, const void *key, Loc loc)
{
    return st->future_annotations
           ? enter_named_block(st, "_annotation", BLOCK_ANNOTATION, key, loc) : 0;
}

static void exit_annotation(SymTable *st)
{
    if (st->future_annotations)
        exit_block(st);
}

static int visit_annotation(SymTable *st, Expr *annotation)
{
    TRY(enter_annotation(st, annotation, annotation->loc));
    TRY(visit_expr(st, annotation));
    exit_annotation(st);
    return 0;
}

static int visit_annotations(SymTable *st, Stmt *s, Arguments *a, Expr *returns)
{
    TRY(enter_annotation(st, s, s->loc));
    TRY(visit_arg_annotations(st, &a->posonlyargs));
    TRY(visit_arg_annotations(st, &a->args));
    if (a->vararg)
        TRY(visit_opt(st, a->vararg->annotation));
    if (a->kwarg)
        TRY(visit_opt(st, a->kwarg->annotation));
    TRY(visit_arg_annotations(st, &a->kwonlyargs));
    exit_annotation(st);
    return returns ? visit_annotation(st, returns) : 0;
}

/* Names, yields and awaits mean nothing in an annotation kept as text. */
static int not_in_annotation(SymTable *st, Expr *e, const char *what)
{
    if (st->cur->type != BLOCK_ANNOTATION)
        return 0;
    Object *w = str_from_cstr(what);
    if (!w)
        return -1;
    comp_syntax_error(st->filename, e->loc, "'%U' can not be used within an annotation", w);
    DECREF(w);
    return -1;
}

static int visit_param_list(SymTable *st, ArgList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(add_def(st, l->v[i]->arg, DEF_PARAM, l->v[i]->loc));
    return 0;
}

static int visit_params(SymTable *st, Arguments *a)
{
    TRY(visit_param_list(st, &a->posonlyargs));
    TRY(visit_param_list(st, &a->args));
    TRY(visit_param_list(st, &a->kwonlyargs));
    if (a->vararg) {
        TRY(add_def(st, a->vararg->arg, DEF_PARAM, a->vararg->loc));
        st->cur->varargs = true;
    }
    if (a->kwarg) {
        TRY(add_def(st, a->kwarg->arg, DEF_PARAM, a->kwarg->loc));
        st->cur->varkeywords = true;
    }
    return 0;
}

static int visit_funcdef(SymTable *st, Stmt *s)
{
    Arguments *a = s->u.funcdef.args;
    TRY(add_def(st, s->u.funcdef.name, DEF_LOCAL, s->loc));
    TRY(visit_exprs(st, &a->defaults));
    TRY(visit_exprs(st, &a->kw_defaults));
    TRY(visit_annotations(st, s, a, s->u.funcdef.returns));
    TRY(visit_exprs(st, &s->u.funcdef.decorators));
    TRY(enter_block(st, s->u.funcdef.name, BLOCK_FUNCTION, s, s->loc));
    if (s->kind == STMT_ASYNCFUNCTIONDEF)
        st->cur->coroutine = true;
    TRY(visit_params(st, a));
    TRY(visit_stmts(st, &s->u.funcdef.body));
    exit_block(st);
    return 0;
}

static int visit_classdef(SymTable *st, Stmt *s)
{
    TRY(add_def(st, s->u.classdef.name, DEF_LOCAL, s->loc));
    TRY(visit_exprs(st, &s->u.classdef.bases));
    TRY(visit_keywords(st, &s->u.classdef.keywords));
    TRY(visit_exprs(st, &s->u.classdef.decorators));
    TRY(enter_block(st, s->u.classdef.name, BLOCK_CLASS, s, s->loc));
    Object *saved = st->private_;
    st->private_ = s->u.classdef.name;
    TRY(visit_stmts(st, &s->u.classdef.body));
    st->private_ = saved;
    exit_block(st);
    return 0;
}

static int visit_annassign(SymTable *st, Stmt *s)
{
    Expr *t = s->u.annassign.target;
    if (t->kind == EXPR_NAME) {
        int cur = lookup(st, t->u.name.id);
        TRY(cur);
        if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && st->cur != st->top &&
            s->u.annassign.simple)
            return comp_syntax_error(st->filename, s->loc, cur & DEF_GLOBAL
                ? "annotated name '%U' can't be global"
                : "annotated name '%U' can't be nonlocal", t->u.name.id);
        if (s->u.annassign.simple)
            TRY(add_def(st, t->u.name.id, DEF_ANNOT | DEF_LOCAL, t->loc));
        else if (s->u.annassign.value)
            TRY(add_def(st, t->u.name.id, DEF_LOCAL, t->loc));
    } else {
        TRY(visit_expr(st, t));
    }
    TRY(visit_annotation(st, s->u.annassign.annotation));
    return visit_opt(st, s->u.annassign.value);
}

static const char *directive_conflict(int flags, bool nonlocal)
{
    if (flags & DEF_PARAM)
        return nonlocal ? "name '%U' is parameter and nonlocal"
                        : "name '%U' is parameter and global";
    if (flags & DEF_USE)
        return nonlocal ? "name '%U' is used prior to nonlocal declaration"
                        : "name '%U' is used prior to global declaration";
    if (flags & DEF_ANNOT)
        return nonlocal ? "annotated name '%U' can't be nonlocal"
                        : "annotated name '%U' can't be global";
    return nonlocal ? "name '%U' is assigned to before nonlocal declaration"
                    : "name '%U' is assigned to before global declaration";
}

static int visit_directive(SymTable *st, Stmt *s, bool nonlocal)
{
    NameList *names = nonlocal ? &s->u.nonlocal.names : &s->u.global.names;
    for (int i = 0; i < names->n; i++) {
        Object *name = names->v[i];
        int cur = lookup(st, name);
        TRY(cur);
        if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT))
            return comp_syntax_error(st->filename, s->loc,
                                     directive_conflict(cur, nonlocal), name);
        TRY(add_def(st, name, nonlocal ? DEF_NONLOCAL : DEF_GLOBAL, s->loc));
        TRY(record_directive(st, name, s->loc));
    }
    return 0;
}

static int visit_alias(SymTable *st, Alias *a)
{
    Object *name = a->asname ? a->asname : a->name;
    if (str_eq_cstr(name, "*")) {
        if (st->cur->type != BLOCK_MODULE)
            return comp_syntax_error(st->filename, a->loc,
                                     "import * only allowed at module level", NULL);
        return 0;
    }
    ssize_t dot = str_find_char(name, '.', 0, STR_LEN(name));
    Object *store = dot >= 0 ? str_substr(name, 0, dot) : NEWREF(name);
    if (!store)
        return -1;
    int r = add_def(st, store, DEF_IMPORT, a->loc);
    DECREF(store);
    return r;
}

static int visit_aliases(SymTable *st, AliasList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(visit_alias(st, l->v[i]));
    return 0;
}

static int visit_try(SymTable *st, Stmt *s)
{
    TRY(visit_stmts(st, &s->u.try_.body));
    TRY(visit_stmts(st, &s->u.try_.orelse));
    for (int i = 0; i < s->u.try_.handlers.n; i++) {
        ExceptHandler *h = s->u.try_.handlers.v[i];
        TRY(visit_opt(st, h->type));
        if (h->name)
            TRY(add_def(st, h->name, DEF_LOCAL, h->loc));
        TRY(visit_stmts(st, &h->body));
    }
    return visit_stmts(st, &s->u.try_.finalbody);
}

static int visit_with(SymTable *st, Stmt *s)
{
    for (int i = 0; i < s->u.with.items.n; i++) {
        TRY(visit_expr(st, s->u.with.items.v[i]->context_expr));
        TRY(visit_opt(st, s->u.with.items.v[i]->optional_vars));
    }
    return visit_stmts(st, &s->u.with.body);
}

static int visit_compound(SymTable *st, Expr *a, Expr *b, StmtList *body, StmtList *orelse)
{
    TRY(visit_expr(st, a));
    if (b)
        TRY(visit_expr(st, b));
    TRY(visit_stmts(st, body));
    return visit_stmts(st, orelse);
}

static int visit_stmt1(SymTable *st, Stmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
    case STMT_ASYNCFUNCTIONDEF:
        return visit_funcdef(st, s);
    case STMT_CLASSDEF:
        return visit_classdef(st, s);
    case STMT_RETURN:
        if (s->u.return_.value) {
            TRY(visit_expr(st, s->u.return_.value));
            st->cur->returns_value = true;
        }
        return 0;
    case STMT_DELETE:
        return visit_exprs(st, &s->u.delete_.targets);
    case STMT_ASSIGN:
        TRY(visit_exprs(st, &s->u.assign.targets));
        return visit_expr(st, s->u.assign.value);
    case STMT_ANNASSIGN:
        return visit_annassign(st, s);
    case STMT_AUGASSIGN:
        TRY(visit_expr(st, s->u.augassign.target));
        return visit_expr(st, s->u.augassign.value);
    case STMT_FOR:
    case STMT_ASYNCFOR:
        return visit_compound(st, s->u.for_.target, s->u.for_.iter,
                          &s->u.for_.body, &s->u.for_.orelse);
    case STMT_WHILE:
        return visit_compound(st, s->u.while_.test, NULL, &s->u.while_.body,
                          &s->u.while_.orelse);
    case STMT_IF:
        return visit_compound(st, s->u.if_.test, NULL, &s->u.if_.body, &s->u.if_.orelse);
    case STMT_WITH:
    case STMT_ASYNCWITH:
        return visit_with(st, s);
    case STMT_RAISE:
        TRY(visit_opt(st, s->u.raise.exc));
        return visit_opt(st, s->u.raise.cause);
    case STMT_TRY:
        return visit_try(st, s);
    case STMT_ASSERT:
        TRY(visit_expr(st, s->u.assert_.test));
        return visit_opt(st, s->u.assert_.msg);
    case STMT_IMPORT:
        return visit_aliases(st, &s->u.import.names);
    case STMT_IMPORTFROM:
        return visit_aliases(st, &s->u.importfrom.names);
    case STMT_GLOBAL:
        return visit_directive(st, s, false);
    case STMT_NONLOCAL:
        return visit_directive(st, s, true);
    case STMT_EXPR:
        return visit_expr(st, s->u.expr.value);
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE:
        return 0;
    }
    return 0;
}

static int visit_stmt(SymTable *st, Stmt *s)
{
    if (++st->depth > COMP_MAX_DEPTH)
        return comp_too_deep();
    int r = visit_stmt1(st, s);
    st->depth--;
    return r;
}

static int visit_lambda(SymTable *st, Expr *e)
{
    Arguments *a = e->u.lambda.args;
    TRY(visit_exprs(st, &a->defaults));
    TRY(visit_exprs(st, &a->kw_defaults));
    TRY(enter_named_block(st, "lambda", BLOCK_FUNCTION, e, e->loc));
    TRY(visit_params(st, a));
    TRY(visit_expr(st, e->u.lambda.body));
    exit_block(st);
    return 0;
}

/* The iteration target of a comprehension's `for`. */
static int visit_comp_target(SymTable *st, Expr *target)
{
    st->cur->comp_iter_target = true;
    TRY(visit_expr(st, target));
    st->cur->comp_iter_target = false;
    return 0;
}

/* A comprehension's iterable: no assignment expressions allowed. */
static int visit_comp_iter(SymTable *st, Expr *iter)
{
    st->cur->comp_iter_expr++;
    TRY(visit_expr(st, iter));
    st->cur->comp_iter_expr--;
    return 0;
}

static int visit_inner_generator(SymTable *st, Comprehension *g)
{
    TRY(visit_comp_target(st, g->target));
    TRY(visit_comp_iter(st, g->iter));
    TRY(visit_exprs(st, &g->ifs));
    if (g->is_async)
        st->cur->coroutine = true;
    return 0;
}

static const char *comprehension_name(CompKind kind)
{
    switch (kind) {
    case COMPKIND_LIST: return "listcomp";
    case COMPKIND_SET: return "setcomp";
    case COMPKIND_DICT: return "dictcomp";
    default: return "genexpr";
    }
}

/* A comprehension is a function scope, except that its outermost
 * iterable is evaluated outside, in the enclosing scope. */
static int visit_comprehension(SymTable *st, Expr *e, ComprehensionList *gens,
                               Expr *elt, Expr *value, CompKind kind)
{
    Comprehension *outer = gens->v[0];
    TRY(visit_comp_iter(st, outer->iter));
    TRY(enter_named_block(st, comprehension_name(kind), BLOCK_FUNCTION, e, e->loc));
    Scope *s = st->cur;
    s->comprehension = kind;
    if (outer->is_async)
        s->coroutine = true;
    Object *dot0 = str_intern_cstr(".0");
    if (!dot0)
        return -1;
    int r = add_def(st, dot0, DEF_PARAM, e->loc);
    DECREF(dot0);
    TRY(r);
    TRY(visit_comp_target(st, outer->target));
    TRY(visit_exprs(st, &outer->ifs));
    for (int i = 1; i < gens->n; i++)
        TRY(visit_inner_generator(st, gens->v[i]));
    TRY(visit_opt(st, value));
    TRY(visit_expr(st, elt));
    s->generator = kind == COMPKIND_GEN;
    bool is_async = s->coroutine && kind != COMPKIND_GEN;
    exit_block(st);
    if (is_async)
        st->cur->coroutine = true;
    return 0;
}

static int yield_in_comprehension(SymTable *st, Expr *e)
{
    static const char *const msgs[] = {
        [COMPKIND_LIST] = "'yield' inside list comprehension",
        [COMPKIND_SET] = "'yield' inside set comprehension",
        [COMPKIND_DICT] = "'yield' inside dict comprehension",
        [COMPKIND_GEN] = "'yield' inside generator expression",
    };
    return comp_syntax_error(st->filename, e->loc, msgs[st->cur->comprehension], NULL);
}

static int visit_yield(SymTable *st, Expr *e, Expr *value)
{
    TRY(not_in_annotation(st, e, "yield expression"));
    TRY(visit_opt(st, value));
    st->cur->generator = true;
    if (st->cur->comprehension)
        return yield_in_comprehension(st, e);
    return 0;
}

/* An assignment expression inside a comprehension binds in the nearest
 * enclosing function (or module) scope. */
static int extend_namedexpr_scope(SymTable *st, Expr *target)
{
    Object *name = target->u.name.id;
    Loc loc = target->loc;
    for (int i = st->nstack - 1; i >= 0; i--) {
        Scope *s = st->stack[i];
        if (s->comprehension) {
            if (comp_symbol_flags(s, name) & DEF_COMP_ITER)
                return comp_syntax_error(st->filename, loc,
                    "assignment expression cannot rebind comprehension "
                    "iteration variable '%U'", name);
            continue;
        }
        if (s->type == BLOCK_CLASS)
            return comp_syntax_error(st->filename, loc,
                "assignment expression within a comprehension cannot be used "
                "in a class body", NULL);
        int global = s->type == BLOCK_MODULE ||
                     (comp_symbol_flags(s, name) & DEF_GLOBAL);
        TRY(add_def(st, name, global ? DEF_GLOBAL : DEF_NONLOCAL, loc));
        TRY(record_directive(st, name, loc));
        return add_def_in(st, s, name, s->type == BLOCK_MODULE ? DEF_GLOBAL : DEF_LOCAL, loc);
    }
    return 0;
}

static int visit_namedexpr(SymTable *st, Expr *e)
{
    TRY(not_in_annotation(st, e, "named expression"));
    if (st->cur->comp_iter_expr > 0)
        return comp_syntax_error(st->filename, e->loc,
            "assignment expression cannot be used in a comprehension "
            "iterable expression", NULL);
    if (st->cur->comprehension)
        TRY(extend_namedexpr_scope(st, e->u.namedexpr.target));
    TRY(visit_expr(st, e->u.namedexpr.value));
    return visit_expr(st, e->u.namedexpr.target);
}

static int visit_name(SymTable *st, Expr *e)
{
    int load = e->u.name.ctx == CTX_LOAD;
    TRY(add_def(st, e->u.name.id, load ? DEF_USE : DEF_LOCAL, e->loc));
    if (load && st->cur->type == BLOCK_FUNCTION && str_eq_cstr(e->u.name.id, "super"))
        TRY(add_def(st, st->class_cell, DEF_USE, e->loc));
    return 0;
}

static int visit_call(SymTable *st, Expr *e)
{
    TRY(visit_expr(st, e->u.call.func));
    TRY(visit_exprs(st, &e->u.call.args));
    return visit_keywords(st, &e->u.call.keywords);
}

static int visit_pair(SymTable *st, Expr *a, Expr *b)
{
    TRY(visit_expr(st, a));
    return visit_opt(st, b);
}

static int visit_expr1(SymTable *st, Expr *e)
{
    switch (e->kind) {
    case EXPR_NAMEDEXPR:
        return visit_namedexpr(st, e);
    case EXPR_BOOLOP:
        return visit_exprs(st, &e->u.boolop.values);
    case EXPR_BINOP:
        return visit_pair(st, e->u.binop.left, e->u.binop.right);
    case EXPR_UNARYOP:
        return visit_expr(st, e->u.unaryop.operand);
    case EXPR_LAMBDA:
        return visit_lambda(st, e);
    case EXPR_IFEXP:
        TRY(visit_expr(st, e->u.ifexp.test));
        return visit_pair(st, e->u.ifexp.body, e->u.ifexp.orelse);
    case EXPR_DICT:
        TRY(visit_exprs(st, &e->u.dict.keys));
        return visit_exprs(st, &e->u.dict.values);
    case EXPR_SET:
        return visit_exprs(st, &e->u.set.elts);
    case EXPR_LISTCOMP:
        return visit_comprehension(st, e, &e->u.comp.generators, e->u.comp.elt,
                                   NULL, COMPKIND_LIST);
    case EXPR_SETCOMP:
        return visit_comprehension(st, e, &e->u.comp.generators, e->u.comp.elt,
                                   NULL, COMPKIND_SET);
    case EXPR_GENERATOREXP:
        return visit_comprehension(st, e, &e->u.comp.generators, e->u.comp.elt,
                                   NULL, COMPKIND_GEN);
    case EXPR_DICTCOMP:
        return visit_comprehension(st, e, &e->u.dictcomp.generators,
                                   e->u.dictcomp.key, e->u.dictcomp.value,
                                   COMPKIND_DICT);
    case EXPR_YIELD:
        return visit_yield(st, e, e->u.yield.value);
    case EXPR_YIELDFROM:
        return visit_yield(st, e, e->u.yieldfrom.value);
    case EXPR_AWAIT:
        TRY(not_in_annotation(st, e, "await expression"));
        TRY(visit_expr(st, e->u.await_.value));
        st->cur->coroutine = true;
        return 0;
    case EXPR_COMPARE:
        TRY(visit_expr(st, e->u.compare.left));
        return visit_exprs(st, &e->u.compare.comparators);
    case EXPR_CALL:
        return visit_call(st, e);
    case EXPR_FORMATTEDVALUE:
        return visit_pair(st, e->u.formattedvalue.value, e->u.formattedvalue.format_spec);
    case EXPR_JOINEDSTR:
        return visit_exprs(st, &e->u.joinedstr.values);
    case EXPR_CONSTANT:
        return 0;
    case EXPR_ATTRIBUTE:
        return visit_expr(st, e->u.attribute.value);
    case EXPR_SUBSCRIPT:
        return visit_pair(st, e->u.subscript.value, e->u.subscript.slice);
    case EXPR_STARRED:
        return visit_expr(st, e->u.starred.value);
    case EXPR_SLICE:
        TRY(visit_opt(st, e->u.slice.lower));
        TRY(visit_opt(st, e->u.slice.upper));
        return visit_opt(st, e->u.slice.step);
    case EXPR_NAME:
        return visit_name(st, e);
    case EXPR_LIST:
    case EXPR_TUPLE:
        return visit_exprs(st, &e->u.list.elts);
    }
    return 0;
}

static int visit_expr(SymTable *st, Expr *e)
{
    if (++st->depth > COMP_MAX_DEPTH)
        return comp_too_deep();
    int r = visit_expr1(st, e);
    st->depth--;
    return r;
}

/* ---- the second pass: resolving scopes ---- */

static int set_add(PtrMap *set, Object *name)
{
    return comp_map_put(set, name, 0);
}

static bool set_has(const PtrMap *set, Object *name)
{
    return set && comp_map_get(set, name) >= 0;
}

/* Raises [msg] at the global/nonlocal statement that declared [name]. */
static int directive_error(SymTable *st, Scope *s, Object *name, const char *msg)
{
    Loc loc = s->loc;
    for (int i = 0; i < s->ndirectives; i++)
        if (s->directives[i].name == name) {
            loc = s->directives[i].loc;
            break;
        }
    return comp_syntax_error(st->filename, loc, msg, name);
}

static int analyze_free_name(Symbol *sym, Scope *s, PtrMap *free)
{
    sym->scope = SC_FREE;
    s->free = true;
    return set_add(free, sym->name);
}

static int analyze_name(SymTable *st, Scope *s, Symbol *sym, PtrMap *bound,
                        PtrMap *local, PtrMap *free, PtrMap *global)
{
    Object *name = sym->name;
    int flags = sym->flags;
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL)
            return directive_error(st, s, name, "name '%U' is nonlocal and global");
        sym->scope = SC_GLOBAL_EXPLICIT;
        if (bound)
            comp_map_remove(bound, name);
        return set_add(global, name);
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound)
            return directive_error(st, s, name,
                                   "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return directive_error(st, s, name, "no binding for nonlocal '%U' found");
        return analyze_free_name(sym, s, free);
    }
    if (flags & DEF_BOUND) {
        sym->scope = SC_LOCAL;
        comp_map_remove(global, name);
        return set_add(local, name);
    }
    if (set_has(bound, name))
        return analyze_free_name(sym, s, free);
    if (!set_has(global, name) && s->nested)
        s->free = true;
    sym->scope = SC_GLOBAL_IMPLICIT;
    return 0;
}

/* A function's local that a nested scope uses becomes a cell. */
static void analyze_cells(Scope *s, PtrMap *free)
{
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->scope == SC_LOCAL && set_has(free, sym->name)) {
            sym->scope = SC_CELL;
            comp_map_remove(free, sym->name);
        }
    }
}

/* Records the free names of nested scopes that pass through [s]. */
static int update_symbols(Scope *s, PtrMap *bound, PtrMap *free)
{
    int pos = 0;
    const void *key;
    while ((key = comp_map_next(free, &pos, NULL))) {
        Object *name = (Object *)key;
        Symbol *sym = find_sym(s, name);
        if (sym) {
            if (s->type == BLOCK_CLASS && (sym->flags & (DEF_BOUND | DEF_GLOBAL)))
                sym->flags |= DEF_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name))
            continue;
        TRY(add_symbol(s, name, 0, SC_FREE));
    }
    return 0;
}

static int analyze_block(SymTable *st, Scope *s, PtrMap *bound, PtrMap *free,
                         PtrMap *global);

static int analyze_child(SymTable *st, Scope *child, PtrMap *bound, PtrMap *free,
                         PtrMap *global, PtrMap *child_free)
{
    PtrMap b = {0}, f = {0}, g = {0};
    int r = -1;
    if (comp_map_update(&b, bound) == 0 && comp_map_update(&f, free) == 0 &&
        comp_map_update(&g, global) == 0 &&
        analyze_block(st, child, &b, &f, &g) == 0)
        r = comp_map_update(child_free, &f);
    comp_map_free(&b);
    comp_map_free(&f);
    comp_map_free(&g);
    return r;
}

/* The names visible to nested scopes: what enclosing functions bind, and
 * the explicit globals. */
static int visible_names(SymTable *st, Scope *s, PtrMap *bound, PtrMap *local,
                         PtrMap *global, PtrMap *newbound, PtrMap *newglobal)
{
    if (s->type == BLOCK_FUNCTION)
        TRY(comp_map_update(newbound, local));
    if (bound)
        TRY(comp_map_update(newbound, bound));
    TRY(comp_map_update(newglobal, global));
    if (s->type == BLOCK_CLASS)
        TRY(set_add(newbound, st->class_cell));
    return 0;
}

static int analyze_children(SymTable *st, Scope *s, PtrMap *newbound,
                            PtrMap *newfree, PtrMap *newglobal)
{
    PtrMap allfree = {0};
    int r = 0;
    for (int i = 0; i < s->nchildren && r == 0; i++) {
        Scope *child = s->children[i];
        r = analyze_child(st, child, newbound, newfree, newglobal, &allfree);
        if (child->free || child->child_free)
            s->child_free = true;
    }
    if (r == 0)
        r = comp_map_update(newfree, &allfree);
    comp_map_free(&allfree);
    return r;
}

static int analyze_names(SymTable *st, Scope *s, PtrMap *bound, PtrMap *free,
                         PtrMap *global, PtrMap *local)
{
    for (int i = 0; i < s->nsyms; i++)
        TRY(analyze_name(st, s, &s->syms[i], bound, local, free, global));
    return 0;
}

static int analyze_block(SymTable *st, Scope *s, PtrMap *bound, PtrMap *free,
                         PtrMap *global)
{
    PtrMap local = {0}, newbound = {0}, newfree = {0}, newglobal = {0};
    int r = -1;
    /* class bindings are not visible to methods: snapshot before analysis */
    if (s->type == BLOCK_CLASS &&
        visible_names(st, s, bound, &local, global, &newbound, &newglobal) < 0)
        goto done;
    if (analyze_names(st, s, bound, free, global, &local) < 0)
        goto done;
    if (s->type != BLOCK_CLASS &&
        visible_names(st, s, bound, &local, global, &newbound, &newglobal) < 0)
        goto done;
    if (analyze_children(st, s, &newbound, &newfree, &newglobal) < 0)
        goto done;
    if (s->type == BLOCK_FUNCTION)
        analyze_cells(s, &newfree);
    if (s->type == BLOCK_CLASS && set_has(&newfree, st->class_cell)) {
        comp_map_remove(&newfree, st->class_cell);
        s->needs_class_closure = true;
    }
    if (update_symbols(s, bound, &newfree) == 0)
        r = comp_map_update(free, &newfree);
done:
    comp_map_free(&local);
    comp_map_free(&newbound);
    comp_map_free(&newfree);
    comp_map_free(&newglobal);
    return r;
}

static int analyze(SymTable *st)
{
    PtrMap free = {0}, global = {0};
    int r = analyze_block(st, st->top, NULL, &free, &global);
    comp_map_free(&free);
    comp_map_free(&global);
    return r;
}

/* ---- the table ---- */

static int build(SymTable *st, Mod *mod)
{
    Object *top = str_intern_cstr("top");
    if (!top)
        return -1;
    int r = enter_block(st, top, BLOCK_MODULE, mod, (Loc){ 0, 0, 0, 0 });
    DECREF(top);
    TRY(r);
    st->top = st->cur;
    if (mod->mode == PARSE_EVAL)
        TRY(visit_expr(st, mod->expr));
    else
        TRY(visit_stmts(st, &mod->body));
    exit_block(st);
    return analyze(st);
}

SymTable *comp_symtable_build(Mod *mod, Object *filename, bool future_annotations)
{
    SymTable *st = mem_calloc(1, sizeof(SymTable));
    if (!st) {
        err_nomemory();
        return NULL;
    }
    st->filename = filename;
    st->future_annotations = future_annotations;
    st->class_cell = str_intern_cstr("__class__");
    if (!st->class_cell || build(st, mod) < 0) {
        comp_symtable_free(st);
        return NULL;
    }
    return st;
}

void comp_symtable_free(SymTable *st)
{
    for (int i = 0; i < st->nscopes; i++)
        scope_free(st->scopes[i]);
    mem_free(st->scopes);
    mem_free(st->stack);
    comp_map_free(&st->bykey);
    XDECREF(st->class_cell);
    mem_free(st);
}

Scope *comp_symtable_lookup(SymTable *st, const void *key)
{
    int i = comp_map_get(&st->bykey, key);
    return i < 0 ? NULL : st->scopes[i];
}

Scope *comp_symtable_top(SymTable *st)
{
    return st->top;
}
