/* build.c — the tree builders that the grammar's actions call.
 *
 * Each builder allocates its node in the parser's arena and returns it, or
 * returns NULL after recording the error (MemoryError, or a SyntaxError with
 * CPython 3.11's message and location).  Targets are parsed as expressions
 * and checked here: set_context() marks them Store/Del or names the first
 * part that cannot be a target.  Parameter and call-argument lists arrive as
 * flat item lists and are checked for order here, as CPython's grammar does.
 */
#include <string.h>
#include "parse_int.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/int.h"

void *list_grow(Arena *a, void *old, int n, size_t size)
{
    size_t cap = n ? 2 * (size_t)n : 1;
    void *v = arena_alloc(a, cap * size);
    if (v && n)
        memcpy(v, old, (size_t)n * size);
    return v;
}

static void *node(Parser *p, size_t size)
{
    void *n = arena_alloc(p->arena, size);
    if (!n)
        parse_nomem(p);
    return n;
}

Expr *mk_expr(Parser *p, ExprKind kind, Loc loc)
{
    Expr *e = node(p, sizeof *e);
    if (e) {
        e->kind = kind;
        e->loc = loc;
    }
    return e;
}

Stmt *mk_stmt(Parser *p, StmtKind kind, Loc loc)
{
    Stmt *s = node(p, sizeof *s);
    if (s) {
        s->kind = kind;
        s->loc = loc;
    }
    return s;
}

Expr *mk_constant(Parser *p, Object *value, Loc loc)
{
    Expr *e = mk_expr(p, EXPR_CONSTANT, loc);
    if (e)
        e->u.constant.value = value;
    return e;
}

Expr *mk_singleton(Parser *p, Object *value, Loc loc)
{
    INCREF(value);
    if (arena_add_object(p->arena, value) < 0)
        return parse_nomem(p);
    return mk_constant(p, value, loc);
}

Expr *mk_name(Parser *p, Object *id, ExprCtx ctx, Loc loc)
{
    Expr *e = mk_expr(p, EXPR_NAME, loc);
    if (e) {
        e->u.name.id = id;
        e->u.name.ctx = ctx;
    }
    return e;
}

Expr *mk_binop(Parser *p, Expr *left, int op, Expr *right, Loc loc)
{
    Expr *e = mk_expr(p, EXPR_BINOP, loc);
    if (e) {
        e->u.binop.left = left;
        e->u.binop.op = op;
        e->u.binop.right = right;
    }
    return e;
}

Expr *mk_unary(Parser *p, UnaryOpKind op, Expr *operand, Loc loc)
{
    Expr *e = mk_expr(p, EXPR_UNARYOP, loc);
    if (e) {
        e->u.unaryop.op = op;
        e->u.unaryop.operand = operand;
    }
    return e;
}

Expr *mk_boolop(Parser *p, BoolOpKind op, Expr *left, Expr *right, Loc loc)
{
    Expr *e = mk_expr(p, EXPR_BOOLOP, loc);
    if (!e)
        return NULL;
    e->u.boolop.op = op;
    if (LIST_APPEND(p->arena, e->u.boolop.values, left) < 0
        || LIST_APPEND(p->arena, e->u.boolop.values, right) < 0)
        return parse_nomem(p);
    return e;
}

int compare_append(Parser *p, Expr *cmp, CmpOpKind op, Expr *right)
{
    CmpOpList ops = { cmp->u.compare.n, cmp->u.compare.ops };
    if (LIST_APPEND(p->arena, ops, op) < 0
        || LIST_APPEND(p->arena, cmp->u.compare.comparators, right) < 0) {
        parse_nomem(p);
        return -1;
    }
    cmp->u.compare.n = ops.n;
    cmp->u.compare.ops = ops.v;
    return 0;
}

Expr *mk_compare(Parser *p, Expr *left, CmpOpKind op, Expr *right, Loc loc)
{
    Expr *e = mk_expr(p, EXPR_COMPARE, loc);
    if (!e)
        return NULL;
    e->u.compare.left = left;
    return compare_append(p, e, op, right) < 0 ? NULL : e;
}

Expr *mk_seq(Parser *p, ExprKind kind, ExprList elts, Loc loc)
{
    Expr *e = mk_expr(p, kind, loc);
    if (!e)
        return NULL;
    if (kind == EXPR_SET)
        e->u.set.elts = elts;
    else
        e->u.list.elts = elts;      /* List and Tuple share the layout */
    return e;
}

Expr *mk_comp(Parser *p, ExprKind kind, Expr *elt, ComprehensionList gens, Loc loc)
{
    Expr *e = mk_expr(p, kind, loc);
    if (e) {
        e->u.comp.elt = elt;
        e->u.comp.generators = gens;
    }
    return e;
}

Expr *mk_dictcomp(Parser *p, Expr *key, Expr *value, ComprehensionList gens, Loc loc)
{
    Expr *e = mk_expr(p, EXPR_DICTCOMP, loc);
    if (e) {
        e->u.dictcomp.key = key;
        e->u.dictcomp.value = value;
        e->u.dictcomp.generators = gens;
    }
    return e;
}

/* ---- targets ---- */

/* The word CPython uses for an expression in its messages. */
static const char *expr_name(const Expr *e)
{
    switch (e->kind) {
    case EXPR_ATTRIBUTE: return "attribute";
    case EXPR_SUBSCRIPT: return "subscript";
    case EXPR_STARRED: return "starred";
    case EXPR_NAME: return "name";
    case EXPR_LIST: return "list";
    case EXPR_TUPLE: return "tuple";
    case EXPR_LAMBDA: return "lambda";
    case EXPR_CALL: return "function call";
    case EXPR_BOOLOP: case EXPR_BINOP: case EXPR_UNARYOP: return "expression";
    case EXPR_GENERATOREXP: return "generator expression";
    case EXPR_YIELD: case EXPR_YIELDFROM: return "yield expression";
    case EXPR_AWAIT: return "await expression";
    case EXPR_LISTCOMP: return "list comprehension";
    case EXPR_SETCOMP: return "set comprehension";
    case EXPR_DICTCOMP: return "dict comprehension";
    case EXPR_DICT: return "dict literal";
    case EXPR_SET: return "set display";
    case EXPR_JOINEDSTR: case EXPR_FORMATTEDVALUE: return "f-string expression";
    case EXPR_COMPARE: return "comparison";
    case EXPR_IFEXP: return "conditional expression";
    case EXPR_NAMEDEXPR: return "named expression";
    case EXPR_SLICE: return "slice";
    case EXPR_CONSTANT: break;
    }
    if (e->u.constant.value == None)
        return "None";
    if (e->u.constant.value == True)
        return "True";
    if (e->u.constant.value == False)
        return "False";
    if (e->u.constant.value == Ellipsis)
        return "ellipsis";
    return "literal";
}

int set_context(Parser *p, Expr *e, ExprCtx ctx)
{
    ExprList *elts;
    switch (e->kind) {
    case EXPR_NAME:
        e->u.name.ctx = ctx;
        return 0;
    case EXPR_ATTRIBUTE:
        e->u.attribute.ctx = ctx;
        return 0;
    case EXPR_SUBSCRIPT:
        e->u.subscript.ctx = ctx;
        return 0;
    case EXPR_STARRED:
        if (ctx == CTX_DEL)
            break;
        e->u.starred.ctx = ctx;
        return set_context(p, e->u.starred.value, ctx);
    case EXPR_LIST:
    case EXPR_TUPLE:
        e->u.list.ctx = ctx;
        elts = &e->u.list.elts;
        for (int i = 0; i < elts->n; i++)
            if (set_context(p, elts->v[i], ctx) < 0)
                return -1;
        return 0;
    default:
        break;
    }
    parse_error_at(p, e->loc, ctx == CTX_DEL ? "cannot delete %s" : "cannot assign to %s",
                   expr_name(e));
    return -1;
}

void *namedexpr_error(Parser *p, const Expr *target)
{
    return parse_error_at(p, target->loc, "cannot use assignment expressions with %s",
                          expr_name(target));
}

Expr *mk_namedexpr(Parser *p, Expr *target, Expr *value, Loc loc)
{
    Expr *e;
    if (target->kind != EXPR_NAME)
        return namedexpr_error(p, target);
    target->u.name.ctx = CTX_STORE;
    e = mk_expr(p, EXPR_NAMEDEXPR, loc);
    if (e) {
        e->u.namedexpr.target = target;
        e->u.namedexpr.value = value;
    }
    return e;
}

Comprehension *mk_comprehension(Parser *p, Expr *target, Expr *iter, int is_async)
{
    Comprehension *c;
    if (set_context(p, target, CTX_STORE) < 0)
        return NULL;
    c = node(p, sizeof *c);
    if (c) {
        c->target = target;
        c->iter = iter;
        c->is_async = is_async;
    }
    return c;
}

/* ---- calls ---- */

ArgItem *mk_arg(Parser *p, ArgKind kind, Expr *value, Loc loc)
{
    ArgItem *a = node(p, sizeof *a);
    if (a) {
        a->kind = kind;
        a->value = value;
        a->loc = loc;
    }
    return a;
}

ArgItem *mk_kwarg(Parser *p, Expr *name, Loc eq, Expr *value, Loc loc)
{
    ArgItem *a;
    Loc range = { name->loc.line, name->loc.col, eq.end_line, eq.end_col };
    if (name->kind == EXPR_CONSTANT && (name->u.constant.value == True
            || name->u.constant.value == False || name->u.constant.value == None))
        return parse_error_at(p, range, "cannot assign to %s", expr_name(name));
    if (name->kind != EXPR_NAME || loc.col != name->loc.col || loc.line != name->loc.line)
        return parse_error_at(p, range,
                              "expression cannot contain assignment, perhaps you meant \"==\"?");
    a = mk_arg(p, ARG_KEYWORD, value, loc);
    if (a)
        a->name = name->u.name.id;
    return a;
}

static Keyword *keyword(Parser *p, Object *name, Expr *value, Loc loc)
{
    Keyword *k = node(p, sizeof *k);
    if (k) {
        k->arg = name;
        k->value = value;
        k->loc = loc;
    }
    return k;
}

/* The message for an argument of [kind] that may not come where it is, or
 * NULL. */
static const char *misplaced(ArgKind kind, bool seen_kw, bool seen_dstar)
{
    if (kind == ARG_STAR)
        return seen_dstar ? "iterable argument unpacking follows keyword argument unpacking"
                          : NULL;
    if (kind != ARG_POS && kind != ARG_GENEXP)
        return NULL;
    if (seen_dstar)
        return "positional argument follows keyword argument unpacking";
    return seen_kw ? "positional argument follows keyword argument" : NULL;
}

/* Splits the items of a call's argument list into [args] and [kws];
 * [parens] is where its parentheses are. */
static int split_args(Parser *p, ArgItemList *items, bool trailing_comma, Loc parens,
                      ExprList *args, KeywordList *kws)
{
    bool seen_kw = false, seen_dstar = false;
    for (int i = 0; i < items->n; i++) {
        ArgItem *a = items->v[i];
        const char *msg = misplaced(a->kind, seen_kw, seen_dstar);
        /* CPython shows a misplaced positional argument at the ")", a
         * misplaced "*" at itself */
        Loc loc = { parens.end_line, parens.end_col - 1, parens.end_line, parens.end_col };
        if (a->kind == ARG_STAR)
            loc = (Loc){ a->loc.line, a->loc.col, a->loc.line, a->loc.col + 1 };
        if (msg) {
            parse_error_at(p, loc, "%s", msg);
            return -1;
        }
        if (a->kind == ARG_GENEXP && (items->n > 1 || trailing_comma)) {
            parse_error_at(p, a->loc, "Generator expression must be parenthesized");
            return -1;
        }
        if (a->kind == ARG_KEYWORD || a->kind == ARG_DSTAR) {
            Keyword *k = keyword(p, a->name, a->value, a->loc);
            seen_kw |= a->kind == ARG_KEYWORD;
            seen_dstar |= a->kind == ARG_DSTAR;
            if (!k || LIST_APPEND(p->arena, *kws, k) < 0)
                return parse_nomem(p), -1;
        } else if (LIST_APPEND(p->arena, *args, a->value) < 0) {
            return parse_nomem(p), -1;
        }
    }
    return 0;
}

Expr *mk_call(Parser *p, Expr *func, ArgItemList *items, bool trailing_comma,
              Loc parens, Loc loc)
{
    Expr *e = mk_expr(p, EXPR_CALL, loc);
    if (!e || split_args(p, items, trailing_comma, parens, &e->u.call.args,
                         &e->u.call.keywords) < 0)
        return NULL;
    e->u.call.func = func;
    if (items->n == 1 && items->v[0]->kind == ARG_GENEXP)
        items->v[0]->value->loc = parens;
    return e;
}

Stmt *mk_classdef(Parser *p, Object *name, ArgItemList *items, bool trailing_comma,
                  Loc parens, StmtList body, Loc loc)
{
    Stmt *s;
    for (int i = 0; i < items->n; i++)
        if (items->v[i]->kind == ARG_GENEXP) {
            parse_error_at(p, items->v[i]->for_kw, "invalid syntax");
            return NULL;
        }
    s = mk_stmt(p, STMT_CLASSDEF, loc);
    if (!s || split_args(p, items, trailing_comma, parens, &s->u.classdef.bases,
                         &s->u.classdef.keywords) < 0)
        return NULL;
    s->u.classdef.name = name;
    s->u.classdef.body = body;
    return s;
}

/* ---- parameters ---- */

Arg *mk_argdef(Parser *p, Object *name, Expr *annotation, Loc loc)
{
    Arg *a = node(p, sizeof *a);
    if (a) {
        a->arg = name;
        a->annotation = annotation;
        a->loc = loc;
    }
    return a;
}

Param *mk_param(Parser *p, ParamKind kind, Arg *arg, Expr *default_, Loc loc)
{
    Param *m = node(p, sizeof *m);
    if (m) {
        m->kind = kind;
        m->arg = arg;
        m->default_ = default_;
        m->loc = loc;
    }
    return m;
}

/* Where CPython shows a misplaced "*", "**" or "/": the marker itself. */
static Loc marker_loc(const Param *m)
{
    int width = m->kind == PARAM_DSTAR ? 2 : 1;
    return (Loc){ m->loc.line, m->loc.col, m->loc.line, m->loc.col + width };
}

/* "named arguments must follow bare *": CPython shows it at the "*" of a
 * def, at the token after it ([next]: ':' or "**") in a lambda. */
static void *bare_star_error(Parser *p, const Param *star, const Loc *next,
                             const Loc *lambda_colon)
{
    Loc loc = marker_loc(star);
    if (lambda_colon)
        loc = (Loc){ next->line, next->col, next->line,
                     next->col + (next == lambda_colon ? 1 : 2) };
    return parse_error_at(p, loc, "named arguments must follow bare *");
}

/* Where a parameter list is while it is being read. */
typedef enum { AT_POSITIONAL, AT_KWONLY, AT_END } ParamPhase;

/* Adds one plain parameter to [a]. */
static int add_plain(Parser *p, Arguments *a, Param *m, ParamPhase phase)
{
    if (phase == AT_KWONLY) {
        if (LIST_APPEND(p->arena, a->kwonlyargs, m->arg) < 0
            || LIST_APPEND(p->arena, a->kw_defaults, m->default_) < 0)
            return parse_nomem(p), -1;
        return 0;
    }
    if (m->default_) {
        if (LIST_APPEND(p->arena, a->defaults, m->default_) < 0)
            return parse_nomem(p), -1;
    } else if (a->defaults.n) {
        parse_error_at(p, m->loc, "non-default argument follows default argument");
        return -1;
    }
    if (LIST_APPEND(p->arena, a->args, m->arg) < 0)
        return parse_nomem(p), -1;
    return 0;
}

/* The message for parameter [m] where it stands, or NULL. */
static const char *bad_param(const Arguments *a, const Param *m, ParamPhase phase,
                             bool star_seen)
{
    if (phase == AT_END)
        return "arguments cannot follow var-keyword argument";
    if (m->kind == PARAM_SLASH) {
        if (star_seen)
            return "/ must be ahead of *";
        if (a->posonlyargs.n)
            return "/ may appear only once";
        return a->args.n ? NULL : "at least one argument must precede /";
    }
    if (m->kind == PARAM_STAR && star_seen)
        return "* argument may appear only once";
    return NULL;
}

Arguments *mk_arguments(Parser *p, ParamList *params, const Loc *lambda_colon)
{
    Arguments *a = node(p, sizeof *a);
    ParamPhase phase = AT_POSITIONAL;
    Param *bare_star = NULL;
    if (!a)
        return NULL;
    for (int i = 0; i < params->n; i++) {
        Param *m = params->v[i];
        const char *msg = bad_param(a, m, phase, phase != AT_POSITIONAL);
        if (msg)
            return parse_error_at(p, m->kind == PARAM_PLAIN ? m->loc : marker_loc(m), "%s", msg);
        if (m->kind == PARAM_PLAIN) {
            if (add_plain(p, a, m, phase) < 0)
                return NULL;
            bare_star = NULL;
        } else if (m->kind == PARAM_SLASH) {
            a->posonlyargs = a->args;
            a->args = (ArgList){ 0, NULL };
        } else if (m->kind == PARAM_STAR) {
            a->vararg = m->arg;
            bare_star = m->arg ? NULL : m;
            phase = AT_KWONLY;
        } else {
            if (bare_star)
                return bare_star_error(p, bare_star, &m->loc, lambda_colon);
            a->kwarg = m->arg;
            phase = AT_END;
        }
    }
    if (bare_star)
        return bare_star_error(p, bare_star, lambda_colon, lambda_colon);
    return a;
}

Expr *mk_lambda(Parser *p, ParamList *params, Loc colon, Expr *body, Loc loc)
{
    Arguments *args = mk_arguments(p, params, &colon);
    Expr *e = args ? mk_expr(p, EXPR_LAMBDA, loc) : NULL;
    if (e) {
        e->u.lambda.args = args;
        e->u.lambda.body = body;
    }
    return e;
}

Stmt *mk_funcdef(Parser *p, Object *name, ParamList *params, Expr *returns,
                 StmtList body, Loc loc)
{
    Arguments *args = mk_arguments(p, params, NULL);
    Stmt *s = args ? mk_stmt(p, STMT_FUNCTIONDEF, loc) : NULL;
    if (s) {
        s->u.funcdef.name = name;
        s->u.funcdef.args = args;
        s->u.funcdef.returns = returns;
        s->u.funcdef.body = body;
    }
    return s;
}

/* ---- imports ---- */

Object *join_dotted(Parser *p, Object *left, Object *right)
{
    StrBuilder b;
    Object *s;
    sb_init(&b);
    if (sb_add_str(&b, left) < 0 || sb_add_char(&b, '.') < 0 || sb_add_str(&b, right) < 0) {
        sb_discard(&b);
        return parse_nomem(p);
    }
    s = sb_finish(&b);
    if (!s)
        return parse_nomem(p);
    str_intern(&s);
    if (arena_add_object(p->arena, s) < 0)
        return parse_nomem(p);
    return s;
}

Alias *mk_alias(Parser *p, Object *name, Object *asname, Loc loc)
{
    Alias *a = node(p, sizeof *a);
    if (!a)
        return NULL;
    if (!name) {
        name = str_intern_cstr("*");
        if (!name || arena_add_object(p->arena, name) < 0)
            return parse_nomem(p);
    }
    a->name = name;
    a->asname = asname;
    a->loc = loc;
    return a;
}

/* ---- assignments ---- */

void *target_error_here(Parser *p, const Expr *target)
{
    return parse_error_at(p, target->loc, "cannot assign to %s here. "
                          "Maybe you meant '==' instead of '='?", expr_name(target));
}

/* True if [v] begins with a bitwise-or operand (what CPython's rule for
 * "Maybe you meant '=='" wants on the right of a single '='). */
static bool starts_with_operand(const Expr *v)
{
    for (;;) {
        switch (v->kind) {
        case EXPR_BOOLOP: v = v->u.boolop.values.v[0]; break;
        case EXPR_COMPARE: v = v->u.compare.left; break;
        case EXPR_IFEXP: v = v->u.ifexp.body; break;
        case EXPR_TUPLE:
            if (!v->u.tuple.elts.n)
                return true;
            v = v->u.tuple.elts.v[0];
            break;
        case EXPR_LAMBDA: case EXPR_STARRED: case EXPR_YIELD: case EXPR_YIELDFROM:
            return false;
        case EXPR_UNARYOP:
            return v->u.unaryop.op != UNARY_NOT;
        default:
            return true;
        }
    }
}

/* True for targets CPython reports as "cannot assign to X here. Maybe you
 * meant '==' instead of '='?" in a single assignment. */
static bool maybe_comparison(const Expr *t, bool parenthesized)
{
    switch (t->kind) {
    case EXPR_LIST: case EXPR_TUPLE: case EXPR_GENERATOREXP:
        return false;
    case EXPR_CONSTANT:
        return parenthesized || t->u.constant.value == Ellipsis
            || (t->u.constant.value != None && t->u.constant.value != True
                && t->u.constant.value != False);
    case EXPR_BOOLOP: case EXPR_COMPARE: case EXPR_IFEXP: case EXPR_LAMBDA:
    case EXPR_STARRED: case EXPR_NAMEDEXPR: case EXPR_YIELD: case EXPR_YIELDFROM:
        return parenthesized;
    case EXPR_UNARYOP:
        return parenthesized || t->u.unaryop.op != UNARY_NOT;
    default:
        return true;
    }
}

Stmt *mk_assign(Parser *p, ExprList targets, bool first_parenthesized, Expr *value, Loc loc)
{
    Stmt *s;
    Expr *t = targets.v[0];
    bool invalid = t->kind != EXPR_NAME && t->kind != EXPR_ATTRIBUTE
        && t->kind != EXPR_SUBSCRIPT && t->kind != EXPR_LIST && t->kind != EXPR_TUPLE
        && t->kind != EXPR_STARRED;
    if (targets.n == 1 && invalid && maybe_comparison(t, first_parenthesized)
        && starts_with_operand(value))
        return target_error_here(p, t);
    for (int i = 0; i < targets.n; i++)
        if (set_context(p, targets.v[i], CTX_STORE) < 0)
            return NULL;
    s = mk_stmt(p, STMT_ASSIGN, loc);
    if (s) {
        s->u.assign.targets = targets;
        s->u.assign.value = value;
    }
    return s;
}

Stmt *mk_augassign(Parser *p, Expr *target, int op, Expr *value, Loc loc)
{
    Stmt *s;
    if (target->kind != EXPR_NAME && target->kind != EXPR_ATTRIBUTE
        && target->kind != EXPR_SUBSCRIPT)
        return parse_error_at(p, target->loc,
                              "'%s' is an illegal expression for augmented assignment",
                              expr_name(target));
    set_context(p, target, CTX_STORE);
    s = mk_stmt(p, STMT_AUGASSIGN, loc);
    if (s) {
        s->u.augassign.target = target;
        s->u.augassign.op = op;
        s->u.augassign.value = value;
    }
    return s;
}

Stmt *mk_annassign(Parser *p, Expr *target, bool parenthesized, Expr *annotation,
                   Expr *value, Loc loc)
{
    Stmt *s;
    if (target->kind == EXPR_TUPLE || target->kind == EXPR_LIST)
        return parse_error_at(p, target->loc, "only single target (not %s) can be annotated",
                              expr_name(target));
    if (target->kind != EXPR_NAME && target->kind != EXPR_ATTRIBUTE
        && target->kind != EXPR_SUBSCRIPT)
        return parse_error_at(p, target->loc, "illegal target for annotation");
    set_context(p, target, CTX_STORE);
    s = mk_stmt(p, STMT_ANNASSIGN, loc);
    if (s) {
        s->u.annassign.target = target;
        s->u.annassign.annotation = annotation;
        s->u.annassign.value = value;
        s->u.annassign.simple = target->kind == EXPR_NAME && !parenthesized;
    }
    return s;
}

Stmt *mk_delete(Parser *p, ExprList targets, Loc loc)
{
    Stmt *s;
    for (int i = 0; i < targets.n; i++)
        if (set_context(p, targets.v[i], CTX_DEL) < 0)
            return NULL;
    s = mk_stmt(p, STMT_DELETE, loc);
    if (s)
        s->u.delete_.targets = targets;
    return s;
}

/* ---- compound statements ---- */

Stmt *mk_for(Parser *p, Expr *target, Expr *iter, StmtList body, StmtList orelse, Loc loc)
{
    Stmt *s;
    if (set_context(p, target, CTX_STORE) < 0)
        return NULL;
    s = mk_stmt(p, STMT_FOR, loc);
    if (s) {
        s->u.for_.target = target;
        s->u.for_.iter = iter;
        s->u.for_.body = body;
        s->u.for_.orelse = orelse;
    }
    return s;
}

WithItem *mk_withitem(Parser *p, Expr *context, Expr *vars)
{
    WithItem *w;
    if (vars && set_context(p, vars, CTX_STORE) < 0)
        return NULL;
    w = node(p, sizeof *w);
    if (w) {
        w->context_expr = context;
        w->optional_vars = vars;
    }
    return w;
}

ExceptHandler *mk_handler(Parser *p, Expr *type, Object *name, Suite *body, Loc loc)
{
    ExceptHandler *h = node(p, sizeof *h);
    if (h) {
        h->type = type;
        h->name = name;
        h->body = body->body;
        h->loc = span(loc, body->end);
    }
    return h;
}

StmtList stmt_list1(Parser *p, Stmt *s)
{
    StmtList l = { 0, NULL };
    if (LIST_APPEND(p->arena, l, s) < 0)
        parse_nomem(p);
    return l;
}

int stmts_extend(Parser *p, StmtList *dst, StmtList *src)
{
    for (int i = 0; i < src->n; i++)
        if (LIST_APPEND(p->arena, *dst, src->v[i]) < 0) {
            parse_nomem(p);
            return -1;
        }
    return 0;
}

Loc span(Loc start, Loc end)
{
    return (Loc){ start.line, start.col, end.end_line, end.end_col };
}
