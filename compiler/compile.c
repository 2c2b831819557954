/* compile.c — the compiler's driver: comp_compile, the code units (one per
 * code object under construction), name resolution to LOAD_FAST /
 * LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME, constants, and the definitions that
 * open a scope: functions, lambdas and classes, with their defaults,
 * annotations, closures and decorators.  Code shapes follow CPython 3.11.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "compile.h"
#include "../mem/mem.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/tuple.h"

/* ---- ordered object lists ---- */

int comp_list_add(ObjList *l, Object *o)
{
    int i = comp_map_get(&l->index, o);
    if (i >= 0)
        return i;
    TRY(comp_grow(&l->items, &l->cap, l->n + 1, sizeof(Object *)));
    TRY(comp_map_put(&l->index, o, l->n));
    l->items[l->n] = NEWREF(o);
    return l->n++;
}

int comp_list_find(const ObjList *l, Object *o)
{
    return comp_map_get(&l->index, o);
}

static void list_free(ObjList *l)
{
    for (int i = 0; i < l->n; i++)
        DECREF(l->items[i]);
    mem_free(l->items);
    comp_map_free(&l->index);
}

/* ---- locations and errors ---- */

int comp_error(Compiler *c, const char *fmt, Object *arg)
{
    CodeLoc l = c->u->loc;
    return comp_syntax_error(c->filename, (Loc){ l.line, l.col, l.end_line, l.end_col },
                             fmt, arg);
}

static CompWarnHandler warning_handler;

void comp_set_warning_handler(CompWarnHandler handler)
{
    warning_handler = handler;
}

int comp_warn(Compiler *c, const char *fmt, Object *a, Object *b)
{
    if (!warning_handler)
        return 0;
    Object *msg = b ? str_from_format(fmt, a, b) : a ? str_from_format(fmt, a) : str_from_cstr(fmt);
    if (!msg)
        return -1;
    int r = warning_handler(c->filename, c->u->loc.line, msg);
    if (r < 0) {
        err_clear();
        r = comp_error(c, "%U", msg);
    }
    DECREF(msg);
    return r;
}

/* ---- constants and names ---- */

int comp_add_const(Compiler *c, Object *o)
{
    Object *canon = comp_const_merge(&c->cache, o);
    return canon ? comp_list_add(&c->u->consts, canon) : -1;
}

int comp_load_const(Compiler *c, Object *o)
{
    int i = comp_add_const(c, o);
    TRY(i);
    return comp_addop_i(c, OP_LOAD_CONST, i);
}

int comp_load_const_new(Compiler *c, Object *o)
{
    if (!o)
        return -1;
    int r = comp_load_const(c, o);
    DECREF(o);
    return r;
}

int comp_addop_name(Compiler *c, int op, Object *name)
{
    Object *mangled = comp_mangle(c->u->private_, name);
    if (!mangled)
        return -1;
    int i = comp_list_add(&c->u->names, mangled);
    DECREF(mangled);
    TRY(i);
    return comp_addop_i(c, op, i);
}

static int forbidden_name(Compiler *c, Object *name, ExprCtx ctx)
{
    if (ctx == CTX_LOAD || !str_eq_cstr(name, "__debug__"))
        return 0;
    return comp_error(c, ctx == CTX_STORE ? "cannot assign to __debug__"
                                          : "cannot delete __debug__", NULL);
}

/* The index LOAD_DEREF and friends use before the assembler maps it to a
 * localsplus slot: cells first, then free variables. */
static int deref_index(Unit *u, Object *name, int scope)
{
    if (scope == SC_CELL)
        return comp_list_find(&u->cellvars, name);
    int i = comp_list_find(&u->freevars, name);
    return i < 0 ? -1 : u->cellvars.n + i;
}

static const int name_ops[4][3] = {
    /*            LOAD              STORE            DELETE */
    /* FAST */  { OP_LOAD_FAST,   OP_STORE_FAST,   OP_DELETE_FAST },
    /* DEREF */ { OP_LOAD_DEREF,  OP_STORE_DEREF,  OP_DELETE_DEREF },
    /* GLOBAL */{ OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL },
    /* NAME */  { OP_LOAD_NAME,   OP_STORE_NAME,   OP_DELETE_NAME },
};
enum { KIND_FAST, KIND_DEREF, KIND_GLOBAL, KIND_NAME };

static int access_kind(Unit *u, int scope)
{
    bool function = u->ste->type == BLOCK_FUNCTION;
    switch (scope) {
    case SC_FREE: case SC_CELL: return KIND_DEREF;
    case SC_LOCAL: return function ? KIND_FAST : KIND_NAME;
    case SC_GLOBAL_IMPLICIT: return function ? KIND_GLOBAL : KIND_NAME;
    case SC_GLOBAL_EXPLICIT: return KIND_GLOBAL;
    }
    return KIND_NAME;
}

static int emit_nameop(Compiler *c, Object *mangled, ExprCtx ctx)
{
    Unit *u = c->u;
    int scope = comp_symbol_scope(u->ste, mangled);
    int kind = access_kind(u, scope), op = name_ops[kind][ctx], arg;
    switch (kind) {
    case KIND_FAST:
        arg = comp_list_add(&u->varnames, mangled);
        break;
    case KIND_DEREF:
        arg = deref_index(u, mangled, scope);
        if (ctx == CTX_LOAD && u->ste->type == BLOCK_CLASS)
            op = OP_LOAD_CLASSDEREF;
        break;
    default:
        arg = comp_list_add(&u->names, mangled);
        if (op == OP_LOAD_GLOBAL && arg >= 0)
            arg <<= 1;
        break;
    }
    TRY(arg);
    return comp_addop_i(c, op, arg);
}

int comp_nameop(Compiler *c, Object *name, ExprCtx ctx)
{
    TRY(forbidden_name(c, name, ctx));
    Object *mangled = comp_mangle(c->u->private_, name);
    if (!mangled)
        return -1;
    int r = emit_nameop(c, mangled, ctx);
    DECREF(mangled);
    return r;
}

static int nameop_cstr(Compiler *c, const char *name, ExprCtx ctx)
{
    Object *n = str_intern_cstr(name);
    if (!n)
        return -1;
    int r = comp_nameop(c, n, ctx);
    DECREF(n);
    return r;
}

/* ---- units ---- */

static int cmp_names(const void *a, const void *b)
{
    return str_compare(*(Object *const *)a, *(Object *const *)b);
}

/* The names of [s] whose scope is [scope] or whose flags have [flag],
 * sorted (CPython sorts cell and free variables by name). */
static int names_by_scope(Scope *s, int scope, int flag, ObjList *out)
{
    Object **names = mem_malloc((size_t)(s->nsyms + 1) * sizeof(Object *));
    if (!names) {
        err_nomemory();
        return -1;
    }
    int n = 0, r = 0;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == scope || (s->syms[i].flags & flag))
            names[n++] = s->syms[i].name;
    qsort(names, (size_t)n, sizeof(Object *), cmp_names);
    for (int i = 0; i < n && r >= 0; i++)
        r = comp_list_add(out, names[i]);
    mem_free(names);
    return r < 0 ? -1 : 0;
}

static int init_variables(Unit *u)
{
    Scope *s = u->ste;
    for (int i = 0; i < s->nparams; i++)
        TRY(comp_list_add(&u->varnames, s->params[i]));
    TRY(names_by_scope(s, SC_CELL, 0, &u->cellvars));
    if (s->needs_class_closure) {
        Object *cls = str_intern_cstr("__class__");
        int r = cls ? comp_list_add(&u->cellvars, cls) : -1;
        XDECREF(cls);
        TRY(r);
    }
    return names_by_scope(s, SC_FREE, DEF_FREE_CLASS, &u->freevars);
}

static int set_qualname(Unit *u)
{
    Unit *parent = u->parent;
    bool local = false, nested = parent && parent->kind != UNIT_MODULE;
    if (nested && (u->kind == UNIT_FUNCTION || u->kind == UNIT_CLASS)) {
        Object *mangled = comp_mangle(parent->private_, u->name);
        if (!mangled)
            return -1;
        nested = comp_symbol_scope(parent->ste, mangled) != SC_GLOBAL_EXPLICIT;
        DECREF(mangled);
    }
    if (nested)
        local = parent->kind == UNIT_FUNCTION || parent->kind == UNIT_LAMBDA;
    if (!nested)
        u->qualname = NEWREF(u->name);
    else
        u->qualname = str_from_format(local ? "%U.<locals>.%U" : "%U.%U",
                                      parent->qualname, u->name);
    return u->qualname ? 0 : -1;
}

static void unit_free(Unit *u)
{
    comp_free_blocks(u);
    list_free(&u->consts);
    list_free(&u->names);
    list_free(&u->varnames);
    list_free(&u->cellvars);
    list_free(&u->freevars);
    XDECREF(u->name);
    XDECREF(u->qualname);
    mem_free(u);
}

int comp_enter_scope(Compiler *c, Object *name, UnitKind kind, const void *key,
                     int firstlineno)
{
    Unit *u = mem_calloc(1, sizeof(Unit));
    if (!u) {
        err_nomemory();
        return -1;
    }
    u->parent = c->u;
    u->kind = kind;
    u->ste = comp_symtable_lookup(c->st, key);
    u->name = NEWREF(name);
    u->private_ = c->u ? c->u->private_ : NULL;
    u->firstlineno = firstlineno;
    u->loc = (CodeLoc){ .line = firstlineno, .end_line = firstlineno };
    c->u = u;
    c->nestlevel++;
    TRY(init_variables(u));
    if (kind != UNIT_MODULE)
        TRY(set_qualname(u));
    u->entry = u->cur = comp_new_block(c);
    if (!u->entry)
        return -1;
    /* CPython's RESUME: a module's is on line 0 */
    if (kind == UNIT_MODULE)
        u->loc.line = 0;
    TRY(comp_addop(c, OP_RESUME));
    u->loc.line = firstlineno;
    return 0;
}

void comp_exit_scope(Compiler *c)
{
    Unit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    unit_free(u);
}

/* ---- functions ---- */

/* The scope of [name] in the current unit, for a closure: a class's own
 * __class__ is its cell. */
static int closure_index(Compiler *c, Object *name)
{
    Unit *u = c->u;
    int scope = u->kind == UNIT_CLASS && str_eq_cstr(name, "__class__")
                ? SC_CELL : comp_symbol_scope(u->ste, name);
    int i = deref_index(u, name, scope == SC_CELL ? SC_CELL : SC_FREE);
    if (i < 0)
        err_format(exc_RuntimeError, "compiler: no cell for free variable %R", name);
    return i;
}

static int make_closure(Compiler *c, CodeObject *co, int flags)
{
    if (co->nfreevars) {
        for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
            int arg = closure_index(c, TUPLE_GET(co->localsplusnames, i));
            TRY(arg);
            TRY(comp_addop_i(c, OP_LOAD_CLOSURE, arg));
        }
        flags |= 8;
        TRY(comp_addop_i(c, OP_BUILD_TUPLE, co->nfreevars));
    }
    TRY(comp_load_const(c, (Object *)co));
    return comp_addop_i(c, OP_MAKE_FUNCTION, flags);
}

int comp_finish_function(Compiler *c, int flags, bool add_none)
{
    CodeObject *co = comp_assemble(c, add_none);
    if (!co)
        return -1;
    comp_exit_scope(c);
    int r = make_closure(c, co, flags);
    DECREF(co);
    return r;
}

static int check_debug_arg(Compiler *c, Arg *a)
{
    return a ? forbidden_name(c, a->arg, CTX_STORE) : 0;
}

static int check_debug_args(Compiler *c, Arguments *a)
{
    ArgList *lists[3] = { &a->posonlyargs, &a->args, &a->kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->n; i++)
            TRY(check_debug_arg(c, lists[k]->v[i]));
    TRY(check_debug_arg(c, a->vararg));
    return check_debug_arg(c, a->kwarg);
}

/* Pushes {name: default} for the keyword-only parameters that have one;
 * returns 1 if it pushed a dict, 0 if none have defaults. */
static int kwonly_defaults(Compiler *c, Arguments *a)
{
    ObjList keys = {0};
    int r = 0;
    for (int i = 0; i < a->kwonlyargs.n && r == 0; i++) {
        if (!a->kw_defaults.v[i])
            continue;
        Object *mangled = comp_mangle(c->u->private_, a->kwonlyargs.v[i]->arg);
        r = mangled ? comp_list_add(&keys, mangled) : -1;
        XDECREF(mangled);
        r = r < 0 ? -1 : comp_visit_expr(c, a->kw_defaults.v[i]);
    }
    if (r == 0 && keys.n) {
        r = comp_load_const_new(c, tuple_from_array(keys.items, keys.n));
        r = r < 0 ? -1 : comp_addop_i(c, OP_BUILD_CONST_KEY_MAP, keys.n);
        r = r < 0 ? -1 : 1;
    }
    list_free(&keys);
    return r;
}

int comp_default_arguments(Compiler *c, Arguments *a)
{
    int flags = 0;
    if (a->defaults.n) {
        TRY(comp_visit_exprs(c, &a->defaults));
        TRY(comp_addop_i(c, OP_BUILD_TUPLE, a->defaults.n));
        flags |= 1;
    }
    int r = kwonly_defaults(c, a);
    TRY(r);
    return r ? flags | 2 : flags;
}

static int visit_annotation(Compiler *c, Object *id, Expr *ann, int *len)
{
    if (!ann)
        return 0;
    Object *mangled = comp_mangle(c->u->private_, id);
    TRY(comp_load_const_new(c, mangled));
    *len += 2;
    if (c->future_annotations)
        return comp_load_const_new(c, comp_unparse(ann));
    if (ann->kind == EXPR_STARRED) {
        TRY(comp_visit_expr(c, ann->u.starred.value));
        return comp_addop_i(c, OP_UNPACK_SEQUENCE, 1);
    }
    return comp_visit_expr(c, ann);
}

static int visit_arg_annotations(Compiler *c, ArgList *l, int *len)
{
    for (int i = 0; i < l->n; i++)
        TRY(visit_annotation(c, l->v[i]->arg, l->v[i]->annotation, len));
    return 0;
}

/* Pushes the tuple (name, annotation, ...) and returns 1, or 0 if there
 * are no annotations. */
static int visit_annotations(Compiler *c, Arguments *a, Expr *returns)
{
    int len = 0;
    TRY(visit_arg_annotations(c, &a->args, &len));
    TRY(visit_arg_annotations(c, &a->posonlyargs, &len));
    if (a->vararg)
        TRY(visit_annotation(c, a->vararg->arg, a->vararg->annotation, &len));
    TRY(visit_arg_annotations(c, &a->kwonlyargs, &len));
    if (a->kwarg)
        TRY(visit_annotation(c, a->kwarg->arg, a->kwarg->annotation, &len));
    if (returns) {
        Object *ret = str_intern_cstr("return");
        int r = ret ? visit_annotation(c, ret, returns, &len) : -1;
        XDECREF(ret);
        TRY(r);
    }
    if (!len)
        return 0;
    TRY(comp_addop_i(c, OP_BUILD_TUPLE, len));
    return 1;
}

static int apply_decorators(Compiler *c, ExprList *decorators)
{
    CodeLoc saved = c->u->loc;
    for (int i = decorators->n - 1; i >= 0; i--) {
        comp_set_loc(c, decorators->v[i]->loc);
        TRY(comp_addop_i(c, OP_CALL, 0));
    }
    c->u->loc = saved;
    return 0;
}

static void set_arg_counts(Unit *u, Arguments *a)
{
    u->argcount = a->args.n;
    u->posonlyargcount = a->posonlyargs.n;
    u->kwonlyargcount = a->kwonlyargs.n;
}

Object *comp_docstring(StmtList *body)
{
    if (body->n == 0 || body->v[0]->kind != STMT_EXPR)
        return NULL;
    Expr *e = body->v[0]->u.expr.value;
    if (e->kind != EXPR_CONSTANT || !IS_TYPE(e->u.constant.value, str_type))
        return NULL;
    return e->u.constant.value;
}

int comp_function(Compiler *c, Stmt *s)
{
    Arguments *a = s->u.funcdef.args;
    ExprList *decorators = &s->u.funcdef.decorators;
    if (s->kind == STMT_ASYNCFUNCTIONDEF)
        return comp_error(c, "mempy does not support async functions yet", NULL);
    TRY(check_debug_args(c, a));
    TRY(comp_visit_exprs(c, decorators));
    int firstlineno = decorators->n ? decorators->v[0]->loc.line : s->loc.line;
    int flags = comp_default_arguments(c, a);
    TRY(flags);
    int annotations = visit_annotations(c, a, s->u.funcdef.returns);
    TRY(annotations);
    if (annotations)
        flags |= 4;
    TRY(comp_enter_scope(c, s->u.funcdef.name, UNIT_FUNCTION, s, firstlineno));
    StmtList *body = &s->u.funcdef.body;
    Object *doc = comp_docstring(body);
    TRY(comp_add_const(c, doc ? doc : None));
    set_arg_counts(c->u, a);
    for (int i = doc ? 1 : 0; i < body->n; i++)
        TRY(comp_visit_stmt(c, body->v[i]));
    TRY(comp_finish_function(c, flags, true));
    TRY(apply_decorators(c, decorators));
    return comp_nameop(c, s->u.funcdef.name, CTX_STORE);
}

int comp_lambda(Compiler *c, Expr *e)
{
    Arguments *a = e->u.lambda.args;
    TRY(check_debug_args(c, a));
    int flags = comp_default_arguments(c, a);
    TRY(flags);
    Object *name = str_intern_cstr("<lambda>");
    int r = name ? comp_enter_scope(c, name, UNIT_LAMBDA, e, e->loc.line) : -1;
    XDECREF(name);
    TRY(r);
    /* None first, so that a lambda has no docstring */
    TRY(comp_add_const(c, None));
    set_arg_counts(c->u, a);
    TRY(comp_visit_expr(c, e->u.lambda.body));
    if (c->u->ste->generator)
        return comp_finish_function(c, flags, false);
    TRY(comp_addop(c, OP_RETURN_VALUE));
    return comp_finish_function(c, flags, true);
}

/* The end of a class body returns the __class__ cell (stored as
 * __classcell__) when a method needs it, else None. */
static int class_body_return(Compiler *c)
{
    comp_unset_loc(c);
    if (c->u->ste->needs_class_closure) {
        TRY(comp_addop_i(c, OP_LOAD_CLOSURE, 0));
        TRY(comp_addop_i(c, OP_COPY, 1));
        TRY(nameop_cstr(c, "__classcell__", CTX_STORE));
    } else {
        TRY(comp_load_const(c, None));
    }
    return comp_addop(c, OP_RETURN_VALUE);
}

static int class_body(Compiler *c, Stmt *s)
{
    c->u->private_ = s->u.classdef.name;
    TRY(nameop_cstr(c, "__name__", CTX_LOAD));
    TRY(nameop_cstr(c, "__module__", CTX_STORE));
    TRY(comp_load_const(c, c->u->qualname));
    TRY(nameop_cstr(c, "__qualname__", CTX_STORE));
    TRY(comp_visit_body(c, &s->u.classdef.body));
    return class_body_return(c);
}

int comp_class(Compiler *c, Stmt *s)
{
    ExprList *decorators = &s->u.classdef.decorators;
    TRY(comp_visit_exprs(c, decorators));
    int firstlineno = decorators->n ? decorators->v[0]->loc.line : s->loc.line;
    TRY(comp_enter_scope(c, s->u.classdef.name, UNIT_CLASS, s, firstlineno));
    TRY(class_body(c, s));
    CodeObject *co = comp_assemble(c, true);
    if (!co)
        return -1;
    comp_exit_scope(c);
    int r = comp_addop(c, OP_PUSH_NULL);
    r = r < 0 ? -1 : comp_addop(c, OP_LOAD_BUILD_CLASS);
    r = r < 0 ? -1 : make_closure(c, co, 0);
    DECREF(co);
    TRY(r);
    TRY(comp_load_const(c, s->u.classdef.name));
    TRY(comp_call_helper(c, 2, &s->u.classdef.bases, &s->u.classdef.keywords));
    TRY(apply_decorators(c, decorators));
    return comp_nameop(c, s->u.classdef.name, CTX_STORE);
}

/* ---- modules ---- */

static bool find_ann(StmtList *l);

static bool handlers_have_ann(HandlerList *l)
{
    for (int i = 0; i < l->n; i++)
        if (find_ann(&l->v[i]->body))
            return true;
    return false;
}

/* Whether annotated assignments appear in [l], outside nested scopes. */
static bool find_ann(StmtList *l)
{
    for (int i = 0; i < l->n; i++) {
        Stmt *s = l->v[i];
        switch (s->kind) {
        case STMT_ANNASSIGN:
            return true;
        case STMT_FOR: case STMT_ASYNCFOR:
            if (find_ann(&s->u.for_.body) || find_ann(&s->u.for_.orelse))
                return true;
            break;
        case STMT_WHILE:
            if (find_ann(&s->u.while_.body) || find_ann(&s->u.while_.orelse))
                return true;
            break;
        case STMT_IF:
            if (find_ann(&s->u.if_.body) || find_ann(&s->u.if_.orelse))
                return true;
            break;
        case STMT_WITH: case STMT_ASYNCWITH:
            if (find_ann(&s->u.with.body))
                return true;
            break;
        case STMT_TRY:
            if (handlers_have_ann(&s->u.try_.handlers) || find_ann(&s->u.try_.body) ||
                find_ann(&s->u.try_.finalbody) || find_ann(&s->u.try_.orelse))
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

/* A module or class body: __annotations__, the docstring, statements. */
int comp_visit_body(Compiler *c, StmtList *body)
{
    int i = 0;
    if (c->u->kind == UNIT_MODULE && body->n)
        comp_set_loc(c, body->v[0]->loc);
    if (find_ann(body))
        TRY(comp_addop(c, OP_SETUP_ANNOTATIONS));
    if (comp_docstring(body)) {
        i = 1;
        TRY(comp_visit_expr(c, body->v[0]->u.expr.value));
        comp_unset_loc(c);
        TRY(nameop_cstr(c, "__doc__", CTX_STORE));
    }
    for (; i < body->n; i++)
        TRY(comp_visit_stmt(c, body->v[i]));
    return 0;
}

static const char *const future_features[] = {
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
    "annotations", NULL,
};

static int check_future_features(Compiler *c, Stmt *s)
{
    Loc loc = { s->loc.line, s->loc.col, s->loc.line, -2 };
    for (int i = 0; i < s->u.importfrom.names.n; i++) {
        Object *name = s->u.importfrom.names.v[i]->name;
        int k = 0;
        while (future_features[k] && !str_eq_cstr(name, future_features[k]))
            k++;
        if (future_features[k]) {
            c->future_annotations |= str_eq_cstr(name, "annotations");
            continue;
        }
        if (str_eq_cstr(name, "braces"))
            return comp_syntax_error(c->filename, loc, "not a chance", NULL);
        return comp_syntax_error(c->filename, loc, "future feature %U is not defined", name);
    }
    return 0;
}

static bool is_future_import(Stmt *s)
{
    return s->kind == STMT_IMPORTFROM && s->u.importfrom.module &&
           str_eq_cstr(s->u.importfrom.module, "__future__");
}

/* `from __future__ import` statements may only open a module (after its
 * docstring); records the line of the last one (CPython's future.c). */
static int check_future(Compiler *c, Mod *mod)
{
    bool done = false;
    int prev_line = 0;
    if (mod->mode == PARSE_EVAL)
        return 0;
    for (int i = comp_docstring(&mod->body) ? 1 : 0; i < mod->body.n; i++) {
        Stmt *s = mod->body.v[i];
        if (done && s->loc.line > prev_line)
            return 0;
        prev_line = s->loc.line;
        if (!is_future_import(s)) {
            done = true;
        } else if (done) {
            /* CPython reports this one without the usual +1 on the column */
            Loc loc = { s->loc.line, s->loc.col - 1, s->loc.line, -2 };
            return comp_syntax_error(c->filename, loc,
                "from __future__ imports must occur at the beginning of the file", NULL);
        } else {
            TRY(check_future_features(c, s));
            c->future_lineno = s->loc.line;
        }
    }
    return 0;
}

static int module_body(Compiler *c, Mod *mod)
{
    if (mod->mode == PARSE_EVAL)
        return comp_visit_expr(c, mod->expr);
    if (!c->interactive)
        return comp_visit_body(c, &mod->body);
    if (find_ann(&mod->body))
        TRY(comp_addop(c, OP_SETUP_ANNOTATIONS));
    return comp_visit_stmts(c, &mod->body);
}

static CodeObject *compile_module(Compiler *c, Mod *mod)
{
    Object *name = str_intern_cstr("<module>");
    int r = name ? comp_enter_scope(c, name, UNIT_MODULE, mod, 1) : -1;
    XDECREF(name);
    if (r < 0 || module_body(c, mod) < 0)
        return NULL;
    CodeObject *co = comp_assemble(c, mod->mode != PARSE_EVAL);
    if (co)
        comp_exit_scope(c);
    return co;
}

Object *comp_compile(Mod *mod, Arena *arena, Object *filename, int interactive)
{
    Compiler c = { .filename = filename, .arena = arena,
                   .interactive = interactive && mod->mode != PARSE_EVAL };
    CodeObject *co = NULL;
    if (check_future(&c, mod) == 0 && comp_fold(mod, arena, c.future_annotations) == 0 &&
        (c.st = comp_symtable_build(mod, filename, c.future_annotations)))
        co = compile_module(&c, mod);
    while (c.u)
        comp_exit_scope(&c);
    if (c.st)
        comp_symtable_free(c.st);
    comp_const_cache_free(&c.cache);
    return (Object *)co;
}
