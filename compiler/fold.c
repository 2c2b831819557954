/* fold.c — constant folding on the AST, as CPython 3.11's ast_opt.c.
 *
 * Operators on constants become constants (`2 * 3`, `-1`, `"ab"[1]`),
 * tuples of constants become constant tuples, `not (a is b)` becomes
 * `a is not b`, a list or set iterated by `for` or tested with `in`
 * becomes a tuple or frozenset, `__debug__` becomes True, and
 * `"%s %r" % (a, b)` becomes an f-string.  Results are bounded as CPython
 * bounds them (ints of 128 bits from * ** <<, strings of 4096, tuples of
 * 256 items); an operation that fails (1/0) is left for run time.  Every
 * new constant is handed to the arena, which owns the AST's objects.
 */
#include <stdio.h>
#include "internal.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/tuple.h"
#include "../vm/set.h"

#define MAX_INT_SIZE 128        /* bits */
#define MAX_COLLECTION_SIZE 256 /* items */
#define MAX_STR_SIZE 4096       /* characters */
#define MAX_TOTAL_ITEMS 1024    /* including nested collections */

typedef struct {
    Arena *arena;
    int depth;
    bool keep_annotations;      /* they become strings: leave them as written */
} Folder;

static int fold_expr(Folder *f, Expr *e);
static int fold_stmts(Folder *f, StmtList *l);

/* Makes [node] the constant [value] (new reference, or NULL when the
 * operation failed or was refused: then the node stays as it is). */
static int make_const(Folder *f, Expr *node, Object *value)
{
    if (!value) {
        if (err_matches(exc_KeyboardInterrupt))
            return -1;
        err_clear();
        return 0;
    }
    TRY(arena_add_object(f->arena, value));
    node->kind = EXPR_CONSTANT;
    node->u.constant.value = value;
    node->u.constant.kind = NULL;
    return 0;
}

/* ---- bounded operations ---- */

static bool is_int(Object *o)
{
    return TYPE_CHECK(o, int_type);
}

static long num_bits(Object *o)
{
    ssize_t n = SIZE(o) < 0 ? -SIZE(o) : SIZE(o);
    if (n == 0)
        return 0;
    long bits = (long)(n - 1) * INT_SHIFT;
    for (digit d = ((IntObject *)o)->digits[n - 1]; d; d >>= 1)
        bits++;
    return bits;
}

/* The value of int [o] if it is in [0, LONG_MAX], else -1. */
static long non_negative(Object *o)
{
    long v;
    return int_fits_long(o, &v) && v >= 0 ? v : -1;
}

static ssize_t collection_size(Object *o)
{
    if (TYPE_CHECK(o, tuple_type))
        return SIZE(o);
    if (TYPE_CHECK(o, frozenset_type))
        return set_size(o);
    return -1;
}

static ssize_t check_complexity(Object *o, ssize_t limit)
{
    if (TYPE_CHECK(o, tuple_type)) {
        limit -= SIZE(o);
        for (ssize_t i = 0; limit >= 0 && i < SIZE(o); i++)
            limit = check_complexity(TUPLE_GET(o, i), limit);
    } else if (TYPE_CHECK(o, frozenset_type)) {
        ssize_t pos = 0;
        Object *item;
        limit -= set_size(o);
        while (limit >= 0 && set_next(o, &pos, &item))
            limit = check_complexity(item, limit);
    }
    return limit;
}

static bool is_text(Object *o)
{
    return TYPE_CHECK(o, str_type) || TYPE_CHECK(o, bytes_type);
}

static ssize_t text_size(Object *o)
{
    return TYPE_CHECK(o, str_type) ? STR_LEN(o) : SIZE(o);
}

/* n * sequence, refused when the result would be too big. */
static bool repeat_allowed(Object *n, Object *seq)
{
    ssize_t size = collection_size(seq);
    if (size > 0) {
        long k = non_negative(n);
        return k >= 0 && k <= MAX_COLLECTION_SIZE / size &&
               (k == 0 || check_complexity(seq, MAX_TOTAL_ITEMS / k) >= 0);
    }
    if (size < 0 && text_size(seq) > 0) {
        long k = non_negative(n);
        return k >= 0 && k <= MAX_STR_SIZE / text_size(seq);
    }
    return true;
}

static bool is_sequence(Object *o)
{
    return collection_size(o) >= 0 || is_text(o);
}

static Object *safe_multiply(Object *v, Object *w)
{
    if (is_int(v) && is_int(w) && SIZE(v) && SIZE(w)) {
        if (num_bits(v) + num_bits(w) > MAX_INT_SIZE)
            return NULL;
    } else if (is_int(v) && is_sequence(w)) {
        if (!repeat_allowed(v, w))
            return NULL;
    } else if (is_int(w) && is_sequence(v)) {
        return safe_multiply(w, v);
    }
    return num_binop(v, w, BINOP_MULTIPLY);
}

static Object *safe_power(Object *v, Object *w)
{
    if (is_int(v) && is_int(w) && SIZE(v) && SIZE(w) > 0) {
        long wbits = non_negative(w);
        if (wbits < 0 || num_bits(v) > MAX_INT_SIZE / wbits)
            return NULL;
    }
    return num_binop(v, w, BINOP_POWER);
}

static Object *safe_lshift(Object *v, Object *w)
{
    if (is_int(v) && is_int(w) && SIZE(v) && SIZE(w)) {
        long wbits = non_negative(w);
        if (wbits < 0 || wbits > MAX_INT_SIZE || num_bits(v) > MAX_INT_SIZE - wbits)
            return NULL;
    }
    return num_binop(v, w, BINOP_LSHIFT);
}

static Object *safe_mod(Object *v, Object *w)
{
    return is_text(v) ? NULL : num_binop(v, w, BINOP_REMAINDER);
}

/* ---- "%s" % (a, b) as an f-string ---- */

static Expr *new_expr(Folder *f, ExprKind kind, Loc loc)
{
    Expr *e = arena_alloc(f->arena, sizeof(Expr));
    if (e) {
        e->kind = kind;
        e->loc = loc;
    }
    return e;
}

static const Loc NO_LOC = { -1, -1, -1, -1 };

static Expr *new_str_constant(Folder *f, Object *s)
{
    if (!s || arena_add_object(f->arena, s) < 0)
        return NULL;
    Expr *e = new_expr(f, EXPR_CONSTANT, NO_LOC);
    if (e)
        e->u.constant.value = s;
    return e;
}

/* The literal text from *[pos] up to the next single '%' ('%%' is '%');
 * *[lit] is NULL when it is empty. */
static int parse_literal(Folder *f, Object *fmt, ssize_t *pos, Expr **lit)
{
    ssize_t len = STR_LEN(fmt), p = *pos;
    StrBuilder sb;
    sb_init(&sb);
    while (p < len) {
        uint32_t ch = str_read(fmt, p);
        if (ch == '%' && !(p + 1 < len && str_read(fmt, p + 1) == '%'))
            break;
        p += ch == '%' ? 2 : 1;
        if (sb_add_char(&sb, ch) < 0) {
            sb_discard(&sb);
            return -1;
        }
    }
    *lit = NULL;
    if (p == *pos) {
        sb_discard(&sb);
        return 0;
    }
    *pos = p;
    *lit = new_str_constant(f, sb_finish(&sb));
    return *lit ? 0 : -1;
}

#define MAXDIGITS 3

/* Reads digits into *[value]; false when there are MAXDIGITS or more, or
 * the format ends. */
static bool parse_number(Object *fmt, ssize_t *pos, uint32_t *ch, int *value)
{
    int digits = 0;
    *value = 0;
    while (*ch >= '0' && *ch <= '9') {
        *value = *value * 10 + (int)(*ch - '0');
        if (*pos >= STR_LEN(fmt) || ++digits >= MAXDIGITS)
            return false;
        *ch = str_read(fmt, (*pos)++);
    }
    return true;
}

/* Parses flags, width, precision and conversion after a '%'. */
static bool parse_spec(Object *fmt, ssize_t *pos, uint32_t *spec, bool *ljust,
                       int *width, int *prec)
{
    ssize_t p = *pos;
    uint32_t ch;
    *ljust = false;
    do {
        if (p >= STR_LEN(fmt))
            return false;
        ch = str_read(fmt, p++);
        *ljust |= ch == '-';
    } while (ch == '-' || ch == '+' || ch == ' ' || ch == '#' || ch == '0');
    if (ch >= '0' && ch <= '9' && !parse_number(fmt, &p, &ch, width))
        return false;
    if (ch == '.') {
        if (p >= STR_LEN(fmt))
            return false;
        ch = str_read(fmt, p++);
        if (!parse_number(fmt, &p, &ch, prec))
            return false;
    }
    *spec = ch;
    *pos = p;
    return true;
}

/* One %s / %r / %a unit applied to [arg]; *[out] NULL if unsupported. */
static int parse_format(Folder *f, Object *fmt, ssize_t *pos, Expr *arg, Expr **out)
{
    uint32_t spec;
    bool ljust;
    int width = -1, prec = -1;
    *out = NULL;
    if (!parse_spec(fmt, pos, &spec, &ljust, &width, &prec) ||
        (spec != 's' && spec != 'r' && spec != 'a'))
        return 0;
    char buf[16], *p = buf;
    if (!ljust && width > 0)
        *p++ = '>';
    if (width >= 0)
        p += snprintf(p, 4, "%d", width);
    if (prec >= 0)
        p += snprintf(p, 5, ".%d", prec);
    *p = 0;
    Expr *fspec = NULL;
    if (p != buf && !(fspec = new_str_constant(f, str_from_cstr(buf))))
        return -1;
    Expr *e = new_expr(f, EXPR_FORMATTEDVALUE, arg->loc);
    if (!e)
        return -1;
    e->u.formattedvalue.value = arg;
    e->u.formattedvalue.conversion = (int)spec;
    e->u.formattedvalue.format_spec = fspec;
    *out = e;
    return 0;
}

/* The pieces of the f-string; *[n] stays -1 when the format does not
 * qualify (unsupported unit, or too few or too many items). */
static int format_pieces(Folder *f, Object *fmt, ExprList *elts, Expr **seq, int *n)
{
    ssize_t pos = 0;
    int items = 0, count = 0;
    *n = -1;
    for (;;) {
        Expr *lit;
        TRY(parse_literal(f, fmt, &pos, &lit));
        if (lit)
            seq[count++] = lit;
        if (pos >= STR_LEN(fmt))
            break;
        if (items >= elts->n)
            return 0;
        pos++;
        Expr *value;
        TRY(parse_format(f, fmt, &pos, elts->v[items++], &value));
        if (!value)
            return 0;
        seq[count++] = value;
    }
    if (items == elts->n)
        *n = count;
    return 0;
}

static int optimize_format(Folder *f, Expr *node, Object *fmt, ExprList *elts)
{
    Expr **seq = arena_alloc(f->arena, sizeof(Expr *) * (size_t)(elts->n * 2 + 1));
    int n;
    if (!seq || format_pieces(f, fmt, elts, seq, &n) < 0)
        return -1;
    if (n < 0)
        return 0;
    node->kind = EXPR_JOINEDSTR;
    node->u.joinedstr.values = (ExprList){ n, seq };
    return 0;
}

/* ---- folding the nodes ---- */

static bool has_starred(ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i]->kind == EXPR_STARRED)
            return true;
    return false;
}

static int fold_binop(Folder *f, Expr *node)
{
    Expr *lhs = node->u.binop.left, *rhs = node->u.binop.right;
    int op = node->u.binop.op;
    if (lhs->kind != EXPR_CONSTANT)
        return 0;
    Object *lv = lhs->u.constant.value;
    if (op == BINOP_REMAINDER && rhs->kind == EXPR_TUPLE && TYPE_CHECK(lv, str_type) &&
        !has_starred(&rhs->u.tuple.elts))
        return optimize_format(f, node, lv, &rhs->u.tuple.elts);
    if (rhs->kind != EXPR_CONSTANT || op == BINOP_MATMUL)
        return 0;
    Object *rv = rhs->u.constant.value, *r;
    switch (op) {
    case BINOP_MULTIPLY: r = safe_multiply(lv, rv); break;
    case BINOP_REMAINDER: r = safe_mod(lv, rv); break;
    case BINOP_POWER: r = safe_power(lv, rv); break;
    case BINOP_LSHIFT: r = safe_lshift(lv, rv); break;
    default: r = num_binop(lv, rv, op); break;
    }
    return make_const(f, node, r);
}

/* not (a is b) is a is not b; likewise for in.  (Not for == and <:
 * they need not be each other's negation.) */
static void fold_not_compare(Expr *node, Expr *arg)
{
    CmpOpKind op = arg->u.compare.ops[0];
    switch (op) {
    case CMPOP_IS: op = CMPOP_ISNOT; break;
    case CMPOP_ISNOT: op = CMPOP_IS; break;
    case CMPOP_IN: op = CMPOP_NOTIN; break;
    case CMPOP_NOTIN: op = CMPOP_IN; break;
    default: return;
    }
    arg->u.compare.ops[0] = op;
    *node = *arg;
}

static Object *unary_value(UnaryOpKind op, Object *v)
{
    switch (op) {
    case UNARY_INVERT: return num_invert(v);
    case UNARY_UADD: return num_positive(v);
    case UNARY_USUB: return num_negative(v);
    default: {
        int r = obj_not(v);
        return r < 0 ? NULL : bool_from(r);
    }
    }
}

static int fold_unaryop(Folder *f, Expr *node)
{
    Expr *arg = node->u.unaryop.operand;
    if (arg->kind == EXPR_CONSTANT)
        return make_const(f, node, unary_value(node->u.unaryop.op, arg->u.constant.value));
    if (node->u.unaryop.op == UNARY_NOT && arg->kind == EXPR_COMPARE && arg->u.compare.n == 1)
        fold_not_compare(node, arg);
    return 0;
}

/* A tuple of the constants [l], or NULL if one is not a constant. */
static Object *const_tuple(ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i]->kind != EXPR_CONSTANT)
            return NULL;
    Object *t = tuple_new(l->n);
    if (t)
        for (int i = 0; i < l->n; i++)
            TUPLE_ITEMS(t)[i] = NEWREF(l->v[i]->u.constant.value);
    return t;
}

static int fold_tuple(Folder *f, Expr *node)
{
    if (node->u.tuple.ctx != CTX_LOAD)
        return 0;
    return make_const(f, node, const_tuple(&node->u.tuple.elts));
}

static int fold_subscr(Folder *f, Expr *node)
{
    Expr *value = node->u.subscript.value, *index = node->u.subscript.slice;
    if (node->u.subscript.ctx != CTX_LOAD || value->kind != EXPR_CONSTANT ||
        index->kind != EXPR_CONSTANT)
        return 0;
    return make_const(f, node, obj_getitem(value->u.constant.value,
                                           index->u.constant.value));
}

/* An iterated list display is a tuple, and may be a constant one; a set
 * display of constants is a frozenset. */
static int fold_iter(Folder *f, Expr *arg)
{
    Object *value;
    if (arg->kind == EXPR_LIST) {
        if (has_starred(&arg->u.list.elts))
            return 0;
        arg->kind = EXPR_TUPLE;
        value = const_tuple(&arg->u.tuple.elts);
    } else if (arg->kind == EXPR_SET) {
        Object *t = const_tuple(&arg->u.set.elts);
        value = t ? frozenset_new(t) : NULL;
        XDECREF(t);
    } else {
        return 0;
    }
    return make_const(f, arg, value);
}

static int fold_compare(Folder *f, Expr *node)
{
    int last = node->u.compare.n - 1;
    CmpOpKind op = node->u.compare.ops[last];
    if (op == CMPOP_IN || op == CMPOP_NOTIN)
        return fold_iter(f, node->u.compare.comparators.v[last]);
    return 0;
}

static int fold_exprs(Folder *f, ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i])
            TRY(fold_expr(f, l->v[i]));
    return 0;
}

static int fold_opt(Folder *f, Expr *e)
{
    return e ? fold_expr(f, e) : 0;
}

static int fold_generators(Folder *f, ComprehensionList *gens)
{
    for (int i = 0; i < gens->n; i++) {
        Comprehension *g = gens->v[i];
        TRY(fold_expr(f, g->target));
        TRY(fold_expr(f, g->iter));
        TRY(fold_exprs(f, &g->ifs));
        TRY(fold_iter(f, g->iter));
    }
    return 0;
}

static int fold_annotation(Folder *f, Expr *e)
{
    return f->keep_annotations ? 0 : fold_opt(f, e);
}

static int fold_arg_list(Folder *f, ArgList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(fold_annotation(f, l->v[i]->annotation));
    return 0;
}

static int fold_arguments(Folder *f, Arguments *a)
{
    TRY(fold_arg_list(f, &a->posonlyargs));
    TRY(fold_arg_list(f, &a->args));
    if (a->vararg)
        TRY(fold_annotation(f, a->vararg->annotation));
    TRY(fold_arg_list(f, &a->kwonlyargs));
    if (a->kwarg)
        TRY(fold_annotation(f, a->kwarg->annotation));
    TRY(fold_exprs(f, &a->kw_defaults));
    return fold_exprs(f, &a->defaults);
}

static int fold_keywords(Folder *f, KeywordList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(fold_expr(f, l->v[i]->value));
    return 0;
}

static int fold_name(Folder *f, Expr *e)
{
    if (e->u.name.ctx != CTX_LOAD || !str_eq_cstr(e->u.name.id, "__debug__"))
        return 0;
    return make_const(f, e, bool_from(1));
}

static int fold_expr1(Folder *f, Expr *e)
{
    switch (e->kind) {
    case EXPR_BOOLOP:
        return fold_exprs(f, &e->u.boolop.values);
    case EXPR_BINOP:
        TRY(fold_expr(f, e->u.binop.left));
        TRY(fold_expr(f, e->u.binop.right));
        return fold_binop(f, e);
    case EXPR_UNARYOP:
        TRY(fold_expr(f, e->u.unaryop.operand));
        return fold_unaryop(f, e);
    case EXPR_LAMBDA:
        TRY(fold_arguments(f, e->u.lambda.args));
        return fold_expr(f, e->u.lambda.body);
    case EXPR_IFEXP:
        TRY(fold_expr(f, e->u.ifexp.test));
        TRY(fold_expr(f, e->u.ifexp.body));
        return fold_expr(f, e->u.ifexp.orelse);
    case EXPR_DICT:
        TRY(fold_exprs(f, &e->u.dict.keys));
        return fold_exprs(f, &e->u.dict.values);
    case EXPR_SET:
        return fold_exprs(f, &e->u.set.elts);
    case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_GENERATOREXP:
        TRY(fold_expr(f, e->u.comp.elt));
        return fold_generators(f, &e->u.comp.generators);
    case EXPR_DICTCOMP:
        TRY(fold_expr(f, e->u.dictcomp.key));
        TRY(fold_expr(f, e->u.dictcomp.value));
        return fold_generators(f, &e->u.dictcomp.generators);
    case EXPR_AWAIT: case EXPR_YIELD: case EXPR_YIELDFROM:
        return fold_opt(f, e->u.yield.value);
    case EXPR_COMPARE:
        TRY(fold_expr(f, e->u.compare.left));
        TRY(fold_exprs(f, &e->u.compare.comparators));
        return fold_compare(f, e);
    case EXPR_CALL:
        TRY(fold_expr(f, e->u.call.func));
        TRY(fold_exprs(f, &e->u.call.args));
        return fold_keywords(f, &e->u.call.keywords);
    case EXPR_FORMATTEDVALUE:
        TRY(fold_expr(f, e->u.formattedvalue.value));
        return fold_opt(f, e->u.formattedvalue.format_spec);
    case EXPR_JOINEDSTR:
        return fold_exprs(f, &e->u.joinedstr.values);
    case EXPR_ATTRIBUTE:
        return fold_expr(f, e->u.attribute.value);
    case EXPR_SUBSCRIPT:
        TRY(fold_expr(f, e->u.subscript.value));
        TRY(fold_expr(f, e->u.subscript.slice));
        return fold_subscr(f, e);
    case EXPR_STARRED:
        return fold_expr(f, e->u.starred.value);
    case EXPR_SLICE:
        TRY(fold_opt(f, e->u.slice.lower));
        TRY(fold_opt(f, e->u.slice.upper));
        return fold_opt(f, e->u.slice.step);
    case EXPR_LIST:
        return fold_exprs(f, &e->u.list.elts);
    case EXPR_TUPLE:
        TRY(fold_exprs(f, &e->u.tuple.elts));
        return fold_tuple(f, e);
    case EXPR_NAME:
        return fold_name(f, e);
    case EXPR_NAMEDEXPR:
        return fold_expr(f, e->u.namedexpr.value);
    case EXPR_CONSTANT:
        return 0;
    }
    return 0;
}

static int fold_expr(Folder *f, Expr *e)
{
    if (++f->depth > COMP_MAX_DEPTH)
        return comp_too_deep();
    int r = fold_expr1(f, e);
    f->depth--;
    return r;
}

/* A body whose first statement only became a string by folding keeps
 * it from turning into a docstring (it is wrapped in an f-string). */
static int fold_body(Folder *f, StmtList *body)
{
    bool had_doc = comp_docstring(body) != NULL;
    TRY(fold_stmts(f, body));
    if (had_doc || !comp_docstring(body))
        return 0;
    Stmt *s = body->v[0];
    Expr **values = arena_alloc(f->arena, sizeof(Expr *));
    Expr *e = values ? new_expr(f, EXPR_JOINEDSTR, s->loc) : NULL;
    if (!e)
        return -1;
    values[0] = s->u.expr.value;
    e->u.joinedstr.values = (ExprList){ 1, values };
    s->u.expr.value = e;
    return 0;
}

static int fold_handlers(Folder *f, HandlerList *l)
{
    for (int i = 0; i < l->n; i++) {
        TRY(fold_opt(f, l->v[i]->type));
        TRY(fold_stmts(f, &l->v[i]->body));
    }
    return 0;
}

static int fold_with(Folder *f, Stmt *s)
{
    for (int i = 0; i < s->u.with.items.n; i++) {
        TRY(fold_expr(f, s->u.with.items.v[i]->context_expr));
        TRY(fold_opt(f, s->u.with.items.v[i]->optional_vars));
    }
    return fold_stmts(f, &s->u.with.body);
}

static int fold_def(Folder *f, Stmt *s)
{
    if (s->kind == STMT_CLASSDEF) {
        TRY(fold_exprs(f, &s->u.classdef.bases));
        TRY(fold_keywords(f, &s->u.classdef.keywords));
        TRY(fold_body(f, &s->u.classdef.body));
        return fold_exprs(f, &s->u.classdef.decorators);
    }
    TRY(fold_arguments(f, s->u.funcdef.args));
    TRY(fold_body(f, &s->u.funcdef.body));
    TRY(fold_exprs(f, &s->u.funcdef.decorators));
    return fold_annotation(f, s->u.funcdef.returns);
}

static int fold_loop(Folder *f, Stmt *s)
{
    TRY(fold_expr(f, s->u.for_.target));
    TRY(fold_expr(f, s->u.for_.iter));
    TRY(fold_stmts(f, &s->u.for_.body));
    TRY(fold_stmts(f, &s->u.for_.orelse));
    return fold_iter(f, s->u.for_.iter);
}

static int fold_stmt1(Folder *f, Stmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTIONDEF: case STMT_ASYNCFUNCTIONDEF: case STMT_CLASSDEF:
        return fold_def(f, s);
    case STMT_RETURN:
        return fold_opt(f, s->u.return_.value);
    case STMT_DELETE:
        return fold_exprs(f, &s->u.delete_.targets);
    case STMT_ASSIGN:
        TRY(fold_exprs(f, &s->u.assign.targets));
        return fold_expr(f, s->u.assign.value);
    case STMT_AUGASSIGN:
        TRY(fold_expr(f, s->u.augassign.target));
        return fold_expr(f, s->u.augassign.value);
    case STMT_ANNASSIGN:
        TRY(fold_expr(f, s->u.annassign.target));
        TRY(fold_annotation(f, s->u.annassign.annotation));
        return fold_opt(f, s->u.annassign.value);
    case STMT_FOR: case STMT_ASYNCFOR:
        return fold_loop(f, s);
    case STMT_WHILE: case STMT_IF:
        TRY(fold_expr(f, s->u.if_.test));
        TRY(fold_stmts(f, &s->u.if_.body));
        return fold_stmts(f, &s->u.if_.orelse);
    case STMT_WITH: case STMT_ASYNCWITH:
        return fold_with(f, s);
    case STMT_RAISE:
        TRY(fold_opt(f, s->u.raise.exc));
        return fold_opt(f, s->u.raise.cause);
    case STMT_TRY:
        TRY(fold_stmts(f, &s->u.try_.body));
        TRY(fold_handlers(f, &s->u.try_.handlers));
        TRY(fold_stmts(f, &s->u.try_.orelse));
        return fold_stmts(f, &s->u.try_.finalbody);
    case STMT_ASSERT:
        TRY(fold_expr(f, s->u.assert_.test));
        return fold_opt(f, s->u.assert_.msg);
    case STMT_EXPR:
        return fold_expr(f, s->u.expr.value);
    default:
        return 0;
    }
}

static int fold_stmt(Folder *f, Stmt *s)
{
    if (++f->depth > COMP_MAX_DEPTH)
        return comp_too_deep();
    int r = fold_stmt1(f, s);
    f->depth--;
    return r;
}

static int fold_stmts(Folder *f, StmtList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(fold_stmt(f, l->v[i]));
    return 0;
}

int comp_fold(Mod *mod, Arena *arena, bool future_annotations)
{
    Folder f = { arena, 0, future_annotations };
    switch (mod->mode) {
    case PARSE_EVAL:
        return fold_expr(&f, mod->expr);
    case PARSE_SINGLE:
        return fold_stmts(&f, &mod->body);
    default:
        return fold_body(&f, &mod->body);
    }
}
